package dev.ffsock.netlink.route;

/**
 * One VLAN (or range of VLANs) of a bridge port, as {@code IFLA_BRIDGE_VLAN_INFO} carries it
 * ({@code struct bridge_vlan_info}): one entry of {@code bridge vlan show}.
 *
 * @param vid    the first VLAN id (1..4094)
 * @param vidEnd the last VLAN id of a range ({@code bridge -c vlan show}: {@code vlanEnd}); equal to
 *               {@code vid} for a single VLAN
 * @param flags  {@code BRIDGE_VLAN_INFO_*}: {@link BridgeCodec#BRIDGE_VLAN_INFO_PVID PVID},
 *               {@link BridgeCodec#BRIDGE_VLAN_INFO_UNTAGGED Egress Untagged}, …
 */
public record BridgeVlan(int vid, int vidEnd, int flags) {
    /** Checks the ids: 1..4094, {@code vid <= vidEnd}. */
    public BridgeVlan {
        BridgeCodec.checkVid(vid);
        BridgeCodec.checkVid(vidEnd);
        if (vidEnd < vid) throw new IllegalArgumentException("vlan range " + vid + "-" + vidEnd + " ends before it starts");
    }

    /**
     * {@return one VLAN}
     *
     * @param vid the VLAN id (1..4094)
     * @param pvid {@code pvid}: untagged ingress frames get this VLAN
     * @param untagged {@code untagged}: egress frames leave untagged
     */
    public static BridgeVlan of(int vid, boolean pvid, boolean untagged) {
        return new BridgeVlan(vid, vid, (pvid ? BridgeCodec.BRIDGE_VLAN_INFO_PVID : 0)
                | (untagged ? BridgeCodec.BRIDGE_VLAN_INFO_UNTAGGED : 0));
    }

    /** {@return whether this is the port's PVID} */
    public boolean pvid() {
        return (flags & BridgeCodec.BRIDGE_VLAN_INFO_PVID) != 0;
    }

    /** {@return whether frames leave untagged ({@code Egress Untagged})} */
    public boolean untagged() {
        return (flags & BridgeCodec.BRIDGE_VLAN_INFO_UNTAGGED) != 0;
    }
}
