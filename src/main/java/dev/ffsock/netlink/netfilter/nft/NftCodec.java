package dev.ffsock.netlink.netfilter.nft;

import static dev.ffsock.netlink.netfilter.nft.Nft.*;
import static dev.ffsock.netlink.netfilter.nft.NftExpr.ABSENT;

import dev.ffsock.netlink.Attributes;
import dev.ffsock.netlink.NetlinkFormatException;
import dev.ffsock.netlink.NetlinkMessage;
import dev.ffsock.netlink.PayloadWriter;
import dev.ffsock.netlink.netfilter.Nfnetlink;

import java.util.ArrayList;
import java.util.List;

/**
 * nf_tables messages to model records and back: tables, chains, sets, set elements, rules,
 * flowtables and the generation (the NFTA_* attributes after a {@code struct nfgenmsg}). Pure; a
 * malformed message throws {@link NetlinkFormatException}.
 */
final class NftCodec {
    private NftCodec() {
    }

    // ---- decoding ------------------------------------------------------------------------------

    static NftTable decodeTable(NetlinkMessage m) {
        int family = Nfnetlink.family(m);
        String name = null;
        int flags = 0, use = 0;
        long handle = 0;
        Attributes a = m.attributes(Nfnetlink.NFGENMSG_SIZE);
        while (a.next()) {
            switch (a.type()) {
                case NFTA_TABLE_NAME -> name = a.string();
                case NFTA_TABLE_FLAGS -> flags = a.be32();
                case NFTA_TABLE_USE -> use = a.be32();
                case NFTA_TABLE_HANDLE -> handle = a.be64();
                default -> { }
            }
        }
        return new NftTable(family, need(name, "NFTA_TABLE_NAME"), flags, handle, use);
    }

    static NftChain decodeChain(NetlinkMessage m) {
        int family = Nfnetlink.family(m);
        String table = null, name = null, type = null;
        long handle = 0;
        int use = 0, hook = ABSENT, prio = 0, policy = ABSENT, flags = 0;
        List<String> devices = new ArrayList<>();
        Attributes a = m.attributes(Nfnetlink.NFGENMSG_SIZE);
        while (a.next()) {
            switch (a.type()) {
                case NFTA_CHAIN_TABLE -> table = a.string();
                case NFTA_CHAIN_NAME -> name = a.string();
                case NFTA_CHAIN_HANDLE -> handle = a.be64();
                case NFTA_CHAIN_USE -> use = a.be32();
                case NFTA_CHAIN_TYPE -> type = a.string();
                case NFTA_CHAIN_POLICY -> policy = a.be32();
                case NFTA_CHAIN_FLAGS -> flags = a.be32();
                case NFTA_CHAIN_HOOK -> {
                    Attributes h = a.nested();
                    while (h.next()) {
                        switch (h.type()) {
                            case NFTA_HOOK_HOOKNUM -> hook = h.be32();
                            case NFTA_HOOK_PRIORITY -> prio = h.be32();
                            // the kernel sends a single device both ways: NFTA_HOOK_DEV and a one-name NFTA_HOOK_DEVS
                            case NFTA_HOOK_DEV -> {
                                String dev = h.string();
                                if (!devices.contains(dev)) devices.add(dev);
                            }
                            case NFTA_HOOK_DEVS -> {
                                List<String> devs = new ArrayList<>();
                                devices(h.nested(), devs);
                                for (String dev : devs) if (!devices.contains(dev)) devices.add(dev);
                            }
                            default -> { }
                        }
                    }
                }
                default -> { }
            }
        }
        return new NftChain(family, need(table, "NFTA_CHAIN_TABLE"), need(name, "NFTA_CHAIN_NAME"), handle, use, type,
                hook, prio, policy, devices, flags);
    }

    private static void devices(Attributes a, List<String> out) {
        while (a.next()) {
            if (a.type() == NFTA_DEVICE_NAME) out.add(a.string());
        }
    }

    static NftRule decodeRule(NetlinkMessage m) {
        int family = Nfnetlink.family(m);
        String table = null, chain = null;
        long handle = 0, position = 0;
        List<NftExpr> exprs = List.of();
        byte[] userdata = null;
        Attributes a = m.attributes(Nfnetlink.NFGENMSG_SIZE);
        while (a.next()) {
            switch (a.type()) {
                case NFTA_RULE_TABLE -> table = a.string();
                case NFTA_RULE_CHAIN -> chain = a.string();
                case NFTA_RULE_HANDLE -> handle = a.be64();
                case NFTA_RULE_POSITION -> position = a.be64();
                case NFTA_RULE_EXPRESSIONS -> exprs = ExprCodec.decodeList(a.nested());
                case NFTA_RULE_USERDATA -> userdata = a.bytes();
                default -> { }
            }
        }
        return new NftRule(family, need(table, "NFTA_RULE_TABLE"), need(chain, "NFTA_RULE_CHAIN"), handle, position,
                exprs, userdata);
    }

    static NftSet decodeSet(NetlinkMessage m) {
        int family = Nfnetlink.family(m);
        String table = null, name = null;
        long handle = 0, timeout = -1;
        int flags = 0, keyType = 0, keyLen = 0, dataType = ABSENT, dataLen = ABSENT, objType = ABSENT, policy = ABSENT,
                size = ABSENT, gc = ABSENT;
        byte[] userdata = null;
        Attributes a = m.attributes(Nfnetlink.NFGENMSG_SIZE);
        while (a.next()) {
            switch (a.type()) {
                case NFTA_SET_TABLE -> table = a.string();
                case NFTA_SET_NAME -> name = a.string();
                case NFTA_SET_HANDLE -> handle = a.be64();
                case NFTA_SET_FLAGS -> flags = a.be32();
                case NFTA_SET_KEY_TYPE -> keyType = a.be32();
                case NFTA_SET_KEY_LEN -> keyLen = a.be32();
                case NFTA_SET_DATA_TYPE -> dataType = a.be32();
                case NFTA_SET_DATA_LEN -> dataLen = a.be32();
                case NFTA_SET_OBJ_TYPE -> objType = a.be32();
                case NFTA_SET_POLICY -> policy = a.be32();
                case NFTA_SET_TIMEOUT -> timeout = a.be64();
                case NFTA_SET_GC_INTERVAL -> gc = a.be32();
                case NFTA_SET_USERDATA -> userdata = a.bytes();
                case NFTA_SET_DESC -> {
                    Attributes d = a.nested();
                    while (d.next()) {
                        if (d.type() == NFTA_SET_DESC_SIZE) size = d.be32();
                    }
                }
                default -> { }
            }
        }
        return new NftSet(family, need(table, "NFTA_SET_TABLE"), need(name, "NFTA_SET_NAME"), handle, flags, keyType,
                keyLen, dataType, dataLen, objType, policy, size, timeout, gc, userdata, List.of());
    }

    /** The elements of one NFT_MSG_NEWSETELEM message (a dump sends them in several). */
    static List<NftSetElement> decodeElements(NetlinkMessage m) {
        List<NftSetElement> out = new ArrayList<>();
        Attributes a = m.attributes(Nfnetlink.NFGENMSG_SIZE);
        while (a.next()) {
            if (a.type() != NFTA_SET_ELEM_LIST_ELEMENTS) continue;
            Attributes list = a.nested();
            while (list.next()) {
                if (list.type() == NFTA_LIST_ELEM) out.add(decodeElement(list.nested()));
            }
        }
        return out;
    }

    /** The table and set an NFT_MSG_NEWSETELEM message names, {table, set}. */
    static String[] elementOwner(NetlinkMessage m) {
        String table = null, set = null;
        Attributes a = m.attributes(Nfnetlink.NFGENMSG_SIZE);
        while (a.next()) {
            switch (a.type()) {
                case NFTA_SET_ELEM_LIST_TABLE -> table = a.string();
                case NFTA_SET_ELEM_LIST_SET -> set = a.string();
                default -> { }
            }
        }
        return new String[] {need(table, "NFTA_SET_ELEM_LIST_TABLE"), need(set, "NFTA_SET_ELEM_LIST_SET")};
    }

    private static NftSetElement decodeElement(Attributes a) {
        NftData.Value key = null, keyEnd = null;
        NftData data = null;
        int flags = 0;
        long timeout = -1, expiration = -1;
        String objref = null;
        byte[] userdata = null;
        while (a.next()) {
            switch (a.type()) {
                case NFTA_SET_ELEM_KEY -> key = valueOf(a);
                case NFTA_SET_ELEM_KEY_END -> keyEnd = valueOf(a);
                case NFTA_SET_ELEM_DATA -> data = ExprCodec.data(a.nested());
                case NFTA_SET_ELEM_FLAGS -> flags = a.be32();
                case NFTA_SET_ELEM_TIMEOUT -> timeout = a.be64();
                case NFTA_SET_ELEM_EXPIRATION -> expiration = a.be64();
                case NFTA_SET_ELEM_OBJREF -> objref = a.string();
                case NFTA_SET_ELEM_USERDATA -> userdata = a.bytes();
                default -> { }
            }
        }
        if (key == null) {
            // A catch-all element has no key: keep it with an empty-looking one-byte key and its flag.
            if ((flags & NFT_SET_ELEM_CATCHALL) == 0) throw new NetlinkFormatException("set element without a key", 0);
            key = new NftData.Value(new byte[1]);
        }
        return new NftSetElement(key, keyEnd, data, flags, timeout, expiration, objref, userdata);
    }

    private static NftData.Value valueOf(Attributes a) {
        if (ExprCodec.data(a.nested()) instanceof NftData.Value v) return v;
        throw new NetlinkFormatException("a verdict where a key belongs", 0);
    }

    static NftFlowtable decodeFlowtable(NetlinkMessage m) {
        int family = Nfnetlink.family(m);
        String table = null, name = null;
        long handle = 0;
        int hook = ABSENT, prio = 0, flags = 0, use = 0;
        List<String> devices = new ArrayList<>();
        Attributes a = m.attributes(Nfnetlink.NFGENMSG_SIZE);
        while (a.next()) {
            switch (a.type()) {
                case NFTA_FLOWTABLE_TABLE -> table = a.string();
                case NFTA_FLOWTABLE_NAME -> name = a.string();
                case NFTA_FLOWTABLE_HANDLE -> handle = a.be64();
                case NFTA_FLOWTABLE_FLAGS -> flags = a.be32();
                case NFTA_FLOWTABLE_USE -> use = a.be32();
                case NFTA_FLOWTABLE_HOOK -> {
                    Attributes h = a.nested();
                    while (h.next()) {
                        switch (h.type()) {
                            case NFTA_FLOWTABLE_HOOK_NUM -> hook = h.be32();
                            case NFTA_FLOWTABLE_HOOK_PRIORITY -> prio = h.be32();
                            case NFTA_FLOWTABLE_HOOK_DEVS -> devices(h.nested(), devices);
                            default -> { }
                        }
                    }
                }
                default -> { }
            }
        }
        return new NftFlowtable(family, need(table, "NFTA_FLOWTABLE_TABLE"), need(name, "NFTA_FLOWTABLE_NAME"), handle,
                hook, prio, devices, flags, use);
    }

    /** The generation id of an NFT_MSG_NEWGEN message, unsigned. */
    static long decodeGeneration(NetlinkMessage m) {
        Attributes a = m.attributes(Nfnetlink.NFGENMSG_SIZE);
        while (a.next()) {
            if (a.type() == NFTA_GEN_ID) return Integer.toUnsignedLong(a.be32());
        }
        throw new NetlinkFormatException("NFT_MSG_NEWGEN without NFTA_GEN_ID", 0);
    }

    /** An NFT_MSG_NEWGEN notification: the generation and the process that committed it. */
    static NftEvent.Generation decodeGenerationEvent(NetlinkMessage m) {
        long id = decodeGeneration(m);
        int pid = -1;
        String name = null;
        Attributes a = m.attributes(Nfnetlink.NFGENMSG_SIZE);
        while (a.next()) {
            switch (a.type()) {
                case NFTA_GEN_PROC_PID -> pid = a.be32();
                case NFTA_GEN_PROC_NAME -> name = a.string();
                default -> { }
            }
        }
        return new NftEvent.Generation(id, pid, name);
    }

    private static String need(String v, String what) {
        if (v == null) throw new NetlinkFormatException("nf_tables message without " + what, 0);
        return v;
    }

    // ---- encoding (the payload after the nfgenmsg) ------------------------------------------------

    static void encodeTable(PayloadWriter w, String name, int flags) {
        w.attrString(NFTA_TABLE_NAME, name);
        if (flags >= 0) w.attrBE32(NFTA_TABLE_FLAGS, flags);
    }

    static void encodeChain(PayloadWriter w, NftChain c) {
        w.attrString(NFTA_CHAIN_TABLE, c.table());
        w.attrString(NFTA_CHAIN_NAME, c.name());
        if (c.handle() != 0) ExprCodec.be64(w, NFTA_CHAIN_HANDLE, c.handle());
        if (c.isBase()) {
            int h = w.beginNested(NFTA_CHAIN_HOOK);
            w.attrBE32(NFTA_HOOK_HOOKNUM, c.hook());
            w.attrBE32(NFTA_HOOK_PRIORITY, c.priority());
            if (c.devices().size() == 1) {
                w.attrString(NFTA_HOOK_DEV, c.devices().get(0));
            } else if (!c.devices().isEmpty()) {
                int d = w.beginNested(NFTA_HOOK_DEVS);
                for (String dev : c.devices()) w.attrString(NFTA_DEVICE_NAME, dev);
                w.endNested(d);
            }
            w.endNested(h);
            if (c.policy() != ABSENT) w.attrBE32(NFTA_CHAIN_POLICY, c.policy());
            if (c.type() != null) w.attrString(NFTA_CHAIN_TYPE, c.type());
        }
        if (c.flags() != 0) w.attrBE32(NFTA_CHAIN_FLAGS, c.flags());
    }

    static void encodeRule(PayloadWriter w, NftRule r) {
        w.attrString(NFTA_RULE_TABLE, r.table());
        w.attrString(NFTA_RULE_CHAIN, r.chain());
        if (r.handle() != 0) ExprCodec.be64(w, NFTA_RULE_HANDLE, r.handle());
        if (r.position() != 0) ExprCodec.be64(w, NFTA_RULE_POSITION, r.position());
        if (!r.exprs().isEmpty()) {
            int l = w.beginNested(NFTA_RULE_EXPRESSIONS);
            ExprCodec.encodeList(w, r.exprs());
            w.endNested(l);
        }
        if (r.userdata() != null) w.attrBytes(NFTA_RULE_USERDATA, r.userdata());
    }

    static void encodeSet(PayloadWriter w, NftSet s, int id) {
        w.attrString(NFTA_SET_TABLE, s.table());
        w.attrString(NFTA_SET_NAME, s.name());
        w.attrBE32(NFTA_SET_FLAGS, s.flags());
        w.attrBE32(NFTA_SET_KEY_TYPE, s.keyType());
        w.attrBE32(NFTA_SET_KEY_LEN, s.keyLen());
        if (s.dataType() != ABSENT) w.attrBE32(NFTA_SET_DATA_TYPE, s.dataType());
        if (s.dataLen() != ABSENT) w.attrBE32(NFTA_SET_DATA_LEN, s.dataLen());
        if (s.objType() != ABSENT) w.attrBE32(NFTA_SET_OBJ_TYPE, s.objType());
        if (s.policy() != ABSENT) w.attrBE32(NFTA_SET_POLICY, s.policy());
        if (s.size() != ABSENT) {
            int d = w.beginNested(NFTA_SET_DESC);
            w.attrBE32(NFTA_SET_DESC_SIZE, s.size());
            w.endNested(d);
        }
        if (s.timeout() >= 0) ExprCodec.be64(w, NFTA_SET_TIMEOUT, s.timeout());
        if (s.gcInterval() != ABSENT) w.attrBE32(NFTA_SET_GC_INTERVAL, s.gcInterval());
        if (s.userdata() != null) w.attrBytes(NFTA_SET_USERDATA, s.userdata());
        w.attrBE32(NFTA_SET_ID, id);
    }

    static void encodeElements(PayloadWriter w, String table, String set, int setId, List<NftSetElement> elements) {
        w.attrString(NFTA_SET_ELEM_LIST_TABLE, table);
        w.attrString(NFTA_SET_ELEM_LIST_SET, set);
        if (setId > 0) w.attrBE32(NFTA_SET_ELEM_LIST_SET_ID, setId);
        int l = w.beginNested(NFTA_SET_ELEM_LIST_ELEMENTS);
        for (NftSetElement e : elements) {
            int el = w.beginNested(NFTA_LIST_ELEM);
            ExprCodec.data(w, NFTA_SET_ELEM_KEY, e.key());
            if (e.keyEnd() != null) ExprCodec.data(w, NFTA_SET_ELEM_KEY_END, e.keyEnd());
            if (e.data() != null) ExprCodec.data(w, NFTA_SET_ELEM_DATA, e.data());
            if (e.flags() != 0) w.attrBE32(NFTA_SET_ELEM_FLAGS, e.flags());
            if (e.timeout() >= 0) ExprCodec.be64(w, NFTA_SET_ELEM_TIMEOUT, e.timeout());
            if (e.objref() != null) w.attrString(NFTA_SET_ELEM_OBJREF, e.objref());
            if (e.userdata() != null) w.attrBytes(NFTA_SET_ELEM_USERDATA, e.userdata());
            w.endNested(el);
        }
        w.endNested(l);
    }
}
