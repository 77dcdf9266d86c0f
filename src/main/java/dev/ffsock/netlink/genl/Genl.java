package dev.ffsock.netlink.genl;

/**
 * Generic netlink (NETLINK_GENERIC) constants with their C names: header, controller commands and attributes.
 * Values are Linux's (the same on every architecture); the project's probe test checks each against gcc.
 */
public final class Genl {
    private Genl() {
    }

    // ---- generic netlink
    /** C GENL_ADMIN_PERM. */
    public static final int GENL_ADMIN_PERM = 1;
    /** C GENL_CMD_CAP_DO. */
    public static final int GENL_CMD_CAP_DO = 2;
    /** C GENL_CMD_CAP_DUMP. */
    public static final int GENL_CMD_CAP_DUMP = 4;
    /** C GENL_CMD_CAP_HASPOL. */
    public static final int GENL_CMD_CAP_HASPOL = 8;
    /** C GENL_ID_CTRL. */
    public static final int GENL_ID_CTRL = 16;
    /** C GENL_ID_PMCRAID. */
    public static final int GENL_ID_PMCRAID = 18;
    /** C GENL_ID_VFS_DQUOT. */
    public static final int GENL_ID_VFS_DQUOT = 17;
    /** C GENL_MAX_ID. */
    public static final int GENL_MAX_ID = 1023;
    /** C GENL_MIN_ID. */
    public static final int GENL_MIN_ID = 16;
    /** C GENL_NAMSIZ. */
    public static final int GENL_NAMSIZ = 16;
    /** C GENL_START_ALLOC. */
    public static final int GENL_START_ALLOC = 19;
    /** C GENL_UNS_ADMIN_PERM. */
    public static final int GENL_UNS_ADMIN_PERM = 16;

    // ---- controller
    /** C CTRL_ATTR_FAMILY_ID. */
    public static final int CTRL_ATTR_FAMILY_ID = 1;
    /** C CTRL_ATTR_FAMILY_NAME. */
    public static final int CTRL_ATTR_FAMILY_NAME = 2;
    /** C CTRL_ATTR_HDRSIZE. */
    public static final int CTRL_ATTR_HDRSIZE = 4;
    /** C CTRL_ATTR_MAX. */
    public static final int CTRL_ATTR_MAX = 10;
    /** C CTRL_ATTR_MAXATTR. */
    public static final int CTRL_ATTR_MAXATTR = 5;
    /** C CTRL_ATTR_MCAST_GROUPS. */
    public static final int CTRL_ATTR_MCAST_GROUPS = 7;
    /** C CTRL_ATTR_MCAST_GRP_ID. */
    public static final int CTRL_ATTR_MCAST_GRP_ID = 2;
    /** C CTRL_ATTR_MCAST_GRP_MAX. */
    public static final int CTRL_ATTR_MCAST_GRP_MAX = 2;
    /** C CTRL_ATTR_MCAST_GRP_NAME. */
    public static final int CTRL_ATTR_MCAST_GRP_NAME = 1;
    /** C CTRL_ATTR_MCAST_GRP_UNSPEC. */
    public static final int CTRL_ATTR_MCAST_GRP_UNSPEC = 0;
    /** C CTRL_ATTR_OP. */
    public static final int CTRL_ATTR_OP = 10;
    /** C CTRL_ATTR_OPS. */
    public static final int CTRL_ATTR_OPS = 6;
    /** C CTRL_ATTR_OP_FLAGS. */
    public static final int CTRL_ATTR_OP_FLAGS = 2;
    /** C CTRL_ATTR_OP_ID. */
    public static final int CTRL_ATTR_OP_ID = 1;
    /** C CTRL_ATTR_OP_MAX. */
    public static final int CTRL_ATTR_OP_MAX = 2;
    /** C CTRL_ATTR_OP_POLICY. */
    public static final int CTRL_ATTR_OP_POLICY = 9;
    /** C CTRL_ATTR_OP_UNSPEC. */
    public static final int CTRL_ATTR_OP_UNSPEC = 0;
    /** C CTRL_ATTR_POLICY. */
    public static final int CTRL_ATTR_POLICY = 8;
    /** C CTRL_ATTR_POLICY_DO. */
    public static final int CTRL_ATTR_POLICY_DO = 1;
    /** C CTRL_ATTR_POLICY_DUMP. */
    public static final int CTRL_ATTR_POLICY_DUMP = 2;
    /** C CTRL_ATTR_POLICY_DUMP_MAX. */
    public static final int CTRL_ATTR_POLICY_DUMP_MAX = 2;
    /** C CTRL_ATTR_POLICY_MAX. */
    public static final int CTRL_ATTR_POLICY_MAX = 2;
    /** C CTRL_ATTR_POLICY_UNSPEC. */
    public static final int CTRL_ATTR_POLICY_UNSPEC = 0;
    /** C CTRL_ATTR_UNSPEC. */
    public static final int CTRL_ATTR_UNSPEC = 0;
    /** C CTRL_ATTR_VERSION. */
    public static final int CTRL_ATTR_VERSION = 3;
    /** C CTRL_CMD_DELFAMILY. */
    public static final int CTRL_CMD_DELFAMILY = 2;
    /** C CTRL_CMD_DELMCAST_GRP. */
    public static final int CTRL_CMD_DELMCAST_GRP = 8;
    /** C CTRL_CMD_DELOPS. */
    public static final int CTRL_CMD_DELOPS = 5;
    /** C CTRL_CMD_GETFAMILY. */
    public static final int CTRL_CMD_GETFAMILY = 3;
    /** C CTRL_CMD_GETMCAST_GRP. */
    public static final int CTRL_CMD_GETMCAST_GRP = 9;
    /** C CTRL_CMD_GETOPS. */
    public static final int CTRL_CMD_GETOPS = 6;
    /** C CTRL_CMD_GETPOLICY. */
    public static final int CTRL_CMD_GETPOLICY = 10;
    /** C CTRL_CMD_MAX. */
    public static final int CTRL_CMD_MAX = 10;
    /** C CTRL_CMD_NEWFAMILY. */
    public static final int CTRL_CMD_NEWFAMILY = 1;
    /** C CTRL_CMD_NEWMCAST_GRP. */
    public static final int CTRL_CMD_NEWMCAST_GRP = 7;
    /** C CTRL_CMD_NEWOPS. */
    public static final int CTRL_CMD_NEWOPS = 4;
    /** C CTRL_CMD_UNSPEC. */
    public static final int CTRL_CMD_UNSPEC = 0;

}
