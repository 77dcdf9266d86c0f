package dev.ffsock;

/**
 * A socket's address family ({@code AF_*}), the first argument of {@code socket(2)}. Any raw value is
 * accepted; the named ones print as their C names.
 *
 * @param value the C constant's value
 */
public record Domain(int value) {
    /** Unspecified. */
    public static final Domain AF_UNSPEC = new Domain(0);
    /** Local (unix domain) sockets. */
    public static final Domain AF_UNIX = new Domain(1);
    /** IPv4. */
    public static final Domain AF_INET = new Domain(2);
    /** IPv6. */
    public static final Domain AF_INET6 = new Domain(10);
    /** Kernel/user interface: netlink. */
    public static final Domain AF_NETLINK = new Domain(16);
    /** Raw packets at the device level. */
    public static final Domain AF_PACKET = new Domain(17);

    /** {@return the domain for a raw value} */
    public static Domain of(int value) {
        return switch (value) {
            case 0 -> AF_UNSPEC;
            case 1 -> AF_UNIX;
            case 2 -> AF_INET;
            case 10 -> AF_INET6;
            case 16 -> AF_NETLINK;
            case 17 -> AF_PACKET;
            default -> new Domain(value);
        };
    }

    @Override
    public String toString() {
        return switch (value) {
            case 0 -> "AF_UNSPEC";
            case 1 -> "AF_UNIX";
            case 2 -> "AF_INET";
            case 10 -> "AF_INET6";
            case 16 -> "AF_NETLINK";
            case 17 -> "AF_PACKET";
            default -> "AF(" + value + ")";
        };
    }
}
