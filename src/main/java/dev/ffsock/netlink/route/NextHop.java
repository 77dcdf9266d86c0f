package dev.ffsock.netlink.route;

import java.net.InetAddress;
import java.util.List;

/**
 * One path of a multipath route ({@code RTA_MULTIPATH}, a {@code struct rtnexthop} with its
 * attributes): a {@code nexthop via 192.0.2.1 dev eth0 weight 2} of {@code ip route}.
 *
 * @param ifindex {@code rtnh_ifindex} ({@code dev})
 * @param weight  {@code rtnh_hops + 1} ({@code weight})
 * @param flags   {@code rtnh_flags}, {@code RTNH_F_*} ({@code onlink}, {@code linkdown}, {@code dead}, …)
 * @param gateway the nested {@code RTA_GATEWAY} ({@code via}), or null
 * @param via     the nested {@code RTA_VIA} address (a gateway of another family), or null
 * @param flow    the nested {@code RTA_FLOW} (realms), 0 if absent
 * @param raw     nested attributes not interpreted
 */
public record NextHop(int ifindex, int weight, int flags, InetAddress gateway, InetAddress via, int flow,
        List<RawAttribute> raw) {
    /** Defensive copy of {@code raw}. */
    public NextHop {
        raw = raw == null ? List.of() : List.copyOf(raw);
    }

    /** {@return the gateway, from {@code RTA_GATEWAY} or else {@code RTA_VIA}; null if on-link} */
    public InetAddress nextHopAddress() {
        return gateway != null ? gateway : via;
    }
}
