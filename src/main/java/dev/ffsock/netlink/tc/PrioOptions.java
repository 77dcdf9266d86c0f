package dev.ffsock.netlink.tc;

import java.util.Arrays;

/**
 * A prio or pfifo_fast qdisc's options ({@code struct tc_prio_qopt}).
 *
 * @param bands   {@code bands}
 * @param priomap {@code priomap}: the band of each of the 16 priorities (a copy; do not modify)
 */
public record PrioOptions(int bands, byte[] priomap) implements TcOptions {
    /** Copies the map. */
    public PrioOptions {
        priomap = priomap.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PrioOptions p && p.bands == bands && Arrays.equals(p.priomap, priomap);
    }

    @Override
    public int hashCode() {
        return bands * 31 + Arrays.hashCode(priomap);
    }

    /** {@return e.g. {@code PrioOptions[bands=3, priomap=[1, 2, …]]}} */
    @Override
    public String toString() {
        return "PrioOptions[bands=" + bands + ", priomap=" + Arrays.toString(priomap) + "]";
    }
}
