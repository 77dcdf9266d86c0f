package dev.ffsock.netlink.route;

import java.util.List;

/**
 * The {@code IFLA_INFO_DATA} (or slave data) of a kind without a typed form, attribute by attribute.
 *
 * @param attributes the nest's attributes, in message order
 */
public record OtherKindInfo(List<RawAttribute> attributes) implements KindInfo {
    /** Copies the list. */
    public OtherKindInfo {
        attributes = List.copyOf(attributes);
    }
}
