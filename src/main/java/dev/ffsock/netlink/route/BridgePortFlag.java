package dev.ffsock.netlink.route;

/**
 * The on/off settings of a bridge port ({@code IFLA_PROTINFO}'s u8 {@code IFLA_BRPORT_*}
 * attributes), named and ordered as {@code bridge -d link show} prints them and {@code bridge link
 * set dev DEV NAME on|off} takes them.
 */
public enum BridgePortFlag {
    /** {@code hairpin} ({@code IFLA_BRPORT_MODE}): send frames back out of the port they came in on. */
    HAIRPIN(BridgeCodec.IFLA_BRPORT_MODE, "hairpin"),
    /** {@code guard} ({@code IFLA_BRPORT_GUARD}): BPDU guard. */
    GUARD(BridgeCodec.IFLA_BRPORT_GUARD, "guard"),
    /** {@code root_block} ({@code IFLA_BRPORT_PROTECT}): the port may not become root port. */
    ROOT_BLOCK(BridgeCodec.IFLA_BRPORT_PROTECT, "root_block"),
    /** {@code fastleave} ({@code IFLA_BRPORT_FAST_LEAVE}): multicast fast leave. */
    FASTLEAVE(BridgeCodec.IFLA_BRPORT_FAST_LEAVE, "fastleave"),
    /** {@code learning} ({@code IFLA_BRPORT_LEARNING}): learn source MACs. */
    LEARNING(BridgeCodec.IFLA_BRPORT_LEARNING, "learning"),
    /** {@code flood} ({@code IFLA_BRPORT_UNICAST_FLOOD}): flood unknown unicast. */
    FLOOD(BridgeCodec.IFLA_BRPORT_UNICAST_FLOOD, "flood"),
    /** {@code mcast_flood} ({@code IFLA_BRPORT_MCAST_FLOOD}). */
    MCAST_FLOOD(BridgeCodec.IFLA_BRPORT_MCAST_FLOOD, "mcast_flood"),
    /** {@code bcast_flood} ({@code IFLA_BRPORT_BCAST_FLOOD}). */
    BCAST_FLOOD(BridgeCodec.IFLA_BRPORT_BCAST_FLOOD, "bcast_flood"),
    /** {@code mcast_to_unicast} ({@code IFLA_BRPORT_MCAST_TO_UCAST}). */
    MCAST_TO_UNICAST(BridgeCodec.IFLA_BRPORT_MCAST_TO_UCAST, "mcast_to_unicast"),
    /** {@code neigh_suppress} ({@code IFLA_BRPORT_NEIGH_SUPPRESS}): ARP/ND suppression. */
    NEIGH_SUPPRESS(BridgeCodec.IFLA_BRPORT_NEIGH_SUPPRESS, "neigh_suppress"),
    /** {@code vlan_tunnel} ({@code IFLA_BRPORT_VLAN_TUNNEL}). */
    VLAN_TUNNEL(BridgeCodec.IFLA_BRPORT_VLAN_TUNNEL, "vlan_tunnel"),
    /** {@code isolated} ({@code IFLA_BRPORT_ISOLATED}): no traffic to other isolated ports. */
    ISOLATED(BridgeCodec.IFLA_BRPORT_ISOLATED, "isolated"),
    /** {@code locked} ({@code IFLA_BRPORT_LOCKED}): only hosts with an fdb entry may send. */
    LOCKED(BridgeCodec.IFLA_BRPORT_LOCKED, "locked");

    private final int attribute;
    private final String keyword;

    BridgePortFlag(int attribute, String keyword) {
        this.attribute = attribute;
        this.keyword = keyword;
    }

    /** {@return the {@code IFLA_BRPORT_*} attribute type} */
    public int attribute() {
        return attribute;
    }

    /** {@return the name {@code bridge link} uses ({@code guard}, {@code root_block}, …)} */
    public String keyword() {
        return keyword;
    }

    /**
     * {@return the flag of a {@code bridge link} name, or null}
     *
     * @param keyword {@code hairpin}, {@code guard}, …
     */
    public static BridgePortFlag ofKeyword(String keyword) {
        for (BridgePortFlag f : values()) if (f.keyword.equals(keyword)) return f;
        return null;
    }

    /**
     * {@return the flag carried in attribute {@code type}, or null}
     *
     * @param type an {@code IFLA_BRPORT_*} attribute type
     */
    static BridgePortFlag ofAttribute(int type) {
        for (BridgePortFlag f : values()) if (f.attribute == type) return f;
        return null;
    }
}
