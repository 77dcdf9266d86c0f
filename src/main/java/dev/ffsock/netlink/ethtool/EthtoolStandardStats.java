package dev.ffsock.netlink.ethtool;

import java.util.List;

/**
 * A device's standard statistics ({@code ETHTOOL_MSG_STATS_GET}): {@code ethtool -S DEV --all-groups}
 * or {@code --groups NAME...}.
 *
 * @param header the device
 * @param groups the groups asked for, in the kernel's order
 */
public record EthtoolStandardStats(EthtoolHeader header, List<EthtoolStatsGroup> groups) {
    /** Copies the list. */
    public EthtoolStandardStats {
        groups = List.copyOf(groups);
    }
}
