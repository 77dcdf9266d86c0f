package dev.ffsock.netlink.route;

import dev.ffsock.NetworkNamespaces;
import dev.ffsock.netlink.NetlinkConnection;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Typed fdb and nsid events ({@link RtnetlinkEvents.Topic#FDB}, {@link RtnetlinkEvents.Topic#NSID})
 * in a namespace of the test's own. The kernel also announces entries of its own (multicast fdb
 * entries of links coming up): each check waits, up to a generous limit, for the one event it
 * caused and skips others.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BridgeNsidEventsTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private TestNetns ns;
    private NetlinkConnection conn;

    @BeforeAll
    void setUp() throws Exception {
        ns = TestNetns.create("brev");
        ns.ip("link", "add", "br0", "type", "bridge");
        ns.ip("link", "add", "p0", "type", "veth", "peer", "name", "q0");
        ns.ip("link", "set", "p0", "master", "br0");
        for (String l : List.of("br0", "p0", "q0")) ns.ip("link", "set", l, "up");
        conn = ns.connect();
    }

    @AfterAll
    void tearDown() throws Exception {
        if (conn != null) conn.close();
        if (ns != null) ns.close();
    }

    private static <T extends RtnetlinkEvent> T await(RtnetlinkEvents ev, Class<T> type, Predicate<T> which) throws Exception {
        long end = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < end) {
            RtnetlinkEvent e = ev.next(Duration.ofNanos(Math.max(1, end - System.nanoTime())));
            if (type.isInstance(e) && which.test(type.cast(e))) return type.cast(e);
        }
        throw new AssertionError("no " + type.getSimpleName() + " within " + WAIT);
    }

    @Test
    void fdbChangesAreFdbEvents() throws Exception {
        Bridge br = new Bridge(conn);
        try (RtnetlinkEvents ev = RtnetlinkEvents.open(ns.name, RtnetlinkEvents.Topic.FDB)) {
            br.addFdb(FdbSpec.of("02:00:00:00:ee:01", "p0").master().kind(FdbSpec.Kind.STATIC)); // no vlan: without VLAN filtering the kernel refuses one (EINVAL)
            RtnetlinkEvent.FdbEvent added = await(ev, RtnetlinkEvent.FdbEvent.class,
                    e -> "02:00:00:00:ee:01".equals(e.entry().lladdrString()));
            assertFalse(added.deleted());
            assertEquals(BridgeCodec.AF_BRIDGE, added.entry().family());
            assertEquals(new RtnetlinkChanges(conn).ifindex("p0"), added.entry().ifindex());
            assertEquals("fdb new 02:00:00:00:ee:01 dev p0 master br0 static",
                    EventLines.format(added, i -> i == added.entry().ifindex() ? "p0" : i == added.entry().master() ? "br0" : null));
            br.deleteFdb(FdbSpec.of("02:00:00:00:ee:01", "p0").master());
            assertTrue(await(ev, RtnetlinkEvent.FdbEvent.class, e -> "02:00:00:00:ee:01".equals(e.entry().lladdrString())).deleted());
        }
        // subscribed to NEIGH alone, an AF_BRIDGE entry is still a neighbour event, as before FDB existed
        try (RtnetlinkEvents ev = RtnetlinkEvents.open(ns.name, RtnetlinkEvents.Topic.NEIGH)) {
            br.addFdb(FdbSpec.of("02:00:00:00:ee:02", "p0").master().kind(FdbSpec.Kind.STATIC));
            RtnetlinkEvent.NeighEvent n = await(ev, RtnetlinkEvent.NeighEvent.class, e -> "02:00:00:00:ee:02".equals(e.neigh().lladdrString()));
            assertEquals(BridgeCodec.AF_BRIDGE, n.neigh().family());
            br.deleteFdb(FdbSpec.of("02:00:00:00:ee:02", "p0").master());
        }
    }

    @Test
    void nsidAssignmentIsAnNsidEvent() throws Exception {
        String peer = "ffsock-nsev-" + Long.toHexString(ThreadLocalRandom.current().nextLong() & 0xffffffffL);
        NetworkNamespaces.add(peer);
        try (RtnetlinkEvents ev = RtnetlinkEvents.open(ns.name, RtnetlinkEvents.Topic.NSID)) {
            new NetnsIds(conn).set(peer, 23);
            RtnetlinkEvent.NsidEvent e = await(ev, RtnetlinkEvent.NsidEvent.class, x -> x.nsid().nsid() == 23);
            assertFalse(e.deleted());
            assertEquals("nsid new 23", EventLines.format(e, i -> null));
            // the peer's end: its id goes away with it (the kernel's cleanup runs on a work queue)
            NetworkNamespaces.delete(peer);
            assertTrue(await(ev, RtnetlinkEvent.NsidEvent.class, x -> x.nsid().nsid() == 23).deleted());
        } finally {
            if (NetworkNamespaces.list().contains(peer)) NetworkNamespaces.delete(peer);
        }
    }
}
