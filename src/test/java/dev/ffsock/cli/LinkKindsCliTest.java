package dev.ffsock.cli;

import dev.ffsock.netlink.route.PopulatedNetns;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code ffsock link add|set|del}, {@code tuntap add|del} and {@code link --json -d|-s} against
 * iproute2, in namespaces of the test's own: links of every kind this kernel makes, made with
 * {@code ip} and read with ffsock, and made with ffsock and read with {@code ip}; the whole
 * {@code ip -j -d link} (and {@code -s}, {@code -s -s}) compared key by key, nested objects
 * included. Excluded from the value comparison (still required present), as they run on their own:
 * the bridge and bridge-port timers {@link #VOLATILE}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LinkKindsCliTest {
    /** Timers that tick by themselves. */
    static final Set<String> VOLATILE = Set.of("gc_timer", "hello_timer", "tcn_timer", "topology_change_timer", "hold_timer",
            "message_age_timer", "forward_delay_timer");

    private final List<String> namespaces = new ArrayList<>();

    private String netns(String what) throws Exception {
        String name = "ffsock-cli" + what + "-" + Long.toHexString(ThreadLocalRandom.current().nextLong() & 0xffffffL);
        String err = PopulatedNetns.run("ip", "netns", "add", name);
        Assumptions.assumeTrue(err == null, "cannot create a network namespace: " + err);
        namespaces.add(name);
        return name;
    }

    @AfterAll
    void tearDown() throws Exception {
        for (String n : namespaces) PopulatedNetns.run("ip", "netns", "del", n);
    }

    private static void ip(String ns, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("ip", "-n", ns));
        cmd.addAll(List.of(args));
        assertNull(PopulatedNetns.run(cmd.toArray(String[]::new)), String.join(" ", cmd));
    }

    private static Cli.Result ok(String... args) {
        Cli.Result r = Cli.run(args);
        assertEquals(0, r.status(), () -> String.join(" ", args) + ": " + r);
        return r;
    }

    /** Links of every kind, made with ip. */
    private static void populateWithIp(String ns) throws Exception {
        ip(ns, "link", "add", "v0", "type", "veth", "peer", "name", "v1");
        ip(ns, "link", "add", "br0", "type", "bridge", "stp_state", "1", "forward_delay", "400", "mcast_snooping", "0");
        ip(ns, "link", "set", "v0", "master", "br0");
        ip(ns, "link", "add", "vx0", "type", "vxlan", "id", "42", "dstport", "4789", "remote", "192.0.2.1", "local", "192.0.2.2",
                "ttl", "5", "nolearning");
        ip(ns, "link", "add", "vx6", "type", "vxlan", "id", "43", "remote", "2001:db8::1", "local", "2001:db8::2", "noudpcsum",
                "udp6zerocsumtx", "udp6zerocsumrx");
        ip(ns, "link", "add", "vxg", "type", "vxlan", "id", "44", "group", "239.1.1.1", "dev", "v1", "dstport", "8472");
        ip(ns, "link", "add", "vxe", "type", "vxlan", "external", "dstport", "0");
        ip(ns, "link", "add", "vxt", "type", "vxlan", "id", "50", "remote", "2001:db8::7", "tos", "0x10", "flowlabel", "0x123",
                "ageing", "100", "maxaddress", "5", "l2miss", "l3miss", "proxy", "srcport", "1000", "2000", "dstport", "4789");
        ip(ns, "link", "add", "vxi", "type", "vxlan", "id", "51", "remote", "192.0.2.8", "ttl", "inherit", "df", "inherit",
                "dstport", "4789");
        ip(ns, "link", "add", "link", "v1", "name", "mv0", "type", "macvlan", "mode", "bridge");
        ip(ns, "link", "add", "link", "v1", "name", "mv1", "type", "macvlan", "mode", "private");
        ip(ns, "link", "add", "link", "v1", "name", "mt0", "type", "macvtap", "mode", "vepa");
        ip(ns, "link", "add", "link", "v1", "name", "ms0", "type", "macvlan", "mode", "source");
        ip(ns, "link", "set", "ms0", "type", "macvlan", "macaddr", "add", "02:00:00:00:00:09");
        ip(ns, "link", "add", "link", "v1", "name", "ms1", "type", "macvlan", "mode", "source");
        ip(ns, "link", "add", "ifb0", "type", "ifb");
        ip(ns, "tuntap", "add", "dev", "tp0", "mode", "tap", "user", "1000", "group", "100", "multi_queue");
        ip(ns, "tuntap", "add", "dev", "tn0", "mode", "tun");
    }

    @Test
    void madeWithIpReadWithFfsockKeyByKey() throws Exception {
        String ns = netns("ip");
        String peerNs = netns("ippeer");
        populateWithIp(ns);
        ip(ns, "link", "add", "vn0", "type", "veth", "peer", "name", "vn1", "netns", peerNs);
        compareAll(peerNs, "-d");
        compareAll(ns, "-d");
        compareAll(ns, "-s");
        compareAll(ns, "-s", "-s");
        compareAll(ns, "-d", "-s");
    }

    @Test
    void madeWithFfsockReadWithIp() throws Exception {
        String ns = netns("ff");
        ok("link", "add", "v0", "mtu", "1400", "address", "02:00:00:00:30:01", "txqueuelen", "55", "type", "veth", "peer", "name",
                "v1", "--netns", ns);
        ok("link", "add", "br0", "type", "bridge", "stp_state", "1", "forward_delay", "400", "ageing_time", "20000",
                "mcast_snooping", "0", "--netns", ns);
        ok("link", "set", "v0", "master", "br0", "--netns", ns);
        ok("link", "add", "vx0", "type", "vxlan", "id", "42", "dstport", "4789", "remote", "192.0.2.1", "local", "192.0.2.2",
                "ttl", "5", "nolearning", "--netns", ns);
        ok("link", "--netns", ns, "add", "vx6", "type", "vxlan", "id", "43", "remote", "2001:db8::1", "noudpcsum",
                "udp6zerocsumtx", "udp6zerocsumrx");
        ok("link", "add", "vxg", "type", "vxlan", "id", "44", "group", "239.1.1.1", "dev", "v1", "--netns", ns);
        ok("link", "add", "link", "v1", "name", "mv0", "type", "macvlan", "mode", "bridge", "--netns", ns);
        ok("link", "add", "link", "v1", "mt0", "type", "macvtap", "mode", "vepa", "--netns", ns);
        ok("link", "add", "ifb0", "type", "ifb", "--netns", ns);
        ok("tuntap", "add", "dev", "tp0", "mode", "tap", "user", "1000", "group", "100", "multi_queue", "--netns", ns);
        ok("tuntap", "add", "tn0", "mode", "tun", "--netns", ns);

        Map<String, Map<String, Object>> ip = byName(PopulatedNetns.output("ip", "-n", ns, "-j", "-d", "link"));
        assertEquals(1400L, ip.get("v0").get("mtu"));
        assertEquals("02:00:00:00:30:01", ip.get("v0").get("address"));
        assertEquals(55L, ip.get("v0").get("txqlen"));
        assertEquals("br0", ip.get("v0").get("master"));
        Map<String, Object> br = data(ip.get("br0"));
        assertEquals(List.of(1L, 400L, 20000L, 0L), List.of(br.get("stp_state"), br.get("forward_delay"), br.get("ageing_time"),
                br.get("mcast_snooping")));
        Map<String, Object> vx = data(ip.get("vx0"));
        assertEquals(List.of(42L, 4789L, "192.0.2.1", "192.0.2.2", 5L, false), List.of(vx.get("id"), vx.get("port"), vx.get("remote"),
                vx.get("local"), vx.get("ttl"), vx.get("learning")));
        assertEquals(List.of("2001:db8::1", false, true, true), List.of(data(ip.get("vx6")).get("remote6"),
                data(ip.get("vx6")).get("udp_csum"), data(ip.get("vx6")).get("udp_zero_csum6_tx"), data(ip.get("vx6")).get("udp_zero_csum6_rx")));
        assertEquals(List.of("239.1.1.1", "v1"), List.of(data(ip.get("vxg")).get("group"), data(ip.get("vxg")).get("link")));
        assertEquals("bridge", data(ip.get("mv0")).get("mode"));
        assertEquals("vepa", data(ip.get("mt0")).get("mode"));
        assertEquals("macvtap", linkinfo(ip.get("mt0")).get("info_kind"));
        assertEquals("ifb", linkinfo(ip.get("ifb0")).get("info_kind"));
        assertEquals(List.of("tap", true, true), List.of(data(ip.get("tp0")).get("type"), data(ip.get("tp0")).get("multi_queue"),
                data(ip.get("tp0")).get("persist")));
        assertEquals("tun", data(ip.get("tn0")).get("type"));
        compareAll(ns, "-d");

        ok("tuntap", "del", "tp0", "mode", "tap", "multi_queue", "--netns", ns); // as ip: the mode and queue flags must match
        ok("link", "del", "v0", "--netns", ns);
        Map<String, Map<String, Object>> after = byName(PopulatedNetns.output("ip", "-n", ns, "-j", "link"));
        assertTrue(!after.containsKey("tp0") && !after.containsKey("v0") && !after.containsKey("v1"), after.keySet().toString());
    }

    @Test
    void linkSetReadsLikeIp() throws Exception {
        String ns = netns("set");
        String other = netns("set2");
        ip(ns, "link", "add", "s0", "type", "veth", "peer", "name", "s1");
        ip(ns, "link", "add", "sbr", "type", "bridge");
        ok("link", "set", "dev", "s0", "mtu", "1300", "alias", "uplink", "address", "02:00:00:00:40:04", "txqueuelen", "99",
                "group", "5", "master", "sbr", "promisc", "on", "arp", "off", "up", "--netns", ns);
        Map<String, Object> s0 = byName(PopulatedNetns.output("ip", "-n", ns, "-j", "link", "show", "s0")).get("s0");
        assertEquals(List.of(1300L, "uplink", "02:00:00:00:40:04", 99L, "5", "sbr"),
                List.of(s0.get("mtu"), s0.get("ifalias"), s0.get("address"), s0.get("txqlen"), s0.get("group"), s0.get("master")));
        assertTrue(((List<?>) s0.get("flags")).containsAll(List.of("PROMISC", "NOARP", "UP")), s0.toString());
        compareAll(ns, "-d");
        ok("link", "set", "s0", "nomaster", "down", "name", "s0b", "netns", other, "--netns", ns);
        assertTrue(byName(PopulatedNetns.output("ip", "-n", other, "-j", "link")).containsKey("s0b"));
    }

    /**
     * Counters that moved: five UDP datagrams from v0 to v1 (a permanent neighbour and no IPv6 in the
     * namespace, so nothing else talks), then {@code -s} and {@code -s -s} key by key; none is excluded, as nothing sends
     * afterwards (the comparison retries if something did).
     */
    @Test
    void statsAfterTrafficKeyByKey() throws Exception {
        String ns = netns("stats");
        assertNull(PopulatedNetns.run("ip", "netns", "exec", ns, "sysctl", "-qw", "net.ipv6.conf.all.disable_ipv6=1",
                "net.ipv6.conf.default.disable_ipv6=1"));
        ip(ns, "link", "add", "v0", "type", "veth", "peer", "name", "v1");
        ip(ns, "addr", "add", "192.0.2.1/24", "dev", "v0");
        ip(ns, "link", "set", "v0", "up");
        ip(ns, "link", "set", "v1", "up");
        // a permanent neighbour: no ARP, so the counters stop when the sending does
        String mac1 = (String) byName(PopulatedNetns.output("ip", "-n", ns, "-j", "link", "show", "v1")).get("v1").get("address");
        ip(ns, "neigh", "add", "192.0.2.2", "lladdr", mac1, "dev", "v0", "nud", "permanent");
        try (dev.ffsock.Socket u = dev.ffsock.NetworkNamespace.open(ns, dev.ffsock.Domain.AF_INET, dev.ffsock.Type.DGRAM,
                dev.ffsock.Protocol.DEFAULT)) {
            byte[] payload = new byte[100];
            for (int i = 0; i < 5; i++) u.sendto(payload, 0, payload.length, 0, dev.ffsock.SockAddr.parse("192.0.2.2:9"));
        }
        Map<String, Object> v0 = byName(PopulatedNetns.output("ip", "-n", ns, "-j", "-s", "link", "show", "v0")).get("v0");
        @SuppressWarnings("unchecked")
        Map<String, Object> tx = (Map<String, Object>) ((Map<String, Object>) v0.get("stats64")).get("tx");
        assertEquals(5L, tx.get("packets"), "the datagrams went out: " + v0);
        compareAll(ns, "-s");
        compareAll(ns, "-s", "-s");
        compareAll(ns, "-d", "-s", "-s");
    }

    @Test
    void mistakesExit2AndRefusalsExit1() throws Exception {
        String ns = netns("err");
        ip(ns, "link", "add", "e0", "type", "veth", "peer", "name", "e1");
        for (String[] bad : new String[][] {
            {"link", "add", "sixteen-bytes-xx", "type", "ifb"},
            {"link", "add", "x0", "address", "02:00:00:00:00", "type", "ifb"},
            {"link", "add", "x0", "type", "vxlan", "id", "16777216"},
            {"link", "add", "x0", "type", "vxlan", "id", "5", "group", "239.1.1.1"},
            {"link", "add", "x0", "type", "bridge", "hello", "1"},
            {"link", "add", "x0"},
            {"link", "add", "x0", "type", "macvlan", "mode", "bridge"},
            {"link", "set", "e0", "mtu", "-1"},
            {"link", "set", "e0", "promisc", "maybe"},
            {"link", "set", "e0", "address", "02:00:00:00:00"},
            {"link", "frobnicate"},
            {"tuntap", "add", "t0"},
            {"tuntap", "frob", "dev", "t0", "mode", "tap"},
            {"tuntap", "add", "dev", "t0", "mode", "tap", "user", "-5"},
        }) {
            List<String> args = new ArrayList<>(List.of(bad));
            args.addAll(List.of("--netns", ns));
            Cli.Result r = Cli.run(args.toArray(String[]::new));
            assertEquals(2, r.status(), () -> args + ": " + r);
            assertTrue(r.err().startsWith("ffsock: ") && !r.err().contains("Exception"), r::toString);
        }
        Cli.Result vlan = Cli.run("link", "add", "link", "e0", "name", "e0.5", "type", "vlan", "id", "5", "--netns", ns);
        assertEquals(1, vlan.status(), vlan::toString);
        assertTrue(vlan.err().contains("EOPNOTSUPP") && vlan.err().contains("Unknown device type"), vlan::toString);
        Cli.Result nodev = Cli.run("link", "set", "nosuch", "up", "--netns", ns);
        assertEquals(1, nodev.status(), nodev::toString);
        assertTrue(nodev.err().contains("ENODEV"), nodev::toString);
        Cli.Result exists = Cli.run("link", "add", "e0", "type", "ifb", "--netns", ns);
        assertEquals(1, exists.status(), exists::toString);
        assertTrue(exists.err().contains("EEXIST"), exists::toString);
    }

    // ---- comparison

    /** {@code ffsock link --json FLAGS} against {@code ip -j FLAGS link}, up to 3 tries. */
    private static void compareAll(String ns, String... flags) throws Exception {
        List<String> ff = new ArrayList<>(List.of("link", "--json", "--netns", ns));
        ff.addAll(List.of(flags));
        List<String> ipCmd = new ArrayList<>(List.of("ip", "-n", ns, "-j"));
        ipCmd.addAll(List.of(flags));
        ipCmd.add("link");
        AssertionError last = null;
        for (int attempt = 0; attempt < 3; attempt++) {
            Cli.Result r = ok(ff.toArray(String[]::new));
            Map<String, Map<String, Object>> mine = byName(r.out());
            Map<String, Map<String, Object>> theirs = byName(PopulatedNetns.output(ipCmd.toArray(String[]::new)));
            try {
                assertEquals(theirs.keySet(), mine.keySet(), "links");
                for (var e : theirs.entrySet()) same(mine.get(e.getKey()), e.getValue(), String.join(" ", flags) + " " + e.getKey());
                return;
            } catch (AssertionError e) {
                last = e;
            }
        }
        throw last;
    }

    /** Every key of {@code ip} in {@code mine}, with an equal value; nested objects likewise. */
    @SuppressWarnings("unchecked")
    private static void same(Map<String, Object> mine, Map<String, Object> ip, String where) {
        for (var e : ip.entrySet()) {
            String k = e.getKey();
            assertTrue(mine.containsKey(k), where + ": ffsock lacks '" + k + "' (ip: " + e.getValue() + ")\nffsock: " + mine);
            if (VOLATILE.contains(k)) continue;
            if (e.getValue() instanceof Map<?, ?> m && mine.get(k) instanceof Map<?, ?> n) {
                same((Map<String, Object>) n, (Map<String, Object>) m, where + "." + k);
            } else {
                assertTrue(Objects.equals(mine.get(k), e.getValue()), where + "." + k + ": ffsock " + mine.get(k) + ", ip " + e.getValue());
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> byName(String json) {
        Map<String, Map<String, Object>> m = new LinkedHashMap<>();
        for (Object o : (List<Object>) dev.ffsock.testutil.Json.parse(json)) {
            Map<String, Object> l = (Map<String, Object>) o;
            m.put((String) l.get("ifname"), l);
        }
        return m;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> linkinfo(Map<String, Object> link) {
        return (Map<String, Object>) link.get("linkinfo");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> data(Map<String, Object> link) {
        return (Map<String, Object>) linkinfo(link).get("info_data");
    }
}
