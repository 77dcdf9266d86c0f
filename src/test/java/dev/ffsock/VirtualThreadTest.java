package dev.ffsock;

import dev.ffsock.internal.Poller;

import dev.ffsock.testutil.OnThread;
import org.junit.jupiter.api.Test;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.net.SocketTimeoutException;
import java.nio.channels.ClosedByInterruptException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Blocking calls on virtual threads (parked on the poller), timeouts, close and interrupt. */
class VirtualThreadTest {

    /** Runs {@code body} on a new virtual or platform thread; the future holds its result or exception. */
    /** Waits (bounded) until {@code n} threads are parked on the poller. */
    private static void awaitWaiting(int n) throws InterruptedException {
        long end = System.nanoTime() + 10_000_000_000L;
        while (Poller.waiting() < n && System.nanoTime() < end) Thread.sleep(5);
        assertTrue(Poller.waiting() >= n, "waiting on the poller: " + Poller.waiting());
    }

    @Test
    void recvParksAndResumesWithHeapAndNativeBuffers() throws Exception {
        Socket[] p = Socket.socketpair(Domain.AF_UNIX, Type.STREAM);
        try {
            CompletableFuture<byte[]> got = OnThread.run(true, () -> {
                byte[] b = new byte[5];
                int n = p[1].recv(b, 0, 5, 0);
                return java.util.Arrays.copyOf(b, n);
            });
            awaitWaiting(1);
            assertTrue(p[1].isBlocking(), "the user's mode is unchanged");
            p[0].send(new byte[] {1, 2, 3}, 0, 3, 0);
            assertArrayEquals(new byte[] {1, 2, 3}, got.get(10, TimeUnit.SECONDS));
            CompletableFuture<Long> nat = OnThread.run(true, () -> {
                try (Arena a = Arena.ofConfined()) {
                    MemorySegment m = a.allocate(4);
                    return p[1].recv(m);
                }
            });
            awaitWaiting(1);
            p[0].send(new byte[] {9}, 0, 1, 0);
            assertEquals(1L, nat.get(10, TimeUnit.SECONDS));
        } finally {
            p[0].close();
            p[1].close();
        }
        assertEquals(0, Poller.registrations());
    }

    @Test
    void sendParksWhileTheBufferIsFull() throws Exception {
        Socket[] p = Socket.socketpair(Domain.AF_UNIX, Type.STREAM);
        try {
            p[0].setsockopt(SockOpt.SO_SNDBUF, 4096);
            byte[] big = new byte[1 << 20];
            new java.util.Random(1).nextBytes(big);
            CompletableFuture<Integer> sent = OnThread.run(true, () -> {
                int done = 0;
                while (done < big.length) done += p[0].send(big, done, big.length - done, 0);
                return done;
            });
            byte[] in = new byte[big.length];
            int got = 0;
            while (got < in.length) got += p[1].recv(in, got, in.length - got, 0);
            assertEquals(big.length, sent.get(10, TimeUnit.SECONDS));
            assertArrayEquals(big, in);
        } finally {
            p[0].close();
            p[1].close();
        }
    }

    /**
     * A blocking recvmmsg without MSG_WAITFORONE fills every slot on both kinds of thread (a virtual
     * thread's MSG_DONTWAIT attempts would otherwise return after the first datagram).
     */
    @Test
    void blockingRecvmmsgFillsEverySlotOnVirtualAndPlatformThreads() throws Exception {
        for (boolean virtual : new boolean[] {false, true}) {
            Socket[] pair = Socket.socketpair(Domain.AF_UNIX, Type.DGRAM);
            try (Socket a = pair[0]; Socket b = pair[1]) {
                DatagramBatch batch = new DatagramBatch(4, 16);
                java.util.concurrent.CompletableFuture<Integer> got = new java.util.concurrent.CompletableFuture<>();
                Runnable call = () -> {
                    try {
                        got.complete(a.recvmmsg(batch, 0));
                    } catch (Throwable e) {
                        got.completeExceptionally(e);
                    }
                };
                if (virtual) Thread.ofVirtual().start(call); else Thread.ofPlatform().start(call);
                byte[] one = {7};
                b.send(one, 0, 1, 0);
                Thread.sleep(200);
                assertTrue(!got.isDone(), "virtual=" + virtual + ": returned after one datagram");
                for (int i = 0; i < 3; i++) b.send(one, 0, 1, 0);
                assertEquals(4, got.get(10, java.util.concurrent.TimeUnit.SECONDS), "virtual=" + virtual);
                assertEquals(4, batch.received());
            }
        }
    }

    @Test
    void receiveTimeoutOnVirtualAndPlatformThreads() throws Exception {
        for (boolean virtual : new boolean[] {true, false}) {
            Socket[] p = Socket.socketpair(Domain.AF_UNIX, Type.STREAM);
            try {
                p[1].setsockopt(SockOpt.SO_RCVTIMEO, Duration.ofMillis(100));
                long t0 = System.nanoTime();
                Throwable t = OnThread.failure(OnThread.run(virtual, () -> p[1].recv(new byte[1], 0, 1, 0)));
                long ms = (System.nanoTime() - t0) / 1_000_000;
                assertInstanceOf(SocketTimeoutException.class, t, "virtual=" + virtual);
                assertTrue(ms >= 90, "timed out after " + ms + " ms");
                assertFalse(p[1].isClosed());
            } finally {
                p[0].close();
                p[1].close();
            }
        }
    }

    @Test
    void aTimeoutChangedAfterAWaitBoundsTheNextWait() throws Exception {
        for (boolean virtual : new boolean[] {true, false}) {
            Socket[] p = Socket.socketpair(Domain.AF_UNIX, Type.STREAM);
            try {
                // The first wait learns the 100 ms limit; a virtual thread's later waits must not keep it.
                p[1].setsockopt(SockOpt.SO_RCVTIMEO, Duration.ofMillis(100));
                assertInstanceOf(SocketTimeoutException.class,
                        OnThread.failure(OnThread.run(virtual, () -> p[1].recv(new byte[1], 0, 1, 0))), "virtual=" + virtual);
                p[1].setsockopt(SockOpt.SO_RCVTIMEO, Duration.ZERO);
                CompletableFuture<Integer> r = OnThread.run(virtual, () -> p[1].recv(new byte[1], 0, 1, 0));
                Thread.sleep(400);
                assertFalse(r.isDone(), "virtual=" + virtual + ": the wait ended with no limit set: " + r);
                p[0].send(new byte[] {7}, 0, 1, 0);
                assertEquals(1, r.get(5, TimeUnit.SECONDS));
                p[1].setsockopt(SockOpt.SO_RCVTIMEO, Duration.ofMillis(50));
                long t0 = System.nanoTime();
                assertInstanceOf(SocketTimeoutException.class,
                        OnThread.failure(OnThread.run(virtual, () -> p[1].recv(new byte[1], 0, 1, 0))), "virtual=" + virtual);
                assertTrue((System.nanoTime() - t0) / 1_000_000 < 5_000, "the 50 ms limit was not applied");
            } finally {
                p[0].close();
                p[1].close();
            }
        }
    }

    @Test
    void sendAndAcceptTimeoutsOnVirtualThreads() throws Exception {
        Socket[] p = Socket.socketpair(Domain.AF_UNIX, Type.STREAM);
        try {
            p[0].setsockopt(SockOpt.SO_SNDTIMEO, Duration.ofMillis(100));
            Throwable t = OnThread.failure(OnThread.run(true, () -> {
                byte[] b = new byte[65536];
                while (true) p[0].send(b, 0, b.length, 0);
            }));
            assertInstanceOf(SocketTimeoutException.class, t);
        } finally {
            p[0].close();
            p[1].close();
        }
        try (Socket l = Socket.open(Domain.AF_INET, Type.STREAM)) {
            l.bind(SockAddrIn.loopback(0));
            l.listen(4);
            l.setsockopt(SockOpt.SO_RCVTIMEO, Duration.ofMillis(100));
            assertInstanceOf(SocketTimeoutException.class, OnThread.failure(OnThread.run(true, l::accept)));
            // the descriptor is now O_NONBLOCK underneath; a platform thread still blocks and times out
            assertTrue(l.isBlocking());
            assertInstanceOf(SocketTimeoutException.class, OnThread.failure(OnThread.run(false, l::accept)));
        }
    }

    @Test
    void acceptAndConnectOnVirtualThreadsThenPlatformThreadUse() throws Exception {
        for (Domain d : new Domain[] {Domain.AF_INET, Domain.AF_UNIX}) {
            try (Socket l = Socket.open(d, Type.STREAM)) {
                l.bind(d == Domain.AF_INET ? SockAddrIn.loopback(0) : SockAddr.parse("@ffsock-vt-" + System.nanoTime()));
                l.listen(16);
                SockAddr at = l.getsockname();
                CompletableFuture<Socket> acc = OnThread.run(true, l::accept);
                awaitWaiting(1);
                Socket c = OnThread.run(true, () -> {
                    Socket s = Socket.open(d, Type.STREAM);
                    s.connect(at);
                    return s;
                }).get(10, TimeUnit.SECONDS);
                Socket a = acc.get(10, TimeUnit.SECONDS);
                try {
                    assertNotNull(a);
                    // a platform thread on the (now kernel-non-blocking) listener: plain blocking semantics
                    CompletableFuture<Socket> acc2 = OnThread.run(false, l::accept);
                    Socket c2 = Socket.open(d, Type.STREAM);
                    c2.connect(at);
                    Socket a2 = acc2.get(10, TimeUnit.SECONDS);
                    a2.close();
                    c2.close();
                    c.send(new byte[] {7}, 0, 1, 0);
                    byte[] b = new byte[1];
                    assertEquals(1, OnThread.run(false, () -> a.recv(b, 0, 1, 0)).get(10, TimeUnit.SECONDS));
                } finally {
                    a.close();
                    c.close();
                }
            }
        }
    }

    @Test
    void connectRefusedOnVirtualThread() throws Exception {
        int port;
        try (Socket l = Socket.open(Domain.AF_INET, Type.STREAM)) {
            l.bind(SockAddrIn.loopback(0));
            port = ((SockAddrIn) l.getsockname()).port();
        }
        Throwable t = OnThread.failure(OnThread.run(true, () -> {
            try (Socket s = Socket.open(Domain.AF_INET, Type.STREAM)) {
                return s.connect(SockAddrIn.loopback(port));
            }
        }));
        assertInstanceOf(ErrnoException.class, t);
        assertEquals(Errno.ECONNREFUSED, ((ErrnoException) t).errno());
    }

    @Test
    void closeWakesParkedVirtualThreadsAndRemovesTheRegistration() throws Exception {
        int before = FdCount.open();
        Socket[] p = Socket.socketpair(Domain.AF_UNIX, Type.STREAM);
        Socket l = Socket.open(Domain.AF_INET, Type.STREAM);
        l.bind(SockAddrIn.loopback(0));
        l.listen(1);
        CompletableFuture<Long> r = OnThread.run(true, () -> p[1].recv(MemorySegment.ofArray(new byte[8])));
        CompletableFuture<Socket> a = OnThread.run(true, l::accept);
        CompletableFuture<Integer> po = OnThread.run(true, () -> p[1].poll(Poll.POLLPRI, -1));
        awaitWaiting(3);
        p[1].close();
        l.close();
        assertInstanceOf(SocketClosedException.class, OnThread.failure(r));
        assertInstanceOf(SocketClosedException.class, OnThread.failure(a));
        assertInstanceOf(SocketClosedException.class, OnThread.failure(po));
        p[0].close();
        assertEquals(0, Poller.registrations(), "registrations left");
        assertEquals(0, Poller.waiting());
        assertEquals(before, FdCount.open());
    }

    @Test
    void interruptOfParkedVirtualThreadClosesTheSocket() throws Exception {
        Socket[] p = Socket.socketpair(Domain.AF_UNIX, Type.STREAM);
        try {
            CompletableFuture<Boolean> status = new CompletableFuture<>();
            CompletableFuture<Long> r = new CompletableFuture<>();
            Thread t = Thread.ofVirtual().start(() -> {
                try {
                    r.complete(p[1].recv(MemorySegment.ofArray(new byte[8])));
                } catch (Throwable e) {
                    r.completeExceptionally(e);
                }
                status.complete(Thread.currentThread().isInterrupted());
            });
            awaitWaiting(1);
            t.interrupt();
            assertInstanceOf(ClosedByInterruptException.class, OnThread.failure(r));
            assertTrue(status.get(10, TimeUnit.SECONDS), "interrupt status kept");
            assertTrue(p[1].isClosed());
        } finally {
            p[0].close();
            p[1].close();
        }
        assertEquals(0, Poller.registrations());
    }

    @Test
    void interruptStatusSetBeforeTheCallClosesTheSocketOnPlatformAndVirtualThreads() throws Exception {
        for (boolean virtual : new boolean[] {false, true}) {
            Socket[] p = Socket.socketpair(Domain.AF_UNIX, Type.STREAM);
            try {
                Throwable t = OnThread.failure(OnThread.run(virtual, () -> {
                    Thread.currentThread().interrupt();
                    return p[1].recv(new byte[1], 0, 1, 0);
                }));
                assertInstanceOf(ClosedByInterruptException.class, t, "virtual=" + virtual);
                assertTrue(p[1].isClosed());
                // a non-blocking call ignores the interrupt (as java.nio does)
                p[0].setBlocking(false);
                int eof = OnThread.run(virtual, () -> {
                    Thread.currentThread().interrupt();
                    return p[0].recv(new byte[1], 0, 1, 0);
                }).get(10, TimeUnit.SECONDS);
                assertEquals(0, eof, "end of stream: the peer was closed");
                assertFalse(p[0].isClosed());
            } finally {
                p[0].close();
                p[1].close();
            }
        }
    }

    @Test
    void aBusyPollerDoesNotStarveNewVirtualThreads() throws Exception {
        ChildJvm.assertOkOnOneCarrier(PollerFairnessMain.class, "poller-fairness-main.out");
    }

    @Test
    void thePollerSurvivesNativeMemoryRunningOutAsItStarts() throws Exception {
        ChildJvm.Result r = ChildJvm.run(PollerOutOfMemoryMain.class, List.of("-XX:MaxDirectMemorySize=32m"),
                List.of(), "poller-out-of-memory-main.out", 90);
        assertTrue(r.finished(), "child JVM did not finish:\n" + r.output());
        assertEquals(0, r.status(), r.output());
        assertTrue(r.output().contains("OK"), r.output());
    }
}
