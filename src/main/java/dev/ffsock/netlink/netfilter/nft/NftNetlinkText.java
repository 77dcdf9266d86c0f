package dev.ffsock.netlink.netfilter.nft;

import static dev.ffsock.netlink.netfilter.nft.Nft.*;
import static dev.ffsock.netlink.netfilter.nft.NftExpr.ABSENT;

import java.util.List;

/**
 * Prints rules, expressions and set elements the way {@code nft --debug=netlink list ruleset}
 * prints them (libnftnl's default output), e.g. {@code [ payload load 4b @ network header + 12 => reg 1 ]},
 * {@code [ cmp eq reg 1 0x00001600 ]}, {@code [ immediate reg 0 accept ]}. Register values are
 * printed as libnftnl does: 32-bit words read in host (little-endian) order. An expression ffsock
 * does not decode ({@link NftExpr.Unknown}) prints as {@code [ NAME (N bytes not decoded) ]}, where
 * nft would print its fields.
 */
public final class NftNetlinkText {
    private NftNetlinkText() {
    }

    private static final String[] META_KEYS = {"len", "protocol", "priority", "mark", "iif", "oif", "iifname", "oifname",
        "iiftype", "oiftype", "skuid", "skgid", "nftrace", "rtclassid", "secmark", "nfproto", "l4proto", "bri_iifname",
        "bri_oifname", "pkttype", "cpu", "iifgroup", "oifgroup", "cgroup", "prandom", "secpath", "iifkind", "oifkind",
        "bri_iifpvid", "bri_iifvproto", "time", "day", "hour", "sdif", "sdifname"};
    private static final String[] CT_KEYS = {"state", "direction", "status", "mark", "secmark", "expiration", "helper",
        "l3protocol", "src", "dst", "protocol", "proto_src", "proto_dst", "label", "packets", "bytes", "avgpkt", "zone",
        "event", "src_ip", "dst_ip", "src_ip6", "dst_ip6", "id"};
    private static final String[] CMP_OPS = {"eq", "neq", "lt", "lte", "gt", "gte"};
    private static final String[] BASES = {"link", "network", "transport", "inner"};

    /**
     * {@return the name nft gives an NFPROTO_* family: "ip", "ip6", "inet", "arp", "bridge", "netdev", else "unknown"}
     *
     * @param family the family
     */
    public static String familyName(int family) {
        return switch (family) {
            case NFPROTO_INET -> "inet";
            case NFPROTO_IPV4 -> "ip";
            case NFPROTO_ARP -> "arp";
            case NFPROTO_NETDEV -> "netdev";
            case NFPROTO_BRIDGE -> "bridge";
            case NFPROTO_IPV6 -> "ip6";
            default -> "unknown";
        };
    }

    /**
     * {@return the NFPROTO_* family nft means by a name, or -1}
     *
     * @param name "ip", "ip6", "inet", "arp", "bridge" or "netdev"
     */
    public static int family(String name) {
        for (int f : new int[] {NFPROTO_INET, NFPROTO_IPV4, NFPROTO_ARP, NFPROTO_NETDEV, NFPROTO_BRIDGE, NFPROTO_IPV6}) {
            if (familyName(f).equals(name)) return f;
        }
        return -1;
    }

    /**
     * {@return libnftnl's name of a verdict code: "accept", "drop", "jump", … or "unknown"}
     *
     * @param code the verdict code
     */
    public static String verdictName(int code) {
        return switch (code) {
            case NF_ACCEPT -> "accept";
            case NF_DROP -> "drop";
            case NF_STOLEN -> "stolen";
            case NF_QUEUE -> "queue";
            case NF_REPEAT -> "repeat";
            case NF_STOP -> "stop";
            case NFT_RETURN -> "return";
            case NFT_JUMP -> "jump";
            case NFT_GOTO -> "goto";
            case NFT_CONTINUE -> "continue";
            case NFT_BREAK -> "break";
            default -> "unknown";
        };
    }

    /**
     * A rule as nft prints it: the line {@code FAMILY TABLE CHAIN HANDLE [POSITION]}, then one line
     * {@code   [ NAME … ]} per expression, then {@code   userdata = { … }} when the rule has user data.
     * Lines end with '\n' (the last one too).
     *
     * @param r the rule
     * @return the text
     */
    public static String rule(NftRule r) {
        StringBuilder b = new StringBuilder();
        b.append(familyName(r.family())).append(' ').append(r.table()).append(' ').append(r.chain());
        if (r.handle() != 0) b.append(' ').append(Long.toUnsignedString(r.handle()));
        if (r.position() != 0) b.append(' ').append(Long.toUnsignedString(r.position()));
        b.append('\n');
        for (NftExpr e : r.exprs()) b.append("  ").append(expression(e)).append('\n');
        byte[] u = r.userdata();
        if (u != null && u.length > 0) b.append("  userdata = { ").append(printable(u)).append(" }\n");
        return b.toString();
    }

    /**
     * {@return the lines nft prints for a set's elements: {@code FAMILY TABLE @NAME}, then
     * {@code \telement KEY  : DATA FLAGS [end]} per element, each ending with '\n'}
     *
     * @param s the set, with its elements
     */
    public static String setElements(NftSet s) {
        StringBuilder b = new StringBuilder();
        b.append(familyName(s.family())).append(' ').append(s.table()).append(" @").append(s.name()).append('\n');
        for (NftSetElement e : s.elements()) {
            b.append("\telement ");
            words(b, e.key(), "");
            if (e.keyEnd() != null) {
                b.append(" - ");
                words(b, e.keyEnd(), "");
            }
            b.append(" : ");
            if (e.data() instanceof NftData.Value v) words(b, v, "");
            else if (e.data() instanceof NftData.Verdict v) verdict(b, v);
            b.append(Integer.toUnsignedString(e.flags())).append(" [end]");
            byte[] u = e.userdata();
            if (u != null && u.length > 0) b.append("  userdata = { ").append(printable(u)).append(" }");
            b.append('\n');
        }
        return b.toString();
    }

    /**
     * {@return one expression as nft prints it, e.g. {@code [ cmp eq reg 1 0x00000006 ]}}
     *
     * @param e the expression
     */
    public static String expression(NftExpr e) {
        StringBuilder b = new StringBuilder("[ ").append(e.name()).append(' ');
        body(b, e);
        return b.append(']').toString();
    }

    private static void body(StringBuilder b, NftExpr e) {
        switch (e) {
            case NftExpr.Meta m -> {
                if (m.sreg() != ABSENT) b.append("set ").append(name(META_KEYS, m.key())).append(" with reg ").append(u(m.sreg())).append(' ');
                else if (m.dreg() != ABSENT) b.append("load ").append(name(META_KEYS, m.key())).append(" => reg ").append(u(m.dreg())).append(' ');
            }
            case NftExpr.Payload p -> {
                if (p.sreg() > 0) {
                    b.append("write reg ").append(u(p.sreg())).append(" => ").append(u(p.len())).append("b @ ")
                            .append(name(BASES, p.base())).append(" header + ").append(u(p.offset())).append(" csum_type ")
                            .append(u0(p.csumType())).append(" csum_off ").append(u0(p.csumOffset())).append(" csum_flags 0x")
                            .append(Integer.toHexString(p.csumFlags() == ABSENT ? 0 : p.csumFlags())).append(' ');
                } else {
                    b.append("load ").append(u0(p.len())).append("b @ ").append(name(BASES, p.base())).append(" header + ")
                            .append(u0(p.offset())).append(" => reg ").append(u0(p.dreg())).append(' ');
                }
            }
            case NftExpr.Cmp c -> {
                b.append(name(CMP_OPS, c.op())).append(" reg ").append(u0(c.sreg())).append(' ');
                words(b, c.data(), "0x");
            }
            case NftExpr.Immediate i -> {
                b.append("reg ").append(u0(i.dreg())).append(' ');
                if (i.data() instanceof NftData.Value v) words(b, v, "0x");
                else verdict(b, (NftData.Verdict) i.data());
            }
            case NftExpr.Bitwise w -> {
                int op = w.op() == ABSENT ? NFT_BITWISE_BOOL : w.op();
                if (op == NFT_BITWISE_BOOL) {
                    b.append("reg ").append(u0(w.dreg())).append(" = ( reg ").append(u0(w.sreg())).append(" & ");
                    words(b, w.mask(), "0x");
                    b.append(") ^ ");
                    words(b, w.xor(), "0x");
                } else if (op == NFT_BITWISE_LSHIFT || op == NFT_BITWISE_RSHIFT) {
                    b.append("reg ").append(u0(w.dreg())).append(" = ( reg ").append(u0(w.sreg()))
                            .append(op == NFT_BITWISE_LSHIFT ? " << " : " >> ");
                    words(b, w.data(), "0x");
                    b.append(") ");
                }
            }
            case NftExpr.Counter c -> b.append("pkts ").append(Long.toUnsignedString(c.packets())).append(" bytes ")
                    .append(Long.toUnsignedString(c.bytes())).append(' ');
            case NftExpr.Ct c -> {
                if (c.sreg() != ABSENT) b.append("set ").append(ctKey(c.key())).append(" with reg ").append(u(c.sreg())).append(' ');
                if (c.dreg() != ABSENT) b.append("load ").append(ctKey(c.key())).append(" => reg ").append(u(c.dreg())).append(' ');
                if (c.direction() != ABSENT) {
                    b.append(", dir ").append(c.direction() == 0 ? "original" : c.direction() == 1 ? "reply" : "unknown").append(' ');
                }
            }
            case NftExpr.Lookup l -> {
                b.append("reg ").append(u0(l.sreg())).append(" set ").append(l.set()).append(' ');
                if (l.dreg() != ABSENT) b.append("dreg ").append(u(l.dreg())).append(' ');
                if (l.flags() != ABSENT) b.append("0x").append(Integer.toHexString(l.flags())).append(' ');
            }
            case NftExpr.Nat n -> {
                b.append(n.type() == NFT_NAT_SNAT ? "snat" : n.type() == NFT_NAT_DNAT ? "dnat" : "unknown").append(' ')
                        .append(familyName(n.family())).append(' ');
                if (n.regAddrMin() != ABSENT) b.append("addr_min reg ").append(u(n.regAddrMin())).append(' ');
                if (n.regAddrMax() != ABSENT) b.append("addr_max reg ").append(u(n.regAddrMax())).append(' ');
                if (n.regProtoMin() != ABSENT) b.append("proto_min reg ").append(u(n.regProtoMin())).append(' ');
                if (n.regProtoMax() != ABSENT) b.append("proto_max reg ").append(u(n.regProtoMax())).append(' ');
                if (n.flags() != ABSENT) b.append("flags 0x").append(Integer.toHexString(n.flags())).append(' ');
            }
            case NftExpr.Limit l -> b.append("rate ").append(Long.toUnsignedString(l.rate())).append('/').append(unit(l.unit()))
                    .append(" burst ").append(Integer.toUnsignedString(l.burst())).append(" type ")
                    .append(l.type() == NFT_LIMIT_PKT_BYTES ? "bytes" : "packets").append(" flags 0x")
                    .append(Integer.toHexString(l.flags())).append(' ');
            case NftExpr.Log l -> log(b, l);
            case NftExpr.Reject r -> b.append("type ").append(Integer.toUnsignedString(r.type())).append(" code ").append(r.code()).append(' ');
            case NftExpr.Range r -> {
                b.append(r.op() == NFT_RANGE_EQ ? "eq" : r.op() == NFT_RANGE_NEQ ? "neq" : "unknown").append(" reg ").append(u0(r.sreg())).append(' ');
                words(b, r.from(), "0x");
                words(b, r.to(), "0x");
            }
            case NftExpr.Masq m -> {
                if (m.regProtoMin() != ABSENT) b.append("proto_min reg ").append(u(m.regProtoMin())).append(' ');
                if (m.regProtoMax() != ABSENT) b.append("proto_max reg ").append(u(m.regProtoMax())).append(' ');
                if (m.flags() != ABSENT) b.append("flags 0x").append(Integer.toHexString(m.flags())).append(' ');
            }
            case NftExpr.Redir r -> {
                if (r.regProtoMin() != ABSENT) b.append("proto_min reg ").append(u(r.regProtoMin())).append(' ');
                if (r.regProtoMax() != ABSENT) b.append("proto_max reg ").append(u(r.regProtoMax())).append(' ');
                if (r.flags() != ABSENT) b.append("flags 0x").append(Integer.toHexString(r.flags())).append(' ');
            }
            case NftExpr.Quota q -> b.append("bytes ").append(Long.toUnsignedString(q.bytes())).append(" consumed ")
                    .append(Long.toUnsignedString(q.consumed())).append(" flags ").append(Integer.toUnsignedString(q.flags())).append(' ');
            case NftExpr.Byteorder o -> b.append("reg ").append(u0(o.dreg())).append(" = ")
                    .append(o.op() == NFT_BYTEORDER_NTOH ? "ntoh" : o.op() == NFT_BYTEORDER_HTON ? "hton" : "unknown")
                    .append("(reg ").append(u0(o.sreg())).append(", ").append(u0(o.size())).append(", ").append(u0(o.len())).append(") ");
            case NftExpr.Exthdr x -> exthdr(b, x);
            case NftExpr.Fib f -> fib(b, f);
            case NftExpr.Notrack n -> { }
            case NftExpr.Objref o -> {
                if (o.setSreg() != ABSENT) b.append("sreg ").append(u(o.setSreg())).append(" set ").append(o.setName()).append(' ');
                else b.append("type ").append(u0(o.type())).append(" name ").append(o.objName()).append(' ');
            }
            case NftExpr.Dynset d -> {
                String[] ops = {"add", "update", "delete"};
                b.append(name(ops, d.op())).append(" reg_key ").append(u0(d.sregKey())).append(" set ").append(d.set()).append(' ');
                if (d.sregData() != ABSENT) b.append("sreg_data ").append(u(d.sregData())).append(' ');
                if (d.timeout() != ABSENT) b.append("timeout ").append(Long.toUnsignedString(d.timeout())).append("ms ");
                for (NftExpr inner : d.exprs()) {
                    b.append("expr [ ").append(inner.name()).append(' ');
                    body(b, inner);
                    b.append("] ");
                }
            }
            case NftExpr.Unknown x -> b.append("(").append(x.data().length).append(" bytes not decoded) ");
        }
    }

    private static void log(StringBuilder b, NftExpr.Log l) {
        if (l.prefix() != null) b.append("prefix ").append(l.prefix()).append(' ');
        if (l.group() != ABSENT) {
            b.append("group ").append(l.group()).append(" snaplen ").append(u0(l.snaplen())).append(" qthreshold ")
                    .append(u0(l.qthreshold())).append(' ');
            return;
        }
        if (l.level() != ABSENT) b.append("level ").append(u(l.level())).append(' ');
        if (l.flags() != ABSENT) {
            int f = l.flags();
            if ((f & 0x01) != 0) b.append("tcpseq ");
            if ((f & 0x02) != 0) b.append("tcpopt ");
            if ((f & 0x04) != 0) b.append("ipopt ");
            if ((f & 0x08) != 0) b.append("uid ");
            if ((f & 0x20) != 0) b.append("macdecode ");
        }
    }

    private static void exthdr(StringBuilder b, NftExpr.Exthdr x) {
        String op = switch (x.op()) {
            case NFT_EXTHDR_OP_TCPOPT -> " tcpopt";
            case NFT_EXTHDR_OP_IPV6 -> " ipv6";
            case NFT_EXTHDR_OP_IPV4 -> " ipv4";
            default -> "";
        };
        if (x.dreg() != ABSENT) {
            b.append("load").append(op).append(' ').append(u0(x.len())).append("b @ ").append(u0(x.type())).append(" + ")
                    .append(u0(x.offset())).append(x.flags() != ABSENT && (x.flags() & NFT_EXTHDR_F_PRESENT) != 0 ? " present" : "")
                    .append(" => reg ").append(u(x.dreg())).append(' ');
        } else if (x.sreg() != ABSENT) {
            b.append("write").append(op).append(" reg ").append(u(x.sreg())).append(" => ").append(u0(x.len())).append("b @ ")
                    .append(u0(x.type())).append(" + ").append(u0(x.offset())).append(' ');
        } else if (x.op() == NFT_EXTHDR_OP_TCPOPT && x.len() <= 0) {
            b.append("reset tcpopt ").append(u0(x.type())).append(' ');
        } else {
            b.append("op ").append(u0(x.op())).append(" len ").append(u0(x.len())).append(" type ").append(u0(x.type()))
                    .append(" offset ").append(u0(x.offset())).append(' ');
        }
    }

    private static void fib(StringBuilder b, NftExpr.Fib f) {
        int flags = f.flags() & ~NFTA_FIB_F_PRESENT;
        boolean present = (f.flags() & NFTA_FIB_F_PRESENT) != 0;
        int[] bits = {NFTA_FIB_F_SADDR, NFTA_FIB_F_DADDR, NFTA_FIB_F_MARK, NFTA_FIB_F_IIF, NFTA_FIB_F_OIF};
        String[] names = {"saddr", "daddr", "mark", "iif", "oif"};
        for (int i = 0; i < bits.length; i++) {
            if ((flags & bits[i]) != 0) {
                b.append(names[i]).append(' ');
                flags &= ~bits[i];
                if (flags != 0) b.append(". ");
            }
        }
        if (flags != 0) b.append("unknown 0x").append(Integer.toHexString(flags));
        String result = switch (f.result()) {
            case NFT_FIB_RESULT_OIF -> "oif";
            case NFT_FIB_RESULT_OIFNAME -> "oifname";
            case NFT_FIB_RESULT_ADDRTYPE -> "type";
            default -> f.result() == NFT_FIB_RESULT_UNSPEC ? "(null)" : "unknown";
        };
        b.append(result).append(present ? " present" : "").append(" => reg ").append(f.dreg()).append(' ');
    }

    private static String unit(long seconds) {
        if (seconds == 1) return "second";
        if (seconds == 60) return "minute";
        if (seconds == 3600) return "hour";
        if (seconds == 86400) return "day";
        if (seconds == 604800) return "week";
        return "error";
    }

    private static String ctKey(int key) {
        // libnftnl answers "unknown" from NFT_CT_MAX on (its table stops one short).
        return key >= 0 && key < CT_KEYS.length - 1 ? CT_KEYS[key] : "unknown";
    }

    private static String name(String[] names, int i) {
        return i >= 0 && i < names.length ? names[i] : "unknown";
    }

    private static void verdict(StringBuilder b, NftData.Verdict v) {
        b.append(verdictName(v.code())).append(' ');
        if (v.chain() != null) b.append("-> ").append(v.chain()).append(' ');
    }

    /** libnftnl's value print: each 32-bit word (host order, zero-padded) as {@code %.8x} and a space. */
    private static void words(StringBuilder b, NftData.Value v, String prefix) {
        if (v == null) return;
        byte[] d = v.bytes();
        for (int i = 0; i < d.length; i += 4) {
            long word = 0;
            for (int k = 0; k < 4 && i + k < d.length; k++) word |= (long) (d[i + k] & 0xff) << (8 * k);
            b.append(prefix).append(String.format("%08x", word)).append(' ');
        }
    }

    private static String printable(byte[] u) {
        StringBuilder b = new StringBuilder();
        for (byte x : u) {
            int c = x & 0xff;
            if (c >= 0x20 && c < 0x7f) b.append((char) c);
            else b.append(String.format("\\x%02x", c));
        }
        return b.toString();
    }

    private static String u(int v) {
        return Integer.toUnsignedString(v);
    }

    /** An absent number prints as libnftnl's zero-initialised field does. */
    private static String u0(int v) {
        return v == ABSENT ? "0" : Integer.toUnsignedString(v);
    }

    /**
     * {@return the text of a whole listing as nft prints it: every set's elements, then every rule}
     *
     * @param sets  the sets with their elements
     * @param rules the rules
     */
    public static String ruleset(List<NftSet> sets, List<NftRule> rules) {
        StringBuilder b = new StringBuilder();
        for (NftSet s : sets) b.append(setElements(s));
        for (NftRule r : rules) {
            String text = rule(r);
            b.append(text);
            // libnftnl ends the userdata line without a newline and nft adds one; a rule without
            // user data therefore ends with an empty line.
            if (r.userdata() == null || r.userdata().length == 0) b.append('\n');
        }
        return b.toString();
    }
}
