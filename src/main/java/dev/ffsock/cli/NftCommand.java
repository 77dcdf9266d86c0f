package dev.ffsock.cli;

import static dev.ffsock.netlink.netfilter.nft.Nft.*;

import dev.ffsock.Errno;
import dev.ffsock.netlink.ExtAck;
import dev.ffsock.netlink.NetlinkEvents;
import dev.ffsock.netlink.NetlinkException;
import dev.ffsock.netlink.netfilter.nft.NfTables;
import dev.ffsock.netlink.netfilter.nft.NftBatch;
import dev.ffsock.netlink.netfilter.nft.NftEvent;
import dev.ffsock.netlink.netfilter.nft.NftExpr;
import dev.ffsock.netlink.netfilter.nft.NftNetlinkText;
import dev.ffsock.netlink.netfilter.nft.NftRule;
import dev.ffsock.netlink.netfilter.nft.NftRuleset;
import dev.ffsock.netlink.netfilter.nft.NftSet;
import dev.ffsock.netlink.netfilter.nft.NftSetElement;
import dev.ffsock.netlink.netfilter.nft.NftTable;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** {@code ffsock nft}: the nf_tables ruleset, read and changed with a subset of nft's syntax. */
final class NftCommand implements Command {
    @Override
    public String name() {
        return "nft";
    }

    @Override
    public String summary() {
        return "list and change the nf_tables ruleset (like nft, a subset of its syntax)";
    }

    @Override
    public String usage() {
        return """
                usage: ffsock nft list ruleset [--json|--netlink]
                       ffsock nft list tables [FAMILY] [--json]
                       ffsock nft list table [FAMILY] NAME [--json|--netlink]
                       ffsock nft add table [FAMILY] NAME [{ flags dormant ; }]
                       ffsock nft add chain [FAMILY] TABLE NAME [{ type T hook H [device D] priority P ; [policy P ;] }]
                       ffsock nft add set|map [FAMILY] TABLE NAME { type T [. T…] [: V] ; [flags F,… ;] [timeout N(s|m|h) ;] [elements = { … } ;] }
                       ffsock nft add|delete element [FAMILY] TABLE SET { E, … }
                       ffsock nft add|insert rule [FAMILY] TABLE CHAIN [position HANDLE] STATEMENT…
                       ffsock nft delete table|chain|set|map [FAMILY] TABLE [NAME]
                       ffsock nft delete rule [FAMILY] TABLE CHAIN handle N
                       ffsock nft flush ruleset [FAMILY]
                       ffsock nft monitor [--count N] [--timeout SECONDS]

                  FAMILY     ip (the default), ip6, inet, arp, bridge, netdev
                  --netlink  print rules as 'nft --debug=netlink list ruleset' prints them (also the
                             default: ffsock does not turn expressions back into nft's statements)
                  --json     print what 'nft -j' prints (same keys; rules without 'expr')
                chains: type filter|nat|route, hook prerouting|input|forward|output|postrouting|ingress|egress,
                  priority N or raw|mangle|dstnat|filter|security|srcnat, policy accept|drop
                sets: types ipv4_addr, ipv6_addr, inet_service, inet_proto, mark, ifname, ether_addr (maps
                  also to verdict); flags constant, interval, timeout, dynamic; elements ADDR, ADDR/LEN,
                  A-B (interval sets), 'KEY : accept|drop|jump C|goto C|VALUE' (maps)
                rules: ip|ip6 saddr|daddr [!=] ADDR[/LEN]|{ … }, tcp|udp sport|dport [!=] N|N-M|{ … },
                  [meta] iifname|oifname [!=] NAME[*], meta l4proto|nfproto [!=] P, ct state [!=] S[,S…],
                  counter, log [prefix S] [level L], limit rate [over] N/UNIT [burst N packets], reject,
                  accept, drop, return, jump C, goto C, comment S
                  (the kernel gets the expressions nft makes of the same text); add appends (or
                  places after the rule HANDLE), insert prepends (or places before it)
                monitor prints changes as 'nft monitor' does, but an added rule as its expressions;
                  --count N ends after N lines of events, --timeout gives up (status 1).
                Every change is one all-or-nothing transaction; a refusal names the change, errno and
                the kernel's message.
                """ + RtnlOptions.USAGE;
    }

    @Override
    public int run(String[] args, Io io) throws Exception {
        List<String> rest = new ArrayList<>();
        boolean netlink = false;
        long count = -1;
        Duration timeout = null;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--netlink")) {
                netlink = true;
            } else if (a.equals("--count") || a.equals("--timeout")) {
                if (i + 1 >= args.length) throw new UsageException(a + " needs a value");
                int n = Words.number(args[++i], 1, Integer.MAX_VALUE, a.substring(2));
                if (a.equals("--count")) count = n;
                else timeout = Duration.ofSeconds(n);
            } else {
                rest.add(a);
            }
        }
        Words w = new Words(rest.toArray(String[]::new));
        if (w.common.help) {
            io.out().print(usage());
            return 0;
        }
        List<String> words = new ArrayList<>();
        while (w.hasNext()) words.add(w.next("word"));
        NftTokens t = new NftTokens(words);
        String verb = t.next("command: list, add, insert, delete, flush or monitor");
        boolean json = w.common.json;
        if (json && netlink) throw new UsageException("--json and --netlink do not go together");
        if (!verb.equals("monitor") && (count >= 0 || timeout != null)) throw new UsageException("--count and --timeout go with monitor");
        switch (verb) {
            case "list" -> {
                return list(t, w.common.netns, json, io);
            }
            case "monitor" -> {
                t.end();
                if (json || netlink) throw new UsageException("--json and --netlink go with list");
                return monitor(w.common.netns, count, timeout, io);
            }
            case "add", "delete", "insert" -> {
                if (json || netlink) throw new UsageException("--json and --netlink go with list");
                if (verb.equals("insert")) {
                    insert(t, w.common.netns);
                } else {
                    change(t, verb.equals("add"), w.common.netns);
                }
                return 0;
            }
            case "flush" -> {
                if (json || netlink) throw new UsageException("--json and --netlink go with list");
                t.expect("ruleset");
                int family = t.hasNext() ? family(t.next("family")) : NfTables.ALL_FAMILIES;
                t.end();
                try (NfTables nft = NfTables.open(w.common.netns)) {
                    nft.batch().flushRuleset(family).commit();
                }
                return 0;
            }
            default -> throw new UsageException("unknown command '" + verb + "': list, add, insert, delete, flush or monitor");
        }
    }

    // ---- monitor -------------------------------------------------------------------------------

    private int monitor(String netns, long count, Duration timeout, Io io) throws Exception {
        try (NetlinkEvents<NftEvent> ev = NfTables.events(netns);
             NfTables nft = NfTables.open(netns)) {
            NftMonitorFormat format = new NftMonitorFormat(nft.sets(NfTables.ALL_FAMILIES));
            return EventLoop.run(io, "nft monitor", count, timeout, ev::next, e -> {
                String text = format.text(e);
                io.out().print(text);
                return !text.isEmpty();
            });
        }
    }

    // ---- list ----------------------------------------------------------------------------------

    private int list(NftTokens t, String netns, boolean json, Io io) throws Exception {
        String what = t.next("ruleset, tables or table");
        switch (what) {
            case "ruleset" -> {
                t.end();
                try (NfTables nft = NfTables.open(netns)) {
                    NftRuleset rs = nft.ruleset();
                    if (json) io.out().println(Json.write(NftJson.document(rs, null)));
                    else io.out().print(NftNetlinkText.ruleset(rs.sets(), rs.rules()));
                }
            }
            case "tables" -> {
                int family = t.hasNext() ? family(t.next("family")) : NfTables.ALL_FAMILIES;
                t.end();
                try (NfTables nft = NfTables.open(netns)) {
                    List<NftTable> tables = nft.tables(family);
                    if (json) {
                        List<Object> items = new ArrayList<>();
                        items.add(((List<?>) NftJson.document(new NftRuleset(0, List.of(), List.of(), List.of(), List.of(), List.of()), null)
                                .get("nftables")).get(0));
                        for (NftTable tb : tables) items.add(Map.of("table", NftJson.table(tb)));
                        io.out().println(Json.write(Map.of("nftables", items)));
                    } else {
                        for (NftTable tb : tables) io.out().println("table " + NftNetlinkText.familyName(tb.family()) + " " + tb.name());
                    }
                }
            }
            case "table" -> {
                int family = familyOrIp(t);
                String name = t.next("table name");
                t.end();
                try (NfTables nft = NfTables.open(netns)) {
                    NftRuleset rs = nft.ruleset();
                    NftTable table = rs.tables().stream().filter(tb -> tb.family() == family && tb.name().equals(name)).findFirst()
                            .orElseThrow(() -> new NetlinkException("NFT_MSG_GETTABLE", Errno.ENOENT,
                                    ExtAck.NONE));
                    if (json) {
                        io.out().println(Json.write(NftJson.document(rs, table)));
                    } else {
                        io.out().print(NftNetlinkText.ruleset(
                                rs.sets().stream().filter(s -> s.family() == family && s.table().equals(name)).toList(),
                                rs.rules().stream().filter(r -> r.family() == family && r.table().equals(name)).toList()));
                    }
                }
            }
            default -> throw new UsageException("unknown list '" + what + "': ruleset, tables or table");
        }
        io.out().flush();
        return 0;
    }

    // ---- add / delete --------------------------------------------------------------------------

    private void change(NftTokens t, boolean add, String netns) throws Exception {
        String what = t.next("table, chain, set, map, element or rule");
        try (NfTables nft = NfTables.open(netns)) {
            NftBatch b = nft.batch();
            int family = familyOrIp(t);
            switch (what) {
                case "table" -> {
                    String name = t.next("table name");
                    int flags = 0;
                    if (add && t.accept("{")) {
                        while (!t.accept("}")) {
                            String k = t.next("'}'");
                            if (k.equals(";")) continue;
                            if (!k.equals("flags")) throw new UsageException("unknown table option '" + k + "': flags");
                            String f = t.next("table flags");
                            if (!f.equals("dormant")) throw new UsageException("unknown table flag '" + f + "': dormant");
                            flags |= NFT_TABLE_F_DORMANT;
                        }
                    }
                    t.end();
                    if (add) b.addTable(family, name, flags);
                    else b.deleteTable(family, name);
                }
                case "chain" -> {
                    String table = t.next("table name");
                    String name = t.next("chain name");
                    if (add) b.addChain(NftObjectSyntax.chain(t, family, table, name));
                    else b.deleteChain(family, table, name);
                    t.end();
                }
                case "set", "map" -> {
                    String table = t.next("table name");
                    String name = t.next("set name");
                    if (add) b.addSet(NftObjectSyntax.set(t, family, table, name, what.equals("map")));
                    else b.deleteSet(family, table, name);
                    t.end();
                }
                case "element" -> {
                    String table = t.next("table name");
                    String name = t.next("set name");
                    NftSet set = nft.sets(family).stream().filter(s -> s.table().equals(table) && s.name().equals(name)).findFirst()
                            .orElseThrow(() -> new NetlinkException("NFT_MSG_GETSET " + name, Errno.ENOENT,
                                    ExtAck.NONE));
                    t.expect("{");
                    List<NftSetElement> elements = NftObjectSyntax.elements(t, set);
                    t.end();
                    if (add) b.addElements(family, table, name, elements);
                    else b.deleteElements(family, table, name, elements);
                }
                case "rule" -> {
                    String table = t.next("table name");
                    String chain = t.next("chain name");
                    if (add) {
                        b.addRule(rule(t, b, family, table, chain));
                    } else {
                        t.expect("handle");
                        String h = t.next("rule handle");
                        long handle;
                        try {
                            handle = Long.parseUnsignedLong(h);
                        } catch (NumberFormatException e) {
                            throw new UsageException("bad rule handle '" + h + "'");
                        }
                        if (handle == 0) throw new UsageException("bad rule handle '0'");
                        t.end();
                        b.deleteRule(family, table, chain, handle);
                    }
                }
                default -> throw new UsageException("unknown object '" + what + "': table, chain, set, map, element or rule");
            }
            b.commit();
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    /** {@code insert rule [FAMILY] TABLE CHAIN [position N] STATEMENT…} */
    private void insert(NftTokens t, String netns) throws Exception {
        t.expect("rule");
        try (NfTables nft = NfTables.open(netns)) {
            NftBatch b = nft.batch();
            int family = familyOrIp(t);
            String table = t.next("table name");
            String chain = t.next("chain name");
            b.insertRule(rule(t, b, family, table, chain));
            b.commit();
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    /** {@code [position N] STATEMENT…}: the rule, its anonymous sets added to {@code b}. */
    private static NftRule rule(NftTokens t, NftBatch b, int family, String table, String chain) throws UsageException {
        long position = 0;
        if (t.accept("position")) {
            String h = t.next("rule handle");
            try {
                position = Long.parseUnsignedLong(h);
            } catch (NumberFormatException e) {
                throw new UsageException("bad rule handle '" + h + "'");
            }
            if (position == 0) throw new UsageException("bad rule handle '0'");
        }
        NftRuleCompiler c = new NftRuleCompiler(family, table, b::addAnonymousSet);
        List<NftExpr> exprs = c.compile(t);
        return new NftRule(family, table, chain, 0, position, exprs, c.comment == null ? null : NftRule.commentUserdata(c.comment));
    }

    private static int family(String w) throws UsageException {
        int f = NftNetlinkText.family(w);
        if (f < 0) throw new UsageException("unknown family '" + w + "': ip, ip6, inet, arp, bridge, netdev");
        return f;
    }

    /** A family word if there is one (nft's default is ip). */
    private static int familyOrIp(NftTokens t) {
        String w = t.peek();
        int f = w == null ? -1 : NftNetlinkText.family(w);
        if (f < 0) return NFPROTO_IPV4;
        t.accept(w);
        return f;
    }
}
