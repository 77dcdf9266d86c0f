package dev.ffsock.netlink.route;

/**
 * The parameters of a resilient nexthop group ({@code NHA_RES_GROUP}): {@code ip nexthop add id N
 * group … type resilient buckets B idle_timer I unbalanced_timer U}.
 *
 * @param buckets         {@code NHA_RES_GROUP_BUCKETS}: the number of hash buckets, 1..65535
 * @param idleTimer       {@code NHA_RES_GROUP_IDLE_TIMER}, in clock ticks (USER_HZ, 1/100 s)
 * @param unbalancedTimer {@code NHA_RES_GROUP_UNBALANCED_TIMER}, in clock ticks
 * @param unbalancedTime  {@code NHA_RES_GROUP_UNBALANCED_TIME}: how long the group has been
 *                        unbalanced, in clock ticks (read only)
 */
public record NexthopResilience(int buckets, long idleTimer, long unbalancedTimer, long unbalancedTime) {
}
