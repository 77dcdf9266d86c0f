package dev.ffsock.netlink.route;

import dev.ffsock.Errno;
import dev.ffsock.ErrnoException;
import dev.ffsock.NamespaceFd;
import dev.ffsock.NetworkNamespace;
import dev.ffsock.TunTap;
import dev.ffsock.netlink.NetlinkConnection;
import dev.ffsock.netlink.NetlinkException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every link kind this kernel can make, made with {@link RtnetlinkChanges#addLink(LinkSpec)} (and
 * {@link RtnetlinkChanges#addTuntap(TunSpec)}) in a namespace of the test's own, read back twice:
 * with {@code ip -j -d link show} and with {@link Link#details()}. The kinds the kernel lacks come
 * back as its refusal. (The key-by-key comparison of every {@code ip -j -d} key is the CLI's
 * LinkKindsCliTest.)
 */
class LinkKindsTest {
    private TestNetns ns;
    private NetlinkConnection conn;
    private RtnetlinkChanges ch;
    private Rtnetlink rt;

    @BeforeEach
    void setUp() throws Exception {
        ns = TestNetns.create("kinds");
        conn = ns.connect();
        ch = new RtnetlinkChanges(conn);
        rt = Rtnetlink.open(ns.name);
    }

    @AfterEach
    void tearDown() throws Exception {
        if (rt != null) rt.close();
        if (conn != null) conn.close();
        if (ns != null) ns.close();
    }

    private Map<String, Object> ipLink(TestNetns in, String name) throws Exception {
        List<Map<String, Object>> l = in.json("-d", "link", "show", "dev", name);
        assertEquals(1, l.size(), "ip link show " + name);
        return l.get(0);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object o) {
        return (Map<String, Object>) o;
    }

    private Map<String, Object> infoData(String name) throws Exception {
        return map(map(ipLink(ns, name).get("linkinfo")).get("info_data"));
    }

    /**
     * A process living in namespace {@code ns} ({@code ip netns exec} execs it: same pid), returned once
     * it is in there, so that a link sent to its pid can never land in the host's namespace.
     */
    private static Process inside(TestNetns ns) throws Exception {
        Process p = new ProcessBuilder("ip", "netns", "exec", ns.name, "sleep", "120").start();
        Object want = java.nio.file.Files.getAttribute(NetworkNamespace.path(ns.name), "unix:ino");
        java.nio.file.Path mine = java.nio.file.Path.of("/proc", Long.toString(p.pid()), "ns", "net");
        for (int i = 0; i < 600; i++) {
            try {
                if (java.nio.file.Files.readSymbolicLink(mine).toString().equals("net:[" + want + "]")) return p;
            } catch (java.io.IOException e) {
                // not there yet
            }
            Thread.sleep(50);
        }
        p.destroyForcibly().waitFor();
        throw new AssertionError("ip netns exec " + ns.name + " did not enter the namespace in 30 s");
    }

    private LinkInfo info(String name) throws Exception {
        return rt.link(name).orElseThrow().details().info();
    }

    @Test
    void vethWithMtuAddressAndQueueLength() throws Exception {
        byte[] mac = RtnetlinkChanges.lladdr("02:00:00:00:10:01");
        ch.addLink(LinkSpec.of("v0", VethSpec.peer("v1")).mtu(1400).address(mac).txqlen(77));
        Map<String, Object> ip = ipLink(ns, "v0");
        assertEquals("veth", map(ip.get("linkinfo")).get("info_kind"));
        assertEquals("v1", ip.get("link"));
        assertEquals(1400L, ip.get("mtu"));
        assertEquals("02:00:00:00:10:01", ip.get("address"));
        assertEquals(77L, ip.get("txqlen"));
        Link l = rt.link("v0").orElseThrow();
        assertEquals("veth", l.details().info().kind());
        assertArrayEquals(mac, l.address());
        assertEquals(ch.ifindex("v1"), l.link());
        assertEquals(((Number) ip.get("num_tx_queues")).longValue(), l.details().numTxQueues());
        assertEquals(((Number) ip.get("gso_max_size")).longValue(), l.details().gsoMaxSize());
        assertEquals(0, l.details().inet6AddrGenMode(), "eui64");
    }

    @Test
    void vethPeerStraightIntoAnotherNamespaceByNamePidAndFd() throws Exception {
        try (TestNetns other = TestNetns.create("kinds-peer")) {
            ch.addLink(LinkSpec.of("va", new VethSpec("vb", NetnsRef.named(other.name))));
            assertEquals("veth", map(ipLink(other, "vb").get("linkinfo")).get("info_kind"));
            assertTrue(rt.link("vb").isEmpty(), "the peer is not in the first namespace");
            assertTrue(ipLink(ns, "va").containsKey("link_netnsid"));

            try (NamespaceFd fd = NamespaceFd.open(NetworkNamespace.path(other.name))) {
                ch.addLink(LinkSpec.of("vc", new VethSpec("vd", NetnsRef.fd(fd.fd()))));
            }
            assertEquals("veth", map(ipLink(other, "vd").get("linkinfo")).get("info_kind"));

            // by pid: a process living in the other namespace (ip netns exec execs it: same pid)
            Process sleeper = inside(other);
            try {
                ch.addLink(LinkSpec.of("ve", new VethSpec("vf", NetnsRef.pid((int) sleeper.pid()))));
                assertEquals("veth", map(ipLink(other, "vf").get("linkinfo")).get("info_kind"));
            } finally {
                sleeper.destroyForcibly().waitFor();
            }
            // a pid with no process is the kernel's ESRCH
            NetlinkException e = assertThrows(NetlinkException.class,
                    () -> ch.addLink(LinkSpec.of("vg", new VethSpec("vh", NetnsRef.pid(Integer.MAX_VALUE)))));
            assertEquals(3 /* ESRCH */, e.errno(), e.getMessage());
        }
    }

    @Test
    void bridgeWithEveryOption() throws Exception {
        ch.addLink(LinkSpec.of("br0", BridgeSpec.defaults().stp(true).forwardDelay(400).ageingTime(20000)
                .vlanDefaultPvid(10).mcastSnooping(false)));
        Map<String, Object> d = infoData("br0");
        assertEquals(1L, d.get("stp_state"));
        assertEquals(400L, d.get("forward_delay"));
        assertEquals(20000L, d.get("ageing_time"), "hundredths of a second, through jiffies");
        assertEquals(0L, d.get("vlan_filtering"));
        assertEquals(0L, d.get("mcast_snooping"));
        BridgeInfo b = assertInstanceOf(BridgeInfo.class, info("br0").data());
        assertEquals(1, b.stpState());
        assertEquals(400, b.forwardDelay());
        assertEquals(20000, b.ageingTime());
        assertEquals(0, b.mcastSnooping());
        if (d.containsKey("vlan_default_pvid")) {
            assertEquals(10L, d.get("vlan_default_pvid"));
            assertEquals(10, b.vlanDefaultPvid());
        } else {
            assertEquals(-1, b.vlanDefaultPvid(), "this kernel has no bridge VLAN filtering: no pvid sent back");
        }
        // vlan_filtering (even 0) needs CONFIG_BRIDGE_VLAN_FILTERING: where ip is refused, so is ffsock
        for (int on = 0; on <= 1; on++) {
            boolean ipFilters = ns.ipResult("link", "add", "brv", "type", "bridge", "vlan_filtering", "" + on).status() == 0;
            LinkSpec brv = LinkSpec.of("brv", BridgeSpec.defaults().vlanFiltering(on == 1));
            if (ipFilters) {
                ns.ip("link", "del", "brv");
                ch.addLink(brv);
                assertEquals((long) on, infoData("brv").get("vlan_filtering"));
                ch.deleteLink("brv");
            } else {
                NetlinkException e = assertThrows(NetlinkException.class, () -> ch.addLink(brv));
                assertEquals(Errno.EOPNOTSUPP, e.errno(), e.getMessage());
            }
        }
        assertEquals(d.get("bridge_id"), b.bridgeId().toString());
        assertEquals(d.get("mcast_hash_max"), b.mcastHashMax());

        // a port: bridge slave data
        ch.addLink(LinkSpec.of("p0", VethSpec.peer("p1")).master("br0"));
        Map<String, Object> ip = ipLink(ns, "p0");
        Map<String, Object> slave = map(map(ip.get("linkinfo")).get("info_slave_data"));
        LinkInfo pi = info("p0");
        assertEquals("bridge", pi.slaveKind());
        BridgePortInfo port = assertInstanceOf(BridgePortInfo.class, pi.slaveData());
        assertEquals("disabled", slave.get("state"));
        assertEquals(0, port.state());
        assertEquals(slave.get("priority"), port.priority());
        assertEquals(slave.get("cost"), port.cost());
        assertEquals(slave.get("learning"), port.learning());
        assertEquals(slave.get("flood"), port.flood());
        assertEquals(slave.get("designated_port"), port.designatedPort());
        assertEquals(slave.get("bridge_id"), port.bridgeId().toString());
    }

    @Test
    void vxlanUnicastMulticastAndIpv6() throws Exception {
        ch.addLink(LinkSpec.of("u0", VethSpec.peer("u1")));
        ch.addLink(LinkSpec.of("vx0", VxlanSpec.id(42).dstport(4789).remote(InetAddress.ofLiteral("192.0.2.1"))
                .local(InetAddress.ofLiteral("192.0.2.2")).ttl(5).learning(false)));
        Map<String, Object> d = infoData("vx0");
        assertEquals(42L, d.get("id"));
        assertEquals("192.0.2.1", d.get("remote"));
        assertEquals("192.0.2.2", d.get("local"));
        assertEquals(4789L, d.get("port"));
        assertEquals(5L, d.get("ttl"));
        assertEquals(false, d.get("learning"));
        VxlanInfo v = assertInstanceOf(VxlanInfo.class, info("vx0").data());
        assertEquals(42, v.id());
        assertEquals(InetAddress.ofLiteral("192.0.2.1"), v.group());
        assertEquals(4789, v.port());
        assertEquals(5, v.ttl());
        assertEquals(false, v.learning());

        ch.addLink(LinkSpec.of("vx1", VxlanSpec.id(43).group(InetAddress.ofLiteral("239.1.1.1")).dev("u1")));
        d = infoData("vx1");
        assertEquals("239.1.1.1", d.get("group"));
        assertEquals("u1", d.get("link"));
        assertEquals(ch.ifindex("u1"), ((VxlanInfo) info("vx1").data()).link());

        ch.addLink(LinkSpec.of("vx6", VxlanSpec.id(44).remote(InetAddress.ofLiteral("2001:db8::1"))
                .local(InetAddress.ofLiteral("2001:db8::2")).checksums(false, true, true)));
        d = infoData("vx6");
        assertEquals("2001:db8::1", d.get("remote6"));
        assertEquals("2001:db8::2", d.get("local6"));
        assertEquals(false, d.get("udp_csum"));
        assertEquals(true, d.get("udp_zero_csum6_tx"));
        assertEquals(true, d.get("udp_zero_csum6_rx"));
        VxlanInfo v6 = (VxlanInfo) info("vx6").data();
        assertEquals(InetAddress.ofLiteral("2001:db8::1"), v6.group6());
        assertEquals(false, v6.udpCsum());
        assertEquals(true, v6.udpZeroCsum6Tx());
    }

    @Test
    void macvlanAndMacvtapEveryMode() throws Exception {
        ch.addLink(LinkSpec.of("low0", VethSpec.peer("low1")));
        for (MacvlanMode m : MacvlanMode.values()) {
            for (boolean tap : new boolean[] {false, true}) {
                String name = (tap ? "mt" : "mv") + m.ordinal();
                if (m == MacvlanMode.PASSTHRU) {
                    // one passthru per lower device: give each its own lower
                    ch.addLink(LinkSpec.of("pl" + name, VethSpec.peer("pr" + name)));
                    ch.addLink(LinkSpec.of(name, new MacvlanSpec(tap, "pl" + name, m)));
                } else {
                    ch.addLink(LinkSpec.of(name, new MacvlanSpec(tap, "low0", m)));
                }
                Map<String, Object> ip = ipLink(ns, name);
                assertEquals(tap ? "macvtap" : "macvlan", map(ip.get("linkinfo")).get("info_kind"));
                assertEquals(m.ipName(), map(map(ip.get("linkinfo")).get("info_data")).get("mode"));
                MacvlanInfo mi = assertInstanceOf(MacvlanInfo.class, info(name).data());
                assertEquals(m.value(), mi.mode());
            }
        }
    }

    @Test
    void ifbAndTheKindsThisKernelLacks() throws Exception {
        ch.addLink(LinkSpec.of("ifb0", PlainKind.IFB));
        assertEquals("ifb", map(ipLink(ns, "ifb0").get("linkinfo")).get("info_kind"));
        assertNull(info("ifb0").data());

        ch.addLink(LinkSpec.of("q0", VethSpec.peer("q1")));
        for (LinkSpec s : List.of(LinkSpec.of("q0.5", new VlanSpec("q0", 5, 0x8100)), LinkSpec.of("bond0", BondSpec.mode("active-backup")),
                LinkSpec.of("d0", PlainKind.DUMMY))) {
            if (ns.ipResult("link", "add", "ffsock-probe", "type", s.kind().kind()).status() == 0) {
                ns.ip("link", "del", "ffsock-probe");
                continue; // this kernel has the kind after all: the byte layout test covers it
            }
            NetlinkException e = assertThrows(NetlinkException.class, () -> ch.addLink(s), s.toString());
            assertEquals(Errno.EOPNOTSUPP, e.errno(), e.getMessage());
            assertEquals("Unknown device type", e.kernelMessage(), e.getMessage());
        }
    }

    @Test
    void tunAndTapAsIpTuntapMakesThem() throws Exception {
        try (TunTap tap = ch.addTuntap(new TunSpec("tp0", true, 1000, 100, true, false, false, true));
                TunTap tun = ch.addTuntap(TunSpec.of("tn0", false))) {
            assertEquals("tp0", tap.name());
            assertTrue(tap.fd() >= 0);
            Map<String, Object> d = infoData("tp0");
            assertEquals("tap", d.get("type"));
            assertEquals(true, d.get("multi_queue"));
            assertEquals(true, d.get("persist"));
            assertEquals(false, d.get("pi"));
            TunInfo t = assertInstanceOf(TunInfo.class, info("tp0").data());
            assertEquals(TunTap.IFF_TAP, t.type());
            assertEquals(1000, t.owner());
            assertEquals(100, t.group());
            assertEquals(true, t.multiQueue());
            assertEquals(true, t.persist());
            assertEquals("tun", infoData("tn0").get("type"));
            assertEquals(TunTap.IFF_TUN, ((TunInfo) info("tn0").data()).type());
            assertEquals("none", ipLink(ns, "tn0").get("link_type"));
        }
        assertTrue(rt.link("tp0").isPresent(), "persistent devices outlive their descriptor");
        ch.deleteLink("tp0");
        assertTrue(rt.link("tp0").isEmpty());

        try (TunTap t = ch.addTuntap(new TunSpec("tq0", true, -1, -1, false, true, false, false))) {
            assertEquals(true, infoData("tq0").get("pi"));
            assertEquals(false, infoData("tq0").get("persist"));
        }
        assertTrue(rt.link("tq0").isEmpty(), "a device that is not persistent goes with its descriptor");

        ErrnoException busy = assertThrows(ErrnoException.class, () -> ch.addTuntap(TunSpec.of("tn0", true)));
        assertEquals(Errno.EINVAL, busy.errno(), busy.getMessage());
    }

    @Test
    void linkSetChangesManyThingsInOneRequest() throws Exception {
        ch.addLink(LinkSpec.of("s0", VethSpec.peer("s1")));
        ch.addLink(LinkSpec.of("sbr", BridgeSpec.defaults()));
        ch.setLink("s0", LinkChange.none().mtu(1300).alias("uplink port").address(RtnetlinkChanges.lladdr("02:00:00:00:20:02"))
                .txqlen(123).group(7).master("sbr").promisc(true).arp(false).up(true));
        Map<String, Object> ip = ipLink(ns, "s0");
        assertEquals(1300L, ip.get("mtu"));
        assertEquals("uplink port", ip.get("ifalias"));
        assertEquals("02:00:00:00:20:02", ip.get("address"));
        assertEquals(123L, ip.get("txqlen"));
        assertEquals("7", ip.get("group"));
        assertEquals("sbr", ip.get("master"));
        @SuppressWarnings("unchecked")
        List<String> flags = (List<String>) ip.get("flags");
        assertTrue(flags.containsAll(List.of("PROMISC", "NOARP", "UP")), flags.toString());
        Link l = rt.link("s0").orElseThrow();
        assertEquals(1300, l.mtu());
        assertEquals("uplink port", l.alias());
        assertEquals(7, l.group());
        assertEquals(123, l.txqlen());
        assertEquals(ch.ifindex("sbr"), l.master());
        assertTrue((l.flags() & Rtnl.IFF_PROMISC) != 0 && (l.flags() & Rtnl.IFF_NOARP) != 0 && l.isUp());

        ch.setLink("s0", LinkChange.none().noMaster().promisc(false).arp(true).up(false).name("s0new").alias(""));
        ip = ipLink(ns, "s0new");
        assertFalse(ip.containsKey("master"));
        @SuppressWarnings("unchecked")
        List<String> flags2 = (List<String>) ip.get("flags");
        assertFalse(flags2.contains("PROMISC") || flags2.contains("NOARP") || flags2.contains("UP"), flags2.toString());

        ch.setLink("s0new", LinkChange.none().up(true).name("s0up"));
        assertTrue(rt.link("s0up").orElseThrow().isUp(), "this kernel renames a link that is up");
        NetlinkException taken = assertThrows(NetlinkException.class, () -> ch.setLink("s0up", LinkChange.none().name("s1")));
        assertEquals(Errno.EEXIST, taken.errno(), taken.getMessage());
    }

    @Test
    void linkSetMovesToAnotherNamespace() throws Exception {
        try (TestNetns other = TestNetns.create("kinds-move")) {
            ch.addLink(LinkSpec.of("m0", VethSpec.peer("m1")));
            ch.addLink(LinkSpec.of("m2", VethSpec.peer("m3")));
            ch.setLink("m0", LinkChange.none().netns(NetnsRef.named(other.name)));
            assertTrue(rt.link("m0").isEmpty());
            assertEquals("veth", map(ipLink(other, "m0").get("linkinfo")).get("info_kind"));
            try (NamespaceFd fd = NamespaceFd.open(NetworkNamespace.path(other.name))) {
                ch.setLink("m2", LinkChange.none().netns(NetnsRef.fd(fd.fd())));
            }
            assertTrue(rt.link("m2").isEmpty());
            ipLink(other, "m2");
            Process sleeper = inside(other);
            try {
                ch.setLink("m1", LinkChange.none().netns(NetnsRef.pid((int) sleeper.pid())));
                ipLink(other, "m1");
                assertTrue(rt.link("m1").isEmpty());
            } finally {
                sleeper.destroyForcibly().waitFor();
            }
            NetlinkException e = assertThrows(NetlinkException.class,
                    () -> ch.setLink("m3", LinkChange.none().netns(NetnsRef.pid(Integer.MAX_VALUE))));
            assertEquals(3 /* ESRCH */, e.errno(), e.getMessage());
        }
    }

    @Test
    void badInputIsRefusedBeforeAnythingIsSent() throws Exception {
        assertThrows(IllegalArgumentException.class, () -> LinkSpec.of("sixteen-bytes-xx", PlainKind.IFB));
        assertThrows(IllegalArgumentException.class, () -> LinkSpec.of("v0", VethSpec.peer("v0")));
        assertThrows(IllegalArgumentException.class, () -> VethSpec.peer("sixteen-bytes-xx"));
        assertThrows(IllegalArgumentException.class, () -> LinkSpec.of("v0", PlainKind.IFB).address(new byte[5]));
        assertThrows(IllegalArgumentException.class, () -> LinkSpec.of("v0", PlainKind.IFB).mtu(-1));
        assertThrows(IllegalArgumentException.class, () -> VxlanSpec.id(VxlanSpec.MAX_ID + 1));
        assertThrows(IllegalArgumentException.class, () -> VxlanSpec.id(-1));
        assertThrows(IllegalArgumentException.class, () -> VxlanSpec.id(1).dstport(65536));
        assertThrows(IllegalArgumentException.class, () -> VxlanSpec.id(1).ttl(256));
        assertThrows(IllegalArgumentException.class, () -> VxlanSpec.id(1).group(InetAddress.ofLiteral("192.0.2.1")).dev("x"));
        assertThrows(IllegalArgumentException.class, () -> VxlanSpec.id(1).remote(InetAddress.ofLiteral("239.0.0.1")));
        VxlanSpec noDev = VxlanSpec.id(1).group(InetAddress.ofLiteral("239.0.0.1"));
        assertThrows(IllegalArgumentException.class, () -> ch.addLink(LinkSpec.of("vxg", noDev)));
        assertThrows(IllegalArgumentException.class,
                () -> VxlanSpec.id(1).remote(InetAddress.ofLiteral("192.0.2.1")).local(InetAddress.ofLiteral("2001:db8::1")));
        assertThrows(IllegalArgumentException.class, () -> BridgeSpec.defaults().forwardDelay(100));
        assertThrows(IllegalArgumentException.class, () -> BridgeSpec.defaults().vlanDefaultPvid(4095));
        assertThrows(IllegalArgumentException.class, () -> new VlanSpec("eth0", 4095, null));
        assertThrows(IllegalArgumentException.class, () -> new VlanSpec("eth0", 5, 0x1234));
        assertThrows(IllegalArgumentException.class, () -> BondSpec.mode("fastest"));
        assertThrows(IllegalArgumentException.class, () -> MacvlanMode.of("open"));
        assertThrows(IllegalArgumentException.class, () -> new PlainKind("has space"));
        assertThrows(IllegalArgumentException.class, () -> LinkChange.none().mtu(-1));
        assertThrows(IllegalArgumentException.class, () -> LinkChange.none().name("sixteen-bytes-xx"));
        assertThrows(IllegalArgumentException.class, () -> LinkChange.none().alias("a".repeat(256)));
        assertThrows(IllegalArgumentException.class, () -> LinkChange.none().group(-1));
        assertThrows(IllegalArgumentException.class, () -> NetnsRef.pid(0));
        assertThrows(IllegalArgumentException.class, () -> NetnsRef.named("a/b"));
        assertThrows(IllegalArgumentException.class, () -> new TunSpec("t0", true, -2, -1, false, false, false, true));

        // checks against the device itself: still before the change is sent
        ch.addLink(LinkSpec.of("b0", VethSpec.peer("b1")));
        assertThrows(IllegalArgumentException.class, () -> ch.setLink("b0", LinkChange.none().mtu(65536)));
        assertThrows(IllegalArgumentException.class, () -> ch.setLink("b0", LinkChange.none().mtu(67)));
        assertThrows(IllegalArgumentException.class, () -> ch.setLink("b0", LinkChange.none().address(new byte[5])));
        assertThrows(IllegalArgumentException.class, () -> ch.setLink("b0", LinkChange.none().master("b0")));
        assertEquals(1500L, ipLink(ns, "b0").get("mtu"));
        NetlinkException nodev = assertThrows(NetlinkException.class, () -> ch.setLink("nosuch", LinkChange.none().up(true)));
        assertEquals(Errno.ENODEV, nodev.errno());
    }
}
