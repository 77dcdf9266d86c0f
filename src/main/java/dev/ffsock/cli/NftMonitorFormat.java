package dev.ffsock.cli;

import static dev.ffsock.netlink.netfilter.nft.Nft.*;

import dev.ffsock.netlink.netfilter.nft.NftChain;
import dev.ffsock.netlink.netfilter.nft.NftData;
import dev.ffsock.netlink.netfilter.nft.NftEvent;
import dev.ffsock.netlink.netfilter.nft.NftExpr;
import dev.ffsock.netlink.netfilter.nft.NftNetlinkText;
import dev.ffsock.netlink.netfilter.nft.NftSet;
import dev.ffsock.netlink.netfilter.nft.NftSetElement;
import dev.ffsock.netlink.netfilter.nft.NftTypes;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Ruleset events as {@code nft monitor} prints them: {@code add table inet t}, {@code add chain inet
 * t c { type filter hook input priority filter; policy drop; }}, {@code add set inet t s { type
 * inet_service; } }, {@code add element inet t s { 22 }}, {@code delete rule inet t c handle 4},
 * {@code # new generation 85 by process 31579 (nft)}. An added rule is the one line nft cannot share:
 * {@code add rule inet t c} then its expressions as {@code nft --debug=netlink} prints them.
 */
final class NftMonitorFormat {
    /** The sets seen (at start and in events), by "family table name": element values print by their key type. */
    private final Map<String, NftSet> sets = new java.util.HashMap<>();

    NftMonitorFormat(List<NftSet> existing) {
        for (NftSet s : existing) sets.put(key(s.family(), s.table(), s.name()), s);
    }

    private static String key(int family, String table, String set) {
        return family + " " + table + " " + set;
    }

    private static final Map<Integer, String> PRIORITIES = Map.of(-300, "raw", -150, "mangle", 0, "filter", 50, "security");

    /** {@return the text of one event (one or more lines, each ending with '\n'; empty for anonymous sets)} */
    String text(NftEvent e) {
        if (e instanceof NftEvent.Set s) {
            if (s.added()) sets.put(key(s.set().family(), s.set().table(), s.set().name()), s.set());
        }
        String verb = e.added() ? "add " : "delete ";
        return switch (e) {
            case NftEvent.Table t -> verb + "table " + fam(t.table().family()) + " " + t.table().name() + "\n";
            case NftEvent.Chain c -> verb + "chain " + fam(c.chain().family()) + " " + c.chain().table() + " " + c.chain().name()
                    + (e.added() && c.chain().isBase() ? " " + hook(c.chain()) : "") + "\n";
            case NftEvent.Set s -> s.set().isAnonymous() ? "" : verb + (s.set().isMap() ? "map " : "set ") + fam(s.set().family())
                    + " " + s.set().table() + " " + s.set().name() + (e.added() ? " " + declaration(s.set()) + " " : "") + "\n";
            case NftEvent.Elements el -> el.set().startsWith("__set") ? ""
                    : verb + "element " + fam(el.family()) + " " + el.table() + " " + el.set() + " { "
                            + elements(sets.get(key(el.family(), el.table(), el.set())), el.elements()) + " }\n";
            case NftEvent.Rule r -> e.added()
                    ? "add rule " + fam(r.rule().family()) + " " + r.rule().table() + " " + r.rule().chain() + "\n"
                            + expressions(r.rule().exprs())
                    : "delete rule " + fam(r.rule().family()) + " " + r.rule().table() + " " + r.rule().chain() + " handle "
                            + Long.toUnsignedString(r.rule().handle()) + "\n";
            case NftEvent.Flowtable f -> verb + "flowtable " + fam(f.flowtable().family()) + " " + f.flowtable().table() + " "
                    + f.flowtable().name() + "\n";
            case NftEvent.Generation g -> "# new generation " + g.id()
                    + (g.pid() >= 0 ? " by process " + g.pid() + " (" + (g.process() == null ? "" : g.process()) + ")" : "") + "\n";
        };
    }

    private static String fam(int family) {
        return NftNetlinkText.familyName(family);
    }

    private static String hook(NftChain c) {
        String prio = c.family() == NFPROTO_NETDEV ? (c.priority() == 0 ? "filter" : Integer.toString(c.priority()))
                : PRIORITIES.getOrDefault(c.priority(), namedNat(c));
        return "{ type " + c.type() + " hook " + NftJson.hookName(c.family(), c.hook())
                + (c.devices().isEmpty() ? "" : " device \"" + c.devices().get(0) + "\"")
                + " priority " + prio + "; policy " + (c.policy() == NF_DROP ? "drop" : "accept") + "; }";
    }

    /** dstnat and srcnat are names only at their hooks (prerouting -100, postrouting 100). */
    private static String namedNat(NftChain c) {
        if (c.priority() == -100 && c.hook() == NF_INET_PRE_ROUTING) return "dstnat";
        if (c.priority() == 100 && c.hook() == NF_INET_POST_ROUTING) return "srcnat";
        return Integer.toString(c.priority());
    }

    private static String declaration(NftSet s) {
        List<String> key = NftTypes.names(s.keyType());
        StringBuilder b = new StringBuilder("{ type ").append(String.join(" . ", key));
        if (s.isMap()) b.append(" : ").append(String.join(" . ", NftTypes.names(s.dataType())));
        b.append(";");
        return b.append(" }").toString();
    }

    /** Single-type keys print as nft prints their values; others (and sets not seen) as hex. */
    private static String elements(NftSet set, List<NftSetElement> elements) {
        List<String> keyType = set == null ? List.of() : NftTypes.names(set.keyType());
        List<String> dataType = set == null || !set.isMap() ? List.of() : NftTypes.names(set.dataType());
        List<String> out = new ArrayList<>();
        for (NftSetElement e : elements) {
            StringBuilder b = new StringBuilder(value(keyType, e.key()));
            if (e.data() instanceof NftData.Verdict v) {
                b.append(" : ").append(NftNetlinkText.verdictName(v.code())).append(v.chain() == null ? "" : " " + v.chain());
            } else if (e.data() instanceof NftData.Value v) {
                b.append(" : ").append(value(dataType, v));
            }
            out.add(b.toString());
        }
        return String.join(", ", out);
    }

    private static String value(List<String> type, NftData.Value v) {
        if (type.size() != 1) return "0x" + java.util.HexFormat.of().formatHex(v.bytes());
        Object o = NftValues.json(type.get(0), v.bytes());
        return type.get(0).equals("ifname") || type.get(0).equals("string") ? "\"" + o + "\"" : o.toString();
    }

    private static String expressions(List<NftExpr> exprs) {
        StringBuilder b = new StringBuilder();
        for (NftExpr x : exprs) b.append("  ").append(NftNetlinkText.expression(x)).append('\n');
        return b.toString();
    }
}
