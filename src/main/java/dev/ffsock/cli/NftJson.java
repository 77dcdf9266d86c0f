package dev.ffsock.cli;

import dev.ffsock.netlink.netfilter.nft.Nft;
import dev.ffsock.netlink.netfilter.nft.NftChain;
import dev.ffsock.netlink.netfilter.nft.NftData;
import dev.ffsock.netlink.netfilter.nft.NftFlowtable;
import dev.ffsock.netlink.netfilter.nft.NftNetlinkText;
import dev.ffsock.netlink.netfilter.nft.NftRule;
import dev.ffsock.netlink.netfilter.nft.NftRuleset;
import dev.ffsock.netlink.netfilter.nft.NftSet;
import dev.ffsock.netlink.netfilter.nft.NftSetElement;
import dev.ffsock.netlink.netfilter.nft.NftTable;
import dev.ffsock.netlink.netfilter.nft.NftTypes;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A ruleset as {@code nft -j list ruleset} prints it (JSON schema 1, nft 1.0.6's keys):
 * {@code {"nftables": [{"metainfo": …}, {"table": …}, {"set": …}, {"map": …}, {"flowtable": …},
 * {"chain": …}, {"rule": …}]}}, table by table: the table, its named sets and maps with their
 * elements, flowtables, chains, then the rules chain by chain. A rule carries its family, table,
 * chain, handle and comment, but not nft's {@code expr}: ffsock does not decompile rules into
 * nft's statements ({@code ffsock nft list ruleset --netlink} prints their expressions). A dormant
 * table's {@code "flags"} is {@code "dormant"}: nft 1.0.6 prints a stray string there.
 */
final class NftJson {
    private NftJson() {
    }

    /** {@return the whole document for a ruleset restricted to {@code table} (all tables when null)} */
    static Map<String, Object> document(NftRuleset rs, NftTable only) {
        List<Object> items = new ArrayList<>();
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("version", "ffsock");
        meta.put("release_name", "ffsock");
        meta.put("json_schema_version", 1L);
        items.add(Map.of("metainfo", meta));
        for (NftTable t : rs.tables()) {
            if (only != null && !(t.family() == only.family() && t.name().equals(only.name()))) continue;
            items.add(Map.of("table", table(t)));
            for (NftSet s : rs.sets()) {
                if (s.family() == t.family() && s.table().equals(t.name()) && !s.isAnonymous()) {
                    items.add(Map.of(s.isMap() ? "map" : "set", set(s)));
                }
            }
            for (NftFlowtable f : rs.flowtables()) {
                if (f.family() == t.family() && f.table().equals(t.name())) items.add(Map.of("flowtable", flowtable(f)));
            }
            List<NftChain> chains = rs.chains().stream().filter(c -> c.family() == t.family() && c.table().equals(t.name())).toList();
            for (NftChain c : chains) items.add(Map.of("chain", chain(c)));
            for (NftChain c : chains) {
                for (NftRule r : rs.rules()) {
                    if (r.family() == t.family() && r.table().equals(t.name()) && r.chain().equals(c.name())) {
                        items.add(Map.of("rule", rule(r)));
                    }
                }
            }
        }
        return Map.of("nftables", items);
    }

    static Map<String, Object> table(NftTable t) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("family", NftNetlinkText.familyName(t.family()));
        m.put("name", t.name());
        m.put("handle", t.handle());
        if ((t.flags() & Nft.NFT_TABLE_F_DORMANT) != 0) m.put("flags", "dormant");
        return m;
    }

    private static final String[] HOOKS_INET = {"prerouting", "input", "forward", "output", "postrouting", "ingress"};

    /** {@return nft's name of a hook number in a family} */
    static String hookName(int family, int hook) {
        if (family == Nft.NFPROTO_NETDEV) return hook == Nft.NF_NETDEV_INGRESS ? "ingress" : hook == Nft.NF_NETDEV_EGRESS ? "egress" : "unknown";
        return hook >= 0 && hook < HOOKS_INET.length ? HOOKS_INET[hook] : "unknown";
    }

    static Map<String, Object> chain(NftChain c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("family", NftNetlinkText.familyName(c.family()));
        m.put("table", c.table());
        m.put("name", c.name());
        m.put("handle", c.handle());
        if (c.isBase()) {
            m.put("type", c.type());
            m.put("hook", hookName(c.family(), c.hook()));
            m.put("prio", (long) c.priority());
            m.put("policy", c.policy() == Nft.NF_DROP ? "drop" : "accept");
        }
        return m;
    }

    static Map<String, Object> flowtable(NftFlowtable f) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("family", NftNetlinkText.familyName(f.family()));
        m.put("name", f.name());
        m.put("table", f.table());
        m.put("handle", f.handle());
        m.put("hook", hookName(Nft.NFPROTO_NETDEV, f.hook()));
        m.put("prio", (long) f.priority());
        m.put("dev", f.devices().size() == 1 ? f.devices().get(0) : f.devices());
        return m;
    }

    static Map<String, Object> rule(NftRule r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("family", NftNetlinkText.familyName(r.family()));
        m.put("table", r.table());
        m.put("chain", r.chain());
        m.put("handle", r.handle());
        if (r.comment() != null) m.put("comment", r.comment());
        return m;
    }

    private static final int[] SET_FLAG_BITS = {Nft.NFT_SET_CONSTANT, Nft.NFT_SET_INTERVAL, Nft.NFT_SET_TIMEOUT, Nft.NFT_SET_EVAL};
    private static final String[] SET_FLAG_NAMES = {"constant", "interval", "timeout", "dynamic"};

    static Map<String, Object> set(NftSet s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("family", NftNetlinkText.familyName(s.family()));
        m.put("name", s.name());
        m.put("table", s.table());
        List<String> keyTypes = NftTypes.names(s.keyType());
        m.put("type", keyTypes.size() == 1 ? keyTypes.get(0) : keyTypes);
        m.put("handle", s.handle());
        List<String> dataTypes = s.isMap() ? NftTypes.names(s.dataType()) : List.of();
        if (s.isMap()) m.put("map", dataTypes.size() == 1 ? dataTypes.get(0) : dataTypes);
        List<String> flags = new ArrayList<>();
        for (int i = 0; i < SET_FLAG_BITS.length; i++) if ((s.flags() & SET_FLAG_BITS[i]) != 0) flags.add(SET_FLAG_NAMES[i]);
        if (!flags.isEmpty()) m.put("flags", flags);
        if (s.timeout() > 0) m.put("timeout", s.timeout() / 1000);
        if (s.gcInterval() > 0) m.put("gc-interval", s.gcInterval() / 1000L);
        List<Object> elems = elements(s, keyTypes, dataTypes);
        if (!elems.isEmpty()) m.put("elem", elems);
        return m;
    }

    /** The elements, sorted by key as nft sorts them, intervals merged back into prefixes and ranges. */
    private static List<Object> elements(NftSet s, List<String> keyTypes, List<String> dataTypes) {
        boolean hostOrder = keyTypes.size() == 1 && NftTypes.byteOrder(keyTypes.get(0)) == NftTypes.HOST_ORDER;
        List<NftSetElement> sorted = new ArrayList<>(s.elements());
        Comparator<NftSetElement> byKey = (a, b) -> compare(a.key().bytes(), b.key().bytes(), hostOrder);
        sorted.sort(byKey);
        List<Object> out = new ArrayList<>();
        boolean interval = (s.flags() & Nft.NFT_SET_INTERVAL) != 0 && s.elements().stream().noneMatch(e -> e.keyEnd() != null);
        for (int i = 0; i < sorted.size(); i++) {
            NftSetElement e = sorted.get(i);
            if (interval && e.isIntervalEnd()) continue;
            Object key = key(keyTypes, e.key().bytes());
            if (interval) {
                byte[] end = i + 1 < sorted.size() && sorted.get(i + 1).isIntervalEnd() ? sorted.get(i + 1).key().bytes() : null;
                key = interval(keyTypes.get(0), e.key().bytes(), end, key);
            } else if (e.keyEnd() != null) {
                key = Map.of("range", List.of(key, key(keyTypes, e.keyEnd().bytes())));
            }
            Object value = key;
            if (e.timeout() >= 0 && e.timeout() != s.timeout() || e.expiration() >= 0) {
                Map<String, Object> w = new LinkedHashMap<>();
                w.put("val", key);
                if (e.timeout() >= 0 && e.timeout() != s.timeout()) w.put("timeout", e.timeout() / 1000);
                if (e.expiration() >= 0) w.put("expires", e.expiration() / 1000);
                value = Map.of("elem", w);
            }
            if (s.isMap() && e.data() != null) value = List.of(value, data(dataTypes, e.data()));
            out.add(value);
        }
        return out;
    }

    private static Object key(List<String> types, byte[] b) {
        if (types.size() == 1) return NftValues.json(types.get(0), b);
        List<Object> parts = new ArrayList<>();
        int at = 0;
        for (String t : types) {
            int len = Math.max(NftTypes.length(t), 1);
            if (at + len > b.length) break;
            parts.add(NftValues.json(t, Arrays.copyOfRange(b, at, at + len)));
            at += (len + 3) & ~3;
        }
        return Map.of("concat", parts);
    }

    /** A start and its exclusive end: one value, a prefix (addresses) or a range; the end of a set's last interval may be absent. */
    private static Object interval(String type, byte[] start, byte[] endExclusive, Object startJson) {
        byte[] last = endExclusive == null ? allOnes(start.length) : minusOne(endExclusive);
        if (Arrays.equals(start, last)) return startJson;
        if (type.equals("ipv4_addr") || type.equals("ipv6_addr")) {
            int len = prefixLength(start, last);
            if (len >= 0) return Map.of("prefix", Map.of("addr", startJson, "len", (long) len));
        }
        return Map.of("range", List.of(startJson, NftValues.json(type, last)));
    }

    private static int prefixLength(byte[] start, byte[] last) {
        int bits = start.length * 8;
        for (int len = 0; len <= bits; len++) {
            boolean ok = true;
            for (int i = 0; i < bits && ok; i++) {
                int s = (start[i / 8] >> (7 - i % 8)) & 1, l = (last[i / 8] >> (7 - i % 8)) & 1;
                ok = i < len ? s == l : s == 0 && l == 1;
            }
            if (ok) return len;
        }
        return -1;
    }

    private static byte[] allOnes(int n) {
        byte[] b = new byte[n];
        Arrays.fill(b, (byte) 0xff);
        return b;
    }

    private static byte[] minusOne(byte[] b) {
        byte[] r = b.clone();
        for (int i = r.length - 1; i >= 0; i--) {
            if (r[i]-- != 0) break;
        }
        return r;
    }

    private static int compare(byte[] a, byte[] b, boolean hostOrder) {
        int n = Math.max(a.length, b.length);
        for (int k = 0; k < n; k++) {
            int i = hostOrder ? n - 1 - k : k;
            int x = i < a.length ? a[i] & 0xff : 0, y = i < b.length ? b[i] & 0xff : 0;
            if (x != y) return Integer.compare(x, y);
        }
        return 0;
    }

    private static Object data(List<String> types, NftData d) {
        if (d instanceof NftData.Verdict v) {
            String name = NftNetlinkText.verdictName(v.code());
            Map<String, Object> m = new LinkedHashMap<>();
            m.put(name, v.chain() == null ? null : Map.of("target", v.chain()));
            return m;
        }
        return key(types, ((NftData.Value) d).bytes());
    }
}
