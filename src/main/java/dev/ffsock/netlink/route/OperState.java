package dev.ffsock.netlink.route;

/**
 * A link's RFC 2863 operational state ({@code IFLA_OPERSTATE}, {@code IF_OPER_*}), named as
 * {@code ip link} prints it: {@code UNKNOWN}, {@code NOTPRESENT}, {@code DOWN},
 * {@code LOWERLAYERDOWN}, {@code TESTING}, {@code DORMANT}, {@code UP}.
 *
 * @param value the state number
 */
public record OperState(int value) {
    /** {@code UNKNOWN} (0). */
    public static final OperState UNKNOWN = new OperState(0);
    /** {@code DOWN} (2). */
    public static final OperState DOWN = new OperState(2);
    /** {@code UP} (6). */
    public static final OperState UP = new OperState(6);

    private static final String[] NAMES = {"UNKNOWN", "NOTPRESENT", "DOWN", "LOWERLAYERDOWN", "TESTING",
        "DORMANT", "UP"};

    /** {@return the name {@code ip} prints, or the decimal number} */
    public String name() {
        return value >= 0 && value < NAMES.length ? NAMES[value] : Integer.toString(value);
    }

    /** {@return {@link #name()}} */
    @Override
    public String toString() {
        return name();
    }
}
