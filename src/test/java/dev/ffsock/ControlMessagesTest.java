package dev.ffsock;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Received control messages on real sockets: credentials, packet info, TTL/hop limit, timestamps, raw. */
class ControlMessagesTest {

    private static UCred self() throws IOException {
        int uid = -1, gid = -1;
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("Uid:")) uid = Integer.parseInt(line.split("\\s+")[1]);
            if (line.startsWith("Gid:")) gid = Integer.parseInt(line.split("\\s+")[1]);
        }
        return new UCred((int) ProcessHandle.current().pid(), uid, gid);
    }

    private static int loIndex() throws IOException {
        NetworkInterface lo = NetworkInterface.getByName("lo");
        Assumptions.assumeTrue(lo != null, "no lo interface");
        return lo.getIndex();
    }

    private static Socket udp(Domain d) throws IOException {
        Socket s = Socket.open(d, Type.DGRAM);
        s.bind(d == Domain.AF_INET ? SockAddrIn.loopback(0) : SockAddrIn6.loopback(0));
        return s;
    }

    private static Socket udp6OrSkip() throws IOException {
        try {
            return udp(Domain.AF_INET6);
        } catch (ErrnoException e) {
            Assumptions.abort("no IPv6 loopback: " + e.getMessage());
            return null;
        }
    }

    @Test
    void passcredGivesThisProcessCredentials() throws Exception {
        Socket[] p = Socket.socketpair(Domain.AF_UNIX, Type.DGRAM);
        try (Arena a = Arena.ofConfined(); Message in = new Message(1, 64); Message out = new Message(1, 64)) {
            p[1].setsockopt(SockOpt.SO_PASSCRED, true);
            p[0].send(MemorySegment.ofArray(new byte[] {1}), 0);
            in.addBuffer(a.allocate(4));
            assertEquals(1, p[1].recvmsg(in, 0));
            assertEquals(self(), in.control().credentials());
            // Explicit SCM_CREDENTIALS with our own identity.
            out.addBuffer(a.allocate(1)).addCredentials(self());
            p[0].sendmsg(out, 0);
            p[1].recvmsg(in, 0);
            assertEquals(self(), in.control().credentials());
            assertEquals(0, in.control().rawCount(), in.control().toString());
        } finally {
            p[0].close();
            p[1].close();
        }
    }

    @Test
    void ipPktinfoOnLoopback() throws Exception {
        try (Socket rx = Socket.open(Domain.AF_INET, Type.DGRAM); Socket tx = Socket.open(Domain.AF_INET, Type.DGRAM);
             Arena a = Arena.ofConfined(); Message in = new Message(1, 256); Message out = new Message(1, 64)) {
            rx.bind(SockAddrIn.any(0)); // wildcard: the destination address is only known from IP_PKTINFO
            rx.setsockopt(SockOpt.IP_PKTINFO, true);
            int port = ((SockAddrIn) rx.getsockname()).port();
            out.address(SockAddrIn.loopback(port)).addBuffer(a.allocate(3));
            tx.sendmsg(out, 0);
            in.addBuffer(a.allocate(16));
            assertEquals(3, rx.recvmsg(in, 0));
            PktInfo pi = in.control().pktInfo();
            assertNotNull(pi, in.control().toString());
            assertEquals(InetAddress.getByName("127.0.0.1"), pi.address());
            assertEquals(loIndex(), pi.ifindex());
            assertEquals(loIndex(), in.control().pktInfoIfindex());

            // Sent IP_PKTINFO chooses the source address: 127.0.0.2 is on lo too.
            out.addPktInfo(new PktInfo(0, InetAddress.getByName("127.0.0.2")));
            out.address(SockAddrIn.of("127.0.0.2", port));
            tx.sendmsg(out, 0);
            rx.recvmsg(in, 0);
            assertEquals(InetAddress.getByName("127.0.0.2"), ((SockAddrIn) in.address().get()).toSocketAddress().getAddress());
            assertEquals(InetAddress.getByName("127.0.0.2"), in.control().pktInfo().address());
        }
    }

    @Test
    void ipv6PktinfoAndHopLimit() throws Exception {
        try (Socket rx = udp6OrSkip(); Socket tx = udp(Domain.AF_INET6);
             Arena a = Arena.ofConfined(); Message in = new Message(1, 256)) {
            rx.setsockopt(SockOpt.IPV6_RECVPKTINFO, true);
            rx.setsockopt(SockOpt.IPV6_RECVHOPLIMIT, true);
            tx.setsockopt(SockOpt.IPV6_UNICAST_HOPS, 23);
            tx.sendto(a.allocate(5), 0, rx.getsockname());
            in.addBuffer(a.allocate(16));
            assertEquals(5, rx.recvmsg(in, 0));
            ReceivedControl c = in.control();
            assertEquals(InetAddress.getByName("::1"), c.pktInfo().address());
            assertTrue(c.pktInfo().isIpv6());
            assertEquals(loIndex(), c.pktInfo().ifindex());
            assertEquals(23, c.hopLimit());
            assertEquals(-1, c.ttl());
            assertEquals(0, c.rawCount(), c.toString());
        }
    }

    @Test
    void ipv4TtlReceivedAndSentPerMessage() throws Exception {
        try (Socket rx = udp(Domain.AF_INET); Socket tx = udp(Domain.AF_INET);
             Arena a = Arena.ofConfined(); Message in = new Message(1, 64); Message out = new Message(1, 64)) {
            rx.setsockopt(SockOpt.IP_RECVTTL, true);
            tx.setsockopt(SockOpt.IP_TTL, 17);
            tx.sendto(a.allocate(1), 0, rx.getsockname());
            in.addBuffer(a.allocate(16));
            rx.recvmsg(in, 0);
            assertEquals(17, in.control().ttl());
            // IP_TTL as a control message on send overrides the socket's TTL for one datagram.
            out.address(rx.getsockname()).addBuffer(a.allocate(1)).addControlInt(ControlMessage.SOL_IP, ControlMessage.IP_TTL, 99);
            tx.sendmsg(out, 0);
            rx.recvmsg(in, 0);
            assertEquals(99, in.control().ttl());
        }
    }

    @Test
    void timestampNsIsCloseToNow() throws Exception {
        try (Socket rx = udp(Domain.AF_INET); Socket tx = udp(Domain.AF_INET);
             Arena a = Arena.ofConfined(); Message in = new Message(1, 64)) {
            rx.setsockopt(SockOpt.SO_TIMESTAMPNS, true);
            Instant before = Instant.now();
            tx.sendto(a.allocate(1), 0, rx.getsockname());
            in.addBuffer(a.allocate(16));
            rx.recvmsg(in, 0);
            Instant after = Instant.now();
            ReceivedControl c = in.control();
            assertTrue(c.hasTimestamp(), c.toString());
            Instant t = c.timestamp();
            assertEquals(t.getEpochSecond(), c.timestampSeconds());
            assertEquals(t.getNano(), c.timestampNanos());
            // Clocks: the kernel's CLOCK_REALTIME and Java's agree within a few milliseconds.
            assertTrue(!t.isBefore(before.minusMillis(50)) && !t.isAfter(after.plusMillis(50)),
                    before + " <= " + t + " <= " + after);
            assertTrue(Duration.between(before, t).abs().toSeconds() < 2);
        }
    }

    @Test
    void unknownControlMessageComesBackRaw() throws Exception {
        try (Socket rx = udp(Domain.AF_INET); Socket tx = udp(Domain.AF_INET);
             Arena a = Arena.ofConfined(); Message in = new Message(1, 128)) {
            rx.setsockoptInt(SockOpt.IPPROTO_IP, 13 /* IP_RECVTOS */, 1);
            rx.setsockopt(SockOpt.IP_RECVTTL, true);
            tx.setsockopt(SockOpt.IP_TOS, 0x10);
            tx.sendto(a.allocate(1), 0, rx.getsockname());
            in.addBuffer(a.allocate(16));
            rx.recvmsg(in, 0);
            ReceivedControl c = in.control();
            assertEquals(1, c.rawCount(), c.toString());
            ControlMessage m = c.raw(0);
            assertEquals(ControlMessage.SOL_IP, m.level());
            assertEquals(1 /* IP_TOS */, m.type());
            assertArrayEquals(new byte[] {0x10}, m.data());
            int defaultTtl = Integer.parseInt(Files.readAllLines(Path.of("/proc/sys/net/ipv4/ip_default_ttl")).get(0).trim());
            assertEquals(defaultTtl, c.ttl()); // the decoded neighbour is still decoded
            assertNull(c.malformed());
            assertNull(c.credentials());
            assertNull(c.pktInfo());
            assertNull(c.timestamp());
        }
    }
}
