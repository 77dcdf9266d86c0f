package dev.ffsock.netlink.tc;

import dev.ffsock.netlink.route.RawAttribute;

import java.util.List;

/**
 * A traffic class as {@code RTM_NEWTCLASS} describes it: one entry of {@code tc class show}.
 *
 * @param ifindex {@code tcm_ifindex} ({@code dev})
 * @param handle  {@code tcm_handle}: the class id ({@code 1:10})
 * @param parent  {@code tcm_parent}: {@link Tca#TC_H_ROOT} for a class directly under the qdisc, else the parent class
 * @param leaf    {@code tcm_info}: the handle of the leaf qdisc attached below, 0 if none
 * @param kind    {@code TCA_KIND}
 * @param options {@code TCA_OPTIONS} decoded, or null if absent
 * @param stats   {@code TCA_STATS2}, or null
 * @param xstats  the htb class's extended statistics, or null
 * @param raw     attributes not interpreted, in message order
 */
public record TcClass(int ifindex, int handle, int parent, int leaf, String kind, TcOptions options, TcStats stats,
        HtbXstats xstats, List<RawAttribute> raw) {
    /** Copies {@code raw}. */
    public TcClass {
        raw = raw == null ? List.of() : List.copyOf(raw);
    }
}
