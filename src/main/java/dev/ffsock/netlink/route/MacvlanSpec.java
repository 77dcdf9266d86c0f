package dev.ffsock.netlink.route;

import java.util.Objects;

/**
 * {@code link LOWER type macvlan|macvtap [mode private|vepa|bridge|passthru|source]}: a MAC-address
 * based virtual link on a lower Ethernet device ({@code IFLA_LINK}).
 *
 * @param tap   true for {@code macvtap} (a character device per link), false for {@code macvlan}
 * @param lower the lower device's name
 * @param mode  {@code IFLA_MACVLAN_MODE}, or null for the kernel's default (vepa)
 */
public record MacvlanSpec(boolean tap, String lower, MacvlanMode mode) implements KindSpec {
    /** Checks the lower device's name. */
    public MacvlanSpec {
        ChangeChecks.ifname(Objects.requireNonNull(lower, "lower device"));
    }

    /**
     * {@return a macvlan on {@code lower}}
     *
     * @param lower the lower device's name
     * @param mode the mode, or null
     */
    public static MacvlanSpec macvlan(String lower, MacvlanMode mode) {
        return new MacvlanSpec(false, lower, mode);
    }

    /**
     * {@return a macvtap on {@code lower}}
     *
     * @param lower the lower device's name
     * @param mode the mode, or null
     */
    public static MacvlanSpec macvtap(String lower, MacvlanMode mode) {
        return new MacvlanSpec(true, lower, mode);
    }

    @Override
    public String kind() {
        return tap ? "macvtap" : "macvlan";
    }
}
