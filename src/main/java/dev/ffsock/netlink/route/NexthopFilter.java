package dev.ffsock.netlink.route;

/**
 * Which nexthop objects {@link Rtnetlink#nexthops(NexthopFilter)} returns: {@code ip nexthop show
 * [-4|-6] [dev DEV] [groups] [fdb]}. Sent to the kernel in the dump request ({@code nhm_family},
 * {@code NHA_OIF}, {@code NHA_GROUPS}, {@code NHA_FDB}) and applied again to the answers.
 *
 * @param family AF_INET, AF_INET6, or 0 for any
 * @param oif    only nexthops through this interface index, or 0 for any
 * @param groups only groups
 * @param fdb    only fdb nexthops
 */
public record NexthopFilter(int family, int oif, boolean groups, boolean fdb) {
    /** Every nexthop object. */
    public static final NexthopFilter ALL = new NexthopFilter(0, 0, false, false);

    /** Checks the values. */
    public NexthopFilter {
        if (family != 0 && family != ChangeChecks.AF_INET && family != ChangeChecks.AF_INET6) {
            throw new IllegalArgumentException("family must be 0, AF_INET or AF_INET6: " + family);
        }
        if (oif < 0) throw new IllegalArgumentException("interface index must be positive: " + oif);
        if (groups && oif != 0) throw new IllegalArgumentException("groups have no device");
    }

    /**
     * {@return whether {@code n} passes the filter}
     *
     * @param n a nexthop object
     */
    public boolean matches(Nexthop n) {
        return (family == 0 || n.family() == family) && (oif == 0 || n.oif() == oif) && (!groups || n.isGroup())
                && (!fdb || n.fdb());
    }
}
