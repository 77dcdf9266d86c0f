package dev.ffsock.netlink.route;

/**
 * A tun or tap device's settings ({@code IFLA_INFO_DATA} of kind {@code tun}, {@code IFLA_TUN_*}),
 * as {@code ip -d link show} prints them. Absent numbers are -1, absent switches null.
 *
 * @param type {@code type}: 1 tun (IFF_TUN), 2 tap (IFF_TAP)
 * @param pi {@code pi}: packet information header
 * @param vnetHdr {@code vnet_hdr}
 * @param persist {@code persist}
 * @param multiQueue {@code multi_queue}
 * @param numQueues {@code numqueues}
 * @param numDisabledQueues {@code numdisabled}
 * @param owner {@code user}: the owner uid
 * @param group {@code group}: the owner gid
 */
public record TunInfo(long type, Boolean pi, Boolean vnetHdr, Boolean persist, Boolean multiQueue, long numQueues, long numDisabledQueues, long owner, long group) implements KindInfo {
}
