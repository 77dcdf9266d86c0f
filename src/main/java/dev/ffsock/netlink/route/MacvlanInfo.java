package dev.ffsock.netlink.route;

/**
 * A macvlan or macvtap link's settings ({@code IFLA_INFO_DATA}, {@code IFLA_MACVLAN_*}), as
 * {@code ip -d link show type macvlan} prints them. Absent numbers are -1.
 *
 * @param mode {@code mode}: MACVLAN_MODE_* (1 private, 2 vepa, 4 bridge, 8 passthru, 16 source); see {@link MacvlanMode}
 * @param flags {@code IFLA_MACVLAN_FLAGS}: 1 nopromisc, 2 nodst
 * @param macaddrCount {@code macaddr_count} (source mode)
 * @param bcQueueLen {@code bcqueuelen}
 * @param bcQueueLenUsed {@code usedbcqueuelen}
 * @param macaddrData {@code IFLA_MACVLAN_MACADDR_DATA}: the source addresses ({@code macaddr_data}), null if absent
 */
public record MacvlanInfo(long mode, long flags, long macaddrCount, long bcQueueLen, long bcQueueLenUsed, java.util.List<byte[]> macaddrData) implements KindInfo {
}
