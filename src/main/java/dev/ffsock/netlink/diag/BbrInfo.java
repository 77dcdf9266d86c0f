package dev.ffsock.netlink.diag;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * BBR congestion control state ({@code struct tcp_bbr_info}, INET_DIAG_BBRINFO, sent when the
 * request asks for INET_DIAG_VEGASINFO and the socket runs BBR; {@code ss -i} prints
 * {@code bbr:(bw:…bps,mrtt:…,pacing_gain:…,cwnd_gain:…)}).
 *
 * @param bandwidth   estimated bottleneck bandwidth, bytes per second (bbr_bw_hi:bbr_bw_lo)
 * @param minRtt      minimum RTT, microseconds (unsigned 32 bits)
 * @param pacingGain  pacing gain shifted left 8 bits (256 = 1.0), unsigned 32 bits
 * @param cwndGain    cwnd gain shifted left 8 bits, unsigned 32 bits
 */
public record BbrInfo(long bandwidth, long minRtt, long pacingGain, long cwndGain) {
    /** {@code sizeof(struct tcp_bbr_info)}: five u32s. */
    public static final int SIZE = 20;

    /**
     * {@return the fields in {@code value}, or null if it is shorter than the struct}
     *
     * @param value the attribute's value
     */
    public static BbrInfo parse(MemorySegment value) {
        if (value.byteSize() < SIZE) return null;
        return new BbrInfo(u32(value, 0) | u32(value, 4) << 32, u32(value, 8), u32(value, 12), u32(value, 16));
    }

    private static long u32(MemorySegment s, long off) {
        return Integer.toUnsignedLong(s.get(ValueLayout.JAVA_INT_UNALIGNED, off));
    }
}
