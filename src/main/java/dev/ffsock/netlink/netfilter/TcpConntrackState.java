package dev.ffsock.netlink.netfilter;

/**
 * A TCP connection's state as conntrack tracks it (CTA_PROTOINFO_TCP_STATE, enum tcp_conntrack):
 * the word {@code conntrack -L} prints after the timeout.
 */
public enum TcpConntrackState {
    /** C TCP_CONNTRACK_NONE. */
    NONE(Ctnetlink.TCP_CONNTRACK_NONE),
    /** C TCP_CONNTRACK_SYN_SENT. */
    SYN_SENT(Ctnetlink.TCP_CONNTRACK_SYN_SENT),
    /** C TCP_CONNTRACK_SYN_RECV. */
    SYN_RECV(Ctnetlink.TCP_CONNTRACK_SYN_RECV),
    /** C TCP_CONNTRACK_ESTABLISHED. */
    ESTABLISHED(Ctnetlink.TCP_CONNTRACK_ESTABLISHED),
    /** C TCP_CONNTRACK_FIN_WAIT. */
    FIN_WAIT(Ctnetlink.TCP_CONNTRACK_FIN_WAIT),
    /** C TCP_CONNTRACK_CLOSE_WAIT. */
    CLOSE_WAIT(Ctnetlink.TCP_CONNTRACK_CLOSE_WAIT),
    /** C TCP_CONNTRACK_LAST_ACK. */
    LAST_ACK(Ctnetlink.TCP_CONNTRACK_LAST_ACK),
    /** C TCP_CONNTRACK_TIME_WAIT. */
    TIME_WAIT(Ctnetlink.TCP_CONNTRACK_TIME_WAIT),
    /** C TCP_CONNTRACK_CLOSE. */
    CLOSE(Ctnetlink.TCP_CONNTRACK_CLOSE),
    /** C TCP_CONNTRACK_SYN_SENT2 (TCP_CONNTRACK_LISTEN): simultaneous open. */
    SYN_SENT2(Ctnetlink.TCP_CONNTRACK_LISTEN);

    private static final TcpConntrackState[] BY_VALUE = values();

    private final int value;

    TcpConntrackState(int value) {
        this.value = value;
    }

    /** {@return the kernel's number for this state} */
    public int value() {
        return value;
    }

    /**
     * {@return the state with the kernel's number {@code value}, or null if there is none}
     *
     * @param value the kernel's number
     */
    public static TcpConntrackState of(int value) {
        return value >= 0 && value < BY_VALUE.length && BY_VALUE[value].value == value ? BY_VALUE[value] : null;
    }
}
