package dev.ffsock.cli;

import dev.ffsock.InetText;
import dev.ffsock.netlink.route.NextHop;
import dev.ffsock.netlink.route.Route;
import dev.ffsock.netlink.route.RouteFilter;
import dev.ffsock.netlink.route.Rtnetlink;
import dev.ffsock.netlink.route.Rtnl;

import java.io.PrintStream;

/** {@code ffsock route}: the routing tables, like {@code ip route show} / {@code ip -j route show}. */
final class RouteCommand implements Command {
    @Override
    public String name() {
        return "route";
    }

    @Override
    public String summary() {
        return "list, look up, add or delete routes (like ip route show|get|add|del)";
    }

    @Override
    public String usage() {
        return """
                usage: ffsock route [show] [--table all|main|local|default|ID] [-4 | -6] [--netns NAME] [--json]
                """ + RouteChange.USAGE + """

                Lists routes through rtnetlink (filtered by the kernel), one line each:
                  default  via 192.0.2.1  dev eth0  proto static  metric 100
                With --json, the array 'ip -j route show table T' prints; without -4/-6 both
                families are listed, IPv4 first, as 'ip -j route show table all' does.

                options:
                  --table T      all, main (default), local, default, or a table number 1 to 4294967295
                  -4, -6         only IPv4 or only IPv6 routes
                """ + RtnlOptions.USAGE;
    }

    @Override
    public int run(String[] args, Io io) throws Exception {
        // issue 10: route get|add|replace|del, and 'route show' as 'route'
        if (args.length > 0 && RouteChange.VERBS.contains(args[0])) return RouteChange.run(args, io);
        if (args.length > 0 && (args[0].equals("show") || args[0].equals("list"))) {
            args = java.util.Arrays.copyOfRange(args, 1, args.length);
        }
        Options o = new Options(args);
        RtnlOptions common = new RtnlOptions();
        int table = Rtnl.RT_TABLE_MAIN;
        int family = 0;
        while (o.hasNext()) {
            String opt = o.next();
            if (common.accept(opt, o)) continue;
            switch (opt) {
                case "--table", "-t" -> table = table(o.value());
                case "-4" -> {
                    o.flag();
                    family = 2;
                }
                case "-6" -> {
                    o.flag();
                    family = 10;
                }
                default -> throw o.unknown();
            }
        }
        if (common.help) {
            io.out().print(usage());
            return 0;
        }
        RouteFilter filter = new RouteFilter(family, table, 0, 0);
        boolean showTable = table == 0;
        try (Rtnetlink rt = Rtnetlink.open(common.netns)) {
            IpJson.Links names = IpJson.Links.of(rt.links());
            PrintStream out = io.out();
            if (common.json) {
                StringBuilder sb = new StringBuilder("[");
                boolean[] first = {true};
                rt.forEachRoute(filter, r -> {
                    if (cloned(r)) return;
                    if (!first[0]) sb.append(',');
                    first[0] = false;
                    Json.write(sb, IpJson.route(r, names, showTable));
                    if (sb.length() > 1 << 16) {
                        out.print(sb);
                        sb.setLength(0);
                    }
                });
                out.println(sb.append(']'));
                return 0;
            }
            TextTable t = new TextTable();
            for (Route r : rt.routes(filter)) {
                if (cloned(r)) continue;
                t.add(row(r, names, showTable));
            }
            t.print(out);
        }
        return 0;
    }

    /** ip skips cached (cloned) routes unless asked for the cache. */
    private static boolean cloned(Route r) {
        return (r.flags() & Rtnl.RTM_F_CLONED) != 0;
    }

    /** One route as two cells: its destination, then the rest as {@code ip route} words. */
    private static String[] row(Route r, IpJson.Links names, boolean showTable) {
        var j = IpJson.route(r, names, showTable);
        String type = r.type().value() == Rtnl.RTN_UNICAST ? "" : r.type().name() + " ";
        StringBuilder sb = new StringBuilder();
        if (r.gateway() != null) word(sb, "via " + InetText.format(r.gateway()));
        if (r.via() != null) word(sb, "via " + InetText.format(r.via()));
        if (r.oif() != 0) word(sb, "dev " + names.name(r.oif()));
        if (j.containsKey("table")) word(sb, "table " + j.get("table"));
        if (j.containsKey("protocol")) word(sb, "proto " + j.get("protocol"));
        if (j.containsKey("scope")) word(sb, "scope " + j.get("scope"));
        if (r.prefsrc() != null) word(sb, "src " + InetText.format(r.prefsrc()));
        if (r.priority() != -1) word(sb, "metric " + r.priority());
        for (NextHop h : r.nextHops()) {
            word(sb, "nexthop");
            if (h.nextHopAddress() != null) word(sb, "via " + InetText.format(h.nextHopAddress()));
            word(sb, "dev " + names.name(h.ifindex()) + " weight " + h.weight());
        }
        return new String[] {type + j.get("dst"), sb.toString()};
    }

    private static void word(StringBuilder sb, String w) {
        if (sb.length() > 0) sb.append(' ');
        sb.append(w);
    }

    /** Parses a table name or number as {@code ip route show table} does; 0 means all. */
    static int table(String s) throws UsageException {
        switch (s) {
            case "all", "0" -> {
                return 0;
            }
            case "main" -> {
                return Rtnl.RT_TABLE_MAIN;
            }
            case "local" -> {
                return Rtnl.RT_TABLE_LOCAL;
            }
            case "default" -> {
                return Rtnl.RT_TABLE_DEFAULT;
            }
            default -> {
                try {
                    long v = Long.parseLong(s);
                    if (v >= 1 && v <= 0xFFFFFFFFL) return (int) v;
                } catch (NumberFormatException e) {
                    // fall through to the error
                }
                throw new UsageException("bad table for --table: '" + s + "' (all, main, local, default or 1 to 4294967295)");
            }
        }
    }
}
