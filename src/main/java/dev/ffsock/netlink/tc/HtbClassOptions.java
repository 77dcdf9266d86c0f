package dev.ffsock.netlink.tc;

/**
 * An htb class's options ({@code struct tc_htb_opt} in {@code TCA_HTB_PARMS}, {@code TCA_HTB_RATE64},
 * {@code TCA_HTB_CEIL64}): what {@code tc class show} prints after {@code htb}.
 *
 * @param rate    {@code rate}
 * @param ceil    {@code ceil}
 * @param buffer  {@code buffer}: the burst, in scheduler ticks at {@code rate}
 * @param cbuffer {@code cbuffer}: the ceil burst, in ticks at {@code ceil}
 * @param quantum {@code quantum}
 * @param level   {@code level}: 0 for a leaf
 * @param prio    {@code prio}
 * @param rate64  {@code TCA_HTB_RATE64}, or the 32-bit rate when absent
 * @param ceil64  {@code TCA_HTB_CEIL64}, or the 32-bit ceil when absent
 */
public record HtbClassOptions(RateSpec rate, RateSpec ceil, long buffer, long cbuffer, long quantum, long level,
        long prio, long rate64, long ceil64) implements TcOptions {
    /** {@return the burst in bytes, as {@code tc} computes it back from the ticks} */
    public long burstBytes() {
        return (long) TcUnits.xmitSize(rate64, buffer);
    }

    /** {@return the ceil burst in bytes, as {@code tc} computes it back from the ticks} */
    public long cburstBytes() {
        return (long) TcUnits.xmitSize(ceil64, cbuffer);
    }
}
