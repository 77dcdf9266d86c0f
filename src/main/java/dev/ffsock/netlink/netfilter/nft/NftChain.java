package dev.ffsock.netlink.netfilter.nft;

import java.util.List;
import java.util.Objects;

/**
 * An nf_tables chain: a regular chain (no hook), or a base chain attached to a hook with a type,
 * priority and policy ({@code type filter hook input priority 0; policy drop;}).
 *
 * @param family   NFPROTO_* of its table
 * @param table    its table's name
 * @param name     its name
 * @param handle   the kernel's handle
 * @param use      how many rules refer to it by jump or goto
 * @param type     "filter", "nat", "route" for a base chain, else null
 * @param hook     the hook number (NF_INET_LOCAL_IN, NF_NETDEV_INGRESS, …), or {@link NftExpr#ABSENT}
 * @param priority the hook priority (meaningful when {@code hook} is present)
 * @param policy   NF_ACCEPT or NF_DROP, or {@link NftExpr#ABSENT}
 * @param devices  the devices of a netdev (or inet ingress) base chain, else empty
 * @param flags    NFT_CHAIN_BASE, NFT_CHAIN_HW_OFFLOAD, NFT_CHAIN_BINDING, or 0
 */
public record NftChain(int family, String table, String name, long handle, int use, String type, int hook,
                       int priority, int policy, List<String> devices, int flags) {
    /** Checks and copies. */
    public NftChain {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(name, "name");
        devices = List.copyOf(devices);
    }

    /** {@return whether this is a base chain (it has a hook)} */
    public boolean isBase() {
        return hook != NftExpr.ABSENT;
    }
}
