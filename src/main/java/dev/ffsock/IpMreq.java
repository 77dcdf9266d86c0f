package dev.ffsock;

import java.net.Inet4Address;
import java.util.Objects;

/**
 * An IPv4 multicast membership request ({@code struct ip_mreqn}) for IP_ADD_MEMBERSHIP and
 * IP_DROP_MEMBERSHIP.
 *
 * @param group     the multicast group
 * @param interfaceAddress the local interface's address, or null for any
 * @param interfaceIndex   the interface index, or 0 for any
 */
public record IpMreq(Inet4Address group, Inet4Address interfaceAddress, int interfaceIndex) {
    /** Validates the request. */
    public IpMreq {
        Objects.requireNonNull(group, "group");
        if (!group.isMulticastAddress()) throw new IllegalArgumentException("not a multicast address: " + group);
        if (interfaceIndex < 0) throw new IllegalArgumentException("negative interface index");
    }
}
