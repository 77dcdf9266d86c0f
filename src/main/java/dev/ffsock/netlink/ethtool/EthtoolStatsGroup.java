package dev.ffsock.netlink.ethtool;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One group of a device's standard statistics ({@code ETHTOOL_A_STATS_GRP}): the counters the device
 * reports in it, named from the group's string set, and for {@code rmon} the packet size histograms.
 * A device without the group's counters gives an empty group, as ethtool prints {@code "eth-mac": {}}.
 *
 * @param id        the group's id ({@code ETHTOOL_STATS_*}), its index in the {@code ETH_SS_STATS_STD} names
 * @param name      the group's name ({@code eth-phy}, {@code eth-mac}, {@code eth-ctrl}, {@code rmon}, …)
 * @param stringSet the string set naming its counters ({@code ETH_SS_STATS_*})
 * @param counters  the counters the device reports, by name, in the kernel's order (unsigned 64-bit bit
 *                  patterns); a counter without a name in the string set is named {@code stat-N}
 * @param rxHistogram RX packet size buckets ({@code rmon} only)
 * @param txHistogram TX packet size buckets ({@code rmon} only)
 */
public record EthtoolStatsGroup(int id, String name, int stringSet, Map<String, Long> counters,
                                List<Bucket> rxHistogram, List<Bucket> txHistogram) {
    /**
     * One histogram bucket ({@code ETHTOOL_A_STATS_GRP_HIST_*}): frames of {@code low} to {@code high} bytes.
     *
     * @param low   the smallest size (0: none given)
     * @param high  the largest size (0: no upper bound)
     * @param value the frames counted (an unsigned 64-bit bit pattern)
     */
    public record Bucket(long low, long high, long value) {
    }

    /** Copies the collections. */
    public EthtoolStatsGroup {
        Objects.requireNonNull(name, "name");
        counters = Collections.unmodifiableMap(new LinkedHashMap<>(counters));
        rxHistogram = List.copyOf(rxHistogram);
        txHistogram = List.copyOf(txHistogram);
    }
}
