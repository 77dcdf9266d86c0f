package dev.ffsock.netlink.netfilter.nft;

import java.util.List;
import java.util.Objects;

/**
 * An nf_tables flowtable (a fast path for established flows between devices).
 *
 * @param family   NFPROTO_* of its table
 * @param table    its table's name
 * @param name     its name
 * @param handle   the kernel's handle
 * @param hook     the hook number (NF_NETDEV_INGRESS)
 * @param priority the hook priority
 * @param devices  its devices
 * @param flags    NFT_FLOWTABLE_* flags
 * @param use      how many rules refer to it
 */
public record NftFlowtable(int family, String table, String name, long handle, int hook, int priority,
                           List<String> devices, int flags, int use) {
    /** Checks and copies. */
    public NftFlowtable {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(name, "name");
        devices = List.copyOf(devices);
    }
}
