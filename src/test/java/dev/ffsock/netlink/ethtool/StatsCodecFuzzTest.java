package dev.ffsock.netlink.ethtool;

import dev.ffsock.netlink.CodecFuzz;
import dev.ffsock.netlink.MessageBuilder;
import dev.ffsock.netlink.NetlinkFormatException;
import dev.ffsock.netlink.NetlinkMessage;
import dev.ffsock.netlink.genl.GenlMessage;
import org.junit.jupiter.api.Test;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

import static dev.ffsock.netlink.ethtool.Ethnl.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The STATS_GET codec on replies written as the kernel writes them (a group nest a group, one nest a
 * counter whose attribute type is the counter's index, histogram buckets): decoded and named; malformed
 * groups refused with {@link NetlinkFormatException}; mutated and truncated replies decode or throw that
 * exception, nothing else.
 */
class StatsCodecFuzzTest {
    private static final List<String> GROUPS = List.of("eth-phy", "eth-mac", "eth-ctrl", "rmon");
    private static final Map<Integer, List<String>> SETS = Map.of(
            ETH_SS_STATS_ETH_MAC, List.of("FramesTransmittedOK", "SingleCollisionFrames", "MultipleCollisionFrames"),
            ETH_SS_STATS_RMON, List.of("etherStatsUndersizePkts", "etherStatsOversizePkts"));

    private static byte[] reply(Consumer<MessageBuilder> body) {
        try (MessageBuilder b = new MessageBuilder(1024, false)) {
            b.begin(0x20, 0);
            b.putU8(ETHTOOL_MSG_STATS_GET_REPLY).putU8(1).putU16(0);
            body.accept(b);
            b.end();
            return b.segment().toArray(ValueLayout.JAVA_BYTE);
        }
    }

    private static void group(MessageBuilder w, int id, int ss, long[][] counters, long[][] rx) {
        int g = w.beginNested(ETHTOOL_A_STATS_GRP);
        w.attrU32(ETHTOOL_A_STATS_GRP_ID, id);
        w.attrU32(ETHTOOL_A_STATS_GRP_SS_ID, ss);
        for (long[] c : counters) {
            int n = w.beginNested(ETHTOOL_A_STATS_GRP_STAT);
            w.attrU64((int) c[0], c[1]);
            w.endNested(n);
        }
        for (long[] b : rx) {
            int n = w.beginNested(ETHTOOL_A_STATS_GRP_HIST_RX);
            w.attrU32(ETHTOOL_A_STATS_GRP_HIST_BKT_LOW, (int) b[0]);
            w.attrU32(ETHTOOL_A_STATS_GRP_HIST_BKT_HI, (int) b[1]);
            w.attrU64(ETHTOOL_A_STATS_GRP_HIST_VAL, b[2]);
            w.endNested(n);
        }
        w.endNested(g);
    }

    private static final byte[] FULL = reply(w -> {
        int h = w.beginNested(ETHTOOL_A_STATS_HEADER);
        w.attrU32(ETHTOOL_A_HEADER_DEV_INDEX, 7);
        w.attrString(ETHTOOL_A_HEADER_DEV_NAME, "eth0");
        w.endNested(h);
        group(w, ETHTOOL_STATS_ETH_PHY, ETH_SS_STATS_ETH_PHY, new long[0][], new long[0][]);
        group(w, ETHTOOL_STATS_ETH_MAC, ETH_SS_STATS_ETH_MAC, new long[][] {{0, 12}, {2, -1}, {9, 3}}, new long[0][]);
        group(w, ETHTOOL_STATS_RMON, ETH_SS_STATS_RMON, new long[][] {{1, 5}}, new long[][] {{0, 64, 10}, {65, 127, 20}, {1519, 0, 1}});
    });

    private static EthtoolStandardStats decode(byte[] b) {
        GenlMessage m = new GenlMessage(NetlinkMessage.parse(MemorySegment.ofArray(b)), 0);
        return StatsCodec.named(StatsCodec.decode(m.attributes()), GROUPS, ss -> SETS.getOrDefault(ss, List.of()));
    }

    @Test
    void repliesDecodeAndAreNamed() {
        EthtoolStandardStats s = decode(FULL);
        assertEquals(new EthtoolHeader(7, "eth0"), s.header());
        assertEquals(List.of("eth-phy", "eth-mac", "rmon"), s.groups().stream().map(EthtoolStatsGroup::name).toList());
        assertEquals(Map.of(), s.groups().get(0).counters());
        assertEquals(List.of("FramesTransmittedOK", "MultipleCollisionFrames", "stat-9"),
                List.copyOf(s.groups().get(1).counters().keySet()));
        assertEquals(-1L, s.groups().get(1).counters().get("MultipleCollisionFrames"), "u64 bit pattern");
        assertEquals(List.of(new EthtoolStatsGroup.Bucket(0, 64, 10), new EthtoolStatsGroup.Bucket(65, 127, 20),
                new EthtoolStatsGroup.Bucket(1519, 0, 1)), s.groups().get(2).rxHistogram());
    }

    @Test
    void malformedGroupsAreFormatErrors() {
        byte[] noId = reply(w -> {
            int g = w.beginNested(ETHTOOL_A_STATS_GRP);
            w.attrU32(ETHTOOL_A_STATS_GRP_SS_ID, ETH_SS_STATS_ETH_MAC);
            w.endNested(g);
        });
        byte[] twoValues = reply(w -> {
            int g = w.beginNested(ETHTOOL_A_STATS_GRP);
            w.attrU32(ETHTOOL_A_STATS_GRP_ID, 1);
            w.attrU32(ETHTOOL_A_STATS_GRP_SS_ID, ETH_SS_STATS_ETH_MAC);
            int n = w.beginNested(ETHTOOL_A_STATS_GRP_STAT);
            w.attrU64(0, 1);
            w.attrU64(1, 2);
            w.endNested(n);
            w.endNested(g);
        });
        byte[] shortCounter = reply(w -> {
            int g = w.beginNested(ETHTOOL_A_STATS_GRP);
            w.attrU32(ETHTOOL_A_STATS_GRP_ID, 1);
            w.attrU32(ETHTOOL_A_STATS_GRP_SS_ID, ETH_SS_STATS_ETH_MAC);
            int n = w.beginNested(ETHTOOL_A_STATS_GRP_STAT);
            w.attrU32(0, 1);
            w.endNested(n);
            w.endNested(g);
        });
        byte[] sameName = reply(w -> group(w, 1, ETH_SS_STATS_ETH_MAC, new long[][] {{0, 1}, {0, 2}}, new long[0][]));
        for (byte[] b : List.of(noId, twoValues, shortCounter, sameName)) {
            assertThrows(NetlinkFormatException.class, () -> decode(b), Arrays.toString(b));
        }
    }

    @Test
    void mutatedRepliesDecodeOrThrowTheFormatException() {
        List<Function<NetlinkMessage, Object>> decoders = List.of(m -> {
            GenlMessage g = new GenlMessage(m, 0);
            return StatsCodec.named(StatsCodec.decode(g.attributes()), GROUPS, ss -> SETS.getOrDefault(ss, List.of()));
        });
        CodecFuzz.Counts c = CodecFuzz.run(List.of(FULL, reply(w -> group(w, 0, ETH_SS_STATS_ETH_PHY, new long[0][], new long[0][]))), decoders);
        assertTrue(c.decoded() > 1000 && c.formatErrors() > 100, "seed " + c.seed() + ": " + c);
    }
}
