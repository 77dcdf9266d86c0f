package dev.ffsock.netlink.route;


import dev.ffsock.InetText;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.Objects;
import java.util.function.IntFunction;

/**
 * One-line descriptions of {@link RtnetlinkEvent}s in the style of {@code ip monitor}, as {@code
 * ffsock monitor} prints them:
 * <pre>
 * link new 5: veth0 UP mtu 1500
 * addr new 5: inet 192.0.2.1/24 dev veth0
 * route new 198.51.100.0/24 via 192.0.2.2 dev veth0 table main
 * route del local 192.0.2.1 dev veth0 table local
 * neigh new 192.0.2.9 dev veth0 lladdr 02:00:5e:00:00:09 PERMANENT
 * qdisc new htb 1: dev veth0 parent root
 * </pre>
 * Interfaces are named through a caller-supplied lookup (events carry only indexes, except link
 * events); an unknown index prints as {@code if5}.
 */
public final class EventLines {
    private EventLines() {
    }

    /**
     * Describes an event.
     *
     * @param e     the event
     * @param names interface index to name, returning null when unknown
     * @return one line, without a line terminator
     */
    public static String format(RtnetlinkEvent e, IntFunction<String> names) {
        Objects.requireNonNull(names, "names");
        String verb = e.deleted() ? " del " : " new ";
        return switch (e) {
            case RtnetlinkEvent.LinkEvent le -> "link" + verb + link(le.link(), names);
            case RtnetlinkEvent.AddrEvent ae -> "addr" + verb + addr(ae.addr(), names);
            case RtnetlinkEvent.RouteEvent re -> "route" + verb + route(re.route(), names);
            case RtnetlinkEvent.NeighEvent ne -> "neigh" + verb + neigh(ne.neigh(), names);
            // issue 10: rules and nexthop objects
            case RtnetlinkEvent.RuleEvent re -> "rule" + verb + rule(re.rule());
            case RtnetlinkEvent.NexthopEvent ne -> "nexthop" + verb + nexthop(ne.nexthop(), names);
            // tc: qdiscs, classes, filters
            case RtnetlinkEvent.QdiscEvent qe -> "qdisc" + verb + qe.qdisc().kind() + " "
                    + dev.ffsock.netlink.tc.TcHandle.qdiscHandle(qe.qdisc().handle()) + " dev "
                    + dev(qe.qdisc().ifindex(), names) + " parent " + dev.ffsock.netlink.tc.TcHandle.classId(qe.qdisc().parent());
            case RtnetlinkEvent.TcClassEvent ce -> "class" + verb + ce.tcClass().kind() + " "
                    + dev.ffsock.netlink.tc.TcHandle.classId(ce.tcClass().handle()) + " dev "
                    + dev(ce.tcClass().ifindex(), names) + " parent " + dev.ffsock.netlink.tc.TcHandle.classId(ce.tcClass().parent());
            case RtnetlinkEvent.TcFilterEvent fe -> "filter" + verb + fe.filter().kind() + " dev "
                    + dev(fe.filter().ifindex(), names) + " parent " + dev.ffsock.netlink.tc.TcHandle.classId(fe.filter().parent())
                    + " pref " + fe.filter().pref();
            case RtnetlinkEvent.FdbEvent fe -> "fdb" + verb + fdb(fe.entry(), names);
            case RtnetlinkEvent.NsidEvent ie -> "nsid" + verb + ie.nsid().nsid()
                    + (ie.nsid().currentNsid() != null ? " current-nsid " + ie.nsid().currentNsid() : "");
        };
    }

    private static String dev(int index, IntFunction<String> names) {
        String n = names.apply(index);
        return n != null ? n : "if" + index;
    }

    static String link(Link l, IntFunction<String> names) {
        StringBuilder sb = new StringBuilder().append(l.index()).append(": ").append(l.name() != null ? l.name() : dev(l.index(), names));
        sb.append(l.isUp() ? " UP" : " DOWN");
        if (l.mtu() > 0) sb.append(" mtu ").append(l.mtu());
        if (l.master() > 0) sb.append(" master ").append(dev(l.master(), names));
        if (l.kind() != null) sb.append(" type ").append(l.kind());
        return sb.toString();
    }

    static String addr(Addr a, IntFunction<String> names) {
        InetAddress ip = a.ifaddr();
        StringBuilder sb = new StringBuilder().append(a.index()).append(": ").append(a.family() == 2 ? "inet " : a.family() == 10 ? "inet6 " : "family " + a.family() + " ");
        sb.append(ip == null ? "?" : address(ip)).append('/').append(a.prefixLen());
        if (a.peer() != null) sb.append(" peer ").append(address(a.peer()));
        sb.append(" dev ").append(dev(a.index(), names));
        return sb.toString();
    }

    static String route(Route r, IntFunction<String> names) {
        StringBuilder sb = new StringBuilder();
        if (r.type() != null && r.type().value() != Rtnl.RTN_UNICAST) sb.append(r.type().name()).append(' ');
        if (r.dst() == null && r.dstLen() == 0) {
            sb.append("default");
            if (r.family() == 10) sb.append(" inet6");
        } else if (r.dst() == null) {
            sb.append("?/").append(r.dstLen());
        } else {
            sb.append(address(r.dst()));
            if (r.dstLen() != (r.dst() instanceof Inet4Address ? 32 : 128)) sb.append('/').append(r.dstLen());
        }
        if (r.gateway() != null) sb.append(" via ").append(address(r.gateway()));
        if (r.oif() != 0) sb.append(" dev ").append(dev(r.oif(), names));
        for (NextHop nh : r.nextHops()) {
            sb.append(" nexthop");
            if (nh.nextHopAddress() != null) sb.append(" via ").append(address(nh.nextHopAddress()));
            if (nh.ifindex() != 0) sb.append(" dev ").append(dev(nh.ifindex(), names));
            sb.append(" weight ").append(nh.weight());
        }
        sb.append(" table ").append(r.tableName());
        if (r.priority() >= 0) sb.append(" metric ").append(r.priority());
        return sb.toString();
    }

    // ---- rules and nexthop objects (issue 10)

    static String rule(Rule r) {
        StringBuilder sb = new StringBuilder().append(r.family() == 10 ? "inet6 " : "").append(r.priority()).append(':');
        if (r.inverted()) sb.append(" not");
        sb.append(" from ").append(r.src() == null ? "all" : address(r.src()) + "/" + r.srcLen());
        if (r.dst() != null) sb.append(" to ").append(address(r.dst())).append('/').append(r.dstLen());
        if (r.iifName() != null) sb.append(" iif ").append(r.iifName());
        if (r.oifName() != null) sb.append(" oif ").append(r.oifName());
        if (r.fwmark() >= 0) sb.append(" fwmark 0x").append(Long.toHexString(r.fwmark()));
        switch (r.action().value()) {
            case FibRules.FR_ACT_TO_TBL -> sb.append(r.l3mdev() ? " lookup [l3mdev-table]" : " lookup " + r.tableName());
            case FibRules.FR_ACT_GOTO -> sb.append(" goto ").append(r.gotoTarget());
            default -> sb.append(' ').append(r.action().name());
        }
        return sb.toString();
    }

    static String nexthop(Nexthop n, IntFunction<String> names) {
        StringBuilder sb = new StringBuilder("id ").append(Integer.toUnsignedString(n.id()));
        if (n.isGroup()) {
            sb.append(" group ");
            for (int i = 0; i < n.group().size(); i++) sb.append(i == 0 ? "" : "/").append(n.group().get(i));
            if (n.groupType() != NexthopConstants.NEXTHOP_GRP_TYPE_MPATH) sb.append(" type ").append(n.groupTypeName());
        }
        if (n.gateway() != null) sb.append(" via ").append(address(n.gateway()));
        if (n.oif() != 0) sb.append(" dev ").append(dev(n.oif(), names));
        if (n.blackhole()) sb.append(" blackhole");
        if (n.fdb()) sb.append(" fdb");
        return sb.toString();
    }

    static String neigh(Neigh n, IntFunction<String> names) {
        StringBuilder sb = new StringBuilder();
        sb.append(n.dst() == null ? "?" : address(n.dst())).append(" dev ").append(dev(n.ifindex(), names));
        if (n.lladdr() != null) sb.append(" lladdr ").append(n.lladdrString());
        if (n.state() != null) sb.append(' ').append(n.state());
        return sb.toString();
    }

    /** An fdb entry as {@code bridge monitor fdb} prints it: MAC dev DEV [vlan V] [master BR] [self] STATE. */
    static String fdb(Neigh n, IntFunction<String> names) {
        StringBuilder sb = new StringBuilder();
        sb.append(n.lladdr() == null ? "?" : n.lladdrString()).append(" dev ").append(dev(n.ifindex(), names));
        if (n.vlan() > 0) sb.append(" vlan ").append(n.vlan());
        if (n.dst() != null) sb.append(" dst ").append(address(n.dst()));
        if ((n.flags() & Rtnl.NTF_SELF) != 0) sb.append(" self");
        if (n.master() > 0) sb.append(" master ").append(dev(n.master(), names));
        String state = BridgeCodec.fdbStateName(n.state().bits());
        if (!state.isEmpty()) sb.append(' ').append(state);
        return sb.toString();
    }

    /**
     * An address as {@code ip} prints it (glibc's inet_ntop): dotted IPv4; RFC 5952 IPv6
     * ({@code 2001:db8::1}, the longest run of two or more zero groups compressed, lower case), with
     * IPv4-mapped and IPv4-compatible addresses ending in dotted IPv4 ({@code ::ffff:192.0.2.1}).
     * java.net writes {@code 0:0:0:0:0:0:0:1} and turns mapped addresses into IPv4. The same as
     * {@link InetText#format(InetAddress)}.
     *
     * @param a the address
     * @return its text
     */
    public static String address(InetAddress a) {
        return InetText.format(a);
    }
}
