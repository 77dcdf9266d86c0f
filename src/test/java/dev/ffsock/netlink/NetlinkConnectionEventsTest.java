package dev.ffsock.netlink;

import static dev.ffsock.netlink.NetlinkConnectionRequestTest.ifinfomsg;
import static dev.ffsock.netlink.NetlinkConnectionRequestTest.linkName;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.ffsock.Domain;
import dev.ffsock.NetworkNamespace;
import dev.ffsock.Protocol;
import dev.ffsock.SockAddrNl;
import dev.ffsock.SockOpt;
import dev.ffsock.Socket;
import dev.ffsock.Type;
import dev.ffsock.netlink.route.Rtnl;

import java.io.IOException;
import java.lang.foreign.ValueLayout;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Multicast notifications (RTNLGRP_LINK) and their loss (ENOBUFS → {@link EventsLostException}),
 * dumps the kernel marks NLM_F_DUMP_INTR because links come and go while they run, and dumps a
 * handler abandons halfway — all in a throw-away namespace.
 */
class NetlinkConnectionEventsTest {
    /** Enough bridges that a link dump needs several ~32 KiB datagrams (a link message is ~1.5 KiB; the change made while the first is handled shows from the third on). */
    private static final int BRIDGES = 120;

    private static NetlinkTestNamespace ns;

    @BeforeAll
    static void setUp() throws Exception {
        ns = NetlinkTestNamespace.create();
        List<String> cmds = new ArrayList<>();
        for (int i = 0; i < BRIDGES; i++) cmds.add("link add ffbr" + i + " type bridge");
        ns.batch(cmds);
    }

    @AfterAll
    static void tearDown() throws Exception {
        if (ns != null) ns.close();
    }

    private static NetlinkConnection open() throws IOException {
        return NetlinkConnection.open(Netlink.NETLINK_ROUTE, ns.name);
    }

    /** Receives link notifications (bounded: 5 s) until every name in {@code expected} was seen. */
    private static void awaitLinks(NetlinkConnection events, Set<String> expected) throws IOException {
        Set<String> seen = new HashSet<>();
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (!seen.containsAll(expected)) {
            if (System.nanoTime() > deadline) fail("saw only " + seen + ", expected " + expected);
            events.receiveEvents(m -> {
                if (m.type() == Rtnl.RTM_NEWLINK) seen.add(linkName(m));
            }, 200);
        }
    }

    @Test
    void linkNotificationsArrive() throws Exception {
        try (NetlinkConnection events = open()) {
            events.subscribe(Rtnl.RTNLGRP_LINK);
            assertEquals(0, events.receiveEvents(m -> fail("nothing happened yet: " + m), 50));
            ns.ip("link", "add", "ffev0", "type", "veth", "peer", "name", "ffev1");
            try {
                awaitLinks(events, Set.of("ffev0", "ffev1"));
            } finally {
                ns.ip("link", "del", "ffev0");
            }
        }
    }

    @Test
    void spoofedNotificationsAreDropped() throws Exception {
        try (NetlinkConnection events = open();
             Socket spoofer = NetworkNamespace.open(ns.name, Domain.AF_NETLINK, Type.RAW, Protocol.NETLINK_ROUTE);
             MessageBuilder b = new MessageBuilder()) {
            events.subscribe(Rtnl.RTNLGRP_LINK);
            spoofer.bind(new SockAddrNl(0, 0));
            b.begin(Rtnl.RTM_NEWLINK, 0);
            ifinfomsg(b, 4242, 0, 0);
            b.attrString(Rtnl.IFLA_IFNAME, "spoofed0");
            b.end();
            byte[] fake = b.segment().toArray(ValueLayout.JAVA_BYTE);
            spoofer.sendto(fake, 0, fake.length, 0, new SockAddrNl(events.portId(), 0));
            assertEquals(0, events.receiveEvents(m -> fail("spoofed event handed over: " + m), 100));
            assertEquals(1, events.spoofedDropped());
        }
    }

    /** 2 × BRIDGES link changes (down and up again), each a ~1.5 KiB RTM_NEWLINK notification. */
    private static void flap() throws Exception {
        List<String> cmds = new ArrayList<>();
        for (int i = 0; i < BRIDGES; i++) cmds.add("link set ffbr" + i + " up");
        for (int i = 0; i < BRIDGES; i++) cmds.add("link set ffbr" + i + " down");
        ns.batch(cmds);
    }

    @Test
    void overflowIsReportedAsEventsLost() throws Exception {
        try (NetlinkConnection events = open()) {
            events.subscribe(Rtnl.RTNLGRP_LINK);
            events.socket().setsockopt(SockOpt.SO_RCVBUF, 1024); // the kernel's minimum, ~2 KiB
            flap();
            assertThrows(EventsLostException.class, () -> events.receiveEvents(m -> { }, 1000));
            // receiving goes on: what fitted in the buffer is still there
            AtomicInteger after = new AtomicInteger();
            while (events.receiveEvents(m -> after.incrementAndGet(), 100) > 0) {
                if (after.get() > 10 * BRIDGES) fail("more events than changes");
            }
            // and new events arrive again
            ns.ip("link", "set", "ffbr0", "up");
            awaitLinks(events, Set.of("ffbr0"));
        }
    }

    @Test
    void noEnobufsOptionSuppressesTheError() throws Exception {
        try (NetlinkConnection events = open()) {
            events.subscribe(Rtnl.RTNLGRP_LINK);
            events.socket().setsockopt(SockOpt.SO_RCVBUF, 1024);
            events.socket().setsockoptInt(Netlink.SOL_NETLINK, Netlink.NETLINK_NO_ENOBUFS, 1);
            flap();
            int n = 0;
            while (events.receiveEvents(m -> { }, 100) > 0) n++;
            assertTrue(n < 2 * BRIDGES, "events were dropped silently: got " + n);
        }
    }

    // ---- NLM_F_DUMP_INTR -----------------------------------------------------------------------

    /** Adds (and later removes) a bridge through another connection: changes the link list's generation. */
    private static final class Changer implements AutoCloseable {
        private final NetlinkConnection c;
        private int made;

        Changer() throws IOException {
            c = open();
        }

        void change() throws IOException {
            String name = "ffintr" + made++;
            c.execute(Rtnl.RTM_NEWLINK, Netlink.NLM_F_CREATE | Netlink.NLM_F_EXCL, w -> {
                ifinfomsg(w, 0, 0, 0);
                w.attrString(Rtnl.IFLA_IFNAME, name);
                int li = w.beginNested(Rtnl.IFLA_LINKINFO);
                w.attrString(Rtnl.IFLA_INFO_KIND, "bridge");
                w.endNested(li);
            });
        }

        @Override
        public void close() throws IOException {
            try (c) {
                for (int i = 0; i < made; i++) {
                    String name = "ffintr" + i;
                    c.execute(Rtnl.RTM_DELLINK, 0, w -> {
                        ifinfomsg(w, 0, 0, 0);
                        w.attrString(Rtnl.IFLA_IFNAME, name);
                    });
                }
            }
        }
    }

    private static final NetlinkConnection.Encoder ALL_LINKS = w -> ifinfomsg(w, 0, 0, 0);

    @Test
    void linksChangingDuringADumpInterruptIt() throws Exception {
        try (NetlinkConnection c = open(); Changer changer = new Changer()) {
            assertEquals(BRIDGES + 1, c.dumpAll(Rtnl.RTM_GETLINK, ALL_LINKS, NetlinkConnectionRequestTest::linkName).size(),
                    "a quiet dump is clean");

            // streamed: the change happens while the first datagram is being handled
            AtomicInteger handled = new AtomicInteger();
            DumpInterruptedException streamed = assertThrows(DumpInterruptedException.class,
                    () -> c.dump(Rtnl.RTM_GETLINK, ALL_LINKS, m -> {
                        if (handled.getAndIncrement() == 0) changer.change();
                    }));
            assertTrue(handled.get() > BRIDGES, "the whole dump was still read: " + handled.get());
            assertTrue(streamed.partial().isEmpty());

            // collected: the exception carries what was received
            DumpInterruptedException collected = assertThrows(DumpInterruptedException.class,
                    () -> c.dumpAll(Rtnl.RTM_GETLINK, ALL_LINKS, m -> {
                        String n = linkName(m);
                        if (n.equals("lo")) changer.change();
                        return n;
                    }));
            assertTrue(collected.partial().size() > BRIDGES, collected.partial().toString());
            assertTrue(collected.partial().contains("lo"));

            // dumpConsistent retries: the first attempt is disturbed, the second is not
            AtomicInteger attempts = new AtomicInteger();
            List<String> names = c.dumpConsistent(Rtnl.RTM_GETLINK, ALL_LINKS, m -> {
                String n = linkName(m);
                if (n.equals("lo") && attempts.getAndIncrement() == 0) changer.change();
                return n;
            }, 3);
            assertEquals(2, attempts.get());
            assertEquals(BRIDGES + 1 + 3, names.size(), names.toString());
            assertFalse(names.isEmpty());

            // and gives up after its attempts
            assertThrows(DumpInterruptedException.class, () -> c.dumpConsistent(Rtnl.RTM_GETLINK, ALL_LINKS, m -> {
                String n = linkName(m);
                if (n.equals("lo")) changer.change();
                return n;
            }, 2));
        }
    }

    // ---- abandoned dumps -----------------------------------------------------------------------

    @Test
    void dumpAbandonedByItsHandlerDoesNotBlockTheNext() throws Exception {
        try (NetlinkConnection c = open()) {
            for (int round = 0; round < 3; round++) {
                // the handler gives up on the first message: the kernel still has datagrams to send
                IOException stop = new IOException("handler gives up");
                IOException e = assertThrows(IOException.class, () -> c.dump(Rtnl.RTM_GETLINK, ALL_LINKS, (NetlinkConnection.Handler) m -> {
                    throw stop;
                }));
                assertEquals(stop, e);
                // a decoder failing halfway, unchecked
                AtomicInteger seen = new AtomicInteger();
                assertThrows(IllegalStateException.class, () -> c.dumpAll(Rtnl.RTM_GETLINK, ALL_LINKS, m -> {
                    if (seen.incrementAndGet() == 30) throw new IllegalStateException("decoder gives up");
                    return linkName(m);
                }));
                // the next dump gets its own full answer (the kernel allows one dump per socket at a time)
                assertEquals(BRIDGES + 1, c.dumpAll(Rtnl.RTM_GETLINK, ALL_LINKS, NetlinkConnectionRequestTest::linkName).size());
                // and so does a request after an abandoned dump
                assertThrows(IOException.class, () -> c.dump(Rtnl.RTM_GETLINK, ALL_LINKS, (NetlinkConnection.Handler) m -> {
                    throw stop;
                }));
                assertEquals(List.of("lo"), c.query(Rtnl.RTM_GETLINK, 0, w -> ifinfomsg(w, 1, 0, 0), NetlinkConnectionRequestTest::linkName));
            }
        }
    }

    @Test
    void encoderFailureLeavesTheConnectionUsable() throws Exception {
        try (NetlinkConnection c = open()) {
            assertThrows(IllegalStateException.class, () -> c.execute(Rtnl.RTM_NEWLINK, 0, w -> {
                ifinfomsg(w, 1, 0, 0);
                w.beginNested(Rtnl.IFLA_LINKINFO); // never ended
            }));
            assertThrows(ArithmeticException.class, () -> c.execute(Rtnl.RTM_NEWLINK, 0, w -> {
                ifinfomsg(w, 1, 0, 0);
                throw new ArithmeticException("encoder bug");
            }));
            assertEquals(List.of("lo"), c.query(Rtnl.RTM_GETLINK, 0, w -> ifinfomsg(w, 1, 0, 0), NetlinkConnectionRequestTest::linkName));
        }
    }
}
