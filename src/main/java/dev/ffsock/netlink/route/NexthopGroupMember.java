package dev.ffsock.netlink.route;

/**
 * One member of a nexthop group ({@code struct nexthop_grp} in {@code NHA_GROUP}): the
 * {@code 1,2} of {@code ip nexthop add id 10 group 1,2/3}.
 *
 * @param id     the member nexthop object's id, 1..4294967295 (as an unsigned int)
 * @param weight its weight, 1..256 (sent as {@code weight - 1})
 */
public record NexthopGroupMember(int id, int weight) {
    /** Checks the id and weight. */
    public NexthopGroupMember {
        if (id == 0) throw new IllegalArgumentException("a group member's nexthop id cannot be 0");
        if (weight < 1 || weight > 256) throw new IllegalArgumentException("nexthop group weight must be 1..256: " + weight);
    }

    /** {@return {@code ID} or {@code ID,WEIGHT}, as {@code ip nexthop} takes it} */
    @Override
    public String toString() {
        return Integer.toUnsignedString(id) + (weight == 1 ? "" : "," + weight);
    }
}
