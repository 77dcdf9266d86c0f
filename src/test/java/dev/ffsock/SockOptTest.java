package dev.ffsock;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every typed option in {@link SockOpt}, set then read back on a socket where it applies. */
@Timeout(value = 10, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class SockOptTest {
    static <T> void roundTrip(Socket s, SockOpt<T> o, T value) throws IOException {
        s.setsockopt(o, value);
        assertEquals(value, s.getsockopt(o), o.toString());
    }

    static void flag(Socket s, SockOpt<Boolean> o) throws IOException {
        roundTrip(s, o, true);
        roundTrip(s, o, false);
        roundTrip(s, o, true);
    }

    static int loIndex() throws IOException {
        NetworkInterface lo = NetworkInterface.getByName("lo");
        Assumptions.assumeTrue(lo != null, "no interface named lo");
        return lo.getIndex();
    }

    /** Runs a privileged set, aborting the test with the reason when the kernel says no (EPERM). */
    static void privileged(String what, IoRunnable r) throws IOException {
        try {
            r.run();
        } catch (ErrnoException e) {
            if (e.errno() == Errno.EPERM || e.errno() == Errno.EACCES) Assumptions.abort(what + " needs privileges: " + e.getMessage());
            throw e;
        }
    }

    interface IoRunnable {
        void run() throws IOException;
    }

    @Test
    void metadata() {
        assertEquals("SO_REUSEADDR", SockOpt.SO_REUSEADDR.toString());
        assertEquals(SockOpt.SOL_SOCKET, SockOpt.SO_REUSEADDR.level());
        assertEquals(2, SockOpt.SO_REUSEADDR.name());
        assertEquals(SockOpt.IPPROTO_TCP, SockOpt.TCP_NODELAY.level());
        assertEquals(1, SockOpt.TCP_NODELAY.name());
    }

    @Test
    void solSocketFlagsAndSizes() throws IOException {
        try (Socket t = Socket.open(Domain.AF_INET, Type.STREAM); Socket u = Socket.open(Domain.AF_INET, Type.DGRAM)) {
            flag(t, SockOpt.SO_REUSEADDR);
            flag(t, SockOpt.SO_REUSEPORT);
            flag(t, SockOpt.SO_KEEPALIVE);
            flag(u, SockOpt.SO_BROADCAST);
            flag(t, SockOpt.SO_OOBINLINE);
            flag(u, SockOpt.SO_TIMESTAMPNS);

            t.setsockopt(SockOpt.SO_RCVBUF, 65536);
            assertEquals(2 * 65536, t.getsockopt(SockOpt.SO_RCVBUF), "the kernel doubles SO_RCVBUF");
            t.setsockopt(SockOpt.SO_SNDBUF, 32768);
            assertEquals(2 * 32768, t.getsockopt(SockOpt.SO_SNDBUF), "the kernel doubles SO_SNDBUF");
            roundTrip(t, SockOpt.SO_RCVLOWAT, 10);
            roundTrip(t, SockOpt.SO_PRIORITY, 3);
            roundTrip(t, SockOpt.SO_LINGER, new Linger(true, 5));
            roundTrip(t, SockOpt.SO_LINGER, new Linger(true, 0));
            roundTrip(t, SockOpt.SO_LINGER, Linger.OFF);
            assertThrows(IllegalArgumentException.class, () -> new Linger(true, -1));
        }
    }

    @Test
    void bufferForceNeedsPrivileges() throws IOException {
        try (Socket t = Socket.open(Domain.AF_INET, Type.STREAM)) {
            privileged("SO_RCVBUFFORCE", () -> t.setsockopt(SockOpt.SO_RCVBUFFORCE, 1 << 20));
            assertEquals(2 << 20, t.getsockopt(SockOpt.SO_RCVBUF));
            assertThrows(UnsupportedOperationException.class, () -> t.getsockopt(SockOpt.SO_RCVBUFFORCE));
            assertThrows(UnsupportedOperationException.class, () -> t.getsockopt(SockOpt.SO_SNDBUFFORCE));
            privileged("SO_SNDBUFFORCE", () -> t.setsockopt(SockOpt.SO_SNDBUFFORCE, 1 << 20));
            assertEquals(2 << 20, t.getsockopt(SockOpt.SO_SNDBUF));
        }
    }

    @Test
    void timeouts() throws IOException {
        try (Socket s = Socket.open(Domain.AF_UNIX, Type.STREAM)) {
            for (SockOpt<Duration> o : java.util.List.of(SockOpt.SO_RCVTIMEO, SockOpt.SO_SNDTIMEO)) {
                assertEquals(Duration.ZERO, s.getsockopt(o));
                // the kernel keeps timeouts in jiffies (1 to 10 ms), rounding up
                roundTrip(s, o, Duration.ofSeconds(2));
                assertTimeout(s, o, Duration.ofMillis(1500));
                assertTimeout(s, o, Duration.ofSeconds(3, 250_123_000));
                assertTimeout(s, o, Duration.ofNanos(1000));
                assertTimeout(s, o, Duration.ofNanos(1)); // a sub-microsecond timeout is not "no timeout"
                roundTrip(s, o, Duration.ZERO);
                assertThrows(IllegalArgumentException.class, () -> s.setsockopt(o, Duration.ofMillis(-1)));
                assertEquals(Duration.ZERO, s.getsockopt(o), "a refused value changes nothing");
            }
        }
    }

    static void assertTimeout(Socket s, SockOpt<Duration> o, Duration set) throws IOException {
        s.setsockopt(o, set);
        Duration got = s.getsockopt(o);
        assertTrue(got.compareTo(set) >= 0 && got.minus(set).toMillis() <= 10, o + ": set " + set + ", got " + got);
    }

    @Test
    void readOnlyOptions() throws IOException {
        try (Socket t = Socket.open(Domain.AF_INET6, Type.STREAM); Socket u = Socket.open(Domain.AF_INET, Type.DGRAM)) {
            assertEquals(0, t.getsockopt(SockOpt.SO_ERROR));
            assertEquals(Type.STREAM, t.getsockopt(SockOpt.SO_TYPE));
            assertEquals(Type.DGRAM, u.getsockopt(SockOpt.SO_TYPE));
            assertEquals(Domain.AF_INET6, t.getsockopt(SockOpt.SO_DOMAIN));
            assertEquals(Protocol.TCP, t.getsockopt(SockOpt.SO_PROTOCOL));
            assertEquals(Protocol.UDP, u.getsockopt(SockOpt.SO_PROTOCOL));
            assertFalse(t.getsockopt(SockOpt.SO_ACCEPTCONN));
            t.bind(SockAddrIn6.loopback(0));
            t.listen(1);
            assertTrue(t.getsockopt(SockOpt.SO_ACCEPTCONN));
            assertThrows(UnsupportedOperationException.class, () -> t.setsockopt(SockOpt.SO_ERROR, 0));
            assertThrows(UnsupportedOperationException.class, () -> t.setsockopt(SockOpt.SO_TYPE, Type.DGRAM));
            assertThrows(UnsupportedOperationException.class, () -> t.setsockopt(SockOpt.SO_DOMAIN, Domain.AF_INET));
            assertThrows(UnsupportedOperationException.class, () -> t.setsockopt(SockOpt.SO_PROTOCOL, Protocol.UDP));
            assertThrows(UnsupportedOperationException.class, () -> t.setsockopt(SockOpt.SO_ACCEPTCONN, false));
            assertThrows(UnsupportedOperationException.class, () -> t.setsockopt(SockOpt.SO_PEERCRED, new UCred(1, 2, 3)));
            assertThrows(UnsupportedOperationException.class,
                    () -> t.setsockopt(SockOpt.TCP_INFO, t.getsockopt(SockOpt.TCP_INFO)));
            assertEquals(10, t.getsockopt(SockOpt.TCP_INFO).state(), "TCP_LISTEN");
        }
    }

    @Test
    void soErrorReportsAFailedConnect() throws IOException {
        try (Socket hold = Socket.open(Domain.AF_INET, Type.STREAM);
             Socket c = Socket.open(Domain.AF_INET, Type.STREAM, Protocol.DEFAULT, Type.SOCK_NONBLOCK)) {
            hold.bind(SockAddrIn.loopback(0));
            if (!c.connect(hold.getsockname())) {
                assertTrue(c.poll(Poll.POLLOUT, 2000) != 0);
                assertEquals(Errno.ECONNREFUSED, c.getsockopt(SockOpt.SO_ERROR));
                assertEquals(0, c.getsockopt(SockOpt.SO_ERROR), "reading SO_ERROR clears it");
            }
        }
    }

    @Test
    void unixCredentials() throws IOException {
        Socket[] p = Socket.socketpair(Domain.AF_UNIX, Type.STREAM);
        try {
            UCred c = p[0].getsockopt(SockOpt.SO_PEERCRED);
            assertEquals(ProcessHandle.current().pid(), c.pid());
            assertEquals(c, p[1].getsockopt(SockOpt.SO_PEERCRED));
            flag(p[0], SockOpt.SO_PASSCRED);
        } finally {
            TestNet.closeAll(p);
        }
    }

    @Test
    void markAndBindToDevice() throws IOException {
        try (Socket u = Socket.open(Domain.AF_INET, Type.DGRAM)) {
            privileged("SO_MARK", () -> u.setsockopt(SockOpt.SO_MARK, 42));
            assertEquals(42, u.getsockopt(SockOpt.SO_MARK));
            assertEquals("", u.getsockopt(SockOpt.SO_BINDTODEVICE));
            privileged("SO_BINDTODEVICE", () -> u.setsockopt(SockOpt.SO_BINDTODEVICE, "lo"));
            assertEquals("lo", u.getsockopt(SockOpt.SO_BINDTODEVICE));
            u.setsockopt(SockOpt.SO_BINDTODEVICE, "");
            assertEquals("", u.getsockopt(SockOpt.SO_BINDTODEVICE));
            ErrnoException e = assertThrows(ErrnoException.class,
                    () -> u.setsockopt(SockOpt.SO_BINDTODEVICE, "nosuchdev0"));
            assertEquals(Errno.ENODEV, e.errno());
            assertThrows(IllegalArgumentException.class, () -> u.setsockopt(SockOpt.SO_BINDTODEVICE, "x".repeat(16)));
        }
    }

    @Test
    void tcpOptions() throws IOException {
        try (Socket t = Socket.open(Domain.AF_INET, Type.STREAM)) {
            flag(t, SockOpt.TCP_NODELAY);
            flag(t, SockOpt.TCP_CORK);
            flag(t, SockOpt.TCP_QUICKACK);
            roundTrip(t, SockOpt.TCP_KEEPIDLE, 30);
            roundTrip(t, SockOpt.TCP_KEEPINTVL, 5);
            roundTrip(t, SockOpt.TCP_KEEPCNT, 3);
            roundTrip(t, SockOpt.TCP_USER_TIMEOUT, 5000);
            roundTrip(t, SockOpt.TCP_NOTSENT_LOWAT, 16384);
            t.setsockopt(SockOpt.TCP_MAXSEG, 1000);
            assertEquals(1000, t.getsockopt(SockOpt.TCP_MAXSEG));
            roundTrip(t, SockOpt.TCP_CONGESTION, "reno");
            assertThrows(ErrnoException.class, () -> t.setsockopt(SockOpt.TCP_KEEPIDLE, 0), "the kernel refuses 0");
            assertThrows(ErrnoException.class, () -> t.setsockopt(SockOpt.TCP_CONGESTION, "nosuchcc"));
        }
        try (Socket l = Socket.open(Domain.AF_INET, Type.STREAM)) {
            roundTrip(l, SockOpt.TCP_FASTOPEN, 5);
            l.bind(SockAddrIn.loopback(0));
            l.listen(4);
            assertEquals(5, l.getsockopt(SockOpt.TCP_FASTOPEN));
        }
    }

    @Test
    void tcpInfoOfAConnection() throws IOException {
        Socket[] p = TestNet.tcpPair(Domain.AF_INET);
        try {
            TcpInfo i = p[0].getsockopt(SockOpt.TCP_INFO);
            assertEquals(1, i.state(), "TCP_ESTABLISHED");
            assertTrue(i.sndMss() > 0 && i.rto() > 0, i.toString());
            p[0].send(new byte[100], 0, 100, 0);
            assertEquals(100, p[1].recv(new byte[100], 0, 100, Msg.MSG_WAITALL));
            assertEquals(1, p[1].getsockopt(SockOpt.TCP_INFO).state());
            assertThrows(ErrnoException.class, () -> p[0].setsockopt(SockOpt.TCP_FASTOPEN, 5), "only before connecting");
        } finally {
            TestNet.closeAll(p);
        }
    }

    @Test
    void ipv4Options() throws IOException {
        try (Socket u = Socket.open(Domain.AF_INET, Type.DGRAM)) {
            roundTrip(u, SockOpt.IP_TTL, 42);
            roundTrip(u, SockOpt.IP_TOS, 0x10);
            roundTrip(u, SockOpt.IP_MULTICAST_TTL, 5);
            flag(u, SockOpt.IP_MULTICAST_LOOP);
            Inet4Address lo = (Inet4Address) InetAddress.ofLiteral("127.0.0.1");
            roundTrip(u, SockOpt.IP_MULTICAST_IF, lo);
            roundTrip(u, SockOpt.IP_MULTICAST_IF, (Inet4Address) InetAddress.ofLiteral("0.0.0.0"));
            flag(u, SockOpt.IP_PKTINFO);
            flag(u, SockOpt.IP_RECVTTL);
            flag(u, SockOpt.IP_FREEBIND);
            assertThrows(ErrnoException.class, () -> u.setsockopt(SockOpt.IP_TTL, 256));
        }
    }

    @Test
    void ipv4Membership() throws IOException {
        int lo = loIndex();
        Inet4Address group = (Inet4Address) InetAddress.ofLiteral("239.1.2.3");
        try (Socket u = Socket.open(Domain.AF_INET, Type.DGRAM)) {
            IpMreq m = new IpMreq(group, null, lo);
            try {
                u.setsockopt(SockOpt.IP_ADD_MEMBERSHIP, m);
            } catch (ErrnoException e) {
                Assumptions.abort("the kernel refuses to join 239.1.2.3 on lo: " + e.getMessage());
            }
            assertEquals(Errno.EADDRINUSE,
                    assertThrows(ErrnoException.class, () -> u.setsockopt(SockOpt.IP_ADD_MEMBERSHIP, m)).errno(),
                    "joined already");
            u.setsockopt(SockOpt.IP_DROP_MEMBERSHIP, m);
            assertEquals(Errno.EADDRNOTAVAIL,
                    assertThrows(ErrnoException.class, () -> u.setsockopt(SockOpt.IP_DROP_MEMBERSHIP, m)).errno(),
                    "left already");
            assertThrows(UnsupportedOperationException.class, () -> u.getsockopt(SockOpt.IP_ADD_MEMBERSHIP));
            assertThrows(UnsupportedOperationException.class, () -> u.getsockopt(SockOpt.IP_DROP_MEMBERSHIP));
            assertThrows(IllegalArgumentException.class,
                    () -> new IpMreq((Inet4Address) InetAddress.ofLiteral("10.0.0.1"), null, 0));
            assertThrows(IllegalArgumentException.class, () -> new IpMreq(group, null, -1));
        }
    }

    @Test
    void ipv6Options() throws IOException {
        int lo = loIndex();
        try (Socket u = Socket.open(Domain.AF_INET6, Type.DGRAM)) {
            flag(u, SockOpt.IPV6_V6ONLY);
            roundTrip(u, SockOpt.IPV6_UNICAST_HOPS, 10);
            u.setsockopt(SockOpt.IPV6_UNICAST_HOPS, -1);
            assertTrue(u.getsockopt(SockOpt.IPV6_UNICAST_HOPS) > 0, "-1 means the route default");
            roundTrip(u, SockOpt.IPV6_MULTICAST_HOPS, 5);
            flag(u, SockOpt.IPV6_MULTICAST_LOOP);
            roundTrip(u, SockOpt.IPV6_MULTICAST_IF, lo);
            roundTrip(u, SockOpt.IPV6_MULTICAST_IF, 0);
            flag(u, SockOpt.IPV6_RECVPKTINFO);
            flag(u, SockOpt.IPV6_RECVHOPLIMIT);
            roundTrip(u, SockOpt.IPV6_TCLASS, 0x20);
            assertThrows(ErrnoException.class, () -> u.setsockopt(SockOpt.IPV6_UNICAST_HOPS, 256));
        }
    }

    @Test
    void ipv6Membership() throws IOException {
        int lo = loIndex();
        Inet6Address group = (Inet6Address) InetAddress.ofLiteral("ff02::1:3");
        try (Socket u = Socket.open(Domain.AF_INET6, Type.DGRAM)) {
            Ipv6Mreq m = new Ipv6Mreq(group, lo);
            try {
                u.setsockopt(SockOpt.IPV6_JOIN_GROUP, m);
            } catch (ErrnoException e) {
                Assumptions.abort("the kernel refuses to join ff02::1:3 on lo: " + e.getMessage());
            }
            assertThrows(ErrnoException.class, () -> u.setsockopt(SockOpt.IPV6_JOIN_GROUP, m), "joined already");
            u.setsockopt(SockOpt.IPV6_LEAVE_GROUP, m);
            assertThrows(ErrnoException.class, () -> u.setsockopt(SockOpt.IPV6_LEAVE_GROUP, m), "left already");
            assertThrows(UnsupportedOperationException.class, () -> u.getsockopt(SockOpt.IPV6_JOIN_GROUP));
            assertThrows(UnsupportedOperationException.class, () -> u.getsockopt(SockOpt.IPV6_LEAVE_GROUP));
            assertThrows(IllegalArgumentException.class,
                    () -> new Ipv6Mreq((Inet6Address) InetAddress.ofLiteral("fe80::1"), lo));
        }
    }

    @Test
    void udpOptions() throws IOException {
        try (Socket u = Socket.open(Domain.AF_INET, Type.DGRAM)) {
            roundTrip(u, SockOpt.UDP_SEGMENT, 1200);
            roundTrip(u, SockOpt.UDP_SEGMENT, 0);
            flag(u, SockOpt.UDP_GRO);
            flag(u, SockOpt.UDP_CORK);
        }
    }

    @Test
    void optionOnTheWrongKindOfSocket() throws IOException {
        try (Socket u = Socket.open(Domain.AF_INET, Type.DGRAM); Socket x = Socket.open(Domain.AF_UNIX, Type.STREAM)) {
            ErrnoException e = assertThrows(ErrnoException.class, () -> u.getsockopt(SockOpt.TCP_NODELAY));
            assertTrue(e.errno() == Errno.ENOPROTOOPT || e.errno() == Errno.EOPNOTSUPP, e.getMessage());
            assertEquals("getsockopt", e.call());
            assertThrows(ErrnoException.class, () -> x.setsockopt(SockOpt.IP_TTL, 3));
        }
    }

    @Test
    void rawIntReadOfAnEmptyValueIsZero() throws IOException {
        // TCP_ULP on a socket without an upper-layer protocol gives a length of 0 and writes nothing.
        // Read just after SO_PEEK_OFF's default, -1 (all bytes 0xff), none of that may show through.
        try (Socket u = Socket.open(Domain.AF_UNIX, Type.DGRAM); Socket t = Socket.open(Domain.AF_INET, Type.STREAM)) {
            assertEquals(-1, u.getsockoptInt(SockOpt.SOL_SOCKET, 42 /* SO_PEEK_OFF */));
            assertEquals(0, t.getsockoptInt(SockOpt.IPPROTO_TCP, 31 /* TCP_ULP */));
        }
    }

    @Test
    void rawEscapeHatch() throws IOException {
        try (Socket t = Socket.open(Domain.AF_INET, Type.STREAM)) {
            t.setsockoptInt(SockOpt.SOL_SOCKET, 2 /* SO_REUSEADDR */, 1);
            assertEquals(1, t.getsockoptInt(SockOpt.SOL_SOCKET, 2));
            assertTrue(t.getsockopt(SockOpt.SO_REUSEADDR));
            t.setsockopt(SockOpt.TCP_KEEPCNT, 7);
            assertEquals(7, t.getsockoptInt(SockOpt.IPPROTO_TCP, 6));

            byte[] linger = ByteBuffer.allocate(8).order(ByteOrder.nativeOrder()).putInt(1).putInt(9).array();
            t.setsockoptBytes(SockOpt.SOL_SOCKET, 13 /* SO_LINGER */, linger);
            assertEquals(new Linger(true, 9), t.getsockopt(SockOpt.SO_LINGER));
            assertArrayEquals(linger, t.getsockoptBytes(SockOpt.SOL_SOCKET, 13, 8));
            assertArrayEquals(new byte[] {linger[0], linger[1], linger[2]}, t.getsockoptBytes(SockOpt.SOL_SOCKET, 13, 3),
                    "trimmed to the room given");
            assertEquals(0, t.getsockoptBytes(SockOpt.SOL_SOCKET, 13, 0).length);
            byte[] big = t.getsockoptBytes(SockOpt.SOL_SOCKET, 13, 64);
            assertEquals(8, big.length, "trimmed to what the kernel wrote");

            ErrnoException e = assertThrows(ErrnoException.class, () -> t.getsockoptInt(SockOpt.SOL_SOCKET, 9999));
            assertEquals(Errno.ENOPROTOOPT, e.errno());
            assertThrows(ErrnoException.class, () -> t.setsockoptBytes(SockOpt.SOL_SOCKET, 13, new byte[0]));
        }
    }
}
