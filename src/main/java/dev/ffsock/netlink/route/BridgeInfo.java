package dev.ffsock.netlink.route;

/**
 * A bridge's settings and state ({@code IFLA_INFO_DATA} of kind {@code bridge}, {@code IFLA_BR_*}),
 * as {@code ip -d link show type bridge} prints them. Absent numbers are -1, absent ids and
 * addresses null; times are in hundredths of a second (USER_HZ ticks) as the kernel sends them.
 *
 * @param forwardDelay {@code forward_delay}
 * @param helloTime {@code hello_time}
 * @param maxAge {@code max_age}
 * @param ageingTime {@code ageing_time}
 * @param stpState {@code stp_state}: 0 off, 1 kernel STP, 2 user STP
 * @param priority {@code priority}
 * @param vlanFiltering {@code vlan_filtering} (0 or 1)
 * @param vlanProtocol {@code vlan_protocol}: the ethertype, 0x8100 or 0x88a8
 * @param bridgeId {@code bridge_id}
 * @param rootId {@code root_id} (the designated root)
 * @param rootPort {@code root_port}
 * @param rootPathCost {@code root_path_cost}
 * @param topologyChange {@code topology_change}
 * @param topologyChangeDetected {@code topology_change_detected}
 * @param helloTimer {@code hello_timer}
 * @param tcnTimer {@code tcn_timer}
 * @param topologyChangeTimer {@code topology_change_timer}
 * @param gcTimer {@code gc_timer}
 * @param vlanDefaultPvid {@code vlan_default_pvid}
 * @param vlanStatsEnabled {@code vlan_stats_enabled}
 * @param vlanStatsPerPort {@code vlan_stats_per_port}
 * @param groupFwdMask {@code group_fwd_mask}
 * @param groupAddr {@code group_addr}: the STP group address
 * @param mcastSnooping {@code mcast_snooping}
 * @param multiBoolopt {@code IFLA_BR_MULTI_BOOLOPT} as {optval, optmask} ({@code no_linklocal_learn}, {@code mcast_vlan_snooping}, …), null if absent
 * @param mcastRouter {@code mcast_router}
 * @param mcastQueryUseIfaddr {@code mcast_query_use_ifaddr}
 * @param mcastQuerier {@code mcast_querier}
 * @param mcastHashElasticity {@code mcast_hash_elasticity}
 * @param mcastHashMax {@code mcast_hash_max}
 * @param mcastLastMemberCnt {@code mcast_last_member_cnt}
 * @param mcastStartupQueryCnt {@code mcast_startup_query_cnt}
 * @param mcastLastMemberIntvl {@code mcast_last_member_intvl}
 * @param mcastMembershipIntvl {@code mcast_membership_intvl}
 * @param mcastQuerierIntvl {@code mcast_querier_intvl}
 * @param mcastQueryIntvl {@code mcast_query_intvl}
 * @param mcastQueryResponseIntvl {@code mcast_query_response_intvl}
 * @param mcastStartupQueryIntvl {@code mcast_startup_query_intvl}
 * @param mcastStatsEnabled {@code mcast_stats_enabled}
 * @param mcastIgmpVersion {@code mcast_igmp_version}
 * @param mcastMldVersion {@code mcast_mld_version}
 * @param nfCallIptables {@code nf_call_iptables}
 * @param nfCallIp6tables {@code nf_call_ip6tables}
 * @param nfCallArptables {@code nf_call_arptables}
 */
public record BridgeInfo(long forwardDelay, long helloTime, long maxAge, long ageingTime, long stpState, long priority, long vlanFiltering, long vlanProtocol, BridgeId bridgeId, BridgeId rootId, long rootPort, long rootPathCost, long topologyChange, long topologyChangeDetected, long helloTimer, long tcnTimer, long topologyChangeTimer, long gcTimer, long vlanDefaultPvid, long vlanStatsEnabled, long vlanStatsPerPort, long groupFwdMask, byte[] groupAddr, long mcastSnooping, long[] multiBoolopt, long mcastRouter, long mcastQueryUseIfaddr, long mcastQuerier, long mcastHashElasticity, long mcastHashMax, long mcastLastMemberCnt, long mcastStartupQueryCnt, long mcastLastMemberIntvl, long mcastMembershipIntvl, long mcastQuerierIntvl, long mcastQueryIntvl, long mcastQueryResponseIntvl, long mcastStartupQueryIntvl, long mcastStatsEnabled, long mcastIgmpVersion, long mcastMldVersion, long nfCallIptables, long nfCallIp6tables, long nfCallArptables) implements KindInfo {
}
