package dev.ffsock.netlink;

/**
 * Netlink constants from {@code <linux/netlink.h>} (and the two socket-level ones from
 * {@code <sys/socket.h>}), under their exact C names and with their C values, plus the
 * {@code NLMSG_ALIGN} / {@code NLA_ALIGN} arithmetic.
 *
 * <p>Several {@code NLM_F_*} flags share a bit and mean different things depending on the
 * message: {@link #NLM_F_ROOT}, {@link #NLM_F_REPLACE}, {@link #NLM_F_NONREC} and
 * {@link #NLM_F_CAPPED} are all {@code 0x100}; which one applies depends on whether the message
 * is a GET request, a NEW request, a DEL request or an {@code NLMSG_ERROR}/{@code NLMSG_DONE}
 * reply.
 *
 * <p>Header fields are host byte order on the wire; {@code nlmsg_type}, {@code nlmsg_flags},
 * {@code nla_len} and {@code nla_type} are unsigned 16-bit values and are handled as {@code int}
 * in this package, {@code nlmsg_len}, {@code nlmsg_seq} and {@code nlmsg_pid} are unsigned 32-bit
 * values handled as {@code int} bit patterns (use {@link Integer#toUnsignedLong(int)} to widen).
 */
public final class Netlink {
    private Netlink() {
    }

    // ---- Address family and socket level (<sys/socket.h>) ----

    /** Address family of netlink sockets. */
    public static final int AF_NETLINK = 16;
    /** Protocol family of netlink sockets (same value as {@link #AF_NETLINK}). */
    public static final int PF_NETLINK = AF_NETLINK;
    /** {@code setsockopt}/{@code getsockopt} level of the {@code NETLINK_*} socket options. */
    public static final int SOL_NETLINK = 270;

    // ---- Protocols (third argument of socket(AF_NETLINK, ...)) ----

    /** Routing and device hook (rtnetlink). */
    public static final int NETLINK_ROUTE = 0;
    /** Unused number. */
    public static final int NETLINK_UNUSED = 1;
    /** Reserved for user-mode socket protocols. */
    public static final int NETLINK_USERSOCK = 2;
    /** Unused number, formerly ip_queue. */
    public static final int NETLINK_FIREWALL = 3;
    /** Socket monitoring (sock_diag). */
    public static final int NETLINK_SOCK_DIAG = 4;
    /** Old name of {@link #NETLINK_SOCK_DIAG}. */
    public static final int NETLINK_INET_DIAG = NETLINK_SOCK_DIAG;
    /** netfilter/iptables ULOG. */
    public static final int NETLINK_NFLOG = 5;
    /** IPsec. */
    public static final int NETLINK_XFRM = 6;
    /** SELinux event notifications. */
    public static final int NETLINK_SELINUX = 7;
    /** Open-iSCSI. */
    public static final int NETLINK_ISCSI = 8;
    /** Auditing. */
    public static final int NETLINK_AUDIT = 9;
    /** FIB lookup. */
    public static final int NETLINK_FIB_LOOKUP = 10;
    /** Kernel connector (e.g. process events). */
    public static final int NETLINK_CONNECTOR = 11;
    /** Netfilter subsystem (nftables, conntrack, ...). */
    public static final int NETLINK_NETFILTER = 12;
    /** IPv6 firewall (obsolete). */
    public static final int NETLINK_IP6_FW = 13;
    /** DECnet routing messages (obsolete). */
    public static final int NETLINK_DNRTMSG = 14;
    /** Kernel object events to user space (udev uevents). */
    public static final int NETLINK_KOBJECT_UEVENT = 15;
    /** Generic netlink. */
    public static final int NETLINK_GENERIC = 16;
    /** SCSI transports. */
    public static final int NETLINK_SCSITRANSPORT = 18;
    /** eCryptfs. */
    public static final int NETLINK_ECRYPTFS = 19;
    /** RDMA. */
    public static final int NETLINK_RDMA = 20;
    /** Crypto layer. */
    public static final int NETLINK_CRYPTO = 21;
    /** SMC monitoring. */
    public static final int NETLINK_SMC = 22;

    // ---- nlmsg_flags: standard ----

    /** It is a request message. */
    public static final int NLM_F_REQUEST = 0x01;
    /** Multipart message, terminated by {@link #NLMSG_DONE}. */
    public static final int NLM_F_MULTI = 0x02;
    /** Reply with an ack ({@link #NLMSG_ERROR} with error 0) or an error. */
    public static final int NLM_F_ACK = 0x04;
    /** Receive resulting notifications. */
    public static final int NLM_F_ECHO = 0x08;
    /** Dump was inconsistent due to a sequence change. */
    public static final int NLM_F_DUMP_INTR = 0x10;
    /** Dump was filtered as requested. */
    public static final int NLM_F_DUMP_FILTERED = 0x20;

    // ---- nlmsg_flags: modifiers to GET requests ----

    /** Specify tree root. */
    public static final int NLM_F_ROOT = 0x100;
    /** Return all matching. */
    public static final int NLM_F_MATCH = 0x200;
    /** Atomic GET. */
    public static final int NLM_F_ATOMIC = 0x400;
    /** Dump request: {@code NLM_F_ROOT | NLM_F_MATCH}. */
    public static final int NLM_F_DUMP = NLM_F_ROOT | NLM_F_MATCH;

    // ---- nlmsg_flags: modifiers to NEW requests ----

    /** Override existing. */
    public static final int NLM_F_REPLACE = 0x100;
    /** Do not touch, if it exists. */
    public static final int NLM_F_EXCL = 0x200;
    /** Create, if it does not exist. */
    public static final int NLM_F_CREATE = 0x400;
    /** Add to end of list. */
    public static final int NLM_F_APPEND = 0x800;

    // ---- nlmsg_flags: modifiers to DELETE requests ----

    /** Do not delete recursively. */
    public static final int NLM_F_NONREC = 0x100;
    /** Delete multiple objects. */
    public static final int NLM_F_BULK = 0x200;

    // ---- nlmsg_flags: flags for ACK messages ----

    /** The request echoed in an {@link #NLMSG_ERROR} was capped to its header. */
    public static final int NLM_F_CAPPED = 0x100;
    /** Extended ACK TLVs ({@code NLMSGERR_ATTR_*}) were included. */
    public static final int NLM_F_ACK_TLVS = 0x200;

    // ---- Message sizes and reserved types ----

    /** Alignment of netlink messages. */
    public static final int NLMSG_ALIGNTO = 4;
    /** Size of {@code struct nlmsghdr}, aligned. */
    public static final int NLMSG_HDRLEN = 16;

    /** Nothing. */
    public static final int NLMSG_NOOP = 0x1;
    /** Error (or ACK when the error code is 0). */
    public static final int NLMSG_ERROR = 0x2;
    /** End of a dump. */
    public static final int NLMSG_DONE = 0x3;
    /** Data lost. */
    public static final int NLMSG_OVERRUN = 0x4;
    /** Types below this value are reserved control messages. */
    public static final int NLMSG_MIN_TYPE = 0x10;

    // ---- Extended ACK attributes (enum nlmsgerr_attrs) ----

    /** Unused. */
    public static final int NLMSGERR_ATTR_UNUSED = 0;
    /** Error message string. */
    public static final int NLMSGERR_ATTR_MSG = 1;
    /** Offset of the invalid attribute in the original message, from its header (u32). */
    public static final int NLMSGERR_ATTR_OFFS = 2;
    /** Subsystem-specific cookie (binary). */
    public static final int NLMSGERR_ATTR_COOKIE = 3;
    /** Policy for a rejected attribute (nested). */
    public static final int NLMSGERR_ATTR_POLICY = 4;
    /** Type of a missing required attribute (u32). */
    public static final int NLMSGERR_ATTR_MISS_TYPE = 5;
    /** Offset of the nest in which an attribute was missing (u32). */
    public static final int NLMSGERR_ATTR_MISS_NEST = 6;
    /** Highest extended ACK attribute number. */
    public static final int NLMSGERR_ATTR_MAX = 6;

    // ---- Socket options at level SOL_NETLINK ----

    /** Join a multicast group. */
    public static final int NETLINK_ADD_MEMBERSHIP = 1;
    /** Leave a multicast group. */
    public static final int NETLINK_DROP_MEMBERSHIP = 2;
    /** Receive {@code struct nl_pktinfo} control messages. */
    public static final int NETLINK_PKTINFO = 3;
    /** Report broadcast delivery errors to the sender. */
    public static final int NETLINK_BROADCAST_ERROR = 4;
    /** Do not report ENOBUFS on receive buffer overrun. */
    public static final int NETLINK_NO_ENOBUFS = 5;
    /** Memory-mapped receive ring (removed from the kernel). */
    public static final int NETLINK_RX_RING = 6;
    /** Memory-mapped transmit ring (removed from the kernel). */
    public static final int NETLINK_TX_RING = 7;
    /** Receive notifications from all network namespaces. */
    public static final int NETLINK_LISTEN_ALL_NSID = 8;
    /** Read the joined multicast groups (getsockopt only). */
    public static final int NETLINK_LIST_MEMBERSHIPS = 9;
    /** Do not echo the request payload in error messages. */
    public static final int NETLINK_CAP_ACK = 10;
    /** Enable extended ACK TLVs. */
    public static final int NETLINK_EXT_ACK = 11;
    /** Enable strict checking of dump requests. */
    public static final int NETLINK_GET_STRICT_CHK = 12;

    // ---- Attributes ----

    /** {@code nla_type} flag: the attribute carries nested attributes. */
    public static final int NLA_F_NESTED = 1 << 15;
    /** {@code nla_type} flag: the payload is in network byte order. */
    public static final int NLA_F_NET_BYTEORDER = 1 << 14;
    /**
     * Mask of the attribute type bits: {@code ~(NLA_F_NESTED | NLA_F_NET_BYTEORDER)}, an
     * {@code int} exactly as in C (so it also keeps bits above 15, which a 16-bit
     * {@code nla_type} never has).
     */
    public static final int NLA_TYPE_MASK = ~(NLA_F_NESTED | NLA_F_NET_BYTEORDER);
    /** Alignment of netlink attributes. */
    public static final int NLA_ALIGNTO = 4;
    /** Size of {@code struct nlattr}, aligned. */
    public static final int NLA_HDRLEN = 4;

    // ---- Alignment arithmetic ----

    /**
     * {@code NLMSG_ALIGN(len)}: rounds up to a multiple of {@link #NLMSG_ALIGNTO}.
     *
     * @param len a non-negative length
     * @return {@code len} rounded up to a multiple of 4
     */
    public static int nlmsgAlign(int len) {
        return (len + NLMSG_ALIGNTO - 1) & ~(NLMSG_ALIGNTO - 1);
    }

    /**
     * {@code NLMSG_ALIGN(len)} for lengths read from the wire as unsigned 32-bit values.
     *
     * @param len a non-negative length
     * @return {@code len} rounded up to a multiple of 4
     */
    public static long nlmsgAlign(long len) {
        return (len + NLMSG_ALIGNTO - 1) & ~(long) (NLMSG_ALIGNTO - 1);
    }

    /**
     * {@code NLA_ALIGN(len)}: rounds up to a multiple of {@link #NLA_ALIGNTO}.
     *
     * @param len a non-negative length
     * @return {@code len} rounded up to a multiple of 4
     */
    public static int nlaAlign(int len) {
        return (len + NLA_ALIGNTO - 1) & ~(NLA_ALIGNTO - 1);
    }
}
