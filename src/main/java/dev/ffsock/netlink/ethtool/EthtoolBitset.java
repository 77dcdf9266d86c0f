package dev.ffsock.netlink.ethtool;

import java.util.BitSet;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * An ethtool bitset attribute ({@code ETHTOOL_A_BITSET_*}) decoded: its size in bits, the value, the
 * mask (null for a bitset sent with {@code ETHTOOL_A_BITSET_NOMASK}, a plain list) and the bit names the
 * verbose form carries (empty for the compact form).
 *
 * @param size the number of bits
 * @param value the bits set (a copy is kept)
 * @param mask the bits that count, or null when the bitset has no mask
 * @param names the name of each bit the verbose form named, by index (a sorted copy is kept)
 */
public record EthtoolBitset(int size, BitSet value, BitSet mask, Map<Integer, String> names) {
    /**
     * Checks and copies.
     *
     * @throws IllegalArgumentException if the size is negative or a bit lies at or past it
     */
    public EthtoolBitset {
        if (size < 0) throw new IllegalArgumentException("negative bitset size " + size);
        value = (BitSet) Objects.requireNonNull(value, "value").clone();
        if (value.length() > size) throw new IllegalArgumentException("bit " + (value.length() - 1) + " outside size " + size);
        if (mask != null) {
            mask = (BitSet) mask.clone();
            if (mask.length() > size) throw new IllegalArgumentException("mask bit " + (mask.length() - 1) + " outside size " + size);
        }
        names = java.util.Collections.unmodifiableMap(new TreeMap<>(Objects.requireNonNull(names, "names")));
    }

    /**
     * A bitset without mask or names.
     *
     * @param size the number of bits
     * @param value the bits set
     * @return the bitset
     */
    public static EthtoolBitset of(int size, BitSet value) {
        return new EthtoolBitset(size, value, null, Map.of());
    }

    /** {@return a copy of the value} */
    @Override
    public BitSet value() {
        return (BitSet) value.clone();
    }

    /** {@return a copy of the mask, or null} */
    @Override
    public BitSet mask() {
        return mask == null ? null : (BitSet) mask.clone();
    }

    /**
     * {@return whether bit {@code index} is set in the value}
     *
     * @param index the bit's index
     */
    public boolean isSet(int index) {
        return value.get(index);
    }

    /**
     * {@return whether bit {@code index} is in the mask (always true without a mask, for bits below the size)}
     *
     * @param index the bit's index
     */
    public boolean inMask(int index) {
        return mask == null ? index >= 0 && index < size : mask.get(index);
    }
}
