package dev.ffsock.cli;

import dev.ffsock.InetText;
import dev.ffsock.netlink.route.FibRules;
import dev.ffsock.netlink.route.Nexthop;
import dev.ffsock.netlink.route.NexthopGroupMember;
import dev.ffsock.netlink.route.NexthopResilience;
import dev.ffsock.netlink.route.Route;
import dev.ffsock.netlink.route.Rtnl;
import dev.ffsock.netlink.route.Rule;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Renders rules, nexthop objects and {@code route get} answers as {@code ip -j rule},
 * {@code ip -j nexthop} and {@code ip -j route get} print them (iproute2 6.1): the same keys, under
 * the same conditions, with the same value forms.
 */
final class IpJsonPolicy {
    private IpJsonPolicy() {
    }

    // ---- rules

    /** {@return a rule as {@code ip -j rule show} prints it} */
    static Map<String, Object> rule(Rule r) {
        Map<String, Object> o = new LinkedHashMap<>();
        int hostLen = r.family() == 2 ? 32 : r.family() == 10 ? 128 : -1;
        o.put("priority", r.priority());
        if (r.inverted()) o.put("not", null);
        if (r.src() != null) {
            o.put("src", InetText.format(r.src()));
            if (r.srcLen() != hostLen) o.put("srclen", r.srcLen());
        } else if (r.srcLen() != 0) {
            o.put("src", "0");
            o.put("srclen", r.srcLen());
        } else {
            o.put("src", "all");
        }
        if (r.dst() != null) {
            o.put("dst", InetText.format(r.dst()));
            if (r.dstLen() != hostLen) o.put("dstlen", r.dstLen());
        } else if (r.dstLen() != 0) {
            o.put("dst", "0");
            o.put("dstlen", r.dstLen());
        }
        if (r.tos() != 0) o.put("tos", String.format("0x%02x", r.tos()));
        if (r.fwmark() != -1 || r.fwmask() != -1) {
            o.put("fwmark", "0x" + Long.toHexString(Math.max(r.fwmark(), 0)));
            if (r.fwmask() != -1 && r.fwmask() != 0xffff_ffffL) o.put("fwmask", "0x" + Long.toHexString(r.fwmask()));
        }
        if (r.iifName() != null) {
            o.put("iif", r.iifName());
            if ((r.flags() & FibRules.FIB_RULE_IIF_DETACHED) != 0) o.put("iif_detached", null);
        }
        if (r.oifName() != null) {
            o.put("oif", r.oifName());
            if ((r.flags() & FibRules.FIB_RULE_OIF_DETACHED) != 0) o.put("oif_detached", null);
        }
        if (r.l3mdev()) o.put("l3mdev", null);
        if (r.uidRange() != null) {
            o.put("uid_start", r.uidRange().start());
            o.put("uid_end", r.uidRange().end());
        }
        if (r.ipProto() != -1) o.put("ipproto", protocolName(r.ipProto()));
        ports(o, "sport", r.sportRange());
        ports(o, "dport", r.dportRange());
        if (r.table() != 0) {
            o.put("table", r.tableName());
            if (r.suppressPrefixLen() != -1) o.put("suppress_prefixlen", (long) r.suppressPrefixLen());
            if (r.suppressIfgroup() != -1) o.put("suppress_ifgroup", r.suppressIfgroup() == 0 ? "default" : Integer.toString(r.suppressIfgroup()));
        }
        if (r.flow() != 0) {
            int from = r.flow() >>> 16, to = r.flow() & 0xffff;
            if (from != 0) o.put("flow_from", Integer.toString(from));
            o.put("flow_to", to == 0 ? "unknown" : Integer.toString(to));
        }
        int action = r.action().value();
        if (action == Rtnl.RTN_NAT) {
            // old kernels' NAT rules: ip prints the map-to address (RTA_GATEWAY, kept raw) or masquerade
            dev.ffsock.netlink.route.RawAttribute gw = r.raw().stream().filter(x -> x.type() == Rtnl.RTA_GATEWAY).findFirst().orElse(null);
            if (gw != null && (gw.value().length == 4 || gw.value().length == 16)) o.put("nat_gateway", InetText.format(gw.value()));
            else o.put("masquerade", null);
        } else if (action == FibRules.FR_ACT_GOTO) {
            o.put("goto", r.gotoTarget() != -1 ? (Object) r.gotoTarget() : "none");
            if ((r.flags() & FibRules.FIB_RULE_UNRESOLVED) != 0) o.put("unresolved", null);
        } else if (action == FibRules.FR_ACT_NOP) {
            o.put("nop", null);
        } else if (action != FibRules.FR_ACT_TO_TBL) {
            o.put("action", new dev.ffsock.netlink.route.RouteType(action).name());
        }
        if (r.protocol() > 0 && r.protocol() != Rtnl.RTPROT_KERNEL) {
            o.put("protocol", new dev.ffsock.netlink.route.RouteProtocol(r.protocol()).name());
        }
        return o;
    }

    private static void ports(Map<String, Object> o, String key, dev.ffsock.netlink.route.PortRange p) {
        if (p == null) return;
        if (p.start() == p.end()) {
            o.put(key, (long) p.start());
        } else {
            o.put(key + "_start", (long) p.start());
            o.put(key + "_end", (long) p.end());
        }
    }

    private static Map<Integer, String> protocols;

    /** {@return the name {@code getprotobynumber} gives (from /etc/protocols), else {@code ipproto-N}} */
    static synchronized String protocolName(int p) {
        String n = protocols().get(p);
        return n != null ? n : "ipproto-" + p;
    }

    /** {@return the number of a protocol name in /etc/protocols, or -1} */
    static synchronized int protocolNumber(String name) {
        for (var e : protocols().entrySet()) if (e.getValue().equals(name)) return e.getKey();
        return -1;
    }

    private static Map<Integer, String> protocols() {
        if (protocols == null) {
            Map<Integer, String> m = new HashMap<>();
            try {
                for (String line : Files.readAllLines(Path.of("/etc/protocols"))) {
                    int hash = line.indexOf('#');
                    String[] f = (hash >= 0 ? line.substring(0, hash) : line).trim().split("\\s+");
                    if (f.length < 2) continue;
                    try {
                        m.putIfAbsent(Integer.parseInt(f[1]), f[0]);
                    } catch (NumberFormatException e) {
                        // not a protocol line
                    }
                }
            } catch (IOException e) {
                // no /etc/protocols: numbers only, as ip prints then
            }
            protocols = m;
        }
        return protocols;
    }

    // ---- nexthop objects

    /** {@return a nexthop object as {@code ip -j nexthop show} prints it} */
    static Map<String, Object> nexthop(Nexthop n, IpJson.Links links) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("id", Integer.toUnsignedLong(n.id()));
        if (n.isGroup()) {
            List<Object> g = new ArrayList<>();
            for (NexthopGroupMember m : n.group()) {
                Map<String, Object> e = new LinkedHashMap<>();
                e.put("id", Integer.toUnsignedLong(m.id()));
                if (m.weight() > 1) e.put("weight", (long) m.weight());
                g.add(e);
            }
            o.put("group", g);
        }
        if (n.groupType() != 0) o.put("type", n.groupTypeName());
        NexthopResilience res = n.resilience();
        if (res != null) {
            Map<String, Object> a = new LinkedHashMap<>();
            a.put("buckets", (long) res.buckets());
            a.put("idle_timer", seconds(res.idleTimer()));
            a.put("unbalanced_timer", seconds(res.unbalancedTimer()));
            a.put("unbalanced_time", seconds(res.unbalancedTime()));
            o.put("resilient_args", a);
        }
        if (n.gateway() != null) o.put("gateway", InetText.format(n.gateway()));
        if (n.oif() != 0) o.put("dev", links.name(n.oif()));
        if (n.scope().value() != Rtnl.RT_SCOPE_UNIVERSE) o.put("scope", n.scope().name());
        if (n.blackhole()) o.put("blackhole", null);
        if (n.protocol().value() != Rtnl.RTPROT_UNSPEC) o.put("protocol", n.protocol().name());
        o.put("flags", IpJson.routeFlags(n.flags()));
        if (n.fdb()) o.put("fdb", null);
        return o;
    }

    /** Clock ticks (USER_HZ) as seconds, a whole number where it is one. */
    private static Object seconds(long ticks) {
        return ticks % IpJson.USER_HZ == 0 ? (Object) (ticks / IpJson.USER_HZ) : (Object) (ticks / (double) IpJson.USER_HZ);
    }

    // ---- route get

    /** {@return an {@code ip route get} answer as {@code ip -j route get} prints it} */
    static Map<String, Object> routeGet(Route r, IpJson.Links links) {
        Map<String, Object> o = IpJson.route(r, links, true);
        if (r.uid() != -1) o.put("uid", r.uid());
        if (r.family() == 2 && (r.flags() & Rtnl.RTM_F_CLONED) != 0) o.put("cache", cacheFlags(r.flags()));
        return o;
    }

    /** The {@code RTCF_*} bits of an IPv4 cache entry's {@code rtm_flags}, named as ip's {@code cache} array. */
    static List<String> cacheFlags(int flags) {
        List<String> out = new ArrayList<>();
        String[] names = {"local", "reject", "mc", "brd", "dst-nat", "src-nat", "masq", "dst-direct", "src-direct",
            "redirected", "redirect", "fastroute", "notify", "proxy"};
        int[] bits = {RTCF_LOCAL, RTCF_REJECT, RTCF_MULTICAST, RTCF_BROADCAST, RTCF_DNAT, RTCF_SNAT, RTCF_MASQ,
            RTCF_DIRECTDST, RTCF_DIRECTSRC, RTCF_REDIRECTED, RTCF_DOREDIRECT, RTCF_FAST, RTCF_NOTIFY, RTCF_TPROXY};
        for (int i = 0; i < bits.length; i++) if ((flags & bits[i]) != 0) out.add(names[i]);
        return out;
    }

    // linux/in_route.h (checked against gcc by the probe test)
    private static final int RTCF_NOTIFY = 0x00010000;
    private static final int RTCF_DIRECTDST = 0x00020000;
    private static final int RTCF_REDIRECTED = 0x00040000;
    private static final int RTCF_TPROXY = 0x00080000;
    private static final int RTCF_FAST = 0x00200000;
    private static final int RTCF_MASQ = 0x00400000;
    private static final int RTCF_SNAT = 0x00800000;
    private static final int RTCF_DOREDIRECT = 0x01000000;
    private static final int RTCF_DIRECTSRC = 0x04000000;
    private static final int RTCF_DNAT = 0x08000000;
    private static final int RTCF_BROADCAST = 0x10000000;
    private static final int RTCF_MULTICAST = 0x20000000;
    private static final int RTCF_REJECT = 0x40000000;
    private static final int RTCF_LOCAL = 0x80000000;
}
