package dev.ffsock.netlink.route;

import java.util.List;

/**
 * {@code type bond [mode MODE]}: a bonding master.
 *
 * @param mode {@code IFLA_BOND_MODE}: 0 balance-rr, 1 active-backup, 2 balance-xor, 3 broadcast,
 *             4 802.3ad, 5 balance-tlb, 6 balance-alb; -1 for the kernel's default
 */
public record BondSpec(int mode) implements KindSpec {
    /** The mode names, by value, as {@code ip} takes them. */
    static final List<String> MODES = List.of("balance-rr", "active-backup", "balance-xor", "broadcast", "802.3ad",
            "balance-tlb", "balance-alb");

    /** Checks the mode. */
    public BondSpec {
        if (mode < -1 || mode > KindAttrs.BOND_MODE_ALB) throw new IllegalArgumentException("bond mode must be 0 to 6: " + mode);
    }

    /**
     * {@return the bond of a mode name}
     *
     * @param name {@code balance-rr}, {@code active-backup}, {@code balance-xor}, {@code broadcast},
     *             {@code 802.3ad}, {@code balance-tlb} or {@code balance-alb}
     */
    public static BondSpec mode(String name) {
        int m = MODES.indexOf(name);
        if (m < 0) throw new IllegalArgumentException("unknown bond mode '" + name + "' (" + String.join(", ", MODES) + ")");
        return new BondSpec(m);
    }

    @Override
    public String kind() {
        return "bond";
    }
}
