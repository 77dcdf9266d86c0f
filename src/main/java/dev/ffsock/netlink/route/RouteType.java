package dev.ffsock.netlink.route;

/**
 * A route's type ({@code rtm_type}, {@code RTN_*}), named as {@code ip} prints it: {@code unicast},
 * {@code local}, {@code broadcast}, {@code anycast}, {@code multicast}, {@code blackhole},
 * {@code unreachable}, {@code prohibit}, {@code throw}, {@code nat}, {@code xresolve}.
 *
 * @param value the type number, 0 to 255
 */
public record RouteType(int value) {
    private static final RouteType[] CACHE = new RouteType[256];

    static {
        for (int i = 0; i < CACHE.length; i++) CACHE[i] = new RouteType(i);
    }

    /**
     * {@return the RouteType for {@code value}: a shared instance for 0..255 (the range of the
     * kernel's u8 field), a new one otherwise}
     *
     * @param value the number
     */
    public static RouteType of(int value) {
        return value >= 0 && value < CACHE.length ? CACHE[value] : new RouteType(value);
    }

    /** {@code unicast}: a gateway or direct route. */
    public static final RouteType UNICAST = new RouteType(Rtnl.RTN_UNICAST);
    /** {@code local}: an address of this host. */
    public static final RouteType LOCAL = new RouteType(Rtnl.RTN_LOCAL);
    /** {@code broadcast}. */
    public static final RouteType BROADCAST = new RouteType(Rtnl.RTN_BROADCAST);
    /** {@code anycast}. */
    public static final RouteType ANYCAST = new RouteType(Rtnl.RTN_ANYCAST);
    /** {@code multicast}. */
    public static final RouteType MULTICAST = new RouteType(Rtnl.RTN_MULTICAST);
    /** {@code blackhole}: packets silently dropped. */
    public static final RouteType BLACKHOLE = new RouteType(Rtnl.RTN_BLACKHOLE);
    /** {@code unreachable}: EHOSTUNREACH. */
    public static final RouteType UNREACHABLE = new RouteType(Rtnl.RTN_UNREACHABLE);
    /** {@code prohibit}: EACCES. */
    public static final RouteType PROHIBIT = new RouteType(Rtnl.RTN_PROHIBIT);
    /** {@code throw}: continue with the next rule. */
    public static final RouteType THROW = new RouteType(Rtnl.RTN_THROW);

    private static final String[] NAMES = {"none", "unicast", "local", "broadcast", "anycast", "multicast",
        "blackhole", "unreachable", "prohibit", "throw", "nat", "xresolve"};

    /** {@return the name {@code ip} prints, or the decimal number} */
    public String name() {
        return value >= 0 && value < NAMES.length ? NAMES[value] : Integer.toString(value);
    }

    /**
     * Parses a name or number.
     *
     * @param s a name as {@code ip route} prints it ({@code unicast}, {@code blackhole}, …)
     * @throws IllegalArgumentException if neither a known name nor 0..255
     * @return the type
     */
    public static RouteType parse(String s) {
        for (int i = 0; i < NAMES.length; i++) {
            if (NAMES[i].equals(s)) return new RouteType(i);
        }
        return new RouteType(Names.parseByte(s, "route type"));
    }

    /** {@return {@link #name()}} */
    @Override
    public String toString() {
        return name();
    }
}
