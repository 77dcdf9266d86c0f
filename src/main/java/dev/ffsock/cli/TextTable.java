package dev.ffsock.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/** Rows of text cells printed with aligned columns (two spaces apart; the last column unpadded). */
final class TextTable {
    private final List<String[]> rows = new ArrayList<>();

    void add(String... cells) {
        rows.add(cells);
    }

    void print(PrintStream out) {
        int cols = 0;
        for (String[] r : rows) cols = Math.max(cols, r.length);
        int[] w = new int[cols];
        for (String[] r : rows) {
            for (int i = 0; i < r.length; i++) w[i] = Math.max(w[i], r[i].length());
        }
        StringBuilder sb = new StringBuilder();
        for (String[] r : rows) {
            sb.setLength(0);
            for (int i = 0; i < r.length; i++) {
                sb.append(r[i]);
                if (i < r.length - 1) sb.append(" ".repeat(w[i] - r[i].length() + 2));
            }
            int end = sb.length();
            while (end > 0 && sb.charAt(end - 1) == ' ') end--;
            sb.setLength(end);
            out.println(sb);
        }
    }
}
