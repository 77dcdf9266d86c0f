package dev.ffsock.netlink.route;

import dev.ffsock.Errno;
import dev.ffsock.netlink.NetlinkConnection;
import dev.ffsock.netlink.NetlinkException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every change of {@link RtnetlinkChanges} in a namespace of its own, checked twice: with {@code ip -n
 * NS -j} and with the {@link Rtnetlink} queries.
 * Addresses are from the documentation ranges; nothing leaves the namespace.
 */
class RtnetlinkChangesTest {
    private TestNetns ns;
    private NetlinkConnection conn;
    private RtnetlinkChanges ch;
    private Rtnetlink rt;

    @BeforeEach
    void setUp() throws Exception {
        ns = TestNetns.create("chg");
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

    private Map<String, Object> link(String name) throws Exception {
        List<Map<String, Object>> l = ns.json("-d", "link", "show", "dev", name);
        assertEquals(1, l.size(), "ip link show " + name);
        return l.get(0);
    }

    private boolean linkExists(String name) throws Exception {
        return ns.ipResult("link", "show", "dev", name).status() == 0;
    }

    @SuppressWarnings("unchecked")
    private static List<String> flags(Map<String, Object> link) {
        return (List<String>) link.get("flags");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object o) {
        return (Map<String, Object>) o;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Object o) {
        return (List<Map<String, Object>>) o;
    }

    @Test
    void vethPairIsCreatedAndDeletedTogether() throws Exception {
        ch.addVeth("veth0", "veth1");
        Map<String, Object> v0 = link("veth0");
        assertEquals("veth", map(v0.get("linkinfo")).get("info_kind"));
        assertEquals("veth1", v0.get("link"), "peer of veth0");
        assertEquals("veth0", link("veth1").get("link"), "peer of veth1");
        assertFalse(flags(v0).contains("UP"));
        assertTrue(ch.ifindex("veth0") > 1);
        Link q0 = rt.link("veth0").orElseThrow();
        assertEquals("veth", q0.kind());
        assertEquals(ch.ifindex("veth1"), q0.link(), "peer index");
        assertEquals(q0.index(), ch.ifindex("veth0"));
        assertFalse(q0.isUp());

        NetlinkException e = assertThrows(NetlinkException.class, () -> ch.addVeth("veth0", "veth2"));
        assertEquals(Errno.EEXIST, e.errno(), e.getMessage());

        ch.deleteLink("veth0");
        assertFalse(linkExists("veth0"));
        assertFalse(linkExists("veth1"), "deleting one end deletes its peer");
        assertTrue(rt.link("veth0").isEmpty() && rt.link("veth1").isEmpty());
        NetlinkException gone = assertThrows(NetlinkException.class, () -> ch.deleteLink("veth0"));
        assertEquals(Errno.ENODEV, gone.errno(), gone.getMessage());
    }

    @Test
    void bridgeAndMaster() throws Exception {
        ch.addBridge("br0");
        assertEquals("bridge", map(link("br0").get("linkinfo")).get("info_kind"));
        ch.addVeth("veth0", "veth1");
        ch.setMaster("veth0", "br0");
        assertEquals("br0", link("veth0").get("master"));
        assertEquals(rt.link("br0").orElseThrow().index(), rt.link("veth0").orElseThrow().master());
        assertEquals("bridge", rt.link("br0").orElseThrow().kind());
        ch.setNoMaster("veth0");
        assertFalse(link("veth0").containsKey("master"));
        assertEquals(0, rt.link("veth0").orElseThrow().master());
        ch.deleteLink("br0");
        assertFalse(linkExists("br0"));
    }

    @Test
    void kindsTheKernelLacksAreItsRefusal() throws Exception {
        NetlinkException e = assertThrows(NetlinkException.class, () -> ch.addLink("x0", "ffsock-no-such-kind"));
        assertEquals(Errno.EOPNOTSUPP, e.errno(), e.getMessage());
        assertTrue(e.getMessage().startsWith("RTM_NEWLINK: EOPNOTSUPP"), e.getMessage());

        try {
            ch.addLink("dummy0", "dummy");
        } catch (NetlinkException refused) {
            Assumptions.abort("this kernel has no dummy links: " + refused.getMessage());
        }
        assertEquals("dummy", map(link("dummy0").get("linkinfo")).get("info_kind"));
    }

    @Test
    void upDownMtuAndName() throws Exception {
        ch.addVeth("veth0", "veth1");
        ch.setUp("veth0");
        assertTrue(flags(link("veth0")).contains("UP"));
        assertTrue(rt.link("veth0").orElseThrow().isUp());
        ch.setDown("veth0");
        assertFalse(flags(link("veth0")).contains("UP"));
        assertFalse(rt.link("veth0").orElseThrow().isUp());

        ch.setMtu("veth0", 9000);
        assertEquals(9000L, link("veth0").get("mtu"));
        assertEquals(9000, rt.link("veth0").orElseThrow().mtu());
        assertThrows(IllegalArgumentException.class, () -> ch.setMtu("veth0", 67));
        assertThrows(IllegalArgumentException.class, () -> ch.setMtu("veth0", 65536));
        assertEquals(9000L, link("veth0").get("mtu"));

        ch.rename("veth0", "renamed0");
        assertTrue(linkExists("renamed0"));
        assertFalse(linkExists("veth0"));
        assertTrue(rt.link("renamed0").isPresent() && rt.link("veth0").isEmpty());
        assertThrows(IllegalArgumentException.class, () -> ch.rename("renamed0", "a-name-of-16-chr"));
        assertThrows(IllegalArgumentException.class, () -> ch.rename("renamed0", "a/b"));
        NetlinkException e = assertThrows(NetlinkException.class, () -> ch.setUp("nosuch0"));
        assertEquals(Errno.ENODEV, e.errno());
    }

    private void upVethPair() throws Exception {
        ch.addVeth("veth0", "veth1");
        ch.setUp("veth1");
        ch.setUp("veth0");
    }

    private Map<String, Object> addrInfo(String dev, String local) throws Exception {
        for (Map<String, Object> l : ns.json("addr", "show", "dev", dev)) {
            for (Map<String, Object> a : list(l.get("addr_info"))) {
                if (local.equals(a.get("local"))) return a;
            }
        }
        return null;
    }

    @Test
    void ipv4AddressesWithBroadcastLabelAndLifetimes() throws Exception {
        upVethPair();
        ch.addAddress(AddrSpec.of("veth0", "192.0.2.1/24").broadcast(InetAddress.getByName("192.0.2.255"))
                .label("veth0:web").lifetimes(3600, 1800));
        Map<String, Object> a = addrInfo("veth0", "192.0.2.1");
        assertNotNull(a, "address present");
        assertEquals("inet", a.get("family"));
        assertEquals(24L, a.get("prefixlen"));
        assertEquals("192.0.2.255", a.get("broadcast"));
        assertEquals("veth0:web", a.get("label"));
        long valid = (Long) a.get("valid_life_time");
        long preferred = (Long) a.get("preferred_life_time");
        assertTrue(valid > 3500 && valid <= 3600, "valid " + valid);
        assertTrue(preferred > 1700 && preferred <= 1800, "preferred " + preferred);
        Addr q = queryAddr("veth0", "192.0.2.1");
        assertEquals(24, q.prefixLen());
        assertEquals("192.0.2.255", q.broadcast().getHostAddress());
        assertEquals("veth0:web", q.label());
        assertTrue(q.validLifetime() > 3500 && q.validLifetime() <= 3600, "valid " + q.validLifetime());
        assertTrue(q.preferredLifetime() > 1700 && q.preferredLifetime() <= 1800);

        NetlinkException e = assertThrows(NetlinkException.class, () -> ch.addAddress("veth0", "192.0.2.1/24"));
        assertEquals(Errno.EEXIST, e.errno(), e.getMessage());
        assertTrue(e.getMessage().startsWith("RTM_NEWADDR: EEXIST"), e.getMessage());

        ch.addAddress("veth0", "192.0.2.7/32");
        assertNotNull(addrInfo("veth0", "192.0.2.7"));
        ch.deleteAddress("veth0", "192.0.2.1/24");
        assertNull(addrInfo("veth0", "192.0.2.1"));
        assertNotNull(addrInfo("veth0", "192.0.2.7"));
        assertNull(queryAddr("veth0", "192.0.2.1"));
        assertNotNull(queryAddr("veth0", "192.0.2.7"));
        NetlinkException none = assertThrows(NetlinkException.class, () -> ch.deleteAddress("veth0", "192.0.2.1/24"));
        assertEquals(Errno.EADDRNOTAVAIL, none.errno(), none.getMessage());
    }

    /** The address {@code local} on {@code dev} as the Rtnetlink query returns it, or null. */
    private Addr queryAddr(String dev, String local) throws Exception {
        int index = ch.ifindex(dev);
        for (Addr a : rt.addresses(0, index)) {
            if (EventLines.address(a.ifaddr()).equals(local)) return a;
        }
        return null;
    }

    private static void assertNull(Object o) {
        assertTrue(o == null, "expected nothing, got " + o);
    }

    @Test
    void ipv6AddressesWithNodad() throws Exception {
        upVethPair();
        ch.addAddress(AddrSpec.of("veth0", "2001:db8::1/64").flags(Rtnl.IFA_F_NODAD | Rtnl.IFA_F_NOPREFIXROUTE));
        Map<String, Object> a = addrInfo("veth0", "2001:db8::1");
        assertNotNull(a, "address present");
        assertEquals("inet6", a.get("family"));
        assertEquals(64L, a.get("prefixlen"));
        assertEquals(Boolean.TRUE, a.get("nodad"));
        assertEquals(Boolean.TRUE, a.get("noprefixroute"));
        assertFalse(a.containsKey("tentative"), "nodad: never tentative");
        Addr q = queryAddr("veth0", "2001:db8::1");
        assertTrue(q.hasFlag(Rtnl.IFA_F_NODAD) && q.hasFlag(Rtnl.IFA_F_NOPREFIXROUTE) && !q.hasFlag(Rtnl.IFA_F_TENTATIVE), q.flagNames().toString());
        // noprefixroute: no 2001:db8::/64 route
        assertTrue(ns.json("-6", "route", "show", "2001:db8::/64").isEmpty());

        ch.addAddress(AddrSpec.of("veth0", "2001:db8::2/64").flags(Rtnl.IFA_F_NODAD).lifetimes(600, 300));
        Map<String, Object> b = addrInfo("veth0", "2001:db8::2");
        assertNotNull(b);
        assertTrue((Long) b.get("valid_life_time") <= 600);
        assertEquals(1, ns.json("-6", "route", "show", "2001:db8::/64").size(), "prefix route");

        ch.deleteAddress("veth0", "2001:db8::1/64");
        assertNull(addrInfo("veth0", "2001:db8::1"));
        assertNull(queryAddr("veth0", "2001:db8::1"));
    }

    @Test
    void addressArgumentsAreCheckedInJava() {
        assertThrows(IllegalArgumentException.class, () -> AddrSpec.of("veth0", "192.0.2.1/33"));
        assertThrows(IllegalArgumentException.class, () -> AddrSpec.of("veth0", "2001:db8::1/129"));
        assertThrows(IllegalArgumentException.class, () -> AddrSpec.of("veth0", "192.0.2.1/x"));
        assertThrows(IllegalArgumentException.class, () -> AddrSpec.of("veth0", "www.example.com/24"));
        assertThrows(IllegalArgumentException.class, () -> AddrSpec.of("veth0", "0.0.0.0/0"));
        assertThrows(IllegalArgumentException.class, () -> AddrSpec.of("a-name-of-16-chr", "192.0.2.1/24"));
        assertThrows(IllegalArgumentException.class, () -> AddrSpec.of("veth0", "2001:db8::1/64").broadcast(InetAddress.getByName("192.0.2.255")));
        assertThrows(IllegalArgumentException.class, () -> AddrSpec.of("veth0", "192.0.2.1/24").broadcast(InetAddress.getByName("2001:db8::ff")));
        assertThrows(IllegalArgumentException.class, () -> AddrSpec.of("veth0", "192.0.2.1/24").label("eth1:x"));
        assertThrows(IllegalArgumentException.class, () -> AddrSpec.of("veth0", "192.0.2.1/24").lifetimes(0, 0));
        assertThrows(IllegalArgumentException.class, () -> AddrSpec.of("veth0", "192.0.2.1/24").lifetimes(10, 20));
        assertThrows(IllegalArgumentException.class, () -> AddrSpec.of("veth0", "2001:db8::1/64").flags(Rtnl.IFA_F_PERMANENT));
        assertThrows(IllegalArgumentException.class, () -> AddrSpec.of("veth0", "2001:db8::1/48").flags(Rtnl.IFA_F_MANAGETEMPADDR));
        assertThrows(IllegalArgumentException.class, () -> AddrSpec.of("veth0", "2001:db8::1/64").flags(Rtnl.IFA_F_NODAD | Rtnl.IFA_F_OPTIMISTIC));
    }

    private Map<String, Object> route(String... show) throws Exception {
        List<Map<String, Object>> l = ns.json(show);
        assertEquals(1, l.size(), "ip " + String.join(" ", show) + " -> " + l);
        return l.get(0);
    }

    @Test
    void routesInAnyTableWithGatewayMetricsAndReplace() throws Exception {
        upVethPair();
        ch.addAddress("veth0", "192.0.2.1/24");
        RouteSpec r = RouteSpec.to("198.51.100.0/24").via("192.0.2.2").dev("veth0").table(100).priority(10)
                .protocol(Rtnl.RTPROT_STATIC).mtu(1400).prefsrc(InetAddress.getByName("192.0.2.1"));
        ch.addRoute(r);
        Map<String, Object> got = route("route", "show", "table", "100");
        assertEquals("198.51.100.0/24", got.get("dst"));
        assertEquals("192.0.2.2", got.get("gateway"));
        assertEquals("veth0", got.get("dev"));
        assertEquals("static", got.get("protocol"));
        assertEquals(10L, got.get("metric"));
        assertEquals("192.0.2.1", got.get("prefsrc"));
        assertEquals(1400L, map(((List<?>) got.get("metrics")).get(0)).get("mtu"));
        Route q = rt.routes(RouteFilter.ALL.withTable(100)).get(0);
        assertEquals("198.51.100.0", q.dst().getHostAddress());
        assertEquals(24, q.dstLen());
        assertEquals("192.0.2.2", q.gateway().getHostAddress());
        assertEquals(ch.ifindex("veth0"), q.oif());
        assertEquals(10, q.priority());
        assertEquals(1400, q.metric(Rtnl.RTAX_MTU));
        assertEquals(Rtnl.RTPROT_STATIC, q.protocol().value());
        assertEquals("192.0.2.1", q.prefsrc().getHostAddress());

        NetlinkException dup = assertThrows(NetlinkException.class, () -> ch.addRoute(r));
        assertEquals(Errno.EEXIST, dup.errno(), dup.getMessage());

        ch.replaceRoute(RouteSpec.to("198.51.100.0/24").via("192.0.2.3").dev("veth0").table(100).priority(10));
        got = route("route", "show", "table", "100");
        assertEquals("192.0.2.3", got.get("gateway"));
        List<Route> replaced = rt.routes(RouteFilter.ALL.withTable(100));
        assertEquals(1, replaced.size());
        assertEquals("192.0.2.3", replaced.get(0).gateway().getHostAddress());

        // a table above 255: rtm_table RT_TABLE_UNSPEC, RTA_TABLE carries it
        ch.addRoute(RouteSpec.to("198.51.100.128/25").dev("veth0").table(100_000));
        got = route("route", "show", "table", "100000");
        assertEquals("198.51.100.128/25", got.get("dst"));
        assertEquals("link", got.get("scope"), "a device route without gateway gets scope link, as with ip");
        Route big = rt.routes(RouteFilter.ALL.withTable(100_000)).get(0);
        assertEquals(100_000, big.table());
        assertEquals(Rtnl.RT_SCOPE_LINK, big.scope().value());

        ch.deleteRoute(RouteSpec.to("198.51.100.0/24").table(100));
        assertTrue(ns.json("route", "show", "table", "100").isEmpty());
        assertTrue(rt.routes(RouteFilter.ALL.withTable(100)).isEmpty());
        NetlinkException none = assertThrows(NetlinkException.class, () -> ch.deleteRoute(RouteSpec.to("198.51.100.0/24").table(100)));
        assertEquals(3 /* ESRCH */, none.errno(), none.getMessage());
    }

    @Test
    void routeTypesAndMultipath() throws Exception {
        upVethPair();
        ch.addAddress("veth0", "192.0.2.1/24");
        ch.addRoute(RouteSpec.to("203.0.113.0/26").type(Rtnl.RTN_BLACKHOLE));
        ch.addRoute(RouteSpec.to("203.0.113.64/26").type(Rtnl.RTN_UNREACHABLE));
        ch.addRoute(RouteSpec.to("203.0.113.128/26").type(Rtnl.RTN_PROHIBIT));
        assertEquals("blackhole", route("route", "show", "203.0.113.0/26").get("type"));
        assertEquals("unreachable", route("route", "show", "203.0.113.64/26").get("type"));
        assertEquals("prohibit", route("route", "show", "203.0.113.128/26").get("type"));

        ch.addRoute(RouteSpec.to("203.0.113.192/26")
                .nexthop(NexthopSpec.via(InetAddress.getByName("192.0.2.2"), "veth0"))
                .nexthop(NexthopSpec.via(InetAddress.getByName("192.0.2.3"), "veth0").weight(3)));
        List<Map<String, Object>> hops = list(route("route", "show", "203.0.113.192/26").get("nexthops"));
        assertEquals(2, hops.size(), hops.toString());
        assertEquals("192.0.2.2", hops.get(0).get("gateway"));
        assertEquals(1L, hops.get(0).get("weight"));
        assertEquals("192.0.2.3", hops.get(1).get("gateway"));
        assertEquals(3L, hops.get(1).get("weight"));
        assertEquals("veth0", hops.get(1).get("dev"));
        Route mp = rt.routes(RouteFilter.MAIN).stream()
                .filter(r -> r.dst() != null && r.dst().getHostAddress().equals("203.0.113.192")).findFirst().orElseThrow();
        assertEquals(2, mp.nextHops().size());
        assertEquals(1, mp.nextHops().get(0).weight());
        assertEquals(3, mp.nextHops().get(1).weight());
        assertEquals("192.0.2.3", mp.nextHops().get(1).gateway().getHostAddress());
        assertEquals(ch.ifindex("veth0"), mp.nextHops().get(1).ifindex());
        long rejects = rt.routes(RouteFilter.MAIN).stream().filter(r -> r.type().value() == Rtnl.RTN_BLACKHOLE
                || r.type().value() == Rtnl.RTN_UNREACHABLE || r.type().value() == Rtnl.RTN_PROHIBIT).count();
        assertEquals(3, rejects);

        ch.deleteRoute(RouteSpec.to("203.0.113.0/26").type(Rtnl.RTN_BLACKHOLE));
        assertTrue(ns.json("route", "show", "203.0.113.0/26").isEmpty());
        ch.deleteRoute(RouteSpec.to("203.0.113.192/26"));
        assertTrue(ns.json("route", "show", "203.0.113.192/26").isEmpty());
    }

    @Test
    void ipv6Routes() throws Exception {
        upVethPair();
        ch.addAddress(AddrSpec.of("veth0", "2001:db8::1/64").flags(Rtnl.IFA_F_NODAD));
        ch.addRoute(RouteSpec.to("2001:db8:1::/48").via("2001:db8::2").dev("veth0").priority(42).mtu(1400));
        Map<String, Object> got = route("-6", "route", "show", "2001:db8:1::/48");
        assertEquals("2001:db8::2", got.get("gateway"));
        assertEquals(42L, got.get("metric"));
        ch.addRoute(RouteSpec.to("2001:db8:2::/48").type(Rtnl.RTN_BLACKHOLE).table(200));
        assertEquals("blackhole", route("-6", "route", "show", "table", "200").get("type"));
        Route v6 = rt.routes(RouteFilter.MAIN.withFamily(10)).stream()
                .filter(r -> r.dst() != null && EventLines.address(r.dst()).equals("2001:db8:1::")).findFirst().orElseThrow();
        assertEquals("2001:db8::2", EventLines.address(v6.gateway()));
        assertEquals(42, v6.priority());
        assertEquals(1400, v6.metric(Rtnl.RTAX_MTU));
        ch.deleteRoute(RouteSpec.to("2001:db8:1::/48").priority(42));
        assertTrue(ns.json("-6", "route", "show", "2001:db8:1::/48").isEmpty());
    }

    @Test
    void theKernelsRefusalCarriesItsMessage() throws Exception {
        upVethPair();
        ch.addAddress("veth0", "192.0.2.1/24");
        // no route reaches 203.0.113.9: the kernel refuses the gateway and says why
        NetlinkException e = assertThrows(NetlinkException.class,
                () -> ch.addRoute(RouteSpec.to("198.51.100.0/24").via("203.0.113.9")));
        assertEquals(Errno.ENETUNREACH, e.errno(), e.getMessage());
        assertNotNull(e.kernelMessage(), "extended ack message: " + e.getMessage());
        assertTrue(e.getMessage().contains("[kernel: " + e.kernelMessage()) || e.getMessage().contains("kernel: " + e.kernelMessage()), e.getMessage());
        assertTrue(ns.json("route", "show", "198.51.100.0/24").isEmpty());
    }

    @Test
    void routeArgumentsAreCheckedInJava() {
        assertThrows(IllegalArgumentException.class, () -> RouteSpec.to("198.51.100.1/24"));
        assertThrows(IllegalArgumentException.class, () -> RouteSpec.to("198.51.100.0/33"));
        assertThrows(IllegalArgumentException.class, () -> RouteSpec.to("2001:db8::/129"));
        assertThrows(IllegalArgumentException.class, () -> RouteSpec.to("198.51.100.0/24").via("2001:db8::1"));
        assertThrows(IllegalArgumentException.class, () -> RouteSpec.to("198.51.100.0/24").table(0));
        assertThrows(IllegalArgumentException.class, () -> RouteSpec.to("198.51.100.0/24").mtu(20));
        assertThrows(IllegalArgumentException.class, () -> RouteSpec.to("2001:db8::/32").mtu(1279));
        assertThrows(IllegalArgumentException.class, () -> RouteSpec.to("198.51.100.0/24").type(Rtnl.RTN_UNSPEC)); // every RTN_* from unicast to xresolve is a type (issue 10)
        assertThrows(IllegalArgumentException.class, () -> RouteSpec.to("198.51.100.0/24").protocol(256));
        assertThrows(IllegalArgumentException.class, () -> RouteSpec.to("198.51.100.0/24").priority(-1));
        assertThrows(IllegalArgumentException.class, () -> RouteSpec.to("198.51.100.0/24").via("192.0.2.1")
                .nexthop(NexthopSpec.via(null, "veth0")));
        assertThrows(IllegalArgumentException.class, () -> NexthopSpec.via(null, "veth0").weight(257));
        assertThrows(IllegalArgumentException.class, () -> NexthopSpec.via(null, null));
        assertThrows(IllegalArgumentException.class, () -> ch.addRoute(RouteSpec.to("198.51.100.0/24")));
        assertThrows(IllegalArgumentException.class, () -> ch.addRoute(RouteSpec.to("198.51.100.0/24").type(Rtnl.RTN_BLACKHOLE).dev("lo")));
    }

    @Test
    void permanentNeighbours() throws Exception {
        upVethPair();
        ch.addAddress("veth0", "192.0.2.1/24");
        InetAddress v4 = InetAddress.getByName("192.0.2.9");
        InetAddress v6 = InetAddress.getByName("2001:db8::9");
        ch.addNeighbour("veth0", v4, RtnetlinkChanges.lladdr("02:00:5e:00:00:09"));
        ch.addNeighbour("veth0", v6, RtnetlinkChanges.lladdr("02:00:5e:00:00:0a"));
        Map<String, Map<String, Object>> byDst = new java.util.HashMap<>();
        for (Map<String, Object> n : ns.json("neigh", "show", "dev", "veth0")) byDst.put((String) n.get("dst"), n);
        Map<String, Object> n4 = Objects.requireNonNull(byDst.get("192.0.2.9"), byDst.toString());
        assertEquals("02:00:5e:00:00:09", n4.get("lladdr"));
        assertEquals(List.of("PERMANENT"), n4.get("state"));
        assertEquals("02:00:5e:00:00:0a", byDst.get("2001:db8::9").get("lladdr"));
        int veth0 = ch.ifindex("veth0");
        Neigh q = rt.neighbours(0, veth0).stream()
                .filter(n -> n.dst() != null && n.dst().equals(v4)).findFirst().orElseThrow();
        assertTrue(q.state().has(NeighState.PERMANENT), q.state().toString());
        assertEquals("02:00:5e:00:00:09", q.lladdrString());
        assertTrue(rt.neighbours(10, veth0).stream().anyMatch(n -> v6.equals(n.dst()) && n.state().has(NeighState.PERMANENT)));

        NetlinkException e = assertThrows(NetlinkException.class,
                () -> ch.addNeighbour("veth0", v4, RtnetlinkChanges.lladdr("02:00:5e:00:00:09")));
        assertEquals(Errno.EEXIST, e.errno());
        assertThrows(IllegalArgumentException.class, () -> ch.addNeighbour("veth0", v4, new byte[5]));
        assertThrows(IllegalArgumentException.class, () -> RtnetlinkChanges.lladdr("02:00:5e:00:00:zz"));

        ch.deleteNeighbour("veth0", v4);
        ch.deleteNeighbour("veth0", v6);
        for (Map<String, Object> n : ns.json("neigh", "show", "dev", "veth0")) {
            assertFalse(List.of("192.0.2.9", "2001:db8::9").contains(n.get("dst")) && ((List<?>) n.get("state")).contains("PERMANENT"), n.toString());
        }
        assertFalse(rt.neighbours(0, veth0).stream().anyMatch(n -> (v4.equals(n.dst()) || v6.equals(n.dst())) && n.state().has(NeighState.PERMANENT)));
    }
}
