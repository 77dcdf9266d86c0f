package dev.ffsock.netlink.diag;

/**
 * A socket's state as sock_diag reports it: the kernel's TCP state numbers ({@code TCP_ESTABLISHED}
 * = 1 … {@code TCP_CLOSING} = 11, then {@code TCP_NEW_SYN_RECV} and {@code TCP_BOUND_INACTIVE}),
 * which UDP and AF_UNIX sockets reuse (an unconnected datagram socket is {@link #CLOSE}, shown by
 * {@code ss} as {@code UNCONN}). {@link #ssName()} is the name {@code ss} prints.
 *
 * <p>State masks for the kernel-side filter have bit {@code 1 << code} set for each state wanted
 * ({@link #mask(SocketState...)}).
 */
public enum SocketState {
    /** A number this enum does not know (the raw value is lost; {@code ss} prints UNKNOWN too). */
    UNKNOWN(0, "UNKNOWN"),
    /** TCP_ESTABLISHED: a connected socket. */
    ESTABLISHED(SockDiag.TCP_ESTABLISHED, "ESTAB"),
    /** TCP_SYN_SENT: connecting. */
    SYN_SENT(SockDiag.TCP_SYN_SENT, "SYN-SENT"),
    /** TCP_SYN_RECV. */
    SYN_RECV(SockDiag.TCP_SYN_RECV, "SYN-RECV"),
    /** TCP_FIN_WAIT1. */
    FIN_WAIT1(SockDiag.TCP_FIN_WAIT1, "FIN-WAIT-1"),
    /** TCP_FIN_WAIT2. */
    FIN_WAIT2(SockDiag.TCP_FIN_WAIT2, "FIN-WAIT-2"),
    /** TCP_TIME_WAIT. */
    TIME_WAIT(SockDiag.TCP_TIME_WAIT, "TIME-WAIT"),
    /** TCP_CLOSE: closed, or an unconnected datagram socket ({@code ss}: UNCONN). */
    CLOSE(SockDiag.TCP_CLOSE, "UNCONN"),
    /** TCP_CLOSE_WAIT. */
    CLOSE_WAIT(SockDiag.TCP_CLOSE_WAIT, "CLOSE-WAIT"),
    /** TCP_LAST_ACK. */
    LAST_ACK(SockDiag.TCP_LAST_ACK, "LAST-ACK"),
    /** TCP_LISTEN. */
    LISTEN(SockDiag.TCP_LISTEN, "LISTEN"),
    /** TCP_CLOSING. */
    CLOSING(SockDiag.TCP_CLOSING, "CLOSING"),
    /** TCP_NEW_SYN_RECV (12): a request socket, reported with its listener's dump. */
    NEW_SYN_RECV(12, "NEW-SYN-RECV"),
    /** TCP_BOUND_INACTIVE (13): bound but neither listening nor connecting. */
    BOUND_INACTIVE(13, "BOUND-INACTIVE");

    /** Every state: the mask to dump all sockets. */
    public static final int ALL = 0xffffffff;

    /**
     * The states {@code ss} shows by default ({@code SS_CONN}): all but LISTEN, CLOSE (UNCONN),
     * TIME-WAIT and SYN-RECV.
     */
    public static final int CONNECTED = ALL & ~(LISTEN.bit() | CLOSE.bit() | TIME_WAIT.bit() | SYN_RECV.bit());

    private static final SocketState[] BY_CODE = values();

    private final int code;
    private final String ssName;

    SocketState(int code, String ssName) {
        this.code = code;
        this.ssName = ssName;
    }

    /** {@return the kernel's number for the state} */
    public int code() {
        return code;
    }

    /** {@return the name {@code ss} prints, e.g. {@code ESTAB}, {@code UNCONN}, {@code TIME-WAIT}} */
    public String ssName() {
        return ssName;
    }

    /** {@return this state's bit in a state mask: {@code 1 << code}} */
    public int bit() {
        return 1 << code;
    }

    /**
     * {@return the state with the kernel's number {@code code}, or {@link #UNKNOWN}}
     *
     * @param code the kernel's state number ({@code TCP_ESTABLISHED} = 1, …)
     */
    public static SocketState of(int code) {
        return code > 0 && code < BY_CODE.length ? BY_CODE[code] : UNKNOWN;
    }

    /**
     * {@return a state mask with the bits of the given states}
     *
     * @param states the states
     */
    public static int mask(SocketState... states) {
        int m = 0;
        for (SocketState s : states) m |= s.bit();
        return m;
    }

    /**
     * {@return whether {@code mask} includes this state}
     *
     * @param mask a state mask, bit {@code 1 << state}
     */
    public boolean in(int mask) {
        return (mask & bit()) != 0;
    }
}
