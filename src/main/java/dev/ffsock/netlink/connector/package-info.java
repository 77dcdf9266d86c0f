/**
 * NETLINK_CONNECTOR's process events connector (CN_IDX_PROC): fork, exec, exit, uid/gid, sid,
 * ptrace, comm and coredump events as typed {@link dev.ffsock.netlink.connector.ProcEvent}s
 * ({@link dev.ffsock.netlink.connector.ProcEvents}; what {@code forkstat} shows).
 */
package dev.ffsock.netlink.connector;
