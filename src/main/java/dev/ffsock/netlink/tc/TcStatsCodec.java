package dev.ffsock.netlink.tc;

import dev.ffsock.netlink.Attributes;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/** Decodes {@code TCA_STATS2} and the kinds' extended statistics ({@code TCA_STATS_APP}). */
final class TcStatsCodec {
    /** {@code sizeof(struct gnet_stats_basic)} as the kernel sends it (bytes, packets; no tail padding). */
    static final int GNET_STATS_BASIC_MIN = 12;
    /** {@code sizeof(struct gnet_stats_queue)}. */
    static final int GNET_STATS_QUEUE_SIZE = 20;
    /** {@code sizeof(struct gnet_stats_rate_est)}. */
    static final int GNET_STATS_RATE_EST_SIZE = 8;
    /** {@code sizeof(struct gnet_stats_rate_est64)}. */
    static final int GNET_STATS_RATE_EST64_SIZE = 16;
    /** {@code sizeof(struct tc_htb_xstats)}. */
    static final int TC_HTB_XSTATS_SIZE = 20;

    private TcStatsCodec() {
    }

    static TcStats decode(Attributes a) {
        boolean hasBasic = false, hasQueue = false, hasRate = false;
        long bytes = 0, packets = 0, pkt64 = -1, qlen = 0, backlog = 0, drops = 0, requeues = 0, overlimits = 0;
        long bps = 0, pps = 0;
        boolean rate64 = false;
        byte[] app = null;
        while (a.next()) {
            MemorySegment v = a.segment();
            int len = a.length();
            switch (a.type()) {
                case Tca.TCA_STATS_BASIC -> {
                    if (len >= GNET_STATS_BASIC_MIN) {
                        hasBasic = true;
                        bytes = v.get(ValueLayout.JAVA_LONG_UNALIGNED, 0);
                        packets = u32(v, 8);
                    }
                }
                case Tca.TCA_STATS_PKT64 -> { if (len == 8) pkt64 = v.get(ValueLayout.JAVA_LONG_UNALIGNED, 0); }
                case Tca.TCA_STATS_QUEUE -> {
                    if (len >= GNET_STATS_QUEUE_SIZE) {
                        hasQueue = true;
                        qlen = u32(v, 0);
                        backlog = u32(v, 4);
                        drops = u32(v, 8);
                        requeues = u32(v, 12);
                        overlimits = u32(v, 16);
                    }
                }
                case Tca.TCA_STATS_RATE_EST64 -> {
                    if (len >= GNET_STATS_RATE_EST64_SIZE) {
                        hasRate = rate64 = true;
                        bps = v.get(ValueLayout.JAVA_LONG_UNALIGNED, 0);
                        pps = v.get(ValueLayout.JAVA_LONG_UNALIGNED, 8);
                    }
                }
                case Tca.TCA_STATS_RATE_EST -> {
                    if (len >= GNET_STATS_RATE_EST_SIZE && !rate64) {
                        hasRate = true;
                        bps = u32(v, 0);
                        pps = u32(v, 4);
                    }
                }
                case Tca.TCA_STATS_APP -> app = a.bytes();
                default -> { }
            }
        }
        if (pkt64 > 0) packets = pkt64;
        return new TcStats(hasBasic, bytes, packets, hasQueue, qlen, backlog, drops, requeues, overlimits, hasRate, bps,
                pps, app);
    }

    /** An htb class's {@code struct tc_htb_xstats}, or null for another kind or a short value. */
    static HtbXstats htbXstats(String kind, byte[] app) {
        if (!"htb".equals(kind) || app == null || app.length < TC_HTB_XSTATS_SIZE) return null;
        MemorySegment v = MemorySegment.ofArray(app);
        return new HtbXstats(u32(v, 0), u32(v, 4), u32(v, 8), v.get(ValueLayout.JAVA_INT_UNALIGNED, 12),
                v.get(ValueLayout.JAVA_INT_UNALIGNED, 16));
    }

    static long u32(MemorySegment v, long off) {
        return Integer.toUnsignedLong(v.get(ValueLayout.JAVA_INT_UNALIGNED, off));
    }
}
