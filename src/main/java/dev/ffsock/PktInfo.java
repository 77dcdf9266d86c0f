package dev.ffsock;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.Objects;

/**
 * Packet information ({@code struct in_pktinfo} / {@code struct in6_pktinfo}): received with
 * IP_PKTINFO / IPV6_RECVPKTINFO, it holds the datagram's destination address and the index of the
 * interface it arrived on; sent with {@link Message#addPktInfo(PktInfo)}, it chooses the source
 * address and (when not 0) the outgoing interface of one datagram.
 *
 * @param ifindex interface index (0: any, on send)
 * @param address received: the destination address in the datagram's header; sent: the source
 *                address to use (IPv4: ipi_spec_dst; IPv6: ipi6_addr). An {@link Inet4Address} for
 *                IP_PKTINFO, an {@link Inet6Address} for IPV6_PKTINFO.
 */
public record PktInfo(int ifindex, InetAddress address) {
    /** Checks the arguments. */
    public PktInfo {
        Objects.requireNonNull(address, "address");
        if (ifindex < 0) throw new IllegalArgumentException("negative interface index: " + ifindex);
    }

    /** {@return whether this is IPv6 packet information (IPV6_PKTINFO)} */
    public boolean isIpv6() {
        return address instanceof Inet6Address;
    }
}
