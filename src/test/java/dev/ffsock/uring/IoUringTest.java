package dev.ffsock.uring;

import dev.ffsock.Domain;
import dev.ffsock.SockAddr;
import dev.ffsock.Socket;
import dev.ffsock.SocketClosedException;
import dev.ffsock.Shutdown;
import dev.ffsock.Type;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Each io_uring operation against real sockets (loopback, socket pairs) and files. */
class IoUringTest {

    /** One completion as the handler saw it. */
    record Cqe(long userData, int res, int flags) {
    }

    @BeforeAll
    static void kernelAllowsIoUring() {
        String why = IoUring.unavailableReason();
        assumeTrue(why == null, why);
    }

    /** Waits for and collects completions until {@code n} have arrived (bounded: 10 s). */
    static List<Cqe> reap(IoUring ring, int n) throws IOException {
        List<Cqe> got = new ArrayList<>();
        long end = System.nanoTime() + 10_000_000_000L;
        while (got.size() < n && System.nanoTime() < end) {
            ring.submitAndWait(1, Duration.ofMillis(500));
            ring.complete((ud, res, fl) -> got.add(new Cqe(ud, res, fl)));
        }
        assertEquals(n, got.size(), "completions: " + got);
        return got;
    }

    static Cqe find(List<Cqe> cqes, long ud) {
        for (Cqe c : cqes) if (c.userData() == ud) return c;
        throw new AssertionError("no completion for " + ud + " in " + cqes);
    }

    static Socket[] tcpPair() throws IOException {
        try (Socket l = Socket.open(Domain.AF_INET, Type.STREAM)) {
            l.bind(SockAddr.parse("127.0.0.1:0"));
            l.listen(4);
            Socket c = Socket.open(Domain.AF_INET, Type.STREAM);
            c.connect(l.getsockname());
            return new Socket[] {c, l.accept()};
        }
    }

    @Test
    void opensProbesAndCloses() throws IOException {
        IoUring ring = IoUring.open(UringOptions.of(8));
        try {
            assertEquals(8, ring.sqEntries());
            assertEquals(16, ring.cqEntries());
            for (UringOp op : UringOp.values()) assertTrue(ring.supports(op), op + " on kernel 5.19+");
            assertTrue(ring.fd() >= 0);
            ring.nop(42);
            List<Cqe> c = reap(ring, 1);
            assertEquals(new Cqe(42, 0, 0), c.get(0));
            assertEquals(0, ring.inFlight());
        } finally {
            ring.close();
        }
        assertTrue(ring.isClosed());
        assertEquals(-1, ring.fd());
        assertThrows(SocketClosedException.class, () -> ring.nop(1));
        assertThrows(SocketClosedException.class, () -> ring.submitAndWait(0));
        ring.close(); // idempotent
    }

    @Test
    void setupFlagsAndOptionsAreValidated() throws IOException {
        assertThrows(IllegalArgumentException.class, () -> UringOptions.of(0));
        assertThrows(IllegalArgumentException.class, () -> UringOptions.builder().deferTaskrun(true).build());
        assertThrows(IllegalArgumentException.class, () -> UringOptions.builder().entries(8).cqEntries(4).build());
        UringOptions fast = UringOptions.builder().entries(16).cqEntries(64).singleIssuer(true).deferTaskrun(true)
                .coopTaskrun(true).submitAll(true).fallback(true).build();
        try (IoUring ring = IoUring.open(fast)) {
            assertEquals(64, ring.cqEntries());
            // Kernel 6.1+ has all four; with fallback a kernel lacking one still opens.
            assertTrue((ring.setupFlags() & UringOptions.SINGLE_ISSUER) != 0, "flags " + ring.setupFlags());
            ring.nop(7);
            assertEquals(new Cqe(7, 0, 0), reap(ring, 1).get(0));
        }
    }

    @Test
    void buffersMustBeTheRingsMemory() throws IOException {
        Socket[] p = Socket.socketpair(Domain.AF_UNIX, Type.STREAM);
        try (IoUring ring = IoUring.open(UringOptions.of(8)); Arena a = Arena.ofConfined()) {
            MemorySegment foreign = a.allocate(16);
            assertThrows(IllegalArgumentException.class, () -> ring.recv(p[0].fd(), foreign, 0, 1));
            assertThrows(IllegalArgumentException.class, () -> ring.send(p[0].fd(), MemorySegment.ofArray(new byte[4]), 0, 1));
            assertThrows(IllegalArgumentException.class, () -> ring.recv(-1, ring.allocate(8), 0, 1));
            assertThrows(IllegalStateException.class, () -> ring.link());
            assertThrows(IllegalArgumentException.class, () -> {
                ring.nop(1);
                ring.flags(IoUring.IOSQE_FIXED_FILE);
            });
        } finally {
            p[0].close();
            p[1].close();
        }
    }

    @Test
    void acceptConnectSendRecvShutdownClose() throws IOException {
        try (IoUring ring = IoUring.open(UringOptions.of(16));
             Socket l = Socket.open(Domain.AF_INET, Type.STREAM);
             Socket c = Socket.open(Domain.AF_INET, Type.STREAM)) {
            l.bind(SockAddr.parse("127.0.0.1:0"));
            l.listen(4);
            ring.accept(l.fd(), Type.SOCK_CLOEXEC, 1);
            ring.connect(c.fd(), l.getsockname(), 2);
            List<Cqe> done = reap(ring, 2);
            assertEquals(0, find(done, 2).res(), "connect");
            int server = find(done, 1).res();
            assertTrue(server >= 0, "accepted " + Completion.describe(server));
            MemorySegment out = ring.allocate(5);
            out.copyFrom(MemorySegment.ofArray("hello".getBytes(StandardCharsets.US_ASCII)));
            MemorySegment in = ring.allocate(16);
            ring.send(c.fd(), out, 0, 3);
            ring.recv(server, in, 0, 4);
            done = reap(ring, 2);
            assertEquals(5, find(done, 3).res());
            assertEquals(5, find(done, 4).res());
            assertEquals("hello", new String(in.asSlice(0, 5).toArray(ValueLayout.JAVA_BYTE), StandardCharsets.US_ASCII));
            ring.shutdown(c.fd(), Shutdown.WRITE, 5);
            ring.recv(server, in, 0, 6);
            done = reap(ring, 2);
            assertEquals(0, find(done, 5).res());
            assertEquals(0, find(done, 6).res(), "end of stream after the peer's SHUT_WR");
            ring.close(server, 7);
            assertEquals(0, reap(ring, 1).get(0).res());
        }
    }

    @Test
    void multishotAcceptAndRecvWithABufferRing() throws IOException {
        try (IoUring ring = IoUring.open(UringOptions.of(32));
             Socket l = Socket.open(Domain.AF_INET, Type.STREAM)) {
            l.bind(SockAddr.parse("127.0.0.1:0"));
            l.listen(8);
            BufferRing buffers = ring.registerBufferRing(1, 8, 64);
            ring.acceptMultishot(l.fd(), Type.SOCK_CLOEXEC, 100);
            ring.submit();
            List<Socket> clients = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                Socket s = Socket.open(Domain.AF_INET, Type.STREAM);
                s.connect(l.getsockname());
                clients.add(s);
            }
            List<Cqe> accepts = reap(ring, 3);
            Map<Long, Integer> conns = new HashMap<>();
            for (Cqe a : accepts) {
                assertEquals(100, a.userData());
                assertTrue(a.res() >= 0, Completion.describe(a.res()));
                assertTrue(Completion.more(a.flags()), "multishot accept goes on");
                long ud = 200 + conns.size();
                conns.put(ud, a.res());
                ring.recvMultishot(a.res(), buffers, 0, ud);
            }
            ring.submit();
            for (int round = 0; round < 3; round++) {
                for (int i = 0; i < 3; i++) clients.get(i).send(("c" + i + "r" + round).getBytes(), 0, 4, 0);
                for (Cqe r : reap(ring, 3)) {
                    assertTrue(conns.containsKey(r.userData()), r.toString());
                    assertEquals(4, r.res());
                    assertTrue(Completion.more(r.flags()));
                    int bid = Completion.bufferId(r.flags());
                    String got = new String(buffers.buffer(bid).asSlice(0, 4).toArray(ValueLayout.JAVA_BYTE));
                    assertEquals("c" + (r.userData() - 200) + "r" + round, got);
                    buffers.recycle(bid);
                }
            }
            for (Socket s : clients) s.close();
            for (Cqe r : reap(ring, 3)) {
                assertEquals(0, r.res(), "end of stream");
                assertFalse(Completion.more(r.flags()), "the multishot receive ended");
            }
            for (int fd : conns.values()) ring.close(fd, 0);
            reap(ring, 3);
            ring.cancel(100, 300);
            List<Cqe> c = reap(ring, 2);
            assertEquals(-Completion.ECANCELED, find(c, 100).res(), "the cancelled accept");
            assertEquals(0, find(c, 300).res());
            assertEquals(0, ring.inFlight());
        }
    }

    @Test
    void anEmptyBufferRingEndsTheReceiveWithEnobufs() throws IOException {
        Socket[] p = Socket.socketpair(Domain.AF_UNIX, Type.STREAM);
        try (IoUring ring = IoUring.open(UringOptions.of(8))) {
            BufferRing buffers = ring.registerBufferRing(0, 2, 16);
            ring.recvMultishot(p[0].fd(), buffers, 0, 9);
            ring.submit();
            for (int i = 0; i < 2; i++) {
                p[1].send(new byte[] {(byte) i}, 0, 1, 0);
                Cqe c = reap(ring, 1).get(0);
                assertEquals(1, c.res());
                assertTrue(Completion.hasBuffer(c.flags()));
            }
            p[1].send(new byte[] {2}, 0, 1, 0); // no buffer left: none was recycled
            Cqe last = reap(ring, 1).get(0);
            assertEquals(-Completion.ENOBUFS, last.res(), Completion.describe(last.res()));
            assertFalse(Completion.more(last.flags()));
        } finally {
            p[0].close();
            p[1].close();
        }
    }

    @Test
    void cancelGivesEcanceledAndLinkTimeoutBoundsAnOperation() throws IOException {
        Socket[] p = Socket.socketpair(Domain.AF_UNIX, Type.STREAM);
        try (IoUring ring = IoUring.open(UringOptions.of(8))) {
            MemorySegment in = ring.allocate(8);
            ring.recv(p[0].fd(), in, 0, 1);
            ring.submit();
            ring.cancel(1, 2);
            List<Cqe> c = reap(ring, 2);
            assertEquals(-Completion.ECANCELED, find(c, 1).res());
            assertEquals(0, find(c, 2).res());

            ring.recv(p[0].fd(), in, 0, 3);
            ring.linkTimeout(Duration.ofMillis(20), 4);
            c = reap(ring, 2);
            assertEquals(-Completion.ECANCELED, find(c, 3).res(), "the receive timed out");
            assertEquals(-Completion.ETIME, find(c, 4).res());

            p[1].send(new byte[] {5}, 0, 1, 0);
            ring.recv(p[0].fd(), in, 0, 5);
            ring.linkTimeout(Duration.ofSeconds(30), 6);
            c = reap(ring, 2);
            assertEquals(1, find(c, 5).res(), "data was there");
            assertEquals(-Completion.ECANCELED, find(c, 6).res(), "the timeout was cancelled");

            ring.timeout(Duration.ofMillis(5), 7);
            assertEquals(-Completion.ETIME, reap(ring, 1).get(0).res());
            ring.recv(p[0].fd(), in, 0, 8);
            ring.cancelFd(p[0].fd(), 9);
            c = reap(ring, 2);
            assertEquals(-Completion.ECANCELED, find(c, 8).res());
            assertEquals(1, find(c, 9).res(), "one operation cancelled");
        } finally {
            p[0].close();
            p[1].close();
        }
    }

    @Test
    void sendZcPostsItsNotification() throws IOException {
        Socket[] p = tcpPair();
        try (IoUring ring = IoUring.open(UringOptions.of(8))) {
            MemorySegment out = ring.allocate(1000);
            out.fill((byte) 7);
            ring.sendZc(p[0].fd(), out, 0, 11);
            List<Cqe> c = reap(ring, 2);
            assertEquals(11, c.get(0).userData());
            assertEquals(1000, c.get(0).res());
            assertTrue(Completion.more(c.get(0).flags()), "a notification follows");
            assertEquals(11, c.get(1).userData());
            assertTrue(Completion.notification(c.get(1).flags()));
            assertFalse(Completion.more(c.get(1).flags()));
            assertEquals(0, ring.inFlight());
            byte[] got = new byte[1000];
            int n = 0;
            while (n < 1000) n += p[1].recv(got, n, 1000 - n, 0);
            for (byte b : got) assertEquals(7, b);
        } finally {
            p[0].close();
            p[1].close();
        }
    }

    @Test
    void registeredFilesAndBuffers() throws IOException {
        Socket[] p = Socket.socketpair(Domain.AF_UNIX, Type.STREAM);
        java.nio.file.Path file = java.nio.file.Files.createTempFile("ffsock-uring", ".bin");
        try (IoUring ring = IoUring.open(UringOptions.of(8));
             java.io.RandomAccessFile raf = new java.io.RandomAccessFile(file.toFile(), "rw")) {
            ring.registerFiles(p[0].fd());
            MemorySegment out = ring.allocate(3);
            out.copyFrom(MemorySegment.ofArray(new byte[] {1, 2, 3}));
            ring.send(0, out, 0, 1);
            ring.flags(IoUring.IOSQE_FIXED_FILE);
            assertEquals(3, reap(ring, 1).get(0).res());
            byte[] got = new byte[3];
            assertEquals(3, p[1].recv(got, 0, 3, 0));
            assertArrayEquals(new byte[] {1, 2, 3}, got);
            ring.unregisterFiles();

            MemorySegment[] fixed = ring.registerBuffers(2, 4096);
            fixed[0].asSlice(0, 4).copyFrom(MemorySegment.ofArray(new byte[] {9, 8, 7, 6}));
            int fd = fdOf(raf);
            ring.writeFixed(fd, 0, 4, 0, 2);
            assertEquals(4, reap(ring, 1).get(0).res());
            ring.readFixed(fd, 1, 4, 0, 3);
            assertEquals(4, reap(ring, 1).get(0).res());
            assertArrayEquals(new byte[] {9, 8, 7, 6}, fixed[1].asSlice(0, 4).toArray(ValueLayout.JAVA_BYTE));
            MemorySegment plain = ring.allocate(4);
            ring.read(fd, plain, 0, 4);
            assertEquals(4, reap(ring, 1).get(0).res());
            assertArrayEquals(new byte[] {9, 8, 7, 6}, plain.toArray(ValueLayout.JAVA_BYTE));
            ring.write(fd, plain, 4, 5);
            assertEquals(4, reap(ring, 1).get(0).res());
            assertEquals(8, raf.length());
            assertThrows(IndexOutOfBoundsException.class, () -> ring.readFixed(fd, 2, 4, 0, 6));
        } finally {
            p[0].close();
            p[1].close();
            java.nio.file.Files.deleteIfExists(file);
        }
    }

    /** The descriptor of a RandomAccessFile, from /proc (the JDK does not expose it). */
    private static int fdOf(java.io.RandomAccessFile raf) throws IOException {
        java.nio.file.Path want = null;
        for (java.nio.file.Path p : (Iterable<java.nio.file.Path>) java.nio.file.Files.list(java.nio.file.Path.of("/proc/self/fd"))::iterator) {
            try {
                java.nio.file.Path t = java.nio.file.Files.readSymbolicLink(p);
                if (t.getFileName() != null && t.getFileName().toString().startsWith("ffsock-uring")) want = p;
            } catch (IOException e) {
                // gone meanwhile
            }
        }
        assertNotNull(want, "the file's descriptor");
        return Integer.parseInt(want.getFileName().toString());
    }

    @Test
    void pollAndMultishotPoll() throws IOException {
        Socket[] p = Socket.socketpair(Domain.AF_UNIX, Type.STREAM);
        try (IoUring ring = IoUring.open(UringOptions.of(8))) {
            ring.pollAdd(p[0].fd(), dev.ffsock.Poll.POLLOUT, 1);
            Cqe c = reap(ring, 1).get(0);
            assertTrue((c.res() & dev.ffsock.Poll.POLLOUT) != 0);
            ring.pollMultishot(p[0].fd(), dev.ffsock.Poll.POLLIN, 2);
            ring.submit();
            p[1].send(new byte[] {1}, 0, 1, 0);
            c = reap(ring, 1).get(0);
            assertTrue((c.res() & dev.ffsock.Poll.POLLIN) != 0);
            assertTrue(Completion.more(c.flags()));
            ring.cancel(2, 3);
            List<Cqe> end = reap(ring, 2);
            assertEquals(-Completion.ECANCELED, find(end, 2).res());
        } finally {
            p[0].close();
            p[1].close();
        }
    }

    @Test
    void sendmsgAndRecvmsgOverUdp() throws IOException {
        try (IoUring ring = IoUring.open(UringOptions.of(8));
             Socket a = Socket.open(Domain.AF_INET, Type.DGRAM);
             Socket b = Socket.open(Domain.AF_INET, Type.DGRAM)) {
            a.bind(SockAddr.parse("127.0.0.1:0"));
            b.bind(SockAddr.parse("127.0.0.1:0"));
            UringMessage out = ring.message(0);
            MemorySegment data = ring.allocate(3);
            data.copyFrom(MemorySegment.ofArray(new byte[] {4, 5, 6}));
            out.buffer(data).address(b.getsockname());
            UringMessage in = ring.message(64);
            in.buffer(ring.allocate(16));
            ring.recvmsg(b.fd(), in, 0, 2);
            ring.sendmsg(a.fd(), out, 0, 1);
            List<Cqe> c = reap(ring, 2);
            assertEquals(3, find(c, 1).res());
            assertEquals(3, find(c, 2).res());
            assertArrayEquals(new byte[] {4, 5, 6}, in.buffer().asSlice(0, 3).toArray(ValueLayout.JAVA_BYTE));
            assertEquals(16, in.addressLength(), "a sockaddr_in");
            int port = Short.toUnsignedInt(Short.reverseBytes(in.addressBytes().get(ValueLayout.JAVA_SHORT, 2)));
            assertEquals(a.getsockname().toString(), "127.0.0.1:" + port);
        }
    }

    @Test
    void servesAPythonClient() throws Exception {
        try (IoUring ring = IoUring.open(UringOptions.of(8));
             Socket l = Socket.open(Domain.AF_INET, Type.STREAM)) {
            l.bind(SockAddr.parse("127.0.0.1:0"));
            l.listen(4);
            int port = Integer.parseInt(l.getsockname().toString().replaceAll(".*:", ""));
            String script = "import socket\n"
                    + "s = socket.create_connection(('127.0.0.1', " + port + "), timeout=20)\n"
                    + "s.sendall(b'ping from python')\n"
                    + "got = b''\n"
                    + "while len(got) < 16:\n"
                    + "    b = s.recv(64)\n"
                    + "    if not b: break\n"
                    + "    got += b\n"
                    + "print(got.decode(), s.recv(64) == b'')\n";
            Process py;
            try {
                py = new ProcessBuilder("python3", "-c", script).redirectErrorStream(true).start();
            } catch (IOException e) {
                assumeTrue(false, "cannot run python3: " + e.getMessage());
                return;
            }
            ring.accept(l.fd(), Type.SOCK_CLOEXEC, 1);
            int fd = reap(ring, 1).get(0).res();
            assertTrue(fd >= 0, Completion.describe(fd));
            MemorySegment buf = ring.allocate(64);
            int got = 0;
            while (got < 16) {
                ring.recv(fd, buf.asSlice(got), 0, 2);
                int n = reap(ring, 1).get(0).res();
                assertTrue(n > 0, Completion.describe(n));
                got += n;
            }
            ring.send(fd, buf, 0, got, 0, 3);
            ring.link();
            ring.close(fd, 4);
            List<Cqe> c = reap(ring, 2);
            assertEquals(16, find(c, 3).res());
            assertEquals(0, find(c, 4).res());
            assertTrue(py.waitFor(30, java.util.concurrent.TimeUnit.SECONDS), "python3 did not finish");
            String out = new String(py.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(0, py.exitValue(), out);
            assertEquals("ping from python True\n", out, "echoed, then end of stream after the linked close");
        }
    }

    @Test
    void boundedWaitsReturnWhatIsReadyOnPlatformAndVirtualThreads() throws Exception {
        for (boolean virtual : new boolean[] {false, true}) {
            java.util.concurrent.CompletableFuture<int[]> f = new java.util.concurrent.CompletableFuture<>();
            (virtual ? Thread.ofVirtual() : Thread.ofPlatform().daemon()).start(() -> {
                try (IoUring ring = IoUring.open(UringOptions.of(4))) {
                    long t0 = System.nanoTime();
                    int none = ring.submitAndWait(1, Duration.ofMillis(100));
                    long waited = (System.nanoTime() - t0) / 1_000_000;
                    ring.nop(1);
                    int one = ring.submitAndWait(1, Duration.ofSeconds(20));
                    f.complete(new int[] {none, (int) waited, one});
                } catch (Throwable t) {
                    f.completeExceptionally(t);
                }
            });
            int[] r = f.get(30, java.util.concurrent.TimeUnit.SECONDS);
            assertEquals(0, r[0], "nothing ready (virtual " + virtual + ")");
            assertTrue(r[1] >= 99, "waited " + r[1] + " ms for 100 (virtual " + virtual + ")");
            assertEquals(1, r[2], "the nop (virtual " + virtual + ")");
        }
    }

    @Test
    void overflowedCompletionsAreKeptAndHandedOn() throws IOException {
        try (IoUring ring = IoUring.open(UringOptions.builder().entries(4).cqEntries(4).build())) {
            for (int i = 0; i < 20; i++) {
                ring.nop(i);
                if (i % 4 == 3) ring.submit();
            }
            ring.submitAndWait(0);
            assertTrue(ring.overflowPending(), "20 completions in a queue of 4");
            List<Long> got = new ArrayList<>();
            ring.complete((ud, res, fl) -> got.add(ud));
            assertEquals(20, got.size(), "none lost: " + got);
            for (int i = 0; i < 20; i++) assertEquals(i, got.get(i), "in order");
            assertFalse(ring.overflowPending());
            assertEquals(0, ring.inFlight());
        }
    }
}
