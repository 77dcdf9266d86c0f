package dev.ffsock;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/**
 * One control message ({@code struct cmsghdr}: level, type, data) as raw bytes: how a received
 * control message that ffsock does not decode is reported (see {@link ReceivedControl#raw(int)}),
 * and the constants for the levels and types ffsock builds and decodes.
 *
 * @param level the cmsg_level ({@link #SOL_SOCKET}, {@link #SOL_IP}, {@link #SOL_IPV6}, {@link #SOL_UDP}, …)
 * @param type  the cmsg_type
 * @param data  the bytes after the header (CMSG_DATA), cmsg_len minus the header size
 */
public record ControlMessage(int level, int type, byte[] data) {
    /** Level of socket-layer control messages. */
    public static final int SOL_SOCKET = 1;
    /** Level of IPv4 control messages. */
    public static final int SOL_IP = 0;
    /** Level of IPv6 control messages. */
    public static final int SOL_IPV6 = 41;
    /** Level of UDP control messages. */
    public static final int SOL_UDP = 17;
    /** Level of AF_PACKET control messages. */
    public static final int SOL_PACKET = 263;

    /** SOL_SOCKET: file descriptors (an int array). */
    public static final int SCM_RIGHTS = 1;
    /** SOL_SOCKET: process credentials (struct ucred), AF_UNIX. */
    public static final int SCM_CREDENTIALS = 2;
    /** SOL_SOCKET: receive time as struct timeval (SO_TIMESTAMP). */
    public static final int SCM_TIMESTAMP = 29;
    /** SOL_SOCKET: receive time as struct timespec (SO_TIMESTAMPNS). */
    public static final int SCM_TIMESTAMPNS = 35;
    /** SOL_SOCKET: receive time as a 64-bit struct timeval (the y2038-safe variant of SCM_TIMESTAMP). */
    public static final int SO_TIMESTAMP_NEW = 63;
    /** SOL_SOCKET: receive time as a 64-bit struct timespec (the y2038-safe variant of SCM_TIMESTAMPNS). */
    public static final int SO_TIMESTAMPNS_NEW = 64;
    /** SOL_IP: struct in_pktinfo (received: destination and interface; sent: source and interface). */
    public static final int IP_PKTINFO = 8;
    /** SOL_IP: the TTL of a received datagram (an int; enable with IP_RECVTTL). */
    public static final int IP_TTL = 2;
    /** SOL_IPV6: struct in6_pktinfo. */
    public static final int IPV6_PKTINFO = 50;
    /** SOL_IPV6: the hop limit of a received datagram (an int; enable with IPV6_RECVHOPLIMIT). */
    public static final int IPV6_HOPLIMIT = 52;
    /** SOL_UDP: GSO segment size for one send (a 16-bit value). */
    public static final int UDP_SEGMENT = 103;
    /** SOL_UDP: segment size of a coalesced (GRO) receive (an int; enable with UDP_GRO). */
    public static final int UDP_GRO = 104;
    /** SOL_PACKET: struct tpacket_auxdata of a received frame (enable with PACKET_AUXDATA). */
    public static final int PACKET_AUXDATA = 8;

    /** Copies {@code data}. */
    public ControlMessage {
        data = Objects.requireNonNull(data, "data").clone();
    }

    /** {@return a copy of the data bytes} */
    @Override
    public byte[] data() {
        return data.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ControlMessage c && c.level == level && c.type == type && Arrays.equals(c.data, data);
    }

    @Override
    public int hashCode() {
        return (level * 31 + type) * 31 + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return "ControlMessage[level=" + level + ", type=" + type + ", data=" + HexFormat.of().formatHex(data) + "]";
    }
}
