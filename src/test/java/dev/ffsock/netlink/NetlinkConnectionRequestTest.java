package dev.ffsock.netlink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ffsock.Domain;
import dev.ffsock.Errno;
import dev.ffsock.NetworkNamespace;
import dev.ffsock.Protocol;
import dev.ffsock.SockAddrNl;
import dev.ffsock.Socket;
import dev.ffsock.SocketClosedException;
import dev.ffsock.Type;
import dev.ffsock.netlink.route.Rtnl;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Requests through {@link NetlinkConnection} against the kernel, inside a throw-away namespace:
 * dumps (collected and streamed, multipart), one datagram larger than the initial receive buffer,
 * ACKs, kernel errors with their extended-ack messages, stale sequence numbers and spoofed
 * answers from another local netlink socket.
 */
class NetlinkConnectionRequestTest {
    private static final int AF_INET6 = 10;
    private static final int ROUTE_TABLE = 100;
    private static final int ROUTES = 3000;
    private static final int BRIDGES = 5;

    private static NetlinkTestNamespace ns;

    @BeforeAll
    static void setUp() throws Exception {
        ns = NetlinkTestNamespace.create();
        List<String> cmds = new ArrayList<>();
        cmds.add("link set lo up");
        for (int i = 0; i < BRIDGES; i++) cmds.add("link add ffbr" + i + " type bridge");
        for (int i = 0; i < ROUTES; i++) {
            cmds.add("route add 2001:db8:" + Integer.toHexString(i >> 8) + ":" + Integer.toHexString(i & 0xff)
                    + "::/64 dev lo table " + ROUTE_TABLE);
        }
        ns.batch(cmds);
    }

    @AfterAll
    static void tearDown() throws Exception {
        if (ns != null) ns.close();
    }

    private static NetlinkConnection open() throws IOException {
        return NetlinkConnection.open(Netlink.NETLINK_ROUTE, ns.name).typeNames(NetlinkConnectionRequestTest::name);
    }

    private static String name(int type) {
        return switch (type) {
            case Rtnl.RTM_NEWLINK -> "RTM_NEWLINK";
            case Rtnl.RTM_DELLINK -> "RTM_DELLINK";
            case Rtnl.RTM_GETLINK -> "RTM_GETLINK";
            default -> "type " + type;
        };
    }

    /** struct ifinfomsg: family, pad, type, index, flags, change. */
    static void ifinfomsg(PayloadWriter w, int index, int flags, int change) {
        w.putU8(0).putU8(0).putU16(0).putU32(index).putU32(flags).putU32(change);
    }

    private static final NetlinkConnection.Encoder ALL_LINKS = w -> ifinfomsg(w, 0, 0, 0);

    /** The interface name of an RTM_NEWLINK message. */
    static String linkName(NetlinkMessage m) {
        Attributes a = m.attributes(16);
        return a.find(Rtnl.IFLA_IFNAME) ? a.string() : null;
    }

    // ---- dumps ---------------------------------------------------------------------------------

    @Test
    void linkDumpHasOneMessagePerLink() throws Exception {
        try (NetlinkConnection c = open()) {
            List<String> names = c.dumpAll(Rtnl.RTM_GETLINK, ALL_LINKS, NetlinkConnectionRequestTest::linkName);
            assertEquals(ns.lines("-o", "link"), names.size(), names.toString());
            Set<String> expected = new HashSet<>(List.of("lo"));
            for (int i = 0; i < BRIDGES; i++) expected.add("ffbr" + i);
            assertEquals(expected, new HashSet<>(names));

            AtomicInteger streamed = new AtomicInteger();
            c.dump(Rtnl.RTM_GETLINK, ALL_LINKS, m -> {
                assertEquals(Rtnl.RTM_NEWLINK, m.type());
                assertTrue(m.isMulti());
                streamed.incrementAndGet();
            });
            assertEquals(names.size(), streamed.get());
        }
    }

    @Test
    void linkDumpInThisNamespaceMatchesIp() throws Exception {
        // the test's own namespace may change under other processes: compare twice at most
        for (int attempt = 0; ; attempt++) {
            int ip = (int) NetlinkTestNamespace.run(null, "ip", "-o", "link").output().lines().count();
            int n;
            try (NetlinkConnection c = NetlinkConnection.open(Netlink.NETLINK_ROUTE)) {
                n = c.dumpAll(Rtnl.RTM_GETLINK, ALL_LINKS, NetlinkConnectionRequestTest::linkName).size();
            }
            if (n == ip || attempt == 1) {
                assertEquals(ip, n);
                return;
            }
        }
    }

    @Test
    void multipartRouteDumpSpansManyDatagrams() throws Exception {
        try (NetlinkConnection c = open()) {
            assertTrue(c.strictCheck());
            AtomicLong bytes = new AtomicLong();
            Set<String> seen = new HashSet<>();
            // rtmsg for AF_INET6, filtered by the kernel (strict checking) to our table via RTA_TABLE
            c.dump(Rtnl.RTM_GETROUTE, w -> {
                w.putU8(AF_INET6).putU8(0).putU8(0).putU8(0).putU8(0).putU8(0).putU8(0).putU8(0).putU32(0);
                w.attrU32(Rtnl.RTA_TABLE, ROUTE_TABLE);
            }, m -> {
                assertEquals(Rtnl.RTM_NEWROUTE, m.type());
                bytes.addAndGet(m.length());
                Attributes a = m.attributes(12);
                assertTrue(a.find(Rtnl.RTA_TABLE));
                assertEquals(ROUTE_TABLE, a.u32());
                assertTrue(a.rewind().find(Rtnl.RTA_DST));
                assertTrue(seen.add(a.inetAddress().getHostAddress()), "each route once");
            });
            assertEquals(ROUTES, seen.size());
            // the kernel fills dump datagrams up to 32 KiB each: this many bytes needed several
            assertTrue(bytes.get() > 4 * 32768, "dump bytes " + bytes.get());
        }
    }

    @Test
    void replyLargerThanTheInitialBufferIsNotTruncated() throws Exception {
        try (NetlinkConnection c = open()) {
            // Without NETLINK_CAP_ACK the kernel echoes the whole failed request in its NLMSG_ERROR:
            // a 60 KiB request makes one 60 KiB datagram, beyond the 32 KiB the connection starts with.
            c.socket().setsockoptInt(Netlink.SOL_NETLINK, Netlink.NETLINK_CAP_ACK, 0);
            byte[] filler = new byte[30000];
            NetlinkException e = assertThrows(NetlinkException.class, () -> c.execute(Rtnl.RTM_DELLINK, 0, w -> {
                ifinfomsg(w, 999999, 0, 0);
                w.attrBytes(1000, filler).attrBytes(1001, filler); // attribute types above IFLA_MAX: ignored
            }));
            assertEquals(Errno.ENODEV, e.errno(), e.getMessage());
            // and the connection is still in step
            c.execute(Rtnl.RTM_NEWLINK, 0, w -> ifinfomsg(w, 1, Rtnl.IFF_UP, Rtnl.IFF_UP));
        }
    }

    // ---- ACKs and errors -----------------------------------------------------------------------

    @Test
    void executeReturnsOnAck() throws Exception {
        try (NetlinkConnection c = open()) {
            ns.ip("link", "set", "ffbr0", "down");
            int index = Integer.parseInt(ns.ip("-o", "link", "show", "ffbr0").split(":")[0].trim());
            c.execute(Rtnl.RTM_NEWLINK, 0, w -> ifinfomsg(w, index, Rtnl.IFF_UP, Rtnl.IFF_UP));
            assertTrue(ns.ip("link", "show", "ffbr0").contains(",UP"), ns.ip("link", "show", "ffbr0"));
            c.execute(Rtnl.RTM_NEWLINK, 0, w -> ifinfomsg(w, index, 0, Rtnl.IFF_UP));
            assertFalse(ns.ip("link", "show", "ffbr0").contains(",UP"));
        }
    }

    @Test
    void requestHandsRepliesThenReturnsOnAck() throws Exception {
        try (NetlinkConnection c = open()) {
            List<String> names = c.query(Rtnl.RTM_GETLINK, 0, w -> ifinfomsg(w, 1, 0, 0), NetlinkConnectionRequestTest::linkName);
            assertEquals(List.of("lo"), names);
        }
    }

    @Test
    void unknownDeviceGivesEnodev() throws Exception {
        try (NetlinkConnection c = open()) {
            NetlinkException e = assertThrows(NetlinkException.class,
                    () -> c.execute(Rtnl.RTM_DELLINK, 0, w -> ifinfomsg(w, 999999, 0, 0)));
            assertEquals(Errno.ENODEV, e.errno());
            assertEquals("ENODEV", e.errnoName());
            assertEquals("RTM_DELLINK", e.call());
            assertTrue(e.getMessage().startsWith("RTM_DELLINK: ENODEV ("), e.getMessage());
        }
    }

    @Test
    void unknownLinkKindGivesTheKernelsMessage() throws Exception {
        try (NetlinkConnection c = open()) {
            NetlinkException e = assertThrows(NetlinkException.class,
                    () -> c.execute(Rtnl.RTM_NEWLINK, Netlink.NLM_F_CREATE | Netlink.NLM_F_EXCL, w -> {
                        ifinfomsg(w, 0, 0, 0);
                        w.attrString(Rtnl.IFLA_IFNAME, "ffnosuch0");
                        int li = w.beginNested(Rtnl.IFLA_LINKINFO);
                        w.attrString(Rtnl.IFLA_INFO_KIND, "nosuchkind");
                        w.endNested(li);
                    }));
            assertEquals(Errno.EOPNOTSUPP, e.errno(), e.getMessage());
            assertEquals("Unknown device type", e.kernelMessage());
            assertTrue(e.getMessage().endsWith("[kernel: Unknown device type]"), e.getMessage());
        }
    }

    @Test
    void policyViolationPointsAtTheAttribute() throws Exception {
        try (NetlinkConnection c = open()) {
            NetlinkException e = assertThrows(NetlinkException.class,
                    () -> c.execute(Rtnl.RTM_NEWLINK, 0, w -> {
                        ifinfomsg(w, 1, 0, 0);
                        w.attrString(Rtnl.IFLA_IFNAME, "a-name-longer-than-ifnamsiz");
                    }));
            // ERANGE on recent kernels (string longer than the policy's maximum), EINVAL on older ones
            assertTrue(e.errno() == Errno.ERANGE || e.errno() == Errno.EINVAL, e.getMessage());
            assertEquals("Attribute failed policy validation", e.kernelMessage(), e.getMessage());
            assertEquals(16 + 16, e.offendingOffset(), e.getMessage()); // nlmsghdr + ifinfomsg
        }
    }

    // ---- sequence numbers and spoofing ---------------------------------------------------------

    /** The sequence number the connection's next request will carry (one more than the last). */
    private static int nextSeq(NetlinkConnection c) throws IOException {
        int[] seq = new int[1];
        c.request(Rtnl.RTM_GETLINK, 0, w -> ifinfomsg(w, 1, 0, 0), m -> seq[0] = m.seq());
        return seq[0] + 1;
    }

    @Test
    void staleRepliesAreSkipped() throws Exception {
        try (NetlinkConnection c = open(); MessageBuilder b = new MessageBuilder()) {
            int next = nextSeq(c);
            // a request sent behind the connection's back with another seq: its error and its dump
            // answer queue up before the real answers and must not be taken for them
            b.begin(Rtnl.RTM_DELLINK, Netlink.NLM_F_REQUEST | Netlink.NLM_F_ACK);
            b.setSeq(next + 1000);
            ifinfomsg(b, 999999, 0, 0);
            b.end();
            b.begin(Rtnl.RTM_GETLINK, Netlink.NLM_F_REQUEST | Netlink.NLM_F_DUMP);
            b.setSeq(next + 1001);
            ifinfomsg(b, 0, 0, 0);
            b.end();
            c.socket().sendto(b.segment(), 0, SockAddrNl.kernel());

            c.execute(Rtnl.RTM_NEWLINK, 0, w -> ifinfomsg(w, 1, Rtnl.IFF_UP, Rtnl.IFF_UP)); // not the stale ENODEV
            List<String> names = c.query(Rtnl.RTM_GETLINK, 0, w -> ifinfomsg(w, 1, 0, 0), NetlinkConnectionRequestTest::linkName);
            assertEquals(List.of("lo"), names);
            assertEquals(1 + BRIDGES, c.dumpAll(Rtnl.RTM_GETLINK, ALL_LINKS, NetlinkConnectionRequestTest::linkName).size());
            assertEquals(0, c.spoofedDropped());
        }
    }

    @Test
    void answersFromAnotherLocalSocketAreDropped() throws Exception {
        try (NetlinkConnection c = open();
             // in the connection's namespace: port ids are per namespace
             Socket spoofer = NetworkNamespace.open(ns.name, Domain.AF_NETLINK, Type.RAW, Protocol.NETLINK_ROUTE);
             MessageBuilder b = new MessageBuilder()) {
            spoofer.bind(new SockAddrNl(0, 0));
            int next = nextSeq(c);
            // well-formed fakes carrying the seq and port id the real answer will have
            b.begin(Netlink.NLMSG_ERROR, 0); // error ENODEV for a fake DELLINK
            b.setSeq(next).setPid(c.portId());
            b.putU32(-Errno.ENODEV);
            b.putU32(16).putU16(Rtnl.RTM_DELLINK).putU16(Netlink.NLM_F_REQUEST).putU32(next).putU32(c.portId());
            b.end();
            Fake error = new Fake(b);
            b.reset();
            b.begin(Rtnl.RTM_NEWLINK, Netlink.NLM_F_MULTI);
            b.setSeq(next).setPid(c.portId());
            ifinfomsg(b, 4242, 0, 0);
            b.attrString(Rtnl.IFLA_IFNAME, "spoofed0");
            b.end();
            Fake link = new Fake(b);
            b.reset();
            b.begin(Netlink.NLMSG_DONE, Netlink.NLM_F_MULTI);
            b.setSeq(next).setPid(c.portId());
            b.putU32(0);
            b.end();
            Fake done = new Fake(b);

            SockAddrNl to = new SockAddrNl(c.portId(), 0);
            for (Fake h : List.of(error, link, done)) {
                assertEquals(h.bytes.length, spoofer.sendto(h.bytes, 0, h.bytes.length, 0, to));
            }
            // the fakes are queued ahead of the kernel's answer to this dump
            List<String> names = c.dumpAll(Rtnl.RTM_GETLINK, ALL_LINKS, NetlinkConnectionRequestTest::linkName);
            assertEquals(1 + BRIDGES, names.size(), names.toString());
            assertFalse(names.contains("spoofed0"));
            assertEquals(3, c.spoofedDropped());

            // and while an execute waits for its ACK
            for (Fake h : List.of(error, done)) spoofer.sendto(h.bytes, 0, h.bytes.length, 0, to);
            c.execute(Rtnl.RTM_NEWLINK, 0, w -> ifinfomsg(w, 1, Rtnl.IFF_UP, Rtnl.IFF_UP));
            assertEquals(5, c.spoofedDropped());
        }
    }

    /** A copy of a builder's message bytes. */
    private static final class Fake {
        final byte[] bytes;

        Fake(MessageBuilder b) {
            bytes = b.segment().toArray(java.lang.foreign.ValueLayout.JAVA_BYTE);
        }
    }

    @Test
    void closedConnectionRefusesRequests() throws Exception {
        NetlinkConnection c = open();
        c.close();
        c.close();
        assertThrows(SocketClosedException.class, () -> c.dump(Rtnl.RTM_GETLINK, ALL_LINKS, NetlinkConnectionRequestTest::linkName));
        assertThrows(SocketClosedException.class, () -> c.dump(Rtnl.RTM_GETLINK, ALL_LINKS, m -> { }));
        assertThrows(SocketClosedException.class, () -> c.execute(Rtnl.RTM_NEWLINK, 0, w -> ifinfomsg(w, 1, 0, 0)));
        assertThrows(SocketClosedException.class, () -> c.receiveEvents(m -> { }, 0));
        assertThrows(SocketClosedException.class, () -> c.subscribe(Rtnl.RTNLGRP_LINK));
    }
}
