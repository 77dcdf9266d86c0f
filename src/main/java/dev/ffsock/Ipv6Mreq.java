package dev.ffsock;

import java.net.Inet6Address;
import java.util.Objects;

/**
 * An IPv6 multicast membership request ({@code struct ipv6_mreq}) for IPV6_JOIN_GROUP and
 * IPV6_LEAVE_GROUP.
 *
 * @param group          the multicast group
 * @param interfaceIndex the interface index, or 0 for the kernel's choice
 */
public record Ipv6Mreq(Inet6Address group, int interfaceIndex) {
    /** Validates the request. */
    public Ipv6Mreq {
        Objects.requireNonNull(group, "group");
        if (!group.isMulticastAddress()) throw new IllegalArgumentException("not a multicast address: " + group);
        if (interfaceIndex < 0) throw new IllegalArgumentException("negative interface index");
    }
}
