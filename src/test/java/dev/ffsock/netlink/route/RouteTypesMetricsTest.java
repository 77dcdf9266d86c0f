package dev.ffsock.netlink.route;

import dev.ffsock.netlink.NetlinkException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every route type, every {@code RTAX_*} metric, IPv6 {@code pref} and {@code expires}: made with
 * {@link RouteSpec} and read back with {@code ip -j route} and {@link Rtnetlink#routes}; the types
 * this kernel refuses come back with its ext-ack.
 */
class RouteTypesMetricsTest {
    private static ChangesNetns net;
    private static TestNetns ns;
    private static RtnetlinkChanges ch;
    private static Rtnetlink rt;

    @BeforeAll
    static void setUp() throws Exception {
        net = ChangesNetns.create("rtype").withVeth();
        ns = net.ns;
        ch = net.ch;
        rt = net.rt;
    }

    @AfterAll
    static void tearDown() throws Exception {
        if (net != null) net.close();
    }

    private static Map<String, Object> ipRoute(String fam, String table, String dst) throws Exception {
        for (Map<String, Object> m : ns.json(fam, "route", "show", "table", table)) {
            if (dst.equals(m.get("dst"))) return m;
        }
        throw new AssertionError("ip " + fam + " route show table " + table + ": no " + dst);
    }

    private static Route route(int family, int table, String dst, int len) throws Exception {
        for (Route r : rt.routes(new RouteFilter(family, table, 0, 0))) {
            if (r.dst() != null && r.dst().getHostAddress().equals(dst) && r.dstLen() == len) return r;
        }
        throw new AssertionError("ffsock finds no " + dst + "/" + len + " in table " + table);
    }

    @Test
    void everyTypeTheKernelHasIsMadeAndReadBack() throws Exception {
        String[][] cases = {
            {"local", "10.9.0.0", "host"}, {"broadcast", "10.7.0.0", "link"}, {"anycast", "10.8.0.0", "link"},
            {"multicast", "239.0.0.0", "link"}, {"blackhole", "10.1.0.0", null}, {"unreachable", "10.2.0.0", null},
            {"prohibit", "10.3.0.0", null}, {"throw", "10.4.0.0", null}, {"unicast", "10.5.0.0", "link"}};
        for (String[] c : cases) {
            RouteType t = RouteType.parse(c[0]);
            RouteSpec s = RouteSpec.to(c[1] + "/16").table(100).type(t.value());
            if (c[2] != null) s.dev("v0");
            ch.addRoute(s);
            Map<String, Object> ip = ipRoute("-4", "100", c[1] + "/16");
            assertEquals(c[0].equals("unicast") ? null : c[0], ip.get("type"), c[0]);
            assertEquals(c[2], ip.get("scope"), c[0] + " scope as ip route add gives it");
            Route r = route(2, 100, c[1], 16);
            assertEquals(t, r.type());
        }
    }

    @Test
    void typesTheKernelRefusesComeBackWithItsExtAck() {
        NetlinkException nat = assertThrows(NetlinkException.class,
                () -> ch.addRoute(RouteSpec.to("10.6.0.0/16").table(100).type(Rtnl.RTN_NAT)));
        assertTrue(nat.getMessage().startsWith("RTM_NEWROUTE: EINVAL"), nat.getMessage());
        assertTrue(nat.getMessage().contains("kernel: "), nat.getMessage());
        NetlinkException xr = assertThrows(NetlinkException.class,
                () -> ch.addRoute(RouteSpec.to("10.6.0.0/16").table(100).type(Rtnl.RTN_XRESOLVE)));
        assertTrue(xr.getMessage().startsWith("RTM_NEWROUTE: EINVAL"), xr.getMessage());
    }

    @Test
    void everyMetricIsWhatIpReads() throws Exception {
        RouteSpec s = RouteSpec.to("10.40.0.0/16").dev("v0").mtu(1400).lock(Rtnl.RTAX_MTU)
                .metric(Rtnl.RTAX_WINDOW, 1000).metric(Rtnl.RTAX_RTT, 80).metric(Rtnl.RTAX_RTTVAR, 40)
                .metric(Rtnl.RTAX_SSTHRESH, 7).metric(Rtnl.RTAX_CWND, 9).metric(Rtnl.RTAX_ADVMSS, 1300)
                .metric(Rtnl.RTAX_REORDERING, 3).metric(Rtnl.RTAX_HOPLIMIT, 64).metric(Rtnl.RTAX_INITCWND, 10)
                .metric(Rtnl.RTAX_FEATURES, Rtnl.RTAX_FEATURE_ECN).metric(Rtnl.RTAX_RTO_MIN, 20)
                .metric(Rtnl.RTAX_INITRWND, 11).metric(Rtnl.RTAX_QUICKACK, 1).metric(Rtnl.RTAX_FASTOPEN_NO_COOKIE, 1)
                .congctl("cubic");
        ch.addRoute(s);
        @SuppressWarnings("unchecked")
        Map<String, Object> m = ((List<Map<String, Object>>) ipRoute("-4", "main", "10.40.0.0/16").get("metrics")).get(0);
        assertEquals(1400L, m.get("mtu"));
        assertEquals(1000L, m.get("window"));
        assertEquals(10L, m.get("rtt"), "ip prints RTAX_RTT / 8");
        assertEquals(10L, m.get("rttvar"), "ip prints RTAX_RTTVAR / 4");
        assertEquals(7L, m.get("ssthresh"));
        assertEquals(9L, m.get("cwnd"));
        assertEquals(1300L, m.get("advmss"));
        assertEquals(3L, m.get("reordering"));
        assertEquals(64L, m.get("hoplimit"));
        assertEquals(10L, m.get("initcwnd"));
        assertTrue(m.containsKey("ecn"));
        assertEquals(20L, m.get("rto_min"));
        assertEquals(11L, m.get("initrwnd"));
        assertEquals(1L, m.get("quickack"));
        assertEquals(1L, m.get("fastopen_no_cookie"));
        assertEquals("cubic", m.get("congestion"));
        Route r = route(2, Rtnl.RT_TABLE_MAIN, "10.40.0.0", 16);
        assertEquals(1400, r.metric(Rtnl.RTAX_MTU));
        assertEquals(1L << Rtnl.RTAX_MTU, r.metric(Rtnl.RTAX_LOCK));
        assertEquals(80, r.metric(Rtnl.RTAX_RTT));
        assertEquals(1, r.metric(Rtnl.RTAX_FASTOPEN_NO_COOKIE));
        assertEquals("cubic", r.congestionControl());

        // made with ip, read by ffsock
        ns.ip("route", "add", "10.41.0.0/16", "dev", "v0", "mtu", "lock", "1300", "advmss", "1200", "hoplimit", "32",
                "initcwnd", "5", "congctl", "reno");
        Route q = route(2, Rtnl.RT_TABLE_MAIN, "10.41.0.0", 16);
        assertEquals(1300, q.metric(Rtnl.RTAX_MTU));
        assertEquals(1L << Rtnl.RTAX_MTU, q.metric(Rtnl.RTAX_LOCK));
        assertEquals(1200, q.metric(Rtnl.RTAX_ADVMSS));
        assertEquals(32, q.metric(Rtnl.RTAX_HOPLIMIT));
        assertEquals(5, q.metric(Rtnl.RTAX_INITCWND));
        assertEquals("reno", q.congestionControl());
    }

    @Test
    void ipv6PrefAndExpires() throws Exception {
        ch.addRoute(RouteSpec.to("2001:db8:10::/64").dev("v0").pref(1).expires(100));
        Map<String, Object> ip = ipRoute("-6", "main", "2001:db8:10::/64");
        assertEquals("high", ip.get("pref"));
        long ipExpires = (Long) ip.get("expires");
        assertTrue(ipExpires > 50 && ipExpires <= 100, "expires " + ipExpires);
        Route r = route(10, Rtnl.RT_TABLE_MAIN, "2001:db8:10:0:0:0:0:0", 64);
        assertEquals(1, r.pref());
        assertEquals("high", r.prefName());
        long mine = r.cacheInfo().expires() / 100;
        assertTrue(mine > 50 && mine <= 100, "expires " + mine);
        ch.addRoute(RouteSpec.to("2001:db8:11::/64").dev("v0").pref(3));
        assertEquals("low", ipRoute("-6", "main", "2001:db8:11::/64").get("pref"));
    }

    @Test
    void badInputIsRefusedBeforeSending() {
        assertThrows(IllegalArgumentException.class, () -> RouteSpec.to("10.0.0.0/33"));
        assertThrows(IllegalArgumentException.class, () -> RouteSpec.to("10.0.0.0/8").table(0));
        assertThrows(IllegalArgumentException.class, () -> RouteSpec.to("10.0.0.0/8").type(0));
        assertThrows(IllegalArgumentException.class, () -> RouteSpec.to("10.0.0.0/8").type(12));
        assertThrows(IllegalArgumentException.class, () -> RouteSpec.to("10.0.0.0/8").pref(1));
        assertThrows(IllegalArgumentException.class, () -> RouteSpec.to("2001:db8::/32").pref(2));
        assertThrows(IllegalArgumentException.class, () -> RouteSpec.to("10.0.0.0/8").expires(10));
        assertThrows(IllegalArgumentException.class, () -> RouteSpec.to("2001:db8::/32").expires(0));
        assertThrows(IllegalArgumentException.class, () -> RouteSpec.to("10.0.0.0/8").congctl(""));
        assertThrows(IllegalArgumentException.class, () -> RouteSpec.to("10.0.0.0/8").lock(1));
        assertThrows(IllegalArgumentException.class, () -> ch.addRoute(RouteSpec.to("10.0.0.0/8").type(Rtnl.RTN_LOCAL)));
        assertThrows(IllegalArgumentException.class, () -> ch.addRoute(RouteSpec.to("10.0.0.0/8").dev("v0").type(Rtnl.RTN_BLACKHOLE)));
    }
}
