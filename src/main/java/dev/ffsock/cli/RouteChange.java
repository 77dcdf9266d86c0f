package dev.ffsock.cli;

import dev.ffsock.netlink.Netlink;
import dev.ffsock.netlink.NetlinkConnection;
import dev.ffsock.netlink.route.NexthopSpec;
import dev.ffsock.netlink.route.Route;
import dev.ffsock.netlink.route.RouteProtocol;
import dev.ffsock.netlink.route.RouteQuery;
import dev.ffsock.netlink.route.RouteSpec;
import dev.ffsock.netlink.route.RouteType;
import dev.ffsock.netlink.route.Rtnetlink;
import dev.ffsock.netlink.route.RtnetlinkChanges;
import dev.ffsock.netlink.route.Rtnl;
import dev.ffsock.netlink.route.Scope;

import java.net.InetAddress;
import java.util.Map;
import java.util.Set;

/**
 * {@code ffsock route get|add|replace|del}: the route changes and lookups of {@code ip route}, run by
 * {@link RouteCommand} when its first word is one of {@link #VERBS}.
 */
final class RouteChange {
    /** The words that make {@code ffsock route} a change or a lookup. */
    static final Set<String> VERBS = Set.of("get", "add", "replace", "del", "delete");

    /** The usage lines for these forms. */
    static final String USAGE = """
                   ffsock route get ADDR [from ADDR] [iif DEV] [oif DEV] [mark M] [uid U] [tos T]
                                    [ipproto P] [sport N] [dport N] [fibmatch] [--netns NAME] [--json]
                   ffsock route add|replace|del [TYPE] PREFIX [via GW] [dev DEV] [src ADDR] [metric N]
                                    [table T] [proto P] [scope S] [nhid ID] [METRIC [lock] N]...
                                    [congctl [lock] NAME] [pref low|medium|high] [expires SECONDS]
                                    [nexthop [via GW] [dev DEV] [weight W]]... [--netns NAME]
              TYPE   := unicast | local | broadcast | anycast | multicast | blackhole | unreachable
                        | prohibit | throw | nat | xresolve
              METRIC := mtu | window | ssthresh | cwnd | advmss | reordering | hoplimit | initcwnd
                        | initrwnd | quickack | fastopen_no_cookie
            """;

    private RouteChange() {
    }

    static int run(String[] args, Io io) throws Exception {
        IpWords w = new IpWords(args);
        String verb = w.next();
        try {
            if (verb.equals("get")) return get(w, io);
            RouteSpec r = spec(w);
            try (NetlinkConnection c = NetlinkConnection.open(Netlink.NETLINK_ROUTE, w.common.netns)) {
                RtnetlinkChanges ch = new RtnetlinkChanges(c);
                switch (verb) {
                    case "add" -> ch.addRoute(r);
                    case "replace" -> ch.replaceRoute(r);
                    default -> ch.deleteRoute(r);
                }
            }
            return 0;
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    private static int get(IpWords w, Io io) throws Exception {
        RouteQuery q = null;
        boolean fibMatch = false;
        while (w.hasNext()) {
            String k = w.next();
            if (k.equals("fibmatch")) {
                fibMatch = true;
                continue;
            }
            if (q == null) {
                q = RouteQuery.to(k.equals("to") ? w.value(k) : k);
                continue;
            }
            switch (k) {
                case "from" -> q.from(w.value(k));
                case "iif" -> q.iif(w.value(k));
                case "oif", "dev" -> q.oif(w.value(k));
                case "mark" -> q.mark(w.number(k, 0, 0xffff_ffffL));
                case "uid" -> q.uid(w.number(k, 0, 0xffff_ffffL));
                case "tos", "dsfield" -> q.tos((int) w.number(k, 0, 255));
                case "ipproto" -> {
                    String v = w.value(k);
                    int n = IpJsonPolicy.protocolNumber(v);
                    q.ipProto(n >= 0 ? n : (int) IpWords.parse(k, v, 0, 255));
                }
                case "sport" -> q.sport((int) w.number(k, 0, 0xffff));
                case "dport" -> q.dport((int) w.number(k, 0, 0xffff));
                default -> throw IpWords.unknown(k);
            }
        }
        if (q == null) throw new UsageException("route get needs an address");
        if (fibMatch) q.fibMatch();
        try (Rtnetlink rt = Rtnetlink.open(w.common.netns)) {
            Route r = rt.routeGet(q);
            IpJson.Links names = IpJson.Links.of(rt.links());
            Map<String, Object> j = IpJsonPolicy.routeGet(r, names);
            if (w.common.json) {
                StringBuilder sb = new StringBuilder("[");
                Json.write(sb, j);
                io.out().println(sb.append(']'));
            } else {
                io.out().println(text(j));
            }
        }
        return 0;
    }

    /** An answer as a line of {@code ip route get}-like words, from its JSON form. */
    private static String text(Map<String, Object> j) {
        StringBuilder sb = new StringBuilder();
        if (j.containsKey("type")) sb.append(j.get("type")).append(' ');
        sb.append(j.get("dst"));
        String[][] words = {{"from", "from"}, {"nhid", "nhid"}, {"gateway", "via"}, {"dev", "dev"}, {"table", "table"},
            {"protocol", "proto"}, {"scope", "scope"}, {"prefsrc", "src"}, {"metric", "metric"}, {"mark", "mark"},
            {"uid", "uid"}, {"iif", "iif"}, {"pref", "pref"}};
        for (String[] kw : words) if (j.containsKey(kw[0])) sb.append(' ').append(kw[1]).append(' ').append(j.get(kw[0]));
        return sb.toString();
    }

    private static final Map<String, Integer> METRICS = Map.ofEntries(Map.entry("mtu", Rtnl.RTAX_MTU),
            Map.entry("window", Rtnl.RTAX_WINDOW), Map.entry("ssthresh", Rtnl.RTAX_SSTHRESH),
            Map.entry("cwnd", Rtnl.RTAX_CWND), Map.entry("advmss", Rtnl.RTAX_ADVMSS),
            Map.entry("reordering", Rtnl.RTAX_REORDERING), Map.entry("hoplimit", Rtnl.RTAX_HOPLIMIT),
            Map.entry("initcwnd", Rtnl.RTAX_INITCWND), Map.entry("initrwnd", Rtnl.RTAX_INITRWND),
            Map.entry("quickack", Rtnl.RTAX_QUICKACK), Map.entry("fastopen_no_cookie", Rtnl.RTAX_FASTOPEN_NO_COOKIE));

    private static final Set<String> TYPES = Set.of("unicast", "local", "broadcast", "anycast", "multicast", "blackhole",
            "unreachable", "prohibit", "throw", "nat", "xresolve");

    /** Parses {@code [TYPE] PREFIX [options]} into a spec. */
    static RouteSpec spec(IpWords w) throws UsageException {
        String first = w.next();
        int type = -1;
        if (TYPES.contains(first)) {
            type = RouteType.parse(first).value();
            first = w.next();
        }
        if (first.equals("to")) first = w.value("to");
        RouteSpec r = RouteSpec.to(first.equals("default") && w.family == 6 ? "default6" : first);
        if (type >= 0) r.type(type);
        while (w.hasNext()) {
            String k = w.next();
            Integer rtax = METRICS.get(k);
            if (rtax != null) {
                if ("lock".equals(w.peek())) {
                    w.next();
                    r.lock(rtax);
                }
                r.metric(rtax, (int) w.number(k, 0, Integer.MAX_VALUE));
                continue;
            }
            switch (k) {
                case "via" -> r.via(w.value(k));
                case "dev", "oif" -> r.dev(w.value(k));
                case "src" -> r.prefsrc(literal(w.value(k)));
                case "metric", "priority", "preference" -> r.priority(w.number(k, 0, 0xffff_ffffL));
                case "table" -> {
                    int t = RouteCommand.table(w.value(k));
                    if (t == 0) throw new UsageException("a route is in one table, not all");
                    r.table(Integer.toUnsignedLong(t));
                }
                case "proto", "protocol" -> r.protocol(RouteProtocol.parse(w.value(k)).value());
                case "scope" -> r.scope(Scope.parse(w.value(k)).value());
                case "nhid" -> r.nhid(w.number(k, 1, 0xffff_ffffL));
                case "congctl" -> {
                    if ("lock".equals(w.peek())) {
                        w.next();
                        r.lock(Rtnl.RTAX_CC_ALGO);
                    }
                    r.congctl(w.value(k));
                }
                case "pref" -> {
                    String p = w.value(k);
                    r.pref(switch (p) {
                        case "medium" -> 0;
                        case "high" -> 1;
                        case "low" -> 3;
                        default -> throw new UsageException("pref must be low, medium or high: '" + p + "'");
                    });
                }
                case "expires" -> r.expires(w.number(k, 1, 2147483));
                case "nexthop" -> r.nexthop(nexthop(w));
                default -> throw IpWords.unknown(k);
            }
        }
        return r;
    }

    private static NexthopSpec nexthop(IpWords w) throws UsageException {
        InetAddress gw = null;
        String dev = null;
        int weight = 1;
        while (w.hasNext() && Set.of("via", "dev", "weight").contains(w.peek())) {
            String k = w.next();
            switch (k) {
                case "via" -> gw = literal(w.value(k));
                case "dev" -> dev = w.value(k);
                default -> weight = (int) w.number(k, 1, 256);
            }
        }
        return new NexthopSpec(gw, dev, weight);
    }

    private static InetAddress literal(String s) {
        return RouteQuery.to(s).dst();
    }
}
