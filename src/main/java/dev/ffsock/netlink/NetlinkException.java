package dev.ffsock.netlink;

import dev.ffsock.ErrnoException;

/**
 * The kernel answered a netlink request with an error (NLMSG_ERROR, or an errno in NLMSG_DONE):
 * the request's message type, the errno, and the kernel's extended acknowledgement — its message
 * and the offset of the offending attribute — when it sent one. Prints as
 * {@code RTM_NEWROUTE: EEXIST (File exists) [kernel: Nexthop has invalid gateway]}.
 *
 * <p>A failed system call on the netlink socket itself is a plain {@link ErrnoException}; this
 * subclass always means an errno that came back inside a netlink message.
 */
public class NetlinkException extends ErrnoException {
    private static final long serialVersionUID = 1L;

    private final transient ExtAck extAck;

    /**
     * A request the kernel refused.
     *
     * @param request the request's name, e.g. "RTM_NEWROUTE"
     * @param errno   the errno the kernel returned (positive)
     * @param extAck  the extended acknowledgement, or {@link ExtAck#NONE}
     */
    public NetlinkException(String request, int errno, ExtAck extAck) {
        super(request, errno, detail(extAck));
        this.extAck = extAck == null ? ExtAck.NONE : extAck;
    }

    private static String detail(ExtAck a) {
        if (a == null || a.isEmpty()) return null;
        StringBuilder sb = new StringBuilder();
        if (a.message() != null) sb.append("kernel: ").append(a.message());
        if (a.offset() >= 0) sb.append(sb.isEmpty() ? "" : ", ").append("offending attribute at offset ").append(a.offset());
        return sb.isEmpty() ? null : sb.toString();
    }

    /** {@return the kernel's extended acknowledgement (possibly {@link ExtAck#NONE})} */
    public ExtAck extAck() {
        return extAck;
    }

    /** {@return the kernel's error message, or null when it sent none} */
    public String kernelMessage() {
        return extAck.message();
    }

    /** {@return the offset in the request of the attribute the kernel rejected, or -1} */
    public int offendingOffset() {
        return extAck.offset();
    }
}
