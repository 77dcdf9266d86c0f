package dev.ffsock.netlink.route;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * A bridge port (or bridge) as an {@code AF_BRIDGE} {@code RTM_NEWLINK} describes it: one entry of
 * {@code bridge link show} (state, priority, cost) and of {@code bridge vlan show} (its VLANs).
 *
 * @param link     the link part (index, name, flags, mtu, master, peer link), decoded as for {@code ip link}
 * @param state    {@code IFLA_BRPORT_STATE} ({@code BR_STATE_*}: 0 disabled, 1 listening, 2 learning,
 *                 3 forwarding, 4 blocking), -1 if absent
 * @param priority {@code IFLA_BRPORT_PRIORITY}, -1 if absent
 * @param cost     {@code IFLA_BRPORT_COST}, -1 if absent
 * @param flags    the on/off settings the kernel reported ({@code bridge -d link}: guard, learning, flood, …)
 * @param multicastRouter {@code IFLA_BRPORT_MULTICAST_ROUTER} ({@code mcast_router}), -1 if absent
 * @param protinfo the other {@code IFLA_PROTINFO} attributes ({@code IFLA_BRPORT_*}), in message order
 * @param vlans    {@code IFLA_AF_SPEC/IFLA_BRIDGE_VLAN_INFO}, ranges joined (empty unless asked for
 *                 with {@code RTEXT_FILTER_BRVLAN})
 */
public record BridgePort(Link link, int state, int priority, long cost, Map<BridgePortFlag, Boolean> flags,
        int multicastRouter, List<RawAttribute> protinfo, List<BridgeVlan> vlans) {
    private static final String[] STATES = {"disabled", "listening", "learning", "forwarding", "blocking"};

    /** Defensive copies. */
    public BridgePort {
        flags = flags == null || flags.isEmpty() ? Map.of() : java.util.Collections.unmodifiableMap(new EnumMap<>(flags));
        protinfo = protinfo == null ? List.of() : List.copyOf(protinfo);
        vlans = vlans == null ? List.of() : List.copyOf(vlans);
    }

    /**
     * {@return a port state's name as {@code bridge link} prints it ({@code forwarding}, …), or the number}
     *
     * @param state a {@code BR_STATE_*} value
     */
    public static String stateName(int state) {
        return state >= 0 && state < STATES.length ? STATES[state] : Integer.toString(state);
    }

    /**
     * {@return the {@code BR_STATE_*} value of a name ({@code disabled}, … {@code blocking}) or number 0..4}
     *
     * @param s the name or number
     * @throws IllegalArgumentException if unknown
     */
    public static int parseState(String s) {
        for (int i = 0; i < STATES.length; i++) if (STATES[i].equalsIgnoreCase(s)) return i;
        int v = Names.parse(s, "port state", STATES.length - 1);
        return v;
    }
}
