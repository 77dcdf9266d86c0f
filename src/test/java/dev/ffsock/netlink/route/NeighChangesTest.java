package dev.ffsock.netlink.route;

import dev.ffsock.netlink.NetlinkConnection;
import dev.ffsock.netlink.NetlinkException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code ip neigh add|replace|del|flush} with every NUD state, proxy entries and the router and
 * extern_learn flags, made by ffsock and read with {@code ip -j neigh}, and made by ip and read by
 * ffsock, in a namespace of the test's own (veth n0/n1). The neighbour timers of n0 are set to an hour
 * (base_reachable_time, delay_first_probe_time, retrans_time) so that no state moves on while the test reads it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NeighChangesTest {
    private static final String[] STATES = {"permanent", "noarp", "reachable", "stale", "none", "incomplete", "delay",
        "probe", "failed"};
    private TestNetns ns;
    private NetlinkConnection conn;
    private RtnetlinkChanges ch;
    private Rtnetlink rt;

    @BeforeAll
    void setUp() throws Exception {
        ns = TestNetns.create("neigh");
        ns.ip("link", "add", "n0", "type", "veth", "peer", "name", "n1");
        ns.ip("link", "set", "n0", "up");
        ns.ip("link", "set", "n1", "up");
        ns.ip("addr", "add", "10.77.0.1/24", "dev", "n0");
        for (String fam : new String[] {"ipv4", "ipv6"}) {
            for (String kv : new String[] {"base_reachable_time_ms=3600000", "delay_first_probe_time=3600", "retrans_time_ms=3600000"}) {
                TestNetns.Result r = TestNetns.exec(List.of("ip", "netns", "exec", ns.name, "sysctl", "-qw",
                        "net." + fam + ".neigh.n0." + kv));
                assertEquals(0, r.status(), r.err());
            }
        }
        conn = ns.connect();
        ch = new RtnetlinkChanges(conn);
        rt = Rtnetlink.open(ns.name);
    }

    @AfterAll
    void tearDown() throws Exception {
        if (rt != null) rt.close();
        if (conn != null) conn.close();
        if (ns != null) ns.close();
    }

    private static InetAddress ip(String s) {
        return InetAddress.ofLiteral(s);
    }

    private Map<String, Map<String, Object>> ipNeigh(String... extra) throws Exception {
        List<String> a = new ArrayList<>(List.of("neigh", "show", "dev", "n0"));
        a.addAll(List.of(extra));
        Map<String, Map<String, Object>> out = new LinkedHashMap<>();
        for (Map<String, Object> m : ns.json(a.toArray(String[]::new))) {
            // keyed and compared in Java's spelling (2001:db8:0:0:0:0:0:1); the CLI test compares ip's own
            String dst = ip((String) m.get("dst")).getHostAddress();
            m.put("dst", dst);
            out.put(dst, m);
        }
        return out;
    }

    /** What ffsock read, in the keys ip prints for it. */
    private static Map<String, Object> asIp(Neigh n, String dev) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("dst", n.dst().getHostAddress());
        o.put("dev", dev);
        if (n.lladdr() != null) o.put("lladdr", n.lladdrString());
        if ((n.flags() & Rtnl.NTF_ROUTER) != 0) o.put("router", null);
        if ((n.flags() & Rtnl.NTF_PROXY) != 0) o.put("proxy", null);
        if ((n.flags() & Rtnl.NTF_EXT_LEARNED) != 0) o.put("extern_learn", null);
        if (n.state().bits() != 0) o.put("state", n.state().names());
        return o;
    }

    private Map<String, Neigh> ffsockNeigh(boolean proxy) throws Exception {
        int index = ch.ifindex("n0");
        Map<String, Neigh> out = new HashMap<>();
        for (Neigh n : proxy ? rt.proxyNeighbours(0, index) : rt.neighbours(0, index)) {
            out.put(n.dst().getHostAddress(), n);
        }
        return out;
    }

    @Test
    void everyStateMadeByFfsockIsWhatIpShows() throws Exception {
        Map<String, String> made = new LinkedHashMap<>();
        for (int i = 0; i < STATES.length; i++) {
            String addr = "10.77.1." + (i + 1);
            NeighSpec n = NeighSpec.of("n0", ip(addr)).state(NeighState.parse(STATES[i]));
            if (!STATES[i].equals("incomplete") && !STATES[i].equals("none")) n.lladdr("02:00:00:00:01:" + String.format("%02x", i + 1));
            ch.addNeighbour(n);
            made.put(addr, STATES[i]);
        }
        ch.addNeighbour(NeighSpec.of("n0", ip("10.77.1.50")).lladdr("02:00:00:00:01:50").router().externLearn());
        ch.addNeighbour(NeighSpec.of("n0", ip("2001:db8:77::5")).lladdr("02:00:00:00:01:51").router());
        ch.addNeighbour(NeighSpec.of("n0", ip("10.77.1.60")).proxy());
        ch.addNeighbour(NeighSpec.of("n0", ip("2001:db8:77::60")).proxy());

        Map<String, Map<String, Object>> shown = ipNeigh("nud", "all");
        for (var e : made.entrySet()) {
            Map<String, Object> m = shown.get(e.getKey());
            assertTrue(m != null, "ip shows " + e.getKey() + " (" + e.getValue() + "): " + shown.keySet());
            List<?> expect = e.getValue().equals("none") ? null : List.of(e.getValue().toUpperCase());
            // DELAY's timer is armed to fire at once: the kernel moves the entry on to PROBE (where the
            // hour-long retrans_time keeps it) before anyone can read it
            if (e.getValue().equals("delay") && List.of("PROBE").equals(m.get("state"))) continue;
            assertEquals(expect, m.get("state"), e.getKey());
        }
        Map<String, Object> r = shown.get("10.77.1.50");
        assertTrue(r.containsKey("router") && r.containsKey("extern_learn"), r.toString());
        assertTrue(shown.get(ip("2001:db8:77::5").getHostAddress()).containsKey("router"));
        Map<String, Map<String, Object>> proxies = ipNeigh("proxy");
        assertEquals(java.util.Set.of("dst", "proxy"), proxies.get("10.77.1.60").keySet()); // ip leaves out dev when filtering by it
        assertTrue(proxies.containsKey(ip("2001:db8:77::60").getHostAddress()), proxies.toString());

        // and ffsock reads every one of them back as ip prints it, key by key
        Map<String, Neigh> mine = ffsockNeigh(false);
        for (var e : shown.entrySet()) {
            assertTrue(mine.containsKey(e.getKey()), "ffsock reads " + e.getKey() + ": " + mine.keySet());
            dev.ffsock.testutil.JsonCompare.assertCovers(asIp(mine.get(e.getKey()), "n0"), e.getValue(), java.util.Set.of(), e.getKey());
        }
        Map<String, Neigh> mineProxy = ffsockNeigh(true);
        for (var e : proxies.entrySet()) {
            dev.ffsock.testutil.JsonCompare.assertCovers(asIp(mineProxy.get(e.getKey()), "n0"), e.getValue(), java.util.Set.of(), e.getKey());
        }

        // replace changes the state and address; delete removes (proxy ones with the proxy flag)
        ch.replaceNeighbour(NeighSpec.of("n0", ip("10.77.1.4")).lladdr("02:00:00:00:01:99").state(NeighState.PERMANENT));
        assertEquals(List.of("PERMANENT"), ipNeigh().get("10.77.1.4").get("state"));
        assertEquals("02:00:00:00:01:99", ipNeigh().get("10.77.1.4").get("lladdr"));
        ch.deleteNeighbour(NeighSpec.of("n0", ip("10.77.1.60")).proxy());
        assertTrue(!ipNeigh("proxy").containsKey("10.77.1.60"));
        for (String addr : made.keySet()) ch.deleteNeighbour(NeighSpec.of("n0", ip(addr)));
        NetlinkException gone = assertThrows(NetlinkException.class, () -> ch.deleteNeighbour(NeighSpec.of("n0", ip("10.77.1.1"))));
        assertEquals(dev.ffsock.Errno.ENOENT, gone.errno());
        ch.deleteNeighbour(NeighSpec.of("n0", ip("10.77.1.50")));
        ch.deleteNeighbour(NeighSpec.of("n0", ip("2001:db8:77::5")));
        ch.deleteNeighbour(NeighSpec.of("n0", ip("2001:db8:77::60")).proxy());
    }

    @Test
    void entriesMadeByIpAreReadByFfsock() throws Exception {
        ns.ip("neigh", "add", "10.77.2.1", "lladdr", "02:00:00:00:02:01", "dev", "n0", "nud", "stale");
        ns.ip("neigh", "add", "10.77.2.2", "lladdr", "02:00:00:00:02:02", "dev", "n0", "nud", "noarp", "router");
        ns.ip("neigh", "add", "10.77.2.3", "dev", "n0", "nud", "incomplete");
        ns.ip("neigh", "add", "10.77.2.4", "lladdr", "02:00:00:00:02:04", "dev", "n0", "extern_learn");
        ns.ip("neigh", "add", "proxy", "10.77.2.5", "dev", "n0");
        try {
            Map<String, Map<String, Object>> shown = ipNeigh("nud", "all");
            Map<String, Neigh> mine = ffsockNeigh(false);
            for (String a : List.of("10.77.2.1", "10.77.2.2", "10.77.2.3", "10.77.2.4")) {
                dev.ffsock.testutil.JsonCompare.assertCovers(asIp(mine.get(a), "n0"), shown.get(a), java.util.Set.of(), a);
            }
            dev.ffsock.testutil.JsonCompare.assertCovers(asIp(ffsockNeigh(true).get("10.77.2.5"), "n0"),
                    ipNeigh("proxy").get("10.77.2.5"), java.util.Set.of(), "proxy");
        } finally {
            ns.ip("neigh", "flush", "dev", "n0", "nud", "all");
            ns.ip("neigh", "del", "proxy", "10.77.2.5", "dev", "n0");
        }
    }

    @Test
    void flushByDeviceAndState() throws Exception {
        ns.ip("neigh", "add", "10.77.3.1", "lladdr", "02:00:00:00:03:01", "dev", "n0", "nud", "stale");
        ns.ip("neigh", "add", "10.77.3.2", "lladdr", "02:00:00:00:03:02", "dev", "n0", "nud", "reachable");
        ns.ip("neigh", "add", "10.77.3.3", "lladdr", "02:00:00:00:03:03", "dev", "n0", "nud", "permanent");
        ns.ip("neigh", "add", "2001:db8:77::3:4", "lladdr", "02:00:00:00:03:04", "dev", "n0", "nud", "stale");
        ns.ip("neigh", "add", "proxy", "10.77.3.5", "dev", "n0");
        try {
            assertEquals(1, ch.flushNeighbours(2, "n0", NeighState.STALE), "only the IPv4 STALE one");
            Map<String, Map<String, Object>> left = ipNeigh("nud", "all");
            assertTrue(!left.containsKey("10.77.3.1") && left.containsKey("10.77.3.2") && left.containsKey(ip("2001:db8:77::3:4").getHostAddress()),
                    left.keySet().toString());
            // like ip neigh flush dev n0: everything but PERMANENT and NOARP, proxies untouched
            assertTrue(ch.flushNeighbours(0, "n0", null) >= 2);
            left = ipNeigh("nud", "all");
            assertEquals(List.of("10.77.3.3"), left.keySet().stream().filter(k -> k.contains(":3:") || k.startsWith("10.77.3.")).toList());
            assertTrue(ipNeigh("proxy").containsKey("10.77.3.5"));
            // by state alone, on every device
            ns.ip("neigh", "add", "10.77.3.6", "lladdr", "02:00:00:00:03:06", "dev", "n0", "nud", "stale");
            assertEquals(1, ch.flushNeighbours(2, null, NeighState.STALE)); // IPv4: the only IPv4 entries here are the test's
            assertTrue(!ipNeigh("nud", "all").containsKey("10.77.3.6"));
        } finally {
            ns.ip("neigh", "flush", "dev", "n0", "nud", "all");
            ns.ip("neigh", "del", "proxy", "10.77.3.5", "dev", "n0");
        }
    }

    @Test
    void badInputIsRefusedBeforeAnythingIsSent() throws Exception {
        assertThrows(IllegalArgumentException.class, () -> NeighSpec.of("n0", ip("10.77.4.1")).lladdr(new byte[0]));
        IllegalArgumentException five = assertThrows(IllegalArgumentException.class,
                () -> ch.addNeighbour(NeighSpec.of("n0", ip("10.77.4.1")).lladdr("02:00:00:00:00")));
        assertTrue(five.getMessage().contains("5 bytes"), five.getMessage());
        assertThrows(IllegalArgumentException.class, () -> NeighSpec.of("n0", ip("224.0.0.1")));
        assertThrows(IllegalArgumentException.class, () -> NeighSpec.of("n0", ip("0.0.0.0")));
        assertThrows(IllegalArgumentException.class, () -> NeighSpec.of("n0", ip("10.77.4.1")).state(new NeighState(6)));
        assertThrows(IllegalArgumentException.class, () -> NeighSpec.of("this-name-is-too-long", ip("10.77.4.1")));
        assertThrows(IllegalArgumentException.class, () -> ch.flushNeighbours(7, "n0", null));
        assertTrue(!ipNeigh("nud", "all").containsKey("10.77.4.1"));
    }
}
