package dev.ffsock.netlink.route;

/**
 * A route or address scope ({@code rtm_scope}, {@code ifa_scope}; {@code RT_SCOPE_*}), named as
 * {@code ip} prints it: {@code global}, {@code site}, {@code link}, {@code host}, {@code nowhere},
 * otherwise the number.
 *
 * @param value the scope number, 0 to 255
 */
public record Scope(int value) {
    private static final Scope[] CACHE = new Scope[256];

    static {
        for (int i = 0; i < CACHE.length; i++) CACHE[i] = new Scope(i);
    }

    /**
     * {@return the Scope for {@code value}: a shared instance for 0..255 (the range of the
     * kernel's u8 field), a new one otherwise}
     *
     * @param value the number
     */
    public static Scope of(int value) {
        return value >= 0 && value < CACHE.length ? CACHE[value] : new Scope(value);
    }

    /** {@code global} (RT_SCOPE_UNIVERSE, 0). */
    public static final Scope UNIVERSE = new Scope(Rtnl.RT_SCOPE_UNIVERSE);
    /** {@code site} (200). */
    public static final Scope SITE = new Scope(Rtnl.RT_SCOPE_SITE);
    /** {@code link} (253). */
    public static final Scope LINK = new Scope(Rtnl.RT_SCOPE_LINK);
    /** {@code host} (254). */
    public static final Scope HOST = new Scope(Rtnl.RT_SCOPE_HOST);
    /** {@code nowhere} (255). */
    public static final Scope NOWHERE = new Scope(Rtnl.RT_SCOPE_NOWHERE);

    /** {@return the name {@code ip} prints (iproute2's rt_scopes), or the decimal number} */
    public String name() {
        return switch (value) {
            case Rtnl.RT_SCOPE_UNIVERSE -> "global";
            case Rtnl.RT_SCOPE_SITE -> "site";
            case Rtnl.RT_SCOPE_LINK -> "link";
            case Rtnl.RT_SCOPE_HOST -> "host";
            case Rtnl.RT_SCOPE_NOWHERE -> "nowhere";
            default -> Integer.toString(value);
        };
    }

    /**
     * Parses a name or number as {@code ip} accepts it.
     *
     * @param s a name as {@code ip} prints it ({@code global}, {@code link}, {@code host}, …) or a number
     * @throws IllegalArgumentException if neither a known name nor 0..255
     * @return the scope
     */
    public static Scope parse(String s) {
        for (int v : new int[] {0, 200, 253, 254, 255}) {
            if (new Scope(v).name().equals(s)) return new Scope(v);
        }
        return new Scope(Names.parseByte(s, "scope"));
    }

    /** {@return {@link #name()}} */
    @Override
    public String toString() {
        return name();
    }
}
