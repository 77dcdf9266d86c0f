package dev.ffsock.netlink.netfilter;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.Objects;

/**
 * One direction of a conntrack entry (CTA_TUPLE_ORIG, CTA_TUPLE_REPLY): addresses (CTA_TUPLE_IP),
 * layer-4 protocol with its ports or ICMP id, type and code (CTA_TUPLE_PROTO), and the direction's
 * zone (CTA_TUPLE_ZONE). What {@code conntrack -L} prints as {@code src=… dst=… sport=… dport=…}.
 *
 * @param source          the source address (IPv4 or IPv6, the same family as {@code destination})
 * @param destination     the destination address
 * @param protocol        the layer-4 protocol number (6 TCP, 17 UDP, 1 ICMP, 58 ICMPv6, …)
 * @param sourcePort      the source port, 0..65535; -1 when absent (not a port protocol)
 * @param destinationPort the destination port, 0..65535; -1 when absent
 * @param icmpId          the ICMP/ICMPv6 echo id, 0..65535; -1 when absent
 * @param icmpType        the ICMP/ICMPv6 type, 0..255; -1 when absent
 * @param icmpCode        the ICMP/ICMPv6 code, 0..255; -1 when absent
 * @param zone            the direction's zone id (CTA_TUPLE_ZONE), 0..65535; -1 when absent
 */
public record ConntrackTuple(InetAddress source, InetAddress destination, int protocol, int sourcePort,
                             int destinationPort, int icmpId, int icmpType, int icmpCode, int zone) {
    /** Protocol number of TCP. */
    public static final int TCP = 6;
    /** Protocol number of UDP. */
    public static final int UDP = 17;
    /** Protocol number of ICMP. */
    public static final int ICMP = 1;
    /** Protocol number of ICMPv6. */
    public static final int ICMPV6 = 58;

    /**
     * Checks the fields.
     *
     * @throws IllegalArgumentException if an address is missing or the two differ in family, or a
     *         number is out of its range
     */
    public ConntrackTuple {
        if (source == null || destination == null) throw new IllegalArgumentException("a conntrack tuple needs both addresses");
        if ((source instanceof Inet4Address) != (destination instanceof Inet4Address)) {
            throw new IllegalArgumentException("source and destination differ in family: " + source + ", " + destination);
        }
        range("protocol", protocol, 255, false);
        range("sourcePort", sourcePort, 0xffff, true);
        range("destinationPort", destinationPort, 0xffff, true);
        range("icmpId", icmpId, 0xffff, true);
        range("icmpType", icmpType, 255, true);
        range("icmpCode", icmpCode, 255, true);
        range("zone", zone, 0xffff, true);
    }

    private static void range(String name, int v, int max, boolean absentAllowed) {
        if ((v < 0 && !(absentAllowed && v == -1)) || v > max) {
            throw new IllegalArgumentException(name + " must be 0.." + max + (absentAllowed ? " or -1 (absent)" : "") + ": " + v);
        }
    }

    /**
     * A TCP or UDP (or other port protocol's) tuple.
     *
     * @param protocol        the protocol number (6, 17, 132, 136, …)
     * @param source          the source address
     * @param sourcePort      the source port
     * @param destination     the destination address
     * @param destinationPort the destination port
     * @return the tuple, without zone
     * @throws IllegalArgumentException as the constructor
     */
    public static ConntrackTuple ports(int protocol, InetAddress source, int sourcePort, InetAddress destination,
                                       int destinationPort) {
        return new ConntrackTuple(source, destination, protocol, sourcePort, destinationPort, -1, -1, -1, -1);
    }

    /**
     * An ICMP (IPv4) or ICMPv6 (IPv6) tuple; the protocol follows the addresses' family.
     *
     * @param source      the source address
     * @param destination the destination address
     * @param id          the echo id
     * @param type        the ICMP type
     * @param code        the ICMP code
     * @return the tuple, without zone
     * @throws IllegalArgumentException as the constructor
     */
    public static ConntrackTuple icmp(InetAddress source, InetAddress destination, int id, int type, int code) {
        Objects.requireNonNull(source, "source");
        return new ConntrackTuple(source, destination, source instanceof Inet4Address ? ICMP : ICMPV6, -1, -1, id, type,
                code, -1);
    }

    /** {@return the address family: AF_INET (2) or AF_INET6 (10)} */
    public int family() {
        return source instanceof Inet4Address ? 2 : 10;
    }

    /**
     * {@return this tuple with another zone}
     *
     * @param zone the zone id, 0..65535, or -1 for none
     */
    public ConntrackTuple withZone(int zone) {
        return new ConntrackTuple(source, destination, protocol, sourcePort, destinationPort, icmpId, icmpType, icmpCode, zone);
    }
}
