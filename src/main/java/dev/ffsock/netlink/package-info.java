/**
 * A pure netlink codec: parsing received bytes into messages, errors and attributes, and building
 * requests into a native buffer. No sockets and no system calls; the netlink connection and the
 * route / sock_diag / generic netlink families are built on top of it.
 *
 * <ul>
 *   <li>{@link dev.ffsock.netlink.Netlink}: the {@code <linux/netlink.h>} constants under their C
 *       names, and the alignment arithmetic;</li>
 *   <li>{@link dev.ffsock.netlink.MessageReader}: iterates the messages of a received buffer;</li>
 *   <li>{@link dev.ffsock.netlink.NetlinkMessage}: one message: header fields, payload, fixed
 *       header and attributes;</li>
 *   <li>{@link dev.ffsock.netlink.Attributes}: a cursor over attributes with exact-length typed
 *       getters;</li>
 *   <li>{@link dev.ffsock.netlink.NetlinkError} and {@link dev.ffsock.netlink.ExtAck}: the status
 *       in {@code NLMSG_ERROR} / {@code NLMSG_DONE}, with extended ACK;</li>
 *   <li>{@link dev.ffsock.netlink.MessageBuilder}: frames messages in a reusable native buffer,
 *       and (as a {@link dev.ffsock.netlink.PayloadWriter}) writes their fixed headers and
 *       attributes;</li>
 *   <li>{@link dev.ffsock.netlink.NetlinkFormatException}: the one (unchecked) exception for
 *       malformed input.</li>
 * </ul>
 *
 * <p>Everything reads and writes host byte order unless a method says otherwise, through
 * unaligned value layouts, so views may start at any offset and heap segments work too. Parsed
 * views share the memory they were parsed from.
 */
package dev.ffsock.netlink;
