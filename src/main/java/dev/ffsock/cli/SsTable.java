package dev.ffsock.cli;

import dev.ffsock.netlink.diag.SocketState;

import java.util.EnumSet;
import java.util.Set;

/** The socket tables {@code ffsock sockets} lists, in the order {@code ss} prints them, with ss's Netid names. */
enum SsTable {
    /** Netlink sockets (netlink_diag). */
    NETLINK("nl", "netlink"),
    /** AF_PACKET SOCK_RAW. */
    PACKET_RAW("p_raw", "packet"),
    /** AF_PACKET SOCK_DGRAM. */
    PACKET_DGRAM("p_dgr", "packet"),
    /** AF_UNIX SOCK_STREAM. */
    UNIX_STREAM("u_str", "unix"),
    /** AF_UNIX SOCK_DGRAM. */
    UNIX_DGRAM("u_dgr", "unix"),
    /** AF_UNIX SOCK_SEQPACKET. */
    UNIX_SEQPACKET("u_seq", "unix"),
    /** Raw IP sockets (raw_diag). */
    RAW("raw", "inet"),
    /** UDP. */
    UDP("udp", "inet"),
    /** TCP. */
    TCP("tcp", "inet"),
    /** MPTCP (inet_diag with IPPROTO_MPTCP). */
    MPTCP("mptcp", "inet");

    static final Set<SsTable> UNIX = EnumSet.of(UNIX_STREAM, UNIX_DGRAM, UNIX_SEQPACKET);
    static final Set<SsTable> PACKET = EnumSet.of(PACKET_RAW, PACKET_DGRAM);

    private final String netid;
    private final String family;

    SsTable(String netid, String family) {
        this.netid = netid;
        this.family = family;
    }

    /** {@return the Netid column's text} */
    String netid() {
        return netid;
    }

    /** {@return the {@code -f} family the table belongs to: inet, unix, packet or netlink} */
    String family() {
        return family;
    }

    /**
     * {@return the states ss lists from this table without -a, -l or a state filter (its default_dbs):
     * connected sockets (UDP and raw: ESTAB only), and packet and netlink sockets, which are never
     * connected, as UNCONN (unix datagram sockets: connected only, as ss 6.1 lists them); ss asks every
     * table for the union of these}
     */
    int defaultStates() {
        return switch (this) {
            case UDP, RAW -> SocketState.ESTABLISHED.bit();
            case PACKET_RAW, PACKET_DGRAM, NETLINK -> SocketState.CLOSE.bit();
            default -> SocketState.CONNECTED;
        };
    }
}
