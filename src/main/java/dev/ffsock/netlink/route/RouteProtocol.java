package dev.ffsock.netlink.route;

/**
 * Who installed a route ({@code rtm_protocol}, {@code RTPROT_*}), named as {@code ip} prints it
 * ({@code kernel}, {@code boot}, {@code static}, {@code ra}, {@code dhcp}, {@code bgp}, … from
 * iproute2's rt_protos), otherwise the number.
 *
 * @param value the protocol number, 0 to 255
 */
public record RouteProtocol(int value) {
    private static final RouteProtocol[] CACHE = new RouteProtocol[256];

    static {
        for (int i = 0; i < CACHE.length; i++) CACHE[i] = new RouteProtocol(i);
    }

    /**
     * {@return the RouteProtocol for {@code value}: a shared instance for 0..255 (the range of the
     * kernel's u8 field), a new one otherwise}
     *
     * @param value the number
     */
    public static RouteProtocol of(int value) {
        return value >= 0 && value < CACHE.length ? CACHE[value] : new RouteProtocol(value);
    }

    /** {@code unspec} (0). */
    public static final RouteProtocol UNSPEC = new RouteProtocol(Rtnl.RTPROT_UNSPEC);
    /** {@code redirect} (1). */
    public static final RouteProtocol REDIRECT = new RouteProtocol(Rtnl.RTPROT_REDIRECT);
    /** {@code kernel} (2). */
    public static final RouteProtocol KERNEL = new RouteProtocol(Rtnl.RTPROT_KERNEL);
    /** {@code boot} (3): the default for routes added by {@code ip route add}. */
    public static final RouteProtocol BOOT = new RouteProtocol(Rtnl.RTPROT_BOOT);
    /** {@code static} (4). */
    public static final RouteProtocol STATIC = new RouteProtocol(Rtnl.RTPROT_STATIC);
    /** {@code ra} (9): router advertisement. */
    public static final RouteProtocol RA = new RouteProtocol(Rtnl.RTPROT_RA);
    /** {@code dhcp} (16). */
    public static final RouteProtocol DHCP = new RouteProtocol(Rtnl.RTPROT_DHCP);

    /** {@return the name {@code ip} prints, or the decimal number} */
    public String name() {
        return switch (value) {
            case 0 -> "unspec";
            case 1 -> "redirect";
            case 2 -> "kernel";
            case 3 -> "boot";
            case 4 -> "static";
            case 8 -> "gated";
            case 9 -> "ra";
            case 10 -> "mrt";
            case 11 -> "zebra";
            case 12 -> "bird";
            case 13 -> "dnrouted";
            case 14 -> "xorp";
            case 15 -> "ntk";
            case 16 -> "dhcp";
            case 18 -> "keepalived";
            case 42 -> "babel";
            case 99 -> "openr";
            case 186 -> "bgp";
            case 187 -> "isis";
            case 188 -> "ospf";
            case 189 -> "rip";
            case 192 -> "eigrp";
            default -> Integer.toString(value);
        };
    }

    /**
     * Parses a name or number as {@code ip} accepts it.
     *
     * @param s a name as {@code ip route} prints it ({@code kernel}, {@code static}, …) or a number
     * @throws IllegalArgumentException if neither a known name nor 0..255
     * @return the protocol
     */
    public static RouteProtocol parse(String s) {
        for (int v = 0; v < 256; v++) {
            RouteProtocol p = new RouteProtocol(v);
            if (p.name().equals(s)) return p;
        }
        return new RouteProtocol(Names.parseByte(s, "protocol"));
    }

    /** {@return {@link #name()}} */
    @Override
    public String toString() {
        return name();
    }
}
