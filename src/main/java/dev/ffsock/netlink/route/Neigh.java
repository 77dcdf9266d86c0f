package dev.ffsock.netlink.route;

import java.net.InetAddress;
import java.util.List;

/**
 * A neighbour (ARP / NDP) entry as {@code RTM_NEWNEIGH} describes it: one line of
 * {@code ip neigh show}.
 *
 * @param family    {@code ndm_family}: AF_INET (2), AF_INET6 (10), AF_BRIDGE (7) for fdb entries
 * @param ifindex   {@code ndm_ifindex} ({@code dev})
 * @param state     {@code ndm_state} ({@code REACHABLE}, {@code PERMANENT}, …)
 * @param flags     {@code ndm_flags}, {@code NTF_*} ({@code router}, {@code proxy}, …)
 * @param type      {@code ndm_type} (an {@code RTN_*} value)
 * @param dst       {@code NDA_DST}, or null
 * @param lladdr    {@code NDA_LLADDR} bytes ({@code lladdr}), or null
 * @param probes    {@code NDA_PROBES} ({@code probes}), -1 if absent
 * @param cacheInfo {@code NDA_CACHEINFO} timers, or null
 * @param vlan      {@code NDA_VLAN}, -1 if absent
 * @param master    {@code NDA_MASTER}, 0 if absent
 * @param protocol  {@code NDA_PROTOCOL} ({@code proto}), -1 if absent
 * @param raw       attributes not interpreted, in message order
 */
public record Neigh(int family, int ifindex, NeighState state, int flags, int type, InetAddress dst,
        byte[] lladdr, int probes, NeighCacheInfo cacheInfo, int vlan, int master, int protocol,
        List<RawAttribute> raw) {
    /** Defensive copy of {@code raw}. */
    public Neigh {
        raw = raw == null ? List.of() : List.copyOf(raw);
    }

    /** {@return {@code lladdr} as {@code ip} prints it, or null} */
    public String lladdrString() {
        return Link.hardwareAddress(lladdr);
    }

    /** {@return whether the {@code NTF_ROUTER} flag is set (an IPv6 router)} */
    public boolean isRouter() {
        return (flags & Rtnl.NTF_ROUTER) != 0;
    }
}
