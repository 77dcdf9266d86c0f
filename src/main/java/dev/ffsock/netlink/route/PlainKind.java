package dev.ffsock.netlink.route;

import java.util.Objects;

/**
 * A kind that takes no arguments: {@code ip link add NAME type dummy|ifb|…}.
 *
 * @param kind the kind's name ({@code IFLA_INFO_KIND}), 1 to 63 printable ASCII characters
 */
public record PlainKind(String kind) implements KindSpec {
    /** {@code ifb}: the intermediate functional block device. */
    public static final PlainKind IFB = new PlainKind("ifb");
    /** {@code dummy}: a device that drops everything. */
    public static final PlainKind DUMMY = new PlainKind("dummy");

    /** Checks the name. */
    public PlainKind {
        Objects.requireNonNull(kind, "kind");
        if (kind.isEmpty() || kind.length() > 63 || !kind.chars().allMatch(c -> c > ' ' && c < 127)) {
            throw new IllegalArgumentException("bad link kind '" + kind + "'");
        }
    }
}
