package dev.ffsock.netlink.tc;

import java.util.HexFormat;

/**
 * The {@code TCA_OPTIONS} of a kind ffsock does not decode, as it came.
 *
 * @param bytes the attribute's value (a copy; do not modify)
 */
public record RawOptions(byte[] bytes) implements TcOptions {
    /** {@return the bytes in hex} */
    @Override
    public String toString() {
        return "RawOptions[" + HexFormat.of().formatHex(bytes) + "]";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RawOptions r && java.util.Arrays.equals(r.bytes, bytes);
    }

    @Override
    public int hashCode() {
        return java.util.Arrays.hashCode(bytes);
    }
}
