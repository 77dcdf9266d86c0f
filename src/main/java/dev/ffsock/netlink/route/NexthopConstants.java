package dev.ffsock.netlink.route;

/**
 * Nexthop-object constants of {@code linux/nexthop.h} with their C names: {@code NHA_*} attributes
 * (and the nested {@code NHA_RES_GROUP_*}/{@code NHA_RES_BUCKET_*}) and {@code NEXTHOP_GRP_TYPE_*}
 * group types (what {@code ip nexthop} sends). The project's probe test checks each against gcc.
 */
public final class NexthopConstants {
    private NexthopConstants() {
    }

    /** C NEXTHOP_GRP_TYPE_MAX. */
    public static final int NEXTHOP_GRP_TYPE_MAX = 1;
    /** C NEXTHOP_GRP_TYPE_MPATH. */
    public static final int NEXTHOP_GRP_TYPE_MPATH = 0;
    /** C NEXTHOP_GRP_TYPE_RES. */
    public static final int NEXTHOP_GRP_TYPE_RES = 1;
    /** C NHA_BLACKHOLE. */
    public static final int NHA_BLACKHOLE = 4;
    /** C NHA_ENCAP. */
    public static final int NHA_ENCAP = 8;
    /** C NHA_ENCAP_TYPE. */
    public static final int NHA_ENCAP_TYPE = 7;
    /** C NHA_FDB. */
    public static final int NHA_FDB = 11;
    /** C NHA_GATEWAY. */
    public static final int NHA_GATEWAY = 6;
    /** C NHA_GROUP. */
    public static final int NHA_GROUP = 2;
    /** C NHA_GROUPS. */
    public static final int NHA_GROUPS = 9;
    /** C NHA_GROUP_TYPE. */
    public static final int NHA_GROUP_TYPE = 3;
    /** C NHA_ID. */
    public static final int NHA_ID = 1;
    /** C NHA_MASTER. */
    public static final int NHA_MASTER = 10;
    /** C NHA_MAX. */
    public static final int NHA_MAX = 13;
    /** C NHA_OIF. */
    public static final int NHA_OIF = 5;
    /** C NHA_RES_BUCKET. */
    public static final int NHA_RES_BUCKET = 13;
    /** C NHA_RES_BUCKET_IDLE_TIME. */
    public static final int NHA_RES_BUCKET_IDLE_TIME = 2;
    /** C NHA_RES_BUCKET_INDEX. */
    public static final int NHA_RES_BUCKET_INDEX = 1;
    /** C NHA_RES_BUCKET_MAX. */
    public static final int NHA_RES_BUCKET_MAX = 3;
    /** C NHA_RES_BUCKET_NH_ID. */
    public static final int NHA_RES_BUCKET_NH_ID = 3;
    /** C NHA_RES_BUCKET_PAD. */
    public static final int NHA_RES_BUCKET_PAD = 0;
    /** C NHA_RES_BUCKET_UNSPEC. */
    public static final int NHA_RES_BUCKET_UNSPEC = 0;
    /** C NHA_RES_GROUP. */
    public static final int NHA_RES_GROUP = 12;
    /** C NHA_RES_GROUP_BUCKETS. */
    public static final int NHA_RES_GROUP_BUCKETS = 1;
    /** C NHA_RES_GROUP_IDLE_TIMER. */
    public static final int NHA_RES_GROUP_IDLE_TIMER = 2;
    /** C NHA_RES_GROUP_MAX. */
    public static final int NHA_RES_GROUP_MAX = 4;
    /** C NHA_RES_GROUP_PAD. */
    public static final int NHA_RES_GROUP_PAD = 0;
    /** C NHA_RES_GROUP_UNBALANCED_TIME. */
    public static final int NHA_RES_GROUP_UNBALANCED_TIME = 4;
    /** C NHA_RES_GROUP_UNBALANCED_TIMER. */
    public static final int NHA_RES_GROUP_UNBALANCED_TIMER = 3;
    /** C NHA_RES_GROUP_UNSPEC. */
    public static final int NHA_RES_GROUP_UNSPEC = 0;
    /** C NHA_UNSPEC. */
    public static final int NHA_UNSPEC = 0;
}
