/**
 * Generic netlink (NETLINK_GENERIC): resolving families through the controller (nlctrl) and a
 * typed base for writing generic netlink families.
 */
package dev.ffsock.netlink.genl;
