package dev.ffsock.netlink;

import static dev.ffsock.netlink.Layouts.U16;
import static dev.ffsock.netlink.Layouts.U32;
import static dev.ffsock.netlink.Layouts.U8;
import static dev.ffsock.netlink.Netlink.NLMSG_DONE;
import static dev.ffsock.netlink.Netlink.NLMSG_ERROR;
import static dev.ffsock.netlink.Netlink.NLMSG_HDRLEN;
import static dev.ffsock.netlink.Netlink.NLMSG_MIN_TYPE;
import static dev.ffsock.netlink.Netlink.NLMSG_NOOP;
import static dev.ffsock.netlink.Netlink.NLMSG_OVERRUN;
import static dev.ffsock.netlink.Netlink.NLM_F_MULTI;

import java.lang.foreign.MemorySegment;

/**
 * A view of one parsed netlink message: the {@code struct nlmsghdr} fields and the payload after
 * the header, as slices of the buffer it was read from (nothing is copied).
 *
 * <p>Instances come from {@link MessageReader} (the usual way: many messages in one received
 * buffer) or from {@link #parse(MemorySegment)}; both have already checked that {@code
 * nlmsg_len} is at least {@link Netlink#NLMSG_HDRLEN} and fits in the data. The view is only
 * valid as long as the underlying memory is: a receive buffer that is reused for the next
 * {@code recv} overwrites it, so copy out what must outlive the buffer.
 *
 * <p>Header fields are read from the memory on each call, in host byte order. Unsigned 32-bit
 * fields come back as {@code int} bit patterns; unsigned 16-bit fields as non-negative {@code
 * int}s.
 *
 * <p>Typical decoding of an rtnetlink reply whose payload is a {@code struct ifinfomsg} (16 bytes)
 * followed by attributes:
 * {@snippet :
 * MemorySegment ifi = msg.payloadHeader(16);     // NetlinkFormatException if shorter
 * int index = ifi.get(ValueLayout.JAVA_INT_UNALIGNED, 4);
 * Attributes attrs = msg.attributes(16);
 * while (attrs.next()) {
 *     switch (attrs.type()) {
 *         case 3 -> name = attrs.string();   // IFLA_IFNAME
 *         case 4 -> mtu = attrs.u32();       // IFLA_MTU
 *         default -> { }
 *     }
 * }
 * }
 */
public final class NetlinkMessage {
    // The message is [pos, pos + len) of buf: no slice is made unless segment() or payload() asks.
    private MemorySegment buf;
    private long pos;
    private long len;
    private long offset;

    private NetlinkMessage(MemorySegment buf, long pos, long len, long offset) {
        set(buf, pos, len, offset);
    }

    /** A message to be aimed with {@link #read(MemorySegment, long, long, NetlinkMessage)}. */
    NetlinkMessage() {
    }

    private void set(MemorySegment buf, long pos, long len, long offset) {
        this.buf = buf;
        this.pos = pos;
        this.len = len;
        this.offset = offset;
    }

    /**
     * Parses the one message at the start of {@code data}; bytes after its {@code nlmsg_len} are
     * ignored. Use {@link MessageReader} for a buffer that may hold several messages.
     *
     * @param data memory starting with a {@code struct nlmsghdr}
     * @return a view of the message (sharing {@code data}'s memory)
     * @throws NetlinkFormatException if {@code data} is shorter than a header, or {@code
     *                                nlmsg_len} is shorter than a header or longer than {@code data}
     */
    public static NetlinkMessage parse(MemorySegment data) {
        return read(data, 0, 0);
    }

    /**
     * Checks and slices the message starting at {@code pos} of {@code buf}.
     *
     * @param base added to offsets in the view and in exceptions (where {@code buf} starts in the
     *             caller's numbering)
     */
    static NetlinkMessage read(MemorySegment buf, long pos, long base) {
        return read(buf, pos, base, null);
    }

    /** As {@link #read(MemorySegment, long, long)}, re-aiming {@code reuse} if not null. */
    static NetlinkMessage read(MemorySegment buf, long pos, long base, NetlinkMessage reuse) {
        long remaining = buf.byteSize() - pos;
        if (remaining < NLMSG_HDRLEN) {
            throw new NetlinkFormatException("truncated netlink message header: " + remaining
                    + " bytes left, a header needs " + NLMSG_HDRLEN, base + pos);
        }
        long len = Integer.toUnsignedLong(buf.get(U32, pos));
        if (len < NLMSG_HDRLEN) {
            throw new NetlinkFormatException("nlmsg_len " + len + " is shorter than the "
                    + NLMSG_HDRLEN + "-byte header", base + pos);
        }
        if (len > remaining) {
            throw new NetlinkFormatException("nlmsg_len " + len + " exceeds the " + remaining
                    + " bytes remaining", base + pos);
        }
        if (reuse == null) return new NetlinkMessage(buf, pos, len, base + pos);
        reuse.set(buf, pos, len, base + pos);
        return reuse;
    }

    /** {@return {@code nlmsg_len}: the length of the message including its header} */
    public int length() {
        return (int) len;
    }

    /** {@return {@code nlmsg_type} (0..65535)} */
    public int type() {
        return Short.toUnsignedInt(buf.get(U16, pos + 4));
    }

    /** {@return {@code nlmsg_flags} (0..65535), a combination of {@code NLM_F_*}} */
    public int flags() {
        return Short.toUnsignedInt(buf.get(U16, pos + 6));
    }

    /**
     * Tests header flags.
     *
     * @param mask one or more {@code NLM_F_*} flags
     * @return whether all flags in {@code mask} are set
     */
    public boolean hasFlags(int mask) {
        return (flags() & mask) == mask;
    }

    /** {@return {@code nlmsg_seq}, the sequence number (unsigned, as an {@code int})} */
    public int seq() {
        return buf.get(U32, pos + 8);
    }

    /** {@return {@code nlmsg_pid}, the sender's port id (0 for the kernel; unsigned, as an {@code int})} */
    public int pid() {
        return buf.get(U32, pos + 12);
    }

    /**
     * {@return where this message starts, counted from the start of the buffer handed to the
     * {@link MessageReader} (0 for {@link #parse})}
     */
    public long offset() {
        return offset;
    }

    /** {@return the whole message, header included ({@link #length()} bytes, no copy)} */
    public MemorySegment segment() {
        return buf.asSlice(pos, len);
    }

    /** {@return the payload after the 16-byte header, no copy} */
    public MemorySegment payload() {
        return buf.asSlice(pos + NLMSG_HDRLEN, len - NLMSG_HDRLEN);
    }

    /** {@return the payload length: {@code nlmsg_len - NLMSG_HDRLEN}} */
    public int payloadLength() {
        return length() - NLMSG_HDRLEN;
    }

    /**
     * The family-specific fixed header at the start of the payload ({@code struct ifinfomsg},
     * {@code struct genlmsghdr}, ...).
     *
     * @param len its size in bytes
     * @return the first {@code len} payload bytes, no copy
     * @throws NetlinkFormatException   if the payload is shorter than {@code len}
     * @throws IllegalArgumentException if {@code len} is negative
     */
    public MemorySegment payloadHeader(int len) {
        checkHeaderLen(len);
        return buf.asSlice(pos + NLMSG_HDRLEN, len);
    }

    /**
     * {@return the unsigned byte at {@code off} of the payload} For decoders that read a fixed
     * header's fields without a {@link #payloadHeader} view.
     *
     * @param off offset in the payload
     * @throws NetlinkFormatException if the payload ends before it
     */
    public int payloadU8(int off) {
        checkHeaderLen(off + 1);
        return Byte.toUnsignedInt(buf.get(U8, pos + NLMSG_HDRLEN + off));
    }

    /**
     * {@return the unsigned 16-bit value (host order) at {@code off} of the payload}
     *
     * @param off offset in the payload
     * @throws NetlinkFormatException if the payload ends before its last byte
     */
    public int payloadU16(int off) {
        checkHeaderLen(off + 2);
        return Short.toUnsignedInt(buf.get(U16, pos + NLMSG_HDRLEN + off));
    }

    /**
     * {@return the 32-bit value (host order) at {@code off} of the payload}
     *
     * @param off offset in the payload
     * @throws NetlinkFormatException if the payload ends before its last byte
     */
    public int payloadS32(int off) {
        checkHeaderLen(off + 4);
        return buf.get(U32, pos + NLMSG_HDRLEN + off);
    }

    /**
     * The attributes after a family-specific fixed header: they start at {@code
     * NLMSG_ALIGN(headerLen)} into the payload, like the kernel's {@code nlmsg_attrdata}. A
     * payload that ends inside the header's alignment padding has no attributes.
     *
     * @param headerLen size of the fixed header (0 if the payload is only attributes)
     * @return a cursor over the attributes, positioned before the first one
     * @throws NetlinkFormatException   if the payload is shorter than {@code headerLen}
     * @throws IllegalArgumentException if {@code headerLen} is negative
     */
    public Attributes attributes(int headerLen) {
        return attributes(headerLen, null);
    }

    /**
     * As {@link #attributes(int)}, re-aiming {@code reuse} instead of making a new cursor: for a
     * decoder that walks many messages (a dump) without allocating per message.
     *
     * @param headerLen size of the fixed header (0 if the payload is only attributes)
     * @param reuse     a cursor to re-aim, or null for a new one
     * @return {@code reuse} (or the new cursor), positioned before the first attribute
     * @throws NetlinkFormatException   if the payload is shorter than {@code headerLen}
     * @throws IllegalArgumentException if {@code headerLen} is negative
     */
    public Attributes attributes(int headerLen, Attributes reuse) {
        checkHeaderLen(headerLen);
        long start = Math.min((long) NLMSG_HDRLEN + Netlink.nlmsgAlign(headerLen), len);
        if (reuse == null) return Attributes.over(buf, pos + start, pos + len, offset + start);
        return reuse.reset(buf, pos + start, pos + len, offset + start);
    }

    private void checkHeaderLen(int len) {
        if (len < 0) {
            throw new IllegalArgumentException("negative header length " + len);
        }
        if (len > payloadLength()) {
            throw new NetlinkFormatException("message type " + type() + " has a " + payloadLength()
                    + "-byte payload, too short for its " + len + "-byte fixed header",
                    offset + NLMSG_HDRLEN);
        }
    }

    /** {@return whether this is an {@link Netlink#NLMSG_ERROR} message (an error or an ACK)} */
    public boolean isError() {
        return type() == NLMSG_ERROR;
    }

    /** {@return whether this is an {@link Netlink#NLMSG_DONE} message} */
    public boolean isDone() {
        return type() == NLMSG_DONE;
    }

    /** {@return whether {@link Netlink#NLM_F_MULTI} is set (part of a multipart reply)} */
    public boolean isMulti() {
        return (flags() & NLM_F_MULTI) != 0;
    }

    /** {@return whether the type is a reserved control type (below {@link Netlink#NLMSG_MIN_TYPE})} */
    public boolean isControl() {
        return type() < NLMSG_MIN_TYPE;
    }

    /**
     * Parses this {@link Netlink#NLMSG_ERROR} message; shorthand for {@link
     * NetlinkError#parse(NetlinkMessage)}.
     *
     * @return the error or ACK
     * @throws IllegalStateException  if this is not an {@code NLMSG_ERROR} message
     * @throws NetlinkFormatException if it is malformed
     */
    public NetlinkError error() {
        if (!isError()) {
            throw new IllegalStateException("not an NLMSG_ERROR message: type " + type());
        }
        return NetlinkError.parse(this);
    }

    /** {@return e.g. {@code NetlinkMessage[type=16, flags=0x2, seq=7, pid=0, len=1232]}} */
    @Override
    public String toString() {
        return "NetlinkMessage[type=" + typeName(type()) + ", flags=0x" + Integer.toHexString(flags())
                + ", seq=" + Integer.toUnsignedString(seq()) + ", pid=" + Integer.toUnsignedString(pid())
                + ", len=" + length() + "]";
    }

    private static String typeName(int type) {
        return switch (type) {
            case NLMSG_NOOP -> "NLMSG_NOOP";
            case NLMSG_ERROR -> "NLMSG_ERROR";
            case NLMSG_DONE -> "NLMSG_DONE";
            case NLMSG_OVERRUN -> "NLMSG_OVERRUN";
            default -> Integer.toString(type);
        };
    }
}
