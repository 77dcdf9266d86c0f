package dev.ffsock.netlink.netfilter;

/**
 * ctnetlink (nfnetlink subsystem NFNL_SUBSYS_CTNETLINK and _EXP) constants with their C names:
 * message types, attributes (linux/netfilter/nfnetlink_conntrack.h), status bits
 * (nf_conntrack_common.h) and TCP states (nf_conntrack_tcp.h).
 * Values are Linux's (the same on every architecture); the project's probe test checks each against gcc.
 */
public final class Ctnetlink {
    private Ctnetlink() {
    }

    /** C IPCTNL_MSG_CT_NEW. */
    public static final int IPCTNL_MSG_CT_NEW = 0;
    /** C IPCTNL_MSG_CT_GET. */
    public static final int IPCTNL_MSG_CT_GET = 1;
    /** C IPCTNL_MSG_CT_DELETE. */
    public static final int IPCTNL_MSG_CT_DELETE = 2;
    /** C IPCTNL_MSG_CT_GET_CTRZERO. */
    public static final int IPCTNL_MSG_CT_GET_CTRZERO = 3;
    /** C IPCTNL_MSG_CT_GET_STATS_CPU. */
    public static final int IPCTNL_MSG_CT_GET_STATS_CPU = 4;
    /** C IPCTNL_MSG_CT_GET_STATS. */
    public static final int IPCTNL_MSG_CT_GET_STATS = 5;
    /** C IPCTNL_MSG_CT_GET_DYING. */
    public static final int IPCTNL_MSG_CT_GET_DYING = 6;
    /** C IPCTNL_MSG_CT_GET_UNCONFIRMED. */
    public static final int IPCTNL_MSG_CT_GET_UNCONFIRMED = 7;
    /** C IPCTNL_MSG_EXP_NEW. */
    public static final int IPCTNL_MSG_EXP_NEW = 0;
    /** C IPCTNL_MSG_EXP_GET. */
    public static final int IPCTNL_MSG_EXP_GET = 1;
    /** C IPCTNL_MSG_EXP_DELETE. */
    public static final int IPCTNL_MSG_EXP_DELETE = 2;
    /** C IPCTNL_MSG_EXP_GET_STATS_CPU. */
    public static final int IPCTNL_MSG_EXP_GET_STATS_CPU = 3;
    /** C CTA_TUPLE_ORIG. */
    public static final int CTA_TUPLE_ORIG = 1;
    /** C CTA_TUPLE_REPLY. */
    public static final int CTA_TUPLE_REPLY = 2;
    /** C CTA_STATUS. */
    public static final int CTA_STATUS = 3;
    /** C CTA_PROTOINFO. */
    public static final int CTA_PROTOINFO = 4;
    /** C CTA_HELP. */
    public static final int CTA_HELP = 5;
    /** C CTA_TIMEOUT. */
    public static final int CTA_TIMEOUT = 7;
    /** C CTA_MARK. */
    public static final int CTA_MARK = 8;
    /** C CTA_COUNTERS_ORIG. */
    public static final int CTA_COUNTERS_ORIG = 9;
    /** C CTA_COUNTERS_REPLY. */
    public static final int CTA_COUNTERS_REPLY = 10;
    /** C CTA_USE. */
    public static final int CTA_USE = 11;
    /** C CTA_ID. */
    public static final int CTA_ID = 12;
    /** C CTA_TUPLE_MASTER. */
    public static final int CTA_TUPLE_MASTER = 14;
    /** C CTA_SEQ_ADJ_ORIG. */
    public static final int CTA_SEQ_ADJ_ORIG = 15;
    /** C CTA_SEQ_ADJ_REPLY. */
    public static final int CTA_SEQ_ADJ_REPLY = 16;
    /** C CTA_ZONE. */
    public static final int CTA_ZONE = 18;
    /** C CTA_SECCTX. */
    public static final int CTA_SECCTX = 19;
    /** C CTA_TIMESTAMP. */
    public static final int CTA_TIMESTAMP = 20;
    /** C CTA_MARK_MASK. */
    public static final int CTA_MARK_MASK = 21;
    /** C CTA_LABELS. */
    public static final int CTA_LABELS = 22;
    /** C CTA_LABELS_MASK. */
    public static final int CTA_LABELS_MASK = 23;
    /** C CTA_FILTER. */
    public static final int CTA_FILTER = 25;
    /** C CTA_STATUS_MASK. */
    public static final int CTA_STATUS_MASK = 26;
    /** C CTA_TUPLE_IP. */
    public static final int CTA_TUPLE_IP = 1;
    /** C CTA_TUPLE_PROTO. */
    public static final int CTA_TUPLE_PROTO = 2;
    /** C CTA_TUPLE_ZONE. */
    public static final int CTA_TUPLE_ZONE = 3;
    /** C CTA_IP_V4_SRC. */
    public static final int CTA_IP_V4_SRC = 1;
    /** C CTA_IP_V4_DST. */
    public static final int CTA_IP_V4_DST = 2;
    /** C CTA_IP_V6_SRC. */
    public static final int CTA_IP_V6_SRC = 3;
    /** C CTA_IP_V6_DST. */
    public static final int CTA_IP_V6_DST = 4;
    /** C CTA_PROTO_NUM. */
    public static final int CTA_PROTO_NUM = 1;
    /** C CTA_PROTO_SRC_PORT. */
    public static final int CTA_PROTO_SRC_PORT = 2;
    /** C CTA_PROTO_DST_PORT. */
    public static final int CTA_PROTO_DST_PORT = 3;
    /** C CTA_PROTO_ICMP_ID. */
    public static final int CTA_PROTO_ICMP_ID = 4;
    /** C CTA_PROTO_ICMP_TYPE. */
    public static final int CTA_PROTO_ICMP_TYPE = 5;
    /** C CTA_PROTO_ICMP_CODE. */
    public static final int CTA_PROTO_ICMP_CODE = 6;
    /** C CTA_PROTO_ICMPV6_ID. */
    public static final int CTA_PROTO_ICMPV6_ID = 7;
    /** C CTA_PROTO_ICMPV6_TYPE. */
    public static final int CTA_PROTO_ICMPV6_TYPE = 8;
    /** C CTA_PROTO_ICMPV6_CODE. */
    public static final int CTA_PROTO_ICMPV6_CODE = 9;
    /** C CTA_PROTOINFO_TCP. */
    public static final int CTA_PROTOINFO_TCP = 1;
    /** C CTA_PROTOINFO_SCTP. */
    public static final int CTA_PROTOINFO_SCTP = 3;
    /** C CTA_PROTOINFO_TCP_STATE. */
    public static final int CTA_PROTOINFO_TCP_STATE = 1;
    /** C CTA_PROTOINFO_TCP_WSCALE_ORIGINAL. */
    public static final int CTA_PROTOINFO_TCP_WSCALE_ORIGINAL = 2;
    /** C CTA_PROTOINFO_TCP_WSCALE_REPLY. */
    public static final int CTA_PROTOINFO_TCP_WSCALE_REPLY = 3;
    /** C CTA_PROTOINFO_TCP_FLAGS_ORIGINAL. */
    public static final int CTA_PROTOINFO_TCP_FLAGS_ORIGINAL = 4;
    /** C CTA_PROTOINFO_TCP_FLAGS_REPLY. */
    public static final int CTA_PROTOINFO_TCP_FLAGS_REPLY = 5;
    /** C CTA_PROTOINFO_SCTP_STATE. */
    public static final int CTA_PROTOINFO_SCTP_STATE = 1;
    /** C CTA_PROTOINFO_SCTP_VTAG_ORIGINAL. */
    public static final int CTA_PROTOINFO_SCTP_VTAG_ORIGINAL = 2;
    /** C CTA_PROTOINFO_SCTP_VTAG_REPLY. */
    public static final int CTA_PROTOINFO_SCTP_VTAG_REPLY = 3;
    /** C CTA_COUNTERS_PACKETS. */
    public static final int CTA_COUNTERS_PACKETS = 1;
    /** C CTA_COUNTERS_BYTES. */
    public static final int CTA_COUNTERS_BYTES = 2;
    /** C CTA_TIMESTAMP_START. */
    public static final int CTA_TIMESTAMP_START = 1;
    /** C CTA_TIMESTAMP_STOP. */
    public static final int CTA_TIMESTAMP_STOP = 2;
    /** C CTA_EXPECT_MASTER. */
    public static final int CTA_EXPECT_MASTER = 1;
    /** C CTA_EXPECT_TUPLE. */
    public static final int CTA_EXPECT_TUPLE = 2;
    /** C CTA_EXPECT_MASK. */
    public static final int CTA_EXPECT_MASK = 3;
    /** C CTA_EXPECT_TIMEOUT. */
    public static final int CTA_EXPECT_TIMEOUT = 4;
    /** C CTA_EXPECT_ID. */
    public static final int CTA_EXPECT_ID = 5;
    /** C CTA_EXPECT_HELP_NAME. */
    public static final int CTA_EXPECT_HELP_NAME = 6;
    /** C CTA_EXPECT_ZONE. */
    public static final int CTA_EXPECT_ZONE = 7;
    /** C CTA_EXPECT_FLAGS. */
    public static final int CTA_EXPECT_FLAGS = 8;
    /** C CTA_EXPECT_CLASS. */
    public static final int CTA_EXPECT_CLASS = 9;
    /** C CTA_EXPECT_NAT. */
    public static final int CTA_EXPECT_NAT = 10;
    /** C CTA_EXPECT_FN. */
    public static final int CTA_EXPECT_FN = 11;
    /** C CTA_HELP_NAME. */
    public static final int CTA_HELP_NAME = 1;
    /** C CTA_HELP_INFO. */
    public static final int CTA_HELP_INFO = 2;
    /** C CTA_SECCTX_NAME. */
    public static final int CTA_SECCTX_NAME = 1;
    /** C CTA_FILTER_ORIG_FLAGS. */
    public static final int CTA_FILTER_ORIG_FLAGS = 1;
    /** C CTA_FILTER_REPLY_FLAGS. */
    public static final int CTA_FILTER_REPLY_FLAGS = 2;
    /** C IPS_EXPECTED. */
    public static final int IPS_EXPECTED = 1;
    /** C IPS_SEEN_REPLY. */
    public static final int IPS_SEEN_REPLY = 2;
    /** C IPS_ASSURED. */
    public static final int IPS_ASSURED = 4;
    /** C IPS_CONFIRMED. */
    public static final int IPS_CONFIRMED = 8;
    /** C IPS_SRC_NAT. */
    public static final int IPS_SRC_NAT = 16;
    /** C IPS_DST_NAT. */
    public static final int IPS_DST_NAT = 32;
    /** C IPS_SEQ_ADJUST. */
    public static final int IPS_SEQ_ADJUST = 64;
    /** C IPS_SRC_NAT_DONE. */
    public static final int IPS_SRC_NAT_DONE = 128;
    /** C IPS_DST_NAT_DONE. */
    public static final int IPS_DST_NAT_DONE = 256;
    /** C IPS_DYING. */
    public static final int IPS_DYING = 512;
    /** C IPS_FIXED_TIMEOUT. */
    public static final int IPS_FIXED_TIMEOUT = 1024;
    /** C IPS_TEMPLATE. */
    public static final int IPS_TEMPLATE = 2048;
    /** C IPS_UNTRACKED. */
    public static final int IPS_UNTRACKED = 4096;
    /** C IPS_HELPER. */
    public static final int IPS_HELPER = 8192;
    /** C IPS_OFFLOAD. */
    public static final int IPS_OFFLOAD = 16384;
    /** C IPS_HW_OFFLOAD. */
    public static final int IPS_HW_OFFLOAD = 32768;
    /** C TCP_CONNTRACK_NONE. */
    public static final int TCP_CONNTRACK_NONE = 0;
    /** C TCP_CONNTRACK_SYN_SENT. */
    public static final int TCP_CONNTRACK_SYN_SENT = 1;
    /** C TCP_CONNTRACK_SYN_RECV. */
    public static final int TCP_CONNTRACK_SYN_RECV = 2;
    /** C TCP_CONNTRACK_ESTABLISHED. */
    public static final int TCP_CONNTRACK_ESTABLISHED = 3;
    /** C TCP_CONNTRACK_FIN_WAIT. */
    public static final int TCP_CONNTRACK_FIN_WAIT = 4;
    /** C TCP_CONNTRACK_CLOSE_WAIT. */
    public static final int TCP_CONNTRACK_CLOSE_WAIT = 5;
    /** C TCP_CONNTRACK_LAST_ACK. */
    public static final int TCP_CONNTRACK_LAST_ACK = 6;
    /** C TCP_CONNTRACK_TIME_WAIT. */
    public static final int TCP_CONNTRACK_TIME_WAIT = 7;
    /** C TCP_CONNTRACK_CLOSE. */
    public static final int TCP_CONNTRACK_CLOSE = 8;
    /** C TCP_CONNTRACK_LISTEN. */
    public static final int TCP_CONNTRACK_LISTEN = 9;
    /** C NF_CT_EXPECT_PERMANENT. */
    public static final int NF_CT_EXPECT_PERMANENT = 1;
    /** C NF_CT_EXPECT_INACTIVE. */
    public static final int NF_CT_EXPECT_INACTIVE = 2;
    /** C NF_CT_EXPECT_USERSPACE. */
    public static final int NF_CT_EXPECT_USERSPACE = 4;
}
