package dev.ffsock.cli;

import static dev.ffsock.netlink.netfilter.nft.Nft.*;

import dev.ffsock.netlink.netfilter.nft.NftData;
import dev.ffsock.netlink.netfilter.nft.NftExpr;
import dev.ffsock.netlink.netfilter.nft.NftSet;
import dev.ffsock.netlink.netfilter.nft.NftSetElement;
import dev.ffsock.netlink.netfilter.nft.NftTypes;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Turns the statements of {@code nft add rule FAMILY TABLE CHAIN …} into the expressions nft 1.0.6
 * makes of them, with the same dependencies (an inet rule's {@code ip saddr} first checks
 * {@code meta nfproto ipv4}, a {@code tcp dport} first {@code meta l4proto tcp}), registers and
 * byte layout, so that the kernel holds the same rule either way. The subset: {@code ip|ip6
 * saddr|daddr [!=] ADDR[/LEN]|{ … }}, {@code tcp|udp sport|dport [!=] N|N-M|{ … }}, {@code [meta]
 * iifname|oifname [!=] NAME}, {@code meta l4proto|nfproto [!=] P}, {@code ct state [!=] S[,S…]},
 * {@code counter}, {@code log [prefix S] [level L]}, {@code limit rate [over] N/UNIT [burst N
 * packets]}, {@code reject}, {@code accept|drop|return|jump C|goto C} and {@code comment S}.
 */
final class NftRuleCompiler {
    /** Adds an anonymous set (and its elements) to the batch before the rule; returns its transaction id. */
    @FunctionalInterface
    interface AnonymousSets {
        int add(NftSet set);
    }

    private static final int REG = NFT_REG_1;
    private static final Map<String, Integer> CT_STATES = Map.of("invalid", 1, "established", 2, "related", 4, "new", 8, "untracked", 64);
    private static final Map<String, Integer> LOG_LEVELS = Map.of("emerg", 0, "alert", 1, "crit", 2, "err", 3, "warn", 4,
            "notice", 5, "info", 6, "debug", 7);
    private static final Map<String, Long> UNITS = Map.of("second", 1L, "minute", 60L, "hour", 3600L, "day", 86400L, "week", 604800L);

    private final int family;
    private final String table;
    private final AnonymousSets sets;
    private final List<NftExpr> out = new ArrayList<>();
    /** The layer-3 protocol the rule has checked (NFPROTO_IPV4/6), or -1. */
    private int l3 = -1;
    /** The layer-4 protocol the rule has checked, or -1. */
    private int l4 = -1;
    String comment;

    NftRuleCompiler(int family, String table, AnonymousSets sets) throws UsageException {
        if (family != NFPROTO_IPV4 && family != NFPROTO_IPV6 && family != NFPROTO_INET) {
            throw new UsageException("rules are supported in ip, ip6 and inet tables");
        }
        this.family = family;
        this.table = table;
        this.sets = sets;
        if (family != NFPROTO_INET) l3 = family;
    }

    /** {@return the expressions of the statements} */
    List<NftExpr> compile(NftTokens t) throws UsageException {
        while (t.hasNext()) {
            String w = t.next("statement");
            switch (w) {
                case "ip", "ip6" -> address(t, w.equals("ip") ? NFPROTO_IPV4 : NFPROTO_IPV6);
                case "tcp", "udp" -> port(t, w.equals("tcp") ? 6 : 17);
                case "iifname", "oifname" -> ifname(t, w);
                case "meta" -> meta(t);
                case "ct" -> ct(t);
                case "counter" -> out.add(new NftExpr.Counter(0, 0));
                case "log" -> log(t);
                case "limit" -> limit(t);
                case "reject" -> out.add(family == NFPROTO_IPV4 ? new NftExpr.Reject(NFT_REJECT_ICMP_UNREACH, 3)
                        : family == NFPROTO_IPV6 ? new NftExpr.Reject(NFT_REJECT_ICMP_UNREACH, 4)
                        : new NftExpr.Reject(NFT_REJECT_ICMPX_UNREACH, NFT_REJECT_ICMPX_PORT_UNREACH));
                case "accept" -> verdict(NftData.accept());
                case "drop" -> verdict(NftData.drop());
                case "return" -> verdict(NftData.returnVerdict());
                case "jump" -> verdict(NftData.jump(name(t.next("chain to jump to"))));
                case "goto" -> verdict(NftData.goTo(name(t.next("chain to go to"))));
                case "comment" -> {
                    comment = NftValues.unquote(t.next("comment text"));
                    if (comment.getBytes(StandardCharsets.UTF_8).length > 127) throw new UsageException("a comment is at most 127 bytes");
                }
                default -> throw new UsageException("unknown or unsupported statement '" + w + "'");
            }
        }
        if (out.isEmpty()) throw new UsageException("a rule needs at least one statement");
        return List.copyOf(out);
    }

    private static String name(String s) throws UsageException {
        String n = NftValues.unquote(s);
        if (n.isEmpty() || n.length() > 255) throw new UsageException("bad chain name '" + s + "'");
        return n;
    }

    private void verdict(NftData v) {
        out.add(NftExpr.Immediate.verdict(v));
    }

    /** {@return NFT_CMP_NEQ when the next word is "!=" (taken), else NFT_CMP_EQ ("==" taken too)} */
    private static int op(NftTokens t) {
        if (t.accept("!=")) return NFT_CMP_NEQ;
        t.accept("==");
        return NFT_CMP_EQ;
    }

    private void needL3(int proto) throws UsageException {
        if (l3 == proto) return;
        if (l3 >= 0) throw new UsageException("conflicting protocols specified: " + (l3 == NFPROTO_IPV4 ? "ip" : "ip6") + " vs. "
                + (proto == NFPROTO_IPV4 ? "ip" : "ip6"));
        out.add(new NftExpr.Meta(NFT_META_NFPROTO, REG, NftExpr.ABSENT));
        out.add(new NftExpr.Cmp(REG, NFT_CMP_EQ, value((byte) proto)));
        l3 = proto;
    }

    private void needL4(int proto) throws UsageException {
        if (l4 == proto) return;
        if (l4 >= 0) throw new UsageException("conflicting protocols specified");
        out.add(new NftExpr.Meta(NFT_META_L4PROTO, REG, NftExpr.ABSENT));
        out.add(new NftExpr.Cmp(REG, NFT_CMP_EQ, value((byte) proto)));
        l4 = proto;
    }

    private void address(NftTokens t, int proto) throws UsageException {
        String field = t.next("saddr or daddr");
        boolean v4 = proto == NFPROTO_IPV4;
        int offset = switch (field) {
            case "saddr" -> v4 ? 12 : 8;
            case "daddr" -> v4 ? 16 : 24;
            default -> throw new UsageException("unsupported match '" + (v4 ? "ip " : "ip6 ") + field + "': saddr or daddr");
        };
        int size = v4 ? 4 : 16;
        String type = v4 ? "ipv4_addr" : "ipv6_addr";
        int op = op(t);
        needL3(proto);
        if (t.accept("{")) {
            List<String> items = t.list();
            out.add(NftExpr.Payload.load(NFT_PAYLOAD_NETWORK_HEADER, offset, size, REG));
            lookup(type, size, items, op);
            return;
        }
        String a = t.next("address");
        int slash = a.indexOf('/');
        byte[] addr = NftValues.parse(type, slash < 0 ? a : a.substring(0, slash));
        int len = slash < 0 ? size * 8 : Words.number(a.substring(slash + 1), 1, size * 8, "prefix length");
        if (len % 8 == 0) {
            out.add(NftExpr.Payload.load(NFT_PAYLOAD_NETWORK_HEADER, offset, len / 8, REG));
            out.add(new NftExpr.Cmp(REG, op, new NftData.Value(Arrays.copyOf(addr, len / 8))));
            return;
        }
        byte[] mask = new byte[size];
        for (int i = 0; i < len; i++) mask[i / 8] |= (byte) (0x80 >> (i % 8));
        byte[] masked = new byte[size];
        for (int i = 0; i < size; i++) masked[i] = (byte) (addr[i] & mask[i]);
        out.add(NftExpr.Payload.load(NFT_PAYLOAD_NETWORK_HEADER, offset, size, REG));
        out.add(new NftExpr.Bitwise(REG, REG, size, NftExpr.ABSENT, new NftData.Value(mask), new NftData.Value(new byte[size]), null));
        out.add(new NftExpr.Cmp(REG, op, new NftData.Value(masked)));
    }

    private void port(NftTokens t, int proto) throws UsageException {
        String field = t.next("sport or dport");
        int offset = switch (field) {
            case "sport" -> 0;
            case "dport" -> 2;
            default -> throw new UsageException("unsupported match '" + (proto == 6 ? "tcp " : "udp ") + field + "': sport or dport");
        };
        int op = op(t);
        needL4(proto);
        out.add(NftExpr.Payload.load(NFT_PAYLOAD_TRANSPORT_HEADER, offset, 2, REG));
        if (t.accept("{")) {
            lookup("inet_service", 2, t.list(), op);
            return;
        }
        String v = t.next("port");
        int dash = v.indexOf('-');
        if (dash > 0) {
            byte[] lo = NftValues.parse("inet_service", v.substring(0, dash));
            byte[] hi = NftValues.parse("inet_service", v.substring(dash + 1));
            if (op == NFT_CMP_EQ) {
                out.add(new NftExpr.Cmp(REG, NFT_CMP_GTE, new NftData.Value(lo)));
                out.add(new NftExpr.Cmp(REG, NFT_CMP_LTE, new NftData.Value(hi)));
            } else {
                out.add(new NftExpr.Range(REG, NFT_RANGE_NEQ, new NftData.Value(lo), new NftData.Value(hi)));
            }
            return;
        }
        out.add(new NftExpr.Cmp(REG, op, new NftData.Value(NftValues.parse("inet_service", v))));
    }

    /** {@code { a, b }}: an anonymous constant set of the keys and a lookup of the register in it. */
    private void lookup(String type, int size, List<String> items, int op) throws UsageException {
        if (items.isEmpty()) throw new UsageException("an empty set");
        List<NftSetElement> elements = new ArrayList<>();
        for (String i : items) {
            if (i.contains("/") || i.contains("-")) throw new UsageException("intervals in anonymous sets are not supported: " + i);
            elements.add(NftSetElement.of(NftValues.parse(type, i)));
        }
        NftSet set = new NftSet(family, table, "__set%d", 0, NFT_SET_ANONYMOUS | NFT_SET_CONSTANT, NftTypes.id(type), size,
                NftExpr.ABSENT, NftExpr.ABSENT, NftExpr.ABSENT, NftExpr.ABSENT, elements.size(), -1, NftExpr.ABSENT,
                NftTypes.setUserdata(NftTypes.byteOrder(type), -1), elements);
        int id = sets.add(set);
        out.add(new NftExpr.Lookup("__set%d", id, REG, NftExpr.ABSENT, op == NFT_CMP_NEQ ? NFT_LOOKUP_F_INV : 0));
    }

    private void ifname(NftTokens t, String which) throws UsageException {
        int op = op(t);
        String name = NftValues.unquote(t.next("interface name"));
        byte[] n = name.getBytes(StandardCharsets.UTF_8);
        if (n.length == 0 || n.length > 16) throw new UsageException("an interface name is 1..15 bytes: " + name);
        out.add(new NftExpr.Meta(which.equals("iifname") ? NFT_META_IIFNAME : NFT_META_OIFNAME, REG, NftExpr.ABSENT));
        if (name.endsWith("*") && n.length > 1) {
            out.add(new NftExpr.Cmp(REG, op, new NftData.Value(Arrays.copyOf(n, n.length - 1))));
        } else {
            if (n.length > 15) throw new UsageException("an interface name is 1..15 bytes: " + name);
            out.add(new NftExpr.Cmp(REG, op, new NftData.Value(Arrays.copyOf(n, 16))));
        }
    }

    private void meta(NftTokens t) throws UsageException {
        String key = t.next("meta key");
        switch (key) {
            case "iifname", "oifname" -> ifname(t, key);
            case "l4proto" -> {
                int op = op(t);
                byte[] p = NftValues.parse("inet_proto", t.next("protocol"));
                out.add(new NftExpr.Meta(NFT_META_L4PROTO, REG, NftExpr.ABSENT));
                out.add(new NftExpr.Cmp(REG, op, new NftData.Value(p)));
                if (op == NFT_CMP_EQ && l4 < 0) l4 = p[0] & 0xff;
            }
            case "nfproto" -> {
                int op = op(t);
                String p = t.next("ipv4 or ipv6");
                int v = switch (p) {
                    case "ipv4" -> NFPROTO_IPV4;
                    case "ipv6" -> NFPROTO_IPV6;
                    default -> throw new UsageException("meta nfproto takes ipv4 or ipv6: " + p);
                };
                out.add(new NftExpr.Meta(NFT_META_NFPROTO, REG, NftExpr.ABSENT));
                out.add(new NftExpr.Cmp(REG, op, value((byte) v)));
                if (op == NFT_CMP_EQ && l3 < 0) l3 = v;
            }
            default -> throw new UsageException("unsupported meta key '" + key + "': iifname, oifname, l4proto or nfproto");
        }
    }

    private void ct(NftTokens t) throws UsageException {
        t.expect("state");
        int op = op(t);
        int bits = 0;
        List<String> states = new ArrayList<>();
        if (t.accept("{")) states.addAll(t.list());
        else {
            states.add(t.next("ct state"));
            while (t.accept(",")) states.add(t.next("ct state"));
        }
        for (String s : states) {
            for (String part : s.split(",")) {
                Integer b = CT_STATES.get(part);
                if (b == null) throw new UsageException("unknown ct state '" + part + "': new, established, related, invalid, untracked");
                bits |= b;
            }
        }
        out.add(new NftExpr.Ct(NFT_CT_STATE, REG, NftExpr.ABSENT, NftExpr.ABSENT));
        byte[] mask = ByteBuffer.allocate(4).order(ByteOrder.nativeOrder()).putInt(bits).array();
        if (op == NFT_CMP_NEQ) {
            // nft compares the state with != directly, without the bit test
            out.add(new NftExpr.Cmp(REG, NFT_CMP_NEQ, new NftData.Value(mask)));
            return;
        }
        out.add(new NftExpr.Bitwise(REG, REG, 4, NftExpr.ABSENT, new NftData.Value(mask), new NftData.Value(new byte[4]), null));
        out.add(new NftExpr.Cmp(REG, NFT_CMP_NEQ, new NftData.Value(new byte[4])));
    }

    private void log(NftTokens t) throws UsageException {
        String prefix = null;
        int level = 4;
        while (true) {
            if (t.accept("prefix")) {
                prefix = NftValues.unquote(t.next("log prefix"));
                if (prefix.getBytes(StandardCharsets.UTF_8).length > 127) throw new UsageException("a log prefix is at most 127 bytes");
            } else if (t.accept("level")) {
                String l = t.next("log level");
                Integer v = LOG_LEVELS.get(l);
                if (v == null) throw new UsageException("unknown log level '" + l + "': emerg, alert, crit, err, warn, notice, info, debug");
                level = v;
            } else {
                break;
            }
        }
        out.add(new NftExpr.Log(prefix, NftExpr.ABSENT, NftExpr.ABSENT, NftExpr.ABSENT, level, NftExpr.ABSENT));
    }

    private void limit(NftTokens t) throws UsageException {
        t.expect("rate");
        boolean over = t.accept("over");
        String r = t.next("rate N/UNIT");
        int slash = r.indexOf('/');
        if (slash <= 0) throw new UsageException("limit rate takes N/second|minute|hour|day|week: " + r);
        int rate = Words.number(r.substring(0, slash), 1, Integer.MAX_VALUE, "rate");
        Long unit = UNITS.get(r.substring(slash + 1));
        if (unit == null) throw new UsageException("unknown rate unit '" + r.substring(slash + 1) + "': second, minute, hour, day, week");
        int burst = 5;
        if (t.accept("burst")) {
            burst = Words.number(t.next("burst"), 1, Integer.MAX_VALUE, "burst");
            t.expect("packets");
        }
        out.add(new NftExpr.Limit(rate, unit, burst, NFT_LIMIT_PKTS, over ? NFT_LIMIT_F_INV : 0));
    }

    private static NftData.Value value(byte... b) {
        return new NftData.Value(b);
    }
}
