package dev.ffsock;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/** close(): idempotent, final, and waking every thread blocked on the socket within 100 ms. */
@Timeout(value = 15, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class CloseTest {
    /** The requirement: a blocked call wakes within this long of close(). */
    static final long WAKE_LIMIT_NANOS = 100_000_000L;
    /** How long a call is left blocked before close(), to be sure it is inside the system call. */
    static final long SETTLE_MILLIS = 150;

    @TempDir
    Path dir;

    @BeforeAll
    static void warmUp() throws IOException {
        // load the classes a wake-up path uses, so the measurement is of the wake-up itself
        Socket[] p = Socket.socketpair(Domain.AF_UNIX, Type.STREAM);
        TestNet.Blocked b = TestNet.block("warm-up", () -> p[0].recv(new byte[1], 0, 1, 0));
        try {
            b.settle(50);
            p[0].close();
            b.awaitDone(Duration.ofSeconds(5), "warm-up recv");
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        } finally {
            TestNet.closeAll(p);
        }
    }

    @Test
    void closeIsIdempotent() throws IOException {
        Socket s = Socket.open(Domain.AF_INET, Type.STREAM);
        int fd = s.fd();
        assertTrue(fd >= 0);
        s.close();
        s.close();
        s.close();
        assertTrue(s.isClosed());
        assertEquals(-1, s.fd());
        assertTrue(s.toString().contains("closed"), s.toString());
    }

    @Test
    void everyCallAfterCloseThrowsSocketClosed() throws IOException {
        Socket s = Socket.open(Domain.AF_INET, Type.DGRAM);
        s.close();
        assertEquals(-1, s.fd());
        SockAddr a = SockAddrIn.loopback(9);
        SockAddrStorage st = SockAddrStorage.of(a);
        byte[] b = new byte[4];
        MemorySegment m = MemorySegment.ofArray(new byte[4]);
        Map<String, Executable> calls = new LinkedHashMap<>();
        calls.put("bind", () -> s.bind(a));
        calls.put("listen", () -> s.listen(1));
        calls.put("accept", s::accept);
        calls.put("accept(storage)", () -> s.accept(new SockAddrStorage()));
        calls.put("accept(flags)", () -> s.accept(0));
        calls.put("connect", () -> s.connect(a));
        calls.put("connect(timeout)", () -> s.connect(a, Duration.ofMillis(10)));
        calls.put("finishConnect", s::finishConnect);
        calls.put("send(seg)", () -> s.send(m));
        calls.put("send(seg,flags)", () -> s.send(m, Msg.MSG_DONTWAIT));
        calls.put("send(byte[])", () -> s.send(b, 0, 4, 0));
        calls.put("send(ByteBuffer)", () -> s.send(ByteBuffer.allocate(4), 0));
        calls.put("sendAll", () -> s.sendAll(m, 0));
        calls.put("sendto(addr)", () -> s.sendto(m, 0, a));
        calls.put("sendto(storage)", () -> s.sendto(m, 0, st));
        calls.put("sendto(byte[])", () -> s.sendto(b, 0, 4, 0, a));
        calls.put("sendto(ByteBuffer)", () -> s.sendto(ByteBuffer.allocate(4), 0, a));
        calls.put("recv(seg)", () -> s.recv(m));
        calls.put("recv(seg,flags)", () -> s.recv(m, Msg.MSG_DONTWAIT));
        calls.put("recv(byte[])", () -> s.recv(b, 0, 4, 0));
        calls.put("recv(ByteBuffer)", () -> s.recv(ByteBuffer.allocate(4), 0));
        calls.put("recvfrom(seg)", () -> s.recvfrom(m, 0, new SockAddrStorage()));
        calls.put("recvfrom(byte[])", () -> s.recvfrom(b, 0, 4, 0, new SockAddrStorage()));
        calls.put("recvfrom(ByteBuffer)", () -> s.recvfrom(ByteBuffer.allocate(4), 0, new SockAddrStorage()));
        calls.put("shutdown", () -> s.shutdown(Shutdown.BOTH));
        calls.put("getsockname", s::getsockname);
        calls.put("getpeername", s::getpeername);
        calls.put("setBlocking", () -> s.setBlocking(false));
        calls.put("poll", () -> s.poll(Poll.POLLIN, 0));
        calls.put("getsockopt", () -> s.getsockopt(SockOpt.SO_TYPE));
        calls.put("setsockopt", () -> s.setsockopt(SockOpt.SO_REUSEADDR, true));
        calls.put("getsockoptInt", () -> s.getsockoptInt(SockOpt.SOL_SOCKET, 2));
        calls.put("setsockoptInt", () -> s.setsockoptInt(SockOpt.SOL_SOCKET, 2, 1));
        calls.put("getsockoptBytes", () -> s.getsockoptBytes(SockOpt.SOL_SOCKET, 2, 4));
        calls.put("setsockoptBytes", () -> s.setsockoptBytes(SockOpt.SOL_SOCKET, 2, new byte[4]));
        calls.put("PollSet.poll", () -> {
            PollSet ps = new PollSet();
            ps.add(s, Poll.POLLIN);
            ps.poll(0);
        });
        calls.put("guard.begin", () -> s.guard().begin());
        for (Map.Entry<String, Executable> c : calls.entrySet()) {
            SocketClosedException e = assertThrows(SocketClosedException.class, c.getValue(), c.getKey());
            assertEquals("socket closed", e.getMessage(), c.getKey());
        }
        assertEquals(-1, s.fd());
    }

    @Test
    void closedSocketNeverTouchesItsNumberAgain() throws IOException {
        Socket s = Socket.open(Domain.AF_INET, Type.DGRAM);
        int fd = s.fd();
        s.close();
        // the number is free: the next socket may well get it; the closed one must not touch it
        try (Socket t = Socket.open(Domain.AF_INET, Type.DGRAM)) {
            assertThrows(SocketClosedException.class, () -> s.bind(SockAddrIn.loopback(0)));
            s.close();
            assertEquals(t.fd() == fd ? fd : t.fd(), t.fd());
            t.bind(SockAddrIn.loopback(0)); // still open, still unbound before this
            assertEquals(Type.DGRAM, t.getsockopt(SockOpt.SO_TYPE));
        }
    }

    // ---- close while blocked -----------------------------------------------------------------------

    /** One socket to close under a blocked call, and what else to close afterwards. */
    record Case(Socket socket, TestNet.Call call, Socket... others) {
    }

    interface Setup {
        Case make() throws Exception;
    }

    /**
     * Blocks the case's call in a thread, closes its socket, and checks the thread throws
     * SocketClosedException within the limit. A miss on time alone (scheduler noise on a loaded machine)
     * is retried once with a fresh case; a wrong outcome fails at once.
     */
    static void assertCloseWakes(String what, Setup setup) throws Exception {
        long ms = -1;
        for (int attempt = 0; attempt < 2; attempt++) {
            Case c = setup.make();
            try {
                TestNet.Blocked b = TestNet.block(what, c.call()).settle(SETTLE_MILLIS);
                long t0 = System.nanoTime();
                c.socket().close();
                b.awaitDone(Duration.ofSeconds(5), what);
                assertInstanceOf(SocketClosedException.class, b.thrown,
                        () -> what + ": expected SocketClosedException, result=" + b.result + " thrown=" + b.thrown);
                assertTrue(b.thrown.getMessage().startsWith("socket closed"), b.thrown.getMessage());
                assertEquals(-1, c.socket().fd());
                ms = (b.endNanos - t0) / 1_000_000;
                if (b.endNanos - t0 < WAKE_LIMIT_NANOS) return;
            } finally {
                c.socket().close();
                TestNet.closeAll(c.others());
            }
        }
        fail(what + " woke " + ms + " ms after close() (limit " + WAKE_LIMIT_NANOS / 1_000_000 + " ms, twice)");
    }

    @Test
    void closeWakesAccept() throws Exception {
        assertCloseWakes("accept", () -> {
            Socket l = TestNet.listener(Domain.AF_INET, 4);
            return new Case(l, l::accept);
        });
    }

    @Test
    void closeWakesAcceptIntoStorage() throws Exception {
        assertCloseWakes("accept(storage)", () -> {
            Socket l = TestNet.listener(Domain.AF_INET6, 4);
            return new Case(l, () -> l.accept(new SockAddrStorage()));
        });
    }

    @Test
    void closeWakesTcpRecv() throws Exception {
        List<Socket> peers = new java.util.ArrayList<>();
        try {
            assertCloseWakes("tcp recv", () -> {
                Socket[] p = TestNet.tcpPair(Domain.AF_INET);
                peers.add(p[0]);
                return new Case(p[1], () -> p[1].recv(new byte[16], 0, 16, 0));
            });
            // the peer sees the end of the stream
            Socket peer = peers.get(peers.size() - 1);
            peer.setsockopt(SockOpt.SO_RCVTIMEO, Duration.ofSeconds(2));
            assertEquals(0, peer.recv(new byte[16], 0, 16, 0));
        } finally {
            TestNet.closeAll(peers);
        }
    }

    @Test
    void closeWakesTcpRecvIntoNativeSegment() throws Exception {
        MemorySegment m = java.lang.foreign.Arena.ofAuto().allocate(64);
        assertCloseWakes("tcp recv(segment)", () -> {
            Socket[] p = TestNet.tcpPair(Domain.AF_INET6);
            return new Case(p[1], () -> p[1].recv(m), p[0]);
        });
    }

    @Test
    void closeWakesUnconnectedUdpRecv() throws Exception {
        assertCloseWakes("udp recvfrom", () -> {
            Socket u = Socket.open(Domain.AF_INET, Type.DGRAM);
            u.bind(SockAddrIn.loopback(0));
            return new Case(u, () -> u.recvfrom(new byte[16], 0, 16, 0, new SockAddrStorage()));
        });
    }

    @Test
    void closeWakesUnboundUdpRecv() throws Exception {
        assertCloseWakes("udp recv", () -> {
            Socket u = Socket.open(Domain.AF_INET6, Type.DGRAM);
            return new Case(u, () -> u.recv(ByteBuffer.allocateDirect(16), 0));
        });
    }

    @Test
    void closeWakesUnixStreamRecv() throws Exception {
        assertCloseWakes("unix stream recv", () -> {
            Socket[] p = Socket.socketpair(Domain.AF_UNIX, Type.STREAM);
            return new Case(p[0], () -> p[0].recv(ByteBuffer.allocate(16), 0), p[1]);
        });
    }

    @Test
    void closeWakesUnixDgramRecv() throws Exception {
        int[] n = {0};
        assertCloseWakes("unix dgram recv", () -> {
            Socket u = Socket.open(Domain.AF_UNIX, Type.DGRAM);
            u.bind(SockAddrUn.path(dir.resolve("dgram" + n[0]++ + ".sock")));
            return new Case(u, () -> u.recv(new byte[16], 0, 16, 0));
        });
    }

    @Test
    void closeWakesUnixSeqpacketRecv() throws Exception {
        assertCloseWakes("unix seqpacket recv", () -> {
            Socket[] p = Socket.socketpair(Domain.AF_UNIX, Type.SEQPACKET);
            return new Case(p[1], () -> p[1].recv(new byte[16], 0, 16, 0), p[0]);
        });
    }

    @Test
    void closeWakesPoll() throws Exception {
        assertCloseWakes("poll", () -> {
            Socket[] p = Socket.socketpair(Domain.AF_UNIX, Type.STREAM);
            return new Case(p[0], () -> p[0].poll(Poll.POLLIN, -1), p[1]);
        });
    }

    @Test
    void closeWakesPollSet() throws Exception {
        assertCloseWakes("PollSet.poll", () -> {
            Socket[] p = Socket.socketpair(Domain.AF_UNIX, Type.STREAM);
            PollSet set = new PollSet();
            set.add(p[0], Poll.POLLIN);
            set.add(p[1], Poll.POLLIN);
            return new Case(p[1], () -> set.poll(-1), p[0]);
        });
    }

    @Test
    void closeWakesBlockingSend() throws Exception {
        byte[] chunk = new byte[1 << 20];
        assertCloseWakes("send", () -> {
            Socket[] p = Socket.socketpair(Domain.AF_UNIX, Type.STREAM);
            p[0].setsockopt(SockOpt.SO_SNDBUF, 4096);
            return new Case(p[0], () -> {
                for (int i = 0; i < 1000; i++) p[0].send(chunk, 0, chunk.length, 0);
                return "never blocked";
            }, p[1]);
        });
    }

    @Test
    void closeWakesConnect() throws Exception {
        List<Socket> full = TestNet.fullBacklogListener();
        Assumptions.assumeTrue(full != null, "the kernel kept accepting connections on a listen(0) socket");
        try {
            Socket c = Socket.open(Domain.AF_INET, Type.STREAM);
            SockAddr to = full.get(0).getsockname();
            TestNet.Blocked probe = TestNet.block("connect probe", () -> c.connect(to));
            if (probe.finishedWithin(Duration.ofMillis(SETTLE_MILLIS))) {
                c.close();
                Assumptions.abort("connect to a full backlog did not block: " + probe.result + " " + probe.thrown);
            }
            long t0 = System.nanoTime();
            c.close();
            probe.awaitDone(Duration.ofSeconds(5), "connect");
            assertInstanceOf(SocketClosedException.class, probe.thrown, () -> "thrown: " + probe.thrown);
            long ms = (probe.endNanos - t0) / 1_000_000;
            assertTrue(probe.endNanos - t0 < WAKE_LIMIT_NANOS, "connect woke " + ms + " ms after close()");
        } finally {
            TestNet.closeAll(full);
        }
    }

    @Test
    void closeWakesConnectWithTimeout() throws Exception {
        List<Socket> full = TestNet.fullBacklogListener();
        Assumptions.assumeTrue(full != null, "the kernel kept accepting connections on a listen(0) socket");
        try {
            SockAddr to = full.get(0).getsockname();
            assertCloseWakes("connect(timeout)", () -> {
                Socket c = Socket.open(Domain.AF_INET, Type.STREAM);
                return new Case(c, () -> {
                    c.connect(to, Duration.ofSeconds(10));
                    return "connected";
                });
            });
        } finally {
            TestNet.closeAll(full);
        }
    }

    @Test
    void closeWakesSeveralThreadsAtOnce() throws Exception {
        Socket[] p = Socket.socketpair(Domain.AF_UNIX, Type.STREAM);
        try {
            TestNet.Blocked r = TestNet.block("recv", () -> p[0].recv(new byte[4], 0, 4, 0)).settle(SETTLE_MILLIS);
            TestNet.Blocked q = TestNet.block("poll", () -> p[0].poll(Poll.POLLIN, -1)).settle(20);
            p[0].close();
            r.awaitDone(Duration.ofSeconds(2), "recv");
            q.awaitDone(Duration.ofSeconds(2), "poll");
            assertInstanceOf(SocketClosedException.class, r.thrown);
            assertInstanceOf(SocketClosedException.class, q.thrown);
        } finally {
            TestNet.closeAll(p);
        }
    }

    @Test
    void shutdownFromAnotherThreadWakesRecvWithEndOfStream() throws Exception {
        Socket[] p = TestNet.tcpPair(Domain.AF_INET);
        try {
            TestNet.Blocked b = TestNet.block("recv", () -> p[1].recv(new byte[16], 0, 16, 0)).settle(SETTLE_MILLIS);
            long t0 = System.nanoTime();
            p[1].shutdown(Shutdown.READ);
            b.awaitDone(Duration.ofSeconds(2), "recv");
            assertNull(b.thrown, () -> "thrown: " + b.thrown);
            assertEquals(0L + 0, ((Number) b.result).longValue(), "end of stream");
            assertTrue(b.endNanos - t0 < WAKE_LIMIT_NANOS);
            assertTrue(p[1].fd() >= 0, "shutdown does not close");
        } finally {
            TestNet.closeAll(p);
        }
        Socket[] u = Socket.socketpair(Domain.AF_UNIX, Type.STREAM);
        try {
            TestNet.Blocked b = TestNet.block("recv", () -> u[0].recv(new byte[16], 0, 16, 0)).settle(SETTLE_MILLIS);
            u[0].shutdown(Shutdown.BOTH);
            b.awaitDone(Duration.ofSeconds(2), "unix recv");
            assertEquals(0, ((Number) b.result).intValue(), () -> "thrown: " + b.thrown);
        } finally {
            TestNet.closeAll(u);
        }
    }

    @Test
    void closeRacingCallsNeverLeavesAThreadStuck() throws Exception {
        for (int i = 0; i < 200; i++) {
            Socket[] p = Socket.socketpair(Domain.AF_UNIX, Type.STREAM);
            TestNet.Blocked b = TestNet.block("racer", () -> p[0].recv(new byte[4], 0, 4, 0));
            if ((i & 1) == 0) Thread.onSpinWait();
            p[0].close();
            if (!b.finishedWithin(Duration.ofSeconds(2))) {
                TestNet.closeAll(p);
                fail("iteration " + i + ": recv still blocked after close()");
            }
            assertInstanceOf(SocketClosedException.class, b.thrown, () -> "result " + b.result + " thrown " + b.thrown);
            p[1].close();
        }
    }
}
