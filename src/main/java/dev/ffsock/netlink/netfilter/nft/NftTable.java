package dev.ffsock.netlink.netfilter.nft;

import java.util.Objects;

/**
 * An nf_tables table, as {@code nft list tables} knows it.
 *
 * @param family NFPROTO_* ({@link Nft#NFPROTO_INET}, {@link Nft#NFPROTO_IPV4}, …)
 * @param name   its name
 * @param flags  NFT_TABLE_F_DORMANT, NFT_TABLE_F_OWNER
 * @param handle the kernel's handle
 * @param use    how many chains, sets and objects it holds
 */
public record NftTable(int family, String name, int flags, long handle, int use) {
    /** Checks the name. */
    public NftTable {
        Objects.requireNonNull(name, "name");
    }
}
