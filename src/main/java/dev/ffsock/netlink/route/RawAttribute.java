package dev.ffsock.netlink.route;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * An attribute a decoder did not interpret (unknown type, or a known type with an unexpected
 * length), kept as it came: its type (without {@code NLA_F_*} flags) and a copy of its value.
 *
 * @param type  the attribute type, {@code nla_type & NLA_TYPE_MASK}
 * @param value the value bytes, padding excluded (a copy; do not modify)
 */
public record RawAttribute(int type, byte[] value) {
    /** Copies nothing: {@code value} is kept as given. */
    public RawAttribute {
        if (value == null) throw new NullPointerException("value");
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RawAttribute r && r.type == type && Arrays.equals(r.value, value);
    }

    @Override
    public int hashCode() {
        return type * 31 + Arrays.hashCode(value);
    }

    /** {@return e.g. {@code RawAttribute[type=42, value=0a0b]}} */
    @Override
    public String toString() {
        return "RawAttribute[type=" + type + ", value=" + HexFormat.of().formatHex(value) + "]";
    }
}
