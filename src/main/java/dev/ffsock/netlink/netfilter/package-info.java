/**
 * NETLINK_NETFILTER: the nfnetlink base ({@link dev.ffsock.netlink.netfilter.Nfnetlink}: the
 * {@code struct nfgenmsg} header, subsystem and message type packing, groups) and the connection
 * tracking family over it ({@link dev.ffsock.netlink.netfilter.Conntrack}: what {@code conntrack -L},
 * {@code -G}, {@code -D}, {@code -F} and {@code -E} do), with its model records and codec apart.
 */
package dev.ffsock.netlink.netfilter;
