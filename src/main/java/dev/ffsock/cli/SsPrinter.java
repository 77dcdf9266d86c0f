package dev.ffsock.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/** Prints {@link SsLine}s in aligned columns, leaving out Netid and State as ss does when they say nothing. */
final class SsPrinter {
    private static final String[] HEAD = {"Netid", "State", "Recv-Q", "Send-Q", "Local Address:Port", "Peer Address:Port"};

    private SsPrinter() {
    }

    static void print(PrintStream out, List<SsLine> lines, boolean header, boolean netid, boolean state, boolean process) {
        List<String[]> rows = new ArrayList<>();
        if (header) rows.add(columns(HEAD, netid, state));
        for (SsLine l : lines) rows.add(columns(l.cells(), netid, state));
        int cols = rows.isEmpty() ? 0 : rows.getFirst().length;
        int[] width = new int[cols];
        for (String[] r : rows) for (int i = 0; i < r.length; i++) width[i] = Math.max(width[i], r[i].length());
        int row = 0;
        if (header) {
            StringBuilder h = line(rows.get(row++), width);
            if (process) h.append(" Process");
            out.println(h.toString().stripTrailing());
        }
        for (SsLine l : lines) {
            StringBuilder sb = line(rows.get(row++), width).append(l.tail());
            out.println(sb.toString().stripTrailing());
            if (l.info() != null) out.println("\t" + l.info());
        }
    }

    private static String[] columns(String[] cells, boolean netid, boolean state) {
        List<String> c = new ArrayList<>(List.of(cells));
        if (!state) c.remove(1);
        if (!netid) c.removeFirst();
        return c.toArray(String[]::new);
    }

    private static StringBuilder line(String[] cells, int[] width) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) sb.append(' ');
            sb.append(cells[i]);
            if (i < cells.length - 1) sb.append(" ".repeat(width[i] - cells[i].length()));
        }
        return sb;
    }
}
