package dev.ffsock.netlink.netfilter.nft;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * An nf_tables set, or a map when {@link Nft#NFT_SET_MAP} is among its flags (an anonymous set,
 * {@code __set0}, has {@link Nft#NFT_SET_ANONYMOUS}). Key and data types are nft's datatype ids
 * (the kernel only stores them); {@link NftTypes} names them.
 *
 * @param family     NFPROTO_* of its table
 * @param table      its table's name
 * @param name       its name
 * @param handle     the kernel's handle
 * @param flags      NFT_SET_* flags
 * @param keyType    nft's datatype id of the key (concatenations packed 6 bits each)
 * @param keyLen     key length in bytes
 * @param dataType   a map's datatype id ({@code 0xffffff00} for verdicts), or {@link NftExpr#ABSENT}
 * @param dataLen    a map's data length, or {@link NftExpr#ABSENT}
 * @param objType    an object map's NFT_OBJECT_*, or {@link NftExpr#ABSENT}
 * @param policy     NFT_SET_POL_PERFORMANCE or _MEMORY, or {@link NftExpr#ABSENT}
 * @param size       the declared maximum size (NFTA_SET_DESC_SIZE), or {@link NftExpr#ABSENT}
 * @param timeout    the default element timeout in milliseconds, or -1
 * @param gcInterval the garbage collection interval in milliseconds, or {@link NftExpr#ABSENT}
 * @param userdata   nft's user data (key byte order, comment), or null
 * @param elements   its elements (as {@link NfTables#ruleset()} and {@link NfTables#elements} read them), or empty
 */
public record NftSet(int family, String table, String name, long handle, int flags, int keyType, int keyLen,
                     int dataType, int dataLen, int objType, int policy, int size, long timeout, int gcInterval,
                     byte[] userdata, List<NftSetElement> elements) {
    /** Checks and copies. */
    public NftSet {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(name, "name");
        userdata = userdata == null ? null : userdata.clone();
        elements = List.copyOf(elements);
    }

    /** {@return whether it is a map (NFT_SET_MAP)} */
    public boolean isMap() {
        return (flags & Nft.NFT_SET_MAP) != 0;
    }

    /** {@return whether it is an anonymous set (NFT_SET_ANONYMOUS)} */
    public boolean isAnonymous() {
        return (flags & Nft.NFT_SET_ANONYMOUS) != 0;
    }

    /**
     * {@return this set with other elements}
     *
     * @param elements the elements
     */
    public NftSet withElements(List<NftSetElement> elements) {
        return new NftSet(family, table, name, handle, flags, keyType, keyLen, dataType, dataLen, objType, policy, size,
                timeout, gcInterval, userdata, elements);
    }

    /** {@return a copy of the user data, or null} */
    @Override
    public byte[] userdata() {
        return userdata == null ? null : userdata.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NftSet s && family == s.family && table.equals(s.table) && name.equals(s.name) && handle == s.handle
                && flags == s.flags && keyType == s.keyType && keyLen == s.keyLen && dataType == s.dataType
                && dataLen == s.dataLen && objType == s.objType && policy == s.policy && size == s.size
                && timeout == s.timeout && gcInterval == s.gcInterval && Arrays.equals(userdata, s.userdata)
                && elements.equals(s.elements);
    }

    @Override
    public int hashCode() {
        return Objects.hash(family, table, name, handle, flags, keyType, keyLen, elements);
    }

    @Override
    public String toString() {
        return "NftSet[family=" + family + ", table=" + table + ", name=" + name + ", handle=" + handle + ", flags=" + flags
                + ", keyType=" + keyType + ", keyLen=" + keyLen + ", dataType=" + dataType + ", dataLen=" + dataLen
                + ", timeout=" + timeout + ", elements=" + elements.size() + "]";
    }
}
