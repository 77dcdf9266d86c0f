package dev.ffsock;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.function.Executable;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.net.InetAddress;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Bad arguments are refused with the right exception before any system call: the socket pair is
 * still connected and unchanged afterwards (checked after every test).
 */
@Timeout(value = 10, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class BadInputTest {
    Socket a;
    Socket b;
    int fdA;
    int fdB;

    @BeforeEach
    void pair() throws IOException {
        Socket[] p = Socket.socketpair(Domain.AF_UNIX, Type.STREAM);
        a = p[0];
        b = p[1];
        fdA = a.fd();
        fdB = b.fd();
    }

    @AfterEach
    void stillUsable() throws IOException {
        try {
            assertEquals(fdA, a.fd());
            assertEquals(fdB, b.fd());
            b.setsockopt(SockOpt.SO_RCVTIMEO, Duration.ofSeconds(2));
            assertEquals(2, a.send(new byte[] {1, 2}, 0, 2, 0));
            byte[] in = new byte[8];
            assertEquals(2, b.recv(in, 0, 8, 0), "nothing else was sent or consumed");
            assertEquals(1, in[0]);
            assertEquals(2, in[1]);
        } finally {
            a.close();
            b.close();
        }
    }

    static void assertNpe(String param, Executable e) {
        NullPointerException x = assertThrows(NullPointerException.class, e);
        assertEquals(param, x.getMessage(), "the message names the parameter");
    }

    @Test
    void nullArgumentsNameTheParameter() {
        SockAddr lo = SockAddrIn.loopback(1);
        MemorySegment seg = MemorySegment.ofArray(new byte[4]);
        SockAddrStorage st = new SockAddrStorage();

        assertNpe("domain", () -> Socket.open(null, Type.STREAM));
        assertNpe("type", () -> Socket.open(Domain.AF_UNIX, null));
        assertNpe("protocol", () -> Socket.open(Domain.AF_UNIX, Type.STREAM, null));
        assertNpe("domain", () -> Socket.socketpair(null, Type.STREAM));
        assertNpe("type", () -> Socket.socketpair(Domain.AF_UNIX, null));
        assertNpe("addr", () -> a.bind(null));
        assertNpe("addr", () -> a.connect(null));
        assertNpe("addr", () -> a.connect(null, Duration.ofSeconds(1)));
        assertNpe("timeout", () -> a.connect(SockAddrUn.abstractName("x"), null));
        assertNpe("peer", () -> a.accept((SockAddrStorage) null));
        assertNpe("buf", () -> a.send((MemorySegment) null));
        assertNpe("buf", () -> a.send((MemorySegment) null, 0));
        assertNpe("buf", () -> a.send((byte[]) null, 0, 0, 0));
        assertNpe("buf", () -> a.send((ByteBuffer) null, 0));
        assertNpe("buf", () -> a.sendAll(null, 0));
        assertNpe("buf", () -> a.sendto((MemorySegment) null, 0, lo));
        assertNpe("buf", () -> a.sendto((MemorySegment) null, 0, st));
        assertNpe("buf", () -> a.sendto((byte[]) null, 0, 0, 0, lo));
        assertNpe("buf", () -> a.sendto((ByteBuffer) null, 0, lo));
        assertNpe("to", () -> a.sendto(seg, 0, (SockAddr) null));
        assertNpe("to", () -> a.sendto(seg, 0, (SockAddrStorage) null));
        assertNpe("to", () -> a.sendto(new byte[1], 0, 1, 0, null));
        assertNpe("to", () -> a.sendto(ByteBuffer.allocate(1), 0, null));
        assertNpe("buf", () -> a.recv((MemorySegment) null));
        assertNpe("buf", () -> a.recv((MemorySegment) null, 0));
        assertNpe("buf", () -> a.recv((byte[]) null, 0, 0, 0));
        assertNpe("buf", () -> a.recv((ByteBuffer) null, 0));
        assertNpe("buf", () -> a.recvfrom((MemorySegment) null, 0, st));
        assertNpe("buf", () -> a.recvfrom((byte[]) null, 0, 0, 0, st));
        assertNpe("buf", () -> a.recvfrom((ByteBuffer) null, 0, st));
        assertNpe("from", () -> a.recvfrom(seg, 0, null));
        assertNpe("from", () -> a.recvfrom(new byte[1], 0, 1, 0, null));
        assertNpe("from", () -> a.recvfrom(ByteBuffer.allocate(1), 0, null));
        assertNpe("how", () -> a.shutdown(null));
        assertNpe("option", () -> a.getsockopt(null));
        assertNpe("option", () -> a.setsockopt(null, 1));
        assertNpe("value", () -> a.setsockopt(SockOpt.SO_RCVBUF, null));
        assertNpe("value", () -> a.setsockoptBytes(SockOpt.SOL_SOCKET, 8, null));
        assertNpe("socket", () -> new PollSet().add(null, Poll.POLLIN));

        assertNpe("text", () -> SockAddr.parse(null));
        assertNpe("address", () -> SockAddr.of((SocketAddress) null));
        assertNpe("address", () -> SockAddr.of((InetAddress) null, 1));
        assertNpe("address", () -> new SockAddrIn(null, 1));
        assertNpe("address", () -> new SockAddrIn6(null, 1, 0, 0));
        assertNpe("ipv4Literal", () -> SockAddrIn.of((String) null, 1));
        assertNpe("ipv6Literal", () -> SockAddrIn6.of((String) null, 1));
        assertNpe("path", () -> SockAddrUn.path((String) null));
        assertNpe("path", () -> SockAddrUn.path((Path) null));
        assertNpe("name", () -> SockAddrUn.abstractName((String) null));
        assertNpe("name", () -> SockAddrUn.abstractName((byte[]) null));
        assertNpe("address", () -> SockAddrStorage.of(null));
        assertNpe("address", () -> st.set(null));
        assertNpe("group", () -> new IpMreq(null, null, 0));
        assertNpe("group", () -> new Ipv6Mreq(null, 0));
    }

    @Test
    void byteArrayBoundsAreChecked() {
        byte[] buf = new byte[8];
        int[][] bad = {{-1, 1}, {0, -1}, {0, 9}, {8, 1}, {9, 0}, {4, 5}, {Integer.MAX_VALUE, 1}, {1, Integer.MAX_VALUE}};
        for (int[] r : bad) {
            int off = r[0], len = r[1];
            String what = "off=" + off + " len=" + len;
            assertThrows(IndexOutOfBoundsException.class, () -> a.send(buf, off, len, 0), what);
            assertThrows(IndexOutOfBoundsException.class, () -> a.recv(buf, off, len, Msg.MSG_DONTWAIT), what);
            assertThrows(IndexOutOfBoundsException.class, () -> a.sendto(buf, off, len, 0, SockAddrUn.abstractName("x")), what);
            assertThrows(IndexOutOfBoundsException.class, () -> a.recvfrom(buf, off, len, Msg.MSG_DONTWAIT, new SockAddrStorage()), what);
        }
    }

    @Test
    void readOnlyBuffersCannotReceive() throws IOException {
        MemorySegment ro = MemorySegment.ofArray(new byte[8]).asReadOnly();
        assertThrows(IllegalArgumentException.class, () -> b.recv(ro));
        assertThrows(IllegalArgumentException.class, () -> b.recv(ro, Msg.MSG_DONTWAIT));
        assertThrows(IllegalArgumentException.class, () -> b.recvfrom(ro, 0, new SockAddrStorage()));
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment nro = arena.allocate(8).asReadOnly();
            assertThrows(IllegalArgumentException.class, () -> b.recv(nro));
        }
        ByteBuffer hro = ByteBuffer.allocate(8).asReadOnlyBuffer();
        ByteBuffer dro = ByteBuffer.allocateDirect(8).asReadOnlyBuffer();
        for (ByteBuffer bb : new ByteBuffer[] {hro, dro}) {
            assertThrows(IllegalArgumentException.class, () -> b.recv(bb, 0));
            assertThrows(IllegalArgumentException.class, () -> b.recvfrom(bb, 0, new SockAddrStorage()));
            assertEquals(0, bb.position());
        }
        // read-only is fine for sending: nothing to send here, so an empty one
        assertEquals(0, a.send(MemorySegment.ofArray(new byte[0]).asReadOnly()) + 0L);
    }

    @Test
    void segmentsOfClosedArenasAreRefused() {
        Arena arena = Arena.ofConfined();
        MemorySegment seg = arena.allocate(8);
        ByteBuffer bb = seg.asByteBuffer();
        arena.close();
        Map<String, Executable> calls = new LinkedHashMap<>();
        calls.put("send", () -> a.send(seg));
        calls.put("send(flags)", () -> a.send(seg, Msg.MSG_DONTWAIT));
        calls.put("sendAll", () -> a.sendAll(seg, 0));
        calls.put("sendto", () -> a.sendto(seg, 0, SockAddrUn.abstractName("x")));
        calls.put("sendto(storage)", () -> a.sendto(seg, 0, SockAddrStorage.of(SockAddrUn.abstractName("x"))));
        calls.put("recv", () -> b.recv(seg));
        calls.put("recv(flags)", () -> b.recv(seg, Msg.MSG_DONTWAIT));
        calls.put("recvfrom", () -> b.recvfrom(seg, 0, new SockAddrStorage()));
        calls.put("send(ByteBuffer)", () -> a.send(bb, 0));
        calls.put("send(ByteBuffer, DONTWAIT)", () -> a.send(bb, Msg.MSG_DONTWAIT));
        calls.put("sendto(ByteBuffer)", () -> a.sendto(bb, 0, SockAddrUn.abstractName("x")));
        calls.put("recv(ByteBuffer)", () -> b.recv(bb, 0));
        calls.put("recv(ByteBuffer, DONTWAIT)", () -> b.recv(bb, Msg.MSG_DONTWAIT));
        calls.put("recvfrom(ByteBuffer)", () -> b.recvfrom(bb, 0, new SockAddrStorage()));
        for (Map.Entry<String, Executable> c : calls.entrySet()) {
            assertThrows(IllegalStateException.class, c.getValue(), c.getKey());
        }
    }

    @Test
    void otherBadValues() {
        assertThrows(IllegalArgumentException.class, () -> a.poll(Poll.POLLIN, -2));
        assertThrows(IllegalArgumentException.class, () -> new PollSet().poll(-5));
        assertThrows(IllegalArgumentException.class, () -> a.connect(SockAddrUn.abstractName("x"), Duration.ofMillis(-1)));
        assertThrows(IllegalArgumentException.class, () -> a.accept(Msg.MSG_PEEK));
        assertThrows(IllegalArgumentException.class, () -> a.getsockoptBytes(SockOpt.SOL_SOCKET, 8, -1));
        assertThrows(IllegalArgumentException.class, () -> a.getsockoptBytes(SockOpt.SOL_SOCKET, 8, 1 << 20));
        assertThrows(IllegalArgumentException.class, () -> a.sendto(MemorySegment.ofArray(new byte[1]), 0, new SockAddrStorage()),
                "empty destination storage");
        assertThrows(IllegalStateException.class, () -> new SockAddrStorage().get());
        assertThrows(IllegalArgumentException.class, () -> a.setsockopt(SockOpt.SO_RCVTIMEO, Duration.ofSeconds(-1)));
        assertThrows(IllegalArgumentException.class, () -> a.setsockopt(SockOpt.SO_BINDTODEVICE, "0123456789abcdef"));
        assertThrows(IllegalArgumentException.class, () -> a.setsockopt(SockOpt.SO_BINDTODEVICE, "l\0o"));
        assertThrows(IllegalArgumentException.class, () -> Socket.adopt(Integer.MIN_VALUE));
    }
}
