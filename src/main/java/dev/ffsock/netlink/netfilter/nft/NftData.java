package dev.ffsock.netlink.netfilter.nft;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/**
 * A value of nf_tables' data registers ({@code NFTA_DATA_*}): bytes as they sit in the register
 * (network order for addresses and ports, host order for meta keys), or a verdict.
 */
public sealed interface NftData {
    /** The longest value a data attribute may hold (C NFT_DATA_VALUE_MAXLEN). */
    int MAX_VALUE_LENGTH = Nft.NFT_DATA_VALUE_MAXLEN;

    /**
     * Raw register bytes (NFTA_DATA_VALUE).
     *
     * @param bytes the value, 1 to {@link #MAX_VALUE_LENGTH} bytes (copied)
     */
    record Value(byte[] bytes) implements NftData {
        /**
         * Checks and copies the bytes.
         *
         * @throws IllegalArgumentException if empty or longer than {@link #MAX_VALUE_LENGTH}
         */
        public Value {
            Objects.requireNonNull(bytes, "bytes");
            if (bytes.length == 0 || bytes.length > MAX_VALUE_LENGTH) {
                throw new IllegalArgumentException("a data value is 1.." + MAX_VALUE_LENGTH + " bytes: " + bytes.length);
            }
            bytes = bytes.clone();
        }

        /** {@return a copy of the bytes} */
        @Override
        public byte[] bytes() {
            return bytes.clone();
        }

        /** {@return the length in bytes} */
        public int length() {
            return bytes.length;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Value v && Arrays.equals(bytes, v.bytes);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(bytes);
        }

        @Override
        public String toString() {
            return "0x" + HexFormat.of().formatHex(bytes);
        }
    }

    /**
     * A verdict (NFTA_DATA_VERDICT): {@code code} is one of {@link Nft#NF_ACCEPT},
     * {@link Nft#NF_DROP}, {@link Nft#NFT_CONTINUE}, {@link Nft#NFT_RETURN}, {@link Nft#NFT_JUMP},
     * {@link Nft#NFT_GOTO}, … (any value is kept); {@code chain} names the target of a jump or goto.
     *
     * @param code  the verdict code
     * @param chain the target chain, or null
     */
    record Verdict(int code, String chain) implements NftData {
        @Override
        public String toString() {
            return NftNetlinkText.verdictName(code) + (chain == null ? "" : " " + chain);
        }
    }

    /**
     * {@return a value}
     *
     * @param bytes the bytes (copied)
     */
    static NftData value(byte... bytes) {
        return new Value(bytes);
    }

    /** {@return the verdict accept} */
    static NftData accept() {
        return new Verdict(Nft.NF_ACCEPT, null);
    }

    /** {@return the verdict drop} */
    static NftData drop() {
        return new Verdict(Nft.NF_DROP, null);
    }

    /** {@return the verdict return} */
    static NftData returnVerdict() {
        return new Verdict(Nft.NFT_RETURN, null);
    }

    /**
     * {@return a jump to {@code chain}}
     *
     * @param chain the chain's name
     */
    static NftData jump(String chain) {
        return new Verdict(Nft.NFT_JUMP, Objects.requireNonNull(chain, "chain"));
    }

    /**
     * {@return a goto to {@code chain}}
     *
     * @param chain the chain's name
     */
    static NftData goTo(String chain) {
        return new Verdict(Nft.NFT_GOTO, Objects.requireNonNull(chain, "chain"));
    }
}
