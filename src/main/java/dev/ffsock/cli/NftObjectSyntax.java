package dev.ffsock.cli;

import static dev.ffsock.netlink.netfilter.nft.Nft.*;

import dev.ffsock.netlink.netfilter.nft.NftChain;
import dev.ffsock.netlink.netfilter.nft.NftData;
import dev.ffsock.netlink.netfilter.nft.NftExpr;
import dev.ffsock.netlink.netfilter.nft.NftSet;
import dev.ffsock.netlink.netfilter.nft.NftSetElement;
import dev.ffsock.netlink.netfilter.nft.NftTypes;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * nft's declarations of chains and sets, and its element lists, in the subset {@code ffsock nft}
 * reads: {@code { type filter hook input priority 0 ; policy drop ; }}, {@code { type ipv4_addr ;
 * flags interval ; elements = { … } }}, {@code { 10.0.0.0/8, 22 : accept }}. Every mistake is a
 * {@link UsageException}.
 */
final class NftObjectSyntax {
    private NftObjectSyntax() {
    }

    private static final Map<String, Integer> PRIORITIES = Map.of("raw", -300, "mangle", -150, "dstnat", -100, "filter", 0,
            "security", 50, "srcnat", 100);
    private static final List<String> HOOKS = List.of("prerouting", "input", "forward", "output", "postrouting", "ingress");

    static NftChain chain(NftTokens t, int family, String table, String name) throws UsageException {
        if (!t.accept("{")) return new NftChain(family, table, name, 0, 0, null, NftExpr.ABSENT, 0, NftExpr.ABSENT, List.of(), 0);
        String type = null;
        int hook = NftExpr.ABSENT, prio = 0, policy = NftExpr.ABSENT;
        boolean prioSet = false;
        List<String> devices = new ArrayList<>();
        while (!t.accept("}")) {
            String k = t.next("'}'");
            switch (k) {
                case ";" -> { }
                case "type" -> {
                    type = t.next("chain type");
                    if (!List.of("filter", "nat", "route").contains(type)) throw new UsageException("unknown chain type '" + type + "': filter, nat, route");
                }
                case "hook" -> {
                    String h = t.next("hook");
                    if (family == NFPROTO_NETDEV) {
                        hook = switch (h) {
                            case "ingress" -> NF_NETDEV_INGRESS;
                            case "egress" -> NF_NETDEV_EGRESS;
                            default -> throw new UsageException("unknown netdev hook '" + h + "': ingress, egress");
                        };
                    } else {
                        hook = HOOKS.indexOf(h);
                        if (hook < 0) throw new UsageException("unknown hook '" + h + "': " + String.join(", ", HOOKS));
                    }
                }
                case "device" -> devices.add(NftValues.unquote(t.next("device")));
                case "priority" -> {
                    String p = t.next("priority");
                    Integer named = PRIORITIES.get(p);
                    prio = named != null ? named : Words.number(p, Integer.MIN_VALUE, Integer.MAX_VALUE, "priority");
                    prioSet = true;
                }
                case "policy" -> {
                    String p = t.next("policy");
                    policy = switch (p) {
                        case "accept" -> NF_ACCEPT;
                        case "drop" -> NF_DROP;
                        default -> throw new UsageException("unknown policy '" + p + "': accept, drop");
                    };
                }
                default -> throw new UsageException("unknown chain option '" + k + "': type, hook, device, priority, policy");
            }
        }
        if (type == null || hook == NftExpr.ABSENT || !prioSet) throw new UsageException("a base chain needs type, hook and priority");
        return new NftChain(family, table, name, 0, 0, type, hook, prio, policy, devices, 0);
    }

    private static final Map<String, Integer> SET_FLAGS = Map.of("constant", NFT_SET_CONSTANT, "interval", NFT_SET_INTERVAL,
            "timeout", NFT_SET_TIMEOUT, "dynamic", NFT_SET_EVAL);

    static NftSet set(NftTokens t, int family, String table, String name, boolean map) throws UsageException {
        t.expect("{");
        List<String> keyTypes = new ArrayList<>();
        String dataType = null;
        int flags = map ? NFT_SET_MAP : 0;
        long timeout = -1;
        List<String> elementWords = null;
        while (!t.accept("}")) {
            String k = t.next("'}'");
            switch (k) {
                case ";" -> { }
                case "type" -> {
                    keyTypes.add(type(t.next("type")));
                    while (t.accept(".")) keyTypes.add(type(t.next("type")));
                    if (t.accept(":")) {
                        if (!map) throw new UsageException("a set has no data type; use 'map'");
                        dataType = t.next("data type");
                        if (!dataType.equals("verdict")) type(dataType);
                    }
                }
                case "flags" -> {
                    do {
                        String f = t.next("set flag");
                        Integer bit = SET_FLAGS.get(f);
                        if (bit == null) throw new UsageException("unknown set flag '" + f + "': constant, interval, timeout, dynamic");
                        flags |= bit;
                    } while (t.accept(","));
                }
                case "timeout" -> {
                    timeout = duration(t.next("timeout"));
                    flags |= NFT_SET_TIMEOUT;
                }
                case "elements" -> {
                    t.expect("=");
                    t.expect("{");
                    elementWords = new ArrayList<>();
                    int depth = 1;
                    while (depth > 0) {
                        String e = t.next("'}'");
                        if (e.equals("{")) depth++;
                        if (e.equals("}")) depth--;
                        if (depth > 0) elementWords.add(e);
                    }
                    elementWords.add("}");
                }
                default -> throw new UsageException("unknown set option '" + k + "': type, flags, timeout, elements");
            }
        }
        if (keyTypes.isEmpty()) throw new UsageException("a set needs a type");
        if (map && dataType == null) throw new UsageException("a map needs 'type KEY : DATA'");
        int keyLen;
        try {
            keyLen = NftTypes.keyLength(keyTypes);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        int keyOrder = keyTypes.size() == 1 ? NftTypes.byteOrder(keyTypes.get(0)) : 0;
        int dataId = map ? (dataType.equals("verdict") ? NftTypes.VERDICT : NftTypes.id(dataType)) : NftExpr.ABSENT;
        int dataLen = map ? (dataType.equals("verdict") ? 0 : NftTypes.length(dataType)) : NftExpr.ABSENT;
        int dataOrder = map ? (dataType.equals("verdict") ? 0 : NftTypes.byteOrder(dataType)) : -1;
        NftSet set = new NftSet(family, table, name, 0, flags, NftTypes.concat(keyTypes), keyLen, dataId, dataLen, NftExpr.ABSENT,
                NftExpr.ABSENT, NftExpr.ABSENT, timeout, NftExpr.ABSENT, NftTypes.setUserdata(keyOrder, dataOrder), List.of());
        if (elementWords != null) set = set.withElements(elements(new NftTokens(elementWords), set));
        return set;
    }

    private static String type(String name) throws UsageException {
        if (NftTypes.id(name) < 0 || name.equals("verdict") || NftTypes.length(name) <= 0) {
            throw new UsageException("unsupported type '" + name + "': ipv4_addr, ipv6_addr, inet_service, inet_proto, mark, ifname, ether_addr");
        }
        return name;
    }

    /** nft's durations: N with s, m, h or d (or a plain number of seconds), in milliseconds. */
    private static long duration(String s) throws UsageException {
        long mult = 1000;
        String n = s;
        switch (s.isEmpty() ? ' ' : s.charAt(s.length() - 1)) {
            case 's' -> n = s.substring(0, s.length() - 1);
            case 'm' -> {
                n = s.substring(0, s.length() - 1);
                mult = 60_000;
            }
            case 'h' -> {
                n = s.substring(0, s.length() - 1);
                mult = 3_600_000;
            }
            case 'd' -> {
                n = s.substring(0, s.length() - 1);
                mult = 86_400_000;
            }
            default -> { }
        }
        return Words.number(n, 1, Integer.MAX_VALUE, "timeout") * mult;
    }

    /** The elements of a brace list (its '{' taken) for {@code set}: keys, intervals, map data. */
    static List<NftSetElement> elements(NftTokens t, NftSet set) throws UsageException {
        List<String> keyTypes = NftTypes.names(set.keyType());
        if (keyTypes.size() != 1) throw new UsageException("elements of concatenated sets are not supported");
        String type = keyTypes.get(0);
        boolean interval = (set.flags() & NFT_SET_INTERVAL) != 0;
        List<NftSetElement> out = new ArrayList<>();
        Map<String, Boolean> seen = new LinkedHashMap<>();
        while (!t.accept("}")) {
            String k = t.next("'}'");
            if (k.equals(",")) continue;
            NftData data = null;
            if (set.isMap()) {
                t.expect(":");
                String v = t.next("map data");
                if (set.dataType() == NftTypes.VERDICT) {
                    data = switch (v) {
                        case "accept" -> NftData.accept();
                        case "drop" -> NftData.drop();
                        case "return" -> NftData.returnVerdict();
                        case "jump" -> NftData.jump(NftValues.unquote(t.next("chain")));
                        case "goto" -> NftData.goTo(NftValues.unquote(t.next("chain")));
                        default -> throw new UsageException("unknown verdict '" + v + "'");
                    };
                } else {
                    data = new NftData.Value(NftValues.parse(NftTypes.names(set.dataType()).get(0), v));
                }
            }
            if (seen.put(k, true) != null) continue;
            byte[] start, last;
            int slash = k.indexOf('/'), dash = k.indexOf('-');
            if (slash > 0 && (type.equals("ipv4_addr") || type.equals("ipv6_addr"))) {
                start = NftValues.parse(type, k.substring(0, slash));
                int len = Words.number(k.substring(slash + 1), 0, start.length * 8, "prefix length");
                last = start.clone();
                for (int i = 0; i < start.length * 8; i++) {
                    int bit = 0x80 >> (i % 8);
                    if (i < len) continue;
                    start[i / 8] &= (byte) ~bit;
                    last[i / 8] |= (byte) bit;
                }
            } else if (dash > 0 && !type.equals("ifname")) {
                start = NftValues.parse(type, k.substring(0, dash));
                last = NftValues.parse(type, k.substring(dash + 1));
            } else {
                start = NftValues.parse(type, k);
                last = start;
            }
            if (start != last && !interval) throw new UsageException("'" + k + "' is an interval; the set needs flags interval");
            out.add(new NftSetElement(new NftData.Value(start), null, data, 0, -1, -1, null, null));
            if (interval) {
                byte[] end = plusOne(last);
                // the last interval reaching the top of the key space has no end element
                if (end != null) out.add(new NftSetElement(new NftData.Value(end), null, null, NFT_SET_ELEM_INTERVAL_END, -1, -1, null, null));
            }
        }
        if (out.isEmpty()) throw new UsageException("no elements");
        return out;
    }

    private static byte[] plusOne(byte[] b) {
        byte[] r = b.clone();
        for (int i = r.length - 1; i >= 0; i--) {
            if (++r[i] != 0) return r;
        }
        return null;
    }

}
