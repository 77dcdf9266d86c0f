package dev.ffsock.netlink.route;

/**
 * {@code type bridge [stp_state 0|1] [forward_delay FD] [ageing_time AT] [vlan_filtering 0|1]
 * [vlan_default_pvid PVID] [mcast_snooping 0|1]}: what is null is left to the kernel's default.
 * Times are in hundredths of a second, as {@code ip} takes them.
 *
 * @param stpState        {@code IFLA_BR_STP_STATE}: 0 off, 1 on
 * @param forwardDelay    {@code IFLA_BR_FORWARD_DELAY}, 200 to 3000 (the kernel's range while STP is on)
 * @param ageingTime      {@code IFLA_BR_AGEING_TIME}, 0 to 4294967295 (0: no ageing)
 * @param vlanFiltering   {@code IFLA_BR_VLAN_FILTERING}: 0 or 1
 * @param vlanDefaultPvid {@code IFLA_BR_VLAN_DEFAULT_PVID}: 0 (none) to 4094
 * @param mcastSnooping   {@code IFLA_BR_MCAST_SNOOPING}: 0 or 1
 */
public record BridgeSpec(Integer stpState, Integer forwardDelay, Long ageingTime, Integer vlanFiltering,
        Integer vlanDefaultPvid, Integer mcastSnooping) implements KindSpec {
    /** Checks the ranges. */
    public BridgeSpec {
        bool("stp_state", stpState);
        bool("vlan_filtering", vlanFiltering);
        bool("mcast_snooping", mcastSnooping);
        if (forwardDelay != null && (forwardDelay < 200 || forwardDelay > 3000)) {
            throw new IllegalArgumentException("forward_delay must be 200 to 3000 (hundredths of a second): " + forwardDelay);
        }
        if (ageingTime != null && (ageingTime < 0 || ageingTime > 0xFFFFFFFFL)) {
            throw new IllegalArgumentException("ageing_time must be 0 to 4294967295: " + ageingTime);
        }
        if (vlanDefaultPvid != null && (vlanDefaultPvid < 0 || vlanDefaultPvid > 4094)) {
            throw new IllegalArgumentException("vlan_default_pvid must be 0 to 4094: " + vlanDefaultPvid);
        }
    }

    private static void bool(String what, Integer v) {
        if (v != null && v != 0 && v != 1) throw new IllegalArgumentException(what + " must be 0 or 1: " + v);
    }

    /** {@return a bridge with every setting left to the kernel} */
    public static BridgeSpec defaults() {
        return new BridgeSpec(null, null, null, null, null, null);
    }

    /**
     * {@return this with {@code stp_state}}
     *
     * @param on STP on
     */
    public BridgeSpec stp(boolean on) {
        return new BridgeSpec(on ? 1 : 0, forwardDelay, ageingTime, vlanFiltering, vlanDefaultPvid, mcastSnooping);
    }

    /**
     * {@return this with {@code forward_delay}}
     *
     * @param v hundredths of a second, 200 to 3000
     */
    public BridgeSpec forwardDelay(int v) {
        return new BridgeSpec(stpState, v, ageingTime, vlanFiltering, vlanDefaultPvid, mcastSnooping);
    }

    /**
     * {@return this with {@code ageing_time}}
     *
     * @param v hundredths of a second
     */
    public BridgeSpec ageingTime(long v) {
        return new BridgeSpec(stpState, forwardDelay, v, vlanFiltering, vlanDefaultPvid, mcastSnooping);
    }

    /**
     * {@return this with {@code vlan_filtering}}
     *
     * @param on filtering on
     */
    public BridgeSpec vlanFiltering(boolean on) {
        return new BridgeSpec(stpState, forwardDelay, ageingTime, on ? 1 : 0, vlanDefaultPvid, mcastSnooping);
    }

    /**
     * {@return this with {@code vlan_default_pvid}}
     *
     * @param v 0 to 4094
     */
    public BridgeSpec vlanDefaultPvid(int v) {
        return new BridgeSpec(stpState, forwardDelay, ageingTime, vlanFiltering, v, mcastSnooping);
    }

    /**
     * {@return this with {@code mcast_snooping}}
     *
     * @param on snooping on
     */
    public BridgeSpec mcastSnooping(boolean on) {
        return new BridgeSpec(stpState, forwardDelay, ageingTime, vlanFiltering, vlanDefaultPvid, on ? 1 : 0);
    }

    @Override
    public String kind() {
        return "bridge";
    }
}
