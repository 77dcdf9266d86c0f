package dev.ffsock.netlink;

import static dev.ffsock.netlink.Netlink.NLMSGERR_ATTR_COOKIE;
import static dev.ffsock.netlink.Netlink.NLMSGERR_ATTR_MISS_NEST;
import static dev.ffsock.netlink.Netlink.NLMSGERR_ATTR_MISS_TYPE;
import static dev.ffsock.netlink.Netlink.NLMSGERR_ATTR_MSG;
import static dev.ffsock.netlink.Netlink.NLMSGERR_ATTR_OFFS;
import static dev.ffsock.netlink.Netlink.NLMSGERR_ATTR_POLICY;
import static dev.ffsock.netlink.Netlink.NLMSG_DONE;
import static dev.ffsock.netlink.Netlink.NLMSG_ERROR;
import static dev.ffsock.netlink.Netlink.NLM_F_ACK;
import static dev.ffsock.netlink.Netlink.NLM_F_ACK_TLVS;
import static dev.ffsock.netlink.Netlink.NLM_F_CAPPED;
import static dev.ffsock.netlink.Netlink.NLM_F_MULTI;
import static dev.ffsock.netlink.Netlink.NLM_F_REQUEST;
import static dev.ffsock.netlink.TestBytes.attr;
import static dev.ffsock.netlink.TestBytes.buf;
import static dev.ffsock.netlink.TestBytes.bytes;
import static dev.ffsock.netlink.TestBytes.header;
import static dev.ffsock.netlink.TestBytes.seg;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;

class NetlinkErrorTest {
    static final int RTM_NEWLINK = 16;
    static final int EINVAL = 22;
    static final int ENODEV = 19;

    /** A request as a client would send it: RTM_NEWLINK with a 16-byte ifinfomsg and {@code extra} payload bytes. */
    private static byte[] request(int extra) {
        try (MessageBuilder b = new MessageBuilder()) {
            b.begin(RTM_NEWLINK, NLM_F_REQUEST | NLM_F_ACK);
            b.putZeros(16);
            b.putZeros(extra);
            // an unaligned total length, as nlmsg_len counts no trailing padding
            int len = b.end();
            b.setSeq(77);
            byte[] out = bytes(b.segment());
            int real = 16 + 16 + extra;
            ByteBuffer.wrap(out).order(java.nio.ByteOrder.nativeOrder()).putInt(0, real);
            assertEquals(Netlink.nlmsgAlign(real), len);
            return out;
        }
    }

    /** An NLMSG_ERROR echoing {@code req} (header, and payload unless capped), then TLVs. */
    private static NetlinkMessage errorMessage(int error, int flags, byte[] req, boolean echoPayload,
                                               Consumer<MessageBuilder> tlvs) {
        MessageBuilder b = new MessageBuilder();
        b.begin(NLMSG_ERROR, flags);
        b.putU32(error);
        b.putBytes(MemorySegment.ofArray(req).asSlice(0, 16));
        if (echoPayload) {
            b.putBytes(MemorySegment.ofArray(req).asSlice(16));
        }
        tlvs.accept(b);
        b.end();
        byte[] out = bytes(b.segment());
        b.close();
        return NetlinkMessage.parse(seg(out));
    }

    @Test
    void ackAsTheKernelSendsIt() {
        byte[] req = request(0);
        NetlinkError e = errorMessage(0, NLM_F_CAPPED, req, false, b -> { }).error();
        assertTrue(e.isAck());
        assertEquals(0, e.error());
        assertEquals(0, e.errno());
        assertTrue(e.capped());
        assertFalse(e.fromDone());
        assertTrue(e.hasOriginalHeader());
        assertEquals(32, e.originalLength());
        assertEquals(RTM_NEWLINK, e.originalType());
        assertEquals(NLM_F_REQUEST | NLM_F_ACK, e.originalFlags());
        assertEquals(77, e.originalSeq());
        assertEquals(0, e.originalPid());
        assertEquals(0, e.originalPayload().length);
        assertSame(ExtAck.NONE, e.extAck());
        assertTrue(e.extAck().isEmpty());
        assertEquals("NLMSG_ERROR ACK for request type 16 seq 77 (capped)", e.toString());
    }

    @Test
    void ackWithoutCappedFlagFromOlderKernels() {
        NetlinkError e = errorMessage(0, 0, request(0), false, b -> { }).error();
        assertTrue(e.isAck());
        assertEquals(0, e.originalPayload().length);
    }

    @Test
    void errorWithEchoedRequestAndNoExtAck() {
        byte[] req = request(8);
        NetlinkError e = errorMessage(-ENODEV, 0, req, true, b -> { }).error();
        assertFalse(e.isAck());
        assertEquals(-ENODEV, e.error());
        assertEquals(ENODEV, e.errno());
        assertFalse(e.capped());
        assertEquals(40, e.originalLength());
        byte[] payload = new byte[24];
        System.arraycopy(req, 16, payload, 0, 24);
        assertArrayEquals(payload, e.originalPayload());
        assertSame(ExtAck.NONE, e.extAck());
        assertEquals("NLMSG_ERROR errno 19 for request type 16 seq 77", e.toString());
    }

    @Test
    void cappedErrorWithExtAckByHand() {
        // what the kernel sends for a capped, extended-ack EINVAL: 16 + 4 + 16 + 24 + 8 = 68 bytes
        ByteBuffer b = buf(128);
        header(b, 68, NLMSG_ERROR, NLM_F_CAPPED | NLM_F_ACK_TLVS, 77, 0);
        b.putInt(-EINVAL);
        header(b, 52, RTM_NEWLINK, NLM_F_REQUEST | NLM_F_ACK, 77, 0);
        attr(b, 24, NLMSGERR_ATTR_MSG).put("Unknown device type\0".getBytes());
        attr(b, 8, NLMSGERR_ATTR_OFFS).putInt(36);
        NetlinkMessage m = NetlinkMessage.parse(seg(b));
        NetlinkError e = NetlinkError.parse(m);
        assertEquals(EINVAL, e.errno());
        assertTrue(e.capped());
        assertEquals(52, e.originalLength());
        assertEquals(0, e.originalPayload().length);
        assertEquals(new ExtAck("Unknown device type", 36, -1, -1, null, null), e.extAck());
        assertEquals("NLMSG_ERROR errno 22 for request type 16 seq 77 (capped) "
                + "ExtAck[message=\"Unknown device type\", offset=36]", e.toString());
    }

    @Test
    void uncappedErrorWithEveryExtAckField() {
        byte[] req = request(5); // nlmsg_len 37: echoed payload 21 bytes, padded to 24
        NetlinkMessage m = errorMessage(-EINVAL, NLM_F_ACK_TLVS, req, true, b -> {
            b.attrString(NLMSGERR_ATTR_MSG, "missing attribute");
            b.attrU32(NLMSGERR_ATTR_MISS_TYPE, 3);
            b.attrU32(NLMSGERR_ATTR_MISS_NEST, 32);
            b.attrBytes(NLMSGERR_ATTR_COOKIE, new byte[] {1, 2, 3});
            int p = b.beginNested(NLMSGERR_ATTR_POLICY);
            b.attrU32(1, 4);
            b.endNested(p);
            b.attrU32(99, 0); // unknown: ignored
        });
        NetlinkError e = m.error();
        assertEquals(37, e.originalLength());
        assertEquals(21, e.originalPayload().length);
        ExtAck x = e.extAck();
        assertEquals("missing attribute", x.message());
        assertEquals(-1, x.offset());
        assertEquals(3, x.missingType());
        assertEquals(32, x.missingNest());
        assertArrayEquals(new byte[] {1, 2, 3}, x.cookie());
        Attributes policy = Attributes.of(MemorySegment.ofArray(x.policy()));
        assertTrue(policy.next());
        assertEquals(4, policy.u32());
        assertFalse(x.isEmpty());
        x.cookie()[0] = 9;
        assertEquals(1, x.cookie()[0], "accessors return copies");
    }

    @Test
    void successWithCookie() {
        NetlinkError e = errorMessage(0, NLM_F_CAPPED | NLM_F_ACK_TLVS, request(0), false,
                b -> b.attrBytes(NLMSGERR_ATTR_COOKIE, new byte[] {(byte) 0xca, (byte) 0xfe})).error();
        assertTrue(e.isAck());
        assertArrayEquals(new byte[] {(byte) 0xca, (byte) 0xfe}, e.extAck().cookie());
        assertNull(e.extAck().message());
        assertTrue(e.toString().endsWith("ExtAck[cookie=cafe]"), e.toString());
    }

    @Test
    void truncatedEchoWithoutTlvsIsKept() {
        byte[] req = request(8); // claims 40 bytes, only 8 of its 24 payload bytes echoed
        byte[] shortReq = new byte[24];
        System.arraycopy(req, 0, shortReq, 0, 24);
        NetlinkError e = errorMessage(-EINVAL, 0, shortReq, true, b -> { }).error();
        assertEquals(40, e.originalLength());
        assertEquals(8, e.originalPayload().length);
    }

    @Test
    void truncatedEchoWithTlvsIsAnError() {
        byte[] req = request(8);
        byte[] shortReq = new byte[24];
        System.arraycopy(req, 0, shortReq, 0, 24);
        NetlinkMessage m = errorMessage(-EINVAL, NLM_F_ACK_TLVS, shortReq, true, b -> { });
        NetlinkFormatException x = assertThrows(NetlinkFormatException.class, m::error);
        assertEquals("echoed request payload of 24 bytes (from nlmsg_len 40) exceeds the 8 bytes in NLMSG_ERROR "
                + "(at offset 20)", x.getMessage());
    }

    @Test
    void echoedLengthShorterThanAHeader() {
        byte[] req = request(0);
        ByteBuffer.wrap(req).order(java.nio.ByteOrder.nativeOrder()).putInt(0, 8); // echoed nlmsg_len 8
        NetlinkMessage m = errorMessage(-EINVAL, 0, req, false, b -> { });
        assertThrows(NetlinkFormatException.class, m::error);
        // but with CAPPED the echoed length is not used
        assertEquals(8, errorMessage(-EINVAL, NLM_F_CAPPED, req, false, b -> { }).error().originalLength());
    }

    @Test
    void payloadTooShortForNlmsgerr() {
        ByteBuffer b = buf(64);
        header(b, 32, NLMSG_ERROR, 0, 1, 0).putInt(-EINVAL).putInt(0).putInt(0).putInt(0);
        NetlinkFormatException x = assertThrows(NetlinkFormatException.class,
                () -> NetlinkMessage.parse(seg(b)).error());
        assertEquals("NLMSG_ERROR payload of 16 bytes is too short for the error code and echoed header (20 bytes)"
                + " (at offset 16)", x.getMessage());
    }

    @Test
    void malformedTlvsAreReported() {
        NetlinkMessage m = errorMessage(-EINVAL, NLM_F_CAPPED | NLM_F_ACK_TLVS, request(0), false,
                b -> b.putU16(2).putU16(NLMSGERR_ATTR_MSG));
        NetlinkFormatException x = assertThrows(NetlinkFormatException.class, m::error);
        assertEquals(36, x.offset());
        NetlinkMessage wrongLength = errorMessage(-EINVAL, NLM_F_CAPPED | NLM_F_ACK_TLVS, request(0), false,
                b -> b.attrU16(NLMSGERR_ATTR_OFFS, 36));
        assertThrows(NetlinkFormatException.class, wrongLength::error);
    }

    @Test
    void typeMismatchIsIllegalArgument() {
        NetlinkMessage ack = errorMessage(0, NLM_F_CAPPED, request(0), false, b -> { });
        assertThrows(IllegalArgumentException.class, () -> NetlinkError.parseDone(ack));
        ByteBuffer b = buf(16);
        header(b, 16, NLMSG_DONE, NLM_F_MULTI, 1, 0);
        assertThrows(IllegalArgumentException.class, () -> NetlinkError.parse(NetlinkMessage.parse(seg(b))));
    }

    private static NetlinkMessage done(int flags, Consumer<MessageBuilder> body) {
        try (MessageBuilder b = new MessageBuilder()) {
            b.begin(NLMSG_DONE, flags);
            body.accept(b);
            b.end();
            return NetlinkMessage.parse(seg(bytes(b.segment())));
        }
    }

    @Test
    void doneWithErrorAndExtAck() {
        NetlinkError e = NetlinkError.parseDone(done(NLM_F_MULTI | NLM_F_ACK_TLVS,
                b -> b.putU32(-4).attrString(NLMSGERR_ATTR_MSG, "dump interrupted")));
        assertTrue(e.fromDone());
        assertFalse(e.hasOriginalHeader());
        assertEquals(4, e.errno());
        assertEquals("dump interrupted", e.extAck().message());
        assertEquals(0, e.originalSeq());
        assertEquals("NLMSG_DONE errno 4 ExtAck[message=\"dump interrupted\"]", e.toString());
    }

    @Test
    void doneVariants() {
        assertTrue(NetlinkError.parseDone(done(NLM_F_MULTI, b -> { })).isAck(), "empty payload");
        assertTrue(NetlinkError.parseDone(done(NLM_F_MULTI, b -> b.putU32(0))).isAck());
        NetlinkError e = NetlinkError.parseDone(done(NLM_F_MULTI, b -> b.putU32(-ENODEV).attrU32(1, 5)));
        assertEquals(ENODEV, e.errno());
        assertSame(ExtAck.NONE, e.extAck(), "TLVs ignored without NLM_F_ACK_TLVS");
        NetlinkMessage bad = done(NLM_F_MULTI | NLM_F_ACK_TLVS, b -> { });
        assertThrows(NetlinkFormatException.class, () -> NetlinkError.parseDone(bad));
    }
}
