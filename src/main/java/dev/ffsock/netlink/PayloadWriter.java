package dev.ffsock.netlink;

import static dev.ffsock.netlink.Netlink.NLA_F_NESTED;
import static dev.ffsock.netlink.Netlink.NLA_HDRLEN;

import java.lang.foreign.MemorySegment;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Writes the payload of the message open in a {@link MessageBuilder}: the family's fixed header
 * with the {@code put*} methods, then attributes with the {@code attr*} methods and nests with
 * {@link #beginNested}/{@link #endNested}. A family's encoder can take a {@code PayloadWriter}
 * rather than the whole builder, so that it cannot begin or end messages.
 *
 * <h2>Alignment</h2>
 * {@code put*} writes are raw and sequential, with no padding between them: a C struct's own
 * padding must be written with {@link #putZeros}. Before each attribute the position is padded
 * with zeros to a multiple of 4, as the kernel expects ({@code NLMSG_ALIGN(hdrlen)} before the
 * first attribute, {@code NLA_ALIGN} between attributes), and each attribute's value is padded
 * after it. Integers are host byte order except the {@code BE} variants.
 *
 * <h2>Errors</h2>
 * {@link IllegalArgumentException} for an attribute type outside 0..0x3fff (the {@code NLA_F_*}
 * flags are set by the writer), a value longer than {@code nla_len} can describe (65531 bytes),
 * or an integer out of range for its width (signed and unsigned ranges are both accepted, e.g.
 * -128..255 for 8 bits); {@link IllegalStateException} when no message is open, the builder is
 * closed, or nests are ended out of order.
 */
public abstract sealed class PayloadWriter permits MessageBuilder {
    /** Largest attribute value: {@code nla_len} is 16 bits and includes the header. */
    private static final int MAX_VALUE = 0xffff - NLA_HDRLEN;
    private static final int MAX_TYPE = 0x3fff;

    final NativeBuffer buf;
    private int[] nests = new int[8];
    private int depth;

    PayloadWriter(NativeBuffer buf) {
        this.buf = buf;
    }

    /** Throws {@link IllegalStateException} unless a message is open. */
    abstract void checkOpen();

    /** {@return the number of nests begun and not ended} */
    final int openNests() {
        return depth;
    }

    /** {@return the innermost open nest's offset; only if {@link #openNests()} > 0} */
    final int innermostNest() {
        return nests[depth - 1];
    }

    final void clearNests() {
        depth = 0;
    }

    // ---- Raw writes (fixed headers) ----

    /**
     * Writes one byte.
     *
     * @param v an 8-bit value (-128..255)
     * @return this writer
     */
    public PayloadWriter putU8(int v) {
        checkOpen();
        checkRange(v, 8);
        buf.put8(v);
        return this;
    }

    /**
     * Writes a 16-bit integer in host byte order.
     *
     * @param v a 16-bit value (-32768..65535)
     * @return this writer
     */
    public PayloadWriter putU16(int v) {
        checkOpen();
        checkRange(v, 16);
        buf.put16(v);
        return this;
    }

    /**
     * Writes a 32-bit integer in host byte order.
     *
     * @param v the value
     * @return this writer
     */
    public PayloadWriter putU32(int v) {
        checkOpen();
        buf.put32(v);
        return this;
    }

    /**
     * Writes a 64-bit integer in host byte order.
     *
     * @param v the value
     * @return this writer
     */
    public PayloadWriter putU64(long v) {
        checkOpen();
        buf.put64(v);
        return this;
    }

    /**
     * Writes a 16-bit integer in network byte order (a port, for instance).
     *
     * @param v a 16-bit value (-32768..65535)
     * @return this writer
     */
    public PayloadWriter putBE16(int v) {
        checkOpen();
        checkRange(v, 16);
        buf.put16BE(v);
        return this;
    }

    /**
     * Writes a 32-bit integer in network byte order.
     *
     * @param v the value
     * @return this writer
     */
    public PayloadWriter putBE32(int v) {
        checkOpen();
        buf.put32BE(v);
        return this;
    }

    /**
     * Writes bytes as they are.
     *
     * @param b the bytes
     * @return this writer
     */
    public PayloadWriter putBytes(byte[] b) {
        return putBytes(MemorySegment.ofArray(b));
    }

    /**
     * Writes bytes as they are.
     *
     * @param b the bytes (copied)
     * @return this writer
     */
    public PayloadWriter putBytes(MemorySegment b) {
        checkOpen();
        buf.putBytes(b);
        return this;
    }

    /**
     * Writes zero bytes: struct padding, reserved fields, an all-zero header.
     *
     * @param n how many
     * @return this writer
     */
    public PayloadWriter putZeros(int n) {
        checkOpen();
        if (n < 0) {
            throw new IllegalArgumentException("negative count " + n);
        }
        buf.putZeros(n);
        return this;
    }

    /**
     * Pads with zeros to a multiple of 4 bytes (done automatically before attributes and at the
     * end of the message).
     *
     * @return this writer
     */
    public PayloadWriter align() {
        checkOpen();
        buf.align4();
        return this;
    }

    // ---- Attributes ----

    /**
     * Writes an 8-bit attribute.
     *
     * @param type attribute type (0..0x3fff)
     * @param v    an 8-bit value (-128..255)
     * @return this writer
     */
    public PayloadWriter attrU8(int type, int v) {
        checkRange(v, 8);
        attrHeader(type, 1, 0);
        buf.put8(v);
        return padded();
    }

    /**
     * Writes a 16-bit attribute in host byte order.
     *
     * @param type attribute type (0..0x3fff)
     * @param v    a 16-bit value (-32768..65535)
     * @return this writer
     */
    public PayloadWriter attrU16(int type, int v) {
        checkRange(v, 16);
        attrHeader(type, 2, 0);
        buf.put16(v);
        return padded();
    }

    /**
     * Writes a 32-bit attribute in host byte order.
     *
     * @param type attribute type (0..0x3fff)
     * @param v    the value
     * @return this writer
     */
    public PayloadWriter attrU32(int type, int v) {
        attrHeader(type, 4, 0);
        buf.put32(v);
        return padded();
    }

    /**
     * Writes a 64-bit attribute in host byte order, 4-byte aligned (no pad attribute is inserted
     * for 8-byte alignment).
     *
     * @param type attribute type (0..0x3fff)
     * @param v    the value
     * @return this writer
     */
    public PayloadWriter attrU64(int type, long v) {
        attrHeader(type, 8, 0);
        buf.put64(v);
        return padded();
    }

    /**
     * Writes a big-endian 16-bit attribute, without {@code NLA_F_NET_BYTEORDER} (like the kernel's
     * {@code nla_put_be16}).
     *
     * @param type attribute type (0..0x3fff)
     * @param v    a 16-bit value (-32768..65535)
     * @return this writer
     */
    public PayloadWriter attrBE16(int type, int v) {
        checkRange(v, 16);
        attrHeader(type, 2, 0);
        buf.put16BE(v);
        return padded();
    }

    /**
     * Writes a big-endian 32-bit attribute, without {@code NLA_F_NET_BYTEORDER} (like the kernel's
     * {@code nla_put_be32}).
     *
     * @param type attribute type (0..0x3fff)
     * @param v    the value
     * @return this writer
     */
    public PayloadWriter attrBE32(int type, int v) {
        attrHeader(type, 4, 0);
        buf.put32BE(v);
        return padded();
    }

    /**
     * Writes a string attribute: UTF-8 and a terminating NUL.
     *
     * @param type attribute type (0..0x3fff)
     * @param s    the string, without NUL characters
     * @return this writer
     * @throws IllegalArgumentException if {@code s} contains a NUL or is too long
     */
    public PayloadWriter attrString(int type, String s) {
        if (s.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("string attribute contains a NUL character");
        }
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        attrHeader(type, b.length + 1L, 0);
        buf.putBytes(MemorySegment.ofArray(b));
        buf.put8(0);
        return padded();
    }

    /**
     * Writes a binary attribute.
     *
     * @param type attribute type (0..0x3fff)
     * @param b    the value
     * @return this writer
     */
    public PayloadWriter attrBytes(int type, byte[] b) {
        return attrBytes(type, MemorySegment.ofArray(b));
    }

    /**
     * Writes a binary attribute.
     *
     * @param type attribute type (0..0x3fff)
     * @param b    the value (copied)
     * @return this writer
     */
    public PayloadWriter attrBytes(int type, MemorySegment b) {
        attrHeader(type, b.byteSize(), 0);
        buf.putBytes(b);
        return padded();
    }

    /**
     * Writes a flag attribute: a header with no value.
     *
     * @param type attribute type (0..0x3fff)
     * @return this writer
     */
    public PayloadWriter attrFlag(int type) {
        attrHeader(type, 0, 0);
        return this;
    }

    /**
     * Writes an address attribute: 4 bytes for IPv4, 16 for IPv6, network order.
     *
     * @param type attribute type (0..0x3fff)
     * @param a    the address
     * @return this writer
     */
    public PayloadWriter attrInetAddress(int type, InetAddress a) {
        return attrBytes(type, a.getAddress());
    }

    /**
     * Starts a nested attribute, with {@link Netlink#NLA_F_NESTED} set: the attributes written
     * until the matching {@link #endNested} become its value. Nests may be nested.
     *
     * @param type attribute type (0..0x3fff)
     * @return the nest's offset, to pass to {@code endNested}
     */
    public int beginNested(int type) {
        attrHeader(type, 0, NLA_F_NESTED);
        int start = buf.position() - NLA_HDRLEN;
        if (depth == nests.length) {
            nests = Arrays.copyOf(nests, depth * 2);
        }
        nests[depth++] = start;
        return start;
    }

    /**
     * Ends the innermost open nest, setting its {@code nla_len}.
     *
     * @param start what {@link #beginNested} returned for it
     * @return this writer
     * @throws IllegalStateException    if {@code start} is not the innermost open nest
     * @throws IllegalArgumentException if the nest grew beyond the 65535 bytes {@code nla_len} can hold
     */
    public PayloadWriter endNested(int start) {
        checkOpen();
        if (depth == 0 || nests[depth - 1] != start) {
            throw new IllegalStateException("offset " + start + " is not the innermost open nest"
                    + (depth == 0 ? " (none open)" : " (that is at " + nests[depth - 1] + ")"));
        }
        buf.align4();
        int len = buf.position() - start;
        if (len > 0xffff) {
            throw new IllegalArgumentException("nested attribute at offset " + start + " grew to " + len
                    + " bytes, more than nla_len can hold (65535)");
        }
        buf.set16(start, len);
        depth--;
        return this;
    }

    /** Pads to 4 and writes an attribute header for a value of {@code valueLen} bytes. */
    private void attrHeader(int type, long valueLen, int typeFlags) {
        checkOpen();
        if (type < 0 || type > MAX_TYPE) {
            throw new IllegalArgumentException("attribute type " + type + " outside 0..0x3fff");
        }
        if (valueLen > MAX_VALUE) {
            throw new IllegalArgumentException("attribute type " + type + ": value of " + valueLen
                    + " bytes exceeds " + MAX_VALUE);
        }
        buf.align4();
        buf.put16(NLA_HDRLEN + (int) valueLen);
        buf.put16(type | typeFlags);
    }

    /** Pads the value just written to 4 bytes, as {@code nla_put} does. */
    private PayloadWriter padded() {
        buf.align4();
        return this;
    }

    private static void checkRange(int v, int bits) {
        if (v < -(1 << (bits - 1)) || v > (1 << bits) - 1) {
            throw new IllegalArgumentException("value " + v + " does not fit in " + bits + " bits");
        }
    }
}
