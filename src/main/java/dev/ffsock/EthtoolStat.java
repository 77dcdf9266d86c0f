package dev.ffsock;

import java.util.Objects;

/**
 * One driver statistic as {@code ethtool -S DEV} prints it: a name from the driver's {@code ETH_SS_STATS}
 * string set and its {@code ETHTOOL_GSTATS} value.
 *
 * @param name the statistic's name, e.g. {@code peer_ifindex}
 * @param value its value, an unsigned 64-bit bit pattern
 */
public record EthtoolStat(String name, long value) {
    /** Checks the name is there. */
    public EthtoolStat {
        Objects.requireNonNull(name, "name");
    }

    /** {@return e.g. {@code rx_drops: 0}, the value unsigned} */
    @Override
    public String toString() {
        return name + ": " + Long.toUnsignedString(value);
    }
}
