package dev.ffsock.internal;

import dev.ffsock.internal.bindings.LinuxC;

/** The {@code <linux/io_uring.h>} constants dev.ffsock.uring publishes, from the generated bindings. */
public final class UringConstants {
    private UringConstants() {
    }

    public static final int IORING_CQE_F_BUFFER = LinuxC.IORING_CQE_F_BUFFER();
    public static final int IORING_CQE_F_MORE = LinuxC.IORING_CQE_F_MORE();
    public static final int IORING_CQE_F_SOCK_NONEMPTY = LinuxC.IORING_CQE_F_SOCK_NONEMPTY();
    public static final int IORING_CQE_F_NOTIF = LinuxC.IORING_CQE_F_NOTIF();
    public static final int IORING_CQE_BUFFER_SHIFT = LinuxC.IORING_CQE_BUFFER_SHIFT();
    public static final int ECANCELED = LinuxC.ECANCELED();
    public static final int ENOBUFS = LinuxC.ENOBUFS();
    public static final int ETIME = LinuxC.ETIME();
    public static final int EINVAL = LinuxC.EINVAL();

    public static final int IORING_SETUP_CQSIZE = LinuxC.IORING_SETUP_CQSIZE();
    public static final int IORING_SETUP_SUBMIT_ALL = LinuxC.IORING_SETUP_SUBMIT_ALL();
    public static final int IORING_SETUP_COOP_TASKRUN = LinuxC.IORING_SETUP_COOP_TASKRUN();
    public static final int IORING_SETUP_SINGLE_ISSUER = LinuxC.IORING_SETUP_SINGLE_ISSUER();
    public static final int IORING_SETUP_DEFER_TASKRUN = LinuxC.IORING_SETUP_DEFER_TASKRUN();

    public static final int IOSQE_FIXED_FILE = LinuxC.IOSQE_FIXED_FILE();
    public static final int IOSQE_IO_DRAIN = LinuxC.IOSQE_IO_DRAIN();
    public static final int IOSQE_IO_LINK = LinuxC.IOSQE_IO_LINK();
    public static final int IOSQE_IO_HARDLINK = LinuxC.IOSQE_IO_HARDLINK();
    public static final int IOSQE_ASYNC = LinuxC.IOSQE_ASYNC();
    public static final int IOSQE_BUFFER_SELECT = LinuxC.IOSQE_BUFFER_SELECT();

    public static final int IORING_POLL_ADD_MULTI = LinuxC.IORING_POLL_ADD_MULTI();
    public static final int IORING_ASYNC_CANCEL_ALL = LinuxC.IORING_ASYNC_CANCEL_ALL();
    public static final int IORING_ASYNC_CANCEL_FD = LinuxC.IORING_ASYNC_CANCEL_FD();
    public static final int IORING_ASYNC_CANCEL_ANY = LinuxC.IORING_ASYNC_CANCEL_ANY();
    public static final int IORING_RECV_MULTISHOT = LinuxC.IORING_RECV_MULTISHOT();
    public static final int IORING_ACCEPT_MULTISHOT = LinuxC.IORING_ACCEPT_MULTISHOT();

    public static final int IORING_REGISTER_BUFFERS = LinuxC.IORING_REGISTER_BUFFERS();
    public static final int IORING_UNREGISTER_BUFFERS = LinuxC.IORING_UNREGISTER_BUFFERS();
    public static final int IORING_REGISTER_FILES = LinuxC.IORING_REGISTER_FILES();
    public static final int IORING_UNREGISTER_FILES = LinuxC.IORING_UNREGISTER_FILES();
    public static final int IORING_REGISTER_PBUF_RING = LinuxC.IORING_REGISTER_PBUF_RING();
    public static final int IORING_UNREGISTER_PBUF_RING = LinuxC.IORING_UNREGISTER_PBUF_RING();

    /** The opcodes, in the order of the kernel's enum (IORING_OP_NOP = 0 …). */
    public static final int IORING_OP_NOP = LinuxC.IORING_OP_NOP();
    public static final int IORING_OP_READ_FIXED = LinuxC.IORING_OP_READ_FIXED();
    public static final int IORING_OP_WRITE_FIXED = LinuxC.IORING_OP_WRITE_FIXED();
    public static final int IORING_OP_POLL_ADD = LinuxC.IORING_OP_POLL_ADD();
    public static final int IORING_OP_SENDMSG = LinuxC.IORING_OP_SENDMSG();
    public static final int IORING_OP_RECVMSG = LinuxC.IORING_OP_RECVMSG();
    public static final int IORING_OP_TIMEOUT = LinuxC.IORING_OP_TIMEOUT();
    public static final int IORING_OP_ACCEPT = LinuxC.IORING_OP_ACCEPT();
    public static final int IORING_OP_ASYNC_CANCEL = LinuxC.IORING_OP_ASYNC_CANCEL();
    public static final int IORING_OP_LINK_TIMEOUT = LinuxC.IORING_OP_LINK_TIMEOUT();
    public static final int IORING_OP_CONNECT = LinuxC.IORING_OP_CONNECT();
    public static final int IORING_OP_CLOSE = LinuxC.IORING_OP_CLOSE();
    public static final int IORING_OP_READ = LinuxC.IORING_OP_READ();
    public static final int IORING_OP_WRITE = LinuxC.IORING_OP_WRITE();
    public static final int IORING_OP_SEND = LinuxC.IORING_OP_SEND();
    public static final int IORING_OP_RECV = LinuxC.IORING_OP_RECV();
    public static final int IORING_OP_SHUTDOWN = LinuxC.IORING_OP_SHUTDOWN();
    public static final int IORING_OP_SEND_ZC = LinuxC.IORING_OP_SEND_ZC();
}
