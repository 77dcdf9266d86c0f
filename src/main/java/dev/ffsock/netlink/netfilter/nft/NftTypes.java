package dev.ffsock.netlink.netfilter.nft;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * nft's datatypes as the kernel stores them for sets (NFTA_SET_KEY_TYPE, NFTA_SET_DATA_TYPE): the
 * kernel keeps only nft's number, nft names it ({@code ipv4_addr}, {@code inet_service}, …).
 * A concatenation ({@code ipv4_addr . inet_service}) packs one number per part, 6 bits each,
 * first part highest. Also nft's set user data (the byte order of key and data, which
 * {@code nft list} needs to print a set's elements).
 */
public final class NftTypes {
    private NftTypes() {
    }

    /** nft's number for a verdict map's data (C NFT_DATA_VERDICT). */
    public static final int VERDICT = Nft.NFT_DATA_VERDICT;

    /** Byte order of a datatype as nft records it in set user data: host order. */
    public static final int HOST_ORDER = 1;
    /** Byte order of a datatype as nft records it in set user data: network order. */
    public static final int NETWORK_ORDER = 2;

    /** A datatype: nft's number, name, register length in bytes (0: variable) and byte order (0: none). */
    private record Type(int id, String name, int length, int order) {
    }

    private static final List<Type> TYPES = List.of(
            new Type(1, "verdict", 0, 0),
            new Type(2, "nf_proto", 1, HOST_ORDER),
            new Type(4, "integer", 0, HOST_ORDER),
            new Type(5, "string", 0, HOST_ORDER),
            new Type(7, "ipv4_addr", 4, NETWORK_ORDER),
            new Type(8, "ipv6_addr", 16, NETWORK_ORDER),
            new Type(9, "ether_addr", 6, NETWORK_ORDER),
            new Type(10, "ether_type", 2, HOST_ORDER),
            new Type(12, "inet_proto", 1, 0),
            new Type(13, "inet_service", 2, NETWORK_ORDER),
            new Type(14, "icmp_type", 1, 0),
            new Type(15, "tcp_flag", 1, NETWORK_ORDER),
            new Type(19, "mark", 4, HOST_ORDER),
            new Type(20, "iface_index", 4, HOST_ORDER),
            new Type(26, "ct_state", 4, HOST_ORDER),
            new Type(41, "ifname", 16, HOST_ORDER));

    private static final Map<Integer, Type> BY_ID;
    private static final Map<String, Type> BY_NAME;

    static {
        Map<Integer, Type> id = new java.util.HashMap<>();
        Map<String, Type> name = new java.util.HashMap<>();
        for (Type t : TYPES) {
            id.put(t.id, t);
            name.put(t.name, t);
        }
        BY_ID = Map.copyOf(id);
        BY_NAME = Map.copyOf(name);
    }

    /**
     * {@return the names of a (possibly concatenated) datatype number, one per part, e.g.
     * [ipv4_addr, inet_service] for 461; an unknown part as its number}
     *
     * @param type nft's datatype number ({@link #VERDICT} gives [verdict])
     */
    public static List<String> names(int type) {
        if (type == VERDICT) return List.of("verdict");
        List<String> out = new ArrayList<>();
        int t = type;
        do {
            int part = t & 0x3f;
            Type known = BY_ID.get(part);
            out.add(0, known == null ? Integer.toString(part) : known.name);
            t >>>= 6;
        } while (t != 0);
        return out;
    }

    /**
     * {@return nft's number for a datatype name, or -1}
     *
     * @param name e.g. "ipv4_addr"
     */
    public static int id(String name) {
        if (name.equals("verdict")) return VERDICT;
        Type t = BY_NAME.get(name);
        return t == null ? -1 : t.id;
    }

    /**
     * {@return nft's number for a concatenation of datatypes}
     *
     * @param names the parts, e.g. [ipv4_addr, inet_service]
     * @throws IllegalArgumentException for an unknown name or more than 5 parts
     */
    public static int concat(List<String> names) {
        if (names.isEmpty() || names.size() > 5) throw new IllegalArgumentException("1..5 datatypes: " + names);
        int out = 0;
        for (String n : names) {
            Type t = BY_NAME.get(n);
            if (t == null) throw new IllegalArgumentException("unknown datatype: " + n);
            out = out << 6 | t.id;
        }
        return out;
    }

    /**
     * {@return a datatype's length in a register in bytes, 0 for a variable one, -1 for an unknown name}
     *
     * @param name e.g. "ipv4_addr" (4)
     */
    public static int length(String name) {
        Type t = BY_NAME.get(name);
        return t == null ? -1 : t.length;
    }

    /**
     * {@return the bytes a concatenation's key occupies: each part rounded up to 4 bytes, as registers hold them}
     *
     * @param names the parts
     * @throws IllegalArgumentException for an unknown or variable-length part
     */
    public static int keyLength(List<String> names) {
        int len = 0;
        for (String n : names) {
            int l = length(n);
            if (l <= 0) throw new IllegalArgumentException("no fixed length for datatype " + n);
            len += names.size() == 1 ? l : (l + 3) & ~3;
        }
        return len;
    }

    /**
     * {@return nft's byte order of a datatype ({@link #HOST_ORDER}, {@link #NETWORK_ORDER}, or 0 when not
     * recorded), or -1 for an unknown name}
     *
     * @param name e.g. "ipv4_addr"
     */
    public static int byteOrder(String name) {
        Type t = BY_NAME.get(name);
        return t == null ? -1 : t.order;
    }

    /**
     * The user data nft gives a set (TLVs NFTNL_UDATA_SET_KEYBYTEORDER and, for a map,
     * NFTNL_UDATA_SET_DATABYTEORDER, each a host-order u32), so that {@code nft list} prints its elements.
     *
     * @param keyOrder  the key's byte order
     * @param dataOrder the data's byte order, or -1 for a set (no data)
     * @return the user data
     */
    public static byte[] setUserdata(int keyOrder, int dataOrder) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        tlv(b, 0, keyOrder);
        if (dataOrder >= 0) tlv(b, 1, dataOrder);
        return b.toByteArray();
    }

    private static void tlv(ByteArrayOutputStream b, int type, int v) {
        b.write(type);
        b.write(4);
        byte[] le = java.nio.ByteBuffer.allocate(4).order(java.nio.ByteOrder.nativeOrder()).putInt(v).array();
        b.writeBytes(le);
    }
}
