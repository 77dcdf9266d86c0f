package dev.ffsock.netlink.route;

import java.net.InetAddress;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A route as {@code RTM_NEWROUTE} describes it: one line of {@code ip route show table all}.
 *
 * <p>Absent attributes: addresses and objects are null, {@code oif}/{@code iif}/{@code flow}/
 * {@code nhId} are 0, {@code priority}, {@code pref} and {@code mark} are -1. A default route has
 * a null {@code dst} and {@code dstLen} 0.
 *
 * <p>Each accessor names the field or attribute it holds. They are those of a record with the
 * constructor's parameters as components ({@code equals}, {@code hashCode} and {@code toString}
 * behave as a record's), but the object is laid out
 * compactly: the small header fields share words and the attributes most routes lack are held
 * apart, so a dump of a million routes allocates about a hundred bytes per route.
 */
public final class Route {
    /** {@code rtm_flags} bit RTM_F_CLONED (a cache entry). */
    public static final int RTM_F_CLONED = Rtnl.RTM_F_CLONED;

    private final int head;   // family | dstLen << 8 | srcLen << 16 | tos << 24
    private final int kinds;  // protocol | scope << 8 | type << 16
    private final int table;
    private final int flags;
    private final int oif;
    private final long priority;
    private final InetAddress dst;
    private final InetAddress gateway;
    private final InetAddress prefsrc;
    private final More more;

    /** The attributes most routes lack; {@link #NONE} when all are absent. */
    private record More(InetAddress src, int iif, InetAddress via, Map<Integer, Long> metrics,
            String congestionControl, List<NextHop> nextHops, RouteCacheInfo cacheInfo, int pref, long mark,
            int flow, int nhId, List<RawAttribute> raw) {
        static final More NONE = new More(null, 0, null, Map.of(), null, List.of(), null, -1, -1, 0, 0, List.of());
    }

    /**
     * A route from its fields (see the class description for each).
     *
     * @param family            {@code rtm_family}
     * @param dstLen            {@code rtm_dst_len}, 0..255
     * @param srcLen            {@code rtm_src_len}, 0..255
     * @param tos               {@code rtm_tos}, 0..255
     * @param table             the table id
     * @param protocol          {@code rtm_protocol}
     * @param scope             {@code rtm_scope}
     * @param type              {@code rtm_type}
     * @param flags             {@code rtm_flags}
     * @param dst               {@code RTA_DST}, or null
     * @param src               {@code RTA_SRC}, or null
     * @param iif               {@code RTA_IIF}, or 0
     * @param oif               {@code RTA_OIF}, or 0
     * @param gateway           {@code RTA_GATEWAY}, or null
     * @param via               {@code RTA_VIA}, or null
     * @param prefsrc           {@code RTA_PREFSRC}, or null
     * @param priority          {@code RTA_PRIORITY}, or -1
     * @param metrics           {@code RTAX_*} to value; null for none
     * @param congestionControl {@code RTAX_CC_ALGO}, or null
     * @param nextHops          {@code RTA_MULTIPATH} paths; null for none
     * @param cacheInfo         {@code RTA_CACHEINFO}, or null
     * @param pref              {@code RTA_PREF}, or -1
     * @param mark              {@code RTA_MARK}, or -1
     * @param flow              {@code RTA_FLOW}, or 0
     * @param nhId              {@code RTA_NH_ID}, or 0
     * @param raw               attributes not interpreted; null for none
     * @throws IllegalArgumentException if {@code family}, {@code dstLen}, {@code srcLen} or
     *         {@code tos} is outside 0..255
     * @throws NullPointerException if {@code protocol}, {@code scope} or {@code type} is null
     */
    public Route(int family, int dstLen, int srcLen, int tos, int table, RouteProtocol protocol, Scope scope,
            RouteType type, int flags, InetAddress dst, InetAddress src, int iif, int oif, InetAddress gateway,
            InetAddress via, InetAddress prefsrc, long priority, Map<Integer, Long> metrics, String congestionControl,
            List<NextHop> nextHops, RouteCacheInfo cacheInfo, int pref, long mark, int flow, int nhId,
            List<RawAttribute> raw) {
        this.head = u8(family, "family") | u8(dstLen, "dstLen") << 8 | u8(srcLen, "srcLen") << 16
                | u8(tos, "tos") << 24;
        this.kinds = u8(protocol.value(), "protocol") | u8(scope.value(), "scope") << 8
                | u8(type.value(), "type") << 16;
        this.table = table;
        this.flags = flags;
        this.oif = oif;
        this.priority = priority;
        this.dst = dst;
        this.gateway = gateway;
        this.prefsrc = prefsrc;
        boolean none = src == null && iif == 0 && via == null && (metrics == null || metrics.isEmpty())
                && congestionControl == null && (nextHops == null || nextHops.isEmpty()) && cacheInfo == null
                && pref == -1 && mark == -1 && flow == 0 && nhId == 0 && (raw == null || raw.isEmpty());
        this.more = none ? More.NONE : new More(src, iif, via,
                metrics == null || metrics.isEmpty() ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(metrics)),
                congestionControl, nextHops == null ? List.of() : List.copyOf(nextHops), cacheInfo, pref, mark, flow,
                nhId, raw == null ? List.of() : List.copyOf(raw));
    }

    private static int u8(int v, String what) {
        if (v < 0 || v > 255) throw new IllegalArgumentException(what + " outside 0..255: " + v);
        return v;
    }

    /** {@return {@code rtm_family}: AF_INET (2), AF_INET6 (10), …} */
    public int family() {
        return head & 0xff;
    }

    /** {@return {@code rtm_dst_len} (the {@code /24} of {@code dst})} */
    public int dstLen() {
        return head >>> 8 & 0xff;
    }

    /** {@return {@code rtm_src_len} ({@code from} prefix length)} */
    public int srcLen() {
        return head >>> 16 & 0xff;
    }

    /** {@return {@code rtm_tos} ({@code tos})} */
    public int tos() {
        return head >>> 24;
    }

    /** {@return {@code RTA_TABLE} if present, else {@code rtm_table} ({@code table local}; 254 main)} */
    public int table() {
        return table;
    }

    /** {@return {@code rtm_protocol} ({@code proto kernel})} */
    public RouteProtocol protocol() {
        return RouteProtocol.of(kinds & 0xff);
    }

    /** {@return {@code rtm_scope} ({@code scope link})} */
    public Scope scope() {
        return Scope.of(kinds >>> 8 & 0xff);
    }

    /** {@return {@code rtm_type} ({@code unicast}, {@code local}, {@code blackhole}, …)} */
    public RouteType type() {
        return RouteType.of(kinds >>> 16 & 0xff);
    }

    /** {@return {@code rtm_flags}: {@code RTNH_F_*} in the low byte, {@code RTM_F_*} above} */
    public int flags() {
        return flags;
    }

    /** {@return {@code RTA_DST}, or null (a default route)} */
    public InetAddress dst() {
        return dst;
    }

    /** {@return {@code RTA_SRC} ({@code from}), or null} */
    public InetAddress src() {
        return more.src;
    }

    /** {@return {@code RTA_IIF} ({@code iif}), 0 if absent} */
    public int iif() {
        return more.iif;
    }

    /** {@return {@code RTA_OIF} ({@code dev}), 0 if absent} */
    public int oif() {
        return oif;
    }

    /** {@return {@code RTA_GATEWAY} ({@code via}), or null} */
    public InetAddress gateway() {
        return gateway;
    }

    /** {@return {@code RTA_VIA}: a gateway of another family ({@code via inet6 fe80::1}), or null} */
    public InetAddress via() {
        return more.via;
    }

    /** {@return {@code RTA_PREFSRC} ({@code src}), or null} */
    public InetAddress prefsrc() {
        return prefsrc;
    }

    /** {@return {@code RTA_PRIORITY} ({@code metric}), unsigned, -1 if absent} */
    public long priority() {
        return priority;
    }

    /**
     * {@return {@code RTA_METRICS}: {@code RTAX_*} to value ({@code mtu 1400 advmss 1360}), sorted by
     * {@code RTAX_*}, unmodifiable; {@code RTAX_CC_ALGO} is in {@link #congestionControl()}}
     */
    public Map<Integer, Long> metrics() {
        return more.metrics;
    }

    /** {@return {@code RTAX_CC_ALGO} ({@code congctl}), or null} */
    public String congestionControl() {
        return more.congestionControl;
    }

    /** {@return {@code RTA_MULTIPATH} paths ({@code nexthop ...}); empty if single-path} */
    public List<NextHop> nextHops() {
        return more.nextHops;
    }

    /** {@return {@code RTA_CACHEINFO} ({@code expires}), or null} */
    public RouteCacheInfo cacheInfo() {
        return more.cacheInfo;
    }

    /** {@return {@code RTA_PREF}: IPv6 router preference, 0 medium, 1 high, 3 low; -1 if absent} */
    public int pref() {
        return more.pref;
    }

    /** {@return {@code RTA_MARK}, -1 if absent} */
    public long mark() {
        return more.mark;
    }

    /** {@return {@code RTA_FLOW} (realms), 0 if absent} */
    public int flow() {
        return more.flow;
    }

    /** {@return {@code RTA_NH_ID} ({@code nhid}), 0 if absent} */
    public int nhId() {
        return more.nhId;
    }

    /** {@return the attributes not interpreted, in message order} */
    public List<RawAttribute> raw() {
        return more.raw;
    }

    /** {@return whether {@code o} is a Route with equal fields} */
    @Override
    public boolean equals(Object o) {
        return o instanceof Route r && head == r.head && kinds == r.kinds && table == r.table && flags == r.flags
                && oif == r.oif && priority == r.priority && Objects.equals(dst, r.dst)
                && Objects.equals(gateway, r.gateway) && Objects.equals(prefsrc, r.prefsrc) && more.equals(r.more);
    }

    /** {@return a hash of all fields} */
    @Override
    public int hashCode() {
        return Objects.hash(head, kinds, table, flags, oif, priority, dst, gateway, prefsrc, more);
    }

    /** {@return every field, as a record prints them: {@code Route[family=2, dstLen=24, …]}} */
    @Override
    public String toString() {
        return "Route[family=" + family() + ", dstLen=" + dstLen() + ", srcLen=" + srcLen() + ", tos=" + tos()
                + ", table=" + table + ", protocol=" + protocol() + ", scope=" + scope() + ", type=" + type()
                + ", flags=" + flags + ", dst=" + dst + ", src=" + src() + ", iif=" + iif() + ", oif=" + oif
                + ", gateway=" + gateway + ", via=" + via() + ", prefsrc=" + prefsrc + ", priority=" + priority
                + ", metrics=" + metrics() + ", congestionControl=" + congestionControl() + ", nextHops=" + nextHops()
                + ", cacheInfo=" + cacheInfo() + ", pref=" + pref() + ", mark=" + mark() + ", flow=" + flow()
                + ", nhId=" + nhId() + ", raw=" + raw() + "]";
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
        Long v = more.metrics.get(rtax);
        return v == null ? -1 : v;
    }

    /**
     * {@return {@code RTA_UID}: the uid an {@code ip route get … uid U} answer was looked up for
     * (kept in {@link #raw()}), or -1 if absent}
     */
    public long uid() {
        for (RawAttribute a : more.raw) {
            if (a.type() == Rtnl.RTA_UID && a.value().length == 4) {
                return Integer.toUnsignedLong(java.nio.ByteBuffer.wrap(a.value()).order(java.nio.ByteOrder.nativeOrder()).getInt());
            }
        }
        return -1;
    }

    /** {@return the {@code RTA_PREF} name: {@code medium}, {@code high}, {@code low}, or the number; null if absent} */
    public String prefName() {
        return switch (more.pref) {
            case -1 -> null;
            case 0 -> "medium";
            case 1 -> "high";
            case 3 -> "low";
            default -> Integer.toString(more.pref);
        };
    }
}
