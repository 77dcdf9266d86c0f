package dev.ffsock.netlink;

import static dev.ffsock.netlink.Layouts.U16;
import static dev.ffsock.netlink.Layouts.U16_BE;
import static dev.ffsock.netlink.Layouts.U32;
import static dev.ffsock.netlink.Layouts.U32_BE;
import static dev.ffsock.netlink.Layouts.U64;
import static dev.ffsock.netlink.Layouts.U64_BE;
import static dev.ffsock.netlink.Layouts.U8;
import static dev.ffsock.netlink.Netlink.NLA_F_NESTED;
import static dev.ffsock.netlink.Netlink.NLA_F_NET_BYTEORDER;
import static dev.ffsock.netlink.Netlink.NLA_HDRLEN;
import static dev.ffsock.netlink.Netlink.NLA_TYPE_MASK;

import java.lang.foreign.MemorySegment;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;

/**
 * A cursor over a run of netlink attributes ({@code struct nlattr} TLVs, each padded to 4
 * bytes), reading in place without allocating per attribute.
 *
 * <p>{@link #next()} moves to the next attribute; {@link #type()}, {@link #length()} and the
 * typed getters then describe the current one:
 * {@snippet :
 * Attributes attrs = msg.attributes(16);
 * while (attrs.next()) {
 *     switch (attrs.type()) {
 *         case IFLA_IFNAME -> name = attrs.string();
 *         case IFLA_MTU -> mtu = attrs.u32();
 *         case IFLA_LINKINFO -> decodeLinkInfo(attrs.nested());
 *         default -> { }   // unknown attributes are skipped
 *     }
 * }
 * }
 *
 * <h2>Errors</h2>
 * Errors are thrown immediately as {@link NetlinkFormatException} (there is no sticky
 * "first error" to check at the end): by {@code next()} when an attribute header is malformed
 * ({@code nla_len} below 4 or past the end of the run, or 1 to 3 trailing bytes that cannot hold
 * a header), and by a getter when the value's length does not match the type asked for. The
 * exception's {@link NetlinkFormatException#offset() offset} is the attribute's position in the
 * whole buffer when the cursor came from a {@link NetlinkMessage}. Calling a getter with no
 * current attribute (before the first {@code next()}, or after it returned false) throws {@link
 * IllegalStateException}. The last attribute of a run may lack its padding; that is accepted, as
 * the kernel does.
 *
 * <h2>Byte order</h2>
 * Integer getters read host byte order, except that {@link #u16()}, {@link #u32()}, {@link
 * #u64()} and their signed and variable-width variants read big-endian when the attribute has
 * {@link Netlink#NLA_F_NET_BYTEORDER} set. {@link #be16()}, {@link #be32()} and {@link #be64()}
 * always read big-endian (for attributes like {@code IFLA_VXLAN_PORT} that are network order
 * without the flag).
 *
 * <p>Unsigned values are returned as {@code int}/{@code long} bit patterns where the Java type
 * cannot hold them ({@link #u32()}, {@link #u64()}); {@link #u8()} and {@link #u16()} return
 * non-negative {@code int}s. Views ({@link #segment()}, {@link #nested()}) share the underlying
 * memory. Not thread-safe.
 */
public final class Attributes {
    // The run is [start, end) of run's memory; positions below are offsets in that memory, so a
    // cursor over a message's attributes needs no slice of the receive buffer.
    private MemorySegment run;
    private long start;
    private long end;
    /** Where {@code start} lies in the caller's numbering (for exception offsets). */
    private long base;
    /** Offset of the next attribute header. */
    private long next;
    /** Offset of the current attribute header, or -1. */
    private long current = -1;
    private int rawType;
    private int valueLength;
    /** Reused for IPv4/IPv6 addresses (the JDK copies the bytes into the address it makes). */
    private byte[] addr4;
    private byte[] addr16;

    private Attributes(MemorySegment run, long start, long end, long base) {
        reset(run, start, end, base);
    }

    /** A cursor over {@code [start, end)} of {@code run} (no slice made). */
    static Attributes over(MemorySegment run, long start, long end, long base) {
        return new Attributes(run, start, end, base);
    }

    /** Re-aims this cursor at {@code [start, end)} of {@code run}, before the first attribute. */
    Attributes reset(MemorySegment run, long start, long end, long base) {
        this.run = run;
        this.start = start;
        this.end = end;
        this.base = base;
        this.next = start;
        this.current = -1;
        return this;
    }

    /**
     * A cursor over the attributes filling {@code run}; offsets in exceptions count from its start.
     *
     * @param run memory holding zero or more attributes, back to back
     * @return a cursor positioned before the first attribute
     */
    public static Attributes of(MemorySegment run) {
        return new Attributes(run, 0, run.byteSize(), 0);
    }

    /**
     * A cursor over the attributes filling {@code run}, which starts at {@code baseOffset} of some
     * larger buffer (used only to report offsets in exceptions).
     *
     * @param run        memory holding zero or more attributes, back to back
     * @param baseOffset where {@code run} starts in the caller's buffer
     * @return a cursor positioned before the first attribute
     */
    public static Attributes of(MemorySegment run, long baseOffset) {
        return new Attributes(run, 0, run.byteSize(), baseOffset);
    }

    /**
     * Moves to the next attribute.
     *
     * @return true if there is one, false at the end of the run
     * @throws NetlinkFormatException if its header is malformed (the cursor then has no current
     *                                attribute and further calls throw again)
     */
    public boolean next() {
        current = -1;
        long size = end;
        if (next >= size) {
            return false;
        }
        long remaining = size - next;
        if (remaining < NLA_HDRLEN) {
            throw new NetlinkFormatException(remaining + " trailing bytes, too short for a "
                    + NLA_HDRLEN + "-byte attribute header", base + next - start);
        }
        int len = Short.toUnsignedInt(run.get(U16, next));
        int type = Short.toUnsignedInt(run.get(U16, next + 2));
        if (len < NLA_HDRLEN) {
            throw new NetlinkFormatException("nla_len " + len + " of attribute type "
                    + (type & NLA_TYPE_MASK) + " is shorter than the " + NLA_HDRLEN + "-byte header",
                    base + next - start);
        }
        if (len > remaining) {
            throw new NetlinkFormatException("nla_len " + len + " of attribute type "
                    + (type & NLA_TYPE_MASK) + " exceeds the " + remaining + " bytes remaining",
                    base + next - start);
        }
        current = next;
        rawType = type;
        valueLength = len - NLA_HDRLEN;
        next = Math.min(next + Netlink.nlaAlign(len), size);
        return true;
    }

    /**
     * Rewinds to before the first attribute, to iterate the run again.
     *
     * @return this cursor
     */
    public Attributes rewind() {
        next = start;
        current = -1;
        return this;
    }

    /**
     * Rewinds and moves to the first attribute of type {@code type} (flags ignored).
     *
     * @param type the attribute type, without {@code NLA_F_*} flags
     * @return true if found (it is then the current attribute); false if not (no current one)
     * @throws NetlinkFormatException if a malformed header is met on the way
     */
    public boolean find(int type) {
        rewind();
        while (next()) {
            if (type() == type) {
                return true;
            }
        }
        return false;
    }

    private void checkCurrent() {
        if (current < 0) {
            throw new IllegalStateException("no current attribute: call next() first (and only while it returns true)");
        }
    }

    /** {@return the current attribute's type, without the {@code NLA_F_NESTED}/{@code NLA_F_NET_BYTEORDER} flags} */
    public int type() {
        checkCurrent();
        return rawType & NLA_TYPE_MASK;
    }

    /** {@return the current attribute's {@code nla_type} as on the wire, flags included} */
    public int rawType() {
        checkCurrent();
        return rawType;
    }

    /** {@return whether the current attribute has {@link Netlink#NLA_F_NESTED} set} */
    public boolean isNested() {
        checkCurrent();
        return (rawType & NLA_F_NESTED) != 0;
    }

    /** {@return whether the current attribute has {@link Netlink#NLA_F_NET_BYTEORDER} set} */
    public boolean isNetByteOrder() {
        checkCurrent();
        return (rawType & NLA_F_NET_BYTEORDER) != 0;
    }

    /** {@return the current attribute's value length in bytes: {@code nla_len - NLA_HDRLEN}, padding excluded} */
    public int length() {
        checkCurrent();
        return valueLength;
    }

    /** {@return the offset of the current attribute's header (see {@link NetlinkFormatException#offset()})} */
    public long offset() {
        checkCurrent();
        return base + current - start;
    }

    /** {@return the current attribute's value, no copy (valid while the underlying memory is)} */
    public MemorySegment segment() {
        checkCurrent();
        return run.asSlice(current + NLA_HDRLEN, valueLength);
    }

    /**
     * Copies the current attribute's value ({@link #length()} bytes) into {@code dst}.
     *
     * @param dst    the destination
     * @param offset where in {@code dst} the value goes
     * @throws IndexOutOfBoundsException if {@code dst} has no room for it there
     */
    public void copyValue(byte[] dst, int offset) {
        checkCurrent();
        MemorySegment.copy(run, U8, current + NLA_HDRLEN, dst, offset, valueLength);
    }

    /** {@return a copy of the current attribute's value} */
    public byte[] bytes() {
        checkCurrent();
        byte[] b = new byte[valueLength];
        MemorySegment.copy(run, U8, current + NLA_HDRLEN, b, 0, valueLength);
        return b;
    }

    /**
     * The current attribute's value as a string: UTF-8 up to the first NUL, or to the end of the
     * value if there is no NUL (some families omit it).
     *
     * @return the string, possibly empty
     */
    public String string() {
        checkCurrent();
        long at = current + NLA_HDRLEN;
        int n = 0;
        while (n < valueLength && run.get(U8, at + n) != 0) {
            n++;
        }
        byte[] b = new byte[n];
        MemorySegment.copy(run, U8, at, b, 0, n);
        return new String(b, StandardCharsets.UTF_8);
    }

    /**
     * A flag attribute carries no value: its presence is the information.
     *
     * @return true
     * @throws NetlinkFormatException if the value is not empty
     */
    public boolean flag() {
        expect(0, "flag");
        return true;
    }

    /**
     * {@return the value as an unsigned 8-bit integer (0..255)}
     *
     * @throws NetlinkFormatException unless 1 byte long
     */
    public int u8() {
        return Byte.toUnsignedInt(s8());
    }

    /**
     * {@return the value as a signed 8-bit integer}
     *
     * @throws NetlinkFormatException unless 1 byte long
     */
    public byte s8() {
        expect(1, "8-bit integer");
        return run.get(U8, current + NLA_HDRLEN);
    }

    /**
     * {@return the value as an unsigned 16-bit integer (0..65535), host order or big-endian if
     * {@code NLA_F_NET_BYTEORDER} is set}
     *
     * @throws NetlinkFormatException unless 2 bytes long
     */
    public int u16() {
        return Short.toUnsignedInt(s16());
    }

    /**
     * {@return the value as a signed 16-bit integer (byte order as {@link #u16()})}
     *
     * @throws NetlinkFormatException unless 2 bytes long
     */
    public short s16() {
        expect(2, "16-bit integer");
        return run.get(netOrder() ? U16_BE : U16, current + NLA_HDRLEN);
    }

    /**
     * {@return the value as an unsigned 32-bit integer bit pattern, host order or big-endian if
     * {@code NLA_F_NET_BYTEORDER} is set}
     *
     * @throws NetlinkFormatException unless 4 bytes long
     */
    public int u32() {
        expect(4, "32-bit integer");
        return run.get(netOrder() ? U32_BE : U32, current + NLA_HDRLEN);
    }

    /**
     * {@return the value as a signed 32-bit integer (byte order as {@link #u32()})}
     *
     * @throws NetlinkFormatException unless 4 bytes long
     */
    public int s32() {
        return u32();
    }

    /**
     * {@return the value as an unsigned 64-bit integer bit pattern, host order or big-endian if
     * {@code NLA_F_NET_BYTEORDER} is set}
     *
     * @throws NetlinkFormatException unless 8 bytes long
     */
    public long u64() {
        expect(8, "64-bit integer");
        return run.get(netOrder() ? U64_BE : U64, current + NLA_HDRLEN);
    }

    /**
     * {@return the value as a signed 64-bit integer (byte order as {@link #u64()})}
     *
     * @throws NetlinkFormatException unless 8 bytes long
     */
    public long s64() {
        return u64();
    }

    /**
     * The kernel's variable-width unsigned integer ({@code NLA_UINT}, {@code nla_get_uint}): 4 or 8
     * bytes.
     *
     * @return the value zero-extended to 64 bits
     * @throws NetlinkFormatException unless 4 or 8 bytes long
     */
    public long uint() {
        checkCurrent();
        return valueLength == 4 ? Integer.toUnsignedLong(u32()) : uintOr8("NLA_UINT");
    }

    /**
     * The kernel's variable-width signed integer ({@code NLA_SINT}): 4 or 8 bytes.
     *
     * @return the value sign-extended to 64 bits
     * @throws NetlinkFormatException unless 4 or 8 bytes long
     */
    public long sint() {
        checkCurrent();
        return valueLength == 4 ? u32() : uintOr8("NLA_SINT");
    }

    private long uintOr8(String what) {
        if (valueLength != 8) {
            throw lengthMismatch("4 or 8", what);
        }
        return u64();
    }

    /**
     * {@return the value as a big-endian unsigned 16-bit integer (0..65535), whatever the flags}
     *
     * @throws NetlinkFormatException unless 2 bytes long
     */
    public int be16() {
        expect(2, "big-endian 16-bit integer");
        return Short.toUnsignedInt(run.get(U16_BE, current + NLA_HDRLEN));
    }

    /**
     * {@return the value as a big-endian 32-bit integer bit pattern, whatever the flags}
     *
     * @throws NetlinkFormatException unless 4 bytes long
     */
    public int be32() {
        expect(4, "big-endian 32-bit integer");
        return run.get(U32_BE, current + NLA_HDRLEN);
    }

    /**
     * {@return the value as a big-endian 64-bit integer bit pattern, whatever the flags}
     *
     * @throws NetlinkFormatException unless 8 bytes long
     */
    public long be64() {
        expect(8, "big-endian 64-bit integer");
        return run.get(U64_BE, current + NLA_HDRLEN);
    }

    /**
     * The value as an IP address: an {@link java.net.Inet4Address} from 4 bytes, an {@link
     * Inet6Address} (without scope, never converted to IPv4 even if IPv4-mapped) from 16.
     *
     * @return the address
     * @throws NetlinkFormatException unless 4 or 16 bytes long
     */
    public InetAddress inetAddress() {
        checkCurrent();
        if (valueLength != 4 && valueLength != 16) {
            throw lengthMismatch("4 or 16", "IP address");
        }
        byte[] b = valueLength == 4 ? (addr4 == null ? addr4 = new byte[4] : addr4)
                : (addr16 == null ? addr16 = new byte[16] : addr16);
        MemorySegment.copy(run, U8, current + NLA_HDRLEN, b, 0, valueLength);
        try {
            return b.length == 4 ? InetAddress.getByAddress(b) : Inet6Address.getByAddress(null, b, -1);
        } catch (UnknownHostException e) {
            throw new AssertionError("length was checked", e);
        }
    }

    /**
     * The value as a run of nested attributes. {@link Netlink#NLA_F_NESTED} is not required
     * (older families do not set it).
     *
     * @return a new cursor over the value, positioned before its first attribute
     */
    public Attributes nested() {
        checkCurrent();
        long v = current + NLA_HDRLEN;
        return new Attributes(run, v, v + valueLength, base + v - start);
    }

    private boolean netOrder() {
        return (rawType & NLA_F_NET_BYTEORDER) != 0;
    }

    private void expect(int len, String what) {
        checkCurrent();
        if (valueLength != len) {
            throw lengthMismatch(Integer.toString(len), what);
        }
    }

    private NetlinkFormatException lengthMismatch(String expected, String what) {
        return new NetlinkFormatException("attribute type " + (rawType & NLA_TYPE_MASK) + " has a "
                + valueLength + "-byte value, a " + what + " needs " + expected, base + current - start);
    }

    /** {@return e.g. {@code Attributes[size=48, current type=3 len=5]}} */
    @Override
    public String toString() {
        return "Attributes[size=" + (end - start)
                + (current < 0 ? ", no current" : ", current type=" + (rawType & NLA_TYPE_MASK) + " len=" + valueLength)
                + "]";
    }
}
