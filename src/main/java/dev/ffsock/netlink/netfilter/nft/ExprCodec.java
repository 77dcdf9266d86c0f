package dev.ffsock.netlink.netfilter.nft;

import static dev.ffsock.netlink.netfilter.nft.Nft.*;
import static dev.ffsock.netlink.netfilter.nft.NftExpr.ABSENT;

import dev.ffsock.netlink.Attributes;
import dev.ffsock.netlink.NetlinkFormatException;
import dev.ffsock.netlink.PayloadWriter;

import java.util.ArrayList;
import java.util.List;

/**
 * Bytes to {@link NftExpr} and back: an expression list (NFTA_RULE_EXPRESSIONS, a run of
 * NFTA_LIST_ELEM each holding NFTA_EXPR_NAME and NFTA_EXPR_DATA) and data registers
 * (NFTA_DATA_VALUE, NFTA_DATA_VERDICT). Pure; a malformed attribute throws {@link NetlinkFormatException}.
 */
final class ExprCodec {
    private ExprCodec() {
    }

    /** Nesting limit for expressions inside expressions (dynset); the kernel allows one level. */
    private static final int MAX_DEPTH = 4;

    // ---- decoding ------------------------------------------------------------------------------

    static List<NftExpr> decodeList(Attributes list) {
        return decodeList(list, 0);
    }

    private static List<NftExpr> decodeList(Attributes list, int depth) {
        List<NftExpr> out = new ArrayList<>();
        while (list.next()) {
            if (list.type() == NFTA_LIST_ELEM) out.add(decodeOne(list.nested(), depth));
        }
        return out;
    }

    /** One NFTA_LIST_ELEM's content (also the content of NFTA_DYNSET_EXPR). */
    private static NftExpr decodeOne(Attributes a, int depth) {
        if (depth > MAX_DEPTH) throw new NetlinkFormatException("expressions nested too deep", 0);
        String name = null;
        Attributes data = null;
        byte[] raw = new byte[0];
        while (a.next()) {
            switch (a.type()) {
                case NFTA_EXPR_NAME -> name = a.string();
                case NFTA_EXPR_DATA -> {
                    data = a.nested();
                    raw = a.bytes();
                }
                default -> { }
            }
        }
        if (name == null) throw new NetlinkFormatException("expression without NFTA_EXPR_NAME", 0);
        if (data == null) data = Attributes.of(java.lang.foreign.MemorySegment.ofArray(new byte[0]));
        return switch (name) {
            case "meta" -> meta(data);
            case "payload" -> payload(data);
            case "cmp" -> cmp(data);
            case "immediate" -> immediate(data);
            case "bitwise" -> bitwise(data);
            case "counter" -> counter(data);
            case "ct" -> ct(data);
            case "lookup" -> lookup(data);
            case "nat" -> nat(data);
            case "limit" -> limit(data);
            case "log" -> log(data);
            case "reject" -> reject(data);
            case "range" -> range(data);
            case "masq" -> masq(data);
            case "redir" -> redir(data);
            case "quota" -> quota(data);
            case "byteorder" -> byteorder(data);
            case "exthdr" -> exthdr(data);
            case "fib" -> fib(data);
            case "notrack" -> new NftExpr.Notrack();
            case "objref" -> objref(data);
            case "dynset" -> dynset(data, depth);
            default -> new NftExpr.Unknown(name, raw);
        };
    }

    private static NftExpr meta(Attributes a) {
        int key = ABSENT, dreg = ABSENT, sreg = ABSENT;
        while (a.next()) {
            switch (a.type()) {
                case NFTA_META_KEY -> key = a.be32();
                case NFTA_META_DREG -> dreg = a.be32();
                case NFTA_META_SREG -> sreg = a.be32();
                default -> { }
            }
        }
        return new NftExpr.Meta(key, dreg, sreg);
    }

    private static NftExpr payload(Attributes a) {
        int dreg = ABSENT, base = ABSENT, off = ABSENT, len = ABSENT, sreg = ABSENT, ct = ABSENT, co = ABSENT, cf = ABSENT;
        while (a.next()) {
            switch (a.type()) {
                case NFTA_PAYLOAD_DREG -> dreg = a.be32();
                case NFTA_PAYLOAD_BASE -> base = a.be32();
                case NFTA_PAYLOAD_OFFSET -> off = a.be32();
                case NFTA_PAYLOAD_LEN -> len = a.be32();
                case NFTA_PAYLOAD_SREG -> sreg = a.be32();
                case NFTA_PAYLOAD_CSUM_TYPE -> ct = a.be32();
                case NFTA_PAYLOAD_CSUM_OFFSET -> co = a.be32();
                case NFTA_PAYLOAD_CSUM_FLAGS -> cf = a.be32();
                default -> { }
            }
        }
        return new NftExpr.Payload(dreg, base, off, len, sreg, ct, co, cf);
    }

    private static NftExpr cmp(Attributes a) {
        int sreg = ABSENT, op = ABSENT;
        NftData.Value data = null;
        while (a.next()) {
            switch (a.type()) {
                case NFTA_CMP_SREG -> sreg = a.be32();
                case NFTA_CMP_OP -> op = a.be32();
                case NFTA_CMP_DATA -> data = value(a);
                default -> { }
            }
        }
        if (data == null) throw new NetlinkFormatException("cmp without NFTA_CMP_DATA", 0);
        return new NftExpr.Cmp(sreg, op, data);
    }

    private static NftExpr immediate(Attributes a) {
        int dreg = ABSENT;
        NftData data = null;
        while (a.next()) {
            switch (a.type()) {
                case NFTA_IMMEDIATE_DREG -> dreg = a.be32();
                case NFTA_IMMEDIATE_DATA -> data = data(a.nested());
                default -> { }
            }
        }
        if (data == null) throw new NetlinkFormatException("immediate without NFTA_IMMEDIATE_DATA", 0);
        return new NftExpr.Immediate(dreg, data);
    }

    private static NftExpr bitwise(Attributes a) {
        int sreg = ABSENT, dreg = ABSENT, len = ABSENT, op = ABSENT;
        NftData.Value mask = null, xor = null, data = null;
        while (a.next()) {
            switch (a.type()) {
                case NFTA_BITWISE_SREG -> sreg = a.be32();
                case NFTA_BITWISE_DREG -> dreg = a.be32();
                case NFTA_BITWISE_LEN -> len = a.be32();
                case NFTA_BITWISE_OP -> op = a.be32();
                case NFTA_BITWISE_MASK -> mask = value(a);
                case NFTA_BITWISE_XOR -> xor = value(a);
                case NFTA_BITWISE_DATA -> data = value(a);
                default -> { }
            }
        }
        return new NftExpr.Bitwise(sreg, dreg, len, op, mask, xor, data);
    }

    private static NftExpr counter(Attributes a) {
        long packets = 0, bytes = 0;
        while (a.next()) {
            switch (a.type()) {
                case NFTA_COUNTER_PACKETS -> packets = a.be64();
                case NFTA_COUNTER_BYTES -> bytes = a.be64();
                default -> { }
            }
        }
        return new NftExpr.Counter(packets, bytes);
    }

    private static NftExpr ct(Attributes a) {
        int key = ABSENT, dreg = ABSENT, sreg = ABSENT, dir = ABSENT;
        while (a.next()) {
            switch (a.type()) {
                case NFTA_CT_KEY -> key = a.be32();
                case NFTA_CT_DREG -> dreg = a.be32();
                case NFTA_CT_SREG -> sreg = a.be32();
                case NFTA_CT_DIRECTION -> dir = a.u8();
                default -> { }
            }
        }
        return new NftExpr.Ct(key, dreg, sreg, dir);
    }

    private static NftExpr lookup(Attributes a) {
        String set = null;
        int id = ABSENT, sreg = ABSENT, dreg = ABSENT, flags = ABSENT;
        while (a.next()) {
            switch (a.type()) {
                case NFTA_LOOKUP_SET -> set = a.string();
                case NFTA_LOOKUP_SET_ID -> id = a.be32();
                case NFTA_LOOKUP_SREG -> sreg = a.be32();
                case NFTA_LOOKUP_DREG -> dreg = a.be32();
                case NFTA_LOOKUP_FLAGS -> flags = a.be32();
                default -> { }
            }
        }
        return new NftExpr.Lookup(set == null ? "" : set, id, sreg, dreg, flags);
    }

    private static NftExpr nat(Attributes a) {
        int type = ABSENT, family = ABSENT, amin = ABSENT, amax = ABSENT, pmin = ABSENT, pmax = ABSENT, flags = ABSENT;
        while (a.next()) {
            switch (a.type()) {
                case NFTA_NAT_TYPE -> type = a.be32();
                case NFTA_NAT_FAMILY -> family = a.be32();
                case NFTA_NAT_REG_ADDR_MIN -> amin = a.be32();
                case NFTA_NAT_REG_ADDR_MAX -> amax = a.be32();
                case NFTA_NAT_REG_PROTO_MIN -> pmin = a.be32();
                case NFTA_NAT_REG_PROTO_MAX -> pmax = a.be32();
                case NFTA_NAT_FLAGS -> flags = a.be32();
                default -> { }
            }
        }
        return new NftExpr.Nat(type, family, amin, amax, pmin, pmax, flags);
    }

    private static NftExpr limit(Attributes a) {
        long rate = 0, unit = 0;
        int burst = 0, type = 0, flags = 0;
        while (a.next()) {
            switch (a.type()) {
                case NFTA_LIMIT_RATE -> rate = a.be64();
                case NFTA_LIMIT_UNIT -> unit = a.be64();
                case NFTA_LIMIT_BURST -> burst = a.be32();
                case NFTA_LIMIT_TYPE -> type = a.be32();
                case NFTA_LIMIT_FLAGS -> flags = a.be32();
                default -> { }
            }
        }
        return new NftExpr.Limit(rate, unit, burst, type, flags);
    }

    private static NftExpr log(Attributes a) {
        String prefix = null;
        int group = ABSENT, snaplen = ABSENT, qthreshold = ABSENT, level = ABSENT, flags = ABSENT;
        while (a.next()) {
            switch (a.type()) {
                case NFTA_LOG_PREFIX -> prefix = a.string();
                case NFTA_LOG_GROUP -> group = a.be16();
                case NFTA_LOG_SNAPLEN -> snaplen = a.be32();
                case NFTA_LOG_QTHRESHOLD -> qthreshold = a.be16();
                case NFTA_LOG_LEVEL -> level = a.be32();
                case NFTA_LOG_FLAGS -> flags = a.be32();
                default -> { }
            }
        }
        return new NftExpr.Log(prefix, group, snaplen, qthreshold, level, flags);
    }

    private static NftExpr reject(Attributes a) {
        int type = 0, code = 0;
        while (a.next()) {
            switch (a.type()) {
                case NFTA_REJECT_TYPE -> type = a.be32();
                case NFTA_REJECT_ICMP_CODE -> code = a.u8();
                default -> { }
            }
        }
        return new NftExpr.Reject(type, code);
    }

    private static NftExpr range(Attributes a) {
        int sreg = ABSENT, op = ABSENT;
        NftData.Value from = null, to = null;
        while (a.next()) {
            switch (a.type()) {
                case NFTA_RANGE_SREG -> sreg = a.be32();
                case NFTA_RANGE_OP -> op = a.be32();
                case NFTA_RANGE_FROM_DATA -> from = value(a);
                case NFTA_RANGE_TO_DATA -> to = value(a);
                default -> { }
            }
        }
        if (from == null || to == null) throw new NetlinkFormatException("range without both ends", 0);
        return new NftExpr.Range(sreg, op, from, to);
    }

    private static NftExpr masq(Attributes a) {
        int flags = ABSENT, pmin = ABSENT, pmax = ABSENT;
        while (a.next()) {
            switch (a.type()) {
                case NFTA_MASQ_FLAGS -> flags = a.be32();
                case NFTA_MASQ_REG_PROTO_MIN -> pmin = a.be32();
                case NFTA_MASQ_REG_PROTO_MAX -> pmax = a.be32();
                default -> { }
            }
        }
        return new NftExpr.Masq(flags, pmin, pmax);
    }

    private static NftExpr redir(Attributes a) {
        int flags = ABSENT, pmin = ABSENT, pmax = ABSENT;
        while (a.next()) {
            switch (a.type()) {
                case NFTA_REDIR_FLAGS -> flags = a.be32();
                case NFTA_REDIR_REG_PROTO_MIN -> pmin = a.be32();
                case NFTA_REDIR_REG_PROTO_MAX -> pmax = a.be32();
                default -> { }
            }
        }
        return new NftExpr.Redir(pmin, pmax, flags);
    }

    private static NftExpr quota(Attributes a) {
        long bytes = 0, consumed = 0;
        int flags = 0;
        while (a.next()) {
            switch (a.type()) {
                case NFTA_QUOTA_BYTES -> bytes = a.be64();
                case NFTA_QUOTA_CONSUMED -> consumed = a.be64();
                case NFTA_QUOTA_FLAGS -> flags = a.be32();
                default -> { }
            }
        }
        return new NftExpr.Quota(bytes, consumed, flags);
    }

    private static NftExpr byteorder(Attributes a) {
        int sreg = ABSENT, dreg = ABSENT, op = ABSENT, len = ABSENT, size = ABSENT;
        while (a.next()) {
            switch (a.type()) {
                case NFTA_BYTEORDER_SREG -> sreg = a.be32();
                case NFTA_BYTEORDER_DREG -> dreg = a.be32();
                case NFTA_BYTEORDER_OP -> op = a.be32();
                case NFTA_BYTEORDER_LEN -> len = a.be32();
                case NFTA_BYTEORDER_SIZE -> size = a.be32();
                default -> { }
            }
        }
        return new NftExpr.Byteorder(sreg, dreg, op, len, size);
    }

    private static NftExpr exthdr(Attributes a) {
        int dreg = ABSENT, type = ABSENT, off = ABSENT, len = ABSENT, flags = ABSENT, op = ABSENT, sreg = ABSENT;
        while (a.next()) {
            switch (a.type()) {
                case NFTA_EXTHDR_DREG -> dreg = a.be32();
                case NFTA_EXTHDR_TYPE -> type = a.u8();
                case NFTA_EXTHDR_OFFSET -> off = a.be32();
                case NFTA_EXTHDR_LEN -> len = a.be32();
                case NFTA_EXTHDR_FLAGS -> flags = a.be32();
                case NFTA_EXTHDR_OP -> op = a.be32();
                case NFTA_EXTHDR_SREG -> sreg = a.be32();
                default -> { }
            }
        }
        return new NftExpr.Exthdr(dreg, type, off, len, flags, op, sreg);
    }

    private static NftExpr fib(Attributes a) {
        int dreg = ABSENT, result = ABSENT, flags = 0;
        while (a.next()) {
            switch (a.type()) {
                case NFTA_FIB_DREG -> dreg = a.be32();
                case NFTA_FIB_RESULT -> result = a.be32();
                case NFTA_FIB_FLAGS -> flags = a.be32();
                default -> { }
            }
        }
        return new NftExpr.Fib(dreg, result, flags);
    }

    private static NftExpr objref(Attributes a) {
        int type = ABSENT, sreg = ABSENT, id = ABSENT;
        String name = null, set = null;
        while (a.next()) {
            switch (a.type()) {
                case NFTA_OBJREF_IMM_TYPE -> type = a.be32();
                case NFTA_OBJREF_IMM_NAME -> name = a.string();
                case NFTA_OBJREF_SET_SREG -> sreg = a.be32();
                case NFTA_OBJREF_SET_NAME -> set = a.string();
                case NFTA_OBJREF_SET_ID -> id = a.be32();
                default -> { }
            }
        }
        return new NftExpr.Objref(type, name, sreg, set, id);
    }

    private static NftExpr dynset(Attributes a, int depth) {
        String set = null;
        int id = ABSENT, op = ABSENT, skey = ABSENT, sdata = ABSENT, flags = ABSENT;
        long timeout = ABSENT;
        List<NftExpr> exprs = new ArrayList<>();
        while (a.next()) {
            switch (a.type()) {
                case NFTA_DYNSET_SET_NAME -> set = a.string();
                case NFTA_DYNSET_SET_ID -> id = a.be32();
                case NFTA_DYNSET_OP -> op = a.be32();
                case NFTA_DYNSET_SREG_KEY -> skey = a.be32();
                case NFTA_DYNSET_SREG_DATA -> sdata = a.be32();
                case NFTA_DYNSET_TIMEOUT -> timeout = a.be64();
                case NFTA_DYNSET_FLAGS -> flags = a.be32();
                case NFTA_DYNSET_EXPR -> exprs.add(decodeOne(a.nested(), depth + 1));
                case NFTA_DYNSET_EXPRESSIONS -> exprs.addAll(decodeList(a.nested(), depth + 1));
                default -> { }
            }
        }
        return new NftExpr.Dynset(set == null ? "" : set, id, op, skey, sdata, timeout, flags, exprs);
    }

    /** A nested NFTA_DATA_* attribute that must be a value. */
    private static NftData.Value value(Attributes a) {
        NftData d = data(a.nested());
        if (d instanceof NftData.Value v) return v;
        throw new NetlinkFormatException("a verdict where a value belongs", 0);
    }

    /** The content of a nested data attribute: NFTA_DATA_VALUE or NFTA_DATA_VERDICT. */
    static NftData data(Attributes a) {
        NftData out = null;
        while (a.next()) {
            switch (a.type()) {
                case NFTA_DATA_VALUE -> {
                    byte[] b = a.bytes();
                    if (b.length == 0 || b.length > NftData.MAX_VALUE_LENGTH) {
                        throw new NetlinkFormatException("data value of " + b.length + " bytes", 0);
                    }
                    out = new NftData.Value(b);
                }
                case NFTA_DATA_VERDICT -> out = verdict(a.nested());
                default -> { }
            }
        }
        if (out == null) throw new NetlinkFormatException("data attribute without NFTA_DATA_VALUE or _VERDICT", 0);
        return out;
    }

    private static NftData verdict(Attributes a) {
        int code = 0;
        String chain = null;
        while (a.next()) {
            switch (a.type()) {
                case NFTA_VERDICT_CODE -> code = a.be32();
                case NFTA_VERDICT_CHAIN -> chain = a.string();
                default -> { }
            }
        }
        return new NftData.Verdict(code, chain);
    }

    // ---- encoding ------------------------------------------------------------------------------

    /** Writes {@code exprs} as the content of an expression list (NFTA_LIST_ELEM each). */
    static void encodeList(PayloadWriter w, List<NftExpr> exprs) {
        for (NftExpr e : exprs) {
            int el = w.beginNested(NFTA_LIST_ELEM);
            encodeOne(w, e);
            w.endNested(el);
        }
    }

    private static void encodeOne(PayloadWriter w, NftExpr e) {
        w.attrString(NFTA_EXPR_NAME, e.name());
        if (e instanceof NftExpr.Unknown u) {
            int raw = w.beginNested(NFTA_EXPR_DATA);
            w.putBytes(u.data());
            w.endNested(raw);
            return;
        }
        int d = w.beginNested(NFTA_EXPR_DATA);
        switch (e) {
            case NftExpr.Meta m -> {
                be32(w, NFTA_META_KEY, m.key());
                be32(w, NFTA_META_DREG, m.dreg());
                be32(w, NFTA_META_SREG, m.sreg());
            }
            case NftExpr.Payload p -> {
                be32(w, NFTA_PAYLOAD_SREG, p.sreg());
                be32(w, NFTA_PAYLOAD_DREG, p.dreg());
                be32(w, NFTA_PAYLOAD_BASE, p.base());
                be32(w, NFTA_PAYLOAD_OFFSET, p.offset());
                be32(w, NFTA_PAYLOAD_LEN, p.len());
                be32(w, NFTA_PAYLOAD_CSUM_TYPE, p.csumType());
                be32(w, NFTA_PAYLOAD_CSUM_OFFSET, p.csumOffset());
                be32(w, NFTA_PAYLOAD_CSUM_FLAGS, p.csumFlags());
            }
            case NftExpr.Cmp c -> {
                be32(w, NFTA_CMP_SREG, c.sreg());
                be32(w, NFTA_CMP_OP, c.op());
                data(w, NFTA_CMP_DATA, c.data());
            }
            case NftExpr.Immediate i -> {
                be32(w, NFTA_IMMEDIATE_DREG, i.dreg());
                data(w, NFTA_IMMEDIATE_DATA, i.data());
            }
            case NftExpr.Bitwise b -> {
                be32(w, NFTA_BITWISE_SREG, b.sreg());
                be32(w, NFTA_BITWISE_DREG, b.dreg());
                be32(w, NFTA_BITWISE_LEN, b.len());
                be32(w, NFTA_BITWISE_OP, b.op());
                if (b.mask() != null) data(w, NFTA_BITWISE_MASK, b.mask());
                if (b.xor() != null) data(w, NFTA_BITWISE_XOR, b.xor());
                if (b.data() != null) data(w, NFTA_BITWISE_DATA, b.data());
            }
            case NftExpr.Counter c -> {
                be64(w, NFTA_COUNTER_BYTES, c.bytes());
                be64(w, NFTA_COUNTER_PACKETS, c.packets());
            }
            case NftExpr.Ct c -> {
                be32(w, NFTA_CT_KEY, c.key());
                be32(w, NFTA_CT_DREG, c.dreg());
                if (c.direction() != ABSENT) w.attrU8(NFTA_CT_DIRECTION, c.direction());
                be32(w, NFTA_CT_SREG, c.sreg());
            }
            case NftExpr.Lookup l -> {
                w.attrString(NFTA_LOOKUP_SET, l.set());
                be32(w, NFTA_LOOKUP_SREG, l.sreg());
                be32(w, NFTA_LOOKUP_DREG, l.dreg());
                be32(w, NFTA_LOOKUP_SET_ID, l.setId());
                be32(w, NFTA_LOOKUP_FLAGS, l.flags());
            }
            case NftExpr.Nat n -> {
                be32(w, NFTA_NAT_TYPE, n.type());
                be32(w, NFTA_NAT_FAMILY, n.family());
                be32(w, NFTA_NAT_REG_ADDR_MIN, n.regAddrMin());
                be32(w, NFTA_NAT_REG_ADDR_MAX, n.regAddrMax());
                be32(w, NFTA_NAT_REG_PROTO_MIN, n.regProtoMin());
                be32(w, NFTA_NAT_REG_PROTO_MAX, n.regProtoMax());
                be32(w, NFTA_NAT_FLAGS, n.flags());
            }
            case NftExpr.Limit l -> {
                be64(w, NFTA_LIMIT_RATE, l.rate());
                be64(w, NFTA_LIMIT_UNIT, l.unit());
                w.attrBE32(NFTA_LIMIT_BURST, l.burst());
                w.attrBE32(NFTA_LIMIT_TYPE, l.type());
                w.attrBE32(NFTA_LIMIT_FLAGS, l.flags());
            }
            case NftExpr.Log l -> {
                if (l.prefix() != null) w.attrString(NFTA_LOG_PREFIX, l.prefix());
                if (l.group() != ABSENT) w.attrBE16(NFTA_LOG_GROUP, l.group());
                be32(w, NFTA_LOG_SNAPLEN, l.snaplen());
                if (l.qthreshold() != ABSENT) w.attrBE16(NFTA_LOG_QTHRESHOLD, l.qthreshold());
                be32(w, NFTA_LOG_LEVEL, l.level());
                be32(w, NFTA_LOG_FLAGS, l.flags());
            }
            case NftExpr.Reject r -> {
                w.attrBE32(NFTA_REJECT_TYPE, r.type());
                w.attrU8(NFTA_REJECT_ICMP_CODE, r.code());
            }
            case NftExpr.Range r -> {
                be32(w, NFTA_RANGE_SREG, r.sreg());
                be32(w, NFTA_RANGE_OP, r.op());
                data(w, NFTA_RANGE_FROM_DATA, r.from());
                data(w, NFTA_RANGE_TO_DATA, r.to());
            }
            case NftExpr.Masq m -> {
                be32(w, NFTA_MASQ_FLAGS, m.flags());
                be32(w, NFTA_MASQ_REG_PROTO_MIN, m.regProtoMin());
                be32(w, NFTA_MASQ_REG_PROTO_MAX, m.regProtoMax());
            }
            case NftExpr.Redir r -> {
                be32(w, NFTA_REDIR_REG_PROTO_MIN, r.regProtoMin());
                be32(w, NFTA_REDIR_REG_PROTO_MAX, r.regProtoMax());
                be32(w, NFTA_REDIR_FLAGS, r.flags());
            }
            case NftExpr.Quota q -> {
                be64(w, NFTA_QUOTA_BYTES, q.bytes());
                w.attrBE32(NFTA_QUOTA_FLAGS, q.flags());
                be64(w, NFTA_QUOTA_CONSUMED, q.consumed());
            }
            case NftExpr.Byteorder b -> {
                be32(w, NFTA_BYTEORDER_SREG, b.sreg());
                be32(w, NFTA_BYTEORDER_DREG, b.dreg());
                be32(w, NFTA_BYTEORDER_OP, b.op());
                be32(w, NFTA_BYTEORDER_LEN, b.len());
                be32(w, NFTA_BYTEORDER_SIZE, b.size());
            }
            case NftExpr.Exthdr x -> {
                be32(w, NFTA_EXTHDR_DREG, x.dreg());
                if (x.type() != ABSENT) w.attrU8(NFTA_EXTHDR_TYPE, x.type());
                be32(w, NFTA_EXTHDR_OFFSET, x.offset());
                be32(w, NFTA_EXTHDR_LEN, x.len());
                be32(w, NFTA_EXTHDR_FLAGS, x.flags());
                be32(w, NFTA_EXTHDR_OP, x.op());
                be32(w, NFTA_EXTHDR_SREG, x.sreg());
            }
            case NftExpr.Fib f -> {
                be32(w, NFTA_FIB_DREG, f.dreg());
                be32(w, NFTA_FIB_RESULT, f.result());
                w.attrBE32(NFTA_FIB_FLAGS, f.flags());
            }
            case NftExpr.Notrack n -> { }
            case NftExpr.Objref o -> {
                be32(w, NFTA_OBJREF_IMM_TYPE, o.type());
                if (o.objName() != null) w.attrString(NFTA_OBJREF_IMM_NAME, o.objName());
                be32(w, NFTA_OBJREF_SET_SREG, o.setSreg());
                if (o.setName() != null) w.attrString(NFTA_OBJREF_SET_NAME, o.setName());
                be32(w, NFTA_OBJREF_SET_ID, o.setId());
            }
            case NftExpr.Dynset s -> {
                w.attrString(NFTA_DYNSET_SET_NAME, s.set());
                be32(w, NFTA_DYNSET_SET_ID, s.setId());
                be32(w, NFTA_DYNSET_OP, s.op());
                be32(w, NFTA_DYNSET_SREG_KEY, s.sregKey());
                be32(w, NFTA_DYNSET_SREG_DATA, s.sregData());
                if (s.timeout() != ABSENT) be64(w, NFTA_DYNSET_TIMEOUT, s.timeout());
                be32(w, NFTA_DYNSET_FLAGS, s.flags());
                if (!s.exprs().isEmpty()) {
                    int l = w.beginNested(NFTA_DYNSET_EXPRESSIONS);
                    encodeList(w, s.exprs());
                    w.endNested(l);
                }
            }
            case NftExpr.Unknown u -> throw new AssertionError("written above");
        }
        w.endNested(d);
    }

    /** A big-endian u32 attribute, left out when {@link NftExpr#ABSENT}. */
    private static void be32(PayloadWriter w, int type, int v) {
        if (v != ABSENT) w.attrBE32(type, v);
    }

    /** A big-endian u64 attribute. */
    static void be64(PayloadWriter w, int type, long v) {
        w.attrBytes(type, java.nio.ByteBuffer.allocate(8).putLong(v).array());
    }

    /** A nested data attribute of type {@code type}. */
    static void data(PayloadWriter w, int type, NftData d) {
        int n = w.beginNested(type);
        switch (d) {
            case NftData.Value v -> w.attrBytes(NFTA_DATA_VALUE, v.bytes());
            case NftData.Verdict v -> {
                int vn = w.beginNested(NFTA_DATA_VERDICT);
                w.attrBE32(NFTA_VERDICT_CODE, v.code());
                if (v.chain() != null) w.attrString(NFTA_VERDICT_CHAIN, v.chain());
                w.endNested(vn);
            }
        }
        w.endNested(n);
    }
}
