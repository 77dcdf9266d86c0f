package dev.ffsock.netlink.diag;

/** AF_UNIX socket types as {@code ss} names them in its Netid column. */
public enum UnixType {
    /** SOCK_STREAM. */
    STREAM(1, "u_str"),
    /** SOCK_DGRAM. */
    DGRAM(2, "u_dgr"),
    /** SOCK_SEQPACKET. */
    SEQPACKET(5, "u_seq"),
    /** Any other type number. */
    UNKNOWN(-1, "u_???");

    private final int code;
    private final String netid;

    UnixType(int code, String netid) {
        this.code = code;
        this.netid = netid;
    }

    /** {@return the SOCK_* number, -1 for {@link #UNKNOWN}} */
    public int code() {
        return code;
    }

    /** {@return the {@code ss} Netid: u_str, u_dgr, u_seq} */
    public String netid() {
        return netid;
    }

    /**
     * {@return the type for a SOCK_* number}
     *
     * @param code the socket type's number ({@code SOCK_STREAM} = 1, …)
     */
    public static UnixType of(int code) {
        return switch (code) {
            case 1 -> STREAM;
            case 2 -> DGRAM;
            case 5 -> SEQPACKET;
            default -> UNKNOWN;
        };
    }
}
