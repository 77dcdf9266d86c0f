package dev.ffsock.netlink.tc;

/**
 * An htb qdisc's options ({@code struct tc_htb_glob} in {@code TCA_HTB_INIT}, {@code TCA_HTB_DIRECT_QLEN}):
 * what {@code tc qdisc show} prints after {@code htb}.
 *
 * @param version       {@code version} (3 for 3.17)
 * @param r2q           {@code rate2quantum} ({@code r2q})
 * @param defaultClass  {@code defcls}: the minor of the class unclassified traffic goes to ({@code default})
 * @param debug         {@code debug}
 * @param directPackets {@code direct_pkts} ({@code direct_packets_stat})
 * @param directQlen    {@code TCA_HTB_DIRECT_QLEN} ({@code direct_qlen}), -1 if absent
 * @param offload       {@code TCA_HTB_OFFLOAD} present
 */
public record HtbQdiscOptions(int version, int r2q, int defaultClass, int debug, long directPackets, long directQlen,
        boolean offload) implements TcOptions {
}
