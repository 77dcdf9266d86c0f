package dev.ffsock.cli;

import dev.ffsock.netlink.Netlink;
import dev.ffsock.netlink.NetlinkConnection;
import dev.ffsock.netlink.route.Nexthop;
import dev.ffsock.netlink.route.NexthopConstants;
import dev.ffsock.netlink.route.NexthopFilter;
import dev.ffsock.netlink.route.NexthopGroupMember;
import dev.ffsock.netlink.route.NexthopObjectSpec;
import dev.ffsock.netlink.route.RouteProtocol;
import dev.ffsock.netlink.route.Rtnetlink;
import dev.ffsock.netlink.route.RtnetlinkChanges;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** {@code ffsock nexthop}: nexthop objects and groups, like {@code ip nexthop show|add|replace|del}. */
final class NexthopCommand implements Command {
    @Override
    public String name() {
        return "nexthop";
    }

    @Override
    public String summary() {
        return "list, add, replace or delete nexthop objects (like ip nexthop)";
    }

    @Override
    public String usage() {
        return """
                usage: ffsock nexthop [show] [-4 | -6] [id ID] [dev DEV] [groups] [fdb] [--netns NAME] [--json]
                       ffsock nexthop add|replace id ID NH [--netns NAME]
                       ffsock nexthop del id ID [--netns NAME]

                Lists nexthop objects, as 'ip nexthop show', or changes one, as 'ip nexthop
                add|replace|del'.
                  NH := via GW [dev DEV] [onlink] | dev DEV | blackhole [-6]
                        | group ID[,WEIGHT][/ID[,WEIGHT]]... [type mpath | type resilient
                          [buckets N] [idle_timer SECONDS] [unbalanced_timer SECONDS]]
                        [fdb] [proto P]
                With --json, the array 'ip -j nexthop show' prints.

                options:
                  -4, -6         show: only IPv4 or IPv6 nexthops; add: a blackhole of that family
                """ + RtnlOptions.USAGE;
    }

    @Override
    public int run(String[] args, Io io) throws Exception {
        IpWords w = new IpWords(args);
        if (w.common.help) {
            io.out().print(usage());
            return 0;
        }
        String verb = w.hasNext() ? w.next() : "show";
        switch (verb) {
            case "show", "list", "ls" -> {
                long id = 0;
                String dev = null;
                boolean groups = false, fdb = false;
                while (w.hasNext()) {
                    String k = w.next();
                    switch (k) {
                        case "id" -> id = w.number(k, 1, 0xffff_ffffL);
                        case "dev" -> dev = w.value(k);
                        case "groups" -> groups = true;
                        case "fdb" -> fdb = true;
                        default -> throw IpWords.unknown(k);
                    }
                }
                return show(w, id, dev, groups, fdb, io);
            }
            case "add", "replace", "del", "delete" -> {
                if (!"id".equals(w.peek())) throw new UsageException("nexthop " + verb + " needs 'id ID' first");
                w.next();
                long id = w.number("id", 1, 0xffff_ffffL);
                try (NetlinkConnection c = NetlinkConnection.open(Netlink.NETLINK_ROUTE, w.common.netns)) {
                    RtnetlinkChanges ch = new RtnetlinkChanges(c);
                    if (verb.startsWith("del")) {
                        if (w.hasNext()) throw IpWords.unknown(w.next());
                        ch.deleteNexthop(id);
                        return 0;
                    }
                    try {
                        NexthopObjectSpec n = spec(w, NexthopObjectSpec.id(id));
                        if (verb.equals("add")) ch.addNexthop(n);
                        else ch.replaceNexthop(n);
                    } catch (IllegalArgumentException e) {
                        throw new UsageException(e.getMessage());
                    }
                }
                return 0;
            }
            default -> throw new UsageException("unknown nexthop command '" + verb + "' (show, add, replace, del)");
        }
    }

    private static int show(IpWords w, long id, String dev, boolean groups, boolean fdb, Io io) throws Exception {
        try (Rtnetlink rt = Rtnetlink.open(w.common.netns)) {
            IpJson.Links names = IpJson.Links.of(rt.links());
            int oif = 0;
            if (dev != null) {
                oif = rt.link(dev).orElseThrow(() -> new UsageException("no such device '" + dev + "'")).index();
            }
            NexthopFilter filter;
            try {
                filter = new NexthopFilter(w.family == 4 ? 2 : w.family == 6 ? 10 : 0, oif, groups, fdb);
            } catch (IllegalArgumentException e) {
                throw new UsageException(e.getMessage());
            }
            List<Nexthop> all = id == 0 ? rt.nexthops(filter) : rt.nexthop(id).map(List::of).orElse(List.of());
            if (w.common.json) {
                StringBuilder sb = new StringBuilder("[");
                for (int i = 0; i < all.size(); i++) {
                    if (i > 0) sb.append(',');
                    Json.write(sb, IpJsonPolicy.nexthop(all.get(i), names));
                }
                io.out().println(sb.append(']'));
                return 0;
            }
            for (Nexthop n : all) io.out().println(text(IpJsonPolicy.nexthop(n, names)));
        }
        return 0;
    }

    /** One nexthop object as {@code ip nexthop show} prints it, from its JSON form. */
    @SuppressWarnings("unchecked")
    private static String text(Map<String, Object> j) {
        StringBuilder sb = new StringBuilder("id ").append(j.get("id"));
        if (j.containsKey("group")) {
            sb.append(" group ");
            List<String> parts = new ArrayList<>();
            for (Object o : (List<Object>) j.get("group")) {
                Map<String, Object> m = (Map<String, Object>) o;
                parts.add(m.get("id") + (m.containsKey("weight") ? "," + m.get("weight") : ""));
            }
            sb.append(String.join("/", parts));
        }
        if (j.containsKey("type")) sb.append(" type ").append(j.get("type"));
        if (j.containsKey("gateway")) sb.append(" via ").append(j.get("gateway"));
        if (j.containsKey("dev")) sb.append(" dev ").append(j.get("dev"));
        if (j.containsKey("scope")) sb.append(" scope ").append(j.get("scope"));
        if (j.containsKey("blackhole")) sb.append(" blackhole");
        if (j.containsKey("protocol")) sb.append(" proto ").append(j.get("protocol"));
        for (Object f : (List<Object>) j.get("flags")) sb.append(' ').append(f);
        if (j.containsKey("fdb")) sb.append(" fdb");
        return sb.toString();
    }

    /** Parses the words after {@code id ID}. */
    static NexthopObjectSpec spec(IpWords w, NexthopObjectSpec n) throws UsageException {
        if (w.family == 6) n.family(10);
        int buckets = -1;
        long idle = -1, unbalanced = -1;
        boolean resilient = false;
        while (w.hasNext()) {
            String k = w.next();
            switch (k) {
                case "via" -> n.via(w.value(k));
                case "dev" -> n.dev(w.value(k));
                case "onlink" -> n.onlink();
                case "blackhole" -> n.blackhole();
                case "fdb" -> n.fdb();
                case "proto", "protocol" -> n.protocol(RouteProtocol.parse(w.value(k)).value());
                case "group" -> n.group(members(w.value(k)));
                case "type" -> {
                    String t = w.value(k);
                    switch (t) {
                        case "mpath" -> n.groupType(NexthopConstants.NEXTHOP_GRP_TYPE_MPATH);
                        case "resilient" -> resilient = true;
                        default -> throw new UsageException("unknown nexthop group type '" + t + "' (mpath, resilient)");
                    }
                }
                case "buckets" -> buckets = (int) w.number(k, 1, 0xffff);
                case "idle_timer" -> idle = w.number(k, 0, 0xffff_ffffL / 100);
                case "unbalanced_timer" -> unbalanced = w.number(k, 0, 0xffff_ffffL / 100);
                default -> throw IpWords.unknown(k);
            }
        }
        if (resilient) n.resilient(buckets, idle, unbalanced);
        else if (buckets >= 0 || idle >= 0 || unbalanced >= 0) throw new UsageException("buckets and timers need 'type resilient'");
        return n;
    }

    /** {@code ID[,WEIGHT][/ID[,WEIGHT]]...}. */
    private static NexthopGroupMember[] members(String v) throws UsageException {
        String[] parts = v.split("/", -1);
        NexthopGroupMember[] out = new NexthopGroupMember[parts.length];
        for (int i = 0; i < parts.length; i++) {
            String[] iw = parts[i].split(",", -1);
            if (iw.length > 2) throw new UsageException("bad group member '" + parts[i] + "' (ID[,WEIGHT])");
            long id = IpWords.parse("group", iw[0], 1, 0xffff_ffffL);
            int weight = iw.length == 2 ? (int) IpWords.parse("group weight", iw[1], 1, 256) : 1;
            out[i] = new NexthopGroupMember((int) id, weight);
        }
        return out;
    }
}
