package dev.ffsock.netlink;

import static dev.ffsock.netlink.Netlink.NLA_F_NESTED;
import static dev.ffsock.netlink.Netlink.NLM_F_ACK;
import static dev.ffsock.netlink.Netlink.NLM_F_DUMP;
import static dev.ffsock.netlink.Netlink.NLM_F_REQUEST;
import static dev.ffsock.netlink.TestBytes.bytes;
import static dev.ffsock.netlink.TestBytes.hex;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.foreign.MemorySegment;
import java.nio.ByteOrder;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;

class MessageBuilderTest {
    static final int RTM_GETLINK = 18;
    static final int IFLA_EXT_MASK = 29;
    static final int RTEXT_FILTER_VF = 1;

    private static void assumeLittleEndian() {
        assumeTrue(ByteOrder.nativeOrder() == ByteOrder.LITTLE_ENDIAN, "golden bytes are little-endian");
    }

    @Test
    void goldenGetlinkDumpRequest() {
        assumeLittleEndian();
        try (MessageBuilder b = new MessageBuilder()) {
            int start = b.begin(RTM_GETLINK, NLM_F_REQUEST | NLM_F_DUMP);
            b.putU8(0).putZeros(15); // struct ifinfomsg, ifi_family = AF_UNSPEC
            assertEquals(32, b.end());
            b.setSeq(1);
            assertEquals(0, start);
            // nlmsg_len=32, type=18, flags=0x301, seq=1, pid=0, then 16 zero bytes
            assertEquals("20000000" + "1200" + "0103" + "01000000" + "00000000" + "00".repeat(16),
                    hex(b.segment()));
        }
    }

    @Test
    void goldenGetlinkDumpRequestWithExtMask() {
        assumeLittleEndian();
        try (MessageBuilder b = new MessageBuilder()) {
            b.begin(RTM_GETLINK, NLM_F_REQUEST | NLM_F_DUMP);
            b.putU8(0).putZeros(15);
            b.attrU32(IFLA_EXT_MASK, RTEXT_FILTER_VF);
            assertEquals(40, b.end());
            b.setSeq(0x01020304).setPid(0x0a0b0c0d);
            assertEquals("28000000" + "1200" + "0103" + "04030201" + "0d0c0b0a" + "00".repeat(16)
                    + "0800" + "1d00" + "01000000", hex(b.segment()));
        }
    }

    @Test
    void goldenAlignmentAndNesting() {
        assumeLittleEndian();
        try (MessageBuilder b = new MessageBuilder()) {
            b.begin(0x10, NLM_F_REQUEST | NLM_F_ACK);
            b.putU8(7); // a 1-byte fixed header (like rtgenmsg): padded before the first attribute
            b.attrU8(1, 0xab); // len 5, padded to 8
            int n = b.beginNested(2);
            b.attrString(3, "ab"); // len 7, padded to 8
            b.endNested(n);
            b.attrFlag(4);
            b.end();
            assertEquals("2c000000" + "1000" + "0500" + "00000000" + "00000000"
                    + "07000000"
                    + "0500" + "0100" + "ab000000"
                    + "0c00" + "0280" + "0700" + "0300" + "61620000"
                    + "0400" + "0400", hex(b.segment()));
        }
    }

    @Test
    void batchOfMessagesWithSeqByOffset() {
        try (MessageBuilder b = new MessageBuilder()) {
            int m1 = b.begin(0x20, NLM_F_REQUEST);
            b.attrString(1, "x");
            b.end();
            int m2 = b.begin(0x21, NLM_F_REQUEST | NLM_F_ACK);
            b.putU32(5);
            b.end();
            b.setSeq(m1, 100).setSeq(m2, 101).setPid(m1, 7);
            List<NetlinkMessage> msgs = MessageReader.readAll(b.segment());
            assertEquals(2, msgs.size());
            assertEquals(0x20, msgs.get(0).type());
            assertEquals(100, msgs.get(0).seq());
            assertEquals(7, msgs.get(0).pid());
            assertEquals(m2, msgs.get(1).offset());
            assertEquals(101, msgs.get(1).seq());
            assertEquals(NLM_F_REQUEST | NLM_F_ACK, msgs.get(1).flags());
            assertEquals(5, msgs.get(1).payloadHeader(4).get(java.lang.foreign.ValueLayout.JAVA_INT_UNALIGNED, 0));
            assertThrows(IllegalArgumentException.class, () -> b.setSeq(m2 + 2, 1));
            assertThrows(IllegalArgumentException.class, () -> b.setSeq(b.size(), 1));
        }
    }

    @Test
    void resetReusesMemoryAndGrowthKeepsContent() {
        try (MessageBuilder b = new MessageBuilder(16, false)) {
            byte[] first = null;
            long capacity = 0;
            for (int round = 0; round < 3; round++) {
                b.reset();
                b.begin(0x30, NLM_F_REQUEST);
                for (int i = 0; i < 100; i++) {
                    b.attrU64(i, i * 0x0101010101L);
                }
                b.end();
                byte[] now = bytes(b.segment());
                if (round == 0) {
                    first = now;
                    capacity = b.capacity();
                    assertTrue(capacity >= 16 + 100 * 12);
                } else {
                    assertArrayEquals(first, now);
                    assertEquals(capacity, b.capacity(), "no growth after warm-up");
                }
            }
            Attributes a = NetlinkMessage.parse(b.segment()).attributes(0);
            for (int i = 0; i < 100; i++) {
                assertTrue(a.next());
                assertEquals(i, a.type());
                assertEquals(i * 0x0101010101L, a.u64());
            }
            assertFalse(a.next());
        }
    }

    @Test
    void paddingIsZeroedWhenMemoryIsReused() {
        try (MessageBuilder b = new MessageBuilder(64, false)) {
            b.begin(0x30, 0);
            b.putBytes(HexFormat.of().parseHex("ffffffffffffffffffffffffffffffff"));
            b.end();
            b.reset();
            b.begin(0x30, 0);
            b.attrU8(1, 1);
            b.putU8(9); // raw byte after the attribute's padding
            b.end();
            assertEquals("0500010001000000" + "09000000", hex(b.segment()).substring(32));
        }
    }

    @Test
    void attributeTypeAndLengthLimits() {
        try (MessageBuilder b = new MessageBuilder()) {
            b.begin(0x10, 0);
            assertThrows(IllegalArgumentException.class, () -> b.attrU32(0x4000, 1));
            assertThrows(IllegalArgumentException.class, () -> b.attrU32(-1, 1));
            assertThrows(IllegalArgumentException.class, () -> b.attrFlag(NLA_F_NESTED | 1));
            assertThrows(IllegalArgumentException.class, () -> b.beginNested(0x4000));
            assertThrows(IllegalArgumentException.class, () -> b.attrBytes(1, new byte[65532]));
            assertThrows(IllegalArgumentException.class, () -> b.attrString(1, "a".repeat(65531)));
            assertThrows(IllegalArgumentException.class, () -> b.attrString(1, "a\0b"));
            assertThrows(IllegalArgumentException.class, () -> b.attrU8(1, 256));
            assertThrows(IllegalArgumentException.class, () -> b.attrU8(1, -129));
            assertThrows(IllegalArgumentException.class, () -> b.attrU16(1, 65536));
            assertThrows(IllegalArgumentException.class, () -> b.putU16(-32769));
            assertThrows(IllegalArgumentException.class, () -> b.putZeros(-1));
            int before = b.size();
            b.attrU8(1, -1); // signed range accepted
            b.attrU16(1, 65535);
            b.attrBytes(0x3fff, new byte[65531]); // the largest value that fits
            b.attrString(2, "a".repeat(65530));
            b.end();
            Attributes a = NetlinkMessage.parse(b.segment()).attributes(0);
            assertTrue(a.next());
            assertEquals(0xff, a.u8());
            assertTrue(a.next());
            assertEquals(65535, a.u16());
            assertTrue(a.next());
            assertEquals(0x3fff, a.type());
            assertEquals(65531, a.length());
            assertTrue(a.next());
            assertEquals(65530, a.string().length());
            assertFalse(a.next());
            assertEquals(16, before);
        }
    }

    @Test
    void nestTooLargeIsRejectedAtEnd() {
        try (MessageBuilder b = new MessageBuilder()) {
            b.begin(0x10, 0);
            int n = b.beginNested(1);
            b.attrBytes(2, new byte[40000]);
            b.attrBytes(3, new byte[40000]);
            assertThrows(IllegalArgumentException.class, () -> b.endNested(n));
        }
    }

    @Test
    void misuseIsIllegalState() {
        MessageBuilder b = new MessageBuilder();
        assertThrows(IllegalStateException.class, () -> b.putU8(1), "no open message");
        assertThrows(IllegalStateException.class, () -> b.attrU32(1, 1), "no open message");
        assertThrows(IllegalStateException.class, b::end, "no open message");
        assertThrows(IllegalStateException.class, () -> b.setSeq(1), "no message begun");
        b.begin(0x10, 0);
        assertThrows(IllegalStateException.class, () -> b.begin(0x10, 0), "already open");
        assertThrows(IllegalStateException.class, b::segment, "still open");
        int outer = b.beginNested(1);
        int inner = b.beginNested(2);
        assertThrows(IllegalStateException.class, b::end, "unterminated nest");
        assertThrows(IllegalStateException.class, () -> b.endNested(outer), "not innermost");
        b.endNested(inner);
        assertThrows(IllegalStateException.class, b::end, "outer nest still open");
        b.endNested(outer);
        assertThrows(IllegalStateException.class, () -> b.endNested(outer), "none open");
        b.end();
        assertThrows(IllegalArgumentException.class, () -> b.begin(0x10000, 0));
        assertThrows(IllegalArgumentException.class, () -> b.begin(0x10, -1));
        b.close();
        b.close();
        assertThrows(IllegalStateException.class, () -> b.begin(0x10, 0));
        assertThrows(IllegalStateException.class, b::segment);
        assertThrows(IllegalStateException.class, b::reset);
        assertThrows(IllegalArgumentException.class, () -> new MessageBuilder(0, false));
    }

    @Test
    void sharedBuilderWorksFromAnotherThread() throws Exception {
        try (MessageBuilder b = new MessageBuilder(32, true)) {
            b.begin(0x10, 0);
            CompletableFuture.runAsync(() -> {
                b.attrString(1, "from another thread");
                b.end();
            }).get();
            MemorySegment s = b.segment();
            Attributes a = NetlinkMessage.parse(s).attributes(0);
            assertTrue(a.next());
            assertEquals("from another thread", a.string());
        }
    }

    @Test
    void confinedBuilderRefusesOtherThreads() throws Exception {
        try (MessageBuilder b = new MessageBuilder()) {
            b.begin(0x10, 0);
            Throwable t = CompletableFuture.supplyAsync(() -> {
                try {
                    b.putU32(1);
                    return null;
                } catch (WrongThreadException e) {
                    return e;
                }
            }).get();
            assertTrue(t instanceof WrongThreadException);
        }
    }
}
