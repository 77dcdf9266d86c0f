package dev.ffsock.netlink.tc;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds u32 match keys as {@code tc filter ... u32 match ...} does: {@code u32 VAL MASK at OFF},
 * {@code u16 ...}, {@code u8 ...}, {@code ip src|dst PREFIX}. Keys at the same offset are merged into one
 * (a conflicting value is refused), as tc merges them.
 */
public final class U32Match {
    private final List<U32Key> keys = new ArrayList<>();

    /** An empty set of keys. */
    public U32Match() {
    }

    /** {@return the keys so far} */
    public List<U32Key> keys() {
        return List.copyOf(keys);
    }

    /**
     * {@code match u32 VALUE MASK at OFF}.
     *
     * @param value the 32-bit value (network order on the wire)
     * @param mask  the mask
     * @param off   byte offset, a multiple of 4
     * @return this
     * @throws IllegalArgumentException for an offset that is not a multiple of 4 or out of range, or a
     *     value that conflicts with a key already at that offset
     */
    public U32Match u32(long value, long mask, int off) {
        TcChecks.u32(value, "u32 value");
        TcChecks.u32(mask, "u32 mask");
        if ((off & 3) != 0) throw new IllegalArgumentException("u32 match offset " + off + " is not a multiple of 4");
        return pack((int) value, (int) mask, off);
    }

    /**
     * {@code match u16 VALUE MASK at OFF}.
     *
     * @param value 0..0xffff
     * @param mask  0..0xffff
     * @param off   byte offset, even
     * @return this
     * @throws IllegalArgumentException for an odd offset, values beyond 16 bits or a conflict
     */
    public U32Match u16(int value, int mask, int off) {
        TcChecks.u16(value, "u16 value");
        TcChecks.u16(mask, "u16 mask");
        if ((off & 1) != 0) throw new IllegalArgumentException("u16 match offset " + off + " is odd");
        int shift = (off & 3) == 0 ? 16 : 0;
        return pack(value << shift, mask << shift, off & ~3);
    }

    /**
     * {@code match u8 VALUE MASK at OFF}.
     *
     * @param value 0..0xff
     * @param mask  0..0xff
     * @param off   byte offset
     * @return this
     * @throws IllegalArgumentException for values beyond 8 bits or a conflict
     */
    public U32Match u8(int value, int mask, int off) {
        if (value < 0 || value > 0xff || mask < 0 || mask > 0xff) {
            throw new IllegalArgumentException("u8 value and mask must be 0..255: " + value + " " + mask);
        }
        int shift = 8 * (3 - (off & 3));
        return pack(value << shift, mask << shift, off & ~3);
    }

    /**
     * {@code match ip src|dst ADDR/LEN}: the IPv4 source (offset 12) or destination (16) address.
     *
     * @param dst    true for {@code dst}, false for {@code src}
     * @param addr   an IPv4 address
     * @param prefix 0..32
     * @return this
     * @throws IllegalArgumentException for a non-IPv4 address, a prefix out of range or a conflict
     */
    public U32Match ip(boolean dst, InetAddress addr, int prefix) {
        if (!(addr instanceof Inet4Address)) throw new IllegalArgumentException("u32 ip match needs an IPv4 address: " + addr);
        if (prefix < 0 || prefix > 32) throw new IllegalArgumentException("prefix length " + prefix + " outside 0..32");
        byte[] b = addr.getAddress();
        long v = (b[0] & 0xffL) << 24 | (b[1] & 0xff) << 16 | (b[2] & 0xff) << 8 | (b[3] & 0xff);
        long mask = prefix == 0 ? 0 : (0xffffffffL << (32 - prefix)) & 0xffffffffL;
        return pack((int) v, (int) mask, dst ? 16 : 12);
    }

    private U32Match pack(int value, int mask, int off) {
        value &= mask;
        for (int i = 0; i < keys.size(); i++) {
            U32Key k = keys.get(i);
            if (k.off() == off && k.offmask() == 0) {
                if (((value ^ k.value()) & (mask & k.mask())) != 0) {
                    throw new IllegalArgumentException("u32 match at offset " + off + " conflicts with an earlier one");
                }
                keys.set(i, new U32Key(k.mask() | mask, k.value() | value, off, 0));
                return this;
            }
        }
        keys.add(new U32Key(mask, value, off, 0));
        return this;
    }
}
