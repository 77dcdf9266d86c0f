package dev.ffsock.cli;

import dev.ffsock.netlink.Netlink;
import dev.ffsock.netlink.NetlinkConnection;
import dev.ffsock.netlink.route.PortRange;
import dev.ffsock.netlink.route.RouteProtocol;
import dev.ffsock.netlink.route.Rtnetlink;
import dev.ffsock.netlink.route.RtnetlinkChanges;
import dev.ffsock.netlink.route.Rule;
import dev.ffsock.netlink.route.RuleAction;
import dev.ffsock.netlink.route.RuleSpec;
import dev.ffsock.netlink.route.UidRange;

import java.util.Map;

/** {@code ffsock rule}: policy-routing rules, like {@code ip rule show|add|del} / {@code ip -j rule}. */
final class RuleCommand implements Command {
    @Override
    public String name() {
        return "rule";
    }

    @Override
    public String summary() {
        return "list, add or delete routing rules (like ip rule)";
    }

    @Override
    public String usage() {
        return """
                usage: ffsock rule [show] [-4 | -6] [--netns NAME] [--json]
                       ffsock rule add|del [-4 | -6] SELECTOR ACTION [--netns NAME]

                Lists the rules of one family (IPv4 unless -6), as 'ip rule show', or adds or
                deletes one, as 'ip rule add|del' (a delete matches what is given).
                  SELECTOR := [not] [from PREFIX] [to PREFIX] [pref N] [tos T] [fwmark M[/MASK]]
                              [iif DEV] [oif DEV] [uidrange A-B] [sport P[-Q]] [dport P[-Q]]
                              [ipproto P] [protocol P] [l3mdev]
                  ACTION   := [lookup|table TABLE] [suppress_prefixlength N] [suppress_ifgroup G]
                              | goto PREF | nop | blackhole | unreachable | prohibit
                With --json, the array 'ip -j rule show' prints.

                options:
                  -4, -6         the family (else from the addresses given; IPv4 by default)
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
                if (w.hasNext()) throw IpWords.unknown(w.next());
                return show(w, io);
            }
            case "add", "del", "delete" -> {
                boolean v6 = w.family == 6 || w.family == 0 && w.anyIpv6();
                RuleSpec spec;
                try {
                    spec = spec(w, v6 ? RuleSpec.ipv6() : RuleSpec.ipv4());
                } catch (IllegalArgumentException e) {
                    throw new UsageException(e.getMessage());
                }
                try (NetlinkConnection c = NetlinkConnection.open(Netlink.NETLINK_ROUTE, w.common.netns)) {
                    RtnetlinkChanges ch = new RtnetlinkChanges(c);
                    if (verb.equals("add")) add(ch, spec);
                    else ch.deleteRule(spec);
                }
                return 0;
            }
            default -> throw new UsageException("unknown rule command '" + verb + "' (show, add, del)");
        }
    }

    private static void add(RtnetlinkChanges ch, RuleSpec spec) throws Exception {
        try {
            ch.addRule(spec);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    private static int show(IpWords w, Io io) throws Exception {
        int family = w.family == 6 ? 10 : 2;
        try (Rtnetlink rt = Rtnetlink.open(w.common.netns)) {
            StringBuilder sb = new StringBuilder();
            if (w.common.json) {
                sb.append('[');
                boolean first = true;
                for (Rule r : rt.rules(family)) {
                    if (!first) sb.append(',');
                    first = false;
                    Json.write(sb, IpJsonPolicy.rule(r));
                }
                io.out().println(sb.append(']'));
                return 0;
            }
            for (Rule r : rt.rules(family)) io.out().println(text(IpJsonPolicy.rule(r)));
        }
        return 0;
    }

    /** One rule as {@code ip rule show} prints it, from its JSON form. */
    static String text(Map<String, Object> j) {
        StringBuilder sb = new StringBuilder().append(j.get("priority")).append(":\t");
        if (j.containsKey("not")) sb.append("not ");
        sb.append("from ").append(j.get("src"));
        if (j.containsKey("srclen")) sb.append('/').append(j.get("srclen"));
        if (j.containsKey("dst")) {
            sb.append(" to ").append(j.get("dst"));
            if (j.containsKey("dstlen")) sb.append('/').append(j.get("dstlen"));
        }
        if (j.containsKey("tos")) sb.append(" tos ").append(j.get("tos"));
        if (j.containsKey("fwmark")) sb.append(" fwmark ").append(j.get("fwmark"));
        if (j.containsKey("fwmask")) sb.append('/').append(j.get("fwmask"));
        for (String k : new String[] {"iif", "oif", "ipproto", "sport", "dport"}) {
            if (j.containsKey(k)) sb.append(' ').append(k).append(' ').append(j.get(k));
        }
        if (j.containsKey("uid_start")) sb.append(" uidrange ").append(j.get("uid_start")).append('-').append(j.get("uid_end"));
        for (String p : new String[] {"sport", "dport"}) {
            if (j.containsKey(p + "_start")) sb.append(' ').append(p).append(' ').append(j.get(p + "_start")).append('-').append(j.get(p + "_end"));
        }
        if (j.containsKey("l3mdev")) sb.append(" lookup [l3mdev-table]");
        if (j.containsKey("table")) sb.append(" lookup ").append(j.get("table"));
        if (j.containsKey("suppress_prefixlen")) sb.append(" suppress_prefixlength ").append(j.get("suppress_prefixlen"));
        if (j.containsKey("suppress_ifgroup")) sb.append(" suppress_ifgroup ").append(j.get("suppress_ifgroup"));
        if (j.containsKey("goto")) sb.append(" goto ").append(j.get("goto"));
        if (j.containsKey("nop")) sb.append(" nop");
        if (j.containsKey("action")) sb.append(' ').append(j.get("action"));
        if (j.containsKey("protocol")) sb.append(" proto ").append(j.get("protocol"));
        return sb.toString();
    }

    /** Parses the selector and action words into {@code r}. */
    static RuleSpec spec(IpWords w, RuleSpec r) throws UsageException {
        while (w.hasNext()) {
            String k = w.next();
            switch (k) {
                case "not" -> r.not();
                case "from" -> r.from(w.value(k));
                case "to" -> r.to(w.value(k));
                case "pref", "priority", "preference", "order" -> r.priority(w.number(k, 0, 0xffff_ffffL));
                case "tos", "dsfield" -> r.tos((int) w.number(k, 0, 255));
                case "fwmark" -> {
                    String v = w.value(k);
                    int slash = v.indexOf('/');
                    long mark = IpWords.parse(k, slash < 0 ? v : v.substring(0, slash), 0, 0xffff_ffffL);
                    long mask = slash < 0 ? -1 : IpWords.parse(k, v.substring(slash + 1), 0, 0xffff_ffffL);
                    r.fwmark(mark, mask);
                }
                case "iif", "dev" -> r.iif(w.value(k));
                case "oif" -> r.oif(w.value(k));
                case "uidrange" -> {
                    long[] p = range(k, w.value(k), 0xffff_ffffL);
                    r.uidRange(UidRange.of(p[0], p[1]));
                }
                case "sport" -> {
                    long[] p = range(k, w.value(k), 0xffff);
                    r.sport(PortRange.of((int) p[0], (int) p[1]));
                }
                case "dport" -> {
                    long[] p = range(k, w.value(k), 0xffff);
                    r.dport(PortRange.of((int) p[0], (int) p[1]));
                }
                case "ipproto" -> {
                    String v = w.value(k);
                    int n = IpJsonPolicy.protocolNumber(v);
                    r.ipProto(n >= 0 ? n : (int) IpWords.parse(k, v.startsWith("ipproto-") ? v.substring(8) : v, 0, 255));
                }
                case "protocol", "proto" -> r.protocol(RouteProtocol.parse(w.value(k)).value());
                case "l3mdev" -> r.l3mdev();
                case "lookup", "table" -> {
                    int t = RouteCommand.table(w.value(k));
                    if (t == 0) throw new UsageException("a rule looks up one table, not all");
                    r.table(Integer.toUnsignedLong(t));
                }
                case "suppress_prefixlength", "sup_pl" -> r.suppressPrefixLength((int) w.number(k, 0, 128));
                case "suppress_ifgroup", "sup_group" -> {
                    String v = w.value(k);
                    r.suppressIfgroup(v.equals("default") ? 0 : (int) IpWords.parse(k, v, 0, Integer.MAX_VALUE));
                }
                case "goto" -> r.goTo(w.number(k, 0, 0xffff_ffffL));
                case "nop", "blackhole", "unreachable", "prohibit" -> r.action(RuleAction.parse(k));
                default -> throw IpWords.unknown(k);
            }
        }
        return r;
    }

    /** {@code A} or {@code A-B}. */
    private static long[] range(String key, String v, long max) throws UsageException {
        int dash = v.indexOf('-');
        long a = IpWords.parse(key, dash < 0 ? v : v.substring(0, dash), 0, max);
        long b = dash < 0 ? a : IpWords.parse(key, v.substring(dash + 1), 0, max);
        return new long[] {a, b};
    }
}
