package dev.ffsock.netlink.route;

/**
 * The kind-specific part of a new link ({@code ip link add NAME type KIND [ARGS]}): the kind's name
 * ({@code IFLA_INFO_KIND}) and what goes into {@code IFLA_INFO_DATA}. Each implementation checks its
 * arguments when made ({@link IllegalArgumentException}).
 */
public sealed interface KindSpec permits VethSpec, BridgeSpec, VxlanSpec, MacvlanSpec, VlanSpec, BondSpec, PlainKind {
    /** {@return the kind's name, {@code IFLA_INFO_KIND}: {@code veth}, {@code bridge}, …} */
    String kind();
}
