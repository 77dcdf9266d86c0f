package dev.ffsock.netlink.route;

import dev.ffsock.Errno;
import dev.ffsock.netlink.NetlinkException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link Rtnetlink#routeGet} against {@code ip -j route get} in a namespace of this class's own:
 * the plain lookup, {@code from}/{@code mark}/{@code uid}, {@code oif}, {@code iif} (with forwarding
 * on), {@code fibmatch}, an unreachable address and bad input.
 */
class RouteGetTest {
    private static ChangesNetns net;
    private static TestNetns ns;
    private static RtnetlinkChanges ch;
    private static Rtnetlink rt;
    private static int v0;

    @BeforeAll
    static void setUp() throws Exception {
        net = ChangesNetns.create("rget").withVeth();
        ns = net.ns;
        ch = net.ch;
        rt = net.rt;
        ch.addRoute(RouteSpec.to("198.51.100.0/24").via("192.0.2.2"));
        v0 = ch.ifindex("v0");
        TestNetns.Result r = TestNetns.exec(List.of("ip", "netns", "exec", ns.name, "sysctl", "-qw", "net.ipv4.ip_forward=1"));
        assertEquals(0, r.status(), r.err());
    }

    @AfterAll
    static void tearDown() throws Exception {
        if (net != null) net.close();
    }

    private static Map<String, Object> ipGet(String... args) throws Exception {
        String[] a = new String[args.length + 2];
        a[0] = "route";
        a[1] = "get";
        System.arraycopy(args, 0, a, 2, args.length);
        List<Map<String, Object>> l = ns.json(a);
        assertEquals(1, l.size());
        return l.get(0);
    }

    @Test
    void plainLookupIsWhatIpGets() throws Exception {
        Route r = rt.routeGet(RouteQuery.to("198.51.100.7"));
        Map<String, Object> ip = ipGet("198.51.100.7");
        assertEquals(ip.get("dst"), r.dst().getHostAddress());
        assertEquals(32, r.dstLen());
        assertEquals(ip.get("gateway"), r.gateway().getHostAddress());
        assertEquals("v0", ip.get("dev"));
        assertEquals(v0, r.oif());
        assertEquals(ip.get("prefsrc"), r.prefsrc().getHostAddress());
        assertEquals(ip.get("uid"), r.uid());
        assertTrue((r.flags() & Rtnl.RTM_F_CLONED) != 0, "a route get answer is a cache (cloned) entry");
        assertEquals(Rtnl.RT_TABLE_MAIN, r.table());
    }

    @Test
    void fromMarkAndUid() throws Exception {
        Route r = rt.routeGet(RouteQuery.to("192.0.2.9").from("192.0.2.1").mark(5).uid(7));
        Map<String, Object> ip = ipGet("192.0.2.9", "from", "192.0.2.1", "mark", "5", "uid", "7");
        assertEquals(ip.get("from"), r.src().getHostAddress());
        assertEquals(ip.get("mark"), r.mark());
        assertEquals(ip.get("uid"), r.uid());
        assertNull(r.gateway());
        assertEquals(v0, r.oif());
    }

    @Test
    void oifAndIpv6() throws Exception {
        Route r = rt.routeGet(RouteQuery.to("fe80::5").oif("v0"));
        Map<String, Object> ip = ipGet("fe80::5", "oif", "v0");
        assertEquals(InetAddress.ofLiteral((String) ip.get("dst")), r.dst());
        assertEquals(v0, r.oif());
        assertEquals(ip.get("metric"), r.priority());
        assertEquals(ip.get("pref"), r.prefName());
        assertEquals(InetAddress.ofLiteral((String) ip.get("prefsrc")), r.prefsrc());
    }

    @Test
    void iifLooksUpAsForwarded() throws Exception {
        Route r = rt.routeGet(RouteQuery.to("198.51.100.7").from("192.0.2.2").iif("v0"));
        Map<String, Object> ip = ipGet("198.51.100.7", "from", "192.0.2.2", "iif", "v0");
        assertEquals("v0", ip.get("iif"));
        assertEquals(v0, r.iif());
        assertEquals(ip.get("gateway"), r.gateway().getHostAddress());
    }

    @Test
    void fibmatchReturnsTheFibEntry() throws Exception {
        Route r = rt.routeGet(RouteQuery.to("198.51.100.7").fibMatch());
        Map<String, Object> ip = ipGet("fibmatch", "198.51.100.7");
        assertEquals(ip.get("dst"), r.dst().getHostAddress() + "/" + r.dstLen());
        assertEquals(24, r.dstLen());
        assertEquals(ip.get("gateway"), r.gateway().getHostAddress());
        assertEquals(0, r.flags() & Rtnl.RTM_F_CLONED);
    }

    @Test
    void unreachableIsTheKernelsRefusal() {
        NetlinkException e = assertThrows(NetlinkException.class, () -> rt.routeGet(RouteQuery.to("203.0.113.1")));
        assertEquals(Errno.ENETUNREACH, e.errno(), e.getMessage());
        assertTrue(e.getMessage().startsWith("RTM_GETROUTE: ENETUNREACH"), e.getMessage());
        NetlinkException dev = assertThrows(NetlinkException.class, () -> rt.routeGet(RouteQuery.to("198.51.100.7").oif("nosuchdev")));
        assertEquals(Errno.ENODEV, dev.errno(), dev.getMessage());
    }

    @Test
    void badInputIsRefusedBeforeSending() {
        assertThrows(IllegalArgumentException.class, () -> RouteQuery.to("300.1.1.1"));
        assertThrows(IllegalArgumentException.class, () -> RouteQuery.to("198.51.100.7").from("2001:db8::1"));
        assertThrows(IllegalArgumentException.class, () -> RouteQuery.to("198.51.100.7").mark(-1));
        assertThrows(IllegalArgumentException.class, () -> RouteQuery.to("198.51.100.7").uid(1L << 32));
        assertThrows(IllegalArgumentException.class, () -> RouteQuery.to("198.51.100.7").iif("a-name-of-16-byt"));
        assertThrows(IllegalArgumentException.class, () -> RouteQuery.to("198.51.100.7").dport(65536));
        assertThrows(IllegalArgumentException.class, () -> RouteQuery.to("198.51.100.0/24"));
    }
}
