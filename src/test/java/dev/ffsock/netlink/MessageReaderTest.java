package dev.ffsock.netlink;

import static dev.ffsock.netlink.Netlink.NLMSG_DONE;
import static dev.ffsock.netlink.Netlink.NLM_F_MULTI;
import static dev.ffsock.netlink.TestBytes.attr;
import static dev.ffsock.netlink.TestBytes.buf;
import static dev.ffsock.netlink.TestBytes.header;
import static dev.ffsock.netlink.TestBytes.seg;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.NoSuchElementException;

import org.junit.jupiter.api.Test;

class MessageReaderTest {

    /** A dump-like buffer: two RTM_NEWLINK-ish messages (16-byte fixed header + attribute) and DONE. */
    private static ByteBuffer dump() {
        ByteBuffer b = buf(256);
        for (int i = 0; i < 2; i++) {
            header(b, 16 + 16 + 8, 16, NLM_F_MULTI, 42, 1234);
            b.put((byte) 0).put((byte) 0).putShort((short) 1).putInt(i + 1).putInt(0).putInt(0);
            attr(b, 8, 4).putInt(1500 + i);
        }
        header(b, 20, NLMSG_DONE, NLM_F_MULTI, 42, 1234).putInt(0);
        return b;
    }

    @Test
    void iteratesADump() {
        ByteBuffer b = dump();
        MessageReader r = new MessageReader(seg(b));
        for (int i = 0; i < 2; i++) {
            assertTrue(r.hasNext());
            NetlinkMessage m = r.next();
            assertEquals(16, m.type());
            assertEquals(NLM_F_MULTI, m.flags());
            assertTrue(m.isMulti());
            assertTrue(m.hasFlags(NLM_F_MULTI));
            assertFalse(m.isControl());
            assertEquals(42, m.seq());
            assertEquals(1234, m.pid());
            assertEquals(40, m.length());
            assertEquals(24, m.payloadLength());
            assertEquals(i * 40, m.offset());
            assertEquals(i + 1, m.payloadHeader(16).get(ValueLayout.JAVA_INT_UNALIGNED, 4));
            Attributes a = m.attributes(16);
            assertTrue(a.next());
            assertEquals(i * 40 + 32, a.offset());
            assertEquals(1500 + i, a.u32());
            assertFalse(a.next());
        }
        NetlinkMessage done = r.next();
        assertTrue(done.isDone());
        assertTrue(done.isControl());
        assertEquals(0, NetlinkError.parseDone(done).error());
        assertFalse(r.hasNext());
        assertEquals(100, r.position());
        assertEquals(0, r.remaining());
        assertThrows(NoSuchElementException.class, r::next);
        assertEquals("NetlinkMessage[type=NLMSG_DONE, flags=0x2, seq=42, pid=1234, len=20]", done.toString());
    }

    @Test
    void lengthArgumentLimitsTheBufferAndResetReuses() {
        ByteBuffer b = dump();
        MemorySegment big = MemorySegment.ofArray(new byte[4096]);
        MemorySegment.copy(seg(b), 0, big, 0, b.position());
        MessageReader r = new MessageReader(big, 40);
        r.next();
        assertFalse(r.hasNext());
        r.reset(big, 100);
        assertEquals(3, count(r));
        assertThrows(IllegalArgumentException.class, () -> r.reset(big, 4097));
        assertThrows(IllegalArgumentException.class, () -> r.reset(big, -1));
        assertFalse(new MessageReader(big, 0).hasNext());
    }

    @Test
    void worksOnNativeMemoryAtAnOddAddress() {
        ByteBuffer b = dump();
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment odd = arena.allocate(b.position() + 3).asSlice(3);
            MemorySegment.copy(seg(b), 0, odd, 0, b.position());
            List<NetlinkMessage> all = MessageReader.readAll(odd);
            assertEquals(3, all.size());
            Attributes a = all.get(1).attributes(16);
            assertTrue(a.next());
            assertEquals(1501, a.u32());
        }
    }

    private static int count(MessageReader r) {
        int n = 0;
        while (r.hasNext()) {
            r.next();
            n++;
        }
        return n;
    }

    private static NetlinkFormatException malformed(MemorySegment s) {
        MessageReader r = new MessageReader(s);
        return assertThrows(NetlinkFormatException.class, () -> count(r));
    }

    @Test
    void truncatedHeader() {
        NetlinkFormatException e = malformed(seg(new byte[15]));
        assertEquals("truncated netlink message header: 15 bytes left, a header needs 16 (at offset 0)", e.getMessage());
        assertThrows(NetlinkFormatException.class, () -> NetlinkMessage.parse(seg(new byte[3])));
    }

    @Test
    void nlmsgLenZero() {
        ByteBuffer b = buf(64);
        header(b, 16, 16, 0, 0, 0);
        header(b, 0, 16, 0, 0, 0);
        NetlinkFormatException e = malformed(seg(b));
        assertEquals("nlmsg_len 0 is shorter than the 16-byte header (at offset 16)", e.getMessage());
        assertEquals(16, e.offset());
    }

    @Test
    void nlmsgLenShorterThanHeader() {
        ByteBuffer b = buf(16);
        header(b, 15, 16, 0, 0, 0);
        assertEquals(0, malformed(seg(b)).offset());
    }

    @Test
    void nlmsgLenLargerThanBuffer() {
        ByteBuffer b = buf(64);
        header(b, 20, 16, 0, 0, 0).putInt(0);
        header(b, 64, 16, 0, 0, 0).putInt(0);
        NetlinkFormatException e = malformed(seg(b));
        assertEquals("nlmsg_len 64 exceeds the 20 bytes remaining (at offset 20)", e.getMessage());
        // and a length above 2^31 (negative as an int) is handled as unsigned
        ByteBuffer c = buf(16);
        header(c, 0xfffffff0, 16, 0, 0, 0);
        assertEquals("nlmsg_len 4294967280 exceeds the 16 bytes remaining (at offset 0)", malformed(seg(c)).getMessage());
    }

    @Test
    void misalignedLengthSkipsPadding() {
        ByteBuffer b = buf(64);
        header(b, 17, 16, 0, 1, 0).put((byte) 7).put(new byte[3]); // 17 bytes + 3 padding
        header(b, 16, 17, 0, 2, 0);
        MessageReader r = new MessageReader(seg(b));
        NetlinkMessage m = r.next();
        assertEquals(17, m.length());
        assertEquals(1, m.payloadLength());
        assertEquals(20, r.position());
        assertEquals(17, r.next().type());
        assertFalse(r.hasNext());
    }

    @Test
    void lastMessageMayLackItsPadding() {
        ByteBuffer b = buf(64);
        header(b, 16, 16, 0, 1, 0);
        header(b, 18, 17, 0, 2, 0).putShort((short) 5); // ends 2 bytes short of alignment
        MessageReader r = new MessageReader(seg(b));
        r.next();
        NetlinkMessage m = r.next();
        assertEquals(2, m.payloadLength());
        assertFalse(r.hasNext());
    }

    @Test
    void trailingGarbageAfterTheLastMessage() {
        ByteBuffer b = buf(64);
        header(b, 16, 16, 0, 1, 0).putInt(0);
        NetlinkFormatException e = malformed(seg(b));
        assertEquals("truncated netlink message header: 4 bytes left, a header needs 16 (at offset 16)", e.getMessage());
    }

    @Test
    void readerDoesNotAdvancePastAnError() {
        ByteBuffer b = buf(32);
        header(b, 16, 16, 0, 1, 0);
        header(b, 3, 16, 0, 1, 0);
        MessageReader r = new MessageReader(seg(b));
        r.next();
        assertThrows(NetlinkFormatException.class, r::next);
        assertEquals(16, r.position());
        assertTrue(r.hasNext());
        assertThrows(NetlinkFormatException.class, r::next);
    }

    @Test
    void fixedHeaderLongerThanPayload() {
        ByteBuffer b = buf(32);
        header(b, 24, 16, 0, 1, 0).putLong(0);
        NetlinkMessage m = NetlinkMessage.parse(seg(b));
        assertEquals(8, m.payloadHeader(8).byteSize());
        NetlinkFormatException e = assertThrows(NetlinkFormatException.class, () -> m.payloadHeader(16));
        assertEquals("message type 16 has a 8-byte payload, too short for its 16-byte fixed header (at offset 16)",
                e.getMessage());
        assertThrows(NetlinkFormatException.class, () -> m.attributes(9));
        assertThrows(IllegalArgumentException.class, () -> m.attributes(-1));
        assertFalse(m.attributes(8).next());
    }

    @Test
    void attributesAfterAnUnalignedFixedHeader() {
        ByteBuffer b = buf(32);
        header(b, 28, 16, 0, 1, 0).put((byte) 2).put(new byte[3]); // rtgenmsg + padding
        attr(b, 8, 1).putInt(77);
        NetlinkMessage m = NetlinkMessage.parse(seg(b));
        Attributes a = m.attributes(1);
        assertTrue(a.next());
        assertEquals(77, a.u32());
        // a payload that ends inside the header's padding has no attributes
        ByteBuffer c = buf(32);
        header(c, 18, 16, 0, 1, 0).putShort((short) 0);
        assertFalse(NetlinkMessage.parse(seg(c)).attributes(1).next());
    }

    @Test
    void parseIgnoresBytesAfterTheMessage() {
        ByteBuffer b = dump();
        NetlinkMessage m = NetlinkMessage.parse(seg(b));
        assertEquals(40, m.segment().byteSize());
        assertEquals(24, m.payload().byteSize());
        assertThrows(IllegalStateException.class, m::error);
    }
}
