package dev.ffsock.netlink.ethtool;

import dev.ffsock.netlink.Attributes;
import dev.ffsock.netlink.NetlinkFormatException;
import dev.ffsock.netlink.PayloadWriter;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.BitSet;
import java.util.HashMap;
import java.util.Map;

import static dev.ffsock.netlink.ethtool.Ethnl.*;

/**
 * The wire form of ethtool bitsets ({@code ETHTOOL_A_BITSET_*}), both ways: compact (SIZE, VALUE and
 * MASK as arrays of host-order u32 words) and verbose (SIZE and a BITS list of BIT nests with INDEX,
 * NAME and a VALUE flag); NOMASK marks a bitset without mask. Only {@link NetlinkFormatException}
 * escapes a malformed one.
 */
public final class BitsetCodec {
    /** More bits than any ethtool bitset has; a larger size is refused as malformed. */
    static final int MAX_BITS = 1 << 16;
    private static final ValueLayout.OfInt U32 = ValueLayout.JAVA_INT_UNALIGNED;

    private BitsetCodec() {
    }

    /**
     * Decodes a bitset nest, compact or verbose.
     *
     * @param a the nest's attributes
     * @return the bitset
     * @throws NetlinkFormatException if it is malformed
     */
    public static EthtoolBitset decode(Attributes a) {
        boolean nomask = false;
        int size = -1;
        MemorySegment value = null, mask = null;
        Attributes bits = null;
        long at = 0;
        while (a.next()) {
            switch (a.type()) {
                case ETHTOOL_A_BITSET_NOMASK -> nomask = a.flag();
                case ETHTOOL_A_BITSET_SIZE -> {
                    size = a.u32();
                    at = a.offset();
                }
                case ETHTOOL_A_BITSET_VALUE -> value = a.segment();
                case ETHTOOL_A_BITSET_MASK -> mask = a.segment();
                case ETHTOOL_A_BITSET_BITS -> bits = a.nested();
                default -> { }
            }
        }
        if (size < 0 || size > MAX_BITS) {
            throw new NetlinkFormatException("bitset size " + Integer.toUnsignedString(size) + " missing or too large", at);
        }
        if (value != null) {
            BitSet v = words(value, size, "value", at);
            BitSet m = nomask || mask == null ? null : words(mask, size, "mask", at);
            return new EthtoolBitset(size, v, m, Map.of());
        }
        BitSet v = new BitSet(), m = nomask ? null : new BitSet();
        Map<Integer, String> names = new HashMap<>();
        if (bits != null) {
            while (bits.next()) {
                if (bits.type() != ETHTOOL_A_BITSET_BITS_BIT) continue;
                Attributes bit = bits.nested();
                int index = -1;
                String name = null;
                boolean set = false;
                while (bit.next()) {
                    switch (bit.type()) {
                        case ETHTOOL_A_BITSET_BIT_INDEX -> index = bit.u32();
                        case ETHTOOL_A_BITSET_BIT_NAME -> name = bit.string();
                        case ETHTOOL_A_BITSET_BIT_VALUE -> set = bit.flag();
                        default -> { }
                    }
                }
                if (index < 0 || index >= size) {
                    throw new NetlinkFormatException("bit index " + Integer.toUnsignedString(index)
                            + " missing or outside size " + size, bits.offset());
                }
                if (name != null) names.put(index, name);
                if (nomask || set) v.set(index);
                if (m != null) m.set(index);
            }
        }
        return new EthtoolBitset(size, v, m, names);
    }

    private static BitSet words(MemorySegment s, int size, String what, long at) {
        int words = (size + 31) / 32;
        if (s.byteSize() < (long) words * 4) {
            throw new NetlinkFormatException("bitset " + what + " has " + s.byteSize() + " bytes, size " + size
                    + " needs " + words * 4, at);
        }
        BitSet b = new BitSet(size);
        for (int w = 0; w < words; w++) {
            int bitsWord = s.get(U32, w * 4L);
            for (int i = 0; i < 32 && w * 32 + i < size; i++) {
                if ((bitsWord & (1 << i)) != 0) b.set(w * 32 + i);
            }
        }
        return b;
    }

    /**
     * Writes {@code b} in the compact form as nest {@code type}.
     *
     * @param w the writer
     * @param type the nest's attribute type
     * @param b the bitset
     */
    public static void writeCompact(PayloadWriter w, int type, EthtoolBitset b) {
        int nest = w.beginNested(type);
        if (b.mask() == null) w.attrFlag(ETHTOOL_A_BITSET_NOMASK);
        w.attrU32(ETHTOOL_A_BITSET_SIZE, b.size());
        w.attrBytes(ETHTOOL_A_BITSET_VALUE, toWords(b.value(), b.size()));
        if (b.mask() != null) w.attrBytes(ETHTOOL_A_BITSET_MASK, toWords(b.mask(), b.size()));
        w.endNested(nest);
    }

    /**
     * Writes {@code b} in the verbose form as nest {@code type}: one BIT per bit in the mask (per bit set
     * without a mask), with its index, its name when {@code b} knows it and VALUE when set.
     *
     * @param w the writer
     * @param type the nest's attribute type
     * @param b the bitset
     */
    public static void writeVerbose(PayloadWriter w, int type, EthtoolBitset b) {
        int nest = w.beginNested(type);
        BitSet listed = b.mask() == null ? b.value() : b.mask();
        if (b.mask() == null) w.attrFlag(ETHTOOL_A_BITSET_NOMASK);
        w.attrU32(ETHTOOL_A_BITSET_SIZE, b.size());
        int list = w.beginNested(ETHTOOL_A_BITSET_BITS);
        for (int i = listed.nextSetBit(0); i >= 0; i = listed.nextSetBit(i + 1)) {
            int bit = w.beginNested(ETHTOOL_A_BITSET_BITS_BIT);
            w.attrU32(ETHTOOL_A_BITSET_BIT_INDEX, i);
            String name = b.names().get(i);
            if (name != null) w.attrString(ETHTOOL_A_BITSET_BIT_NAME, name);
            if (b.isSet(i)) w.attrFlag(ETHTOOL_A_BITSET_BIT_VALUE);
            w.endNested(bit);
        }
        w.endNested(list);
        w.endNested(nest);
    }

    /**
     * Writes a verbose change by name, the form {@code ethtool -K} sends: no size, one BIT per entry with
     * its NAME and VALUE when true; bits not named keep their state.
     *
     * @param w the writer
     * @param type the nest's attribute type
     * @param bits the bits to change, by name, in the order to send
     */
    public static void writeNamed(PayloadWriter w, int type, Map<String, Boolean> bits) {
        int nest = w.beginNested(type);
        int list = w.beginNested(ETHTOOL_A_BITSET_BITS);
        for (Map.Entry<String, Boolean> e : bits.entrySet()) {
            int bit = w.beginNested(ETHTOOL_A_BITSET_BITS_BIT);
            w.attrString(ETHTOOL_A_BITSET_BIT_NAME, e.getKey());
            if (e.getValue()) w.attrFlag(ETHTOOL_A_BITSET_BIT_VALUE);
            w.endNested(bit);
        }
        w.endNested(list);
        w.endNested(nest);
    }

    private static byte[] toWords(BitSet bits, int size) {
        byte[] out = new byte[(size + 31) / 32 * 4];
        MemorySegment m = MemorySegment.ofArray(out);
        for (int i = bits.nextSetBit(0); i >= 0 && i < size; i = bits.nextSetBit(i + 1)) {
            long at = (i / 32) * 4L;
            m.set(U32, at, m.get(U32, at) | (1 << (i % 32)));
        }
        return out;
    }
}
