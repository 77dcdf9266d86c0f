package dev.ffsock;

import dev.ffsock.internal.Sys;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The I/O core's promises, each reproduced as the defect it was before there was one core:
 *
 * <ul>
 *   <li>close never changes the socket for another holder of the same open file (a listener and a
 *       connected socket shared with a Python child over SCM_RIGHTS keep working for the child);</li>
 *   <li>close wakes every blocked call, in families without shutdown(2) (AF_PACKET, netlink) and on
 *       eventfd writers and readers, within 100 ms, with SocketClosedException;</li>
 *   <li>blocking message calls wait the whole SO_RCVTIMEO on descriptors that are O_NONBLOCK
 *       underneath;</li>
 *   <li>a non-blocking call never blocks in a critical downcall when another holder clears
 *       O_NONBLOCK (a concurrent GC is not stalled);</li>
 *   <li>no virtual-thread wait holds its carrier ({@link CarrierMain}, one carrier).</li>
 * </ul>
 */
@Timeout(120)
class IoCoreTest {
    /** fcntl commands and O_NONBLOCK, for playing "another holder" of a descriptor. */
    private static final int F_GETFL = 3;
    private static final int F_SETFL = 4;
    private static final int O_NONBLOCK = 0x800;

    @TempDir
    Path dir;

    /**
     * One close of a blocked call on a platform and on a virtual thread before any test measures: a
     * JVM's first virtual-thread call links the downcalls that virtual threads use, and its first
     * blocking call sets up close's signal, which on a loaded machine takes longer than a test's
     * 300 ms head start, so the first measured "wake-up" would be that set-up (a call not yet blocked).
     */
    @BeforeAll
    static void warmUp() throws Exception {
        for (boolean virtual : new boolean[] {false, true}) {
            Socket[] pair = Socket.socketpair(Domain.AF_UNIX, Type.STREAM);
            try (Socket peer = pair[1]) {
                MemorySegment buf = Arena.ofAuto().allocate(16);
                CompletableFuture<Throwable> outcome = blockIn(virtual, () -> pair[0].recv(buf));
                Thread.sleep(300);
                pair[0].close();
                outcome.get(30, TimeUnit.SECONDS);
            }
        }
    }

    // ---- close and other holders ---------------------------------------------------------------

    /** A Python child that received a descriptor from us over SCM_RIGHTS and acts on "go". */
    private final class Holder implements AutoCloseable {
        final Process process;
        final BufferedReader out;

        Holder(String mode, Socket shared) throws Exception {
            Path script = dir.resolve("holder.py");
            try (InputStream in = IoCoreTest.class.getResourceAsStream("/interop/holder.py")) {
                Assumptions.assumeTrue(in != null, "interop/holder.py resource missing");
                Files.write(script, in.readAllBytes());
            }
            Path path = dir.resolve("pass-" + mode + "-" + System.nanoTime());
            try (Socket l = Socket.open(Domain.AF_UNIX, Type.STREAM)) {
                l.bind(SockAddr.parse(path.toString()));
                l.listen(1);
                try {
                    process = new ProcessBuilder("python3", script.toString(), mode, path.toString())
                            .redirectErrorStream(true).start();
                } catch (IOException e) {
                    Assumptions.abort("python3 not available: " + e.getMessage());
                    throw e;
                }
                out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
                assertTrue(l.poll(Poll.POLLIN, 20_000) != 0, "python never connected");
                try (Socket c = l.accept(); Arena a = Arena.ofConfined(); Message m = new Message(1, Message.space(4))) {
                    m.addBuffer(a.allocate(1)).addFds(shared.fd());
                    assertEquals(1, c.sendmsg(m, 0));
                }
            }
            String ready = out.readLine();
            Assumptions.assumeTrue(ready != null && ready.equals("ready"), "python holder did not start: " + ready);
        }

        /** Tells the child to act and returns its last line. */
        String go() throws Exception {
            OutputStream in = process.getOutputStream();
            in.write("go\n".getBytes(StandardCharsets.UTF_8));
            in.flush();
            assertTrue(process.waitFor(20, TimeUnit.SECONDS), "python holder did not finish");
            String last = null;
            for (String line; (line = out.readLine()) != null; ) last = line;
            return last + " (exit " + process.exitValue() + ")";
        }

        @Override
        public void close() {
            process.destroyForcibly();
        }
    }

    /** Starts {@code call} on a new platform or virtual thread; the future completes with what it threw (null: nothing). */
    private static CompletableFuture<Throwable> blockIn(boolean virtual, ThrowingRunnable call) {
        CompletableFuture<Throwable> outcome = new CompletableFuture<>();
        Runnable r = () -> {
            try {
                call.run();
                outcome.complete(null);
            } catch (Throwable e) {
                outcome.complete(e);
            }
        };
        if (virtual) Thread.ofVirtual().start(r); else Thread.ofPlatform().daemon().start(r);
        return outcome;
    }

    private interface ThrowingRunnable {
        void run() throws Exception;
    }

    /** Lets the call block, closes, and checks it was woken with SocketClosedException within 100 ms. */
    private static void closeWakes(AutoCloseable object, CompletableFuture<Throwable> outcome) throws Exception {
        Thread.sleep(300);
        assertTrue(!outcome.isDone(), "the call did not block: " + (outcome.isDone() ? outcome.get() : ""));
        long t0 = System.nanoTime();
        object.close();
        Throwable e = outcome.get(5, TimeUnit.SECONDS);
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertInstanceOf(SocketClosedException.class, e, String.valueOf(e));
        if (ms >= 100) {
            // Over the limit: on a loaded machine the scheduler alone can take that long. The limit
            // is then what the same hand-off costs without ffsock (a parked thread unparked, its
            // outcome awaited) on top of 100 ms; a wake-up that waits for a timeout or a polling
            // period still fails.
            long handoff = handoffMillis();
            assertTrue(ms < 100 + handoff, "woken after " + ms + " ms (a plain thread hand-off took " + handoff + " ms)");
        }
        System.out.println("woken after " + ms + " ms: " + e);
    }

    /** {@return the longest of three plain hand-offs, ms: a parked thread unparked and its completion awaited} */
    private static long handoffMillis() throws Exception {
        long worst = 0;
        for (int i = 0; i < 3; i++) {
            CompletableFuture<Void> done = new CompletableFuture<>();
            CountDownLatch parked = new CountDownLatch(1);
            AtomicBoolean go = new AtomicBoolean();
            Thread t = Thread.ofPlatform().daemon().start(() -> {
                parked.countDown();
                while (!go.get()) LockSupport.park();
                done.complete(null);
            });
            parked.await();
            Thread.sleep(50);
            long t0 = System.nanoTime();
            go.set(true);
            LockSupport.unpark(t);
            done.get(10, TimeUnit.SECONDS);
            worst = Math.max(worst, (System.nanoTime() - t0) / 1_000_000);
        }
        return worst;
    }

    @Test
    void closingASharedListenerUnderABlockedAcceptLeavesTheOtherCopyAccepting() throws Exception {
        for (boolean virtual : new boolean[] {false, true}) {
            Socket listener = Socket.open(Domain.AF_INET, Type.STREAM);
            listener.bind(SockAddr.parse("127.0.0.1:0"));
            listener.listen(8);
            SockAddr at = listener.getsockname();
            try (Holder python = new Holder("accept", listener)) {
                closeWakes(listener, blockIn(virtual, listener::accept));
                try (Socket c = Socket.open(Domain.AF_INET, Type.STREAM)) {
                    c.connect(at);
                    String result = python.go();
                    byte[] buf = new byte[64];
                    c.setsockopt(SockOpt.SO_RCVTIMEO, Duration.ofSeconds(10));
                    int n = c.recv(buf, 0, buf.length, 0);
                    assertEquals("accepted by python", new String(buf, 0, Math.max(0, n), StandardCharsets.UTF_8),
                            "virtual=" + virtual + ", python: " + result);
                    assertTrue(result.startsWith("ok"), result);
                }
            }
        }
    }

    @Test
    void closingASharedStreamUnderABlockedRecvLeavesTheOtherCopyWorking() throws Exception {
        for (boolean virtual : new boolean[] {false, true}) {
            Socket[] pair = Socket.socketpair(Domain.AF_UNIX, Type.STREAM);
            try (Socket peer = pair[1]; Holder python = new Holder("send", pair[0])) {
                MemorySegment buf = Arena.ofAuto().allocate(64);
                closeWakes(pair[0], blockIn(virtual, () -> pair[0].recv(buf)));
                String result = python.go();
                assertTrue(result.startsWith("ok"), "virtual=" + virtual + ", python: " + result);
                byte[] got = new byte[64];
                peer.setsockopt(SockOpt.SO_RCVTIMEO, Duration.ofSeconds(10));
                int n = peer.recv(got, 0, got.length, 0);
                assertEquals("from python", new String(got, 0, Math.max(0, n), StandardCharsets.UTF_8));
            }
        }
    }

    // ---- close wakes every kind of object --------------------------------------------------------

    @Test
    void closeWakesARecvOnAnAfPacketSocket() throws Exception {
        for (boolean virtual : new boolean[] {false, true}) {
            Socket s;
            try {
                s = Socket.open(Domain.AF_PACKET, Type.DGRAM, Protocol.DEFAULT); // protocol 0: receives nothing
            } catch (ErrnoException e) {
                Assumptions.abort("AF_PACKET not available here: " + e.getMessage());
                return;
            }
            MemorySegment buf = Arena.ofAuto().allocate(2048);
            closeWakes(s, blockIn(virtual, () -> s.recv(buf)));
        }
    }

    @Test
    void closeWakesBlockedNetlinkRecvmsg() throws Exception {
        for (boolean virtual : new boolean[] {false, true}) {
            Socket s = Socket.open(Domain.AF_NETLINK, Type.RAW, Protocol.NETLINK_ROUTE);
            s.bind(new SockAddrNl(0, 0));
            closeWakes(s, blockIn(virtual, () -> {
                try (Message m = new Message(1, 0)) {
                    m.addBuffer(Arena.ofAuto().allocate(4096));
                    s.recvmsg(m, 0);
                }
            }));
        }
    }

    @Test
    void closeWakesABlockedEventFdWriterAndReader() throws Exception {
        for (boolean virtual : new boolean[] {false, true}) {
            EventFd full = EventFd.open();
            full.write(0xfffffffffffffffeL); // the counter's maximum: the next write waits
            closeWakes(full, blockIn(virtual, () -> full.write(1)));
            EventFd empty = EventFd.open();
            closeWakes(empty, blockIn(virtual, empty::read));
        }
    }

    @Test
    void closeWakesABlockedEpollWait() throws Exception {
        for (boolean virtual : new boolean[] {false, true}) {
            Epoll ep = Epoll.open();
            EpollEvents events = new EpollEvents(4);
            closeWakes(ep, blockIn(virtual, () -> ep.wait(events, -1)));
        }
    }

    // ---- timeouts on descriptors that are O_NONBLOCK underneath ---------------------------------

    /** {@return how long a blocking recvmsg on {@code s} took to time out, in ms; fails if it did not} */
    private static long recvmsgTimeout(Socket s) throws Exception {
        try (Message m = new Message(1, 0)) {
            m.addBuffer(Arena.ofAuto().allocate(4096));
            long t0 = System.nanoTime();
            try {
                s.recvmsg(m, 0);
            } catch (SocketTimeoutException e) {
                return (System.nanoTime() - t0) / 1_000_000;
            }
            throw new AssertionError("recvmsg returned without data");
        }
    }

    @Test
    void blockingRecvmsgOnNetlinkWaitsTheWholeReceiveTimeout() throws Exception {
        try (Socket s = Socket.open(Domain.AF_NETLINK, Type.RAW, Protocol.NETLINK_ROUTE)) {
            s.bind(new SockAddrNl(0, 0));
            s.setsockopt(SockOpt.SO_RCVTIMEO, Duration.ofMillis(300));
            long ms = recvmsgTimeout(s);
            assertTrue(ms >= 290, "timed out after " + ms + " ms, SO_RCVTIMEO is 300 ms");
        }
    }

    @Test
    void blockingRecvmsgAfterAVirtualThreadsConnectWaitsTheWholeReceiveTimeout() throws Exception {
        try (Socket l = Socket.open(Domain.AF_INET, Type.STREAM); Socket c = Socket.open(Domain.AF_INET, Type.STREAM)) {
            l.bind(SockAddr.parse("127.0.0.1:0"));
            l.listen(1);
            SockAddr at = l.getsockname();
            CompletableFuture<Throwable> connected = blockIn(true, () -> c.connect(at)); // makes c O_NONBLOCK underneath
            assertEquals(null, connected.get(10, TimeUnit.SECONDS));
            try (Socket accepted = l.accept()) {
                c.setsockopt(SockOpt.SO_RCVTIMEO, Duration.ofMillis(300));
                long ms = recvmsgTimeout(c);
                assertTrue(ms >= 290, "timed out after " + ms + " ms, SO_RCVTIMEO is 300 ms");
            }
        }
    }

    // ---- critical downcalls -----------------------------------------------------------------------

    @Test
    void aNonBlockingRecvNeverStallsTheJvmWhenAnotherHolderClearsONonblock() throws Exception {
        // The peer is a process that writes one byte after 3 s: what releases a recv blocked in the
        // kernel must be outside this JVM, because a critical downcall blocked there (the old
        // behaviour) stops every Java thread at the next safepoint.
        Path path = dir.resolve("late-writer");
        try (Socket l = Socket.open(Domain.AF_UNIX, Type.STREAM)) {
            l.bind(SockAddr.parse(path.toString()));
            l.listen(1);
            Process writer;
            try {
                writer = new ProcessBuilder("python3", "-c", "import socket, sys, time\n"
                        + "s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)\n"
                        + "s.connect(sys.argv[1])\ntime.sleep(3)\ns.send(b'x')\ntime.sleep(1)\n", path.toString())
                        .redirectErrorStream(true).start();
            } catch (IOException e) {
                Assumptions.abort("python3 not available: " + e.getMessage());
                return;
            }
            assertTrue(l.poll(Poll.POLLIN, 20_000) != 0, "the writer never connected");
            try (Socket a = l.accept()) {
                a.setBlocking(false);
                int fd = a.fd();
                Sys.fcntl(fd, F_SETFL, Sys.fcntl(fd, F_GETFL, 0) & ~O_NONBLOCK); // "another holder" did this
                long gcBefore = timeGc();
                CompletableFuture<Long> recv = new CompletableFuture<>();
                Thread.ofPlatform().daemon().start(() -> {
                    try {
                        recv.complete(a.recv(new byte[8], 0, 8, 0) == Socket.WOULD_BLOCK ? -1L : 1L);
                    } catch (Throwable e) {
                        recv.completeExceptionally(e);
                    }
                });
                Thread.sleep(100);
                long gc = timeGc();
                assertTrue(gc - gcBefore < 100, "System.gc() took " + gc + " ms beside a non-blocking recv (alone: "
                        + gcBefore + " ms)");
                assertEquals(-1L, recv.get(10, TimeUnit.SECONDS), "a non-blocking recv must say WOULD_BLOCK at once");
            } finally {
                writer.destroyForcibly();
            }
        }
    }

    private static long timeGc() {
        long t0 = System.nanoTime();
        System.gc();
        return (System.nanoTime() - t0) / 1_000_000;
    }

    // ---- virtual threads never hold their carrier ---------------------------------------------------

    @Test
    void virtualThreadWaitsNeverHoldTheirCarrier() throws Exception {
        ChildJvm.assertOkOnOneCarrier(CarrierMain.class, "carrier-main.out");
    }

    /**
     * A call through a direct ByteBuffer, or through a byte[] from offset 0, allocates no more than the
     * same call through a segment, even where the JIT's escape analysis does not clean up after it
     * (off in the child JVM).
     */
    @Test
    void directByteBufferCallsAllocateNoMoreThanSegmentCalls() throws Exception {
        ChildJvm.Result r = ChildJvm.run(DirectBufferAllocationMain.class, java.util.List.of("-XX:-DoEscapeAnalysis"),
                java.util.List.of(), "direct-buffer-allocation-main.out", 120);
        assertTrue(r.finished(), "child JVM did not finish:\n" + r.output());
        assertEquals(0, r.status(), r.output());
        assertTrue(r.output().contains("OK"), r.output());
    }
}
