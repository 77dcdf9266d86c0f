package dev.ffsock.netlink.route;

/**
 * Changes to an existing link, any subset sent as one request: {@code ip link set DEV [up|down]
 * [mtu MTU] [name NEWNAME] [alias ALIAS] [address LLADDR] [txqueuelen N] [group G] [master DEV |
 * nomaster] [promisc on|off] [arp on|off] [netns NS]}. Null is "leave as it is". Start from
 * {@link #none()} and add with the wither methods.
 *
 * @param up      {@code up} (true) or {@code down} (false): IFF_UP
 * @param mtu     {@code IFLA_MTU}, checked against the device's own limits when sent
 * @param newName {@code IFLA_IFNAME}
 * @param alias   {@code IFLA_IFALIAS}, at most 255 bytes; empty removes it
 * @param address {@code IFLA_ADDRESS}, as long as the device's address (checked when sent)
 * @param txqlen  {@code IFLA_TXQLEN}
 * @param group   {@code IFLA_GROUP}: 0 (default) to 4294967295
 * @param master  {@code IFLA_MASTER}: a master's name, or {@code ""} for {@code nomaster}
 * @param promisc {@code promisc on|off}: IFF_PROMISC
 * @param arp     {@code arp on|off}: IFF_NOARP cleared or set
 * @param netns   {@code netns}: move the link into another namespace
 */
public record LinkChange(Boolean up, Integer mtu, String newName, String alias, byte[] address, Integer txqlen,
        Long group, String master, Boolean promisc, Boolean arp, NetnsRef netns) {
    /** IFALIASZ less the terminating NUL. */
    static final int ALIAS_MAX = 255;

    /** Checks the values that need no device to check against. */
    public LinkChange {
        if (mtu != null && mtu < 0) throw new IllegalArgumentException("mtu must not be negative: " + mtu);
        if (newName != null) ChangeChecks.ifname(newName);
        if (alias != null && alias.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > ALIAS_MAX) {
            throw new IllegalArgumentException("alias longer than " + ALIAS_MAX + " bytes");
        }
        if (address != null && address.length == 0) throw new IllegalArgumentException("empty link-layer address");
        if (txqlen != null && txqlen < 0) throw new IllegalArgumentException("txqueuelen must not be negative: " + txqlen);
        if (group != null && (group < 0 || group > 0xFFFFFFFFL)) throw new IllegalArgumentException("group must be 0 to 4294967295: " + group);
        if (master != null && !master.isEmpty()) ChangeChecks.ifname(master);
    }

    /** {@return a change that changes nothing} */
    public static LinkChange none() {
        return new LinkChange(null, null, null, null, null, null, null, null, null, null, null);
    }

    /**
     * {@return this with {@code up} or {@code down}}
     *
     * @param on up
     */
    public LinkChange up(boolean on) {
        return new LinkChange(on, mtu, newName, alias, address, txqlen, group, master, promisc, arp, netns);
    }

    /**
     * {@return this with {@code mtu}}
     *
     * @param m the MTU
     */
    public LinkChange mtu(int m) {
        return new LinkChange(up, m, newName, alias, address, txqlen, group, master, promisc, arp, netns);
    }

    /**
     * {@return this with {@code name}}
     *
     * @param n the new name
     */
    public LinkChange name(String n) {
        return new LinkChange(up, mtu, n, alias, address, txqlen, group, master, promisc, arp, netns);
    }

    /**
     * {@return this with {@code alias}}
     *
     * @param a the alias
     */
    public LinkChange alias(String a) {
        return new LinkChange(up, mtu, newName, a, address, txqlen, group, master, promisc, arp, netns);
    }

    /**
     * {@return this with {@code address}}
     *
     * @param a the link-layer address ({@link RtnetlinkChanges#lladdr(String)})
     */
    public LinkChange address(byte[] a) {
        return new LinkChange(up, mtu, newName, alias, a == null ? null : a.clone(), txqlen, group, master, promisc, arp, netns);
    }

    /**
     * {@return this with {@code txqueuelen}}
     *
     * @param q the queue length
     */
    public LinkChange txqlen(int q) {
        return new LinkChange(up, mtu, newName, alias, address, q, group, master, promisc, arp, netns);
    }

    /**
     * {@return this with {@code group}}
     *
     * @param g the group number
     */
    public LinkChange group(long g) {
        return new LinkChange(up, mtu, newName, alias, address, txqlen, g, master, promisc, arp, netns);
    }

    /**
     * {@return this with {@code master}}
     *
     * @param m the master's name
     */
    public LinkChange master(String m) {
        return new LinkChange(up, mtu, newName, alias, address, txqlen, group, java.util.Objects.requireNonNull(m, "master"),
                promisc, arp, netns);
    }

    /** {@return this with {@code nomaster}} */
    public LinkChange noMaster() {
        return new LinkChange(up, mtu, newName, alias, address, txqlen, group, "", promisc, arp, netns);
    }

    /**
     * {@return this with {@code promisc on|off}}
     *
     * @param on promiscuous
     */
    public LinkChange promisc(boolean on) {
        return new LinkChange(up, mtu, newName, alias, address, txqlen, group, master, on, arp, netns);
    }

    /**
     * {@return this with {@code arp on|off}}
     *
     * @param on ARP on
     */
    public LinkChange arp(boolean on) {
        return new LinkChange(up, mtu, newName, alias, address, txqlen, group, master, promisc, on, netns);
    }

    /**
     * {@return this with {@code netns}}
     *
     * @param ns the namespace to move the link into
     */
    public LinkChange netns(NetnsRef ns) {
        return new LinkChange(up, mtu, newName, alias, address, txqlen, group, master, promisc, arp, ns);
    }

    /** {@return the IFF_* bits this changes ({@code ifi_change})} */
    int flagMask() {
        return (up != null ? Rtnl.IFF_UP : 0) | (promisc != null ? Rtnl.IFF_PROMISC : 0) | (arp != null ? Rtnl.IFF_NOARP : 0);
    }

    /** {@return the IFF_* values of the changed bits ({@code ifi_flags})} */
    int flagValues() {
        return (Boolean.TRUE.equals(up) ? Rtnl.IFF_UP : 0) | (Boolean.TRUE.equals(promisc) ? Rtnl.IFF_PROMISC : 0)
                | (Boolean.FALSE.equals(arp) ? Rtnl.IFF_NOARP : 0);
    }
}
