package dev.ffsock.netlink;

import static dev.ffsock.netlink.Netlink.NLMSGERR_ATTR_COOKIE;
import static dev.ffsock.netlink.Netlink.NLMSGERR_ATTR_MISS_NEST;
import static dev.ffsock.netlink.Netlink.NLMSGERR_ATTR_MISS_TYPE;
import static dev.ffsock.netlink.Netlink.NLMSGERR_ATTR_MSG;
import static dev.ffsock.netlink.Netlink.NLMSGERR_ATTR_OFFS;
import static dev.ffsock.netlink.Netlink.NLMSGERR_ATTR_POLICY;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/**
 * Extended ACK information ({@code NLMSGERR_ATTR_*} TLVs) that the kernel appends to an {@link
 * Netlink#NLMSG_ERROR} or {@link Netlink#NLMSG_DONE} message, flagged by {@link
 * Netlink#NLM_F_ACK_TLVS}, when the socket has {@link Netlink#NETLINK_EXT_ACK} enabled.
 *
 * <p>Every field is optional; absent ones are {@code null} (references) or -1 (numbers). The byte
 * arrays are copies, so an {@code ExtAck} outlives the receive buffer; the accessors return fresh
 * copies and {@link #equals} compares contents.
 *
 * @param message     {@code NLMSGERR_ATTR_MSG}: human-readable error text, e.g. {@code "Unknown
 *                    device type"}; null if absent
 * @param offset      {@code NLMSGERR_ATTR_OFFS}: offset of the offending attribute in the original
 *                    request, counted from its {@code nlmsghdr}; -1 if absent
 * @param missingType {@code NLMSGERR_ATTR_MISS_TYPE}: type of a missing required attribute; -1 if
 *                    absent
 * @param missingNest {@code NLMSGERR_ATTR_MISS_NEST}: offset in the original request of the nest
 *                    that lacked it (absent when missing at the message level); -1 if absent
 * @param cookie      {@code NLMSGERR_ATTR_COOKIE}: subsystem-specific bytes (on success, may
 *                    identify the created object); null if absent
 * @param policy      {@code NLMSGERR_ATTR_POLICY}: the nested {@code NL_POLICY_TYPE_ATTR_*}
 *                    attributes describing the violated policy, raw (parse with {@code
 *                    Attributes.of(MemorySegment.ofArray(policy))}); null if absent
 */
public record ExtAck(String message, int offset, int missingType, int missingNest, byte[] cookie, byte[] policy) {
    /** No extended ACK information at all. */
    public static final ExtAck NONE = new ExtAck(null, -1, -1, -1, null, null);

    /** Copies the arrays. */
    public ExtAck {
        cookie = cookie == null ? null : cookie.clone();
        policy = policy == null ? null : policy.clone();
    }

    /**
     * Parses a run of {@code NLMSGERR_ATTR_*} TLVs; unknown types are ignored, a repeated type
     * keeps the last value.
     *
     * @param tlvs a cursor over the TLVs, positioned before the first
     * @return the extended ACK
     * @throws NetlinkFormatException if a TLV is malformed or has the wrong length for its type
     */
    public static ExtAck parse(Attributes tlvs) {
        String message = null;
        int offset = -1;
        int missingType = -1;
        int missingNest = -1;
        byte[] cookie = null;
        byte[] policy = null;
        while (tlvs.next()) {
            switch (tlvs.type()) {
                case NLMSGERR_ATTR_MSG -> message = tlvs.string();
                case NLMSGERR_ATTR_OFFS -> offset = tlvs.u32();
                case NLMSGERR_ATTR_COOKIE -> cookie = tlvs.bytes();
                case NLMSGERR_ATTR_POLICY -> policy = tlvs.bytes();
                case NLMSGERR_ATTR_MISS_TYPE -> missingType = tlvs.u32();
                case NLMSGERR_ATTR_MISS_NEST -> missingNest = tlvs.u32();
                default -> {
                }
            }
        }
        return new ExtAck(message, offset, missingType, missingNest, cookie, policy);
    }

    /** {@return a copy of the cookie, or null} */
    @Override
    public byte[] cookie() {
        return cookie == null ? null : cookie.clone();
    }

    /** {@return a copy of the raw policy attributes, or null} */
    @Override
    public byte[] policy() {
        return policy == null ? null : policy.clone();
    }

    /** {@return whether no field is present} */
    public boolean isEmpty() {
        return equals(NONE);
    }

    /** Compares all fields, the arrays by content. */
    @Override
    public boolean equals(Object o) {
        return o instanceof ExtAck e
                && Objects.equals(message, e.message)
                && offset == e.offset
                && missingType == e.missingType
                && missingNest == e.missingNest
                && Arrays.equals(cookie, e.cookie)
                && Arrays.equals(policy, e.policy);
    }

    /** Hashes all fields, the arrays by content. */
    @Override
    public int hashCode() {
        return Objects.hash(message, offset, missingType, missingNest)
                + 31 * Arrays.hashCode(cookie) + 961 * Arrays.hashCode(policy);
    }

    /** {@return the present fields only, e.g. {@code ExtAck[message="Unknown device type", offset=36]}} */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("ExtAck[");
        String sep = "";
        if (message != null) {
            sb.append("message=\"").append(message).append('"');
            sep = ", ";
        }
        if (offset != -1) {
            sb.append(sep).append("offset=").append(Integer.toUnsignedString(offset));
            sep = ", ";
        }
        if (missingType != -1) {
            sb.append(sep).append("missingType=").append(Integer.toUnsignedString(missingType));
            sep = ", ";
        }
        if (missingNest != -1) {
            sb.append(sep).append("missingNest=").append(Integer.toUnsignedString(missingNest));
            sep = ", ";
        }
        if (cookie != null) {
            sb.append(sep).append("cookie=").append(HexFormat.of().formatHex(cookie));
            sep = ", ";
        }
        if (policy != null) {
            sb.append(sep).append("policy=").append(policy.length).append(" bytes");
        }
        return sb.append(']').toString();
    }
}
