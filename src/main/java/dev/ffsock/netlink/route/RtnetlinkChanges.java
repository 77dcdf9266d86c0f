package dev.ffsock.netlink.route;

import static dev.ffsock.netlink.Netlink.NLM_F_CREATE;
import static dev.ffsock.netlink.Netlink.NLM_F_EXCL;
import static dev.ffsock.netlink.Netlink.NLM_F_REPLACE;

import dev.ffsock.Errno;
import dev.ffsock.netlink.NetlinkConnection;
import dev.ffsock.netlink.NetlinkException;
import dev.ffsock.netlink.PayloadWriter;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * Changes to links, addresses, routes and neighbours over an rtnetlink connection: what {@code ip
 * link|address|route|neigh add|set|del} do, one request each, acknowledged by the kernel before
 * the method returns. Arguments are checked in Java first ({@link IllegalArgumentException}: name
 * lengths, prefix ranges, address families, MTU limits of the device); what the kernel still
 * refuses comes back as {@link NetlinkException} with the kernel's errno and extended-ack message,
 * e.g. {@code RTM_NEWADDR: EEXIST (File exists)} or {@code RTM_NEWROUTE: ENETUNREACH (Network is
 * unreachable) [kernel: Nexthop has invalid gateway]}.
 *
 * <p>Adds use {@code NLM_F_CREATE|NLM_F_EXCL} (an existing object is EEXIST), replaces {@code
 * NLM_F_CREATE|NLM_F_REPLACE}. Interfaces are named; names are resolved to indexes with an {@code
 * RTM_GETLINK} where the request needs an index (a missing one is {@code RTM_GETLINK: ENODEV}).
 *
 * <p>The connection is the caller's (opened on {@link dev.ffsock.netlink.Netlink#NETLINK_ROUTE},
 * perhaps in another namespace with {@link NetlinkConnection#open(int, String)}) and is not closed
 * here. Thread-safe as the connection is: one request at a time.
 */
public final class RtnetlinkChanges {
    /** {@code VETH_INFO_PEER} of linux/veth.h: the peer's ifinfomsg and attributes inside IFLA_INFO_DATA. */
    static final int VETH_INFO_PEER = 1;
    /** sizeof(struct ifinfomsg). */
    static final int IFINFOMSG_SIZE = 16;
    /** sizeof(struct ifaddrmsg). */
    static final int IFADDRMSG_SIZE = 8;
    /** sizeof(struct rtmsg). */
    static final int RTMSG_SIZE = 12;
    /** sizeof(struct ndmsg). */
    static final int NDMSG_SIZE = 12;
    /** sizeof(struct rtnexthop). */
    static final int RTNEXTHOP_SIZE = 8;
    /** sizeof(struct ifa_cacheinfo). */
    static final int IFA_CACHEINFO_SIZE = 16;
    private static final int AF_UNSPEC = 0;

    private final NetlinkConnection conn;

    /**
     * Changes made over a connection the caller owns (this object never closes it).
     *
     * @param conn an rtnetlink connection ({@code NETLINK_ROUTE}); its error messages will name
     *             rtnetlink message types ({@code RTM_NEWLINK}, …)
     */
    public RtnetlinkChanges(NetlinkConnection conn) {
        this.conn = Objects.requireNonNull(conn, "conn");
        conn.typeNames(RtnetlinkChanges::typeName);
    }

    /** {@return the connection the changes go through} */
    public NetlinkConnection connection() {
        return conn;
    }

    // ---- links ---------------------------------------------------------------------------------

    /**
     * {@code ip link add NAME type veth peer name PEER}: a veth pair, both ends down.
     *
     * @param name the new link's name
     * @param peer the name of its other end
     * @throws NetlinkException EEXIST if either name is taken
     */
    public void addVeth(String name, String peer) throws IOException {
        addLink(LinkSpec.of(name, VethSpec.peer(peer)));
    }

    /**
     * {@code ip link add NAME type bridge}.
     *
     * @param name the new bridge's name
     * @throws IOException if the kernel refuses the request ({@link dev.ffsock.netlink.NetlinkException},
     *     with the kernel's extended-ack message) or the netlink socket fails
     *     ({@link dev.ffsock.ErrnoException})
     */
    public void addBridge(String name) throws IOException {
        addLink(name, "bridge");
    }

    /**
     * {@code ip link add NAME type KIND}, with no kind-specific data: works for kinds that need none
     * (bridge, dummy, ifb, …) where the kernel has them. A kind the kernel lacks fails with its
     * refusal, e.g. {@code RTM_NEWLINK: EOPNOTSUPP (Operation not supported) [kernel: Unknown device type]}.
     *
     * @param name the new link's name
     * @param kind the link kind ({@code IFLA_INFO_KIND}: {@code dummy}, {@code bridge}, …)
     * @throws IOException if the kernel refuses the request ({@link dev.ffsock.netlink.NetlinkException},
     *     with the kernel's extended-ack message) or the netlink socket fails
     *     ({@link dev.ffsock.ErrnoException})
     */
    public void addLink(String name, String kind) throws IOException {
        addLink(LinkSpec.of(name, new PlainKind(kind)));
    }

    /**
     * {@code ip link del NAME} (deleting one end of a veth pair deletes both).
     *
     * @param name the link's name
     * @throws IOException if the kernel refuses the request ({@link dev.ffsock.netlink.NetlinkException},
     *     with the kernel's extended-ack message) or the netlink socket fails
     *     ({@link dev.ffsock.ErrnoException})
     */
    public void deleteLink(String name) throws IOException {
        ChangeChecks.ifname(name);
        conn.execute(Rtnl.RTM_DELLINK, 0, w -> {
            ifinfomsg(w, 0, 0, 0);
            w.attrString(Rtnl.IFLA_IFNAME, name);
        });
    }

    /**
     * {@code ip link set NAME up} (IFF_UP in ifi_flags and ifi_change).
     *
     * @param name the link's name
     * @throws IOException if the kernel refuses the request ({@link dev.ffsock.netlink.NetlinkException},
     *     with the kernel's extended-ack message) or the netlink socket fails
     *     ({@link dev.ffsock.ErrnoException})
     */
    public void setUp(String name) throws IOException {
        setFlags(name, Rtnl.IFF_UP, Rtnl.IFF_UP);
    }

    /**
     * {@code ip link set NAME down}.
     *
     * @param name the link's name
     * @throws IOException if the kernel refuses the request ({@link dev.ffsock.netlink.NetlinkException},
     *     with the kernel's extended-ack message) or the netlink socket fails
     *     ({@link dev.ffsock.ErrnoException})
     */
    public void setDown(String name) throws IOException {
        setFlags(name, 0, Rtnl.IFF_UP);
    }

    /**
     * {@code ip link set NAME up|down|promisc on|…}: sets the {@code IFF_*} bits in {@code mask} to those of {@code flags}.
     *
     * @param name the link's name
     * @param flags the {@code IFF_*} values to set
     * @param mask which {@code IFF_*} bits to change
     * @throws IOException if the kernel refuses the request ({@link dev.ffsock.netlink.NetlinkException},
     *     with the kernel's extended-ack message) or the netlink socket fails
     *     ({@link dev.ffsock.ErrnoException})
     */
    public void setFlags(String name, int flags, int mask) throws IOException {
        int index = iface(name).index();
        conn.execute(Rtnl.RTM_NEWLINK, 0, w -> ifinfomsg(w, index, flags & mask, mask));
    }

    /**
     * {@code ip link set NAME mtu MTU}: checked against the device's own limits
     * ({@code IFLA_MIN_MTU}..{@code IFLA_MAX_MTU}, 68..65535 when it reports none).
     *
     * @param name the link's name
     * @param mtu the new MTU in bytes
     * @throws IOException if the kernel refuses the request ({@link dev.ffsock.netlink.NetlinkException},
     *     with the kernel's extended-ack message) or the netlink socket fails
     *     ({@link dev.ffsock.ErrnoException})
     */
    public void setMtu(String name, int mtu) throws IOException {
        Iface i = iface(name);
        checkMtu(i, mtu);
        conn.execute(Rtnl.RTM_NEWLINK, 0, w -> {
            ifinfomsg(w, i.index(), 0, 0);
            w.attrU32(Rtnl.IFLA_MTU, mtu);
        });
    }

    /** Checks an MTU against the device's limits (68..65535 when it reports none). */
    private static void checkMtu(Iface i, int mtu) {
        int min = i.minMtu() > 0 ? i.minMtu() : 68;
        int max = i.maxMtu() > 0 ? i.maxMtu() : 65535;
        if (mtu < min || mtu > max) throw new IllegalArgumentException("mtu of " + i.name() + " must be " + min + ".." + max + ": " + mtu);
    }

    /**
     * {@code ip link set NAME name NEWNAME} (the kernel refuses while the link is up: EBUSY).
     *
     * @param name the link's name
     * @param newName its new name (the link must be down)
     * @throws IOException if the kernel refuses the request ({@link dev.ffsock.netlink.NetlinkException},
     *     with the kernel's extended-ack message) or the netlink socket fails
     *     ({@link dev.ffsock.ErrnoException})
     */
    public void rename(String name, String newName) throws IOException {
        ChangeChecks.ifname(newName);
        int index = iface(name).index();
        conn.execute(Rtnl.RTM_NEWLINK, 0, w -> {
            ifinfomsg(w, index, 0, 0);
            w.attrString(Rtnl.IFLA_IFNAME, newName);
        });
    }

    /**
     * {@code ip link set NAME master MASTER} (e.g. a veth into a bridge).
     *
     * @param name the link's name
     * @param master the bridge's (or bond's) name
     * @throws IOException if the kernel refuses the request ({@link dev.ffsock.netlink.NetlinkException},
     *     with the kernel's extended-ack message) or the netlink socket fails
     *     ({@link dev.ffsock.ErrnoException})
     */
    public void setMaster(String name, String master) throws IOException {
        int m = iface(master).index();
        setMasterIndex(name, m);
    }

    /**
     * {@code ip link set NAME nomaster} ({@code IFLA_MASTER} 0).
     *
     * @param name the link's name
     * @throws IOException if the kernel refuses the request ({@link dev.ffsock.netlink.NetlinkException},
     *     with the kernel's extended-ack message) or the netlink socket fails
     *     ({@link dev.ffsock.ErrnoException})
     */
    public void setNoMaster(String name) throws IOException {
        setMasterIndex(name, 0);
    }

    private void setMasterIndex(String name, int master) throws IOException {
        int index = iface(name).index();
        if (index == master) throw new IllegalArgumentException(name + " cannot be its own master");
        conn.execute(Rtnl.RTM_NEWLINK, 0, w -> {
            ifinfomsg(w, index, 0, 0);
            w.attrU32(Rtnl.IFLA_MASTER, master);
        });
    }

    /**
     * {@return the index of the interface NAME}
     *
     * @param name the link's name
     * @throws NetlinkException {@code RTM_GETLINK: ENODEV} if there is none
     */
    public int ifindex(String name) throws IOException {
        return iface(name).index();
    }

    /** An interface's index and the limits changes are checked against. */
    record Iface(int index, String name, int addressLength, int minMtu, int maxMtu) {
    }

    Iface iface(String name) throws IOException {
        ChangeChecks.ifname(name);
        List<Link> found = conn.query(Rtnl.RTM_GETLINK, 0, LinkCodec.getRequest(name), LinkCodec::decode);
        if (found.isEmpty()) throw new IOException("RTM_GETLINK " + name + ": no link in the answer");
        Link l = found.get(0);
        return new Iface(l.index(), name, l.address() == null ? 0 : l.address().length, l.minMtu(), l.maxMtu());
    }

    private static void ifinfomsg(PayloadWriter w, int index, int flags, int change) {
        w.putU8(AF_UNSPEC).putU8(0).putU16(0).putU32(index).putU32(flags).putU32(change);
    }

    // ---- issue 10, links: typed kinds (ip link add ... type KIND), ip link set, ip tuntap add ------

    /**
     * {@code ip link add NAME [mtu M] [address A] [txqueuelen Q] [master M] [netns NS] type KIND ARGS}:
     * a link of any {@link KindSpec} (veth with its peer, perhaps in another namespace; bridge; vxlan;
     * macvlan/macvtap; vlan; bond; dummy, ifb). Names in the spec (master, lower device, vxlan dev) are
     * resolved in the connection's namespace. A kind the kernel lacks comes back as its refusal,
     * {@code RTM_NEWLINK: EOPNOTSUPP (Operation not supported) [kernel: Unknown device type]}.
     *
     * @param s the new link
     * @throws IOException if a name does not resolve ({@code RTM_GETLINK: ENODEV}), a named namespace
     *     cannot be opened, or the kernel refuses the request ({@link NetlinkException} with its
     *     extended-ack message)
     */
    public void addLink(LinkSpec s) throws IOException {
        Objects.requireNonNull(s, "link");
        if (s.kind() instanceof VxlanSpec x) x.checkComplete();
        int master = s.master() == null ? 0 : iface(s.master()).index();
        int lower = switch (s.kind()) {
            case MacvlanSpec m -> iface(m.lower()).index();
            case VlanSpec v -> iface(v.lower()).index();
            default -> 0;
        };
        int vxlanDev = s.kind() instanceof VxlanSpec x && x.dev() != null ? iface(x.dev()).index() : 0;
        NetnsRef peerNs = s.kind() instanceof VethSpec v ? v.peerNetns() : null;
        try (NetnsArg ns = NetnsArg.open(s.netns()); NetnsArg peer = NetnsArg.open(peerNs)) {
            var r = new LinkRequestCodec.Resolved(master, lower, vxlanDev, ns.fd, ns.pid, peer.fd, peer.pid);
            conn.execute(Rtnl.RTM_NEWLINK, NLM_F_CREATE | NLM_F_EXCL, w -> LinkRequestCodec.newLink(w, s, r));
        }
    }

    /**
     * {@code ip link set DEV [up|down] [mtu M] [name N] [alias A] [address LLADDR] [txqueuelen Q]
     * [group G] [master M|nomaster] [promisc on|off] [arp on|off] [netns NS]}: every change in
     * {@code c}, as one {@code RTM_NEWLINK}. The MTU is checked against the device's limits and the
     * address against its address length before anything is sent.
     *
     * @param dev the link's name
     * @param c   the changes
     * @throws IOException if a name does not resolve ({@code RTM_GETLINK: ENODEV}), a named namespace
     *     cannot be opened, or the kernel refuses the request ({@link NetlinkException} with its
     *     extended-ack message)
     */
    public void setLink(String dev, LinkChange c) throws IOException {
        Objects.requireNonNull(c, "change");
        Iface i = iface(dev);
        if (c.mtu() != null) checkMtu(i, c.mtu());
        if (c.address() != null) {
            if (i.addressLength() == 0) throw new IllegalArgumentException(dev + " has no link-layer address");
            ChangeChecks.lladdr(c.address(), i.addressLength(), dev);
        }
        int master = c.master() == null ? -1 : c.master().isEmpty() ? 0 : iface(c.master()).index();
        if (master == i.index()) throw new IllegalArgumentException(dev + " cannot be its own master");
        try (NetnsArg ns = NetnsArg.open(c.netns())) {
            conn.execute(Rtnl.RTM_NEWLINK, 0, w -> LinkRequestCodec.setLink(w, i.index(), c, master, ns.fd, ns.pid));
        }
    }

    /**
     * {@code ip tuntap add dev NAME mode tun|tap [user U] [group G] [multi_queue] [pi] [vnet_hdr]}, in
     * the connection's namespace: opens {@code /dev/net/tun} there and makes the device with ioctls
     * (tun/tap devices are not made over netlink). The caller closes the returned descriptor; a
     * persistent device stays until {@link #deleteLink(String)}.
     *
     * @param t the device
     * @return the open device
     * @throws IOException if the namespace cannot be entered or the device made
     *     ({@link dev.ffsock.ErrnoException}: {@code ioctl} EBUSY when the name is taken)
     */
    public dev.ffsock.TunTap addTuntap(TunSpec t) throws IOException {
        Objects.requireNonNull(t, "tun");
        try (dev.ffsock.NamespaceFd ns = dev.ffsock.NamespaceFd.of(conn.socket())) {
            return dev.ffsock.TunTap.open(ns, t.name(), t.flags(), t.owner(), t.group(), t.persist());
        }
    }

    // ---- addresses -----------------------------------------------------------------------------

    /**
     * {@code ip address add ADDR/PREFIX dev NAME [peer P] [broadcast B] [label L] [scope S]
     * [valid_lft V preferred_lft P] [nodad] …}.
     *
     * @param a the address, its interface and attributes
     * @throws NetlinkException EEXIST if the interface has the address already
     */
    public void addAddress(AddrSpec a) throws IOException {
        Objects.requireNonNull(a, "address");
        int index = iface(a.dev()).index();
        conn.execute(Rtnl.RTM_NEWADDR, NLM_F_CREATE | NLM_F_EXCL, w -> encodeAddr(w, a, index, true));
    }

    /**
     * {@code ip address add ADDR/PREFIX dev NAME}, e.g. {@code addAddress("veth0", "192.0.2.1/24")}.
     *
     * @param dev the interface's name
     * @param cidr the address and prefix, {@code 192.0.2.1/24}
     * @throws IOException if the kernel refuses the request ({@link dev.ffsock.netlink.NetlinkException},
     *     with the kernel's extended-ack message) or the netlink socket fails
     *     ({@link dev.ffsock.ErrnoException})
     */
    public void addAddress(String dev, String cidr) throws IOException {
        addAddress(AddrSpec.of(dev, cidr));
    }

    /**
     * {@code ip address replace …}: adds, or updates the flags and lifetimes of an existing address.
     *
     * @param a the address, its interface and attributes
     * @throws IOException if the kernel refuses the request ({@link dev.ffsock.netlink.NetlinkException},
     *     with the kernel's extended-ack message) or the netlink socket fails
     *     ({@link dev.ffsock.ErrnoException})
     */
    public void replaceAddress(AddrSpec a) throws IOException {
        Objects.requireNonNull(a, "address");
        int index = iface(a.dev()).index();
        conn.execute(Rtnl.RTM_NEWADDR, NLM_F_CREATE | NLM_F_REPLACE, w -> encodeAddr(w, a, index, true));
    }

    /**
     * {@code ip address del ADDR/PREFIX dev NAME}.
     *
     * @param a the address and its interface
     * @throws NetlinkException EADDRNOTAVAIL if the interface has no such address
     */
    public void deleteAddress(AddrSpec a) throws IOException {
        Objects.requireNonNull(a, "address");
        int index = iface(a.dev()).index();
        conn.execute(Rtnl.RTM_DELADDR, 0, w -> encodeAddr(w, a, index, false));
    }

    /**
     * {@code ip address del ADDR/PREFIX dev NAME}.
     *
     * @param dev the interface's name
     * @param cidr the address and prefix, {@code 192.0.2.1/24}
     * @throws IOException if the kernel refuses the request ({@link dev.ffsock.netlink.NetlinkException},
     *     with the kernel's extended-ack message) or the netlink socket fails
     *     ({@link dev.ffsock.ErrnoException})
     */
    public void deleteAddress(String dev, String cidr) throws IOException {
        deleteAddress(AddrSpec.of(dev, cidr));
    }

    /**
     * {@code ip [-4|-6] address flush dev NAME}: deletes every address of the interface (of one
     * family, or both), each as {@code ip} does, by its local address, peer and prefix length.
     *
     * @param family AF_INET, AF_INET6, or 0 for both
     * @param dev    the interface's name
     * @return how many addresses were deleted (one a concurrent change removed first is not counted)
     * @throws IllegalArgumentException if the family is none of those or the name is not an interface name
     * @throws IOException if the kernel refuses the dump or a delete ({@link NetlinkException}) or the socket fails
     */
    public int flushAddresses(int family, String dev) throws IOException {
        if (family != 0 && family != ChangeChecks.AF_INET && family != ChangeChecks.AF_INET6) {
            throw new IllegalArgumentException("family must be AF_INET, AF_INET6 or 0: " + family);
        }
        int index = iface(dev).index();
        List<Addr> all = conn.dumpAll(Rtnl.RTM_GETADDR, AddrCodec.dumpRequest(family, index), AddrCodec::decode);
        int deleted = 0;
        for (Addr a : all) {
            if (a.index() != index || (family != 0 && a.family() != family) || a.ifaddr() == null) continue;
            InetAddress local = a.ifaddr();
            InetAddress address = a.address() != null ? a.address() : local;
            try {
                conn.execute(Rtnl.RTM_DELADDR, 0, w -> {
                    w.putU8(a.family()).putU8(a.prefixLen()).putU8(0).putU8(0).putU32(index);
                    w.attrInetAddress(Rtnl.IFA_LOCAL, local);
                    w.attrInetAddress(Rtnl.IFA_ADDRESS, address);
                });
                deleted++;
            } catch (NetlinkException e) {
                if (e.errno() != Errno.EADDRNOTAVAIL) throw e;
            }
        }
        return deleted;
    }

    private static void encodeAddr(PayloadWriter w, AddrSpec a, int index, boolean add) {
        int scope = a.scope() >= 0 ? a.scope() : Rtnl.RT_SCOPE_UNIVERSE;
        w.putU8(a.family()).putU8(a.prefix()).putU8(a.flags() & 0xff).putU8(scope).putU32(index);
        w.attrInetAddress(Rtnl.IFA_LOCAL, a.local());
        w.attrInetAddress(Rtnl.IFA_ADDRESS, a.peer() != null ? a.peer() : a.local());
        if (!add) return;
        if (a.broadcast() != null) w.attrInetAddress(Rtnl.IFA_BROADCAST, a.broadcast());
        if (a.label() != null) w.attrString(Rtnl.IFA_LABEL, a.label());
        if (a.flags() != 0) w.attrU32(Rtnl.IFA_FLAGS, a.flags());
        if (a.validLifetime() >= 0) {
            byte[] ci = ByteBuffer.allocate(IFA_CACHEINFO_SIZE).order(ByteOrder.nativeOrder())
                    .putInt((int) a.preferredLifetime()).putInt((int) a.validLifetime()).putInt(0).putInt(0).array();
            w.attrBytes(Rtnl.IFA_CACHEINFO, ci);
        }
    }

    // ---- routes --------------------------------------------------------------------------------

    /**
     * {@code ip route add [TYPE] DST/PREFIX [via GW] [dev NAME] [src PREFSRC] [metric N] [proto P]
     * [scope S] [table T] [mtu M …] [nexthop via GW dev NAME weight W]…}.
     *
     * @param r the route
     * @throws NetlinkException EEXIST if the table has that route; ENETUNREACH with "Nexthop has
     *         invalid gateway" for an IPv4 gateway that no route reaches
     */
    public void addRoute(RouteSpec r) throws IOException {
        Objects.requireNonNull(r, "route");
        r.checkForAdd();
        Resolved res = resolve(r);
        conn.execute(Rtnl.RTM_NEWROUTE, NLM_F_CREATE | NLM_F_EXCL, w -> encodeRoute(w, r, res, true));
    }

    /**
     * {@code ip route replace …}: adds the route, or replaces the one with the same destination, table, metric (and TOS).
     *
     * @param r the route
     * @throws IOException if the kernel refuses the request ({@link dev.ffsock.netlink.NetlinkException},
     *     with the kernel's extended-ack message) or the netlink socket fails
     *     ({@link dev.ffsock.ErrnoException})
     */
    public void replaceRoute(RouteSpec r) throws IOException {
        Objects.requireNonNull(r, "route");
        r.checkForAdd();
        Resolved res = resolve(r);
        conn.execute(Rtnl.RTM_NEWROUTE, NLM_F_CREATE | NLM_F_REPLACE, w -> encodeRoute(w, r, res, true));
    }

    /**
     * {@code ip route del …}: deletes the first route that matches what {@code r} sets (destination
     * and table always; type, gateway, device, metric, protocol, scope when set).
     *
     * @param r the route (destination, and what else identifies it: table, metric, …)
     * @throws NetlinkException ESRCH if none matches
     */
    public void deleteRoute(RouteSpec r) throws IOException {
        Objects.requireNonNull(r, "route");
        Resolved res = resolve(r);
        conn.execute(Rtnl.RTM_DELROUTE, 0, w -> encodeRoute(w, r, res, false));
    }

    /** Interface indexes of a route's device and nexthops. */
    private record Resolved(int oif, int[] nexthops) {
    }

    private Resolved resolve(RouteSpec r) throws IOException {
        int oif = r.dev() == null ? 0 : iface(r.dev()).index();
        int[] nh = new int[r.nexthops().size()];
        for (int i = 0; i < nh.length; i++) {
            String d = r.nexthops().get(i).dev();
            nh[i] = d == null ? 0 : iface(d).index();
        }
        return new Resolved(oif, nh);
    }

    private static void encodeRoute(PayloadWriter w, RouteSpec r, Resolved res, boolean add) {
        long table = r.table();
        int type = r.type() >= 0 ? r.type() : add ? Rtnl.RTN_UNICAST : Rtnl.RTN_UNSPEC;
        int protocol = r.protocol() >= 0 ? r.protocol() : add ? Rtnl.RTPROT_BOOT : Rtnl.RTPROT_UNSPEC;
        int scope = add ? r.scopeForAdd() : r.scope() >= 0 ? r.scope() : Rtnl.RT_SCOPE_NOWHERE;
        w.putU8(r.family()).putU8(r.prefix()).putU8(0).putU8(0)
                .putU8(table < 256 ? (int) table : Rtnl.RT_TABLE_UNSPEC)
                .putU8(protocol).putU8(scope).putU8(type).putU32(0);
        w.attrU32(Rtnl.RTA_TABLE, (int) table);
        if (r.prefix() > 0) w.attrInetAddress(Rtnl.RTA_DST, r.dst());
        if (r.gateway() != null) w.attrInetAddress(Rtnl.RTA_GATEWAY, r.gateway());
        if (res.oif() != 0) w.attrU32(Rtnl.RTA_OIF, res.oif());
        if (r.prefsrc() != null) w.attrInetAddress(Rtnl.RTA_PREFSRC, r.prefsrc());
        if (r.priority() >= 0) w.attrU32(Rtnl.RTA_PRIORITY, (int) r.priority());
        if (!r.metrics().isEmpty() || r.congctl() != null) {
            int m = w.beginNested(Rtnl.RTA_METRICS);
            r.metrics().forEach((k, v) -> w.attrU32(k, v));
            if (r.congctl() != null) w.attrString(Rtnl.RTAX_CC_ALGO, r.congctl()); // issue 10
            w.endNested(m);
        }
        if (!r.nexthops().isEmpty()) w.attrBytes(Rtnl.RTA_MULTIPATH, multipath(r, res.nexthops()));
        // issue 10: nexthop objects, IPv6 pref and expires
        if (r.nhid() != 0) w.attrU32(Rtnl.RTA_NH_ID, (int) r.nhid());
        if (r.pref() >= 0) w.attrU8(Rtnl.RTA_PREF, r.pref());
        if (r.expires() >= 0 && add) w.attrU32(Rtnl.RTA_EXPIRES, (int) r.expires());
    }

    /** The {@code RTA_MULTIPATH} value: rtnexthop headers, each followed by its RTA_GATEWAY. */
    private static byte[] multipath(RouteSpec r, int[] indexes) {
        int addrLen = r.family() == ChangeChecks.AF_INET ? 4 : 16;
        int total = 0;
        for (NexthopSpec nh : r.nexthops()) total += RTNEXTHOP_SIZE + (nh.gateway() == null ? 0 : 4 + addrLen);
        ByteBuffer b = ByteBuffer.allocate(total).order(ByteOrder.nativeOrder());
        for (int i = 0; i < indexes.length; i++) {
            NexthopSpec nh = r.nexthops().get(i);
            int len = RTNEXTHOP_SIZE + (nh.gateway() == null ? 0 : 4 + addrLen);
            b.putShort((short) len).put((byte) 0).put((byte) (nh.weight() - 1)).putInt(indexes[i]);
            if (nh.gateway() != null) {
                b.putShort((short) (4 + addrLen)).putShort((short) Rtnl.RTA_GATEWAY).put(nh.gateway().getAddress());
            }
        }
        return b.array();
    }

    // ---- rules and nexthop objects (issue 10) -----------------------------------------------

    /**
     * {@code ip rule add [not] [from P] [to P] [pref N] [lookup T | goto N | nop | blackhole | …] …}.
     *
     * @param r the rule
     * @throws NetlinkException EEXIST if the same rule exists; the kernel's ext-ack text for what it refuses
     */
    public void addRule(RuleSpec r) throws IOException {
        Objects.requireNonNull(r, "rule");
        r.checkForAdd();
        conn.execute(Rtnl.RTM_NEWRULE, NLM_F_CREATE | NLM_F_EXCL, w -> RuleCodec.encode(w, r, true));
    }

    /**
     * {@code ip rule del …}: deletes the first rule that matches what {@code r} sets.
     *
     * @param r the rule's selectors (priority, from, table, …)
     * @throws NetlinkException ENOENT if none matches
     */
    public void deleteRule(RuleSpec r) throws IOException {
        Objects.requireNonNull(r, "rule");
        conn.execute(Rtnl.RTM_DELRULE, 0, w -> RuleCodec.encode(w, r, false));
    }

    /**
     * {@code ip nexthop add id ID (via GW dev DEV [onlink] | dev DEV | blackhole | group …) [fdb]}.
     *
     * @param n the nexthop object
     * @throws NetlinkException EEXIST if the id is taken; the kernel's ext-ack text for what it refuses
     */
    public void addNexthop(NexthopObjectSpec n) throws IOException {
        nexthop(n, NLM_F_CREATE | NLM_F_EXCL);
    }

    /**
     * {@code ip nexthop replace id ID …}: adds the object or replaces the one with that id.
     *
     * @param n the nexthop object
     * @throws IOException if the kernel refuses the request ({@link dev.ffsock.netlink.NetlinkException},
     *     with the kernel's extended-ack message) or the netlink socket fails
     *     ({@link dev.ffsock.ErrnoException})
     */
    public void replaceNexthop(NexthopObjectSpec n) throws IOException {
        nexthop(n, NLM_F_CREATE | NLM_F_REPLACE);
    }

    private void nexthop(NexthopObjectSpec n, int flags) throws IOException {
        Objects.requireNonNull(n, "nexthop");
        n.checkForAdd();
        int oif = n.dev() == null ? 0 : iface(n.dev()).index();
        conn.execute(Rtnl.RTM_NEWNEXTHOP, flags, w -> NexthopCodec.encode(w, n, oif));
    }

    /**
     * {@code ip nexthop del id ID}.
     *
     * @param id the object's id, 1..4294967295
     * @throws NetlinkException ENOENT if there is none
     */
    public void deleteNexthop(long id) throws IOException {
        ChangeChecks.u32("nexthop id", id, 1);
        conn.execute(Rtnl.RTM_DELNEXTHOP, 0, NexthopCodec.idRequest((int) id));
    }

    // ---- neighbours ----------------------------------------------------------------------------

    /**
     * {@code ip neigh add ADDR lladdr LLADDR dev NAME nud permanent}: the link-layer address must be
     * as long as the device's (6 bytes on Ethernet and veth).
     *
     * @param dev the interface's name
     * @param address the neighbour's IP address
     * @param lladdr its link-layer address ({@link #lladdr(String)})
     * @throws NetlinkException EEXIST if the entry exists
     */
    public void addNeighbour(String dev, InetAddress address, byte[] lladdr) throws IOException {
        addNeighbour(NeighSpec.of(dev, address).lladdr(lladdr));
    }

    /**
     * {@code ip neigh replace ADDR lladdr LLADDR dev NAME nud permanent}.
     *
     * @param dev the interface's name
     * @param address the neighbour's IP address
     * @param lladdr its link-layer address ({@link #lladdr(String)})
     * @throws IOException if the kernel refuses the request ({@link dev.ffsock.netlink.NetlinkException},
     *     with the kernel's extended-ack message) or the netlink socket fails
     *     ({@link dev.ffsock.ErrnoException})
     */
    public void replaceNeighbour(String dev, InetAddress address, byte[] lladdr) throws IOException {
        replaceNeighbour(NeighSpec.of(dev, address).lladdr(lladdr));
    }

    /**
     * {@code ip neigh del ADDR dev NAME}.
     *
     * @param dev the interface's name
     * @param address the neighbour's IP address
     * @throws NetlinkException ENOENT if there is no such entry
     */
    public void deleteNeighbour(String dev, InetAddress address) throws IOException {
        deleteNeighbour(NeighSpec.of(dev, address));
    }

    // ---- issue 10, neighbours: every NUD state, proxy entries, router/extern_learn, flush --------

    /**
     * {@code ip neigh add [proxy] ADDR [lladdr LLADDR] dev NAME [nud STATE] [router] [extern_learn]}.
     * A link-layer address must be as long as the device's (6 bytes on Ethernet and veth).
     *
     * @param n the entry
     * @throws NetlinkException EEXIST if the entry exists
     * @throws IOException if the kernel refuses otherwise or the netlink socket fails
     */
    public void addNeighbour(NeighSpec n) throws IOException {
        neighbour(Rtnl.RTM_NEWNEIGH, NLM_F_CREATE | NLM_F_EXCL, n);
    }

    /**
     * {@code ip neigh replace [proxy] ADDR [lladdr LLADDR] dev NAME [nud STATE] [router] [extern_learn]}:
     * adds the entry or overrides the existing one.
     *
     * @param n the entry
     * @throws IOException if the kernel refuses the request ({@link dev.ffsock.netlink.NetlinkException},
     *     with the kernel's extended-ack message) or the netlink socket fails
     *     ({@link dev.ffsock.ErrnoException})
     */
    public void replaceNeighbour(NeighSpec n) throws IOException {
        neighbour(Rtnl.RTM_NEWNEIGH, NLM_F_CREATE | NLM_F_REPLACE, n);
    }

    /**
     * {@code ip neigh del [proxy] ADDR dev NAME} (only the address, device and {@code proxy} count).
     *
     * @param n the entry
     * @throws NetlinkException ENOENT if there is no such entry
     * @throws IOException if the netlink socket fails
     */
    public void deleteNeighbour(NeighSpec n) throws IOException {
        neighbour(Rtnl.RTM_DELNEIGH, 0, n);
    }

    /**
     * {@code ip [-4|-6] neigh flush [dev NAME] [nud STATE]}: deletes the entries (of a device, or of
     * every device) whose state has a bit of {@code states}; without states, every entry but
     * PERMANENT and NOARP ones, as {@code ip neigh flush} does. Proxy entries are not touched. An
     * entry that disappears meanwhile is skipped.
     *
     * @param family AF_INET, AF_INET6, or 0 for both
     * @param dev the interface's name, or null for every interface
     * @param states the states to flush, or null for all but {@code permanent} and {@code noarp}
     * @return how many entries were deleted
     * @throws IOException if the kernel refuses the dump or a delete ({@link NetlinkException}) or the socket fails
     */
    public int flushNeighbours(int family, String dev, NeighState states) throws IOException {
        if (family != 0 && family != ChangeChecks.AF_INET && family != ChangeChecks.AF_INET6) {
            throw new IllegalArgumentException("family must be AF_INET, AF_INET6 or 0: " + family);
        }
        int index = dev == null ? 0 : iface(dev).index();
        int mask = states != null ? states.bits() : 0xff & ~(Rtnl.NUD_PERMANENT | Rtnl.NUD_NOARP);
        List<Neigh> all = conn.dumpAll(Rtnl.RTM_GETNEIGH, NeighCodec.dumpRequest(family, index), NeighCodec::decode);
        int deleted = 0;
        for (Neigh n : all) {
            boolean inet = n.family() == ChangeChecks.AF_INET || n.family() == ChangeChecks.AF_INET6;
            if (!inet || (index != 0 && n.ifindex() != index) || n.dst() == null || (family != 0 && n.family() != family)) continue;
            if ((n.state().bits() & mask) == 0 && !(n.state().bits() == 0 && states != null && states.bits() == 0)) continue;
            try {
                conn.execute(Rtnl.RTM_DELNEIGH, 0, w -> ndmsg(w, n.family(), n.ifindex(), 0, n.flags() & Rtnl.NTF_PROXY)
                        .attrInetAddress(Rtnl.NDA_DST, n.dst()));
                deleted++;
            } catch (NetlinkException e) {
                if (e.errno() != Errno.ENOENT) throw e;
            }
        }
        return deleted;
    }

    private void neighbour(int type, int flags, NeighSpec n) throws IOException {
        Objects.requireNonNull(n, "neighbour");
        Iface i = iface(n.dev());
        byte[] ll = type == Rtnl.RTM_NEWNEIGH ? n.lladdr() : null;
        if (ll != null) {
            if (i.addressLength() == 0) throw new IllegalArgumentException(n.dev() + " has no link-layer address (NOARP device)");
            if (ll.length != i.addressLength()) {
                throw new IllegalArgumentException("link-layer address " + HexFormat.ofDelimiter(":").formatHex(ll) + " of "
                        + ll.length + " bytes; " + n.dev() + " needs " + i.addressLength());
            }
        }
        int state = type == Rtnl.RTM_NEWNEIGH ? n.state().bits() : 0;
        int ntf = type == Rtnl.RTM_NEWNEIGH ? n.flags() : n.flags() & Rtnl.NTF_PROXY;
        conn.execute(type, flags, w -> {
            ndmsg(w, ChangeChecks.family(n.dst()), i.index(), state, ntf);
            w.attrInetAddress(Rtnl.NDA_DST, n.dst());
            if (ll != null) w.attrBytes(Rtnl.NDA_LLADDR, ll);
        });
    }

    /** Writes a {@code struct ndmsg}. */
    static PayloadWriter ndmsg(PayloadWriter w, int family, int ifindex, int state, int flags) {
        return w.putU8(family).putU8(0).putU16(0).putU32(ifindex).putU16(state).putU8(flags).putU8(0);
    }

    /**
     * Parses {@code aa:bb:cc:dd:ee:ff} (any number of colon-separated hex bytes).
     *
     * @param s a link-layer address in hex, {@code 02:00:00:00:00:01}
     * @return its bytes
     */
    public static byte[] lladdr(String s) {
        Objects.requireNonNull(s, "lladdr");
        String[] parts = s.split(":", -1);
        byte[] b = new byte[parts.length];
        for (int i = 0; i < parts.length; i++) {
            if (parts[i].isEmpty() || parts[i].length() > 2) throw new IllegalArgumentException("bad link-layer address '" + s + "'");
            try {
                b[i] = (byte) Integer.parseInt(parts[i], 16);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("bad link-layer address '" + s + "'");
            }
        }
        return b;
    }

    /** {@return the C name of an rtnetlink message type, for error messages} */
    static String typeName(int type) {
        return switch (type) {
            case Rtnl.RTM_NEWLINK -> "RTM_NEWLINK";
            case Rtnl.RTM_DELLINK -> "RTM_DELLINK";
            case Rtnl.RTM_GETLINK -> "RTM_GETLINK";
            case Rtnl.RTM_SETLINK -> "RTM_SETLINK";
            case Rtnl.RTM_NEWADDR -> "RTM_NEWADDR";
            case Rtnl.RTM_DELADDR -> "RTM_DELADDR";
            case Rtnl.RTM_GETADDR -> "RTM_GETADDR";
            case Rtnl.RTM_NEWROUTE -> "RTM_NEWROUTE";
            case Rtnl.RTM_DELROUTE -> "RTM_DELROUTE";
            case Rtnl.RTM_GETROUTE -> "RTM_GETROUTE";
            case Rtnl.RTM_NEWNEIGH -> "RTM_NEWNEIGH";
            case Rtnl.RTM_DELNEIGH -> "RTM_DELNEIGH";
            case Rtnl.RTM_GETNEIGH -> "RTM_GETNEIGH";
            // rules and nexthop objects (issue 10)
            case Rtnl.RTM_NEWRULE -> "RTM_NEWRULE";
            case Rtnl.RTM_DELRULE -> "RTM_DELRULE";
            case Rtnl.RTM_GETRULE -> "RTM_GETRULE";
            case Rtnl.RTM_NEWNEXTHOP -> "RTM_NEWNEXTHOP";
            case Rtnl.RTM_DELNEXTHOP -> "RTM_DELNEXTHOP";
            case Rtnl.RTM_GETNEXTHOP -> "RTM_GETNEXTHOP";
            default -> "rtnetlink message type " + type;
        };
    }
}
