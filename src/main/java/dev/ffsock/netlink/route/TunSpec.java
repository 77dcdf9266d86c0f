package dev.ffsock.netlink.route;

/**
 * A tun or tap device: {@code ip tuntap add dev NAME mode tun|tap [user U] [group G] [multi_queue]
 * [pi] [vnet_hdr]}. {@code ip tuntap add} always makes the device persistent; {@code persist}
 * false makes one that lives as long as the returned descriptor.
 *
 * @param name       the device's name
 * @param tap        {@code mode tap} (true) or {@code mode tun}
 * @param owner      {@code user}: the uid allowed to attach, or -1
 * @param group      {@code group}: the gid allowed to attach, or -1
 * @param multiQueue {@code multi_queue}
 * @param pi         {@code pi}: keep the packet-information header (IFF_NO_PI unset)
 * @param vnetHdr    {@code vnet_hdr}
 * @param persist    the device outlives its descriptor ({@code TUNSETPERSIST})
 */
public record TunSpec(String name, boolean tap, long owner, long group, boolean multiQueue, boolean pi, boolean vnetHdr,
        boolean persist) {
    /** Checks the name and ids. */
    public TunSpec {
        ChangeChecks.ifname(name);
        if (owner < -1 || owner > 0xFFFFFFFEL) throw new IllegalArgumentException("user must be 0 to 4294967294: " + owner);
        if (group < -1 || group > 0xFFFFFFFEL) throw new IllegalArgumentException("group must be 0 to 4294967294: " + group);
    }

    /**
     * {@return a persistent tun ({@code mode tun}) or tap device with no owner, as {@code ip tuntap add} makes it}
     *
     * @param name the device's name
     * @param tap  tap rather than tun
     */
    public static TunSpec of(String name, boolean tap) {
        return new TunSpec(name, tap, -1, -1, false, false, false, true);
    }

    /** {@return the TUNSETIFF flags} */
    int flags() {
        return (tap ? dev.ffsock.TunTap.IFF_TAP : dev.ffsock.TunTap.IFF_TUN) | (pi ? 0 : dev.ffsock.TunTap.IFF_NO_PI)
                | (multiQueue ? dev.ffsock.TunTap.IFF_MULTI_QUEUE : 0) | (vnetHdr ? dev.ffsock.TunTap.IFF_VNET_HDR : 0);
    }
}
