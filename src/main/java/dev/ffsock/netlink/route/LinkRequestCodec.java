package dev.ffsock.netlink.route;

import dev.ffsock.netlink.PayloadWriter;

import java.net.Inet6Address;
import java.net.InetAddress;

/**
 * Encodes the payloads of the link changes: {@code RTM_NEWLINK} for a new link of any
 * {@link KindSpec} ({@code ip link add}) and for a {@link LinkChange} on an existing one ({@code ip
 * link set}), laid out as linux/if_link.h, veth.h and if_bonding.h say. Names are resolved by the
 * caller ({@link Resolved}).
 */
final class LinkRequestCodec {
    private LinkRequestCodec() {
    }

    /**
     * What the names in a request resolve to: interface indexes (0: none) and namespaces
     * (a descriptor or a pid; -1: none).
     */
    record Resolved(int master, int lower, int vxlanDev, int netnsFd, int netnsPid, int peerNetnsFd, int peerNetnsPid) {
        static final Resolved NONE = new Resolved(0, 0, 0, -1, -1, -1, -1);
    }

    /** {@code struct ifinfomsg} with family AF_UNSPEC. */
    static void ifinfomsg(PayloadWriter w, int index, int flags, int change) {
        w.putU8(0).putU8(0).putU16(0).putU32(index).putU32(flags).putU32(change);
    }

    /** {@code IFLA_NET_NS_FD} or {@code IFLA_NET_NS_PID}, if either is set. */
    private static void netns(PayloadWriter w, int fd, int pid) {
        if (fd >= 0) w.attrU32(Rtnl.IFLA_NET_NS_FD, fd);
        else if (pid >= 0) w.attrU32(Rtnl.IFLA_NET_NS_PID, pid);
    }

    /** The payload of {@code ip link add}: ifinfomsg, the common attributes, then IFLA_LINKINFO. */
    static void newLink(PayloadWriter w, LinkSpec s, Resolved r) {
        ifinfomsg(w, 0, 0, 0);
        w.attrString(Rtnl.IFLA_IFNAME, s.name());
        if (s.mtu() > 0) w.attrU32(Rtnl.IFLA_MTU, s.mtu());
        if (s.address() != null) w.attrBytes(Rtnl.IFLA_ADDRESS, s.address());
        if (s.txqlen() >= 0) w.attrU32(Rtnl.IFLA_TXQLEN, s.txqlen());
        if (r.master() != 0) w.attrU32(Rtnl.IFLA_MASTER, r.master());
        if (r.lower() != 0) w.attrU32(Rtnl.IFLA_LINK, r.lower());
        netns(w, r.netnsFd(), r.netnsPid());
        int info = w.beginNested(Rtnl.IFLA_LINKINFO);
        w.attrString(Rtnl.IFLA_INFO_KIND, s.kind().kind());
        if (!(s.kind() instanceof PlainKind)) {
            int data = w.beginNested(Rtnl.IFLA_INFO_DATA);
            switch (s.kind()) {
                case VethSpec v -> veth(w, v, r);
                case BridgeSpec b -> bridge(w, b);
                case VxlanSpec x -> vxlan(w, x, r);
                case MacvlanSpec m -> {
                    if (m.mode() != null) w.attrU32(KindAttrs.IFLA_MACVLAN_MODE, m.mode().value());
                }
                case VlanSpec v -> {
                    w.attrU16(KindAttrs.IFLA_VLAN_ID, v.id());
                    if (v.protocol() != null) w.attrBE16(KindAttrs.IFLA_VLAN_PROTOCOL, v.protocol());
                }
                case BondSpec b -> {
                    if (b.mode() >= 0) w.attrU8(KindAttrs.IFLA_BOND_MODE, b.mode());
                }
                case PlainKind p -> throw new AssertionError(p);
            }
            w.endNested(data);
        }
        w.endNested(info);
    }

    private static void veth(PayloadWriter w, VethSpec v, Resolved r) {
        int p = w.beginNested(KindAttrs.VETH_INFO_PEER);
        ifinfomsg(w, 0, 0, 0);
        w.attrString(Rtnl.IFLA_IFNAME, v.peer());
        netns(w, r.peerNetnsFd(), r.peerNetnsPid());
        w.endNested(p);
    }

    private static void bridge(PayloadWriter w, BridgeSpec b) {
        if (b.stpState() != null) w.attrU32(KindAttrs.IFLA_BR_STP_STATE, b.stpState());
        if (b.forwardDelay() != null) w.attrU32(KindAttrs.IFLA_BR_FORWARD_DELAY, b.forwardDelay());
        if (b.ageingTime() != null) w.attrU32(KindAttrs.IFLA_BR_AGEING_TIME, (int) (long) b.ageingTime());
        if (b.vlanFiltering() != null) w.attrU8(KindAttrs.IFLA_BR_VLAN_FILTERING, b.vlanFiltering());
        if (b.vlanDefaultPvid() != null) w.attrU16(KindAttrs.IFLA_BR_VLAN_DEFAULT_PVID, b.vlanDefaultPvid());
        if (b.mcastSnooping() != null) w.attrU8(KindAttrs.IFLA_BR_MCAST_SNOOPING, b.mcastSnooping());
    }

    private static void vxlan(PayloadWriter w, VxlanSpec x, Resolved r) {
        w.attrU32(KindAttrs.IFLA_VXLAN_ID, x.id());
        InetAddress peer = x.group() != null ? x.group() : x.remote();
        if (peer != null) w.attrBytes(peer instanceof Inet6Address ? KindAttrs.IFLA_VXLAN_GROUP6 : KindAttrs.IFLA_VXLAN_GROUP, peer.getAddress());
        if (x.local() != null) {
            w.attrBytes(x.local() instanceof Inet6Address ? KindAttrs.IFLA_VXLAN_LOCAL6 : KindAttrs.IFLA_VXLAN_LOCAL, x.local().getAddress());
        }
        if (r.vxlanDev() != 0) w.attrU32(KindAttrs.IFLA_VXLAN_LINK, r.vxlanDev());
        if (x.ttl() != null) w.attrU8(KindAttrs.IFLA_VXLAN_TTL, x.ttl());
        if (x.learning() != null) w.attrU8(KindAttrs.IFLA_VXLAN_LEARNING, x.learning() ? 1 : 0);
        if (x.port() != null) w.attrBE16(KindAttrs.IFLA_VXLAN_PORT, x.port());
        if (x.udpCsum() != null) w.attrU8(KindAttrs.IFLA_VXLAN_UDP_CSUM, x.udpCsum() ? 1 : 0);
        if (x.udp6ZeroCsumTx() != null) w.attrU8(KindAttrs.IFLA_VXLAN_UDP_ZERO_CSUM6_TX, x.udp6ZeroCsumTx() ? 1 : 0);
        if (x.udp6ZeroCsumRx() != null) w.attrU8(KindAttrs.IFLA_VXLAN_UDP_ZERO_CSUM6_RX, x.udp6ZeroCsumRx() ? 1 : 0);
    }

    /**
     * The payload of {@code ip link set}: ifinfomsg with the flag changes, then one attribute per
     * changed value.
     *
     * @param master the master's index, 0 for nomaster, -1 to leave it
     */
    static void setLink(PayloadWriter w, int index, LinkChange c, int master, int netnsFd, int netnsPid) {
        ifinfomsg(w, index, c.flagValues(), c.flagMask());
        if (c.newName() != null) w.attrString(Rtnl.IFLA_IFNAME, c.newName());
        if (c.mtu() != null) w.attrU32(Rtnl.IFLA_MTU, c.mtu());
        if (c.alias() != null) w.attrString(Rtnl.IFLA_IFALIAS, c.alias());
        if (c.address() != null) w.attrBytes(Rtnl.IFLA_ADDRESS, c.address());
        if (c.txqlen() != null) w.attrU32(Rtnl.IFLA_TXQLEN, c.txqlen());
        if (c.group() != null) w.attrU32(Rtnl.IFLA_GROUP, (int) (long) c.group());
        if (master >= 0) w.attrU32(Rtnl.IFLA_MASTER, master);
        netns(w, netnsFd, netnsPid);
    }
}
