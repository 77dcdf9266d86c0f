package dev.ffsock.netlink.tc;

/**
 * A qdisc's, class's or filter's statistics ({@code TCA_STATS2}: {@code gnet_stats_basic},
 * {@code gnet_stats_queue}, the rate estimator; what {@code tc -s} prints).
 *
 * @param hasBasic   whether {@code TCA_STATS_BASIC} was present
 * @param bytes      bytes sent
 * @param packets    packets sent ({@code TCA_STATS_PKT64} when present)
 * @param hasQueue   whether {@code TCA_STATS_QUEUE} was present
 * @param qlen       {@code qlen}
 * @param backlog    {@code backlog} bytes
 * @param drops      {@code drops}
 * @param requeues   {@code requeues}
 * @param overlimits {@code overlimits}
 * @param hasRate    whether a rate estimate ({@code TCA_STATS_RATE_EST64} or {@code _EST}) was present
 * @param bps        estimated bytes per second
 * @param pps        estimated packets per second
 * @param app        {@code TCA_STATS_APP} (the kind's extended statistics) as it came, or null
 */
public record TcStats(boolean hasBasic, long bytes, long packets, boolean hasQueue, long qlen, long backlog,
        long drops, long requeues, long overlimits, boolean hasRate, long bps, long pps, byte[] app) {
}
