/**
 * sock_diag (NETLINK_SOCK_DIAG): the kernel's socket tables — inet_diag for TCP and UDP over IPv4
 * and IPv6, unix_diag for AF_UNIX — the kernel side of {@code ss}.
 */
package dev.ffsock.netlink.diag;
