package dev.ffsock;

/**
 * A socket's type ({@code SOCK_*}), the second argument of {@code socket(2)} without the
 * SOCK_NONBLOCK/SOCK_CLOEXEC flags. Any raw value is accepted; the named ones print as their C names.
 *
 * @param value the C constant's value
 */
public record Type(int value) {
    /** Sequenced, reliable, connection-based byte stream. */
    public static final Type STREAM = new Type(1);
    /** Connectionless datagrams. */
    public static final Type DGRAM = new Type(2);
    /** Raw protocol access (needs CAP_NET_RAW for AF_INET/AF_INET6). */
    public static final Type RAW = new Type(3);
    /** Reliable datagrams (RDM). */
    public static final Type RDM = new Type(4);
    /** Sequenced, reliable, connection-based datagrams with boundaries (AF_UNIX). */
    public static final Type SEQPACKET = new Type(5);

    /** Flag for {@code socket(2)}/{@code accept4(2)}: open in non-blocking mode. */
    public static final int SOCK_NONBLOCK = 0x800;
    /** Flag for {@code socket(2)}/{@code accept4(2)}: close on exec. */
    public static final int SOCK_CLOEXEC = 0x80000;

    /** {@return the type for a raw value (flags masked off)} */
    public static Type of(int value) {
        return switch (value & ~(SOCK_NONBLOCK | SOCK_CLOEXEC)) {
            case 1 -> STREAM;
            case 2 -> DGRAM;
            case 3 -> RAW;
            case 4 -> RDM;
            case 5 -> SEQPACKET;
            default -> new Type(value & ~(SOCK_NONBLOCK | SOCK_CLOEXEC));
        };
    }

    @Override
    public String toString() {
        return switch (value) {
            case 1 -> "SOCK_STREAM";
            case 2 -> "SOCK_DGRAM";
            case 3 -> "SOCK_RAW";
            case 4 -> "SOCK_RDM";
            case 5 -> "SOCK_SEQPACKET";
            default -> "SOCK(" + value + ")";
        };
    }
}
