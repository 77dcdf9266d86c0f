/**
 * rtnetlink (NETLINK_ROUTE): links, addresses, routes and neighbours as typed records, their dumps
 * and changes, and their multicast events — the kernel side of {@code ip link/addr/route/neigh}.
 */
package dev.ffsock.netlink.route;
