package dev.ffsock.cli;

import dev.ffsock.InetText;
import dev.ffsock.netlink.Netlink;
import dev.ffsock.netlink.NetlinkConnection;
import dev.ffsock.netlink.route.Addr;
import dev.ffsock.netlink.route.AddrSpec;
import dev.ffsock.netlink.route.Link;
import dev.ffsock.netlink.route.Rtnetlink;
import dev.ffsock.netlink.route.RtnetlinkChanges;
import dev.ffsock.netlink.route.Rtnl;
import dev.ffsock.netlink.route.Scope;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code ffsock addr}: the interface addresses, like {@code ip -br addr} / {@code ip -j addr}, and
 * {@code addr add|replace|del|flush} as {@code ip address} takes them.
 */
final class AddrCommand implements Command {
    @Override
    public String name() {
        return "addr";
    }

    @Override
    public String summary() {
        return "list, add, replace, delete and flush interface addresses (like ip addr)";
    }

    @Override
    public String usage() {
        return """
                usage: ffsock addr [show] [--netns NAME] [--json]
                       ffsock addr add|replace|del ADDR[/PREFIX] dev DEV [peer ADDR] [broadcast ADDR]
                                   [label LABEL] [scope SCOPE] [valid_lft SECONDS|forever]
                                   [preferred_lft SECONDS|forever] [nodad] [noprefixroute]
                                   [home] [mngtmpaddr] [autojoin] [optimistic]
                       ffsock addr flush dev DEV [-4|-6]

                Lists every interface with its IPv4 and IPv6 addresses through rtnetlink, one line
                per interface, like 'ip -br addr':
                  eth0  UP  192.0.2.2/24 fd00::2/64 fe80::fc:ff:fe00:1/64
                With --json, the array 'ip -j addr' prints: link objects with 'addr_info' arrays.
                add, replace, del and flush change addresses as 'ip address' does (flush: every
                address of the device, of one family with -4 or -6).

                options:
                """ + RtnlOptions.USAGE;
    }

    private static final Set<String> VERBS = Set.of("show", "list", "add", "replace", "del", "delete", "flush");
    private static final Map<String, Integer> FLAG_WORDS = Map.of("nodad", Rtnl.IFA_F_NODAD,
            "noprefixroute", Rtnl.IFA_F_NOPREFIXROUTE, "home", Rtnl.IFA_F_HOMEADDRESS,
            "mngtmpaddr", Rtnl.IFA_F_MANAGETEMPADDR, "autojoin", Rtnl.IFA_F_MCAUTOJOIN,
            "optimistic", Rtnl.IFA_F_OPTIMISTIC);

    @Override
    public int run(String[] args, Io io) throws Exception {
        Words w = new Words(args);
        RtnlOptions common = w.common;
        if (common.help) {
            io.out().print(usage());
            return 0;
        }
        String verb = w.hasNext() && VERBS.contains(w.peek()) ? w.next("command") : "show";
        if (!verb.equals("show") && !verb.equals("list")) {
            try {
                change(verb, w, common.netns);
            } catch (IllegalArgumentException e) {
                throw new UsageException(e.getMessage());
            }
            return 0;
        }
        w.end();
        List<Link> links;
        List<Addr> addrs;
        try (Rtnetlink rt = Rtnetlink.open(common.netns)) {
            links = rt.links();
            addrs = rt.addresses();
        }
        Map<Integer, List<Addr>> byLink = new LinkedHashMap<>();
        for (Addr a : addrs) byLink.computeIfAbsent(a.index(), k -> new ArrayList<>()).add(a);
        IpJson.Links names = IpJson.Links.of(links);
        if (common.json) {
            List<Object> out = new ArrayList<>();
            for (Link l : links) {
                Map<String, Object> lo = IpJson.link(l, names, false);
                List<Object> info = new ArrayList<>();
                for (Addr a : byLink.getOrDefault(l.index(), List.of())) info.add(IpJson.addr(a));
                lo.put("addr_info", info);
                out.add(lo);
            }
            io.out().println(Json.write(out));
            return 0;
        }
        TextTable t = new TextTable();
        for (Link l : links) {
            StringBuilder sb = new StringBuilder();
            for (Addr a : byLink.getOrDefault(l.index(), List.of())) {
                InetAddress local = a.ifaddr();
                if (local == null) continue;
                if (sb.length() > 0) sb.append(' ');
                sb.append(InetText.format(local));
                if (a.peer() != null) sb.append(" peer ").append(InetText.format(a.peer()));
                sb.append('/').append(a.prefixLen());
            }
            t.add(l.name(), l.operstate() == null ? "" : l.operstate().name(), sb.toString());
        }
        t.print(io.out());
        return 0;
    }

    /** {@code ip address add|replace|del ...} and {@code ip address flush dev DEV}. */
    private static void change(String verb, Words w, String netns) throws Exception {
        if (verb.equals("flush")) {
            String dev = null;
            while (w.hasNext()) {
                String word = w.next("argument");
                if (word.equals("dev")) dev = w.value("dev");
                else throw w.unknown(word);
            }
            if (dev == null) throw new UsageException("addr flush needs dev DEV");
            try (NetlinkConnection conn = NetlinkConnection.open(Netlink.NETLINK_ROUTE, netns)) {
                new RtnetlinkChanges(conn).flushAddresses(w.family, dev);
            }
            return;
        }
        String cidr = w.next("address");
        String dev = null, label = null;
        InetAddress peer = null, broadcast = null;
        int scope = -1, flags = 0;
        long valid = -1, preferred = -1;
        while (w.hasNext()) {
            String word = w.next("argument");
            switch (word) {
                case "dev" -> dev = w.value("dev");
                case "peer" -> peer = Words.address(w.value("peer"));
                case "broadcast", "brd" -> broadcast = Words.address(w.value("broadcast"));
                case "label" -> label = w.value("label");
                case "scope" -> scope = Scope.parse(w.value("scope")).value();
                case "valid_lft" -> valid = lifetime(w.value("valid_lft"));
                case "preferred_lft" -> preferred = lifetime(w.value("preferred_lft"));
                default -> {
                    Integer f = FLAG_WORDS.get(word);
                    if (f == null) throw w.unknown(word);
                    flags |= f;
                }
            }
        }
        if (dev == null) throw new UsageException("addr " + verb + " needs dev DEV");
        AddrSpec a = AddrSpec.of(dev, cidr);
        if (peer != null) a.peer(peer);
        if (broadcast != null) a.broadcast(broadcast);
        if (label != null) a.label(label);
        if (scope >= 0) a.scope(scope);
        if (flags != 0) a.flags(flags);
        if (valid >= 0 || preferred >= 0) {
            long v = valid >= 0 ? valid : AddrSpec.FOREVER;
            a.lifetimes(v, preferred >= 0 ? preferred : v);
        }
        try (NetlinkConnection conn = NetlinkConnection.open(Netlink.NETLINK_ROUTE, netns)) {
            RtnetlinkChanges ch = new RtnetlinkChanges(conn);
            switch (verb) {
                case "add" -> ch.addAddress(a);
                case "replace" -> ch.replaceAddress(a);
                default -> ch.deleteAddress(a);
            }
        }
    }

    /** {@return seconds, or {@link AddrSpec#FOREVER} for {@code forever}} */
    private static long lifetime(String s) throws UsageException {
        if (s.equals("forever")) return AddrSpec.FOREVER;
        try {
            long v = Long.parseLong(s);
            if (v >= 0 && v < AddrSpec.FOREVER) return v;
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UsageException("bad lifetime '" + s + "' (seconds below 4294967295, or forever)");
    }
}
