package dev.ffsock.netlink.route;

import dev.ffsock.InetText;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A route to add, replace or delete with {@link RtnetlinkChanges}: the arguments of {@code ip route
 * add|replace|del}. Built fluently and checked as it is built:
 * {@snippet :
 * RouteSpec r = RouteSpec.to("198.51.100.0/24").via("192.0.2.2").dev("veth0").table(100).priority(10).mtu(1400);
 * }
 *
 * <p>For a delete, only what was set is matched, as with {@code ip route del} (the table defaults
 * to main, as for an add). For an add, unset fields get {@code ip}'s defaults: table main, protocol
 * {@code boot}, type unicast, scope {@code link} for a unicast route with no gateway and no
 * nexthops, else {@code universe}.
 *
 * <p>Route types: every {@code RTN_*} from {@link Rtnl#RTN_UNICAST} to {@link Rtnl#RTN_XRESOLVE}
 * ({@code local}, {@code broadcast}, {@code anycast}, {@code multicast} need a device; the kernel
 * refuses {@code nat} and {@code xresolve} with its own message). {@code blackhole},
 * {@code unreachable}, {@code prohibit} and {@code throw} may have no gateway, device or nexthops (the
 * kernel refuses them). A gateway, nexthops and a nexthop object ({@code nhid}) exclude each other.
 * Not thread-safe.
 */
public final class RouteSpec {
    private final InetAddress dst;
    private final int prefix;
    private InetAddress gateway;
    private String dev;
    private InetAddress prefsrc;
    private long priority = -1;
    private int protocol = -1;
    private int scope = -1;
    private int type = -1;
    private long table = Rtnl.RT_TABLE_MAIN;
    private final Map<Integer, Integer> metrics = new TreeMap<>();
    private final List<NexthopSpec> nexthops = new ArrayList<>();
    // issue 10: nexthop objects, congestion control, IPv6 pref and expires
    private int nhid;
    private String congctl;
    private int pref = -1;
    private long expires = -1;

    private RouteSpec(InetAddress dst, int prefix) {
        ChangeChecks.prefix(dst, prefix);
        ChangeChecks.network(dst, prefix);
        if (dst.isMulticastAddress() && prefix == ChangeChecks.maxPrefix(ChangeChecks.family(dst))) {
            throw new IllegalArgumentException("multicast destination " + InetText.format(dst) + " is not a unicast route");
        }
        this.dst = dst;
        this.prefix = prefix;
    }

    /**
     * A route to a network.
     *
     * @param dst    the network address (no host bits set past {@code prefix})
     * @param prefix 0..32 or 0..128
     * @return the spec
     */
    public static RouteSpec to(InetAddress dst, int prefix) {
        return new RouteSpec(Objects.requireNonNull(dst, "dst"), prefix);
    }

    /**
     * A route to {@code ADDRESS/PREFIX} (an address alone is a host route); {@code default} and {@code default6} mean 0.0.0.0/0 and ::/0.
     *
     * @param cidr the destination and prefix, {@code 198.51.100.0/24}, {@code 2001:db8::/32} or {@code
     *     default}
     * @return the spec
     */
    public static RouteSpec to(String cidr) {
        Objects.requireNonNull(cidr, "destination");
        if (cidr.equals("default")) cidr = "0.0.0.0/0";
        else if (cidr.equals("default6")) cidr = "::/0";
        ChangeChecks.Cidr c = ChangeChecks.cidr(cidr);
        return new RouteSpec(c.address(), c.prefix());
    }

    /**
     * {@code via GW}: the next hop (same family as the destination; unicast only).
     *
     * @param gw the gateway ({@code via GW})
     * @return this spec, for chaining
     */
    public RouteSpec via(InetAddress gw) {
        ChangeChecks.sameFamily("gateway", dst, Objects.requireNonNull(gw, "gateway"));
        if (gw.isAnyLocalAddress() || gw.isMulticastAddress()) throw new IllegalArgumentException("gateway " + InetText.format(gw) + " is not a unicast address");
        if (!nexthops.isEmpty()) throw new IllegalArgumentException("a route has either a gateway or nexthops");
        noNhid("gateway");
        this.gateway = gw;
        return this;
    }

    /**
     * {@code via GW} from a literal.
     *
     * @param gw the gateway's address literal ({@code via GW})
     * @return this spec, for chaining
     */
    public RouteSpec via(String gw) {
        return via(ChangeChecks.literal(gw));
    }

    /**
     * {@code dev NAME}: the outgoing interface ({@code RTA_OIF}).
     *
     * @param name the output interface's name ({@code dev NAME})
     * @return this spec, for chaining
     */
    public RouteSpec dev(String name) {
        ChangeChecks.ifname(name);
        if (!nexthops.isEmpty()) throw new IllegalArgumentException("a multipath route names devices in its nexthops");
        noNhid("device");
        this.dev = name;
        return this;
    }

    /**
     * {@code src ADDR}: the preferred source address ({@code RTA_PREFSRC}).
     *
     * @param src the preferred source address ({@code src ADDR})
     * @return this spec, for chaining
     */
    public RouteSpec prefsrc(InetAddress src) {
        ChangeChecks.sameFamily("source", dst, Objects.requireNonNull(src, "prefsrc"));
        if (src.isAnyLocalAddress() || src.isMulticastAddress()) throw new IllegalArgumentException("source " + InetText.format(src) + " is not a unicast address");
        this.prefsrc = src;
        return this;
    }

    /**
     * {@code metric N}: the route's priority ({@code RTA_PRIORITY}, unsigned 32 bits).
     *
     * @param metric the priority ({@code metric N})
     * @return this spec, for chaining
     */
    public RouteSpec priority(long metric) {
        if (metric < 0 || metric > 0xffff_ffffL) throw new IllegalArgumentException("metric must be 0..4294967295: " + metric);
        this.priority = metric;
        return this;
    }

    /**
     * {@code proto N}: who installed it ({@code RTPROT_*}, 0..255).
     *
     * @param proto the {@code RTPROT_*} value ({@code proto P})
     * @return this spec, for chaining
     */
    public RouteSpec protocol(int proto) {
        this.protocol = ChangeChecks.u8("protocol", proto);
        return this;
    }

    /**
     * {@code scope N} ({@code RT_SCOPE_*}, 0..255).
     *
     * @param s the {@code RT_SCOPE_*} value ({@code scope S})
     * @return this spec, for chaining
     */
    public RouteSpec scope(int s) {
        this.scope = ChangeChecks.u8("scope", s);
        return this;
    }

    /**
     * The route type: {@code RTN_UNICAST} … {@code RTN_XRESOLVE} ({@code unicast}, {@code local},
     * {@code broadcast}, {@code anycast}, {@code multicast}, {@code blackhole}, {@code unreachable},
     * {@code prohibit}, {@code throw}, {@code nat}, {@code xresolve}).
     *
     * @param t the {@code RTN_*} route type ({@code unicast}, {@code blackhole}, …)
     * @return this spec, for chaining
     */
    public RouteSpec type(int t) {
        if (t < Rtnl.RTN_UNICAST || t > Rtnl.RTN_XRESOLVE) {
            throw new IllegalArgumentException("route type " + t + " is not one of unicast (1) .. xresolve (11)");
        }
        this.type = t;
        return this;
    }

    /**
     * {@code table N}: 1..4294967295 ({@code RT_TABLE_MAIN} 254 by default, {@code RT_TABLE_LOCAL} 255).
     *
     * @param t the table's id ({@code table ID})
     * @return this spec, for chaining
     */
    public RouteSpec table(long t) {
        if (t < 1 || t > 0xffff_ffffL) throw new IllegalArgumentException("table must be 1..4294967295: " + t);
        this.table = t;
        return this;
    }

    /**
     * {@code mtu N} ({@code RTAX_MTU}): 68..65535 for IPv4, 1280..65535 for IPv6.
     *
     * @param mtu the path MTU ({@code mtu N})
     * @return this spec, for chaining
     */
    public RouteSpec mtu(int mtu) {
        return metric(Rtnl.RTAX_MTU, mtu);
    }

    /**
     * A route metric in {@code RTA_METRICS}, e.g. {@code RTAX_MTU}, {@code RTAX_ADVMSS},
     * {@code RTAX_HOPLIMIT} (1..255), {@code RTAX_INITCWND}, {@code RTAX_LOCK} (a bit mask).
     * {@code RTAX_CC_ALGO} (a string) is not supported here.
     *
     * @param rtax the {@code RTAX_*} metric number
     * @param value its value
     * @return this spec, for chaining
     */
    public RouteSpec metric(int rtax, int value) {
        if (rtax < 1 || rtax > Rtnl.RTAX_MAX) throw new IllegalArgumentException("metric type " + rtax + " outside 1.." + Rtnl.RTAX_MAX);
        switch (rtax) {
            case Rtnl.RTAX_CC_ALGO -> throw new IllegalArgumentException("RTAX_CC_ALGO is a string metric, not supported");
            case Rtnl.RTAX_MTU -> {
                int min = ChangeChecks.family(dst) == ChangeChecks.AF_INET ? 68 : 1280;
                if (value < min || value > 65535) throw new IllegalArgumentException("route mtu must be " + min + "..65535: " + value);
            }
            case Rtnl.RTAX_HOPLIMIT -> {
                if (value < 1 || value > 255) throw new IllegalArgumentException("hoplimit must be 1..255: " + value);
            }
            case Rtnl.RTAX_FEATURES -> {
                if ((value & ~Rtnl.RTAX_FEATURE_MASK) != 0) throw new IllegalArgumentException("unknown RTAX_FEATURES bits: 0x" + Integer.toHexString(value));
            }
            default -> {
                if (value < 0) throw new IllegalArgumentException("metric " + rtax + " must be 0..2147483647: " + Integer.toUnsignedString(value));
            }
        }
        metrics.put(rtax, value);
        return this;
    }

    /**
     * {@code nexthop via GW dev DEV weight W}: one more path of a multipath route ({@code RTA_MULTIPATH}).
     *
     * @param nh one hop of a multipath route ({@code nexthop via … dev … weight …})
     * @return this spec, for chaining
     */
    public RouteSpec nexthop(NexthopSpec nh) {
        Objects.requireNonNull(nh, "nexthop");
        if (gateway != null || dev != null) throw new IllegalArgumentException("a multipath route has no top-level gateway or device");
        if (nh.gateway() != null) ChangeChecks.sameFamily("nexthop gateway", dst, nh.gateway());
        noNhid("nexthops");
        nexthops.add(nh);
        return this;
    }

    // ---- issue 10: nexthop objects, every metric, IPv6 pref and expires

    private void noNhid(String what) {
        if (nhid != 0) throw new IllegalArgumentException("a route through a nexthop object (nhid) has no " + what);
    }

    /**
     * {@code nhid ID}: the route goes through a nexthop object ({@code RTA_NH_ID}; see
     * {@link RtnetlinkChanges#addNexthop}); excludes a gateway, a device and nexthops.
     *
     * @param id the nexthop object's id, 1..4294967295
     * @return this spec, for chaining
     */
    public RouteSpec nhid(long id) {
        ChangeChecks.u32("nhid", id, 1);
        if (gateway != null || dev != null || !nexthops.isEmpty()) {
            throw new IllegalArgumentException("a route through a nexthop object (nhid) has no gateway, device or nexthops");
        }
        nhid = (int) id;
        return this;
    }

    /**
     * {@code congctl NAME} ({@code RTAX_CC_ALGO}, a string metric): the TCP congestion control for the route.
     *
     * @param name the algorithm's name ({@code cubic}, {@code reno}, …), 1..15 printable characters
     * @return this spec, for chaining
     */
    public RouteSpec congctl(String name) {
        Objects.requireNonNull(name, "congctl");
        if (name.isEmpty() || name.length() > 15 || !name.chars().allMatch(c -> c > ' ' && c < 127)) {
            throw new IllegalArgumentException("bad congestion control name '" + name + "' (1..15 printable characters)");
        }
        congctl = name;
        return this;
    }

    /**
     * {@code METRIC lock …}: locks a metric against changes from path MTU discovery and the like (a bit in {@code RTAX_LOCK}).
     *
     * @param rtax the metric's {@code RTAX_*} number, 2..{@code RTAX_MAX}
     * @return this spec, for chaining
     */
    public RouteSpec lock(int rtax) {
        if (rtax < 2 || rtax > Rtnl.RTAX_MAX) throw new IllegalArgumentException("cannot lock metric type " + rtax);
        metrics.merge(Rtnl.RTAX_LOCK, 1 << rtax, (a, b) -> a | b);
        return this;
    }

    /**
     * {@code pref low|medium|high} ({@code RTA_PREF}): an IPv6 router preference.
     *
     * @param p 0 medium, 1 high, 3 low ({@code ICMPV6_ROUTER_PREF_*})
     * @return this spec, for chaining
     */
    public RouteSpec pref(int p) {
        if (family() != ChangeChecks.AF_INET6) throw new IllegalArgumentException("pref is for IPv6 routes only");
        if (p != 0 && p != 1 && p != 3) throw new IllegalArgumentException("pref must be 0 (medium), 1 (high) or 3 (low): " + p);
        pref = p;
        return this;
    }

    /**
     * {@code expires SECONDS} ({@code RTA_EXPIRES}): the IPv6 route is removed after this long.
     *
     * @param seconds 1..2147483
     * @return this spec, for chaining
     */
    public RouteSpec expires(long seconds) {
        if (family() != ChangeChecks.AF_INET6) throw new IllegalArgumentException("expires is for IPv6 routes only");
        if (seconds < 1 || seconds > 2147483) throw new IllegalArgumentException("expires must be 1..2147483 seconds: " + seconds);
        expires = seconds;
        return this;
    }

    /** {@return the nexthop object's id ({@code nhid}), 0 when unset} */
    public long nhid() {
        return Integer.toUnsignedLong(nhid);
    }

    /** {@return the congestion control algorithm ({@code RTAX_CC_ALGO}), or null} */
    public String congctl() {
        return congctl;
    }

    /** {@return the IPv6 router preference, or -1 when unset} */
    public int pref() {
        return pref;
    }

    /** {@return the IPv6 expiry in seconds, or -1 when unset} */
    public long expires() {
        return expires;
    }

    /** {@return the destination network} */
    public InetAddress dst() {
        return dst;
    }

    /** {@return the destination prefix length} */
    public int prefix() {
        return prefix;
    }

    /** {@return AF_INET (2) or AF_INET6 (10)} */
    public int family() {
        return ChangeChecks.family(dst);
    }

    /** {@return the gateway, or null} */
    public InetAddress gateway() {
        return gateway;
    }

    /** {@return the device name, or null} */
    public String dev() {
        return dev;
    }

    /** {@return the preferred source, or null} */
    public InetAddress prefsrc() {
        return prefsrc;
    }

    /** {@return the priority (metric), or -1 when unset} */
    public long priority() {
        return priority;
    }

    /** {@return the protocol, or -1 when unset} */
    public int protocol() {
        return protocol;
    }

    /** {@return the scope, or -1 when unset} */
    public int scope() {
        return scope;
    }

    /** {@return the type, or -1 when unset} */
    public int type() {
        return type;
    }

    /** {@return the table} */
    public long table() {
        return table;
    }

    /** {@return the metrics set, by RTAX type} */
    public Map<Integer, Integer> metrics() {
        return Collections.unmodifiableMap(metrics);
    }

    /** {@return the nexthops of a multipath route (empty otherwise)} */
    public List<NexthopSpec> nexthops() {
        return Collections.unmodifiableList(nexthops);
    }

    /** Checks the whole route before it is added (a delete needs only the destination). */
    void checkForAdd() {
        int t = type < 0 ? Rtnl.RTN_UNICAST : type;
        boolean reject = t == Rtnl.RTN_BLACKHOLE || t == Rtnl.RTN_UNREACHABLE || t == Rtnl.RTN_PROHIBIT || t == Rtnl.RTN_THROW;
        if (t == Rtnl.RTN_UNICAST) {
            if (gateway == null && dev == null && nexthops.isEmpty() && nhid == 0) {
                throw new IllegalArgumentException("a unicast route needs a gateway, a device, nexthops or a nexthop object (nhid)");
            }
        } else if (reject && (gateway != null || dev != null || !nexthops.isEmpty() || nhid != 0)) {
            throw new IllegalArgumentException("a " + typeName(t) + " route has no gateway, device or nexthops");
        } else if (!reject && t != Rtnl.RTN_NAT && t != Rtnl.RTN_XRESOLVE && dev == null) {
            throw new IllegalArgumentException("a " + typeName(t) + " route needs a device");
        }
    }

    /** {@return the scope for an add: the one set, else ip's default} */
    int scopeForAdd() {
        if (scope >= 0) return scope;
        int t = type < 0 ? Rtnl.RTN_UNICAST : type;
        // as ip route add: host for local and nat, link for broadcast, multicast and anycast (IPv4)
        if (family() == ChangeChecks.AF_INET && (t == Rtnl.RTN_LOCAL || t == Rtnl.RTN_NAT)) return Rtnl.RT_SCOPE_HOST;
        if (family() == ChangeChecks.AF_INET && (t == Rtnl.RTN_BROADCAST || t == Rtnl.RTN_MULTICAST || t == Rtnl.RTN_ANYCAST)) {
            return Rtnl.RT_SCOPE_LINK;
        }
        return t == Rtnl.RTN_UNICAST && gateway == null && nexthops.isEmpty() && nhid == 0 ? Rtnl.RT_SCOPE_LINK : Rtnl.RT_SCOPE_UNIVERSE;
    }

    static String typeName(int t) {
        return new RouteType(t).name();
    }

    /** {@return e.g. {@code 198.51.100.0/24 via 192.0.2.2 dev veth0 table 254}} */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        if (type >= 0 && type != Rtnl.RTN_UNICAST) sb.append(typeName(type)).append(' ');
        sb.append(InetText.format(dst)).append('/').append(prefix);
        if (gateway != null) sb.append(" via ").append(InetText.format(gateway));
        if (dev != null) sb.append(" dev ").append(dev);
        for (NexthopSpec nh : nexthops) {
            sb.append(" nexthop");
            if (nh.gateway() != null) sb.append(" via ").append(InetText.format(nh.gateway()));
            if (nh.dev() != null) sb.append(" dev ").append(nh.dev());
            sb.append(" weight ").append(nh.weight());
        }
        if (nhid != 0) sb.append(" nhid ").append(Integer.toUnsignedString(nhid));
        sb.append(" table ").append(table);
        if (priority >= 0) sb.append(" metric ").append(priority);
        return sb.toString();
    }
}
