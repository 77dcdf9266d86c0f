package dev.ffsock.netlink.tc;

/**
 * A tbf qdisc's options ({@code struct tc_tbf_qopt} in {@code TCA_TBF_PARMS}, the 64-bit rates and bursts).
 *
 * @param rate     {@code rate}
 * @param peakrate {@code peakrate}
 * @param limit    {@code limit}: bytes that may wait
 * @param buffer   {@code buffer}: the burst, in scheduler ticks at the rate
 * @param mtu      {@code mtu}: the peak burst, in ticks at the peak rate
 * @param rate64   {@code TCA_TBF_RATE64}, or the 32-bit rate when absent
 * @param prate64  {@code TCA_TBF_PRATE64}, or the 32-bit peak rate when absent
 */
public record TbfOptions(RateSpec rate, RateSpec peakrate, long limit, long buffer, long mtu, long rate64,
        long prate64) implements TcOptions {
    /** {@return the burst in bytes, as {@code tc} computes it back from the ticks} */
    public long burstBytes() {
        return (long) TcUnits.xmitSize(rate64, buffer);
    }

    /**
     * {@return the latency in microseconds as {@code tc} prints it ({@code lat}): the time {@code limit}
     * bytes take at the rate, less the burst's; may be negative (then tc prints the limit)}
     */
    public double latencyMicros() {
        double lat = TcUnits.USEC_PER_SEC * (limit / (double) rate64) - TcUnits.ticksToMicroseconds(buffer);
        if (prate64 != 0) {
            double lat2 = TcUnits.USEC_PER_SEC * (limit / (double) prate64) - TcUnits.ticksToMicroseconds(mtu);
            if (lat2 > lat) lat = lat2;
        }
        return lat;
    }
}
