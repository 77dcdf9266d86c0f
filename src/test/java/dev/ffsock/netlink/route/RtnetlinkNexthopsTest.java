package dev.ffsock.netlink.route;

import dev.ffsock.Errno;
import dev.ffsock.netlink.NetlinkException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Nexthop objects and groups ({@code ip nexthop}) and routes that use them ({@code nhid}), in a
 * namespace of this class's own: made with ffsock and read with {@code ip -j nexthop}, made with
 * {@code ip} and read with {@link Rtnetlink#nexthops}; replace, delete, the kernel's refusals and bad
 * input.
 */
class RtnetlinkNexthopsTest {
    private static ChangesNetns net;
    private static TestNetns ns;
    private static RtnetlinkChanges ch;
    private static Rtnetlink rt;
    private static int v0;

    @BeforeAll
    static void setUp() throws Exception {
        net = ChangesNetns.create("nh").withVeth();
        ns = net.ns;
        ch = net.ch;
        rt = net.rt;
        v0 = ch.ifindex("v0");
    }

    @AfterAll
    static void tearDown() throws Exception {
        if (net != null) net.close();
    }

    private static Map<String, Object> ipNexthop(long id) throws Exception {
        List<Map<String, Object>> l = ns.json("nexthop", "show", "id", Long.toString(id));
        assertEquals(1, l.size(), "ip nexthop show id " + id);
        return l.get(0);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Object o) {
        return (List<Map<String, Object>>) o;
    }

    @Test
    void objectsAndGroupsMadeWithFfsockAreWhatIpReads() throws Exception {
        ch.addNexthop(NexthopObjectSpec.id(1).via("192.0.2.2").dev("v0"));
        ch.addNexthop(NexthopObjectSpec.id(2).via("192.0.2.3").dev("v0").protocol(Rtnl.RTPROT_STATIC));
        ch.addNexthop(NexthopObjectSpec.id(3).dev("v0"));
        ch.addNexthop(NexthopObjectSpec.id(4).blackhole());
        ch.addNexthop(NexthopObjectSpec.id(5).via("2001:db8::2").dev("v0"));
        ch.addNexthop(NexthopObjectSpec.id(6).via("192.0.2.9").fdb());
        ch.addNexthop(NexthopObjectSpec.id(7).via("198.51.100.1").dev("v0").onlink());
        ch.addNexthop(NexthopObjectSpec.id(10).group(new NexthopGroupMember(1, 1), new NexthopGroupMember(2, 3)));
        ch.addNexthop(NexthopObjectSpec.id(11).group(new NexthopGroupMember(1, 1), new NexthopGroupMember(2, 1)).resilient(8, 60, 0));

        Map<String, Object> one = ipNexthop(1);
        assertEquals("192.0.2.2", one.get("gateway"));
        assertEquals("v0", one.get("dev"));
        assertEquals("link", one.get("scope"));
        assertEquals("static", ipNexthop(2).get("protocol"));
        assertEquals("host", ipNexthop(3).get("scope"));
        assertTrue(ipNexthop(4).containsKey("blackhole"));
        assertEquals("2001:db8::2", ipNexthop(5).get("gateway"));
        assertTrue(ipNexthop(6).containsKey("fdb"));
        assertTrue(((List<?>) ipNexthop(7).get("flags")).contains("onlink"), ipNexthop(7)::toString);
        List<Map<String, Object>> g = list(ipNexthop(10).get("group"));
        assertEquals(2, g.size());
        assertEquals(1L, g.get(0).get("id"));
        assertFalse(g.get(0).containsKey("weight"), "weight 1 is not printed");
        assertEquals(2L, g.get(1).get("id"));
        assertEquals(3L, g.get(1).get("weight"));
        Map<String, Object> res = ipNexthop(11);
        assertEquals("resilient", res.get("type"));
        @SuppressWarnings("unchecked")
        Map<String, Object> args = (Map<String, Object>) res.get("resilient_args");
        assertEquals(8L, args.get("buckets"));
        assertEquals(60L, ((Number) args.get("idle_timer")).longValue());

        // read back typed
        Nexthop n1 = rt.nexthop(1).orElseThrow();
        assertEquals(2, n1.family());
        assertEquals(v0, n1.oif());
        assertEquals("192.0.2.2", n1.gateway().getHostAddress());
        assertTrue(rt.nexthop(4).orElseThrow().blackhole());
        assertTrue(rt.nexthop(6).orElseThrow().fdb());
        Nexthop grp = rt.nexthop(10).orElseThrow();
        assertEquals(List.of(new NexthopGroupMember(1, 1), new NexthopGroupMember(2, 3)), grp.group());
        assertEquals("mpath", grp.groupTypeName());
        Nexthop r11 = rt.nexthop(11).orElseThrow();
        assertEquals("resilient", r11.groupTypeName());
        assertEquals(8, r11.resilience().buckets());
        assertEquals(6000, r11.resilience().idleTimer());
        assertTrue(rt.nexthops().size() >= 9);
        List<Nexthop> onV0 = rt.nexthops(new NexthopFilter(0, v0, false, false));
        assertEquals(List.of(1, 2, 3, 5, 7), onV0.stream().map(Nexthop::id).filter(i -> i < 100).toList(), "ip nexthop show dev v0");
        List<Nexthop> groups = rt.nexthops(new NexthopFilter(0, 0, true, false));
        assertEquals(List.of(10, 11), groups.stream().map(Nexthop::id).filter(i -> i < 100).toList(), "ip nexthop show groups");
        assertEquals(List.of(6), rt.nexthops(new NexthopFilter(0, 0, false, true)).stream().map(Nexthop::id).toList());
        assertEquals(List.of(5), rt.nexthops(new NexthopFilter(10, 0, false, false)).stream().map(Nexthop::id).filter(i -> i < 100).toList());

        // a route through a nexthop object, read back both ways
        ch.addRoute(RouteSpec.to("203.0.113.0/24").nhid(10));
        List<Map<String, Object>> ipr = ns.json("route", "show", "203.0.113.0/24");
        assertEquals(1, ipr.size());
        assertEquals(10L, ipr.get(0).get("nhid"));
        assertEquals(2, list(ipr.get(0).get("nexthops")).size());
        Route r = rt.routes(RouteFilter.MAIN.withFamily(2)).stream()
                .filter(x -> x.dst() != null && x.dst().getHostAddress().equals("203.0.113.0")).findFirst().orElseThrow();
        assertEquals(10, r.nhId());
        assertEquals(2, r.nextHops().size());
        ch.deleteRoute(RouteSpec.to("203.0.113.0/24"));
    }

    @Test
    void objectsMadeWithIpAreReadByFfsock() throws Exception {
        ns.ip("nexthop", "add", "id", "101", "via", "192.0.2.5", "dev", "v0");
        ns.ip("nexthop", "add", "id", "102", "blackhole");
        ns.ip("nexthop", "add", "id", "103", "group", "101,4");
        Nexthop a = rt.nexthop(101).orElseThrow();
        Map<String, Object> m = ipNexthop(101);
        assertEquals(m.get("gateway"), a.gateway().getHostAddress());
        assertEquals(m.get("scope"), a.scope().name());
        assertEquals(v0, a.oif());
        assertTrue(rt.nexthop(102).orElseThrow().blackhole());
        assertEquals(List.of(new NexthopGroupMember(101, 4)), rt.nexthop(103).orElseThrow().group());
        assertEquals(4L, list(ipNexthop(103).get("group")).get(0).get("weight"));
    }

    @Test
    void replaceAndDelete() throws Exception {
        ch.addNexthop(NexthopObjectSpec.id(201).via("192.0.2.6").dev("v0"));
        NetlinkException dup = assertThrows(NetlinkException.class, () -> ch.addNexthop(NexthopObjectSpec.id(201).blackhole()));
        assertEquals(Errno.EEXIST, dup.errno(), dup.getMessage());
        ch.replaceNexthop(NexthopObjectSpec.id(201).via("192.0.2.7").dev("v0"));
        assertEquals("192.0.2.7", ipNexthop(201).get("gateway"));
        ch.deleteNexthop(201);
        assertTrue(rt.nexthop(201).isEmpty());
        NetlinkException gone = assertThrows(NetlinkException.class, () -> ch.deleteNexthop(201));
        assertEquals(Errno.ENOENT, gone.errno(), gone.getMessage());
    }

    @Test
    void kernelRefusalsComeBackWithTheirExtAck() throws Exception {
        NetlinkException e = assertThrows(NetlinkException.class,
                () -> ch.addNexthop(NexthopObjectSpec.id(301).group(new NexthopGroupMember(999, 1))));
        assertTrue(e.getMessage().startsWith("RTM_NEWNEXTHOP: EINVAL"), e.getMessage());
        assertTrue(e.getMessage().contains("kernel: "), e.getMessage());
        NetlinkException down = assertThrows(NetlinkException.class,
                () -> ch.addRoute(RouteSpec.to("203.0.114.0/24").nhid(999)));
        assertTrue(down.getMessage().contains("kernel: "), down.getMessage());
    }

    @Test
    void badInputIsRefusedBeforeSending() {
        assertThrows(IllegalArgumentException.class, () -> NexthopObjectSpec.id(0));
        assertThrows(IllegalArgumentException.class, () -> NexthopObjectSpec.id(1L << 32));
        assertThrows(IllegalArgumentException.class, () -> NexthopObjectSpec.id(1).blackhole().dev("v0"));
        assertThrows(IllegalArgumentException.class, () -> NexthopObjectSpec.id(1).via("192.0.2.1").blackhole());
        assertThrows(IllegalArgumentException.class, () -> NexthopObjectSpec.id(1).group(new NexthopGroupMember(1, 1)));
        assertThrows(IllegalArgumentException.class,
                () -> NexthopObjectSpec.id(1).group(new NexthopGroupMember(2, 1), new NexthopGroupMember(2, 2)));
        assertThrows(IllegalArgumentException.class, () -> new NexthopGroupMember(2, 257));
        assertThrows(IllegalArgumentException.class, () -> new NexthopGroupMember(0, 1));
        assertThrows(IllegalArgumentException.class, () -> ch.addNexthop(NexthopObjectSpec.id(9)));
        assertThrows(IllegalArgumentException.class, () -> NexthopObjectSpec.id(1).via("224.0.0.1"));
        assertThrows(IllegalArgumentException.class, () -> RouteSpec.to("203.0.113.0/24").via("192.0.2.2").nhid(1));
        assertThrows(IllegalArgumentException.class, () -> RouteSpec.to("203.0.113.0/24").nhid(1).dev("v0"));
        assertThrows(IllegalArgumentException.class, () -> RouteSpec.to("203.0.113.0/24").nhid(0));
        assertThrows(IllegalArgumentException.class, () -> new NexthopFilter(0, 3, true, false));
        assertThrows(IllegalArgumentException.class, () -> new NexthopFilter(7, 0, false, false));
        assertNull(NexthopObjectSpec.id(1).gateway());
    }
}
