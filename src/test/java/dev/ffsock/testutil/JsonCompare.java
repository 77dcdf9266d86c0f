package dev.ffsock.testutil;

import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Key-by-key comparison of ffsock's JSON objects with iproute2's. */
public final class JsonCompare {
    private JsonCompare() {
    }

    /**
     * Every key {@code tool} has is in {@code mine} with an equal value, except the values (not the
     * presence) of {@code volatileKeys}.
     *
     * @param mine ffsock's object
     * @param tool iproute2's object
     * @param volatileKeys keys whose values may differ between two reads (counters, timers)
     * @param where names the pair in failure messages
     */
    public static void assertCovers(Map<String, Object> mine, Map<String, Object> tool, Set<String> volatileKeys, String where) {
        for (var e : tool.entrySet()) {
            String k = e.getKey();
            assertTrue(mine.containsKey(k), where + ": ffsock lacks key '" + k + "' (tool: " + e.getValue() + ")\nffsock: "
                    + mine + "\ntool:   " + tool);
            if (volatileKeys.contains(k)) continue;
            assertEquals(e.getValue(), mine.get(k), where + ": key '" + k + "'\nffsock: " + mine + "\ntool:   " + tool);
        }
    }
}
