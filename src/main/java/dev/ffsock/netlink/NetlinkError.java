package dev.ffsock.netlink;

import static dev.ffsock.netlink.Layouts.U16;
import static dev.ffsock.netlink.Layouts.U32;
import static dev.ffsock.netlink.Layouts.U8;
import static dev.ffsock.netlink.Netlink.NLMSG_DONE;
import static dev.ffsock.netlink.Netlink.NLMSG_ERROR;
import static dev.ffsock.netlink.Netlink.NLMSG_HDRLEN;
import static dev.ffsock.netlink.Netlink.NLM_F_ACK_TLVS;
import static dev.ffsock.netlink.Netlink.NLM_F_CAPPED;

import java.lang.foreign.MemorySegment;

/**
 * The status carried by an {@link Netlink#NLMSG_ERROR} message ({@code struct nlmsgerr}: an
 * error code, the echoed header of the request it answers, optionally the request's payload and
 * extended ACK TLVs), or by the {@link Netlink#NLMSG_DONE} that ends a dump (an error code and
 * optional TLVs). An error code of 0 is an ACK.
 *
 * <p>Layout of an {@code NLMSG_ERROR} payload, as the kernel's {@code netlink_ack} writes it:
 * <pre>
 *   int error;              -errno, or 0 for an ACK
 *   struct nlmsghdr msg;    the request's header, verbatim (its nlmsg_len is the request's)
 *   [request payload]       NLMSG_ALIGN(msg.nlmsg_len - 16) bytes, only if error != 0 and
 *                           NLM_F_CAPPED is clear (the socket did not set NETLINK_CAP_ACK)
 *   [TLVs]                  NLMSGERR_ATTR_*, only if NLM_F_ACK_TLVS is set
 * </pre>
 * When {@code NLM_F_ACK_TLVS} is clear and the echoed payload is shorter than the echoed {@code
 * nlmsg_len} says (older kernels capped without setting {@code NLM_F_CAPPED}), what is present
 * is kept. When TLVs are flagged, their position must be exact, so a short echo is an error.
 * Malformed TLVs are reported as {@link NetlinkFormatException} rather than skipped.
 *
 * <p>An {@code NetlinkError} is a value: it copies what it keeps (the echoed payload, the
 * extended ACK), so it outlives the receive buffer and can go into an exception. It does not
 * look up errno names (that is the syscall layer's job); the connection is expected to turn a
 * non-ACK into an exception carrying {@link #errno()} and {@link #extAck()}.
 */
public final class NetlinkError {
    /** Size of {@code struct nlmsgerr}: the error code and the echoed header. */
    private static final int NLMSGERR_SIZE = 4 + NLMSG_HDRLEN;
    private static final byte[] EMPTY = new byte[0];

    private final int error;
    private final boolean fromDone;
    private final boolean capped;
    private final int originalLength;
    private final int originalType;
    private final int originalFlags;
    private final int originalSeq;
    private final int originalPid;
    private final byte[] originalPayload;
    private final ExtAck extAck;

    private NetlinkError(int error, boolean fromDone, boolean capped, MemorySegment echoedHeader,
                         byte[] originalPayload, ExtAck extAck) {
        this.error = error;
        this.fromDone = fromDone;
        this.capped = capped;
        if (echoedHeader != null) {
            this.originalLength = echoedHeader.get(U32, 0);
            this.originalType = Short.toUnsignedInt(echoedHeader.get(U16, 4));
            this.originalFlags = Short.toUnsignedInt(echoedHeader.get(U16, 6));
            this.originalSeq = echoedHeader.get(U32, 8);
            this.originalPid = echoedHeader.get(U32, 12);
        } else {
            this.originalLength = 0;
            this.originalType = 0;
            this.originalFlags = 0;
            this.originalSeq = 0;
            this.originalPid = 0;
        }
        this.originalPayload = originalPayload;
        this.extAck = extAck;
    }

    /**
     * Parses an {@link Netlink#NLMSG_ERROR} message.
     *
     * @param msg the message
     * @return its error code, echoed request and extended ACK
     * @throws IllegalArgumentException if {@code msg} is not an {@code NLMSG_ERROR}
     * @throws NetlinkFormatException   if the payload is too short for {@code struct nlmsgerr}, the
     *                                  echoed header's length is impossible, or the TLVs are
     *                                  malformed
     */
    public static NetlinkError parse(NetlinkMessage msg) {
        if (msg.type() != NLMSG_ERROR) {
            throw new IllegalArgumentException("not an NLMSG_ERROR message: " + msg);
        }
        MemorySegment payload = msg.payload();
        long plen = payload.byteSize();
        long payloadOffset = msg.offset() + NLMSG_HDRLEN;
        if (plen < NLMSGERR_SIZE) {
            throw new NetlinkFormatException("NLMSG_ERROR payload of " + plen + " bytes is too short for "
                    + "the error code and echoed header (" + NLMSGERR_SIZE + " bytes)", payloadOffset);
        }
        int error = payload.get(U32, 0);
        MemorySegment echoed = payload.asSlice(4, NLMSG_HDRLEN);
        int flags = msg.flags();
        boolean capped = (flags & NLM_F_CAPPED) != 0;
        boolean tlvs = (flags & NLM_F_ACK_TLVS) != 0;

        long tlvStart = NLMSGERR_SIZE;
        byte[] original = EMPTY;
        if (!capped && error != 0) {
            long echoedLen = Integer.toUnsignedLong(echoed.get(U32, 0));
            if (echoedLen < NLMSG_HDRLEN) {
                throw new NetlinkFormatException("echoed nlmsg_len " + echoedLen + " in NLMSG_ERROR is shorter "
                        + "than the " + NLMSG_HDRLEN + "-byte header", payloadOffset + 4);
            }
            long want = echoedLen - NLMSG_HDRLEN;
            long avail = plen - NLMSGERR_SIZE;
            if (tlvs && want > avail) {
                throw new NetlinkFormatException("echoed request payload of " + want + " bytes (from nlmsg_len "
                        + echoedLen + ") exceeds the " + avail + " bytes in NLMSG_ERROR", payloadOffset + 4);
            }
            long have = Math.min(want, avail);
            original = payload.asSlice(NLMSGERR_SIZE, have).toArray(U8);
            tlvStart = NLMSGERR_SIZE + Math.min(Netlink.nlmsgAlign(want), avail);
        }
        ExtAck ext = tlvs
                ? ExtAck.parse(Attributes.of(payload.asSlice(tlvStart), payloadOffset + tlvStart))
                : ExtAck.NONE;
        return new NetlinkError(error, false, capped, echoed, original, ext);
    }

    /**
     * Parses the status of an {@link Netlink#NLMSG_DONE} that ends a dump: an {@code int} error
     * code (0, or -errno if the dump failed part way) followed by extended ACK TLVs if {@link
     * Netlink#NLM_F_ACK_TLVS} is set. A payload shorter than 4 bytes (older kernels, some
     * families) means success. Only call this for a DONE that ends a dump you requested: some
     * families (e.g. the connector) use {@code NLMSG_DONE} as an ordinary message type with their
     * own payload.
     *
     * @param msg the message
     * @return its status; it has no echoed header
     * @throws IllegalArgumentException if {@code msg} is not an {@code NLMSG_DONE}
     * @throws NetlinkFormatException   if TLVs are flagged but malformed or the error code is missing
     */
    public static NetlinkError parseDone(NetlinkMessage msg) {
        if (msg.type() != NLMSG_DONE) {
            throw new IllegalArgumentException("not an NLMSG_DONE message: " + msg);
        }
        MemorySegment payload = msg.payload();
        long payloadOffset = msg.offset() + NLMSG_HDRLEN;
        boolean tlvs = (msg.flags() & NLM_F_ACK_TLVS) != 0;
        if (payload.byteSize() < 4) {
            if (tlvs) {
                throw new NetlinkFormatException("NLMSG_DONE flags NLM_F_ACK_TLVS but its payload of "
                        + payload.byteSize() + " bytes has no room for the error code", payloadOffset);
            }
            return new NetlinkError(0, true, false, null, EMPTY, ExtAck.NONE);
        }
        int error = payload.get(U32, 0);
        ExtAck ext = tlvs ? ExtAck.parse(Attributes.of(payload.asSlice(4), payloadOffset + 4)) : ExtAck.NONE;
        return new NetlinkError(error, true, false, null, EMPTY, ext);
    }

    /** {@return the error code as sent: 0 for an ACK, otherwise a negative errno such as -2} */
    public int error() {
        return error;
    }

    /** {@return the positive errno ({@code -error()}), 0 for an ACK} */
    public int errno() {
        return -error;
    }

    /** {@return whether this is an ACK / successful end of dump (error code 0)} */
    public boolean isAck() {
        return error == 0;
    }

    /** {@return whether this came from an {@code NLMSG_DONE} (then there is no echoed header)} */
    public boolean fromDone() {
        return fromDone;
    }

    /** {@return whether {@link Netlink#NLM_F_CAPPED} was set: the request's payload was not echoed} */
    public boolean capped() {
        return capped;
    }

    /** {@return whether there is an echoed request header (true for {@code NLMSG_ERROR}, false for {@code NLMSG_DONE})} */
    public boolean hasOriginalHeader() {
        return !fromDone;
    }

    /** {@return the echoed request's {@code nlmsg_len} (0 if no echoed header)} */
    public int originalLength() {
        return originalLength;
    }

    /** {@return the echoed request's {@code nlmsg_type} (0 if no echoed header)} */
    public int originalType() {
        return originalType;
    }

    /** {@return the echoed request's {@code nlmsg_flags} (0 if no echoed header)} */
    public int originalFlags() {
        return originalFlags;
    }

    /** {@return the echoed request's {@code nlmsg_seq}, to match the reply to its request (0 if no echoed header)} */
    public int originalSeq() {
        return originalSeq;
    }

    /** {@return the echoed request's {@code nlmsg_pid} (0 if no echoed header)} */
    public int originalPid() {
        return originalPid;
    }

    /** {@return a copy of the echoed request payload; empty when capped, for an ACK, or for DONE} */
    public byte[] originalPayload() {
        return originalPayload.clone();
    }

    /** {@return the extended ACK; {@link ExtAck#NONE} if there was none} */
    public ExtAck extAck() {
        return extAck;
    }

    /** {@return e.g. {@code NLMSG_ERROR errno 19 for request type 16 seq 5 ExtAck[message="..."]}} */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(fromDone ? "NLMSG_DONE " : "NLMSG_ERROR ");
        sb.append(error == 0 ? "ACK" : "errno " + errno());
        if (!fromDone) {
            sb.append(" for request type ").append(originalType)
                    .append(" seq ").append(Integer.toUnsignedString(originalSeq));
        }
        if (capped) {
            sb.append(" (capped)");
        }
        if (!extAck.isEmpty()) {
            sb.append(' ').append(extAck);
        }
        return sb.toString();
    }
}
