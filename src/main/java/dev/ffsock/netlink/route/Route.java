package dev.ffsock.netlink.route;

import java.net.InetAddress;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.Collections;

/**
 * A route as {@code RTM_NEWROUTE} describes it: one line of {@code ip route show table all}.
 *
 * <p>Absent attributes: addresses and objects are null, {@code oif}/{@code iif}/{@code flow}/
 * {@code nhId} are 0, {@code priority}, {@code pref} and {@code mark} are -1. A default route has
 * a null {@code dst} and {@code dstLen} 0.
 *
 * @param family            {@code rtm_family}: AF_INET (2), AF_INET6 (10), …
 * @param dstLen            {@code rtm_dst_len} (the {@code /24} of {@code dst})
 * @param srcLen            {@code rtm_src_len} ({@code from} prefix length)
 * @param tos               {@code rtm_tos} ({@code tos})
 * @param table             {@code RTA_TABLE} if present, else {@code rtm_table} ({@code table local}; 254 main)
 * @param protocol          {@code rtm_protocol} ({@code proto kernel})
 * @param scope             {@code rtm_scope} ({@code scope link})
 * @param type              {@code rtm_type} ({@code unicast}, {@code local}, {@code blackhole}, …)
 * @param flags             {@code rtm_flags}: {@code RTNH_F_*} in the low byte, {@code RTM_F_*} above
 * @param dst               {@code RTA_DST}
 * @param src               {@code RTA_SRC} ({@code from})
 * @param iif               {@code RTA_IIF} ({@code iif})
 * @param oif               {@code RTA_OIF} ({@code dev})
 * @param gateway           {@code RTA_GATEWAY} ({@code via})
 * @param via               {@code RTA_VIA}: a gateway of another family ({@code via inet6 fe80::1})
 * @param prefsrc           {@code RTA_PREFSRC} ({@code src})
 * @param priority          {@code RTA_PRIORITY} ({@code metric}), unsigned, -1 if absent
 * @param metrics           {@code RTA_METRICS}: {@code RTAX_*} to value ({@code mtu 1400 advmss 1360}),
 *                          sorted by {@code RTAX_*}; {@code RTAX_CC_ALGO} is in {@code congestionControl}
 * @param congestionControl {@code RTAX_CC_ALGO} ({@code congctl}), or null
 * @param nextHops          {@code RTA_MULTIPATH} paths ({@code nexthop ...}); empty if single-path
 * @param cacheInfo         {@code RTA_CACHEINFO} ({@code expires}), or null
 * @param pref              {@code RTA_PREF}: IPv6 router preference, 0 medium, 1 high, 3 low ({@code pref medium})
 * @param mark              {@code RTA_MARK}, -1 if absent
 * @param flow              {@code RTA_FLOW} (realms), 0 if absent
 * @param nhId              {@code RTA_NH_ID} ({@code nhid}), 0 if absent
 * @param raw               attributes not interpreted, in message order
 */
public record Route(int family, int dstLen, int srcLen, int tos, int table, RouteProtocol protocol, Scope scope,
        RouteType type, int flags, InetAddress dst, InetAddress src, int iif, int oif, InetAddress gateway,
        InetAddress via, InetAddress prefsrc, long priority, Map<Integer, Long> metrics, String congestionControl,
        List<NextHop> nextHops, RouteCacheInfo cacheInfo, int pref, long mark, int flow, int nhId,
        List<RawAttribute> raw) {
    /** {@code rtm_flags} bit RTM_F_CLONED (a cache entry). */
    public static final int RTM_F_CLONED = Rtnl.RTM_F_CLONED;

    /** Defensive copies of the collections. */
    public Route {
        metrics = metrics == null || metrics.isEmpty() ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(metrics));
        nextHops = nextHops == null ? List.of() : List.copyOf(nextHops);
        raw = raw == null ? List.of() : List.copyOf(raw);
    }

    /** {@return the table's name as {@code ip} prints it: {@code main}, {@code local}, {@code default}, or the number} */
    public String tableName() {
        return tableName(table);
    }

    /**
     * A routing table's name as in iproute2's rt_tables: 255 {@code local}, 254 {@code main},
     * 253 {@code default}, 0 {@code unspec}; others as the unsigned decimal number.
     *
     * @param table the table id
     * @return the name
     */
    public static String tableName(int table) {
        return switch (table) {
            case Rtnl.RT_TABLE_LOCAL -> "local";
            case Rtnl.RT_TABLE_MAIN -> "main";
            case Rtnl.RT_TABLE_DEFAULT -> "default";
            case Rtnl.RT_TABLE_UNSPEC -> "unspec";
            default -> Integer.toUnsignedString(table);
        };
    }

    /**
     * {@return the metric {@code rtax} ({@code Rtnl.RTAX_MTU}, …), or -1 if not set}
     *
     * @param rtax an {@code RTAX_*} metric number ({@code RTAX_MTU}, …)
     */
    public long metric(int rtax) {
        Long v = metrics.get(rtax);
        return v == null ? -1 : v;
    }

    /**
     * {@return {@code RTA_UID}: the uid an {@code ip route get … uid U} answer was looked up for
     * (kept in {@link #raw()}), or -1 if absent}
     */
    public long uid() {
        for (RawAttribute a : raw) {
            if (a.type() == Rtnl.RTA_UID && a.value().length == 4) {
                return Integer.toUnsignedLong(java.nio.ByteBuffer.wrap(a.value()).order(java.nio.ByteOrder.nativeOrder()).getInt());
            }
        }
        return -1;
    }

    /** {@return the {@code RTA_PREF} name: {@code medium}, {@code high}, {@code low}, or the number; null if absent} */
    public String prefName() {
        return switch (pref) {
            case -1 -> null;
            case 0 -> "medium";
            case 1 -> "high";
            case 3 -> "low";
            default -> Integer.toString(pref);
        };
    }
}
