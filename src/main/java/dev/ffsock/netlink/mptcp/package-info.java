/**
 * The MPTCP path manager's generic netlink family ({@code mptcp_pm}): endpoints (list, add, delete,
 * flush) and limits, as {@code ip mptcp endpoint} and {@code ip mptcp limits} show and change them.
 * {@link dev.ffsock.netlink.mptcp.MptcpPathManager} is the client; MPTCP sockets themselves are
 * {@link dev.ffsock.Protocol#MPTCP} streams.
 */
package dev.ffsock.netlink.mptcp;
