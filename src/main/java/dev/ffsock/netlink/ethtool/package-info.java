/**
 * The ethtool generic netlink family ({@code ethtool}): link info, modes and state, features (get
 * and set, compact and verbose bitsets), rings, channels, coalescing, pause and EEE, plus driver
 * information and statistics through the {@code SIOCETHTOOL} ioctl ({@link dev.ffsock.EthtoolIoctl}).
 * {@link dev.ffsock.netlink.ethtool.Ethtool} is the client.
 */
package dev.ffsock.netlink.ethtool;
