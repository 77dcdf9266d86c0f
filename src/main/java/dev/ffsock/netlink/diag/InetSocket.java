package dev.ffsock.netlink.diag;

import dev.ffsock.Domain;
import dev.ffsock.InetText;
import dev.ffsock.Protocol;
import dev.ffsock.MptcpInfo;
import dev.ffsock.TcpInfo;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Map;

/**
 * One TCP or UDP socket from an inet_diag dump: {@code struct inet_diag_msg} and the attributes
 * after it. Unsigned 32-bit fields are widened to {@code long}. Extensions the request did not ask
 * for are absent: null objects, -1 numbers.
 *
 * <p>Addresses are what the kernel reports, 4 bytes for {@link Domain#AF_INET} and 16 for
 * {@link Domain#AF_INET6} (an IPv4-mapped address on an IPv6 socket stays an
 * {@link java.net.Inet6Address}). Wildcards are {@code 0.0.0.0} / {@code ::} and port 0.
 *
 * @param family            AF_INET or AF_INET6
 * @param protocol          TCP or UDP (as requested: the message does not carry it)
 * @param state             the state (UDP: {@link SocketState#CLOSE} unconnected, {@link SocketState#ESTABLISHED} connected)
 * @param localAddress      bound address
 * @param localPort         bound port
 * @param remoteAddress     peer address (wildcard when unconnected)
 * @param remotePort        peer port (0 when unconnected)
 * @param interfaceIndex    bound interface (SO_BINDTODEVICE or a scope), 0 for none
 * @param cookie            the socket's cookie (unique for its lifetime; {@code ss -e} prints it as {@code sk:})
 * @param inode             the socket's inode, as in {@code /proc/PID/fd/N -> socket:[INODE]} (0 for TIME-WAIT)
 * @param uid               the owner's user id
 * @param rqueue            TCP: bytes not yet read (LISTEN: connections waiting for accept); UDP: receive memory
 * @param wqueue            TCP: bytes not yet acknowledged (LISTEN: the backlog); UDP: send memory
 * @param timer             the pending timer
 * @param memInfo           INET_DIAG_MEMINFO, or null
 * @param tcpInfo           INET_DIAG_INFO of a TCP socket: {@code struct tcp_info} ({@code ss -i}), or null
 * @param mptcpInfo         INET_DIAG_INFO of an MPTCP socket: {@code struct mptcp_info} ({@code ss -M -i}), or null
 * @param congestion        INET_DIAG_CONG: the congestion control algorithm, or null
 * @param bbr               INET_DIAG_BBRINFO (BBR sockets, when INET_DIAG_VEGASINFO was asked for), or null
 * @param tos               INET_DIAG_TOS, or -1
 * @param tclass            INET_DIAG_TCLASS (IPv6), or -1
 * @param shutdown          INET_DIAG_SHUTDOWN: bit 0 receive shut down, bit 1 send; -1 if absent
 * @param v6Only            INET_DIAG_SKV6ONLY: 1 for an IPV6_V6ONLY socket, 0 not, -1 absent (sent for IPv6 LISTEN and CLOSE sockets only)
 * @param mark              INET_DIAG_MARK (SO_MARK; sent to CAP_NET_ADMIN only), or -1
 * @param cgroupId          INET_DIAG_CGROUP_ID, or -1
 * @param skMemInfo         INET_DIAG_SKMEMINFO: {@code SK_MEMINFO_*} counters ({@code ss -m}), or null
 * @param otherAttributes   every other attribute by type, raw values
 */
public record InetSocket(Domain family, Protocol protocol, SocketState state,
                         InetAddress localAddress, int localPort, InetAddress remoteAddress, int remotePort,
                         int interfaceIndex, long cookie, long inode, long uid, long rqueue, long wqueue,
                         InetTimer timer, InetMemInfo memInfo, TcpInfo tcpInfo, MptcpInfo mptcpInfo, String congestion, BbrInfo bbr,
                         int tos, int tclass, int shutdown, int v6Only, long mark, long cgroupId,
                         SkMemInfo skMemInfo, Map<Integer, byte[]> otherAttributes) {

    /** {@return the local address and port} */
    public InetSocketAddress local() {
        return new InetSocketAddress(localAddress, localPort);
    }

    /** {@return the remote address and port} */
    public InetSocketAddress remote() {
        return new InetSocketAddress(remoteAddress, remotePort);
    }

    /** {@return e.g. {@code InetSocket[TCP ESTAB 127.0.0.1:40000 -> 127.0.0.1:8080 ino 1234]}} */
    @Override
    public String toString() {
        return "InetSocket[" + (protocol.equals(Protocol.TCP) ? "TCP" : protocol.equals(Protocol.UDP) ? "UDP"
                : "proto " + protocol.value()) + (family.equals(Domain.AF_INET6) ? "v6 " : " ") + state.ssName()
                + " " + InetText.format(localAddress) + ":" + localPort + " -> " + InetText.format(remoteAddress)
                + ":" + remotePort + " ino " + inode + " rq " + rqueue + " wq " + wqueue + "]";
    }
}
