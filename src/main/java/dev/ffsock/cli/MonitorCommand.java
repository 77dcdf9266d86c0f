package dev.ffsock.cli;

import dev.ffsock.netlink.route.EventLines;
import dev.ffsock.netlink.route.Link;
import dev.ffsock.netlink.route.RtnetlinkEvent;
import dev.ffsock.netlink.route.RtnetlinkEvents;
import dev.ffsock.netlink.route.RtnetlinkEvents.Topic;
import dev.ffsock.netlink.route.Rtnetlink;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@code ffsock monitor}: rtnetlink events as they happen, like {@code ip monitor}. */
final class MonitorCommand implements Command {
    @Override
    public String name() {
        return "monitor";
    }

    @Override
    public String summary() {
        return "print link, address, route, neighbour, rule, nexthop, tc, fdb and nsid events (like ip monitor)";
    }

    @Override
    public String usage() {
        return """
                usage: ffsock monitor [link|addr|route|neigh|rule|nexthop|tc|fdb|nsid]... [--count N] [--timeout SECONDS]
                                      [--netns NAME]

                Subscribes to rtnetlink notifications and prints one line per event, naming the
                object (all kinds when none is given; IPv4 and IPv6 for addr, route and rule):
                  link new 5: veth0 UP mtu 1500 type veth
                  addr new 5: inet 192.0.2.1/24 dev veth0
                  route del 198.51.100.0/24 via 192.0.2.2 dev veth0 table main
                  neigh new 192.0.2.9 dev veth0 lladdr 02:00:5e:00:00:09 PERMANENT
                  rule new 100: from 10.0.0.0/8 lookup 1000
                  nexthop del id 10 group 1/2,3
                  qdisc new htb 1: dev veth0 parent root       (tc: qdisc, class and filter events)
                  fdb new 02:00:00:00:00:01 dev p0 master br0 static
                  nsid new 7
                "new" is also printed for changes (a link going up). When the kernel drops events
                (receive buffer overrun), a line 'ffsock: monitor: events lost ...' goes to stderr
                and monitoring continues. A line 'ffsock: monitoring ...' on stderr says when the
                subscription is in place.

                options:
                  --count N          exit with status 0 after N events (1 to 1000000000)
                  --timeout SECONDS  give up (status 1) if the count is not reached in time
                  --netns NAME       monitor inside network namespace NAME (/run/netns/NAME)
                  -h, --help         show this help
                'ffsock monitor proc' prints process events instead (see 'ffsock monitor proc --help').
                """;
    }

    @Override
    public int run(String[] args, Io io) throws Exception {
        // issue 11: process events
        if (args.length > 0 && args[0].equals("proc")) return ProcMonitor.run(java.util.Arrays.copyOfRange(args, 1, args.length), io);
        EnumSet<Topic> topics = EnumSet.noneOf(Topic.class);
        int first = 0;
        while (first < args.length && !args[first].startsWith("-")) {
            topics.add(switch (args[first]) {
                case "link" -> Topic.LINK;
                case "addr", "address" -> Topic.ADDR;
                case "route" -> Topic.ROUTE;
                case "neigh", "neighbour", "neighbor" -> Topic.NEIGH;
                // issue 10: rules and nexthop objects
                case "rule" -> Topic.RULE;
                case "nexthop" -> Topic.NEXTHOP;
                case "tc", "qdisc", "class", "filter" -> Topic.TC; // tc: qdiscs, classes, filters
                case "fdb" -> Topic.FDB; // issue 10
                case "nsid" -> Topic.NSID; // issue 10
                default -> throw new UsageException("unknown object '" + args[first] + "': link, addr, route, neigh, rule, nexthop, tc, fdb or nsid");
            });
            first++;
        }
        String[] rest = new String[args.length - first];
        System.arraycopy(args, first, rest, 0, rest.length);
        Options o = new Options(rest);
        RtnlOptions common = new RtnlOptions();
        long count = -1;
        Duration timeout = null;
        while (o.hasNext()) {
            String opt = o.next();
            switch (opt) {
                case "--count", "-c" -> count = o.intValue(1, 1_000_000_000);
                case "--timeout" -> timeout = o.secondsValue();
                case "--json", "-j" -> throw o.unknown();
                default -> {
                    if (!common.accept(opt, o)) throw o.unknown();
                }
            }
        }
        if (common.help) {
            io.out().print(usage());
            return 0;
        }
        if (topics.isEmpty()) topics = EnumSet.allOf(Topic.class);
        try (RtnetlinkEvents events = RtnetlinkEvents.open(common.netns, topics.toArray(Topic[]::new));
             Rtnetlink rt = Rtnetlink.open(common.netns)) {
            // subscribed first, then the names: a link created in between is in the events
            Map<Integer, String> names = new HashMap<>();
            for (Link l : rt.links()) names.put(l.index(), l.name());
            List<String> what = new ArrayList<>();
            for (Topic t : topics) what.add(t.name().toLowerCase(java.util.Locale.ROOT));
            io.err().println("ffsock: monitoring " + String.join(" ", what)
                    + (common.netns == null ? "" : " in " + common.netns) + (count > 0 ? ", " + count + " events" : ""));
            io.err().flush();
            return EventLoop.run(io, "monitor", count, timeout, events::next, e -> {
                if (e instanceof RtnetlinkEvent.LinkEvent le && le.link().name() != null) names.put(le.link().index(), le.link().name());
                io.out().println(EventLines.format(e, index -> names.computeIfAbsent(index, i -> lookup(rt, i))));
                return true;
            });
        }
    }

    /** The name of a link not seen yet (created before the events' socket saw it), or null. */
    private static String lookup(Rtnetlink rt, int index) {
        try {
            Optional<Link> l = rt.link(index);
            return l.map(Link::name).orElse(null);
        } catch (java.io.IOException e) {
            return null;
        }
    }
}
