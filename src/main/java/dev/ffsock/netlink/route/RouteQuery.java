package dev.ffsock.netlink.route;

import java.net.InetAddress;
import java.util.Objects;

/**
 * What {@link Rtnetlink#routeGet(RouteQuery)} asks the kernel: the arguments of {@code ip route get
 * ADDR [from SRC] [iif DEV] [oif DEV] [mark M] [uid U] [tos T] [ipproto P] [sport N] [dport N]
 * [fibmatch]}. Built fluently and checked as it is built:
 * {@snippet :
 * Route r = rt.routeGet(RouteQuery.to("198.51.100.7").from("192.0.2.1").mark(5));
 * }
 * Not thread-safe.
 */
public final class RouteQuery {
    private final InetAddress dst;
    private InetAddress src;
    private String iif, oif;
    private long mark = -1, uid = -1;
    private int tos, ipProto = -1, sport = -1, dport = -1;
    private boolean fibMatch;

    private RouteQuery(InetAddress dst) {
        this.dst = dst;
    }

    /**
     * {@code ip route get ADDR}: the route to one address.
     *
     * @param address an IPv4 or IPv6 address literal
     * @return the query
     */
    public static RouteQuery to(String address) {
        return new RouteQuery(ChangeChecks.literal(Objects.requireNonNull(address, "address")));
    }

    /**
     * {@code from SRC} ({@code RTA_SRC}): the source address of the packet looked up.
     *
     * @param address an address literal of the destination's family
     * @return this query, for chaining
     */
    public RouteQuery from(String address) {
        InetAddress a = ChangeChecks.literal(address);
        ChangeChecks.sameFamily("source", dst, a);
        src = a;
        return this;
    }

    /**
     * {@code iif DEV} ({@code RTA_IIF}): look up as if the packet came in on this interface.
     *
     * @param name the input interface's name
     * @return this query, for chaining
     */
    public RouteQuery iif(String name) {
        iif = ChangeChecks.ifname(name);
        return this;
    }

    /**
     * {@code oif DEV} ({@code RTA_OIF}): look up as if the packet were bound to this interface.
     *
     * @param name the output interface's name
     * @return this query, for chaining
     */
    public RouteQuery oif(String name) {
        oif = ChangeChecks.ifname(name);
        return this;
    }

    /**
     * {@code mark M} ({@code RTA_MARK}), 0..4294967295.
     *
     * @param m the firewall mark
     * @return this query, for chaining
     */
    public RouteQuery mark(long m) {
        mark = ChangeChecks.u32("mark", m, 0);
        return this;
    }

    /**
     * {@code uid U} ({@code RTA_UID}), 0..4294967295.
     *
     * @param u the user id
     * @return this query, for chaining
     */
    public RouteQuery uid(long u) {
        uid = ChangeChecks.u32("uid", u, 0);
        return this;
    }

    /**
     * {@code tos T} ({@code rtm_tos}), 0..255.
     *
     * @param t the TOS byte
     * @return this query, for chaining
     */
    public RouteQuery tos(int t) {
        tos = ChangeChecks.u8("tos", t);
        return this;
    }

    /**
     * {@code ipproto P} ({@code RTA_IP_PROTO}), 0..255.
     *
     * @param p the IP protocol number
     * @return this query, for chaining
     */
    public RouteQuery ipProto(int p) {
        ipProto = ChangeChecks.u8("ipproto", p);
        return this;
    }

    /**
     * {@code sport N} ({@code RTA_SPORT}), 0..65535.
     *
     * @param port the source port
     * @return this query, for chaining
     */
    public RouteQuery sport(int port) {
        sport = port(port);
        return this;
    }

    /**
     * {@code dport N} ({@code RTA_DPORT}), 0..65535.
     *
     * @param port the destination port
     * @return this query, for chaining
     */
    public RouteQuery dport(int port) {
        dport = port(port);
        return this;
    }

    private static int port(int p) {
        if (p < 0 || p > 0xffff) throw new IllegalArgumentException("port must be 0..65535: " + p);
        return p;
    }

    /**
     * {@code fibmatch} ({@code RTM_F_FIB_MATCH}): return the FIB entry that matched rather than the resolved route.
     *
     * @return this query, for chaining
     */
    public RouteQuery fibMatch() {
        fibMatch = true;
        return this;
    }

    /** {@return the destination} */
    public InetAddress dst() {
        return dst;
    }

    /** {@return the input interface's name, or null} */
    public String iif() {
        return iif;
    }

    /** {@return the output interface's name, or null} */
    public String oif() {
        return oif;
    }

    /** Writes the {@code RTM_GETROUTE} payload, as {@code ip route get} does; the indexes are resolved by the caller. */
    void encode(dev.ffsock.netlink.PayloadWriter w, int iifIndex, int oifIndex) {
        int family = ChangeChecks.family(dst);
        int full = ChangeChecks.maxPrefix(family);
        int flags = (family == ChangeChecks.AF_INET ? Rtnl.RTM_F_LOOKUP_TABLE : 0) | (fibMatch ? Rtnl.RTM_F_FIB_MATCH : 0);
        w.putU8(family).putU8(full).putU8(src == null ? 0 : full).putU8(tos)
                .putU8(0).putU8(0).putU8(0).putU8(0).putU32(flags);
        w.attrInetAddress(Rtnl.RTA_DST, dst);
        if (src != null) w.attrInetAddress(Rtnl.RTA_SRC, src);
        if (iifIndex != 0) w.attrU32(Rtnl.RTA_IIF, iifIndex);
        if (oifIndex != 0) w.attrU32(Rtnl.RTA_OIF, oifIndex);
        if (mark >= 0) w.attrU32(Rtnl.RTA_MARK, (int) mark);
        if (uid >= 0) w.attrU32(Rtnl.RTA_UID, (int) uid);
        if (ipProto >= 0) w.attrU8(Rtnl.RTA_IP_PROTO, ipProto);
        if (sport >= 0) w.attrBE16(Rtnl.RTA_SPORT, sport);
        if (dport >= 0) w.attrBE16(Rtnl.RTA_DPORT, dport);
    }
}
