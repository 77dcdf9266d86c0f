/**
 * NETLINK_KOBJECT_UEVENT: the kernel's device events ({@code add@/devices/virtual/net/veth0} with
 * {@code KEY=VALUE} pairs), as udev receives them. Not nlmsghdr-framed: read from a plain socket.
 */
package dev.ffsock.netlink.uevent;
