package dev.ffsock.netlink.route;

/**
 * {@code link LOWER type vlan id ID [protocol 802.1Q|802.1ad]}: an 802.1Q VLAN on a lower device.
 *
 * @param lower    the lower device's name ({@code IFLA_LINK})
 * @param id       {@code IFLA_VLAN_ID}: 0 to 4094
 * @param protocol {@code IFLA_VLAN_PROTOCOL}: 0x8100 (802.1Q) or 0x88a8 (802.1ad), or null for the kernel's default
 */
public record VlanSpec(String lower, int id, Integer protocol) implements KindSpec {
    /** Checks the id, protocol and lower device. */
    public VlanSpec {
        ChangeChecks.ifname(lower);
        if (id < 0 || id > 4094) throw new IllegalArgumentException("vlan id must be 0 to 4094: " + id);
        if (protocol != null && protocol != 0x8100 && protocol != 0x88a8) {
            throw new IllegalArgumentException("vlan protocol must be 802.1Q (0x8100) or 802.1ad (0x88a8): 0x" + Integer.toHexString(protocol));
        }
    }

    @Override
    public String kind() {
        return "vlan";
    }
}
