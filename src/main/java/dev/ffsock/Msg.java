package dev.ffsock;

/** Flags for send/recv calls ({@code MSG_*}), OR-ed together into the {@code flags} argument. */
public final class Msg {
    private Msg() {
    }

    /** Process out-of-band data. */
    public static final int MSG_OOB = 0x01;
    /** Return data without removing it from the receive queue. */
    public static final int MSG_PEEK = 0x02;
    /** Send without using routing tables. */
    public static final int MSG_DONTROUTE = 0x04;
    /** Control data was truncated (returned by recvmsg). */
    public static final int MSG_CTRUNC = 0x08;
    /** Return the real length of a datagram even when it was longer than the buffer. */
    public static final int MSG_TRUNC = 0x20;
    /** This call does not block, whatever the socket's mode. */
    public static final int MSG_DONTWAIT = 0x40;
    /** End of record (SOCK_SEQPACKET). */
    public static final int MSG_EOR = 0x80;
    /** Wait until the whole buffer is filled (stream sockets). */
    public static final int MSG_WAITALL = 0x100;
    /** Confirm the path is valid. */
    public static final int MSG_CONFIRM = 0x800;
    /** Read from the socket's error queue. */
    public static final int MSG_ERRQUEUE = 0x2000;
    /** Do not raise SIGPIPE; ffsock always adds it on sends. */
    public static final int MSG_NOSIGNAL = 0x4000;
    /** More data follows (like TCP_CORK for one call). */
    public static final int MSG_MORE = 0x8000;
    /** recvmmsg: block only until the first message arrives. */
    public static final int MSG_WAITFORONE = 0x10000;
    /** Send data in the SYN (TCP Fast Open). */
    public static final int MSG_FASTOPEN = 0x20000000;
    /** Set close-on-exec on file descriptors received with SCM_RIGHTS. */
    public static final int MSG_CMSG_CLOEXEC = 0x40000000;
}
