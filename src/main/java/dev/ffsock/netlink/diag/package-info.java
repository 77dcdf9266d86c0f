/**
 * sock_diag (NETLINK_SOCK_DIAG): the kernel's socket tables — inet_diag for TCP, UDP, raw and MPTCP
 * over IPv4 and IPv6 (with kernel-side filters, {@link dev.ffsock.netlink.diag.InetFilter}, and
 * SOCK_DESTROY), unix_diag for AF_UNIX, packet_diag for AF_PACKET, netlink_diag for netlink sockets —
 * the kernel side of {@code ss}; {@link dev.ffsock.netlink.diag.SsFilter} reads ss's filter words and
 * {@link dev.ffsock.netlink.diag.SocketOwners} finds the processes holding sockets ({@code ss -p}).
 */
package dev.ffsock.netlink.diag;
