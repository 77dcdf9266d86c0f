package dev.ffsock.netlink.route;

/**
 * The kind-specific part of a link's {@code IFLA_LINKINFO} ({@code ip -d}): {@code IFLA_INFO_DATA}
 * of a bridge, vxlan, macvlan/macvtap or tun link, or {@code IFLA_INFO_SLAVE_DATA} of a bridge port;
 * {@link OtherKindInfo} for kinds without a typed form.
 */
public sealed interface KindInfo permits BridgeInfo, BridgePortInfo, VxlanInfo, MacvlanInfo, TunInfo, OtherKindInfo {
}
