package dev.ffsock.netlink.ethtool;

import dev.ffsock.netlink.Attributes;
import dev.ffsock.netlink.MessageBuilder;
import dev.ffsock.netlink.Netlink;
import dev.ffsock.netlink.NetlinkFormatException;
import dev.ffsock.netlink.PayloadWriter;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

import static dev.ffsock.netlink.ethtool.Ethnl.*;

/**
 * The wire form of the ethtool replies made of a header and plain u8/u32 values (and bitsets): rings,
 * channels, coalesce, pause, EEE, link info, link modes and link state. Each attribute's width is the
 * uapi header's; a value of another width is a {@link NetlinkFormatException}, an unknown attribute
 * (a newer kernel's) is skipped.
 */
final class SettingsCodec {
    /** The kinds of value an attribute carries. */
    private enum Kind { U8, BOOL, U32, BITSET }

    /** One message's attribute kinds, by attribute type (null: not decoded). */
    private static final class Shape {
        final Kind[] kinds;

        Shape(int max) {
            kinds = new Kind[max + 1];
        }

        Shape with(Kind k, int... types) {
            for (int t : types) kinds[t] = k;
            return this;
        }
    }

    private static final Shape RINGS = new Shape(ETHTOOL_A_RINGS_TX_PUSH)
            .with(Kind.U32, ETHTOOL_A_RINGS_RX_MAX, ETHTOOL_A_RINGS_RX_MINI_MAX, ETHTOOL_A_RINGS_RX_JUMBO_MAX,
                    ETHTOOL_A_RINGS_TX_MAX, ETHTOOL_A_RINGS_RX, ETHTOOL_A_RINGS_RX_MINI, ETHTOOL_A_RINGS_RX_JUMBO,
                    ETHTOOL_A_RINGS_TX, ETHTOOL_A_RINGS_RX_BUF_LEN, ETHTOOL_A_RINGS_CQE_SIZE)
            .with(Kind.U8, ETHTOOL_A_RINGS_TCP_DATA_SPLIT)
            .with(Kind.BOOL, ETHTOOL_A_RINGS_TX_PUSH);
    private static final Shape CHANNELS = new Shape(ETHTOOL_A_CHANNELS_COMBINED_COUNT)
            .with(Kind.U32, ETHTOOL_A_CHANNELS_RX_MAX, ETHTOOL_A_CHANNELS_TX_MAX, ETHTOOL_A_CHANNELS_OTHER_MAX,
                    ETHTOOL_A_CHANNELS_COMBINED_MAX, ETHTOOL_A_CHANNELS_RX_COUNT, ETHTOOL_A_CHANNELS_TX_COUNT,
                    ETHTOOL_A_CHANNELS_OTHER_COUNT, ETHTOOL_A_CHANNELS_COMBINED_COUNT);
    private static final Shape COALESCE = new Shape(ETHTOOL_A_COALESCE_USE_CQE_MODE_RX)
            .with(Kind.U32, ETHTOOL_A_COALESCE_RX_USECS, ETHTOOL_A_COALESCE_RX_MAX_FRAMES,
                    ETHTOOL_A_COALESCE_RX_USECS_IRQ, ETHTOOL_A_COALESCE_RX_MAX_FRAMES_IRQ, ETHTOOL_A_COALESCE_TX_USECS,
                    ETHTOOL_A_COALESCE_TX_MAX_FRAMES, ETHTOOL_A_COALESCE_TX_USECS_IRQ,
                    ETHTOOL_A_COALESCE_TX_MAX_FRAMES_IRQ, ETHTOOL_A_COALESCE_STATS_BLOCK_USECS,
                    ETHTOOL_A_COALESCE_PKT_RATE_LOW, ETHTOOL_A_COALESCE_RX_USECS_LOW,
                    ETHTOOL_A_COALESCE_RX_MAX_FRAMES_LOW, ETHTOOL_A_COALESCE_TX_USECS_LOW,
                    ETHTOOL_A_COALESCE_TX_MAX_FRAMES_LOW, ETHTOOL_A_COALESCE_PKT_RATE_HIGH,
                    ETHTOOL_A_COALESCE_RX_USECS_HIGH, ETHTOOL_A_COALESCE_RX_MAX_FRAMES_HIGH,
                    ETHTOOL_A_COALESCE_TX_USECS_HIGH, ETHTOOL_A_COALESCE_TX_MAX_FRAMES_HIGH,
                    ETHTOOL_A_COALESCE_RATE_SAMPLE_INTERVAL)
            .with(Kind.BOOL, ETHTOOL_A_COALESCE_USE_ADAPTIVE_RX, ETHTOOL_A_COALESCE_USE_ADAPTIVE_TX,
                    ETHTOOL_A_COALESCE_USE_CQE_MODE_TX, ETHTOOL_A_COALESCE_USE_CQE_MODE_RX);
    private static final Shape PAUSE = new Shape(ETHTOOL_A_PAUSE_TX)
            .with(Kind.BOOL, ETHTOOL_A_PAUSE_AUTONEG, ETHTOOL_A_PAUSE_RX, ETHTOOL_A_PAUSE_TX);
    private static final Shape EEE = new Shape(ETHTOOL_A_EEE_TX_LPI_TIMER)
            .with(Kind.BITSET, ETHTOOL_A_EEE_MODES_OURS, ETHTOOL_A_EEE_MODES_PEER)
            .with(Kind.BOOL, ETHTOOL_A_EEE_ACTIVE, ETHTOOL_A_EEE_ENABLED, ETHTOOL_A_EEE_TX_LPI_ENABLED)
            .with(Kind.U32, ETHTOOL_A_EEE_TX_LPI_TIMER);
    private static final Shape LINKINFO = new Shape(ETHTOOL_A_LINKINFO_TRANSCEIVER)
            .with(Kind.U8, ETHTOOL_A_LINKINFO_PORT, ETHTOOL_A_LINKINFO_PHYADDR, ETHTOOL_A_LINKINFO_TP_MDIX,
                    ETHTOOL_A_LINKINFO_TP_MDIX_CTRL, ETHTOOL_A_LINKINFO_TRANSCEIVER);
    private static final Shape LINKMODES = new Shape(ETHTOOL_A_LINKMODES_LANES)
            .with(Kind.U8, ETHTOOL_A_LINKMODES_AUTONEG, ETHTOOL_A_LINKMODES_DUPLEX)
            .with(Kind.BITSET, ETHTOOL_A_LINKMODES_OURS, ETHTOOL_A_LINKMODES_PEER)
            .with(Kind.U32, ETHTOOL_A_LINKMODES_SPEED, ETHTOOL_A_LINKMODES_LANES);
    private static final Shape LINKSTATE = new Shape(ETHTOOL_A_LINKSTATE_EXT_SUBSTATE)
            .with(Kind.BOOL, ETHTOOL_A_LINKSTATE_LINK)
            .with(Kind.U32, ETHTOOL_A_LINKSTATE_SQI, ETHTOOL_A_LINKSTATE_SQI_MAX)
            .with(Kind.U8, ETHTOOL_A_LINKSTATE_EXT_STATE, ETHTOOL_A_LINKSTATE_EXT_SUBSTATE);

    private SettingsCodec() {
    }

    /** The decoded values of one reply, by attribute type, and its header. */
    private record Values(EthtoolHeader header, Object[] v) {
        Long u32(int t) {
            return (Long) v[t];
        }

        Integer u8(int t) {
            return (Integer) v[t];
        }

        Boolean bool(int t) {
            return (Boolean) v[t];
        }

        EthtoolBitset bitset(int t) {
            return (EthtoolBitset) v[t];
        }
    }

    private static Values read(Attributes a, Shape shape) {
        Object[] v = new Object[shape.kinds.length];
        EthtoolHeader header = new EthtoolHeader(0, null);
        while (a.next()) {
            int t = a.type();
            if (t == EthtoolHeader.ATTR) {
                header = EthtoolHeader.read(a.nested());
                continue;
            }
            if (t >= v.length || shape.kinds[t] == null) continue;
            v[t] = switch (shape.kinds[t]) {
                case U8 -> a.u8();
                case BOOL -> a.u8() != 0;
                case U32 -> Integer.toUnsignedLong(a.u32());
                case BITSET -> BitsetCodec.decode(a.nested());
            };
        }
        return new Values(header, v);
    }

    static EthtoolRings rings(Attributes a) {
        Values v = read(a, RINGS);
        return new EthtoolRings(v.header(), v.u32(ETHTOOL_A_RINGS_RX_MAX), v.u32(ETHTOOL_A_RINGS_RX_MINI_MAX),
                v.u32(ETHTOOL_A_RINGS_RX_JUMBO_MAX), v.u32(ETHTOOL_A_RINGS_TX_MAX), v.u32(ETHTOOL_A_RINGS_RX),
                v.u32(ETHTOOL_A_RINGS_RX_MINI), v.u32(ETHTOOL_A_RINGS_RX_JUMBO), v.u32(ETHTOOL_A_RINGS_TX),
                v.u32(ETHTOOL_A_RINGS_RX_BUF_LEN), v.u8(ETHTOOL_A_RINGS_TCP_DATA_SPLIT),
                v.u32(ETHTOOL_A_RINGS_CQE_SIZE), v.bool(ETHTOOL_A_RINGS_TX_PUSH));
    }

    static EthtoolChannels channels(Attributes a) {
        Values v = read(a, CHANNELS);
        return new EthtoolChannels(v.header(), v.u32(ETHTOOL_A_CHANNELS_RX_MAX), v.u32(ETHTOOL_A_CHANNELS_TX_MAX),
                v.u32(ETHTOOL_A_CHANNELS_OTHER_MAX), v.u32(ETHTOOL_A_CHANNELS_COMBINED_MAX),
                v.u32(ETHTOOL_A_CHANNELS_RX_COUNT), v.u32(ETHTOOL_A_CHANNELS_TX_COUNT),
                v.u32(ETHTOOL_A_CHANNELS_OTHER_COUNT), v.u32(ETHTOOL_A_CHANNELS_COMBINED_COUNT));
    }

    static EthtoolCoalesce coalesce(Attributes a) {
        Values v = read(a, COALESCE);
        return new EthtoolCoalesce(v.header(), v.u32(ETHTOOL_A_COALESCE_RX_USECS),
                v.u32(ETHTOOL_A_COALESCE_RX_MAX_FRAMES), v.u32(ETHTOOL_A_COALESCE_RX_USECS_IRQ),
                v.u32(ETHTOOL_A_COALESCE_RX_MAX_FRAMES_IRQ), v.u32(ETHTOOL_A_COALESCE_TX_USECS),
                v.u32(ETHTOOL_A_COALESCE_TX_MAX_FRAMES), v.u32(ETHTOOL_A_COALESCE_TX_USECS_IRQ),
                v.u32(ETHTOOL_A_COALESCE_TX_MAX_FRAMES_IRQ), v.u32(ETHTOOL_A_COALESCE_STATS_BLOCK_USECS),
                v.bool(ETHTOOL_A_COALESCE_USE_ADAPTIVE_RX), v.bool(ETHTOOL_A_COALESCE_USE_ADAPTIVE_TX),
                v.u32(ETHTOOL_A_COALESCE_PKT_RATE_LOW), v.u32(ETHTOOL_A_COALESCE_RX_USECS_LOW),
                v.u32(ETHTOOL_A_COALESCE_RX_MAX_FRAMES_LOW), v.u32(ETHTOOL_A_COALESCE_TX_USECS_LOW),
                v.u32(ETHTOOL_A_COALESCE_TX_MAX_FRAMES_LOW), v.u32(ETHTOOL_A_COALESCE_PKT_RATE_HIGH),
                v.u32(ETHTOOL_A_COALESCE_RX_USECS_HIGH), v.u32(ETHTOOL_A_COALESCE_RX_MAX_FRAMES_HIGH),
                v.u32(ETHTOOL_A_COALESCE_TX_USECS_HIGH), v.u32(ETHTOOL_A_COALESCE_TX_MAX_FRAMES_HIGH),
                v.u32(ETHTOOL_A_COALESCE_RATE_SAMPLE_INTERVAL), v.bool(ETHTOOL_A_COALESCE_USE_CQE_MODE_TX),
                v.bool(ETHTOOL_A_COALESCE_USE_CQE_MODE_RX));
    }

    static EthtoolPause pause(Attributes a) {
        Values v = read(a, PAUSE);
        return new EthtoolPause(v.header(), v.bool(ETHTOOL_A_PAUSE_AUTONEG), v.bool(ETHTOOL_A_PAUSE_RX),
                v.bool(ETHTOOL_A_PAUSE_TX));
    }

    static EthtoolEee eee(Attributes a) {
        Values v = read(a, EEE);
        return new EthtoolEee(v.header(), v.bitset(ETHTOOL_A_EEE_MODES_OURS), v.bitset(ETHTOOL_A_EEE_MODES_PEER),
                v.bool(ETHTOOL_A_EEE_ACTIVE), v.bool(ETHTOOL_A_EEE_ENABLED), v.bool(ETHTOOL_A_EEE_TX_LPI_ENABLED),
                v.u32(ETHTOOL_A_EEE_TX_LPI_TIMER));
    }

    static EthtoolLinkInfo linkInfo(Attributes a) {
        Values v = read(a, LINKINFO);
        return new EthtoolLinkInfo(v.header(), v.u8(ETHTOOL_A_LINKINFO_PORT), v.u8(ETHTOOL_A_LINKINFO_PHYADDR),
                v.u8(ETHTOOL_A_LINKINFO_TP_MDIX), v.u8(ETHTOOL_A_LINKINFO_TP_MDIX_CTRL),
                v.u8(ETHTOOL_A_LINKINFO_TRANSCEIVER));
    }

    static EthtoolLinkModes linkModes(Attributes a) {
        Values v = read(a, LINKMODES);
        Long speed = v.u32(ETHTOOL_A_LINKMODES_SPEED);
        return new EthtoolLinkModes(v.header(), v.u8(ETHTOOL_A_LINKMODES_AUTONEG), v.bitset(ETHTOOL_A_LINKMODES_OURS),
                v.bitset(ETHTOOL_A_LINKMODES_PEER), speed == null ? null : (int) (long) speed,
                v.u8(ETHTOOL_A_LINKMODES_DUPLEX), v.u32(ETHTOOL_A_LINKMODES_LANES));
    }

    static EthtoolLinkState linkState(Attributes a) {
        Values v = read(a, LINKSTATE);
        return new EthtoolLinkState(v.header(), v.bool(ETHTOOL_A_LINKSTATE_LINK), v.u32(ETHTOOL_A_LINKSTATE_SQI),
                v.u32(ETHTOOL_A_LINKSTATE_SQI_MAX), v.u8(ETHTOOL_A_LINKSTATE_EXT_STATE),
                v.u8(ETHTOOL_A_LINKSTATE_EXT_SUBSTATE));
    }

    // ---- writers (the replies' attributes as a driver-side reply or a SET request carries them)

    static void u32(PayloadWriter w, int type, Long v) {
        if (v == null) return;
        if (v < 0 || v > 0xffff_ffffL) throw new IllegalArgumentException("attribute " + type + ": " + v + " is not a u32");
        w.attrU32(type, (int) (long) v);
    }

    static void u8(PayloadWriter w, int type, Integer v) {
        if (v != null) w.attrU8(type, v);
    }

    static void bool(PayloadWriter w, int type, Boolean v) {
        if (v != null) w.attrU8(type, v ? 1 : 0);
    }

    /**
     * Writes a coalesce record's values as {@code ETHTOOL_MSG_COALESCE_SET} takes them; null values are left
     * unchanged (the header is not written).
     */
    static void writeCoalesce(PayloadWriter w, EthtoolCoalesce c) {
        u32(w, ETHTOOL_A_COALESCE_RX_USECS, c.rxUsecs());
        u32(w, ETHTOOL_A_COALESCE_RX_MAX_FRAMES, c.rxMaxFrames());
        u32(w, ETHTOOL_A_COALESCE_RX_USECS_IRQ, c.rxUsecsIrq());
        u32(w, ETHTOOL_A_COALESCE_RX_MAX_FRAMES_IRQ, c.rxMaxFramesIrq());
        u32(w, ETHTOOL_A_COALESCE_TX_USECS, c.txUsecs());
        u32(w, ETHTOOL_A_COALESCE_TX_MAX_FRAMES, c.txMaxFrames());
        u32(w, ETHTOOL_A_COALESCE_TX_USECS_IRQ, c.txUsecsIrq());
        u32(w, ETHTOOL_A_COALESCE_TX_MAX_FRAMES_IRQ, c.txMaxFramesIrq());
        u32(w, ETHTOOL_A_COALESCE_STATS_BLOCK_USECS, c.statsBlockUsecs());
        bool(w, ETHTOOL_A_COALESCE_USE_ADAPTIVE_RX, c.useAdaptiveRx());
        bool(w, ETHTOOL_A_COALESCE_USE_ADAPTIVE_TX, c.useAdaptiveTx());
        u32(w, ETHTOOL_A_COALESCE_PKT_RATE_LOW, c.pktRateLow());
        u32(w, ETHTOOL_A_COALESCE_RX_USECS_LOW, c.rxUsecsLow());
        u32(w, ETHTOOL_A_COALESCE_RX_MAX_FRAMES_LOW, c.rxMaxFramesLow());
        u32(w, ETHTOOL_A_COALESCE_TX_USECS_LOW, c.txUsecsLow());
        u32(w, ETHTOOL_A_COALESCE_TX_MAX_FRAMES_LOW, c.txMaxFramesLow());
        u32(w, ETHTOOL_A_COALESCE_PKT_RATE_HIGH, c.pktRateHigh());
        u32(w, ETHTOOL_A_COALESCE_RX_USECS_HIGH, c.rxUsecsHigh());
        u32(w, ETHTOOL_A_COALESCE_RX_MAX_FRAMES_HIGH, c.rxMaxFramesHigh());
        u32(w, ETHTOOL_A_COALESCE_TX_USECS_HIGH, c.txUsecsHigh());
        u32(w, ETHTOOL_A_COALESCE_TX_MAX_FRAMES_HIGH, c.txMaxFramesHigh());
        u32(w, ETHTOOL_A_COALESCE_RATE_SAMPLE_INTERVAL, c.rateSampleInterval());
        bool(w, ETHTOOL_A_COALESCE_USE_CQE_MODE_TX, c.useCqeModeTx());
        bool(w, ETHTOOL_A_COALESCE_USE_CQE_MODE_RX, c.useCqeModeRx());
    }

    /**
     * {@return the attributes {@link #writeCoalesce} writes, as bytes: made before a request, so that a bad
     * value fails before anything is sent}
     */
    static byte[] coalesceAttributes(EthtoolCoalesce c) {
        try (MessageBuilder b = new MessageBuilder(512, false)) {
            b.begin(0, 0);
            writeCoalesce(b, c);
            b.end();
            MemorySegment m = b.segment();
            return m.asSlice(Netlink.NLMSG_HDRLEN).toArray(ValueLayout.JAVA_BYTE);
        }
    }

    /**
     * Writes a channels record's counts as {@code ETHTOOL_MSG_CHANNELS_SET} takes them (the maximums are
     * read-only and left out); null counts are left unchanged.
     */
    static void writeChannelCounts(PayloadWriter w, EthtoolChannels c) {
        u32(w, ETHTOOL_A_CHANNELS_RX_COUNT, c.rx());
        u32(w, ETHTOOL_A_CHANNELS_TX_COUNT, c.tx());
        u32(w, ETHTOOL_A_CHANNELS_OTHER_COUNT, c.other());
        u32(w, ETHTOOL_A_CHANNELS_COMBINED_COUNT, c.combined());
    }
}
