package dev.ffsock.netlink.diag;

/**
 * Sizes and field offsets of the sock_diag structs, read from linux/inet_diag.h and
 * linux/unix_diag.h (the same on every architecture: only fixed-width fields, no padding).
 */
final class DiagLayout {
    private DiagLayout() {
    }

    /** struct inet_diag_sockid: sport, dport (be16), src[4], dst[4] (be32), if, cookie[2]. */
    static final int INET_DIAG_SOCKID_SIZE = 48;
    static final int SOCKID_SPORT = 0;
    static final int SOCKID_DPORT = 2;
    static final int SOCKID_SRC = 4;
    static final int SOCKID_DST = 20;
    static final int SOCKID_IF = 36;
    static final int SOCKID_COOKIE = 40;

    /** struct inet_diag_req_v2: family, protocol, ext, pad (u8 each), states (u32), id. */
    static final int INET_DIAG_REQ_V2_SIZE = 56;

    /** struct inet_diag_msg: family, state, timer, retrans (u8), id, expires, rqueue, wqueue, uid, inode (u32). */
    static final int INET_DIAG_MSG_SIZE = 72;
    static final int IDIAG_FAMILY = 0;
    static final int IDIAG_STATE = 1;
    static final int IDIAG_TIMER = 2;
    static final int IDIAG_RETRANS = 3;
    static final int IDIAG_ID = 4;
    static final int IDIAG_EXPIRES = 52;
    static final int IDIAG_RQUEUE = 56;
    static final int IDIAG_WQUEUE = 60;
    static final int IDIAG_UID = 64;
    static final int IDIAG_INODE = 68;

    /** struct inet_diag_meminfo: rmem, wmem, fmem, tmem (u32). */
    static final int INET_DIAG_MEMINFO_SIZE = 16;

    /** struct unix_diag_req: family, protocol (u8), pad (u16), states, ino, show (u32), cookie[2]. */
    static final int UNIX_DIAG_REQ_SIZE = 24;

    /** struct unix_diag_msg: family, type, state, pad (u8), ino (u32), cookie[2]. */
    static final int UNIX_DIAG_MSG_SIZE = 16;
    static final int UDIAG_FAMILY = 0;
    static final int UDIAG_TYPE = 1;
    static final int UDIAG_STATE = 2;
    static final int UDIAG_INO = 4;
    static final int UDIAG_COOKIE = 8;

    /** struct unix_diag_vfs: ino, dev (u32); struct unix_diag_rqlen: rqueue, wqueue (u32). */
    static final int UNIX_DIAG_PAIR_SIZE = 8;

    /** struct packet_diag_req: family, protocol (u8), pad (u16), ino, show (u32), cookie[2]. */
    static final int PACKET_DIAG_REQ_SIZE = 20;
    /** struct packet_diag_msg: family, type (u8), num (u16), ino (u32), cookie[2]. */
    static final int PACKET_DIAG_MSG_SIZE = 16;
    /** struct packet_diag_info: index, version, reserve, copy_thresh, tstamp, flags (u32). */
    static final int PACKET_DIAG_INFO_SIZE = 24;
    /** struct packet_diag_mclist: index, count (u32), type, alen (u16), addr[32]. */
    static final int PACKET_DIAG_MCLIST_SIZE = 44;
    /** struct packet_diag_ring: block_size, block_nr, frame_size, frame_nr, retire_tmo, sizeof_priv, features (u32). */
    static final int PACKET_DIAG_RING_SIZE = 28;
    /** struct netlink_diag_req: family, protocol (u8), pad (u16), ino, show (u32), cookie[2]. */
    static final int NETLINK_DIAG_REQ_SIZE = 20;
    /** struct netlink_diag_msg: family, type, protocol, state (u8), portid, dst_portid, dst_group, ino (u32), cookie[2]. */
    static final int NETLINK_DIAG_MSG_SIZE = 28;
}
