package dev.ffsock.netlink.route;

import java.util.Objects;

/**
 * A new link: {@code ip link add [name] NAME [address LLADDR] [mtu MTU] [txqueuelen N] [master DEV]
 * [netns NS] type KIND [ARGS]}. What is absent (0 or -1 or null) is left to the kernel.
 *
 * @param name    the new link's name (1 to 15 bytes)
 * @param kind    the kind and its arguments
 * @param mtu     {@code IFLA_MTU}, or 0
 * @param address {@code IFLA_ADDRESS}: a 6-byte MAC address, or null (not copied: treat as read-only)
 * @param txqlen  {@code IFLA_TXQLEN}, or -1
 * @param master  {@code IFLA_MASTER}: the name of a bridge (or bond) to enslave it to, or null
 * @param netns   the namespace to make it in ({@code IFLA_NET_NS_FD}/{@code PID}), or null for the connection's
 */
public record LinkSpec(String name, KindSpec kind, int mtu, byte[] address, int txqlen, String master, NetnsRef netns) {
    /** The length of an Ethernet address: every kind this spec makes is Ethernet-like. */
    static final int ETH_ALEN = 6;

    /** Checks the name, MTU, address length and queue length. */
    public LinkSpec {
        ChangeChecks.ifname(name);
        Objects.requireNonNull(kind, "kind");
        if (mtu < 0) throw new IllegalArgumentException("mtu must not be negative: " + mtu);
        if (address != null) ChangeChecks.lladdr(address, ETH_ALEN, name);
        if (txqlen < -1) throw new IllegalArgumentException("txqueuelen must not be negative: " + txqlen);
        if (master != null) ChangeChecks.ifname(master);
        if (master != null && master.equals(name)) throw new IllegalArgumentException(name + " cannot be its own master");
        if (kind instanceof VethSpec v && v.peer().equals(name) && v.peerNetns() == null) {
            throw new IllegalArgumentException("a veth and its peer need different names: " + name);
        }
    }

    /**
     * {@return a link of a kind, with nothing else set}
     *
     * @param name the new link's name
     * @param kind the kind and its arguments
     */
    public static LinkSpec of(String name, KindSpec kind) {
        return new LinkSpec(name, kind, 0, null, -1, null, null);
    }

    /**
     * {@return this with {@code mtu}}
     *
     * @param m the MTU, positive
     */
    public LinkSpec mtu(int m) {
        return new LinkSpec(name, kind, m, address, txqlen, master, netns);
    }

    /**
     * {@return this with {@code address}}
     *
     * @param a a 6-byte MAC address ({@link RtnetlinkChanges#lladdr(String)})
     */
    public LinkSpec address(byte[] a) {
        return new LinkSpec(name, kind, mtu, a == null ? null : a.clone(), txqlen, master, netns);
    }

    /**
     * {@return this with {@code txqueuelen}}
     *
     * @param q the queue length
     */
    public LinkSpec txqlen(int q) {
        return new LinkSpec(name, kind, mtu, address, q, master, netns);
    }

    /**
     * {@return this with {@code master}}
     *
     * @param m the master's name
     */
    public LinkSpec master(String m) {
        return new LinkSpec(name, kind, mtu, address, txqlen, m, netns);
    }

    /**
     * {@return this made in another namespace}
     *
     * @param ns the namespace
     */
    public LinkSpec netns(NetnsRef ns) {
        return new LinkSpec(name, kind, mtu, address, txqlen, master, ns);
    }
}
