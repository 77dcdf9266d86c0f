package dev.ffsock.cli;

import dev.ffsock.InetText;
import dev.ffsock.netlink.route.Addr;
import dev.ffsock.netlink.route.Link;
import dev.ffsock.netlink.route.Neigh;
import dev.ffsock.netlink.route.NextHop;
import dev.ffsock.netlink.route.Route;
import dev.ffsock.netlink.route.RouteCacheInfo;
import dev.ffsock.netlink.route.Rtnl;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Renders the rtnetlink records as the JSON objects {@code ip -j} prints (iproute2 6.x): the same
 * keys, under the same conditions, with the same value forms (numbers as numbers, names as strings,
 * flag arrays, {@code null} for presence-only keys). Extra keys: {@code linkinfo} (with
 * {@code info_kind}/{@code info_slave_kind}) and {@code min_mtu}/{@code max_mtu}, which {@code ip}
 * prints only with {@code -d}.
 */
final class IpJson {
    /** USER_HZ: the kernel reports route/neighbour timers in these ticks. */
    static final int USER_HZ = 100;

    private IpJson() {
    }

    /** Looks links up by index for names, hardware types and flags. */
    record Links(Map<Integer, Link> byIndex) {
        /** {@return the name {@code ip} prints for a link index: its name, {@code *} for 0, else {@code ifN}} */
        String name(int index) {
            if (index == 0) return "*";
            Link l = byIndex.get(index);
            return l != null && l.name() != null ? l.name() : "if" + Integer.toUnsignedString(index);
        }

        int type(int index) {
            Link l = byIndex.get(index);
            return l == null ? 0xFFFF : l.type().value();
        }

        static Links of(List<Link> links) {
            Map<Integer, Link> m = new LinkedHashMap<>();
            for (Link l : links) m.put(l.index(), l);
            return new Links(m);
        }
    }

    // ---- links

    /**
     * {@return a link as {@code ip -j link} ({@code doLink}) or as the link part of {@code ip -j addr}}
     */
    static Map<String, Object> link(Link l, Links links, boolean doLink) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("ifindex", l.index());
        if (l.link() != -1) {
            if (l.link() == 0) o.put("link", null);
            else if (l.linkNetnsId().isPresent()) o.put("link_index", l.link());
            else o.put("link", links.name(l.link()));
        }
        o.put("ifname", l.name());
        o.put("flags", flags(l, links));
        if (l.mtu() != 0) o.put("mtu", Integer.toUnsignedLong(l.mtu()));
        if (l.qdisc() != null) o.put("qdisc", l.qdisc());
        if (l.master() != 0) o.put("master", links.name(l.master()));
        if (l.operstate() != null) {
            int s = l.operstate().value();
            if (s < 7) o.put("operstate", l.operstate().name());
            else o.put("operstate_index", s);
        }
        if (doLink && l.linkMode() != -1) {
            if (l.linkMode() < 2) o.put("linkmode", l.linkMode() == 0 ? "DEFAULT" : "DORMANT");
            else o.put("linkmode_index", l.linkMode());
        }
        if (l.group() != -1) o.put("group", l.group() == 0 ? "default" : Integer.toString(l.group()));
        if (l.txqlen() > 0) o.put("txqlen", l.txqlen());
        o.put("link_type", l.type().name());
        if (l.address() != null) o.put("address", hardware(l.address(), l.type().value()));
        if (l.broadcast() != null) {
            if ((l.flags() & Rtnl.IFF_POINTOPOINT) != 0) o.put("link_pointtopoint", true);
            o.put("broadcast", hardware(l.broadcast(), l.type().value()));
        }
        if (l.permAddress() != null && (l.address() == null || !java.util.Arrays.equals(l.address(), l.permAddress()))) {
            o.put("permaddr", hardware(l.permAddress(), l.type().value()));
        }
        l.linkNetnsId().ifPresent(id -> o.put("link_netnsid", id));
        if (l.protoDown()) o.put("proto_down", true);
        if (l.minMtu() != 0) o.put("min_mtu", Integer.toUnsignedLong(l.minMtu()));
        if (l.maxMtu() != 0) o.put("max_mtu", Integer.toUnsignedLong(l.maxMtu()));
        if (l.kind() != null || l.slaveKind() != null) {
            Map<String, Object> info = new LinkedHashMap<>();
            if (l.kind() != null) info.put("info_kind", l.kind());
            if (l.slaveKind() != null) info.put("info_slave_kind", l.slaveKind());
            o.put("linkinfo", info);
        }
        if (doLink && l.alias() != null) o.put("ifalias", l.alias());
        if (!l.altNames().isEmpty()) o.put("altnames", l.altNames());
        return o;
    }

    // ---- issue 10, links: M-DOWN

    /**
     * {@return the flag names, with {@code M-DOWN} last when the link's lower/peer link (IFLA_LINK, same
     * namespace) is down or unknown, as iproute2's print_name_and_link/print_link_flags do}
     */
    static List<String> flags(Link l, Links links) {
        if (l.link() <= 0 || l.linkNetnsId().isPresent()) return l.flagNames();
        Link lower = links.byIndex().get(l.link());
        if (lower != null && lower.isUp()) return l.flagNames();
        List<String> f = new ArrayList<>(l.flagNames());
        f.add("M-DOWN");
        return f;
    }

    /** {@return hardware address bytes as {@code ll_addr_n2a} prints them for link type {@code type}} */
    static String hardware(byte[] a, int type) {
        if (a.length == 4 && (type == 768 || type == 776 || type == 778)) return InetText.format(a);
        if (a.length == 16 && (type == 769 || type == 823)) return InetText.format(a);
        return a.length == 0 ? "" : Link.hardwareAddress(a);
    }

    // ---- addresses

    /** {@return an element of {@code addr_info} in {@code ip -j addr}} */
    static Map<String, Object> addr(Addr a) {
        Map<String, Object> o = new LinkedHashMap<>();
        String fam = family(a.family());
        if (fam != null) o.put("family", fam);
        else o.put("family_index", a.family());
        InetAddress local = a.local() != null ? a.local() : a.address();
        InetAddress address = a.address() != null ? a.address() : a.local();
        if (local != null) {
            o.put("local", InetText.format(local));
            if (address != null && !address.equals(local)) o.put("address", InetText.format(address));
            o.put("prefixlen", a.prefixLen());
            if (a.routePriority() != -1) o.put("metric", a.routePriority());
        }
        if (a.broadcast() != null) o.put("broadcast", InetText.format(a.broadcast()));
        if (a.anycast() != null) o.put("anycast", InetText.format(a.anycast()));
        o.put("scope", a.scope().name());
        int flags = a.flags();
        for (int i = 0; i < FLAG_BITS.length; i++) {
            int bit = FLAG_BITS[i];
            if (bit == Rtnl.IFA_F_PERMANENT) {
                if ((flags & bit) == 0) o.put("dynamic", true);
            } else if ((flags & bit) != 0) {
                o.put(bit == Rtnl.IFA_F_SECONDARY && a.family() == 10 ? "temporary" : FLAG_NAMES[i], true);
            }
            flags &= ~bit;
        }
        if (flags != 0) o.put("ifa_flags", String.format("%02x", flags));
        if (a.label() != null) o.put("label", a.label());
        if (a.validLifetime() != -1) {
            o.put("valid_life_time", a.validLifetime());
            long p = a.preferredLifetime();
            // ip prints a deprecated address's preferred lifetime signed
            o.put("preferred_life_time", p != Addr.FOREVER && (a.flags() & Rtnl.IFA_F_DEPRECATED) != 0 ? (long) (int) p : p);
        }
        return o;
    }

    private static final int[] FLAG_BITS = {Rtnl.IFA_F_SECONDARY, Rtnl.IFA_F_NODAD, Rtnl.IFA_F_OPTIMISTIC,
        Rtnl.IFA_F_DADFAILED, Rtnl.IFA_F_HOMEADDRESS, Rtnl.IFA_F_DEPRECATED, Rtnl.IFA_F_TENTATIVE,
        Rtnl.IFA_F_PERMANENT, Rtnl.IFA_F_MANAGETEMPADDR, Rtnl.IFA_F_NOPREFIXROUTE, Rtnl.IFA_F_MCAUTOJOIN,
        Rtnl.IFA_F_STABLE_PRIVACY};
    private static final String[] FLAG_NAMES = {"secondary", "nodad", "optimistic", "dadfailed", "home",
        "deprecated", "tentative", "permanent", "mngtmpaddr", "noprefixroute", "autojoin", "stable-privacy"};

    /** {@return iproute2's family name, or null where it prints a number} */
    static String family(int af) {
        return switch (af) {
            case 0 -> "unspec";
            case 2 -> "inet";
            case 10 -> "inet6";
            case 17 -> "link";
            case 7 -> "bridge";
            case 28 -> "mpls";
            case 4 -> "ipx";
            case 12 -> "dnet";
            default -> null;
        };
    }

    // ---- routes

    /**
     * {@return a route as {@code ip -j route show} prints it}
     *
     * @param showTable whether {@code table} may be printed (false when a single table was asked for)
     */
    static Map<String, Object> route(Route r, Links links, boolean showTable) {
        Map<String, Object> o = new LinkedHashMap<>();
        int hostLen = r.family() == 2 ? 32 : r.family() == 10 ? 128 : -1;
        boolean cloned = (r.flags() & Rtnl.RTM_F_CLONED) != 0;
        if (r.type().value() != Rtnl.RTN_UNICAST) o.put("type", r.type().name());
        if (r.dst() != null) {
            o.put("dst", r.dstLen() != hostLen ? InetText.format(r.dst()) + "/" + r.dstLen() : InetText.format(r.dst()));
        } else if (r.dstLen() != 0) {
            o.put("dst", "0/" + r.dstLen() + " ");
        } else {
            o.put("dst", "default");
        }
        if (r.src() != null) {
            o.put("from", r.srcLen() != hostLen ? InetText.format(r.src()) + "/" + r.srcLen() : InetText.format(r.src()));
        } else if (r.srcLen() != 0) {
            o.put("src", "0/" + r.srcLen());
        }
        if (r.nhId() != 0) o.put("nhid", Integer.toUnsignedLong(r.nhId()));
        if (r.tos() != 0) o.put("tos", String.format("0x%02x", r.tos()));
        if (r.gateway() != null) o.put("gateway", InetText.format(r.gateway()));
        if (r.via() != null) o.put("via", via(r.via()));
        if (r.oif() != 0) o.put("dev", links.name(r.oif()));
        if (showTable && r.table() != 0 && r.table() != Rtnl.RT_TABLE_MAIN) o.put("table", r.tableName());
        if (!cloned) {
            if (r.protocol().value() != Rtnl.RTPROT_BOOT) o.put("protocol", r.protocol().name());
            if (r.scope().value() != Rtnl.RT_SCOPE_UNIVERSE) o.put("scope", r.scope().name());
        }
        if (r.prefsrc() != null) o.put("prefsrc", InetText.format(r.prefsrc()));
        if (r.priority() != -1) o.put("metric", r.priority());
        o.put("flags", routeFlags(r.flags()));
        if (r.mark() > 0) o.put("mark", r.mark());
        if (r.flow() != 0) o.put("flow", flow(r.flow()));
        RouteCacheInfo ci = r.cacheInfo();
        if (ci != null && (r.family() == 2 || r.family() == 10)) {
            if (ci.expires() != 0) o.put("expires", ci.expires() / USER_HZ);
            if (ci.error() != 0) o.put("error", Integer.toUnsignedLong(ci.error()));
            if (ci.id() != 0) o.put("ipid", "0x" + Integer.toHexString(ci.id()));
            if (ci.ts() != 0 || ci.tsage() != 0) {
                o.put("ts", "0x" + Integer.toHexString(ci.ts()));
                o.put("tsage", Integer.toUnsignedLong(ci.tsage()));
            }
        }
        if (!r.metrics().isEmpty() || r.congestionControl() != null) o.put("metrics", List.of(metrics(r)));
        if (r.iif() != 0) o.put("iif", links.name(r.iif()));
        if (r.pref() != -1) {
            String p = r.prefName();
            o.put("pref", p.chars().allMatch(Character::isDigit) ? (Object) (long) r.pref() : p);
        }
        if (!r.nextHops().isEmpty()) {
            List<Object> hops = new ArrayList<>();
            for (NextHop h : r.nextHops()) {
                Map<String, Object> n = new LinkedHashMap<>();
                if (h.gateway() != null) n.put("gateway", InetText.format(h.gateway()));
                if (h.via() != null) n.put("via", via(h.via()));
                if (h.flow() != 0) n.put("flow", flow(h.flow()));
                n.put("dev", links.name(h.ifindex()));
                if (r.family() != 28) n.put("weight", h.weight());
                n.put("flags", routeFlags(h.flags()));
                hops.add(n);
            }
            o.put("nexthops", hops);
        }
        return o;
    }

    private static Map<String, Object> via(InetAddress a) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("family", a instanceof java.net.Inet4Address ? "inet" : "inet6");
        v.put("host", InetText.format(a));
        return v;
    }

    private static Map<String, Object> flow(int flow) {
        Map<String, Object> f = new LinkedHashMap<>();
        int from = flow >>> 16, to = flow & 0xffff;
        if (from != 0) f.put("from", realm(from));
        f.put("to", realm(to));
        return f;
    }

    private static String realm(int r) {
        return r == 0 ? "unknown" : Integer.toString(r);
    }

    private static final String[] MX_NAMES = {null, null, "mtu", "window", "rtt", "rttvar", "ssthresh", "cwnd",
        "advmss", "reordering", "hoplimit", "initcwnd", "features", "rto_min", "initrwnd", "quickack", "congctl",
        "fastopen_no_cookie"};

    private static Map<String, Object> metrics(Route r) {
        Map<String, Object> m = new LinkedHashMap<>();
        long lock = r.metric(Rtnl.RTAX_LOCK);
        if (lock == -1) lock = 0;
        for (int i = 2; i < MX_NAMES.length; i++) {
            boolean locked = (lock & (1L << i)) != 0;
            boolean present = i == Rtnl.RTAX_CC_ALGO ? r.congestionControl() != null : r.metrics().containsKey(i);
            if (!present && !locked) continue;
            long val = i != Rtnl.RTAX_CC_ALGO && present ? r.metric(i) : 0;
            if (i == Rtnl.RTAX_HOPLIMIT && (int) val == -1) continue;
            switch (i) {
                case Rtnl.RTAX_FEATURES -> {
                    if ((val & Rtnl.RTAX_FEATURE_ECN) != 0) m.put("ecn", null);
                    if ((val & ~(long) Rtnl.RTAX_FEATURE_ECN) != 0) m.put("features", "0x" + Long.toHexString(val));
                }
                case Rtnl.RTAX_RTT -> m.put("rtt", val / 8);
                case Rtnl.RTAX_RTTVAR -> m.put("rttvar", val / 4);
                case Rtnl.RTAX_CC_ALGO -> m.put("congestion", r.congestionControl() == null ? "" : r.congestionControl());
                default -> m.put(MX_NAMES[i], val);
            }
        }
        return m;
    }

    /** {@return {@code rtm_flags}/{@code rtnh_flags} as {@code ip}'s {@code flags} array} */
    static List<String> routeFlags(int f) {
        List<String> out = new ArrayList<>();
        if ((f & Rtnl.RTNH_F_DEAD) != 0) out.add("dead");
        if ((f & Rtnl.RTNH_F_ONLINK) != 0) out.add("onlink");
        if ((f & Rtnl.RTNH_F_PERVASIVE) != 0) out.add("pervasive");
        if ((f & Rtnl.RTNH_F_OFFLOAD) != 0) out.add("offload");
        if ((f & Rtnl.RTNH_F_TRAP) != 0) out.add("trap");
        if ((f & Rtnl.RTM_F_NOTIFY) != 0) out.add("notify");
        if ((f & Rtnl.RTNH_F_LINKDOWN) != 0) out.add("linkdown");
        if ((f & Rtnl.RTNH_F_UNRESOLVED) != 0) out.add("unresolved");
        if ((f & Rtnl.RTM_F_OFFLOAD) != 0) out.add("rt_offload");
        if ((f & Rtnl.RTM_F_TRAP) != 0) out.add("rt_trap");
        if ((f & Rtnl.RTM_F_OFFLOAD_FAILED) != 0) out.add("rt_offload_failed");
        return out;
    }

    // ---- neighbours

    /** {@return whether {@code ip neigh show} (no {@code nud} argument) lists the entry} */
    static boolean neighShown(Neigh n) {
        int shown = 0xFF & ~Rtnl.NUD_NOARP;
        int state = n.state().bits();
        return (shown & state) != 0 || (n.flags() & Rtnl.NTF_PROXY) != 0 || (n.flags() & Rtnl.NTF_EXT_LEARNED) != 0;
    }

    /** {@return a neighbour as {@code ip -j neigh show} prints it} */
    static Map<String, Object> neigh(Neigh n, Links links) {
        Map<String, Object> o = new LinkedHashMap<>();
        if (n.dst() != null) o.put("dst", InetText.format(n.dst()));
        if (n.ifindex() != 0) o.put("dev", links.name(n.ifindex()));
        if (n.lladdr() != null) o.put("lladdr", hardware(n.lladdr(), links.type(n.ifindex())));
        if ((n.flags() & Rtnl.NTF_ROUTER) != 0) o.put("router", null);
        if ((n.flags() & Rtnl.NTF_PROXY) != 0) o.put("proxy", null);
        if ((n.flags() & Rtnl.NTF_EXT_LEARNED) != 0) o.put("extern_learn", null);
        if ((n.flags() & Rtnl.NTF_OFFLOADED) != 0) o.put("offload", null);
        if (n.state().bits() != 0) o.put("state", n.state().names());
        if (n.protocol() > 0) o.put("protocol", new dev.ffsock.netlink.route.RouteProtocol(n.protocol()).name());
        return o;
    }
}
