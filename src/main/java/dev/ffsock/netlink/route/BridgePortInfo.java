package dev.ffsock.netlink.route;

/**
 * A bridge port's settings and STP state ({@code IFLA_INFO_SLAVE_DATA} of slave kind
 * {@code bridge}, {@code IFLA_BRPORT_*}), as {@code ip -d link show} prints them under
 * {@code info_slave_data}. Absent numbers are -1, absent switches and ids null; timers in
 * hundredths of a second.
 *
 * @param state {@code state}: 0 disabled, 1 listening, 2 learning, 3 forwarding, 4 blocking
 * @param priority {@code priority}
 * @param cost {@code cost}
 * @param hairpin {@code hairpin}
 * @param guard {@code guard}
 * @param rootBlock {@code root_block}
 * @param fastLeave {@code fastleave}
 * @param learning {@code learning}
 * @param flood {@code flood}
 * @param id {@code id} (the port id)
 * @param no {@code no} (the port number)
 * @param designatedPort {@code designated_port}
 * @param designatedCost {@code designated_cost}
 * @param bridgeId {@code bridge_id} (the designated bridge)
 * @param rootId {@code root_id} (the designated root)
 * @param holdTimer {@code hold_timer}
 * @param messageAgeTimer {@code message_age_timer}
 * @param forwardDelayTimer {@code forward_delay_timer}
 * @param topologyChangeAck {@code topology_change_ack}
 * @param configPending {@code config_pending}
 * @param proxyArp {@code proxy_arp}
 * @param proxyArpWifi {@code proxy_arp_wifi}
 * @param multicastRouter {@code multicast_router}
 * @param mcastFlood {@code mcast_flood}
 * @param bcastFlood {@code bcast_flood}
 * @param mcastToUnicast {@code mcast_to_unicast}
 * @param neighSuppress {@code neigh_suppress}
 * @param groupFwdMask {@code group_fwd_mask}
 * @param vlanTunnel {@code vlan_tunnel}
 * @param isolated {@code isolated}
 * @param locked {@code locked}
 * @param backupPort {@code backup_port}: its ifindex
 */
public record BridgePortInfo(long state, long priority, long cost, Boolean hairpin, Boolean guard, Boolean rootBlock, Boolean fastLeave, Boolean learning, Boolean flood, long id, long no, long designatedPort, long designatedCost, BridgeId bridgeId, BridgeId rootId, long holdTimer, long messageAgeTimer, long forwardDelayTimer, long topologyChangeAck, long configPending, Boolean proxyArp, Boolean proxyArpWifi, long multicastRouter, Boolean mcastFlood, Boolean bcastFlood, Boolean mcastToUnicast, Boolean neighSuppress, long groupFwdMask, Boolean vlanTunnel, Boolean isolated, Boolean locked, long backupPort) implements KindInfo {
}
