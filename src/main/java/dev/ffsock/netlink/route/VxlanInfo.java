package dev.ffsock.netlink.route;

import java.net.InetAddress;

/**
 * A vxlan link's settings ({@code IFLA_INFO_DATA} of kind {@code vxlan}, {@code IFLA_VXLAN_*}),
 * as {@code ip -d link show type vxlan} prints them. Absent numbers are -1, absent switches and
 * addresses null.
 *
 * @param id {@code id}: the VNI
 * @param group {@code IFLA_VXLAN_GROUP}: the multicast group or unicast remote ({@code group}/{@code remote})
 * @param group6 {@code IFLA_VXLAN_GROUP6} ({@code group6}/{@code remote6})
 * @param local {@code local}
 * @param local6 {@code local6}
 * @param link {@code link}: the underlying device's ifindex (0: none)
 * @param portRange {@code port_range} {low, high} (source ports), null if absent
 * @param port {@code port}: the destination UDP port
 * @param learning {@code learning}
 * @param proxy {@code proxy}
 * @param rsc {@code rsc}
 * @param l2miss {@code l2miss}
 * @param l3miss {@code l3miss}
 * @param tos {@code tos}
 * @param ttl {@code ttl} (0: auto)
 * @param ttlInherit {@code ttl inherit}
 * @param df {@code df}: 0 unset, 1 set, 2 inherit
 * @param label {@code label}: the flow label
 * @param ageing {@code ageing}: FDB entry lifetime in seconds
 * @param limit {@code limit}: maximum FDB entries (0: none)
 * @param udpCsum {@code udp_csum}
 * @param udpZeroCsum6Tx {@code udp_zero_csum6_tx}
 * @param udpZeroCsum6Rx {@code udp_zero_csum6_rx}
 * @param remcsumTx {@code remcsum_tx}
 * @param remcsumRx {@code remcsum_rx}
 * @param gbp {@code gbp}
 * @param gpe {@code gpe}
 * @param collectMetadata {@code external}
 */
public record VxlanInfo(long id, InetAddress group, InetAddress group6, InetAddress local, InetAddress local6, long link, int[] portRange, long port, Boolean learning, Boolean proxy, Boolean rsc, Boolean l2miss, Boolean l3miss, long tos, long ttl, Boolean ttlInherit, long df, long label, long ageing, long limit, Boolean udpCsum, Boolean udpZeroCsum6Tx, Boolean udpZeroCsum6Rx, Boolean remcsumTx, Boolean remcsumRx, boolean gbp, boolean gpe, Boolean collectMetadata) implements KindInfo {
}
