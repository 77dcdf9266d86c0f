package dev.ffsock.uring;

import dev.ffsock.internal.UringConstants;

/**
 * The io_uring operations {@link IoUring} prepares, by their C names. {@link IoUring#supports(UringOp)}
 * says whether the running kernel has one (IORING_REGISTER_PROBE at open); preparing one it lacks
 * throws {@link UnsupportedOperationException} naming it.
 */
public enum UringOp {
    /** IORING_OP_NOP. */
    NOP(UringConstants.IORING_OP_NOP),
    /** IORING_OP_READ_FIXED. */
    READ_FIXED(UringConstants.IORING_OP_READ_FIXED),
    /** IORING_OP_WRITE_FIXED. */
    WRITE_FIXED(UringConstants.IORING_OP_WRITE_FIXED),
    /** IORING_OP_POLL_ADD. */
    POLL_ADD(UringConstants.IORING_OP_POLL_ADD),
    /** IORING_OP_SENDMSG. */
    SENDMSG(UringConstants.IORING_OP_SENDMSG),
    /** IORING_OP_RECVMSG. */
    RECVMSG(UringConstants.IORING_OP_RECVMSG),
    /** IORING_OP_TIMEOUT. */
    TIMEOUT(UringConstants.IORING_OP_TIMEOUT),
    /** IORING_OP_ACCEPT. */
    ACCEPT(UringConstants.IORING_OP_ACCEPT),
    /** IORING_OP_ASYNC_CANCEL. */
    ASYNC_CANCEL(UringConstants.IORING_OP_ASYNC_CANCEL),
    /** IORING_OP_LINK_TIMEOUT. */
    LINK_TIMEOUT(UringConstants.IORING_OP_LINK_TIMEOUT),
    /** IORING_OP_CONNECT. */
    CONNECT(UringConstants.IORING_OP_CONNECT),
    /** IORING_OP_CLOSE. */
    CLOSE(UringConstants.IORING_OP_CLOSE),
    /** IORING_OP_READ. */
    READ(UringConstants.IORING_OP_READ),
    /** IORING_OP_WRITE. */
    WRITE(UringConstants.IORING_OP_WRITE),
    /** IORING_OP_SEND. */
    SEND(UringConstants.IORING_OP_SEND),
    /** IORING_OP_RECV. */
    RECV(UringConstants.IORING_OP_RECV),
    /** IORING_OP_SHUTDOWN. */
    SHUTDOWN(UringConstants.IORING_OP_SHUTDOWN),
    /** IORING_OP_SEND_ZC. */
    SEND_ZC(UringConstants.IORING_OP_SEND_ZC);

    private final int opcode;

    UringOp(int opcode) {
        this.opcode = opcode;
    }

    /** {@return the kernel's opcode} */
    public int opcode() {
        return opcode;
    }

    /** {@return the C name, e.g. "IORING_OP_SEND_ZC"} */
    @Override
    public String toString() {
        return "IORING_OP_" + name();
    }
}
