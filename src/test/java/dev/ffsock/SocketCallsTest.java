package dev.ffsock;

import dev.ffsock.internal.Sys;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The system calls of {@link Socket}, one behaviour each, on loopback and AF_UNIX only. */
@Timeout(value = 10, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class SocketCallsTest {
    @TempDir
    Path dir;

    static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    static String text(byte[] b, int n) {
        return new String(b, 0, n, StandardCharsets.US_ASCII);
    }

    // ---- open / socketpair -----------------------------------------------------------------------

    static Stream<Arguments> families() {
        return Stream.of(
                Arguments.of(Domain.AF_INET, Type.STREAM, Protocol.TCP),
                Arguments.of(Domain.AF_INET, Type.DGRAM, Protocol.UDP),
                Arguments.of(Domain.AF_INET6, Type.STREAM, Protocol.TCP),
                Arguments.of(Domain.AF_INET6, Type.DGRAM, Protocol.UDP),
                Arguments.of(Domain.AF_UNIX, Type.STREAM, Protocol.DEFAULT),
                Arguments.of(Domain.AF_UNIX, Type.DGRAM, Protocol.DEFAULT),
                Arguments.of(Domain.AF_UNIX, Type.SEQPACKET, Protocol.DEFAULT));
    }

    @ParameterizedTest
    @MethodSource("families")
    void openReportsWhatItOpened(Domain d, Type t, Protocol p) throws IOException {
        try (Socket s = Socket.open(d, t)) {
            assertTrue(s.fd() >= 0);
            assertEquals(d, s.domain());
            assertEquals(t, s.type());
            assertTrue(s.isBlocking());
            assertFalse(s.isClosed());
            assertEquals(d, s.getsockopt(SockOpt.SO_DOMAIN));
            assertEquals(t, s.getsockopt(SockOpt.SO_TYPE));
            assertEquals(p, s.getsockopt(SockOpt.SO_PROTOCOL));
        }
    }

    @Test
    void openWithNonBlockFlag() throws IOException {
        try (Socket s = Socket.open(Domain.AF_INET, Type.DGRAM, Protocol.UDP, Type.SOCK_NONBLOCK)) {
            assertFalse(s.isBlocking());
        }
        assertThrows(IllegalArgumentException.class,
                () -> Socket.open(Domain.AF_INET, Type.DGRAM, Protocol.UDP, 0x1));
    }

    @Test
    void openUnsupportedCombinationThrowsErrno() {
        ErrnoException e = assertThrows(ErrnoException.class, () -> Socket.open(Domain.AF_INET, Type.SEQPACKET));
        assertEquals("socket", e.call());
        assertTrue(e.errno() == Errno.EPROTONOSUPPORT || e.errno() == Errno.ESOCKTNOSUPPORT, e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 5})
    void socketpairIsConnected(int type) throws IOException {
        Socket[] p = Socket.socketpair(Domain.AF_UNIX, Type.of(type));
        try {
            assertNotEquals(p[0].fd(), p[1].fd());
            assertEquals(4, p[0].send(bytes("ping"), 0, 4, 0));
            byte[] b = new byte[16];
            assertEquals(4, p[1].recv(b, 0, b.length, 0));
            assertEquals("ping", text(b, 4));
            assertEquals(4, p[1].send(bytes("pong"), 0, 4, 0));
            assertEquals(4, p[0].recv(b, 0, b.length, 0));
            assertEquals("pong", text(b, 4));
            assertEquals(SockAddrUn.unnamed(), p[0].getpeername());
            assertEquals(SockAddrUn.unnamed(), p[0].getsockname());
        } finally {
            TestNet.closeAll(p);
        }
    }

    // ---- TCP over loopback ---------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(ints = {2, 10})
    void tcpConnectAcceptSendRecvShutdown(int family) throws IOException {
        Domain d = Domain.of(family);
        try (Socket l = TestNet.listener(d, 8); Socket c = Socket.open(d, Type.STREAM)) {
            SockAddr at = l.getsockname();
            assertEquals(d, at.domain());
            assertNotEquals(TestNet.loopback(d, 0), at, "the kernel chose a port");
            assertTrue(l.getsockopt(SockOpt.SO_ACCEPTCONN));
            assertTrue(c.connect(at));
            try (Socket a = l.accept()) {
                assertEquals(c.getsockname(), a.acceptedFrom());
                assertEquals(c.getsockname(), a.getpeername());
                assertEquals(at, c.getpeername());
                assertEquals(at, a.getsockname());
                assertTrue(a.isBlocking());

                assertEquals(5, c.send(bytes("hello"), 0, 5, 0));
                byte[] b = new byte[5];
                assertEquals(5, a.recv(b, 0, 5, Msg.MSG_WAITALL));
                assertEquals("hello", text(b, 5));

                c.shutdown(Shutdown.WRITE);
                assertEquals(0, a.recv(b, 0, 5, 0), "end of stream after the peer's SHUT_WR");
                // the other direction still works
                assertEquals(3, a.send(bytes("bye"), 0, 3, 0));
                assertEquals(3, c.recv(b, 0, 3, Msg.MSG_WAITALL));
                assertEquals("bye", text(b, 3));
            }
        }
    }

    @Test
    void acceptIntoStorage() throws IOException {
        try (Socket l = TestNet.listener(Domain.AF_INET, 4); Socket c = Socket.open(Domain.AF_INET, Type.STREAM)) {
            c.connect(l.getsockname());
            SockAddrStorage peer = new SockAddrStorage();
            try (Socket a = l.accept(peer)) {
                assertNull(a.acceptedFrom());
                SockAddrIn me = (SockAddrIn) c.getsockname();
                assertEquals(me, peer.get());
                assertEquals(me.port(), peer.port());
                assertEquals(Domain.AF_INET, peer.domain());
            }
            c.close();
        }
    }

    @Test
    void acceptWithNonBlockFlag() throws IOException {
        try (Socket l = TestNet.listener(Domain.AF_INET, 4); Socket c = Socket.open(Domain.AF_INET, Type.STREAM)) {
            c.connect(l.getsockname());
            try (Socket a = l.accept(Type.SOCK_NONBLOCK | Type.SOCK_CLOEXEC)) {
                assertFalse(a.isBlocking());
                assertEquals(Socket.WOULD_BLOCK, a.recv(new byte[4], 0, 4, 0));
                assertEquals(c.getsockname(), a.acceptedFrom());
            }
        }
    }

    // ---- UDP / unix datagrams ------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(ints = {2, 10})
    void udpSendtoRecvfrom(int family) throws IOException {
        Domain d = Domain.of(family);
        try (Socket a = Socket.open(d, Type.DGRAM); Socket b = Socket.open(d, Type.DGRAM)) {
            a.bind(TestNet.loopback(d, 0));
            b.bind(TestNet.loopback(d, 0));
            SockAddr to = b.getsockname();
            assertEquals(4, a.sendto(bytes("dgrm"), 0, 4, 0, to));
            SockAddrStorage from = new SockAddrStorage();
            byte[] buf = new byte[64];
            assertEquals(4, b.recvfrom(buf, 0, buf.length, 0, from));
            assertEquals("dgrm", text(buf, 4));
            assertEquals(a.getsockname(), from.get());
            assertEquals(((SockAddrIn6.class.isInstance(from.get())) ? ((SockAddrIn6) from.get()).port()
                    : ((SockAddrIn) from.get()).port()), from.port());

            // reply to the storage as it is, with no decoding
            try (Arena arena = Arena.ofConfined()) {
                MemorySegment m = arena.allocate(3);
                m.copyFrom(MemorySegment.ofArray(bytes("ack")));
                assertEquals(3, b.sendto(m, 0, from));
                MemorySegment r = arena.allocate(16);
                SockAddrStorage back = new SockAddrStorage();
                assertEquals(3, a.recvfrom(r, 0, back));
                assertEquals("ack", new String(r.asSlice(0, 3).toArray(ValueLayout.JAVA_BYTE), StandardCharsets.US_ASCII));
                assertEquals(to, back.get());
            }
        }
    }

    @Test
    void unixStreamOnPath() throws IOException {
        SockAddrUn path = SockAddrUn.path(dir.resolve("s.sock"));
        try (Socket l = Socket.open(Domain.AF_UNIX, Type.STREAM); Socket c = Socket.open(Domain.AF_UNIX, Type.STREAM)) {
            l.bind(path);
            l.listen(4);
            assertTrue(Files.exists(dir.resolve("s.sock")));
            assertEquals(path, l.getsockname());
            assertTrue(c.connect(path));
            try (Socket a = l.accept()) {
                assertEquals(SockAddrUn.unnamed(), a.acceptedFrom());
                assertEquals(path, c.getpeername());
                assertEquals(path, a.getsockname());
                assertEquals(UCredOf.self(), a.getsockopt(SockOpt.SO_PEERCRED).pid());
            }
        }
    }

    @Test
    void unixDgramAbstractSendtoRecvfrom() throws IOException {
        SockAddrUn name = SockAddrUn.abstractName("ffsock-test-" + ProcessHandle.current().pid() + "-" + System.nanoTime());
        SockAddrUn me = SockAddrUn.path(dir.resolve("client.sock"));
        try (Socket srv = Socket.open(Domain.AF_UNIX, Type.DGRAM); Socket c = Socket.open(Domain.AF_UNIX, Type.DGRAM)) {
            srv.bind(name);
            c.bind(me);
            assertEquals(name, srv.getsockname());
            assertEquals(2, c.sendto(bytes("hi"), 0, 2, 0, name));
            SockAddrStorage from = new SockAddrStorage();
            byte[] b = new byte[8];
            assertEquals(2, srv.recvfrom(b, 0, b.length, 0, from));
            assertEquals(me, from.get());
            assertEquals(-1, from.port());
        }
    }

    // ---- non-blocking ------------------------------------------------------------------------------

    @Test
    void nonBlockingRecvAcceptConnect() throws IOException {
        int nb = Type.SOCK_NONBLOCK | Type.SOCK_CLOEXEC;
        try (Socket l = Socket.open(Domain.AF_INET, Type.STREAM, Protocol.DEFAULT, nb)) {
            l.bind(SockAddrIn.loopback(0));
            l.listen(4);
            assertNull(l.accept(), "nothing pending");
            try (Socket c = Socket.open(Domain.AF_INET, Type.STREAM, Protocol.DEFAULT, nb)) {
                assertFalse(c.connect(l.getsockname()), "non-blocking TCP connect is in progress");
                assertTrue((c.poll(Poll.POLLOUT, 2000) & Poll.POLLOUT) != 0);
                assertTrue(c.finishConnect());
                assertEquals(l.getsockname(), c.getpeername());
                assertEquals(Poll.POLLIN, l.poll(Poll.POLLIN, 2000) & Poll.POLLIN);
                try (Socket a = l.accept()) {
                    assertTrue(a.isBlocking(), "accept() gives a blocking socket");
                    a.setBlocking(false);
                    assertEquals(Socket.WOULD_BLOCK, a.recv(new byte[8], 0, 8, 0));
                    assertEquals(Socket.WOULD_BLOCK, a.recv(ByteBuffer.allocate(8), 0));
                    try (Arena arena = Arena.ofConfined()) {
                        assertEquals(Socket.WOULD_BLOCK, a.recv(arena.allocate(8)));
                    }
                    assertEquals(0, a.poll(Poll.POLLIN, 0));
                }
            }
        }
    }

    @Test
    void nonBlockingConnectRefusedReportedByFinishConnect() throws IOException {
        try (Socket hold = Socket.open(Domain.AF_INET, Type.STREAM)) {
            hold.bind(SockAddrIn.loopback(0)); // bound, not listening: connections to it are refused
            try (Socket c = Socket.open(Domain.AF_INET, Type.STREAM, Protocol.DEFAULT, Type.SOCK_NONBLOCK)) {
                if (!c.connect(hold.getsockname())) {
                    assertTrue(c.poll(Poll.POLLOUT, 2000) != 0);
                    ErrnoException e = assertThrows(ErrnoException.class, c::finishConnect);
                    assertEquals(Errno.ECONNREFUSED, e.errno());
                }
            }
        }
    }

    @Test
    void blockingModeSwitch() throws IOException {
        Socket[] p = Socket.socketpair(Domain.AF_UNIX, Type.STREAM);
        try {
            Socket s = p[0];
            assertTrue(s.isBlocking());
            s.setBlocking(false);
            assertFalse(s.isBlocking());
            assertEquals(Socket.WOULD_BLOCK, s.recv(new byte[4], 0, 4, 0));
            s.setBlocking(false); // no change
            assertFalse(s.isBlocking());
            s.setBlocking(true);
            assertTrue(s.isBlocking());
            s.setsockopt(SockOpt.SO_RCVTIMEO, Duration.ofMillis(50));
            assertThrows(SocketTimeoutException.class, () -> s.recv(new byte[4], 0, 4, 0), "blocking again: waits");
        } finally {
            TestNet.closeAll(p);
        }
    }

    @Test
    void connectWithTimeoutSucceeds() throws IOException {
        try (Socket l = TestNet.listener(Domain.AF_INET, 4); Socket c = Socket.open(Domain.AF_INET, Type.STREAM)) {
            c.connect(l.getsockname(), Duration.ofSeconds(2));
            assertTrue(c.isBlocking(), "blocking mode restored");
            assertEquals(l.getsockname(), c.getpeername());
        }
    }

    @Test
    void connectWithTimeoutRefused() throws IOException {
        try (Socket hold = Socket.open(Domain.AF_INET, Type.STREAM); Socket c = Socket.open(Domain.AF_INET, Type.STREAM)) {
            hold.bind(SockAddrIn.loopback(0));
            ErrnoException e = assertThrows(ErrnoException.class, () -> c.connect(hold.getsockname(), Duration.ofSeconds(2)));
            assertEquals(Errno.ECONNREFUSED, e.errno());
            assertTrue(c.isBlocking(), "blocking mode restored after failure");
        }
    }

    @Test
    void connectWithTimeoutExpires() throws IOException {
        List<Socket> full = TestNet.fullBacklogListener();
        Assumptions.assumeTrue(full != null, "the kernel kept accepting connections on a listen(0) socket");
        try (Socket c = Socket.open(Domain.AF_INET, Type.STREAM)) {
            long t0 = System.nanoTime();
            assertThrows(SocketTimeoutException.class, () -> c.connect(full.get(0).getsockname(), Duration.ofMillis(200)));
            long ms = (System.nanoTime() - t0) / 1_000_000;
            assertTrue(ms >= 150 && ms < 3000, "timed out after " + ms + " ms");
            assertTrue(c.isBlocking(), "blocking mode restored after the timeout");
        } finally {
            TestNet.closeAll(full);
        }
    }

    // ---- adopt ---------------------------------------------------------------------------------------

    @Test
    void adoptRejectsBadDescriptors() throws IOException {
        assertThrows(IllegalArgumentException.class, () -> Socket.adopt(-1));
        ErrnoException e = assertThrows(ErrnoException.class, () -> Socket.adopt(99999));
        assertEquals(Errno.EBADF, e.errno());
        int fd;
        try (Arena a = Arena.ofConfined()) {
            fd = Sys.open(a.allocateFrom("/dev/null"), 0x80000 /* O_RDONLY|O_CLOEXEC */);
        }
        try {
            ErrnoException n = assertThrows(ErrnoException.class, () -> Socket.adopt(fd));
            assertEquals(Errno.ENOTSOCK, n.errno());
            assertEquals("ENOTSOCK", n.errnoName());
        } finally {
            Sys.close(fd);
        }
    }

    @Test
    void adoptTakesOverASocket() throws IOException {
        int fd = Sys.socket(Domain.AF_INET.value(), Type.DGRAM.value() | Type.SOCK_NONBLOCK | Type.SOCK_CLOEXEC, 0);
        Socket s = Socket.adopt(fd);
        try {
            assertEquals(fd, s.fd());
            assertEquals(Domain.AF_INET, s.domain());
            assertEquals(Type.DGRAM, s.type());
            assertEquals(Protocol.UDP, s.protocol());
            assertFalse(s.isBlocking());
            s.bind(SockAddrIn.loopback(0));
            assertEquals(Socket.WOULD_BLOCK, s.recv(new byte[4], 0, 4, 0));
        } finally {
            s.close();
        }
        ErrnoException e = assertThrows(ErrnoException.class, () -> Sys.fcntl(fd, 1 /* F_GETFD */, 0));
        assertEquals(Errno.EBADF, e.errno(), "close() of the adopted socket closed the descriptor");
    }

    // ---- raw ---------------------------------------------------------------------------------------

    @Test
    void rawIcmpEchoOnLoopback() throws IOException {
        Socket s;
        try {
            s = Socket.open(Domain.AF_INET, Type.RAW, Protocol.ICMP);
        } catch (ErrnoException e) {
            Assumptions.abort("raw sockets need CAP_NET_RAW: " + e.getMessage());
            return;
        }
        try (s) {
            s.setsockopt(SockOpt.SO_RCVTIMEO, Duration.ofSeconds(2));
            int id = (int) (ProcessHandle.current().pid() & 0xffff);
            byte[] echo = {8, 0, 0, 0, (byte) (id >> 8), (byte) id, 0, 1, 'f', 'f', 's', 'k'};
            int sum = 0;
            for (int i = 0; i < echo.length; i += 2) sum += (echo[i] & 0xff) << 8 | (echo[i + 1] & 0xff);
            while ((sum >> 16) != 0) sum = (sum & 0xffff) + (sum >> 16);
            sum = ~sum & 0xffff;
            echo[2] = (byte) (sum >> 8);
            echo[3] = (byte) sum;
            assertEquals(echo.length, s.sendto(echo, 0, echo.length, 0, SockAddrIn.loopback(0)));
            byte[] in = new byte[256];
            SockAddrStorage from = new SockAddrStorage();
            for (int tries = 0; tries < 8; tries++) {
                int n = s.recvfrom(in, 0, in.length, 0, from);
                int ihl = (in[0] & 0x0f) * 4;
                assertTrue(n >= ihl + 8, "short packet " + n);
                int type = in[ihl] & 0xff;
                int gotId = (in[ihl + 4] & 0xff) << 8 | (in[ihl + 5] & 0xff);
                if (type == 0 && gotId == id) {
                    assertEquals(SockAddrIn.loopback(0), from.get());
                    assertEquals("ffsk", text(Arrays.copyOfRange(in, ihl + 8, n), n - ihl - 8));
                    return;
                }
            }
            throw new AssertionError("no echo reply");
        }
    }

    // ---- buffers -----------------------------------------------------------------------------------

    /** A send and a receive of a byte[] from offset 0 move {@code len} bytes, not the whole array. */
    private static void arrayPrefix(Socket a, Socket b) throws IOException {
        byte[] whole = bytes("prefixTAIL");
        assertEquals(6, a.send(whole, 0, 6, 0));
        byte[] into = bytes("..........");
        assertEquals(4, b.recv(into, 0, 4, 0)); // 6 are there: 4 may land
        assertEquals("pref......", text(into, 10));
        assertEquals(2, b.recv(into, 0, 10, 0)); // the rest: 2, not the array's tail
        assertEquals("ixef......", text(into, 10));
    }

    /** As {@link #arrayPrefix} on a virtual thread, whose calls pass the array itself (no bounce copy). */
    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void byteArrayPrefixOnAnyThread(boolean virtual) throws Exception {
        Socket[] p = Socket.socketpair(Domain.AF_UNIX, Type.STREAM);
        try (Socket a = p[0]; Socket b = p[1]) {
            assertNull(dev.ffsock.testutil.OnThread.failure(dev.ffsock.testutil.OnThread.run(virtual, () -> {
                arrayPrefix(a, b);
                return null;
            })));
        }
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void everyBufferKind(boolean blocking) throws IOException {
        Socket[] p = Socket.socketpair(Domain.AF_UNIX, Type.STREAM);
        try (Arena arena = Arena.ofConfined()) {
            Socket a = p[0], b = p[1];
            a.setBlocking(blocking);
            b.setBlocking(blocking);

            // native segment
            MemorySegment nat = arena.allocate(4);
            nat.copyFrom(MemorySegment.ofArray(bytes("nat1")));
            assertEquals(4, a.send(nat));
            MemorySegment natIn = arena.allocate(16);
            assertEquals(4, b.recv(natIn));
            assertEquals("nat1", new String(natIn.asSlice(0, 4).toArray(ValueLayout.JAVA_BYTE), StandardCharsets.US_ASCII));

            // heap segment
            assertEquals(4, a.send(MemorySegment.ofArray(bytes("heap")), 0));
            byte[] heapIn = new byte[8];
            assertEquals(4, b.recv(MemorySegment.ofArray(heapIn), 0));
            assertEquals("heap", text(heapIn, 4));

            // byte[] slices
            byte[] src = bytes("xxsliceyy");
            assertEquals(5, a.send(src, 2, 5, 0));
            byte[] dst = bytes("..........");
            assertEquals(5, b.recv(dst, 3, 5, 0));
            assertEquals("...slice..", text(dst, 10));

            // byte[] from offset 0, fewer bytes than the array holds (the array's whole view goes with the length)
            arrayPrefix(a, b);

            // ByteBuffers, direct and heap, position/limit honoured and advanced
            for (ByteBuffer out : new ByteBuffer[] {ByteBuffer.allocateDirect(16), ByteBuffer.allocate(16)}) {
                String[] halves = {"buf", "fer"};
                int h = 0;
                out.put(bytes("__buffer__")).flip();
                out.position(2).limit(8);
                assertEquals(6, a.send(out, 0));
                assertEquals(8, out.position());
                assertEquals(0, out.remaining());
                for (ByteBuffer in : new ByteBuffer[] {ByteBuffer.allocateDirect(16), ByteBuffer.allocate(16)}) {
                    in.position(3).limit(6);
                    assertEquals(3, b.recv(in, 0));
                    assertEquals(6, in.position());
                    assertEquals(6, in.limit());
                    in.flip().position(3);
                    byte[] got = new byte[3];
                    in.get(got);
                    assertEquals(halves[h++], text(got, 3));
                }
            }
        } finally {
            TestNet.closeAll(p);
        }
    }

    /**
     * Direct buffers go to the kernel by address (the last one kept per socket): each call must use
     * the buffer it is given, at its own position, also when calls alternate between buffers,
     * slices of one buffer, and buffers that take the segment path (an arena's, a heap one).
     */
    @Test
    void alternatingBuffersEachGetTheirOwnBytes() throws Exception {
        Socket[] p = Socket.socketpair(Domain.AF_UNIX, Type.STREAM);
        try (Arena arena = Arena.ofConfined()) {
            ByteBuffer whole = ByteBuffer.allocateDirect(32);
            ByteBuffer[] ins = {whole.slice(0, 16), whole.slice(16, 16), ByteBuffer.allocateDirect(16),
                    arena.allocate(16).asByteBuffer(), ByteBuffer.allocate(16)};
            for (int round = 0; round < 3; round++) {
                for (int i = 0; i < ins.length; i++) {
                    ByteBuffer in = ins[i];
                    ByteBuffer out = ins[(i + 1) % ins.length];
                    String word = "r" + round + "b" + i;
                    out.clear().position(2);
                    out.put(bytes(word)).flip().position(2);
                    assertEquals(word.length(), p[0].send(out, 0));
                    assertEquals(2 + word.length(), out.position());
                    in.clear().position(5).limit(5 + word.length());
                    assertEquals(word.length(), p[1].recv(in, 0));
                    assertEquals(5 + word.length(), in.position());
                    byte[] got = new byte[word.length()];
                    in.get(5, got);
                    assertEquals(word, text(got, got.length));
                }
            }
            // the two slices share memory: what went into the second half is there in the whole
            ins[1].clear();
            p[0].send(ByteBuffer.wrap(bytes("tail")), 0);
            assertEquals(4, p[1].recv(ins[1], 0));
            byte[] got = new byte[4];
            whole.get(16, got);
            assertEquals("tail", text(got, 4));
        } finally {
            TestNet.closeAll(p);
        }
    }

    @Test
    void sendAllSendsEverything() throws Exception {
        Socket[] p = Socket.socketpair(Domain.AF_UNIX, Type.STREAM);
        try (Arena arena = Arena.ofShared()) {
            int size = 4 << 20;
            MemorySegment big = arena.allocate(size);
            for (int i = 0; i < size; i += 4096) big.set(ValueLayout.JAVA_BYTE, i, (byte) (i >> 12));
            TestNet.Blocked reader = TestNet.block("reader", () -> {
                MemorySegment in = Arena.ofAuto().allocate(size);
                long got = p[1].recv(in, Msg.MSG_WAITALL);
                return got == size && in.mismatch(big) == -1;
            });
            p[0].sendAll(big, 0);
            reader.awaitDone(Duration.ofSeconds(5), "reader");
            assertEquals(Boolean.TRUE, reader.result, () -> "thrown: " + reader.thrown);
        } finally {
            TestNet.closeAll(p);
        }
    }

    // ---- flags -------------------------------------------------------------------------------------

    @Test
    void msgPeekLeavesData() throws IOException {
        Socket[] p = Socket.socketpair(Domain.AF_UNIX, Type.STREAM);
        try {
            p[0].send(bytes("peek"), 0, 4, 0);
            byte[] b = new byte[4];
            assertEquals(4, p[1].recv(b, 0, 4, Msg.MSG_PEEK));
            assertEquals("peek", text(b, 4));
            Arrays.fill(b, (byte) 0);
            assertEquals(4, p[1].recv(b, 0, 4, Msg.MSG_DONTWAIT));
            assertEquals("peek", text(b, 4));
            assertEquals(Socket.WOULD_BLOCK, p[1].recv(b, 0, 4, Msg.MSG_DONTWAIT));
        } finally {
            TestNet.closeAll(p);
        }
    }

    @Test
    void msgDontwaitOnBlockingSocket() throws IOException {
        Socket[] p = Socket.socketpair(Domain.AF_UNIX, Type.STREAM);
        try {
            assertTrue(p[1].isBlocking());
            assertEquals(Socket.WOULD_BLOCK, p[1].recv(new byte[4], 0, 4, Msg.MSG_DONTWAIT));
            assertEquals(Socket.WOULD_BLOCK, p[1].recv(MemorySegment.ofArray(new byte[4]), Msg.MSG_DONTWAIT));
            assertEquals(Socket.WOULD_BLOCK, p[1].recv(ByteBuffer.allocateDirect(4), Msg.MSG_DONTWAIT));
            assertTrue(p[1].isBlocking(), "the socket's mode is untouched");
            // fill the send buffer without blocking
            p[0].setsockopt(SockOpt.SO_SNDBUF, 4096);
            byte[] chunk = new byte[65536];
            long r = 0;
            for (int i = 0; i < 10_000 && r != Socket.WOULD_BLOCK; i++) r = p[0].send(chunk, 0, chunk.length, Msg.MSG_DONTWAIT);
            assertEquals(Socket.WOULD_BLOCK, r);
        } finally {
            TestNet.closeAll(p);
        }
    }

    @Test
    void msgWaitallGathersPieces() throws Exception {
        Socket[] p = TestNet.tcpPair(Domain.AF_INET);
        try {
            p[0].setsockopt(SockOpt.TCP_NODELAY, true);
            TestNet.Blocked writer = TestNet.block("writer", () -> {
                for (int i = 0; i < 5; i++) {
                    p[0].send(bytes("part" + i), 0, 5, 0);
                    Thread.sleep(20);
                }
                return null;
            });
            byte[] b = new byte[25];
            assertEquals(25, p[1].recv(b, 0, 25, Msg.MSG_WAITALL));
            assertEquals("part0part1part2part3part4", text(b, 25));
            writer.awaitDone(Duration.ofSeconds(2), "writer");
        } finally {
            TestNet.closeAll(p);
        }
    }

    @Test
    void msgTruncGivesRealDatagramLength() throws IOException {
        try (Socket a = Socket.open(Domain.AF_INET, Type.DGRAM); Socket b = Socket.open(Domain.AF_INET, Type.DGRAM)) {
            b.bind(SockAddrIn.loopback(0));
            byte[] big = new byte[100];
            Arrays.fill(big, (byte) 7);
            a.sendto(big, 0, 100, 0, b.getsockname());
            a.sendto(big, 0, 100, 0, b.getsockname());
            byte[] small = new byte[10];
            assertEquals(100, b.recv(small, 0, 10, Msg.MSG_TRUNC));
            assertEquals(7, small[9]);
            ByteBuffer bb = ByteBuffer.allocate(10);
            assertEquals(100, b.recv(bb, Msg.MSG_TRUNC));
            assertEquals(10, bb.position(), "position advances by the bytes stored, not the datagram's length");
        }
    }

    // ---- errors ------------------------------------------------------------------------------------

    @Test
    void sendToClosedPeerIsEpipeNotSigpipe() throws IOException {
        Socket[] p = Socket.socketpair(Domain.AF_UNIX, Type.STREAM);
        try {
            p[1].close();
            ErrnoException e = assertThrows(ErrnoException.class, () -> p[0].send(bytes("x"), 0, 1, 0));
            assertEquals(Errno.EPIPE, e.errno());
            assertEquals("EPIPE", e.errnoName());
            assertEquals("send", e.call());
        } finally {
            TestNet.closeAll(p);
        }
        // TCP: the first send after the peer closed draws a RST; a later one fails with EPIPE
        Socket[] t = TestNet.tcpPair(Domain.AF_INET);
        try {
            t[1].close();
            ErrnoException e = null;
            for (int i = 0; i < 50 && e == null; i++) {
                try {
                    t[0].send(bytes("data"), 0, 4, 0);
                    Thread.sleep(10);
                } catch (ErrnoException x) {
                    e = x;
                } catch (InterruptedException x) {
                    throw new AssertionError(x);
                }
            }
            assertTrue(e != null && (e.errno() == Errno.EPIPE || e.errno() == Errno.ECONNRESET), String.valueOf(e));
        } finally {
            TestNet.closeAll(t);
        }
        assertTrue(ProcessHandle.current().isAlive(), "still here: no SIGPIPE");
    }

    @Test
    void connectRefusedMessage() throws IOException {
        try (Socket hold = Socket.open(Domain.AF_INET, Type.STREAM); Socket c = Socket.open(Domain.AF_INET, Type.STREAM)) {
            hold.bind(SockAddrIn.loopback(0));
            ErrnoException e = assertThrows(ErrnoException.class, () -> c.connect(hold.getsockname()));
            assertEquals("connect: ECONNREFUSED (Connection refused)", e.getMessage());
            assertEquals(111, e.errno());
            assertEquals(Errno.ECONNREFUSED, e.errno());
            assertEquals("ECONNREFUSED", e.errnoName());
            assertEquals("Connection refused", e.description());
            assertEquals("connect", e.call());
        }
    }

    @Test
    void doubleBindIsEaddrinuse() throws IOException {
        try (Socket a = Socket.open(Domain.AF_INET, Type.STREAM); Socket b = Socket.open(Domain.AF_INET, Type.STREAM)) {
            a.bind(SockAddrIn.loopback(0));
            a.listen(1);
            ErrnoException e = assertThrows(ErrnoException.class, () -> b.bind(a.getsockname()));
            assertEquals(Errno.EADDRINUSE, e.errno());
            assertEquals("bind", e.call());
            b.bind(SockAddrIn.loopback(0)); // still usable
        }
        try (Socket a = Socket.open(Domain.AF_UNIX, Type.STREAM); Socket b = Socket.open(Domain.AF_UNIX, Type.STREAM)) {
            SockAddrUn path = SockAddrUn.path(dir.resolve("twice"));
            a.bind(path);
            assertEquals(Errno.EADDRINUSE, assertThrows(ErrnoException.class, () -> b.bind(path)).errno());
        }
    }

    @Test
    void rcvtimeoExpiryIsSocketTimeoutException() throws IOException {
        Socket[] p = Socket.socketpair(Domain.AF_UNIX, Type.STREAM);
        try (Socket u = Socket.open(Domain.AF_INET, Type.DGRAM)) {
            p[1].setsockopt(SockOpt.SO_RCVTIMEO, Duration.ofMillis(100));
            long t0 = System.nanoTime();
            assertThrows(SocketTimeoutException.class, () -> p[1].recv(new byte[4], 0, 4, 0));
            assertTrue(System.nanoTime() - t0 >= 90_000_000L, "waited for the timeout");
            assertThrows(SocketTimeoutException.class, () -> p[1].recv(ByteBuffer.allocate(4), 0));
            u.bind(SockAddrIn.loopback(0));
            u.setsockopt(SockOpt.SO_RCVTIMEO, Duration.ofMillis(50));
            assertThrows(SocketTimeoutException.class, () -> u.recvfrom(new byte[4], 0, 4, 0, new SockAddrStorage()));
            // still usable afterwards
            p[0].send(bytes("ok"), 0, 2, 0);
            assertEquals(2, p[1].recv(new byte[4], 0, 4, 0));
        } finally {
            TestNet.closeAll(p);
        }
    }

    /** The current process id as an int, as SO_PEERCRED reports it. */
    static final class UCredOf {
        static int self() {
            return (int) ProcessHandle.current().pid();
        }
    }
}
