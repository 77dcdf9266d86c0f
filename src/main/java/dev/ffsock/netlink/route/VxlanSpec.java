package dev.ffsock.netlink.route;

import dev.ffsock.InetText;

import java.net.Inet6Address;
import java.net.InetAddress;

/**
 * {@code type vxlan id VNI [dstport PORT] [group ADDR | remote ADDR] [local ADDR] [dev DEV] [ttl TTL]
 * [[no]learning] [[no]udpcsum] [[no]udp6zerocsumtx] [[no]udp6zerocsumrx]}: what is null is left to
 * the kernel's default. A multicast {@code group} needs {@code dev} (checked by
 * {@link RtnetlinkChanges#addLink(LinkSpec)}).
 *
 * @param id             {@code IFLA_VXLAN_ID}: the VNI, 0 to 16777215
 * @param port           {@code IFLA_VXLAN_PORT}: the destination UDP port, 0 to 65535 (0: the kernel's default, 8472)
 * @param group          {@code IFLA_VXLAN_GROUP}/{@code GROUP6}: a multicast group
 * @param remote         {@code IFLA_VXLAN_GROUP}/{@code GROUP6}: a unicast remote (not with group)
 * @param local          {@code IFLA_VXLAN_LOCAL}/{@code LOCAL6}: the source address
 * @param dev            {@code IFLA_VXLAN_LINK}: the underlying device's name
 * @param ttl            {@code IFLA_VXLAN_TTL}: 0 (auto) to 255
 * @param learning       {@code IFLA_VXLAN_LEARNING}
 * @param udpCsum        {@code IFLA_VXLAN_UDP_CSUM} (IPv6 outer headers)
 * @param udp6ZeroCsumTx {@code IFLA_VXLAN_UDP_ZERO_CSUM6_TX}
 * @param udp6ZeroCsumRx {@code IFLA_VXLAN_UDP_ZERO_CSUM6_RX}
 */
public record VxlanSpec(int id, Integer port, InetAddress group, InetAddress remote, InetAddress local, String dev,
        Integer ttl, Boolean learning, Boolean udpCsum, Boolean udp6ZeroCsumTx, Boolean udp6ZeroCsumRx)
        implements KindSpec {
    /** The largest VNI: 2^24 - 1. */
    public static final int MAX_ID = (1 << 24) - 1;

    /** Checks ranges and address families. */
    public VxlanSpec {
        if (id < 0 || id > MAX_ID) throw new IllegalArgumentException("vxlan id must be 0 to " + MAX_ID + ": " + id);
        if (port != null && (port < 0 || port > 65535)) throw new IllegalArgumentException("vxlan dstport must be 0 to 65535: " + port);
        if (ttl != null) ChangeChecks.u8("vxlan ttl", ttl);
        if (group != null && remote != null) throw new IllegalArgumentException("vxlan takes group or remote, not both");
        if (group != null && !group.isMulticastAddress()) {
            throw new IllegalArgumentException("vxlan group " + InetText.format(group) + " is not a multicast address");
        }
        if (remote != null && (remote.isMulticastAddress() || remote.isAnyLocalAddress())) {
            throw new IllegalArgumentException("vxlan remote " + InetText.format(remote) + " is not a unicast address");
        }
        InetAddress peer = group != null ? group : remote;
        if (peer != null && local != null) ChangeChecks.sameFamily("vxlan local", peer, local);
        if (dev != null) ChangeChecks.ifname(dev);
    }

    /**
     * {@return a vxlan with only its VNI set}
     *
     * @param id the VNI, 0 to 16777215
     */
    public static VxlanSpec id(int id) {
        return new VxlanSpec(id, null, null, null, null, null, null, null, null, null, null);
    }

    /**
     * {@return this with {@code dstport}}
     *
     * @param p the destination UDP port
     */
    public VxlanSpec dstport(int p) {
        return new VxlanSpec(id, p, group, remote, local, dev, ttl, learning, udpCsum, udp6ZeroCsumTx, udp6ZeroCsumRx);
    }

    /**
     * {@return this with {@code group} (and no remote)}
     *
     * @param g a multicast address
     */
    public VxlanSpec group(InetAddress g) {
        return new VxlanSpec(id, port, g, null, local, dev, ttl, learning, udpCsum, udp6ZeroCsumTx, udp6ZeroCsumRx);
    }

    /**
     * {@return this with {@code remote} (and no group)}
     *
     * @param r a unicast address
     */
    public VxlanSpec remote(InetAddress r) {
        return new VxlanSpec(id, port, null, r, local, dev, ttl, learning, udpCsum, udp6ZeroCsumTx, udp6ZeroCsumRx);
    }

    /**
     * {@return this with {@code local}}
     *
     * @param l the source address
     */
    public VxlanSpec local(InetAddress l) {
        return new VxlanSpec(id, port, group, remote, l, dev, ttl, learning, udpCsum, udp6ZeroCsumTx, udp6ZeroCsumRx);
    }

    /**
     * {@return this with {@code dev}}
     *
     * @param d the underlying device's name
     */
    public VxlanSpec dev(String d) {
        return new VxlanSpec(id, port, group, remote, local, d, ttl, learning, udpCsum, udp6ZeroCsumTx, udp6ZeroCsumRx);
    }

    /**
     * {@return this with {@code ttl}}
     *
     * @param t 0 (auto) to 255
     */
    public VxlanSpec ttl(int t) {
        return new VxlanSpec(id, port, group, remote, local, dev, t, learning, udpCsum, udp6ZeroCsumTx, udp6ZeroCsumRx);
    }

    /**
     * {@return this with {@code learning} or {@code nolearning}}
     *
     * @param on learning on
     */
    public VxlanSpec learning(boolean on) {
        return new VxlanSpec(id, port, group, remote, local, dev, ttl, on, udpCsum, udp6ZeroCsumTx, udp6ZeroCsumRx);
    }

    /**
     * {@return this with the UDP checksum switches: {@code [no]udpcsum [no]udp6zerocsumtx [no]udp6zerocsumrx}}
     *
     * @param csum   {@code udpcsum}
     * @param zeroTx {@code udp6zerocsumtx}
     * @param zeroRx {@code udp6zerocsumrx}
     */
    public VxlanSpec checksums(boolean csum, boolean zeroTx, boolean zeroRx) {
        return new VxlanSpec(id, port, group, remote, local, dev, ttl, learning, csum, zeroTx, zeroRx);
    }

    /** Checks what needs the whole spec: a multicast group needs {@code dev}, as ip requires. */
    void checkComplete() {
        if (group != null && dev == null) throw new IllegalArgumentException("vxlan group " + InetText.format(group) + " needs dev");
    }

    /** {@return whether the addresses are IPv6 ({@code IFLA_VXLAN_GROUP6}/{@code LOCAL6})} */
    boolean ipv6() {
        InetAddress a = group != null ? group : remote != null ? remote : local;
        return a instanceof Inet6Address;
    }

    @Override
    public String kind() {
        return "vxlan";
    }
}
