package dev.ffsock.netlink;

import static dev.ffsock.netlink.Netlink.NLA_F_NESTED;
import static dev.ffsock.netlink.Netlink.NLA_F_NET_BYTEORDER;
import static dev.ffsock.netlink.TestBytes.attr;
import static dev.ffsock.netlink.TestBytes.buf;
import static dev.ffsock.netlink.TestBytes.seg;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;

class AttributesTest {

    /** Builds one message with {@code body} writing attributes, and returns a cursor over them. */
    private static Attributes roundTrip(Consumer<MessageBuilder> body) {
        MessageBuilder b = new MessageBuilder();
        b.begin(0x10, 0);
        body.accept(b);
        b.end();
        // copy to the heap: the parse must not depend on native or aligned memory
        MemorySegment copy = MemorySegment.ofArray(TestBytes.bytes(b.segment()));
        b.close();
        return NetlinkMessage.parse(copy).attributes(0);
    }

    @Test
    void everyKindRoundTrips() throws Exception {
        InetAddress v4 = InetAddress.getByName("192.0.2.1");
        InetAddress v6 = InetAddress.getByName("2001:db8::1");
        byte[] mapped = new byte[16];
        mapped[10] = (byte) 0xff;
        mapped[11] = (byte) 0xff;
        mapped[12] = 10;
        mapped[15] = 1;
        Attributes a = roundTrip(b -> b
                .attrU8(1, 200)
                .attrU16(2, 0xfedc)
                .attrU32(3, 0xdeadbeef)
                .attrU64(4, 0x0123456789abcdefL)
                .attrBE16(5, 443)
                .attrBE32(6, 0xc0000201)
                .attrString(7, "eth0")
                .attrString(8, "")
                .attrString(9, "grüße")
                .attrBytes(10, new byte[] {1, 2, 3})
                .attrFlag(11)
                .attrInetAddress(12, v4)
                .attrInetAddress(13, v6)
                .attrBytes(14, mapped)
                .attrU8(15, -1)
                .attrU16(16, -2)
                .attrU32(17, -3)
                .attrU64(18, -4));
        assertTrue(a.next());
        assertEquals(1, a.type());
        assertEquals(1, a.length());
        assertEquals(200, a.u8());
        assertEquals((byte) 200, a.s8());
        assertTrue(a.next());
        assertEquals(0xfedc, a.u16());
        assertTrue(a.next());
        assertEquals(0xdeadbeef, a.u32());
        assertEquals(0xdeadbeef, a.s32());
        assertEquals(0xdeadbeefL, a.uint());
        assertEquals((long) 0xdeadbeef, a.sint());
        assertTrue(a.next());
        assertEquals(0x0123456789abcdefL, a.u64());
        assertEquals(0x0123456789abcdefL, a.uint());
        assertTrue(a.next());
        assertEquals(443, a.be16());
        assertTrue(a.next());
        assertEquals(0xc0000201, a.be32());
        assertTrue(a.next());
        assertEquals("eth0", a.string());
        assertEquals(5, a.length(), "NUL included");
        assertTrue(a.next());
        assertEquals("", a.string());
        assertTrue(a.next());
        assertEquals("grüße", a.string());
        assertTrue(a.next());
        assertArrayEquals(new byte[] {1, 2, 3}, a.bytes());
        assertEquals(3, a.segment().byteSize());
        assertTrue(a.next());
        assertEquals(11, a.type());
        assertTrue(a.flag());
        assertTrue(a.next());
        assertEquals(v4, a.inetAddress());
        assertInstanceOf(Inet4Address.class, a.inetAddress());
        assertTrue(a.next());
        assertEquals(v6, a.inetAddress());
        assertTrue(a.next());
        assertInstanceOf(Inet6Address.class, a.inetAddress(), "IPv4-mapped stays IPv6");
        assertArrayEquals(mapped, a.inetAddress().getAddress());
        assertTrue(a.next());
        assertEquals(-1, a.s8());
        assertTrue(a.next());
        assertEquals(-2, a.s16());
        assertTrue(a.next());
        assertEquals(-3, a.s32());
        assertEquals(-3L, a.sint());
        assertTrue(a.next());
        assertEquals(-4L, a.s64());
        assertEquals(-4L, a.sint());
        assertFalse(a.next());
        assertFalse(a.next(), "stays at the end");
    }

    @Test
    void oddLengthsAreAlignedAndReadBack() {
        Attributes a = roundTrip(b -> {
            for (int len = 0; len <= 9; len++) {
                byte[] v = new byte[len];
                for (int i = 0; i < len; i++) {
                    v[i] = (byte) (len * 16 + i);
                }
                b.attrBytes(len + 1, v);
                b.attrU8(100 + len, len); // follows each odd-length value: must start aligned
            }
        });
        for (int len = 0; len <= 9; len++) {
            assertTrue(a.next());
            assertEquals(len + 1, a.type());
            assertEquals(len, a.length());
            assertEquals(0, (a.offset() - 16) % 4, "attribute offset aligned");
            byte[] v = a.bytes();
            for (int i = 0; i < len; i++) {
                assertEquals((byte) (len * 16 + i), v[i]);
            }
            assertTrue(a.next());
            assertEquals(100 + len, a.type());
            assertEquals(len, a.u8());
        }
        assertFalse(a.next());
    }

    @Test
    void nestingThreeDeep() {
        Attributes a = roundTrip(b -> {
            int l1 = b.beginNested(1);
            b.attrU32(10, 1);
            int l2 = b.beginNested(2);
            b.attrString(20, "two");
            int l3 = b.beginNested(3);
            b.attrU64(30, 3);
            b.attrFlag(31);
            b.endNested(l3);
            b.attrU8(21, 2);
            b.endNested(l2);
            b.endNested(l1);
            b.attrU16(4, 4);
        });
        assertTrue(a.next());
        assertEquals(1, a.type());
        assertTrue(a.isNested());
        assertEquals(1 | NLA_F_NESTED, a.rawType());
        Attributes n1 = a.nested();
        assertTrue(n1.next());
        assertEquals(1, n1.u32());
        assertTrue(n1.next());
        assertEquals(2, n1.type());
        Attributes n2 = n1.nested();
        assertTrue(n2.next());
        assertEquals("two", n2.string());
        assertTrue(n2.next());
        assertEquals(3, n2.type());
        Attributes n3 = n2.nested();
        assertTrue(n3.next());
        assertEquals(3L, n3.u64());
        assertTrue(n3.next());
        assertTrue(n3.flag());
        assertFalse(n3.next());
        assertTrue(n2.next());
        assertEquals(2, n2.u8());
        assertFalse(n2.next());
        assertFalse(n1.next());
        assertTrue(a.next());
        assertEquals(4, a.u16());
        assertFalse(a.isNested());
        assertFalse(a.next());
        // find() and rewind()
        assertTrue(a.find(4));
        assertEquals(4, a.u16());
        assertFalse(a.find(99));
        assertThrows(IllegalStateException.class, a::type);
        a.rewind();
        assertTrue(a.next());
        assertEquals(1, a.type());
    }

    @Test
    void netByteOrderFlagIsHonouredByIntegerGetters() {
        ByteOrder host = ByteOrder.nativeOrder();
        ByteBuffer b = buf(64); // headers host order, values big-endian
        attr(b, 6, 1 | NLA_F_NET_BYTEORDER).order(ByteOrder.BIG_ENDIAN).putShort((short) 0x1234).putShort((short) 0);
        attr(b.order(host), 8, 2 | NLA_F_NET_BYTEORDER).order(ByteOrder.BIG_ENDIAN).putInt(0x01020304);
        attr(b.order(host), 12, 3 | NLA_F_NET_BYTEORDER).order(ByteOrder.BIG_ENDIAN).putLong(0x0102030405060708L);
        Attributes a = Attributes.of(seg(b));
        assertTrue(a.next());
        assertEquals(1, a.type());
        assertTrue(a.isNetByteOrder());
        assertFalse(a.isNested());
        assertEquals(1 | NLA_F_NET_BYTEORDER, a.rawType());
        assertEquals(0x1234, a.u16());
        assertEquals(0x1234, a.be16());
        assertTrue(a.next());
        assertEquals(0x01020304, a.u32());
        assertEquals(0x01020304L, a.uint());
        assertTrue(a.next());
        assertEquals(0x0102030405060708L, a.u64());
        assertEquals(0x0102030405060708L, a.be64());
        assertFalse(a.next());
    }

    @Test
    void hostOrderWithoutTheFlag() {
        ByteBuffer b = buf(16);
        attr(b, 8, 1).putInt(0x01020304);
        Attributes a = Attributes.of(seg(b));
        assertTrue(a.next());
        assertFalse(a.isNetByteOrder());
        assertEquals(0x01020304, a.u32());
        int expectedBe = ByteOrder.nativeOrder() == ByteOrder.BIG_ENDIAN ? 0x01020304 : Integer.reverseBytes(0x01020304);
        assertEquals(expectedBe, a.be32());
    }

    @Test
    void stringsWithoutOrWithEarlyNul() {
        ByteBuffer b = buf(32);
        attr(b, 7, 1).put(new byte[] {'a', 'b', 'c', 0}); // "abc", no NUL, padded
        attr(b, 9, 2).put(new byte[] {'x', 0, 'y', 0, 0, 0, 0, 0}); // NUL inside
        attr(b, 4, 3); // empty value
        Attributes a = Attributes.of(seg(b));
        assertTrue(a.next());
        assertEquals("abc", a.string());
        assertTrue(a.next());
        assertEquals("x", a.string());
        assertTrue(a.next());
        assertEquals("", a.string());
        assertFalse(a.next());
    }

    @Test
    void lastAttributeMayLackPadding() {
        ByteBuffer b = buf(16);
        attr(b, 5, 1).put((byte) 42);
        Attributes a = Attributes.of(seg(b)); // 5 bytes, not 8
        assertTrue(a.next());
        assertEquals(42, a.u8());
        assertFalse(a.next());
    }

    @Test
    void exactLengthsAreDemanded() {
        Attributes a = roundTrip(b -> b.attrU32(7, 1).attrBytes(8, new byte[3]).attrFlag(9).attrU64(10, 1));
        assertTrue(a.next());
        NetlinkFormatException e = assertThrows(NetlinkFormatException.class, a::u64);
        assertEquals("attribute type 7 has a 4-byte value, a 64-bit integer needs 8 (at offset 16)", e.getMessage());
        assertEquals(16, e.offset());
        assertThrows(NetlinkFormatException.class, a::u8);
        assertThrows(NetlinkFormatException.class, a::s8);
        assertThrows(NetlinkFormatException.class, a::u16);
        assertThrows(NetlinkFormatException.class, a::s16);
        assertThrows(NetlinkFormatException.class, a::be16);
        assertThrows(NetlinkFormatException.class, a::be64);
        assertThrows(NetlinkFormatException.class, a::flag);
        assertEquals(4, a.inetAddress().getAddress().length, "4 bytes are also an IPv4 address");
        assertEquals(1, a.u32(), "a failed getter leaves the cursor usable");
        assertTrue(a.next());
        assertThrows(NetlinkFormatException.class, a::u32);
        assertThrows(NetlinkFormatException.class, a::s32);
        assertThrows(NetlinkFormatException.class, a::be32);
        assertThrows(NetlinkFormatException.class, a::uint);
        assertThrows(NetlinkFormatException.class, a::sint);
        assertEquals(3, a.bytes().length);
        assertTrue(a.next());
        assertThrows(NetlinkFormatException.class, a::u8);
        assertThrows(NetlinkFormatException.class, a::u32);
        assertTrue(a.next());
        assertThrows(NetlinkFormatException.class, a::s32);
        assertThrows(NetlinkFormatException.class, a::inetAddress);
        assertFalse(a.next());
    }

    @Test
    void gettersWithoutCurrentAttributeAreIllegalState() {
        Attributes a = Attributes.of(MemorySegment.ofArray(new byte[0]));
        assertThrows(IllegalStateException.class, a::type);
        assertThrows(IllegalStateException.class, a::u32);
        assertThrows(IllegalStateException.class, a::string);
        assertThrows(IllegalStateException.class, a::nested);
        assertFalse(a.next());
        assertThrows(IllegalStateException.class, a::length);
    }

    private static NetlinkFormatException malformed(ByteBuffer b) {
        Attributes a = Attributes.of(seg(b), 100);
        return assertThrows(NetlinkFormatException.class, () -> {
            while (a.next()) {
                a.type();
            }
        });
    }

    @Test
    void nlaLenZero() {
        ByteBuffer b = buf(16);
        attr(b, 8, 1).putInt(1);
        attr(b, 0, 2).putInt(0);
        NetlinkFormatException e = malformed(b);
        assertEquals("nla_len 0 of attribute type 2 is shorter than the 4-byte header (at offset 108)", e.getMessage());
        assertEquals(108, e.offset());
    }

    @Test
    void nlaLenTwo() {
        ByteBuffer b = buf(8);
        attr(b, 2, 1).putInt(0);
        assertEquals(100, malformed(b).offset());
    }

    @Test
    void nlaLenLargerThanRemaining() {
        ByteBuffer b = buf(16);
        attr(b, 8, 1).putInt(1);
        attr(b, 12, 2).putInt(0);
        NetlinkFormatException e = malformed(b);
        assertEquals("nla_len 12 of attribute type 2 exceeds the 8 bytes remaining (at offset 108)", e.getMessage());
    }

    @Test
    void trailingBytesShorterThanAHeader() {
        ByteBuffer b = buf(16);
        attr(b, 8, 1).putInt(1);
        b.put((byte) 0).put((byte) 0);
        NetlinkFormatException e = malformed(b);
        assertEquals("2 trailing bytes, too short for a 4-byte attribute header (at offset 108)", e.getMessage());
    }

    @Test
    void nestedAttributeOverflowingItsParent() {
        ByteBuffer b = buf(32);
        attr(b, 12, 1 | NLA_F_NESTED); // parent value: 8 bytes
        attr(b, 16, 2).putInt(7); // child claims 16 bytes: past the parent's end, inside the buffer
        attr(b, 8, 3).putInt(9);
        Attributes a = Attributes.of(seg(b));
        assertTrue(a.next());
        Attributes child = a.nested();
        NetlinkFormatException e = assertThrows(NetlinkFormatException.class, child::next);
        assertEquals("nla_len 16 of attribute type 2 exceeds the 8 bytes remaining (at offset 4)", e.getMessage());
        assertTrue(a.next(), "the parent run is intact");
        assertEquals(9, a.u32());
    }

    @Test
    void inetAddressLengthsAreChecked() {
        Attributes a = roundTrip(b -> b.attrBytes(1, new byte[5]));
        assertTrue(a.next());
        NetlinkFormatException e = assertThrows(NetlinkFormatException.class, a::inetAddress);
        assertTrue(e.getMessage().contains("IP address needs 4 or 16"), e.getMessage());
    }

    @Test
    void segmentIsAViewNotACopy() {
        byte[] raw = new byte[8];
        ByteBuffer.wrap(raw).order(ByteOrder.nativeOrder()).putShort((short) 8).putShort((short) 1).putInt(5);
        Attributes a = Attributes.of(MemorySegment.ofArray(raw));
        assertTrue(a.next());
        MemorySegment v = a.segment();
        raw[4] = 6;
        raw[5] = 0;
        raw[6] = 0;
        raw[7] = 0;
        assertEquals(ByteOrder.nativeOrder() == ByteOrder.LITTLE_ENDIAN ? 6 : 6 << 24,
                v.get(ValueLayout.JAVA_INT_UNALIGNED, 0));
    }
}
