package dev.ffsock.netlink.netfilter;

import dev.ffsock.netlink.NetlinkFormatException;
import dev.ffsock.netlink.NetlinkMessage;
import dev.ffsock.netlink.PayloadWriter;

/**
 * nfnetlink (NETLINK_NETFILTER): the subsystem ids, multicast groups and batch message types of
 * linux/netfilter/nfnetlink.h with their C names, and the {@code struct nfgenmsg} header every
 * netfilter message (conntrack, nf_tables, …) starts with. A message type packs the subsystem in
 * its high byte and the subsystem's own message number in its low byte.
 * Values are Linux's (the same on every architecture); the project's probe test checks each against gcc.
 */
public final class Nfnetlink {
    private Nfnetlink() {
    }

    /** Size of {@code struct nfgenmsg}: nfgen_family (u8), version (u8), res_id (be16). */
    public static final int NFGENMSG_SIZE = 4;

    /** C NFNETLINK_V0. */
    public static final int NFNETLINK_V0 = 0;
    /** C NFNL_SUBSYS_NONE. */
    public static final int NFNL_SUBSYS_NONE = 0;
    /** C NFNL_SUBSYS_CTNETLINK. */
    public static final int NFNL_SUBSYS_CTNETLINK = 1;
    /** C NFNL_SUBSYS_CTNETLINK_EXP. */
    public static final int NFNL_SUBSYS_CTNETLINK_EXP = 2;
    /** C NFNL_SUBSYS_QUEUE. */
    public static final int NFNL_SUBSYS_QUEUE = 3;
    /** C NFNL_SUBSYS_ULOG. */
    public static final int NFNL_SUBSYS_ULOG = 4;
    /** C NFNL_SUBSYS_OSF. */
    public static final int NFNL_SUBSYS_OSF = 5;
    /** C NFNL_SUBSYS_IPSET. */
    public static final int NFNL_SUBSYS_IPSET = 6;
    /** C NFNL_SUBSYS_ACCT. */
    public static final int NFNL_SUBSYS_ACCT = 7;
    /** C NFNL_SUBSYS_CTNETLINK_TIMEOUT. */
    public static final int NFNL_SUBSYS_CTNETLINK_TIMEOUT = 8;
    /** C NFNL_SUBSYS_CTHELPER. */
    public static final int NFNL_SUBSYS_CTHELPER = 9;
    /** C NFNL_SUBSYS_NFTABLES. */
    public static final int NFNL_SUBSYS_NFTABLES = 10;
    /** C NFNL_SUBSYS_NFT_COMPAT. */
    public static final int NFNL_SUBSYS_NFT_COMPAT = 11;
    /** C NFNL_SUBSYS_HOOK. */
    public static final int NFNL_SUBSYS_HOOK = 12;
    /** C NFNL_MSG_BATCH_BEGIN. */
    public static final int NFNL_MSG_BATCH_BEGIN = 16;
    /** C NFNL_MSG_BATCH_END. */
    public static final int NFNL_MSG_BATCH_END = 17;
    /** C NFNL_BATCH_GENID. */
    public static final int NFNL_BATCH_GENID = 1;
    /** C NFNLGRP_NONE. */
    public static final int NFNLGRP_NONE = 0;
    /** C NFNLGRP_CONNTRACK_NEW. */
    public static final int NFNLGRP_CONNTRACK_NEW = 1;
    /** C NFNLGRP_CONNTRACK_UPDATE. */
    public static final int NFNLGRP_CONNTRACK_UPDATE = 2;
    /** C NFNLGRP_CONNTRACK_DESTROY. */
    public static final int NFNLGRP_CONNTRACK_DESTROY = 3;
    /** C NFNLGRP_CONNTRACK_EXP_NEW. */
    public static final int NFNLGRP_CONNTRACK_EXP_NEW = 4;
    /** C NFNLGRP_CONNTRACK_EXP_UPDATE. */
    public static final int NFNLGRP_CONNTRACK_EXP_UPDATE = 5;
    /** C NFNLGRP_CONNTRACK_EXP_DESTROY. */
    public static final int NFNLGRP_CONNTRACK_EXP_DESTROY = 6;
    /** C NFNLGRP_NFTABLES. */
    public static final int NFNLGRP_NFTABLES = 7;
    /** C NFNLGRP_ACCT_QUOTA. */
    public static final int NFNLGRP_ACCT_QUOTA = 8;
    /** C NFNLGRP_NFTRACE. */
    public static final int NFNLGRP_NFTRACE = 9;

    /**
     * The netlink message type of a subsystem's message ({@code (subsys << 8) | msg}).
     *
     * @param subsystem the subsystem, e.g. {@link #NFNL_SUBSYS_CTNETLINK}, 0..255
     * @param message   the subsystem's message number, 0..255
     * @return the nlmsghdr type
     * @throws IllegalArgumentException if either is outside 0..255
     */
    public static int messageType(int subsystem, int message) {
        if (subsystem < 0 || subsystem > 0xff) throw new IllegalArgumentException("nfnetlink subsystem must be 0..255: " + subsystem);
        if (message < 0 || message > 0xff) throw new IllegalArgumentException("nfnetlink message must be 0..255: " + message);
        return subsystem << 8 | message;
    }

    /**
     * {@return the subsystem of a netlink message type (C NFNL_SUBSYS_ID)}
     *
     * @param type the nlmsghdr type
     */
    public static int subsystem(int type) {
        return (type & 0xff00) >> 8;
    }

    /**
     * {@return the subsystem's message number of a netlink message type (C NFNL_MSG_TYPE)}
     *
     * @param type the nlmsghdr type
     */
    public static int message(int type) {
        return type & 0xff;
    }

    /**
     * Writes a {@code struct nfgenmsg} (version {@link #NFNETLINK_V0}).
     *
     * @param w      the payload writer, after the nlmsghdr
     * @param family the address family (AF_INET, AF_INET6; 0 for all: AF_UNSPEC)
     * @param resId  the resource id (big-endian on the wire): 0 but for nf_tables' generation and
     *               batches' subsystem
     * @throws IllegalArgumentException if {@code family} is outside 0..255 or {@code resId} outside 0..65535
     */
    public static void writeHeader(PayloadWriter w, int family, int resId) {
        if (family < 0 || family > 0xff) throw new IllegalArgumentException("address family must be 0..255: " + family);
        if (resId < 0 || resId > 0xffff) throw new IllegalArgumentException("res_id must be 0..65535: " + resId);
        w.putU8(family).putU8(NFNETLINK_V0).putBE16(resId);
    }

    /**
     * {@return the address family of a netfilter message's nfgenmsg header}
     *
     * @param m a netfilter message
     * @throws NetlinkFormatException if the payload is shorter than the header
     */
    public static int family(NetlinkMessage m) {
        return m.payloadHeader(NFGENMSG_SIZE).get(java.lang.foreign.ValueLayout.JAVA_BYTE, 0) & 0xff;
    }
}
