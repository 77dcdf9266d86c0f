package dev.ffsock;

import org.junit.jupiter.api.Test;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** sendmsg/recvmsg: scatter/gather, addresses, flags out, heap buffers, argument checks. */
class MessageTest {

    private static MemorySegment text(Arena a, String s) {
        byte[] b = s.getBytes(StandardCharsets.US_ASCII);
        MemorySegment m = a.allocate(b.length);
        m.copyFrom(MemorySegment.ofArray(b));
        return m;
    }

    private static String str(MemorySegment m, long n) {
        return new String(m.asSlice(0, n).toArray(ValueLayout.JAVA_BYTE), StandardCharsets.US_ASCII);
    }

    /** Parts of segments as buffers, native and heap, gathered and scattered in place. */
    @Test
    void partsOfSegmentsAreBuffersWithoutSlices() throws Exception {
        Socket[] p = Socket.socketpair(Domain.AF_UNIX, Type.SEQPACKET);
        try (Arena a = Arena.ofConfined(); Message out = new Message(3, 0); Message in = new Message(3, 0)) {
            MemorySegment src = text(a, "xxhelloyy");
            byte[] heapSrc = "__world__".getBytes(StandardCharsets.US_ASCII);
            out.addBuffer(src, 2, 5).addBuffer(MemorySegment.ofArray(heapSrc), 2, 5);
            assertEquals(10, out.capacity());
            assertEquals("hello", str(out.buffer(0), 5));
            assertEquals(5, out.buffer(1).byteSize());
            assertEquals(10, p[0].sendmsg(out, 0));

            MemorySegment dst = a.allocate(16).fill((byte) '.');
            byte[] heapDst = "..........".getBytes(StandardCharsets.US_ASCII);
            in.addBuffer(dst, 4, 3).addBuffer(MemorySegment.ofArray(heapDst), 1, 7);
            assertEquals(10, p[1].recvmsg(in, 0));
            assertEquals("....hel.........", str(dst, 16));
            assertEquals(".loworld..", new String(heapDst, StandardCharsets.US_ASCII));

            assertThrows(IndexOutOfBoundsException.class, () -> in.addBuffer(dst, 10, 7));
            assertThrows(IndexOutOfBoundsException.class, () -> in.addBuffer(dst, -1, 2));
            assertThrows(IndexOutOfBoundsException.class, () -> in.addBuffer(dst, 2, -1));
            assertEquals(2, in.bufferCount(), "a refused part is not added");
        } finally {
            p[0].close();
            p[1].close();
        }
    }

    @Test
    void gatherOnSendScatterOnReceive() throws Exception {
        Socket[] p = Socket.socketpair(Domain.AF_UNIX, Type.SEQPACKET);
        try (Arena a = Arena.ofConfined(); Message out = new Message(3, 0); Message in = new Message(3, 0)) {
            out.buffers(text(a, "hello"), text(a, ", "), text(a, "world"));
            assertEquals(12, p[0].sendmsg(out, 0));
            assertEquals(12, out.length());
            MemorySegment b1 = a.allocate(3), b2 = a.allocate(4), b3 = a.allocate(10);
            in.buffers(b1, b2, b3);
            assertEquals(12, p[1].recvmsg(in, 0));
            assertEquals("hel", str(b1, 3));
            assertEquals("lo, ", str(b2, 4));
            assertEquals("world", str(b3, 5));
            assertFalse(in.truncated());
            // Input-only flags (MSG_CMSG_CLOEXEC, which ffsock always passes) are not reported back.
            assertEquals(0, in.flags(), "flags 0x" + Integer.toHexString(in.flags()));
            assertFalse(in.controlTruncated());
        } finally {
            p[0].close();
            p[1].close();
        }
    }

    @Test
    void heapBuffersBlockingAndNonBlocking() throws Exception {
        Socket[] p = Socket.socketpair(Domain.AF_UNIX, Type.DGRAM);
        try (Arena a = Arena.ofConfined(); Message out = new Message(4, 0); Message in = new Message(4, 0)) {
            byte[] h1 = "abc".getBytes(StandardCharsets.US_ASCII);
            out.buffers(MemorySegment.ofArray(h1), text(a, "DEF"), MemorySegment.ofArray("gh".getBytes(StandardCharsets.US_ASCII)));
            assertEquals(8, p[0].sendmsg(out, 0));
            assertEquals(8, p[0].sendmsg(out, Msg.MSG_DONTWAIT));
            for (int flags : new int[] {0, Msg.MSG_DONTWAIT}) {
                byte[] r1 = new byte[2];
                MemorySegment r2 = a.allocate(3);
                byte[] r3 = new byte[10];
                in.buffers(MemorySegment.ofArray(r1), r2, MemorySegment.ofArray(r3));
                assertEquals(8, p[1].recvmsg(in, flags));
                assertEquals("ab", new String(r1, StandardCharsets.US_ASCII));
                assertEquals("cDE", str(r2, 3));
                assertEquals("Fgh", new String(r3, 0, 3, StandardCharsets.US_ASCII));
                assertEquals(0, r3[3]);
            }
            in.buffers(MemorySegment.ofArray(new byte[4]));
            assertEquals(Socket.WOULD_BLOCK, p[1].recvmsg(in, Msg.MSG_DONTWAIT));
            assertEquals(-1, in.length());
        } finally {
            p[0].close();
            p[1].close();
        }
    }

    @Test
    void truncatedDatagramReportsMsgTrunc() throws Exception {
        try (Socket rx = Socket.open(Domain.AF_INET, Type.DGRAM); Socket tx = Socket.open(Domain.AF_INET, Type.DGRAM);
             Arena a = Arena.ofConfined(); Message out = new Message(1, 0); Message in = new Message(2, 0)) {
            rx.bind(SockAddrIn.loopback(0));
            out.address(rx.getsockname()).addBuffer(text(a, "0123456789"));
            assertEquals(10, tx.sendmsg(out, 0));
            in.buffers(a.allocate(2), a.allocate(2));
            assertEquals(4, rx.recvmsg(in, 0));
            assertTrue(in.truncated());
            assertEquals(SockAddr.parse("127.0.0.1:" + ((SockAddrIn) tx.getsockname()).port()), in.address().get());
            // With MSG_TRUNC in the flags the real length comes back.
            assertEquals(10, tx.sendmsg(out, 0));
            assertEquals(10, rx.recvmsg(in, Msg.MSG_TRUNC));
            assertTrue(in.truncated());
            assertEquals("0123", str(in.buffer(0), 2) + str(in.buffer(1), 2));
        }
    }

    @Test
    void replyToSourceWithSameMessage() throws Exception {
        try (Socket server = Socket.open(Domain.AF_INET6, Type.DGRAM); Socket client = Socket.open(Domain.AF_INET6, Type.DGRAM);
             Arena a = Arena.ofConfined(); Message m = new Message(1, 0)) {
            server.bind(SockAddrIn6.loopback(0));
            client.bind(SockAddrIn6.loopback(0));
            MemorySegment buf = a.allocate(64);
            client.sendto(text(a, "ping"), 0, server.getsockname());
            m.addBuffer(buf);
            assertEquals(4, server.recvmsg(m, 0));
            assertEquals(client.getsockname(), m.address().get());
            m.clearBuffers().addBuffer(text(a, "pong"));
            assertEquals(4, server.sendmsg(m, 0));
            MemorySegment r = a.allocate(16);
            assertEquals(4, client.recv(r));
            assertEquals("pong", str(r, 4));
        }
    }

    @Test
    void streamEndAndEmptyMessage() throws Exception {
        Socket[] p = Socket.socketpair(Domain.AF_UNIX, Type.STREAM);
        try (Arena a = Arena.ofConfined(); Message m = new Message(1, 0)) {
            p[0].shutdown(Shutdown.WRITE);
            m.addBuffer(a.allocate(8));
            assertEquals(0, p[1].recvmsg(m, 0));
            assertEquals(0, m.address().length());
        } finally {
            p[0].close();
            p[1].close();
        }
    }

    @Test
    void argumentChecks() throws Exception {
        try (Message m = new Message(2, 24); Arena a = Arena.ofConfined()) {
            assertThrows(IllegalArgumentException.class, () -> new Message(0, 0));
            assertThrows(IllegalArgumentException.class, () -> new Message(2, -1));
            assertThrows(IllegalArgumentException.class, () -> m.buffers(a.allocate(1), a.allocate(1), a.allocate(1)));
            m.addBuffer(a.allocate(1)).addBuffer(a.allocate(1));
            assertThrows(IllegalStateException.class, () -> m.addBuffer(a.allocate(1)));
            assertEquals(16, Message.space(0));
            assertEquals(24, Message.space(4));
            assertEquals(24, Message.space(8));
            assertEquals(32, Message.space(9));
            assertEquals(24, m.controlCapacity());
            m.addFds(0);
            assertThrows(IllegalStateException.class, () -> m.addFds(1)); // control area full
            assertThrows(IllegalArgumentException.class, () -> m.addUdpSegment(0));
            Socket[] p = Socket.socketpair(Domain.AF_UNIX, Type.DGRAM);
            try {
                m.buffers(MemorySegment.ofArray(new byte[1]).asReadOnly());
                assertThrows(IllegalArgumentException.class, () -> p[0].recvmsg(m, Msg.MSG_DONTWAIT));
                Arena closed = Arena.ofConfined();
                m.buffers(closed.allocate(4));
                closed.close();
                assertThrows(IllegalStateException.class, () -> p[0].sendmsg(m, 0));
                m.close();
                assertThrows(IllegalStateException.class, () -> p[0].sendmsg(m, 0));
                p[0].close();
                try (Message m2 = new Message(1, 0)) {
                    assertThrows(SocketClosedException.class, () -> p[0].sendmsg(m2, 0));
                }
            } finally {
                p[0].close();
                p[1].close();
            }
        }
    }

    @Test
    void closeWakesBlockedRecvmsg() throws Exception {
        Socket[] p = Socket.socketpair(Domain.AF_UNIX, Type.DGRAM);
        try (Message m = new Message(1, 0)) {
            m.addBuffer(Arena.ofAuto().allocate(16));
            Thread closer = Thread.ofPlatform().start(() -> {
                try {
                    Thread.sleep(200);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                p[1].close();
            });
            assertThrows(SocketClosedException.class, () -> p[1].recvmsg(m, 0));
            closer.join(5000);
        } finally {
            p[0].close();
        }
    }

    @Test
    void messageToString() {
        try (Message m = new Message(1, 0)) {
            assertTrue(m.toString().startsWith("Message[buffers=0/1"), m.toString());
        }
        assertArrayEquals(new byte[] {1}, new ControlMessage(1, 2, new byte[] {1}).data());
    }
}
