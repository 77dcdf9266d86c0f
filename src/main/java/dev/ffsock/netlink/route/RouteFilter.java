package dev.ffsock.netlink.route;

/**
 * Which routes {@link Rtnetlink#routes(RouteFilter)} returns, like {@code ip route show table T
 * proto P dev D} with {@code -4}/{@code -6}. Every field is 0 for "any". The kernel filters when it
 * supports strict checking; the result is checked again in Java either way.
 *
 * @param family   AF_INET (2), AF_INET6 (10), or 0 for both
 * @param table    a table id ({@code Rtnl.RT_TABLE_MAIN} 254, {@code RT_TABLE_LOCAL} 255, any u32), or 0 for all
 * @param protocol an {@code RTPROT_*} value, or 0 for any
 * @param oif      an output link index ({@code dev}), or 0 for any
 */
public record RouteFilter(int family, int table, int protocol, int oif) {
    /** Every route of every table and family ({@code ip route show table all}). */
    public static final RouteFilter ALL = new RouteFilter(0, 0, 0, 0);
    /** The main table, both families ({@code ip route show} is this with {@code -4}). */
    public static final RouteFilter MAIN = new RouteFilter(0, Rtnl.RT_TABLE_MAIN, 0, 0);

    /** Checks the ranges. */
    public RouteFilter {
        if (family < 0 || family > 255) throw new IllegalArgumentException("family out of range: " + family);
        if (protocol < 0 || protocol > 255) throw new IllegalArgumentException("protocol out of range: " + protocol);
        if (oif < 0) throw new IllegalArgumentException("negative oif: " + oif);
    }

    /**
     * {@return this filter for {@code family} (0 for both)}
     *
     * @param family {@code AF_INET}, {@code AF_INET6}, or 0 for both
     */
    public RouteFilter withFamily(int family) {
        return new RouteFilter(family, table, protocol, oif);
    }

    /**
     * {@return this filter for table {@code table} (0 for all)}
     *
     * @param table the routing table's id ({@code ip route show table ID})
     */
    public RouteFilter withTable(int table) {
        return new RouteFilter(family, table, protocol, oif);
    }

    /**
     * {@return this filter for protocol {@code protocol} (0 for any)}
     *
     * @param protocol the {@code RTPROT_*} value ({@code ip route show proto P})
     */
    public RouteFilter withProtocol(int protocol) {
        return new RouteFilter(family, table, protocol, oif);
    }

    /**
     * {@return this filter for output link {@code oif} (0 for any)}
     *
     * @param oif the output interface's ifindex ({@code ip route show dev DEV})
     */
    public RouteFilter withOif(int oif) {
        return new RouteFilter(family, table, protocol, oif);
    }

    /**
     * {@return whether {@code r} passes: same family, table, protocol, and {@code oif} either the
     * route's {@code RTA_OIF} or one of its next hops' links}
     *
     * @param r a route
     */
    public boolean matches(Route r) {
        if (family != 0 && r.family() != family) return false;
        if (table != 0 && r.table() != table) return false;
        if (protocol != 0 && r.protocol().value() != protocol) return false;
        if (oif != 0 && r.oif() != oif) {
            boolean any = false;
            for (NextHop h : r.nextHops()) any |= h.ifindex() == oif;
            return any;
        }
        return true;
    }
}
