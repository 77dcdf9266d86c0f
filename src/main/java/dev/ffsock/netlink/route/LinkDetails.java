package dev.ffsock.netlink.route;

/**
 * What {@code ip -d link} shows of a link beyond {@link Link}: the typed link info and the queue and
 * offload limits. Absent numbers are -1.
 *
 * @param info             {@code IFLA_LINKINFO} typed; null if the link has none
 * @param allmulti         {@code IFLA_ALLMULTI} ({@code allmulti})
 * @param numTxQueues      {@code IFLA_NUM_TX_QUEUES} ({@code num_tx_queues})
 * @param numRxQueues      {@code IFLA_NUM_RX_QUEUES} ({@code num_rx_queues})
 * @param gsoMaxSize       {@code IFLA_GSO_MAX_SIZE} ({@code gso_max_size})
 * @param gsoMaxSegs       {@code IFLA_GSO_MAX_SEGS} ({@code gso_max_segs})
 * @param tsoMaxSize       {@code IFLA_TSO_MAX_SIZE} ({@code tso_max_size})
 * @param tsoMaxSegs       {@code IFLA_TSO_MAX_SEGS} ({@code tso_max_segs})
 * @param groMaxSize       {@code IFLA_GRO_MAX_SIZE} ({@code gro_max_size})
 * @param inet6AddrGenMode {@code IFLA_AF_SPEC/AF_INET6/IFLA_INET6_ADDR_GEN_MODE} ({@code inet6_addr_gen_mode}:
 *                         0 eui64, 1 none, 2 stable_secret, 3 random)
 * @param carrierChanges   {@code IFLA_CARRIER_CHANGES} ({@code ip -s -s}: {@code carrier_changes})
 */
public record LinkDetails(LinkInfo info, long allmulti, long numTxQueues, long numRxQueues, long gsoMaxSize,
        long gsoMaxSegs, long tsoMaxSize, long tsoMaxSegs, long groMaxSize, int inet6AddrGenMode,
        long carrierChanges) {
}
