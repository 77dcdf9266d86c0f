package dev.ffsock.netlink.tc;

/**
 * What {@code tc class add|replace ... htb rate RATE [ceil RATE] [burst BYTES] [cburst BYTES] [prio N]
 * [quantum N]} asks for. Zero for burst, cburst and quantum means tc's default (burst: rate / HZ + mtu;
 * quantum: rate / r2q, by the kernel); ceil 0 means the rate.
 *
 * @param rate    bytes per second, positive
 * @param ceil    bytes per second, 0 for the rate; not below it
 * @param burst   bytes, 0 for the default
 * @param cburst  bytes, 0 for the default
 * @param prio    0..7 ({@code prio})
 * @param quantum bytes, 0 for the kernel's default
 * @param mtu     the packet size the rate tables are computed for (tc's default 1600)
 */
public record HtbClassSpec(long rate, long ceil, long burst, long cburst, int prio, long quantum, int mtu) {
    /** tc's {@code mtu} default for htb classes. */
    public static final int DEFAULT_MTU = 1600;

    /** Checks the ranges. */
    public HtbClassSpec {
        if (rate <= 0) throw new IllegalArgumentException("htb rate must be positive: " + rate);
        if (ceil < 0) throw new IllegalArgumentException("htb ceil must not be negative: " + ceil);
        if (ceil != 0 && ceil < rate) throw new IllegalArgumentException("htb ceil " + ceil + " is below the rate " + rate);
        if (burst < 0) throw new IllegalArgumentException("htb burst must not be negative: " + burst);
        TcChecks.u32(cburst, "htb cburst");
        if (prio < 0 || prio > 7) throw new IllegalArgumentException("htb prio must be 0..7: " + prio);
        TcChecks.u32(quantum, "htb quantum");
        if (mtu < 1) throw new IllegalArgumentException("htb mtu must be positive: " + mtu);
        if (burst != 0 && TcUnits.xmitTime(rate, burst) == 0xffffffffL) {
            throw new IllegalArgumentException("htb burst " + burst + " out of range for rate " + rate + " (tc: burst out of range)");
        }
    }

    /**
     * {@return an htb class of {@code rate} and {@code ceil}, every other parameter tc's default}
     *
     * @param rate bytes per second
     * @param ceil bytes per second, 0 for the rate
     */
    public static HtbClassSpec of(long rate, long ceil) {
        return new HtbClassSpec(rate, ceil, 0, 0, 0, 0, DEFAULT_MTU);
    }
}
