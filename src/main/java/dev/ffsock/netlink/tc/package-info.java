/**
 * Traffic control over rtnetlink: qdiscs, classes and filters, read, changed and watched as {@code tc} does.
 * {@link dev.ffsock.netlink.tc.Tc} is the facade; the model ({@link dev.ffsock.netlink.tc.Qdisc},
 * {@link dev.ffsock.netlink.tc.TcClass}, {@link dev.ffsock.netlink.tc.TcFilter} and their options) is apart
 * from the wire code ({@link dev.ffsock.netlink.tc.TcCodec}); {@link dev.ffsock.netlink.tc.TcUnits} and
 * {@link dev.ffsock.netlink.tc.TcHandle} read and print rates, sizes, times and handles as tc does. Events come
 * through {@link dev.ffsock.netlink.route.RtnetlinkEvents} ({@code Topic.TC}).
 */
package dev.ffsock.netlink.tc;
