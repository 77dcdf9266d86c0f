package dev.ffsock.netlink.route;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The typed queries in a populated namespace: records, filters (kernel and Java), single gets, streaming. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RtnetlinkTest {
    private PopulatedNetns ns;
    private Rtnetlink rt;

    @BeforeAll
    void setUp() throws Exception {
        ns = PopulatedNetns.create("rt");
        rt = Rtnetlink.open(ns.name);
    }

    @AfterAll
    void tearDown() throws Exception {
        if (rt != null) rt.close();
        if (ns != null) ns.close();
    }

    private Link link(String name) throws Exception {
        return rt.link(name).orElseThrow();
    }

    @Test
    void links() throws Exception {
        List<Link> all = rt.links();
        assertEquals(5, all.size(), () -> all.stream().map(Link::name).toList().toString());
        Link veth0 = link("veth0");
        Link veth1 = link("veth1");
        Link br0 = link("br0");
        assertEquals(veth0.name(), rt.link(veth0.index()).orElseThrow().name());
        assertEquals("veth", veth0.kind());
        assertEquals(veth1.index(), veth0.link());
        assertEquals(br0.index(), veth1.master());
        assertEquals("bridge", veth1.slaveKind());
        assertEquals("bridge", br0.kind());
        assertEquals(List.of("ffsock-veth0-alternative-name"), veth0.altNames());
        assertEquals("ffsock-test-alias", veth0.alias());
        assertEquals(veth0.index(), rt.link("ffsock-veth0-alternative-name").orElseThrow().index());
        assertEquals(LinkType.ETHER, veth0.type());
        assertEquals(6, veth0.address().length);
        assertTrue(veth0.flagNames().contains("UP"));
        assertNotNull(veth0.stats64());
        assertTrue(link("vx0").linkNetnsId().isPresent());
        assertEquals(Optional.empty(), rt.link("nosuchlink0"));
        assertEquals(Optional.empty(), rt.link(999_999));
    }

    @Test
    void addresses() throws Exception {
        Link veth0 = link("veth0");
        List<Addr> v4 = rt.addresses(2, veth0.index());
        assertEquals(2, v4.size(), v4::toString);
        Addr one = v4.get(0);
        assertEquals(InetAddress.getByName("192.0.2.1"), one.local());
        assertEquals("veth0:one", one.label());
        assertEquals(Addr.FOREVER, one.validLifetime());
        assertTrue(v4.get(1).hasFlag(Rtnl.IFA_F_SECONDARY));
        Addr br = rt.addresses(2, link("br0").index()).get(0);
        assertTrue(br.validLifetime() <= 3600 && br.validLifetime() > 3500, br::toString);
        assertTrue(br.preferredLifetime() <= 1800 && br.preferredLifetime() > 1700, br::toString);
        Addr peer = rt.addresses(2, link("vx0").index()).get(0);
        assertEquals(InetAddress.getByName("203.0.113.2"), peer.peer());
        Addr metric = rt.addresses(10, link("br0").index()).stream()
                .filter(a -> a.routePriority() == 77).findFirst().orElseThrow();
        assertTrue(metric.flagNames().contains("noprefixroute"), metric::toString);
        for (Addr a : rt.addresses(10, 0)) assertEquals(10, a.family());
    }

    @Test
    void routesFilteredByTableFamilyProtocolAndOif() throws Exception {
        List<Route> t100 = rt.routes(RouteFilter.ALL.withTable(100));
        assertEquals(8, t100.size(), t100::toString);
        for (Route r : t100) assertEquals(100, r.table());
        List<Route> t1000 = rt.routes(RouteFilter.ALL.withTable(1000));
        assertEquals(2, t1000.size(), t1000::toString);
        assertTrue(t1000.stream().allMatch(r -> r.type().equals(RouteType.PROHIBIT)));
        Route mp = t100.stream().filter(r -> r.family() == 2 && r.nextHops().size() == 2).findFirst().orElseThrow();
        assertEquals(2, mp.nextHops().get(0).weight());
        assertEquals(InetAddress.getByName("192.0.2.10"), mp.nextHops().get(0).gateway());
        Route via = t100.stream().filter(r -> r.via() != null).findFirst().orElseThrow();
        assertEquals(InetAddress.getByName("2001:db8:1::ff"), via.via());
        Route statik = rt.routes(RouteFilter.MAIN.withFamily(2).withProtocol(Rtnl.RTPROT_STATIC)).get(0);
        assertEquals(1400, statik.metric(Rtnl.RTAX_MTU));
        assertEquals(1360, statik.metric(Rtnl.RTAX_ADVMSS));
        assertEquals(50, statik.priority());
        int br0 = link("br0").index();
        for (Route r : rt.routes(RouteFilter.ALL.withOif(br0))) {
            assertTrue(r.oif() == br0 || r.nextHops().stream().anyMatch(h -> h.ifindex() == br0), r::toString);
        }
        Route high = rt.routes(RouteFilter.MAIN.withFamily(10)).stream()
                .filter(r -> r.priority() == 10).findFirst().orElseThrow();
        assertEquals("high", high.prefName());
        assertEquals(32, high.metric(Rtnl.RTAX_HOPLIMIT));
        assertTrue(rt.routes(RouteFilter.MAIN.withFamily(10)).stream().anyMatch(r -> r.cacheInfo() != null
                && r.cacheInfo().expires() > 0));
    }

    @Test
    void kernelMarksFilteredDumps() throws Exception {
        boolean[] filtered = {false};
        rt.connection().dump(Rtnl.RTM_GETROUTE, RouteCodec.dumpRequest(2, 100, 0, 0), m -> {
            filtered[0] |= (m.flags() & dev.ffsock.netlink.Netlink.NLM_F_DUMP_FILTERED) != 0;
        });
        if (rt.connection().strictCheck()) assertTrue(filtered[0], "kernel with strict checking did not filter");
    }

    @Test
    void streamingSeesTheSameAsTheList() throws Exception {
        List<Route> streamed = new ArrayList<>();
        rt.forEachRoute(RouteFilter.ALL, streamed::add);
        assertEquals(rt.routes(RouteFilter.ALL).size(), streamed.size());
        List<Neigh> n = new ArrayList<>();
        rt.forEachNeighbour(0, 0, n::add);
        assertFalse(n.isEmpty());
        List<Link> l = new ArrayList<>();
        rt.forEachLink(l::add);
        assertEquals(5, l.size());
    }

    @Test
    void neighbours() throws Exception {
        int veth0 = link("veth0").index();
        List<Neigh> v6 = rt.neighbours(10, veth0);
        Neigh router = v6.stream().filter(Neigh::isRouter).findFirst().orElseThrow();
        assertTrue(router.state().has(NeighState.PERMANENT));
        assertEquals("02:00:00:00:00:ff", router.lladdrString());
        InetAddress dst = InetAddress.getByName("198.51.100.8");
        Neigh noarp = rt.neighbours(2, link("br0").index()).stream()
                .filter(x -> dst.equals(x.dst())).findFirst().orElseThrow();
        assertTrue(noarp.state().has(NeighState.NOARP), noarp::toString);
        assertEquals("02:00:00:00:00:08", noarp.lladdrString());
    }
}
