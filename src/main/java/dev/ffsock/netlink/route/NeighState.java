package dev.ffsock.netlink.route;

import java.util.ArrayList;
import java.util.List;

/**
 * A neighbour entry's state bits ({@code ndm_state}, {@code NUD_*}), named as {@code ip neigh}
 * prints them: {@code INCOMPLETE}, {@code REACHABLE}, {@code STALE}, {@code DELAY}, {@code PROBE},
 * {@code FAILED}, {@code NOARP}, {@code PERMANENT}.
 *
 * @param bits the {@code NUD_*} bit set (0 is {@code NUD_NONE})
 */
public record NeighState(int bits) {
    /** {@code PERMANENT}: static entry ({@code ip neigh add ... nud permanent}). */
    public static final NeighState PERMANENT = new NeighState(Rtnl.NUD_PERMANENT);
    /** {@code REACHABLE}. */
    public static final NeighState REACHABLE = new NeighState(Rtnl.NUD_REACHABLE);
    /** {@code STALE}. */
    public static final NeighState STALE = new NeighState(Rtnl.NUD_STALE);
    /** {@code NOARP}. */
    public static final NeighState NOARP = new NeighState(Rtnl.NUD_NOARP);

    private static final int[] BITS = {Rtnl.NUD_INCOMPLETE, Rtnl.NUD_REACHABLE, Rtnl.NUD_STALE, Rtnl.NUD_DELAY,
        Rtnl.NUD_PROBE, Rtnl.NUD_FAILED, Rtnl.NUD_NOARP, Rtnl.NUD_PERMANENT};
    private static final String[] NAMES = {"INCOMPLETE", "REACHABLE", "STALE", "DELAY", "PROBE", "FAILED",
        "NOARP", "PERMANENT"};

    /**
     * {@return whether every bit of {@code other} is set here}
     *
     * @param other a state
     */
    public boolean has(NeighState other) {
        return (bits & other.bits) == other.bits;
    }

    /** {@return the names of the set bits in {@code ip}'s order; bits without a name are left out} */
    public List<String> names() {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < BITS.length; i++) {
            if ((bits & BITS[i]) != 0) out.add(NAMES[i]);
        }
        return List.copyOf(out);
    }

    /**
     * Parses one state name (case-insensitive, as {@code ip neigh ... nud NAME}), {@code none}, or a number.
     *
     * @param s a state's name as {@code ip neigh} prints it ({@code REACHABLE}, {@code stale}, …)
     * @throws IllegalArgumentException if unknown
     * @return the state
     */
    public static NeighState parse(String s) {
        if (s.equalsIgnoreCase("none")) return new NeighState(0);
        for (int i = 0; i < NAMES.length; i++) {
            if (NAMES[i].equalsIgnoreCase(s)) return new NeighState(BITS[i]);
        }
        return new NeighState(Names.parse(s, "neighbour state", 0xffff));
    }

    /** {@return the names joined by spaces, or {@code NONE}} */
    @Override
    public String toString() {
        List<String> n = names();
        return n.isEmpty() ? "NONE" : String.join(" ", n);
    }
}
