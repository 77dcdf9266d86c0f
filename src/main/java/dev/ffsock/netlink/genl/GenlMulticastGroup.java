package dev.ffsock.netlink.genl;

/**
 * A multicast group of a generic netlink family; join it with
 * {@link dev.ffsock.netlink.NetlinkConnection#subscribe(int...)} and its {@link #id()}.
 *
 * @param name the group's name, e.g. {@code notify}
 * @param id   the group number the kernel assigned
 */
public record GenlMulticastGroup(String name, int id) {
}
