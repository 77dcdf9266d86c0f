package dev.ffsock.netlink.netfilter;

import java.util.BitSet;
import java.util.Set;

/**
 * One connection tracking entry, as a dump, a get or an event carries it: one line of
 * {@code conntrack -L}. Numbers the kernel did not send are -1, objects null (events carry only
 * what changed: no use count, a mark only when it is set).
 *
 * @param family         the address family of its tuples (AF_INET 2, AF_INET6 10)
 * @param original       the original direction's tuple (CTA_TUPLE_ORIG); null if absent
 * @param reply          the reply direction's tuple (CTA_TUPLE_REPLY); null if absent
 * @param status         the status bits (CTA_STATUS, see {@link ConntrackStatus}), unsigned; -1 if absent
 * @param timeout        seconds left before the entry expires (CTA_TIMEOUT); -1 if absent
 * @param tcpState       the TCP state (CTA_PROTOINFO_TCP_STATE); null if absent (not TCP)
 * @param mark           the connection mark (CTA_MARK), unsigned; -1 if absent
 * @param zone           the zone (CTA_ZONE), 0..65535; -1 if absent
 * @param originalCounters the original direction's counters (CTA_COUNTERS_ORIG); null without accounting
 * @param replyCounters  the reply direction's counters (CTA_COUNTERS_REPLY); null without accounting
 * @param labels         the connection labels (CTA_LABELS) as bits; null if absent
 * @param use            the reference count (CTA_USE); -1 if absent
 * @param id             the entry's id (CTA_ID), unsigned; -1 if absent
 * @param helper         the helper's name (CTA_HELP_NAME); null if none
 */
public record ConntrackEntry(int family, ConntrackTuple original, ConntrackTuple reply, long status, long timeout,
                             TcpConntrackState tcpState, long mark, int zone, ConntrackCounters originalCounters,
                             ConntrackCounters replyCounters, BitSet labels, long use, long id, String helper) {
    /** Copies the labels (a BitSet is mutable). */
    public ConntrackEntry {
        if (labels != null) labels = (BitSet) labels.clone();
    }

    /** {@return a copy of the labels, or null} */
    @Override
    public BitSet labels() {
        return labels == null ? null : (BitSet) labels.clone();
    }

    /** {@return the layer-4 protocol number of the original tuple, or -1 without one} */
    public int protocol() {
        return original != null ? original.protocol() : reply != null ? reply.protocol() : -1;
    }

    /** {@return the named status bits; empty when the status is absent} */
    public Set<ConntrackStatus> statusFlags() {
        return ConntrackStatus.of(status < 0 ? 0 : (int) status);
    }

    /**
     * {@return whether the status is present and has the bit}
     *
     * @param bit the bit
     */
    public boolean has(ConntrackStatus bit) {
        return status >= 0 && (status & bit.mask()) != 0;
    }
}
