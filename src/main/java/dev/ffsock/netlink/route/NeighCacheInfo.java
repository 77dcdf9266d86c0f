package dev.ffsock.netlink.route;

/**
 * A neighbour's {@code NDA_CACHEINFO} ({@code struct nda_cacheinfo}): ages in clock ticks (USER_HZ)
 * that {@code ip -s neigh} prints as {@code used}/{@code confirmed}/{@code updated} seconds.
 *
 * @param confirmed {@code ndm_confirmed}
 * @param used      {@code ndm_used}
 * @param updated   {@code ndm_updated}
 * @param refcnt    {@code ndm_refcnt} ({@code ref})
 */
public record NeighCacheInfo(int confirmed, int used, int updated, int refcnt) {
    /** Size of {@code struct nda_cacheinfo}. */
    public static final int SIZE = 16;
}
