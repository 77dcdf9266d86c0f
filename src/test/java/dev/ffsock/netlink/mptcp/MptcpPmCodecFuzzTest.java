package dev.ffsock.netlink.mptcp;

import dev.ffsock.netlink.CodecFuzz;
import dev.ffsock.netlink.MessageBuilder;
import dev.ffsock.netlink.NetlinkFormatException;
import dev.ffsock.netlink.NetlinkMessage;
import dev.ffsock.netlink.genl.GenlMessage;
import org.junit.jupiter.api.Test;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.net.InetAddress;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;

import static dev.ffsock.netlink.mptcp.MptcpPm.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The mptcp_pm codec: endpoints and limits written and read back, replies that lack a part or disagree
 * with themselves refused with {@link NetlinkFormatException}, and mutated and truncated replies that
 * decode or throw that exception, nothing else.
 */
class MptcpPmCodecFuzzTest {
    private static byte[] reply(int cmd, Consumer<MessageBuilder> body) {
        try (MessageBuilder b = new MessageBuilder(512, false)) {
            b.begin(0x21, 0);
            b.putU8(cmd).putU8(MPTCP_PM_VER).putU16(0);
            body.accept(b);
            b.end();
            return b.segment().toArray(ValueLayout.JAVA_BYTE);
        }
    }

    private static GenlMessage genl(byte[] b) {
        return new GenlMessage(NetlinkMessage.parse(MemorySegment.ofArray(b)), 0);
    }

    private static final List<MptcpEndpoint> ENDPOINTS = List.of(
            new MptcpEndpoint(3, InetAddress.ofLiteral("10.0.0.1"), 0, Set.of(MptcpEndpoint.Flag.SIGNAL), 0),
            new MptcpEndpoint(4, InetAddress.ofLiteral("10.0.0.2"), 0,
                    EnumSet.of(MptcpEndpoint.Flag.SUBFLOW, MptcpEndpoint.Flag.BACKUP), 1),
            new MptcpEndpoint(200, InetAddress.ofLiteral("2001:db8::9"), 1234,
                    EnumSet.of(MptcpEndpoint.Flag.SIGNAL, MptcpEndpoint.Flag.FULLMESH, MptcpEndpoint.Flag.IMPLICIT), 7),
            new MptcpEndpoint(0, InetAddress.ofLiteral("192.0.2.1"), 0, Set.of(), 0));

    @Test
    void endpointsAndLimitsRoundTrip() {
        for (MptcpEndpoint e : ENDPOINTS) {
            assertEquals(e, MptcpPmCodec.endpoint(genl(reply(MPTCP_PM_CMD_GET_ADDR, w -> MptcpPmCodec.writeEndpoint(w, e))).attributes()));
        }
        assertNull(MptcpPmCodec.endpoint(genl(reply(MPTCP_PM_CMD_GET_ADDR, w -> w.attrU32(9, 1))).attributes()));
        MptcpLimits l = new MptcpLimits(0xffffffffL, 8);
        assertEquals(l, MptcpPmCodec.limits(genl(reply(MPTCP_PM_CMD_GET_LIMITS,
                w -> MptcpPmCodec.writeLimits(w, l.addAddrAccepted(), l.subflows()))).attributes()));
        assertThrows(NetlinkFormatException.class, () -> MptcpPmCodec.limits(genl(reply(MPTCP_PM_CMD_GET_LIMITS,
                w -> MptcpPmCodec.writeLimits(w, null, 2L))).attributes()));
        assertThrows(IllegalArgumentException.class, () -> new MptcpEndpoint(256, InetAddress.ofLiteral("10.0.0.1"), 0, Set.of(), 0));
        assertThrows(IllegalArgumentException.class, () -> new MptcpEndpoint(1, InetAddress.ofLiteral("10.0.0.1"), 65536, Set.of(), 0));
        assertThrows(IllegalArgumentException.class, () -> new MptcpLimits(-1, 0));
    }

    @Test
    void inconsistentAddressesAreFormatErrors() {
        // family AF_INET with an IPv6 address; an address attribute of the wrong length; no address
        byte[][] bad = {
            reply(MPTCP_PM_CMD_GET_ADDR, w -> {
                int n = w.beginNested(MPTCP_PM_ATTR_ADDR);
                w.attrU16(MPTCP_PM_ADDR_ATTR_FAMILY, 2);
                w.attrBytes(MPTCP_PM_ADDR_ATTR_ADDR6, new byte[16]);
                w.endNested(n);
            }),
            reply(MPTCP_PM_CMD_GET_ADDR, w -> {
                int n = w.beginNested(MPTCP_PM_ATTR_ADDR);
                w.attrU16(MPTCP_PM_ADDR_ATTR_FAMILY, 2);
                w.attrBytes(MPTCP_PM_ADDR_ATTR_ADDR4, new byte[16]);
                w.endNested(n);
            }),
            reply(MPTCP_PM_CMD_GET_ADDR, w -> {
                int n = w.beginNested(MPTCP_PM_ATTR_ADDR);
                w.attrU16(MPTCP_PM_ADDR_ATTR_FAMILY, 2);
                w.attrU8(MPTCP_PM_ADDR_ATTR_ID, 1);
                w.endNested(n);
            }),
            reply(MPTCP_PM_CMD_GET_ADDR, w -> {
                int n = w.beginNested(MPTCP_PM_ATTR_ADDR);
                w.attrU16(MPTCP_PM_ADDR_ATTR_FAMILY, 2);
                w.attrBytes(MPTCP_PM_ADDR_ATTR_ADDR4, new byte[4]);
                w.attrU32(MPTCP_PM_ADDR_ATTR_ID, 1);
                w.endNested(n);
            }),
        };
        for (byte[] b : bad) {
            assertThrows(NetlinkFormatException.class, () -> MptcpPmCodec.endpoint(genl(b).attributes()));
        }
    }

    @Test
    void mutatedRepliesDecodeOrThrowTheFormatException() {
        List<byte[]> corpus = new java.util.ArrayList<>();
        for (MptcpEndpoint e : ENDPOINTS) corpus.add(reply(MPTCP_PM_CMD_GET_ADDR, w -> MptcpPmCodec.writeEndpoint(w, e)));
        corpus.add(reply(MPTCP_PM_CMD_GET_LIMITS, w -> MptcpPmCodec.writeLimits(w, 3L, 8L)));
        List<Function<NetlinkMessage, Object>> decoders = List.of(
                m -> {
                    GenlMessage g = new GenlMessage(m, 0);
                    return g.cmd() == MPTCP_PM_CMD_GET_ADDR ? MptcpPmCodec.endpoint(g.attributes()) : null;
                },
                m -> {
                    GenlMessage g = new GenlMessage(m, 0);
                    return g.cmd() == MPTCP_PM_CMD_GET_LIMITS ? MptcpPmCodec.limits(g.attributes()) : null;
                });
        CodecFuzz.Counts c = CodecFuzz.run(corpus, decoders);
        assertTrue(c.decoded() > 1000 && c.formatErrors() > 100, "seed " + c.seed() + ": " + c);
    }
}
