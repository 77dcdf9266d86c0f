package dev.ffsock.netlink.route;

/** A macvlan/macvtap mode ({@code IFLA_MACVLAN_MODE}, {@code MACVLAN_MODE_*}), named as {@code ip} names it. */
public enum MacvlanMode {
    /** {@code private}: no traffic between macvlans on the same lower device. */
    PRIVATE(KindAttrs.MACVLAN_MODE_PRIVATE),
    /** {@code vepa}: traffic between macvlans goes through the external switch. */
    VEPA(KindAttrs.MACVLAN_MODE_VEPA),
    /** {@code bridge}: macvlans on the same lower device reach each other directly. */
    BRIDGE(KindAttrs.MACVLAN_MODE_BRIDGE),
    /** {@code passthru}: one macvlan takes over the lower device. */
    PASSTHRU(KindAttrs.MACVLAN_MODE_PASSTHRU),
    /** {@code source}: frames are accepted by source MAC address. */
    SOURCE(KindAttrs.MACVLAN_MODE_SOURCE);

    private final int value;

    MacvlanMode(int value) {
        this.value = value;
    }

    /** {@return the C value, MACVLAN_MODE_*} */
    public int value() {
        return value;
    }

    /** {@return the name {@code ip} uses: {@code private}, {@code vepa}, …} */
    public String ipName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /**
     * {@return the mode of an {@code ip} name}
     *
     * @param name {@code private}, {@code vepa}, {@code bridge}, {@code passthru} or {@code source}
     * @throws IllegalArgumentException for any other name
     */
    public static MacvlanMode of(String name) {
        for (MacvlanMode m : values()) if (m.ipName().equals(name)) return m;
        throw new IllegalArgumentException("unknown macvlan mode '" + name + "' (private, vepa, bridge, passthru, source)");
    }

    /** {@return the mode of a C value, or null for an unknown one} */
    static MacvlanMode ofValue(long v) {
        for (MacvlanMode m : values()) if (m.value == v) return m;
        return null;
    }
}
