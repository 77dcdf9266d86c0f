package dev.ffsock.netlink.netfilter;

/**
 * One direction's accounting (CTA_COUNTERS_ORIG, CTA_COUNTERS_REPLY; sent when the namespace's
 * {@code net.netfilter.nf_conntrack_acct} is 1). {@code conntrack -L} prints it as
 * {@code packets=N bytes=N}.
 *
 * @param packets the packets seen, unsigned
 * @param bytes   the bytes seen, unsigned
 */
public record ConntrackCounters(long packets, long bytes) {
}
