package dev.ffsock.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * Compares {@code ss} output with {@code ffsock sockets} output: main lines word for word, each
 * socket's second line ({@code -i}/{@code -m}) key by key. Values that change between the two reads
 * are masked by key name, and only those: the times since the last send/receive/ACK
 * ({@code lastsnd lastrcv lastack}), the RTT estimates and what is computed from them
 * ({@code rtt rto ato minrtt rcv_rtt send pacing_rate delivery_rate busy}, BBR's {@code bbr:(…)}).
 * Their presence and order still count. On the main line, a timer's time ({@code timer:(on,*,0)}).
 */
final class SsInfoCompare {
    private static final Set<String> VOLATILE = Set.of("lastsnd", "lastrcv", "lastack", "rtt", "rto", "ato", "minrtt",
            "rcv_rtt", "send", "pacing_rate", "delivery_rate", "busy", "bbr");
    /** Keys ss prints with their value as the next word. */
    private static final Set<String> SPACED = Set.of("send", "pacing_rate", "delivery_rate");

    private SsInfoCompare() {
    }

    /** One socket: its main line's words and its info line's words (empty if none). */
    record Entry(List<String> main, List<String> info) {
    }

    static List<Entry> entries(String out) {
        List<Entry> r = new ArrayList<>();
        for (String line : out.split("\n")) {
            if (line.isBlank()) continue;
            List<String> words = List.of(line.trim().split("\\s+"));
            if (line.startsWith("\t") && !r.isEmpty()) {
                Entry last = r.removeLast();
                List<String> info = new ArrayList<>(last.info());
                info.addAll(words);
                r.add(new Entry(last.main(), info));
            } else {
                r.add(new Entry(words, List.of()));
            }
        }
        r.sort(Comparator.comparing(e -> e.main().toString()));
        return r;
    }

    /** {@return the info words as key:value items, volatile values replaced by *} */
    static List<String> masked(List<String> info) {
        List<String> r = new ArrayList<>();
        for (int i = 0; i < info.size(); i++) {
            String w = info.get(i);
            if (SPACED.contains(w) && i + 1 < info.size()) {
                r.add(w + (VOLATILE.contains(w) ? " *" : " " + info.get(i + 1)));
                i++;
                continue;
            }
            int colon = w.indexOf(':');
            String key = colon < 0 ? w : w.substring(0, colon);
            r.add(colon >= 0 && VOLATILE.contains(key) ? key + ":*" : w);
        }
        return r;
    }

    /** The main line with a timer's time left out ({@code timer:(on,200ms,0)} keeps {@code on} and the count). */
    static List<String> mainMasked(List<String> main) {
        return main.stream().map(w -> w.startsWith("timer:(") ? w.replaceAll(",[^,]*,", ",*,") : w).toList();
    }

    static void assertSame(String ss, String ffsock, String what) {
        List<Entry> theirs = entries(ss), mine = entries(ffsock);
        assertEquals(theirs.stream().map(e -> mainMasked(e.main())).toList(), mine.stream().map(e -> mainMasked(e.main())).toList(), what + "\n--- ss:\n" + ss + "--- ffsock:\n" + ffsock);
        for (int i = 0; i < theirs.size(); i++) {
            assertEquals(masked(theirs.get(i).info()), masked(mine.get(i).info()), what + ": " + theirs.get(i).main());
        }
    }
}
