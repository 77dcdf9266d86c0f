package dev.ffsock.netlink.route;

/**
 * {@code type veth peer name PEER [netns NS]}: a veth pair; the peer may be made straight into
 * another namespace.
 *
 * @param peer      the peer's name
 * @param peerNetns the peer's namespace, or null for the new link's own
 */
public record VethSpec(String peer, NetnsRef peerNetns) implements KindSpec {
    /** Checks the peer's name. */
    public VethSpec {
        ChangeChecks.ifname(peer);
    }

    /**
     * {@return a veth whose peer is in the same namespace}
     *
     * @param peer the peer's name
     */
    public static VethSpec peer(String peer) {
        return new VethSpec(peer, null);
    }

    @Override
    public String kind() {
        return "veth";
    }
}
