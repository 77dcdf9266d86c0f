package dev.ffsock.netlink.tc;

import java.util.List;

/**
 * What {@code tc filter add dev DEV parent P [protocol PROTO] [pref N] [handle H] [chain N] u32 match ...
 * [flowid|classid ID]} asks for. Build the keys with {@link U32Match}.
 *
 * @param protocol the Ethernet protocol in host order ({@link Tca#ETH_P_ALL}, {@link Tca#ETH_P_IP}, …), 0..0xffff
 * @param pref     the priority, 0 to let the kernel pick one, at most 0xffff
 * @param handle   the filter handle ({@code handle}), 0 to let the kernel pick one
 * @param chain    the chain ({@code chain}), -1 for none (chain 0)
 * @param classId  where matches go ({@code flowid}/{@code classid}), 0 for none
 * @param keys     the match keys (at most 128); empty matches every packet
 */
public record U32FilterSpec(int protocol, int pref, int handle, long chain, int classId, List<U32Key> keys) {
    /** The most keys a selector may carry (TC_U32_MAXDEPTH is about hash depth; the key count is a u8). */
    public static final int MAX_KEYS = 128;

    /** Checks the ranges and copies the keys. */
    public U32FilterSpec {
        TcChecks.u16(protocol, "filter protocol");
        TcChecks.u16(pref, "filter pref");
        if (chain != -1) TcChecks.u32(chain, "filter chain");
        keys = List.copyOf(keys);
        if (keys.size() > MAX_KEYS) throw new IllegalArgumentException("u32: at most " + MAX_KEYS + " keys, got " + keys.size());
        for (U32Key k : keys) {
            if ((k.off() & 3) != 0) throw new IllegalArgumentException("u32 key offset " + k.off() + " is not a multiple of 4");
        }
    }
}
