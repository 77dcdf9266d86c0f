package dev.ffsock.netlink.route;

/**
 * A route's {@code RTA_CACHEINFO} ({@code struct rta_cacheinfo}); {@code ip route} prints
 * {@code expires} from it (for IPv6 routes with a lifetime) and {@code error}.
 *
 * @param clntref {@code rta_clntref}
 * @param lastuse {@code rta_lastuse}, in clock ticks (USER_HZ)
 * @param expires {@code rta_expires}, signed, in clock ticks; 0 if the route does not expire
 * @param error   {@code rta_error}
 * @param used    {@code rta_used}
 * @param id      {@code rta_id}
 * @param ts      {@code rta_ts}
 * @param tsage   {@code rta_tsage}
 */
public record RouteCacheInfo(int clntref, int lastuse, int expires, int error, int used, int id, int ts,
        int tsage) {
    /** Size of {@code struct rta_cacheinfo}. */
    public static final int SIZE = 32;
}
