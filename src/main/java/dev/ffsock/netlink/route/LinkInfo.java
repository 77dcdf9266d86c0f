package dev.ffsock.netlink.route;

/**
 * A link's {@code IFLA_LINKINFO}, typed: its kind and kind data, and its slave kind and slave data
 * ({@code ip -d link}: {@code linkinfo} with {@code info_kind}, {@code info_data},
 * {@code info_slave_kind}, {@code info_slave_data}).
 *
 * @param kind      {@code IFLA_INFO_KIND} ({@code bridge}, {@code veth}, …), null if absent
 * @param data      {@code IFLA_INFO_DATA} decoded for the kind, null if absent
 * @param slaveKind {@code IFLA_INFO_SLAVE_KIND} ({@code bridge} for a bridge port), null if absent
 * @param slaveData {@code IFLA_INFO_SLAVE_DATA} decoded ({@link BridgePortInfo} for a bridge port), null if absent
 */
public record LinkInfo(String kind, KindInfo data, String slaveKind, KindInfo slaveData) {
}
