package dev.ffsock;

/**
 * A socket's protocol, the third argument of {@code socket(2)}. The value is interpreted by the
 * domain: IP protocols for AF_INET/AF_INET6, netlink families for AF_NETLINK. Any raw value is
 * accepted; {@link #toString()} names the IP protocols.
 *
 * @param value the C constant's value
 */
public record Protocol(int value) {
    /** The domain's default protocol for the type (0). */
    public static final Protocol DEFAULT = new Protocol(0);
    /** ICMP (IPPROTO_ICMP). */
    public static final Protocol ICMP = new Protocol(1);
    /** TCP (IPPROTO_TCP). */
    public static final Protocol TCP = new Protocol(6);
    /** UDP (IPPROTO_UDP). */
    public static final Protocol UDP = new Protocol(17);
    /** ICMPv6 (IPPROTO_ICMPV6). */
    public static final Protocol ICMPV6 = new Protocol(58);
    /** Raw IP (IPPROTO_RAW). */
    public static final Protocol RAW = new Protocol(255);
    /** Multipath TCP (IPPROTO_MPTCP) — with {@link Type#STREAM}; falls back to TCP when the peer lacks it. */
    public static final Protocol MPTCP = new Protocol(262);

    /** Netlink routing family (NETLINK_ROUTE) — with {@link Domain#AF_NETLINK}. */
    public static final Protocol NETLINK_ROUTE = new Protocol(0);
    /** Netlink socket diagnostics (NETLINK_SOCK_DIAG) — with {@link Domain#AF_NETLINK}. */
    public static final Protocol NETLINK_SOCK_DIAG = new Protocol(4);
    /** Kernel uevents (NETLINK_KOBJECT_UEVENT) — with {@link Domain#AF_NETLINK}. */
    public static final Protocol NETLINK_KOBJECT_UEVENT = new Protocol(15);
    /** Generic netlink (NETLINK_GENERIC) — with {@link Domain#AF_NETLINK}. */
    public static final Protocol NETLINK_GENERIC = new Protocol(16);

    /**
     * {@return the protocol argument of an AF_PACKET socket for an ethertype} socket(2) takes it in
     * network byte order ({@code htons(ETH_P_ALL)}); this swaps it on a little-endian machine.
     *
     * @param ethertype the ethertype in host order, 0 to 0xffff: 0x0003 (ETH_P_ALL) for every
     *                  protocol, 0x0800 for IPv4, 0 for none (receive nothing until bound)
     * @throws IllegalArgumentException if it is out of range
     */
    public static Protocol ethertype(int ethertype) {
        if (ethertype < 0 || ethertype > 0xffff) throw new IllegalArgumentException("ethertype out of range (0-0xffff): " + ethertype);
        boolean little = java.nio.ByteOrder.nativeOrder() == java.nio.ByteOrder.LITTLE_ENDIAN;
        return new Protocol(little ? Short.reverseBytes((short) ethertype) & 0xffff : ethertype);
    }

    /** {@return the protocol for a raw value} */
    public static Protocol of(int value) {
        return new Protocol(value);
    }

    @Override
    public String toString() {
        return switch (value) {
            case 0 -> "0";
            case 1 -> "IPPROTO_ICMP";
            case 6 -> "IPPROTO_TCP";
            case 17 -> "IPPROTO_UDP";
            case 58 -> "IPPROTO_ICMPV6";
            case 255 -> "IPPROTO_RAW";
            case 262 -> "IPPROTO_MPTCP";
            default -> Integer.toString(value);
        };
    }
}
