package dev.ffsock.netlink.netfilter.nft;

import java.util.Arrays;
import java.util.Objects;

/**
 * An element of an nf_tables set or map. An interval set holds each interval as two elements,
 * its start and, flagged {@link Nft#NFT_SET_ELEM_INTERVAL_END}, the first key after it (or, with
 * {@code keyEnd}, a start and end in one element).
 *
 * @param key        the key
 * @param keyEnd     the end of an interval (NFTA_SET_ELEM_KEY_END), or null
 * @param data       a map element's data (a value or a verdict), or null
 * @param flags      NFT_SET_ELEM_INTERVAL_END, NFT_SET_ELEM_CATCHALL, or 0
 * @param timeout    the element's timeout in milliseconds, or -1
 * @param expiration milliseconds until it expires, or -1
 * @param objref     the object a stateful-object map maps to, or null
 * @param userdata   the element's user data (nft keeps comments there), or null
 */
public record NftSetElement(NftData.Value key, NftData.Value keyEnd, NftData data, int flags, long timeout,
                            long expiration, String objref, byte[] userdata) {
    /** Checks the key and copies the user data. */
    public NftSetElement {
        Objects.requireNonNull(key, "key");
        userdata = userdata == null ? null : userdata.clone();
    }

    /**
     * {@return an element with just a key}
     *
     * @param key the key's bytes
     */
    public static NftSetElement of(byte... key) {
        return new NftSetElement(new NftData.Value(key), null, null, 0, -1, -1, null, null);
    }

    /**
     * {@return a map element}
     *
     * @param key  the key's bytes
     * @param data the data
     */
    public static NftSetElement of(byte[] key, NftData data) {
        return new NftSetElement(new NftData.Value(key), null, Objects.requireNonNull(data, "data"), 0, -1, -1, null, null);
    }

    /** {@return whether this element ends an interval} */
    public boolean isIntervalEnd() {
        return (flags & Nft.NFT_SET_ELEM_INTERVAL_END) != 0;
    }

    /** {@return a copy of the user data, or null} */
    @Override
    public byte[] userdata() {
        return userdata == null ? null : userdata.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NftSetElement e && key.equals(e.key) && Objects.equals(keyEnd, e.keyEnd)
                && Objects.equals(data, e.data) && flags == e.flags && timeout == e.timeout && expiration == e.expiration
                && Objects.equals(objref, e.objref) && Arrays.equals(userdata, e.userdata);
    }

    @Override
    public int hashCode() {
        return Objects.hash(key, keyEnd, data, flags, timeout, expiration, objref) * 31 + Arrays.hashCode(userdata);
    }

    @Override
    public String toString() {
        return "NftSetElement[key=" + key + (keyEnd == null ? "" : ", keyEnd=" + keyEnd) + (data == null ? "" : ", data=" + data)
                + ", flags=" + flags + ", timeout=" + timeout + ", expiration=" + expiration + "]";
    }
}
