package dev.ffsock.cli;

import dev.ffsock.netlink.route.PopulatedNetns;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code ffsock rule}, {@code ffsock nexthop} and {@code ffsock route get|add|del} against iproute2
 * in a populated namespace of this class's own: objects made with {@code ip} and with ffsock's CLI,
 * {@code --json} compared with {@code ip -j} key by key (every key ip prints present with the same
 * value; the volatile {@code expires} excepted), usage errors (exit 2) and kernel refusals (exit 1
 * with errno and ext-ack text).
 */
class PolicyCommandsTest {
    private static PopulatedNetns ns;

    @BeforeAll
    static void setUp() throws Exception {
        ns = PopulatedNetns.create("clipol");
        for (String cmd : new String[] {
            "rule add from 10.0.0.0/8 to 10.1.0.0/16 fwmark 0x10/0xff iif lo uidrange 1-10 sport 100-200 dport 300 ipproto tcp pref 100 table 1000",
            "rule add not iif lo goto 300 pref 50",
            "rule add pref 300 nop",
            "rule add pref 150 l3mdev",
            "rule add pref 160 table main suppress_prefixlength 0 suppress_ifgroup 5",
            "rule add pref 170 to 198.51.103.0/24 tos 0x10 protocol 99 prohibit",
            "rule add pref 171 to 198.51.102.0/24 oif veth0 blackhole",
            "rule add pref 172 to 198.51.101.0/24 unreachable",
            "rule add pref 173 to 198.51.104.0/24 nat 192.0.2.77",
            "-6 rule add from 2001:db8::/32 pref 100 table 300",
            "-6 rule add not to 2001:db8:5::/48 pref 40000 prohibit",
            "nexthop add id 1 via 192.0.2.10 dev veth0",
            "nexthop add id 2 blackhole",
            "nexthop add id 3 dev veth0",
            "nexthop add id 4 via fe80::10 dev veth0",
            "nexthop add id 5 via 192.0.2.11 fdb",
            "nexthop add id 6 via 192.0.2.12 dev veth0 proto static",
            "nexthop add id 10 group 1/6,3",
            "nexthop add id 11 group 1,2/6 type resilient buckets 8 idle_timer 60",
            "route add 10.77.0.0/16 nhid 10",
        }) {
            String e = PopulatedNetns.run(ns.ip(cmd.split(" ")));
            if (e != null) throw new IllegalStateException("ip " + cmd + ": " + e);
        }
        String fwd = PopulatedNetns.run("ip", "netns", "exec", ns.name, "sysctl", "-qw", "net.ipv4.ip_forward=1");
        if (fwd != null) throw new IllegalStateException("sysctl net.ipv4.ip_forward=1: " + fwd);
    }

    @AfterAll
    static void tearDown() throws Exception {
        if (ns != null) ns.close();
    }

    private static final Set<String> VOLATILE = Set.of("expires");

    /** Every key {@code ip} printed is in {@code mine} with the same value, recursively. */
    @SuppressWarnings("unchecked")
    private static void covers(Object ip, Object mine, String where) {
        if (ip instanceof Map<?, ?> im) {
            if (!(mine instanceof Map<?, ?> mm)) throw new AssertionError(where + ": ffsock has " + mine + ", ip " + ip);
            for (var e : ((Map<String, Object>) im).entrySet()) {
                assertTrue(mm.containsKey(e.getKey()), where + ": ffsock lacks '" + e.getKey() + "' (ip: " + e.getValue() + ")\nffsock: " + mine);
                if (!VOLATILE.contains(e.getKey())) covers(e.getValue(), mm.get(e.getKey()), where + "." + e.getKey());
            }
        } else if (ip instanceof List<?> il && mine instanceof List<?> ml && il.size() == ml.size()) {
            for (int i = 0; i < il.size(); i++) covers(il.get(i), ml.get(i), where + "[" + i + "]");
        } else {
            assertTrue(Objects.equals(ip, mine), where + ": ffsock " + mine + ", ip " + ip);
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> array(String json) {
        return (List<Map<String, Object>>) dev.ffsock.testutil.Json.parse(json.strip());
    }

    /** Runs ffsock with --json and ip -j, and checks both list the same objects, key by key. */
    private static void compare(List<String> ffsock, String[] ipArgs, Function<Map<String, Object>, Object> key) throws Exception {
        List<String> a = new ArrayList<>(ffsock);
        a.addAll(List.of("--json", "--netns", ns.name));
        // The namespace's IPv6 autoconfiguration adds objects on its own schedule (a link-local
        // address's local route once DAD ends): compare with an ip dump taken before and after
        // ffsock's that lists the same objects, so both saw one state (at most 10 tries).
        List<Map<String, Object>> mine = List.of(), ip = List.of();
        for (int attempt = 0; attempt < 10; attempt++) {
            List<Map<String, Object>> before = array(PopulatedNetns.output(ns.ip(ipArgs)));
            Cli.Result r = Cli.run(a.toArray(String[]::new));
            assertEquals(0, r.status(), () -> String.join(" ", a) + ": " + r);
            mine = array(r.out());
            ip = array(PopulatedNetns.output(ns.ip(ipArgs)));
            if (before.stream().map(key).toList().equals(ip.stream().map(key).toList())) break;
            Thread.sleep(200);
        }
        List<Map<String, Object>> mineFinal = mine;
        assertEquals(ip.stream().map(key).toList(), mineFinal.stream().map(key).toList(), "the same objects, in ip's order");
        assertFalse(ip.isEmpty(), "something compared");
        for (int i = 0; i < ip.size(); i++) covers(ip.get(i), mine.get(i), String.join(" ", ipArgs) + " [" + key.apply(ip.get(i)) + "]");
    }

    private static Object ruleKey(Map<String, Object> m) {
        return m.get("priority") + "|" + m.get("src") + "|" + m.get("dst") + "|" + m.get("table");
    }

    @Test
    void rulesAsIpPrintsThem() throws Exception {
        compare(List.of("rule"), new String[] {"-j", "rule", "show"}, PolicyCommandsTest::ruleKey);
        compare(List.of("rule", "show", "-6"), new String[] {"-j", "-6", "rule", "show"}, PolicyCommandsTest::ruleKey);
        Cli.Result text = Cli.run("rule", "--netns", ns.name);
        assertEquals(0, text.status(), text::toString);
        assertTrue(text.out().contains("100:\tfrom 10.0.0.0/8 to 10.1.0.0/16 fwmark 0x10/0xff"), text::toString);
    }

    @Test
    void nexthopsAsIpPrintsThem() throws Exception {
        compare(List.of("nexthop"), new String[] {"-j", "nexthop", "show"}, m -> m.get("id"));
        compare(List.of("nexthop", "show", "id", "11"), new String[] {"-j", "nexthop", "show", "id", "11"}, m -> m.get("id"));
        compare(List.of("nexthop", "show", "dev", "veth0"), new String[] {"-j", "nexthop", "show", "dev", "veth0"}, m -> m.get("id"));
        compare(List.of("nexthop", "show", "groups"), new String[] {"-j", "nexthop", "show", "groups"}, m -> m.get("id"));
        // ip 6.1 with this kernel lists every object for 'nexthop show fdb'; ffsock lists those ip marks "fdb"
        Cli.Result fdb = Cli.run("nexthop", "show", "fdb", "--json", "--netns", ns.name);
        assertEquals(0, fdb.status(), fdb::toString);
        assertEquals(array(PopulatedNetns.output(ns.ip("-j", "nexthop", "show"))).stream().filter(m -> m.containsKey("fdb"))
                .map(m -> m.get("id")).toList(), array(fdb.out()).stream().map(m -> m.get("id")).toList());
        compare(List.of("nexthop", "show", "-6"), new String[] {"-j", "-6", "nexthop", "show"}, m -> m.get("id"));
        compare(List.of("nexthop", "show", "-4"), new String[] {"-j", "-4", "nexthop", "show"}, m -> m.get("id"));
        // the route through nexthop group 10, as ip route show prints it
        compare(List.of("route", "show", "-4"), new String[] {"-j", "route", "show"}, m -> m.get("dst"));
    }

    @Test
    void routeGetAsIpPrintsIt() throws Exception {
        String[][] queries = {
            {"198.51.100.7"}, {"203.0.113.5"}, {"10.77.1.1"}, {"192.0.2.99", "from", "192.0.2.1", "mark", "5", "uid", "7"},
            {"2001:db8:99::1"}, {"fe80::5", "oif", "veth0"}, {"198.51.100.1"}, {"fibmatch", "203.0.113.5"}, {"127.0.0.1"},
            {"203.0.113.7", "from", "192.0.2.99", "iif", "veth0"}, {"10.77.3.3", "from", "192.0.2.99", "iif", "veth0", "mark", "3"}};
        for (String[] q : queries) {
            List<String> ff = new ArrayList<>(List.of("route", "get"));
            ff.addAll(List.of(q));
            List<String> ip = new ArrayList<>(List.of("-j", "route", "get"));
            ip.addAll(List.of(q));
            compare(ff, ip.toArray(String[]::new), m -> m.get("dst"));
        }
    }

    @Test
    void objectsMadeWithTheCliAreWhatIpReads() throws Exception {
        ok("rule", "add", "from", "203.0.113.0/24", "fwmark", "0x20/0xf0", "sport", "1000-2000", "ipproto", "udp",
                "pref", "2100", "table", "2000", "--netns", ns.name);
        ok("rule", "add", "-6", "to", "2001:db8:7::/48", "pref", "2100", "unreachable", "--netns", ns.name);
        ok("nexthop", "add", "id", "50", "via", "192.0.2.50", "dev", "veth0", "--netns", ns.name);
        ok("nexthop", "add", "id", "51", "group", "50,3/1", "--netns", ns.name);
        ok("nexthop", "replace", "id", "50", "via", "192.0.2.51", "dev", "veth0", "--netns", ns.name);
        ok("route", "add", "10.78.0.0/16", "nhid", "51", "--netns", ns.name);
        ok("route", "add", "blackhole", "10.79.0.0/16", "table", "100", "--netns", ns.name);
        ok("route", "add", "10.80.0.0/16", "via", "192.0.2.254", "metric", "20", "mtu", "lock", "1400", "congctl", "cubic",
                "--netns", ns.name);
        ok("route", "add", "2001:db8:20::/64", "dev", "veth0", "pref", "high", "-6", "--netns", ns.name);
        List<Map<String, Object>> r = array(PopulatedNetns.output(ns.ip("-j", "rule", "show", "pref", "2100")));
        assertEquals("203.0.113.0", r.get(0).get("src"));
        assertEquals("0x20", r.get(0).get("fwmark"));
        assertEquals("0xf0", r.get(0).get("fwmask"));
        assertEquals(1000L, r.get(0).get("sport_start"));
        assertEquals("udp", r.get(0).get("ipproto"));
        assertEquals("2000", r.get(0).get("table"));
        assertEquals("unreachable", array(PopulatedNetns.output(ns.ip("-j", "-6", "rule", "show", "pref", "2100"))).get(0).get("action"));
        assertEquals("192.0.2.51", array(PopulatedNetns.output(ns.ip("-j", "nexthop", "show", "id", "50"))).get(0).get("gateway"));
        assertEquals(51L, array(PopulatedNetns.output(ns.ip("-j", "route", "show", "10.78.0.0/16"))).get(0).get("nhid"));
        assertEquals("blackhole", array(PopulatedNetns.output(ns.ip("-j", "route", "show", "table", "100", "10.79.0.0/16"))).get(0).get("type"));
        Map<String, Object> m = array(PopulatedNetns.output(ns.ip("-j", "route", "show", "10.80.0.0/16"))).get(0);
        assertEquals(20L, m.get("metric"));
        assertEquals("high", array(PopulatedNetns.output(ns.ip("-j", "-6", "route", "show", "2001:db8:20::/64"))).get(0).get("pref"));
        // and the CLI reads them back as ip does
        compare(List.of("rule"), new String[] {"-j", "rule", "show"}, PolicyCommandsTest::ruleKey);
        compare(List.of("nexthop"), new String[] {"-j", "nexthop", "show"}, x -> x.get("id"));
        compare(List.of("route", "--table", "all"), new String[] {"-j", "route", "show", "table", "all"},
                x -> x.get("type") + "|" + x.get("dst") + "|" + x.get("table") + "|" + x.get("metric") + "|" + x.get("dev"));

        ok("route", "del", "10.80.0.0/16", "--netns", ns.name);
        ok("nexthop", "del", "id", "51", "--netns", ns.name);
        ok("rule", "del", "pref", "2100", "--netns", ns.name);
        assertTrue(PopulatedNetns.output(ns.ip("-j", "route", "show", "10.80.0.0/16")).strip().equals("[]"));
        assertTrue(PopulatedNetns.output(ns.ip("-j", "rule", "show", "pref", "2100")).strip().equals("[]"));
    }

    @Test
    void monitorPrintsRuleAndNexthopEvents() throws Exception {
        Cli.Lines out = new Cli.Lines();
        Cli.Lines err = new Cli.Lines();
        java.util.concurrent.atomic.AtomicInteger status = new java.util.concurrent.atomic.AtomicInteger(-1);
        Thread t = Thread.ofPlatform().start(() -> status.set(Main.run(
                new String[] {"monitor", "rule", "nexthop", "--count", "4", "--timeout", "30", "--netns", ns.name},
                new java.io.PrintStream(out, true, java.nio.charset.StandardCharsets.UTF_8),
                new java.io.PrintStream(err, true, java.nio.charset.StandardCharsets.UTF_8))));
        assertEquals("ffsock: monitoring rule nexthop in " + ns.name + ", 4 events", err.next(java.time.Duration.ofSeconds(20)));
        ok("rule", "add", "from", "198.51.100.0/24", "pref", "3100", "table", "3000", "--netns", ns.name);
        ok("nexthop", "add", "id", "90", "blackhole", "--netns", ns.name);
        ok("nexthop", "del", "id", "90", "--netns", ns.name);
        ok("rule", "del", "pref", "3100", "--netns", ns.name);
        t.join(60_000);
        assertEquals(0, status.get(), () -> "stdout:\n" + out.all() + "stderr:\n" + err.all());
        assertEquals(List.of("rule new 3100: from 198.51.100.0/24 lookup 3000", "nexthop new id 90 blackhole",
                "nexthop del id 90 blackhole", "rule del 3100: from 198.51.100.0/24 lookup 3000"), List.of(out.all().split("\n")));
    }

    private static void ok(String... args) {
        Cli.Result r = Cli.run(args);
        assertEquals(0, r.status(), () -> String.join(" ", args) + ": " + r);
    }

    @Test
    void usageErrorsExit2AndKernelRefusalsExit1() {
        String[][] usage = {
            {"rule", "add", "from", "10.0.0.0/33"}, {"rule", "add", "table", "0"}, {"rule", "add", "pref", "-1"},
            {"rule", "add", "sport", "200-100"}, {"rule", "frob"}, {"rule", "add", "bogus"},
            {"nexthop", "add", "id", "0", "blackhole"}, {"nexthop", "add", "via", "192.0.2.1"},
            {"nexthop", "add", "id", "9", "group", "1,257"}, {"nexthop", "add", "id", "9"},
            {"route", "get"}, {"route", "get", "300.1.1.1"}, {"route", "add", "10.0.0.0/33", "dev", "lo"},
            {"route", "add", "10.0.0.0/8", "table", "0", "dev", "lo"}, {"route", "add", "10.0.0.0/8", "pref", "high", "dev", "lo"},
        };
        for (String[] u : usage) {
            List<String> a = new ArrayList<>(List.of(u));
            a.addAll(List.of("--netns", ns.name));
            Cli.Result r = Cli.run(a.toArray(String[]::new));
            assertEquals(2, r.status(), () -> String.join(" ", u) + ": " + r);
            assertTrue(r.err().startsWith("ffsock: "), r::toString);
            assertFalse(r.err().contains("Exception"), r::toString);
        }
        Cli.Result dup = Cli.run("nexthop", "add", "id", "1", "blackhole", "--netns", ns.name);
        assertEquals(1, dup.status(), dup::toString);
        assertTrue(dup.err().contains("RTM_NEWNEXTHOP: EEXIST"), dup::toString);
        Cli.Result grp = Cli.run("nexthop", "add", "id", "60", "group", "999", "--netns", ns.name);
        assertEquals(1, grp.status(), grp::toString);
        assertTrue(grp.err().contains("RTM_NEWNEXTHOP: EINVAL") && grp.err().contains("kernel: "), grp::toString);
        Cli.Result nat = Cli.run("route", "add", "nat", "10.90.0.0/16", "--netns", ns.name);
        assertEquals(1, nat.status(), nat::toString);
        assertTrue(nat.err().contains("RTM_NEWROUTE: EINVAL") && nat.err().contains("kernel: "), nat::toString);
        Cli.Result prohibited = Cli.run("route", "get", "198.51.103.1", "tos", "0x10", "--netns", ns.name);
        assertEquals(1, prohibited.status(), prohibited::toString);
        assertTrue(prohibited.err().contains("RTM_GETROUTE: EACCES"), "the prohibit rule: " + prohibited);
        Cli.Result gone = Cli.run("rule", "del", "pref", "4242", "--netns", ns.name);
        assertEquals(1, gone.status(), gone::toString);
        assertTrue(gone.err().contains("RTM_DELRULE: ENOENT"), gone::toString);
    }
}
