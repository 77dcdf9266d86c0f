package dev.ffsock.cli;

import dev.ffsock.netlink.route.PopulatedNetns;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * {@code ffsock link|addr|route|neigh --json} against {@code ip -j} on this host and in a populated
 * namespace: objects matched by identity, every key {@code ip} prints must be in ffsock's object
 * with an equal value. Volatile values are skipped: {@code expires}, lifetimes of dynamic addresses,
 * neighbour state other than PERMANENT.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IpJsonCompareTest {
    private PopulatedNetns ns;

    @BeforeAll
    void setUp() throws Exception {
        ns = PopulatedNetns.create("json");
    }

    @AfterAll
    void tearDown() throws Exception {
        if (ns != null) ns.close();
    }

    @Test
    void linksInNamespace() throws Exception {
        compare(List.of("link", "--json", "--netns", ns.name), ns.ip("-j", "link"), IpJsonCompareTest::linkKey, null);
    }

    @Test
    void linksOnHost() throws Exception {
        compare(List.of("link", "--json"), new String[] {"ip", "-j", "link"}, IpJsonCompareTest::linkKey, null);
    }

    @Test
    void addressesInNamespace() throws Exception {
        compare(List.of("addr", "--json", "--netns", ns.name), ns.ip("-j", "addr"), IpJsonCompareTest::linkKey, null);
    }

    @Test
    void addressesOnHost() throws Exception {
        compare(List.of("addr", "--json"), new String[] {"ip", "-j", "addr"}, IpJsonCompareTest::linkKey, null);
    }

    @Test
    void routesInNamespace() throws Exception {
        compare(List.of("route", "--table", "all", "--json", "--netns", ns.name), ns.ip("-j", "route", "show", "table", "all"),
                IpJsonCompareTest::routeKey, null);
        compare(List.of("route", "--table", "all", "-6", "--json", "--netns", ns.name),
                ns.ip("-j", "-6", "route", "show", "table", "all"), IpJsonCompareTest::routeKey, null);
        compare(List.of("route", "--table", "all", "-4", "--json", "--netns", ns.name),
                ns.ip("-j", "-4", "route", "show", "table", "all"), IpJsonCompareTest::routeKey, null);
        // ip route show table N without -6 shows IPv4 only; ffsock shows both unless -4/-6
        compare(List.of("route", "--table", "100", "-4", "--json", "--netns", ns.name), ns.ip("-j", "route", "show", "table", "100"),
                IpJsonCompareTest::routeKey, null);
        compare(List.of("route", "--table", "100", "-6", "--json", "--netns", ns.name),
                ns.ip("-j", "-6", "route", "show", "table", "100"), IpJsonCompareTest::routeKey, null);
        compare(List.of("route", "--table", "local", "-4", "--json", "--netns", ns.name),
                ns.ip("-j", "-4", "route", "show", "table", "local"), IpJsonCompareTest::routeKey, null);
        compare(List.of("route", "-4", "--json", "--netns", ns.name), ns.ip("-j", "route", "show"),
                IpJsonCompareTest::routeKey, null);
    }

    @Test
    void routesOnHost() throws Exception {
        compare(List.of("route", "--table", "all", "--json"), new String[] {"ip", "-j", "route", "show", "table", "all"},
                IpJsonCompareTest::routeKey, null);
        compare(List.of("route", "--table", "all", "-6", "--json"), new String[] {"ip", "-j", "-6", "route", "show", "table", "all"},
                IpJsonCompareTest::routeKey, null);
    }

    @Test
    void neighboursInNamespace() throws Exception {
        compare(List.of("neigh", "--json", "--netns", ns.name), ns.ip("-j", "neigh"), IpJsonCompareTest::neighKey, null);
    }

    @Test
    void neighboursOnHost() throws Exception {
        // Dynamic entries come and go between the two dumps: only entries in both are compared.
        compare(List.of("neigh", "--json"), new String[] {"ip", "-j", "neigh"}, IpJsonCompareTest::neighKey,
                m -> "PERMANENT".equals(first(m.get("state"))));
    }

    private static Object first(Object list) {
        return list instanceof List<?> l && !l.isEmpty() ? l.get(0) : null;
    }

    static String linkKey(Map<String, Object> m) {
        return String.valueOf(m.get("ifindex"));
    }

    static String routeKey(Map<String, Object> m) {
        return m.get("type") + "|" + m.get("dst") + "|" + m.get("from") + "|" + m.get("table") + "|" + m.get("metric") + "|"
                + m.get("dev") + "|" + m.get("tos");
    }

    static String neighKey(Map<String, Object> m) {
        return m.get("dev") + "|" + m.get("dst");
    }

    /**
     * Runs both, retrying up to 3 times when the two object sets differ (something changed in between).
     *
     * @param mustMatch null: the object sets must be equal; else only ip objects passing it must be in ffsock's
     */
    private void compare(List<String> ffsock, String[] ip, Function<Map<String, Object>, String> key,
            java.util.function.Predicate<Map<String, Object>> mustMatch) throws Exception {
        AssertionError last = null;
        for (int attempt = 0; attempt < 3; attempt++) {
            Cli.Result r = Cli.run(ffsock.toArray(String[]::new));
            assertEquals(0, r.status(), r::toString);
            String ipOut = PopulatedNetns.output(ip);
            try {
                compareOnce(objects(r.out()), objects(ipOut), key, mustMatch, String.join(" ", ip));
                return;
            } catch (SetMismatch e) {
                last = e;
            }
        }
        throw last;
    }

    private static final class SetMismatch extends AssertionError {
        private static final long serialVersionUID = 1L;

        SetMismatch(String m) {
            super(m);
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> objects(String json) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Object o : (List<Object>) dev.ffsock.testutil.Json.parse(json)) out.add((Map<String, Object>) o);
        return out;
    }

    private static void compareOnce(List<Map<String, Object>> mine, List<Map<String, Object>> theirs,
            Function<Map<String, Object>, String> key, java.util.function.Predicate<Map<String, Object>> mustMatch,
            String what) {
        Map<String, Map<String, Object>> byKey = index(mine, key, "ffsock");
        Map<String, Map<String, Object>> ipByKey = index(theirs, key, what);
        if (mustMatch == null && !byKey.keySet().equals(ipByKey.keySet())) {
            throw new SetMismatch(what + ": objects differ\nffsock: " + byKey.keySet() + "\nip:     " + ipByKey.keySet());
        }
        int compared = 0;
        for (var e : ipByKey.entrySet()) {
            Map<String, Object> m = byKey.get(e.getKey());
            if (m == null) {
                if (mustMatch != null && mustMatch.test(e.getValue())) {
                    throw new SetMismatch(what + ": ffsock lacks " + e.getKey());
                }
                continue;
            }
            compareObject(m, e.getValue(), what + " [" + e.getKey() + "]");
            compared++;
        }
        assertTrue(compared > 0 || theirs.isEmpty(), what + ": nothing compared");
    }

    private static Map<String, Map<String, Object>> index(List<Map<String, Object>> list,
            Function<Map<String, Object>, String> key, String who) {
        Map<String, Map<String, Object>> m = new LinkedHashMap<>();
        for (Map<String, Object> o : list) {
            if (m.put(key.apply(o), o) != null) fail(who + ": two objects with key " + key.apply(o) + ": " + list);
        }
        return m;
    }

    private static final Set<String> VOLATILE = Set.of("expires", "used", "confirmed", "updated", "stats64", "stats");

    @SuppressWarnings("unchecked")
    private static void compareObject(Map<String, Object> mine, Map<String, Object> ip, String where) {
        boolean dynamicAddr = Boolean.TRUE.equals(ip.get("dynamic"));
        boolean permanentNeigh = ip.containsKey("state") && ((List<Object>) ip.get("state")).contains("PERMANENT");
        for (var e : ip.entrySet()) {
            String k = e.getKey();
            assertTrue(mine.containsKey(k), where + ": ffsock lacks key '" + k + "' (ip: " + e.getValue() + ")\nffsock: " + mine);
            if (VOLATILE.contains(k)) continue;
            if (dynamicAddr && (k.equals("valid_life_time") || k.equals("preferred_life_time"))) continue;
            if (k.equals("state") && ip.containsKey("lladdr") && !permanentNeigh) continue;
            if (k.equals("state") && !ip.containsKey("lladdr") && !permanentNeigh) continue;
            if (k.equals("addr_info")) {
                compareAddrInfo((List<Object>) mine.get(k), (List<Object>) e.getValue(), where);
                continue;
            }
            assertTrue(Objects.equals(mine.get(k), e.getValue()),
                    where + ": key '" + k + "': ffsock " + mine.get(k) + ", ip " + e.getValue());
        }
    }

    @SuppressWarnings("unchecked")
    private static void compareAddrInfo(List<Object> mine, List<Object> ip, String where) {
        List<Map<String, Object>> a = new ArrayList<>();
        for (Object o : mine) a.add((Map<String, Object>) o);
        List<Map<String, Object>> b = new ArrayList<>();
        for (Object o : ip) b.add((Map<String, Object>) o);
        Function<Map<String, Object>, String> key = m -> m.get("family") + "|" + m.get("local") + "|" + m.get("prefixlen");
        Map<String, Map<String, Object>> byKey = index(a, key, "ffsock addr_info");
        Map<String, Map<String, Object>> ipByKey = index(b, key, "ip addr_info");
        if (!byKey.keySet().equals(ipByKey.keySet())) {
            throw new SetMismatch(where + ": addresses differ\nffsock: " + byKey.keySet() + "\nip:     " + ipByKey.keySet());
        }
        for (var e : ipByKey.entrySet()) compareObject(byKey.get(e.getKey()), e.getValue(), where + " addr " + e.getKey());
    }
}
