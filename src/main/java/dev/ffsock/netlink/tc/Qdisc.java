package dev.ffsock.netlink.tc;

import dev.ffsock.netlink.route.RawAttribute;

import java.util.List;

/**
 * A queueing discipline as {@code RTM_NEWQDISC} describes it: one line of {@code tc qdisc show}.
 *
 * @param ifindex      {@code tcm_ifindex} ({@code dev})
 * @param handle       {@code tcm_handle} ({@code 1:}; {@link TcHandle#qdiscHandle})
 * @param parent       {@code tcm_parent}: {@link Tca#TC_H_ROOT} ({@code root}), {@link Tca#TC_H_INGRESS}, or a class
 * @param refcnt       {@code tcm_info} ({@code refcnt})
 * @param kind         {@code TCA_KIND} ({@code htb}, {@code tbf}, …)
 * @param options      {@code TCA_OPTIONS} decoded, or null if absent
 * @param stats        {@code TCA_STATS2}, or null
 * @param hwOffload    {@code TCA_HW_OFFLOAD} ({@code offloaded})
 * @param ingressBlock {@code TCA_INGRESS_BLOCK}, 0 if absent
 * @param egressBlock  {@code TCA_EGRESS_BLOCK}, 0 if absent
 * @param raw          attributes not interpreted, in message order
 */
public record Qdisc(int ifindex, int handle, int parent, int refcnt, String kind, TcOptions options, TcStats stats,
        boolean hwOffload, int ingressBlock, int egressBlock, List<RawAttribute> raw) {
    /** Copies {@code raw}. */
    public Qdisc {
        raw = raw == null ? List.of() : List.copyOf(raw);
    }

    /** {@return whether this is a root qdisc} */
    public boolean isRoot() {
        return parent == Tca.TC_H_ROOT;
    }
}
