package dev.ffsock.netlink.diag;

import java.util.Map;

/**
 * One netlink socket from a netlink_diag dump ({@code ss -f netlink}): {@code struct netlink_diag_msg}
 * and the attributes the request's {@code NDIAG_SHOW_*} flags asked for; unsigned 32-bit fields
 * widened to {@code long}; what was not asked for or not sent is null or -1.
 *
 * @param type            SOCK_RAW (3) or SOCK_DGRAM (2)
 * @param protocol        the netlink family (NETLINK_ROUTE = 0, NETLINK_SOCK_DIAG = 4, …)
 * @param state           TCP_CLOSE (7) unconnected, TCP_ESTABLISHED (1) connected
 * @param portId          the socket's port id (0 before bind; the kernel's sockets are 0)
 * @param peerPortId      the connected peer's port id
 * @param peerGroup       the connected peer group
 * @param inode           the socket's inode
 * @param cookie          the socket's cookie
 * @param groups          NETLINK_DIAG_GROUPS: the multicast group bitmap (bit n-1 for group n), or null
 * @param memInfo         NETLINK_DIAG_MEMINFO, or null
 * @param flags           NETLINK_DIAG_FLAGS: {@code NDIAG_FLAG_*} bits, or -1
 * @param otherAttributes every other attribute by type, raw values
 */
public record NetlinkSocket(int type, int protocol, int state, long portId, long peerPortId, long peerGroup,
                            long inode, long cookie, long[] groups, SkMemInfo memInfo, long flags,
                            Map<Integer, byte[]> otherAttributes) {
}
