package dev.ffsock.netlink.diag;

/**
 * sock_diag (NETLINK_SOCK_DIAG) constants with their C names: inet_diag and unix_diag requests, attributes and shows.
 * Values are Linux's (the same on every architecture); the project's probe test checks each against gcc.
 */
public final class SockDiag {
    private SockDiag() {
    }

    // ---- sock_diag
    /** C SOCK_DESTROY. */
    public static final int SOCK_DESTROY = 21;
    /** C SOCK_DIAG_BY_FAMILY. */
    public static final int SOCK_DIAG_BY_FAMILY = 20;

    // ---- inet_diag
    /** C INET_DIAG_BBRINFO. */
    public static final int INET_DIAG_BBRINFO = 16;
    /** C INET_DIAG_BC_AUTO. */
    public static final int INET_DIAG_BC_AUTO = 6;
    /** C INET_DIAG_BC_CGROUP_COND. */
    public static final int INET_DIAG_BC_CGROUP_COND = 13;
    /** C INET_DIAG_BC_DEV_COND. */
    public static final int INET_DIAG_BC_DEV_COND = 9;
    /** C INET_DIAG_BC_D_COND. */
    public static final int INET_DIAG_BC_D_COND = 8;
    /** C INET_DIAG_BC_D_EQ. */
    public static final int INET_DIAG_BC_D_EQ = 12;
    /** C INET_DIAG_BC_D_GE. */
    public static final int INET_DIAG_BC_D_GE = 4;
    /** C INET_DIAG_BC_D_LE. */
    public static final int INET_DIAG_BC_D_LE = 5;
    /** C INET_DIAG_BC_JMP. */
    public static final int INET_DIAG_BC_JMP = 1;
    /** C INET_DIAG_BC_MARK_COND. */
    public static final int INET_DIAG_BC_MARK_COND = 10;
    /** C INET_DIAG_BC_NOP. */
    public static final int INET_DIAG_BC_NOP = 0;
    /** C INET_DIAG_BC_S_COND. */
    public static final int INET_DIAG_BC_S_COND = 7;
    /** C INET_DIAG_BC_S_EQ. */
    public static final int INET_DIAG_BC_S_EQ = 11;
    /** C INET_DIAG_BC_S_GE. */
    public static final int INET_DIAG_BC_S_GE = 2;
    /** C INET_DIAG_BC_S_LE. */
    public static final int INET_DIAG_BC_S_LE = 3;
    /** C INET_DIAG_CGROUP_ID. */
    public static final int INET_DIAG_CGROUP_ID = 21;
    /** C INET_DIAG_CLASS_ID. */
    public static final int INET_DIAG_CLASS_ID = 17;
    /** C INET_DIAG_CONG. */
    public static final int INET_DIAG_CONG = 4;
    /** C INET_DIAG_DCTCPINFO. */
    public static final int INET_DIAG_DCTCPINFO = 9;
    /** C INET_DIAG_GETSOCK_MAX. */
    public static final int INET_DIAG_GETSOCK_MAX = 24;
    /** C INET_DIAG_INFO. */
    public static final int INET_DIAG_INFO = 2;
    /** C INET_DIAG_LOCALS. */
    public static final int INET_DIAG_LOCALS = 12;
    /** C INET_DIAG_MARK. */
    public static final int INET_DIAG_MARK = 15;
    /** C INET_DIAG_MAX. */
    public static final int INET_DIAG_MAX = 22;
    /** C INET_DIAG_MD5SIG. */
    public static final int INET_DIAG_MD5SIG = 18;
    /** C INET_DIAG_MEMINFO. */
    public static final int INET_DIAG_MEMINFO = 1;
    /** C INET_DIAG_NOCOOKIE. */
    public static final int INET_DIAG_NOCOOKIE = -1;
    /** C INET_DIAG_NONE. */
    public static final int INET_DIAG_NONE = 0;
    /** C INET_DIAG_PAD. */
    public static final int INET_DIAG_PAD = 14;
    /** C INET_DIAG_PEERS. */
    public static final int INET_DIAG_PEERS = 13;
    /** C INET_DIAG_PROTOCOL. */
    public static final int INET_DIAG_PROTOCOL = 10;
    /** C INET_DIAG_REQ_BYTECODE. */
    public static final int INET_DIAG_REQ_BYTECODE = 1;
    /** C INET_DIAG_REQ_MAX. */
    public static final int INET_DIAG_REQ_MAX = 3;
    /** C INET_DIAG_REQ_NONE. */
    public static final int INET_DIAG_REQ_NONE = 0;
    /** C INET_DIAG_REQ_PROTOCOL. */
    public static final int INET_DIAG_REQ_PROTOCOL = 3;
    /** C INET_DIAG_REQ_SK_BPF_STORAGES. */
    public static final int INET_DIAG_REQ_SK_BPF_STORAGES = 2;
    /** C INET_DIAG_SHUTDOWN. */
    public static final int INET_DIAG_SHUTDOWN = 8;
    /** C INET_DIAG_SKMEMINFO. */
    public static final int INET_DIAG_SKMEMINFO = 7;
    /** C INET_DIAG_SKV6ONLY. */
    public static final int INET_DIAG_SKV6ONLY = 11;
    /** C INET_DIAG_SK_BPF_STORAGES. */
    public static final int INET_DIAG_SK_BPF_STORAGES = 20;
    /** C INET_DIAG_SOCKOPT. */
    public static final int INET_DIAG_SOCKOPT = 22;
    /** C INET_DIAG_TCLASS. */
    public static final int INET_DIAG_TCLASS = 6;
    /** C INET_DIAG_TOS. */
    public static final int INET_DIAG_TOS = 5;
    /** C INET_DIAG_ULP_INFO. */
    public static final int INET_DIAG_ULP_INFO = 19;
    /** C INET_DIAG_VEGASINFO. */
    public static final int INET_DIAG_VEGASINFO = 3;

    // ---- unix_diag
    /** C UDIAG_SHOW_ICONS. */
    public static final int UDIAG_SHOW_ICONS = 8;
    /** C UDIAG_SHOW_MEMINFO. */
    public static final int UDIAG_SHOW_MEMINFO = 32;
    /** C UDIAG_SHOW_NAME. */
    public static final int UDIAG_SHOW_NAME = 1;
    /** C UDIAG_SHOW_PEER. */
    public static final int UDIAG_SHOW_PEER = 4;
    /** C UDIAG_SHOW_RQLEN. */
    public static final int UDIAG_SHOW_RQLEN = 16;
    /** C UDIAG_SHOW_UID. */
    public static final int UDIAG_SHOW_UID = 64;
    /** C UDIAG_SHOW_VFS. */
    public static final int UDIAG_SHOW_VFS = 2;
    /** C UNIX_DIAG_ICONS. */
    public static final int UNIX_DIAG_ICONS = 3;
    /** C UNIX_DIAG_MAX. */
    public static final int UNIX_DIAG_MAX = 7;
    /** C UNIX_DIAG_MEMINFO. */
    public static final int UNIX_DIAG_MEMINFO = 5;
    /** C UNIX_DIAG_NAME. */
    public static final int UNIX_DIAG_NAME = 0;
    /** C UNIX_DIAG_PEER. */
    public static final int UNIX_DIAG_PEER = 2;
    /** C UNIX_DIAG_RQLEN. */
    public static final int UNIX_DIAG_RQLEN = 4;
    /** C UNIX_DIAG_SHUTDOWN. */
    public static final int UNIX_DIAG_SHUTDOWN = 6;
    /** C UNIX_DIAG_UID. */
    public static final int UNIX_DIAG_UID = 7;
    /** C UNIX_DIAG_VFS. */
    public static final int UNIX_DIAG_VFS = 1;

    // ---- TCP states
    /** C TCP_CLOSE. */
    public static final int TCP_CLOSE = 7;
    /** C TCP_CLOSE_WAIT. */
    public static final int TCP_CLOSE_WAIT = 8;
    /** C TCP_CLOSING. */
    public static final int TCP_CLOSING = 11;
    /** C TCP_ESTABLISHED. */
    public static final int TCP_ESTABLISHED = 1;
    /** C TCP_FIN_WAIT1. */
    public static final int TCP_FIN_WAIT1 = 4;
    /** C TCP_FIN_WAIT2. */
    public static final int TCP_FIN_WAIT2 = 5;
    /** C TCP_LAST_ACK. */
    public static final int TCP_LAST_ACK = 9;
    /** C TCP_LISTEN. */
    public static final int TCP_LISTEN = 10;
    /** C TCP_SYN_RECV. */
    public static final int TCP_SYN_RECV = 3;
    /** C TCP_SYN_SENT. */
    public static final int TCP_SYN_SENT = 2;
    /** C TCP_TIME_WAIT. */
    public static final int TCP_TIME_WAIT = 6;

    // ---- packet_diag (linux/packet_diag.h)
    /** C PACKET_SHOW_INFO. */
    public static final int PACKET_SHOW_INFO = 1;
    /** C PACKET_SHOW_MCLIST. */
    public static final int PACKET_SHOW_MCLIST = 2;
    /** C PACKET_SHOW_RING_CFG. */
    public static final int PACKET_SHOW_RING_CFG = 4;
    /** C PACKET_SHOW_FANOUT. */
    public static final int PACKET_SHOW_FANOUT = 8;
    /** C PACKET_SHOW_MEMINFO. */
    public static final int PACKET_SHOW_MEMINFO = 16;
    /** C PACKET_SHOW_FILTER. */
    public static final int PACKET_SHOW_FILTER = 32;
    /** C PACKET_DIAG_INFO. */
    public static final int PACKET_DIAG_INFO = 0;
    /** C PACKET_DIAG_MCLIST. */
    public static final int PACKET_DIAG_MCLIST = 1;
    /** C PACKET_DIAG_RX_RING. */
    public static final int PACKET_DIAG_RX_RING = 2;
    /** C PACKET_DIAG_TX_RING. */
    public static final int PACKET_DIAG_TX_RING = 3;
    /** C PACKET_DIAG_FANOUT. */
    public static final int PACKET_DIAG_FANOUT = 4;
    /** C PACKET_DIAG_UID. */
    public static final int PACKET_DIAG_UID = 5;
    /** C PACKET_DIAG_MEMINFO. */
    public static final int PACKET_DIAG_MEMINFO = 6;
    /** C PACKET_DIAG_FILTER. */
    public static final int PACKET_DIAG_FILTER = 7;
    /** C PDI_RUNNING. */
    public static final int PDI_RUNNING = 1;
    /** C PDI_AUXDATA. */
    public static final int PDI_AUXDATA = 2;
    /** C PDI_ORIGDEV. */
    public static final int PDI_ORIGDEV = 4;
    /** C PDI_VNETHDR. */
    public static final int PDI_VNETHDR = 8;
    /** C PDI_LOSS. */
    public static final int PDI_LOSS = 16;

    // ---- netlink_diag (linux/netlink_diag.h)
    /** C NETLINK_DIAG_MEMINFO. */
    public static final int NETLINK_DIAG_MEMINFO = 0;
    /** C NETLINK_DIAG_GROUPS. */
    public static final int NETLINK_DIAG_GROUPS = 1;
    /** C NETLINK_DIAG_RX_RING. */
    public static final int NETLINK_DIAG_RX_RING = 2;
    /** C NETLINK_DIAG_TX_RING. */
    public static final int NETLINK_DIAG_TX_RING = 3;
    /** C NETLINK_DIAG_FLAGS. */
    public static final int NETLINK_DIAG_FLAGS = 4;
    /** C NDIAG_SHOW_MEMINFO. */
    public static final int NDIAG_SHOW_MEMINFO = 1;
    /** C NDIAG_SHOW_GROUPS. */
    public static final int NDIAG_SHOW_GROUPS = 2;
    /** C NDIAG_SHOW_FLAGS. */
    public static final int NDIAG_SHOW_FLAGS = 8;
    /** C NDIAG_FLAG_CB_RUNNING. */
    public static final int NDIAG_FLAG_CB_RUNNING = 1;
    /** C NDIAG_FLAG_PKTINFO. */
    public static final int NDIAG_FLAG_PKTINFO = 2;
    /** C NDIAG_FLAG_BROADCAST_ERROR. */
    public static final int NDIAG_FLAG_BROADCAST_ERROR = 4;
    /** C NDIAG_FLAG_NO_ENOBUFS. */
    public static final int NDIAG_FLAG_NO_ENOBUFS = 8;
    /** C NDIAG_FLAG_LISTEN_ALL_NSID. */
    public static final int NDIAG_FLAG_LISTEN_ALL_NSID = 16;
    /** C NDIAG_FLAG_CAP_ACK. */
    public static final int NDIAG_FLAG_CAP_ACK = 32;
}
