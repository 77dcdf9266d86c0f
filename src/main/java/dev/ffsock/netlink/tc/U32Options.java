package dev.ffsock.netlink.tc;

import java.util.List;

/**
 * A u32 filter's options: its hash table ({@code TCA_U32_DIVISOR}) or, for a key node, the selector
 * ({@code struct tc_u32_sel} and its keys), the class it sends matches to and its flags.
 *
 * @param divisor   {@code TCA_U32_DIVISOR} ({@code ht divisor}), -1 if absent
 * @param hash      {@code TCA_U32_HASH}: the hash table and bucket of a key node, -1 if absent
 * @param classId   {@code TCA_U32_CLASSID} ({@code flowid}), 0 if absent
 * @param link      {@code TCA_U32_LINK}, 0 if absent
 * @param flags     {@code TCA_U32_FLAGS} ({@code TCA_CLS_FLAGS_*}: skip_hw, not_in_hw, …), -1 if absent
 * @param selFlags  {@code sel.flags} ({@code TC_U32_TERMINAL}, …), -1 without a selector
 * @param keys      {@code sel.keys}, empty without a selector
 * @param hmask     {@code sel.hmask} as tc prints it (host order of the network-order field)
 * @param hoff      {@code sel.hoff}
 * @param off       {@code sel.off}
 * @param offoff    {@code sel.offoff}
 * @param offshift  {@code sel.offshift}
 * @param offmask   {@code sel.offmask} (host order)
 * @param indev     {@code TCA_U32_INDEV}, or null
 */
public record U32Options(long divisor, long hash, int classId, int link, long flags, int selFlags, List<U32Key> keys,
        int hmask, int hoff, int off, int offoff, int offshift, int offmask, String indev) implements TcOptions {
    /** Copies {@code keys}. */
    public U32Options {
        keys = List.copyOf(keys);
    }

    /** {@return whether the filter has a selector ({@code TCA_U32_SEL})} */
    public boolean hasSelector() {
        return selFlags >= 0;
    }
}
