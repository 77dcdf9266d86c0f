package dev.ffsock.netlink.netfilter;

/**
 * An expected connection (a helper such as FTP's announced it): one line of {@code conntrack -L expect}.
 * Numbers the kernel did not send are -1, objects null.
 *
 * @param family  the address family (AF_INET 2, AF_INET6 10)
 * @param master  the master connection's original tuple (CTA_EXPECT_MASTER)
 * @param tuple   the expected tuple (CTA_EXPECT_TUPLE)
 * @param mask    the mask applied to the expected tuple (CTA_EXPECT_MASK)
 * @param timeout seconds left (CTA_EXPECT_TIMEOUT); -1 if absent
 * @param id      the expectation's id (CTA_EXPECT_ID), unsigned; -1 if absent
 * @param helper  the helper's name (CTA_EXPECT_HELP_NAME); null if absent
 * @param zone    the zone (CTA_EXPECT_ZONE); -1 if absent
 * @param flags   NF_CT_EXPECT_* flags (CTA_EXPECT_FLAGS), unsigned; -1 if absent
 * @param expectClass the expectation class (CTA_EXPECT_CLASS); -1 if absent
 */
public record ConntrackExpectation(int family, ConntrackTuple master, ConntrackTuple tuple, ConntrackTuple mask,
                                   long timeout, long id, String helper, int zone, long flags, long expectClass) {
}
