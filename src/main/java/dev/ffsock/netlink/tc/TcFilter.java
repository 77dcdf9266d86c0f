package dev.ffsock.netlink.tc;

import dev.ffsock.netlink.route.RawAttribute;

import java.util.List;

/**
 * A classifier (filter) as {@code RTM_NEWTFILTER} describes it: one entry of {@code tc filter show}.
 *
 * @param ifindex  {@code tcm_ifindex} ({@code dev})
 * @param handle   {@code tcm_handle} ({@code fh}; for u32 see {@link TcHandle#u32Handle})
 * @param parent   {@code tcm_parent}: the qdisc or class the filter is attached to
 * @param protocol the Ethernet protocol ({@code TC_H_MIN(tcm_info)}, host order: {@link Tca#ETH_P_IP}, …)
 * @param pref     the priority ({@code TC_H_MAJ(tcm_info) >> 16}, {@code pref})
 * @param kind     {@code TCA_KIND} ({@code u32}, …)
 * @param chain    {@code TCA_CHAIN}, -1 if absent
 * @param options  {@code TCA_OPTIONS} decoded, or null if absent
 * @param stats    {@code TCA_STATS2}, or null
 * @param raw      attributes not interpreted, in message order
 */
public record TcFilter(int ifindex, int handle, int parent, int protocol, int pref, String kind, long chain,
        TcOptions options, TcStats stats, List<RawAttribute> raw) {
    /** Copies {@code raw}. */
    public TcFilter {
        raw = raw == null ? List.of() : List.copyOf(raw);
    }
}
