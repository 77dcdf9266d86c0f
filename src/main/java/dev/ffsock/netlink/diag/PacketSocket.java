package dev.ffsock.netlink.diag;

import java.util.List;
import java.util.Map;

/**
 * One AF_PACKET socket from a packet_diag dump ({@code ss -0}): {@code struct packet_diag_msg} and the
 * attributes the request's {@code PACKET_SHOW_*} flags asked for; what was not asked for or not sent is
 * null or -1.
 *
 * @param type            SOCK_RAW (3, ss's p_raw) or SOCK_DGRAM (2, p_dgr)
 * @param protocol        the ethertype it receives, host order (ETH_P_ALL = 3; 0: none yet)
 * @param inode           the socket's inode, as in {@code socket:[INODE]}
 * @param cookie          the socket's cookie
 * @param info            PACKET_DIAG_INFO, or null
 * @param memberships     PACKET_DIAG_MCLIST, or null
 * @param rxRing          PACKET_DIAG_RX_RING, or null
 * @param txRing          PACKET_DIAG_TX_RING, or null
 * @param fanout          PACKET_DIAG_FANOUT: group id in the low 16 bits, type and flags above, or -1
 * @param uid             PACKET_DIAG_UID, or -1
 * @param memInfo         PACKET_DIAG_MEMINFO, or null
 * @param otherAttributes every other attribute by type (PACKET_DIAG_FILTER's BPF program), raw values
 */
public record PacketSocket(int type, int protocol, long inode, long cookie, PacketInfo info,
                           List<PacketMembership> memberships, PacketRing rxRing, PacketRing txRing, long fanout,
                           long uid, SkMemInfo memInfo, Map<Integer, byte[]> otherAttributes) {
}
