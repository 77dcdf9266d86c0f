package dev.ffsock.netlink.mptcp;

/**
 * Constants of the generic netlink family {@code mptcp_pm} ({@code <linux/mptcp.h>}) with their C
 * names: commands, attributes and endpoint flags. Values are Linux's; the project's probe test
 * checks each against gcc.
 */
public final class MptcpPm {
    private MptcpPm() {
    }

    /** The family's name, C MPTCP_PM_NAME. */
    public static final String MPTCP_PM_NAME = "mptcp_pm";
    /** C MPTCP_PM_VER. */
    public static final int MPTCP_PM_VER = 1;

    /** C MPTCP_PM_CMD_ADD_ADDR. */
    public static final int MPTCP_PM_CMD_ADD_ADDR = 1;
    /** C MPTCP_PM_CMD_DEL_ADDR. */
    public static final int MPTCP_PM_CMD_DEL_ADDR = 2;
    /** C MPTCP_PM_CMD_GET_ADDR. */
    public static final int MPTCP_PM_CMD_GET_ADDR = 3;
    /** C MPTCP_PM_CMD_FLUSH_ADDRS. */
    public static final int MPTCP_PM_CMD_FLUSH_ADDRS = 4;
    /** C MPTCP_PM_CMD_SET_LIMITS. */
    public static final int MPTCP_PM_CMD_SET_LIMITS = 5;
    /** C MPTCP_PM_CMD_GET_LIMITS. */
    public static final int MPTCP_PM_CMD_GET_LIMITS = 6;

    /** C MPTCP_PM_ATTR_ADDR: a nested endpoint address. */
    public static final int MPTCP_PM_ATTR_ADDR = 1;
    /** C MPTCP_PM_ATTR_RCV_ADD_ADDRS: u32, the add_addr_accepted limit. */
    public static final int MPTCP_PM_ATTR_RCV_ADD_ADDRS = 2;
    /** C MPTCP_PM_ATTR_SUBFLOWS: u32, the subflows limit. */
    public static final int MPTCP_PM_ATTR_SUBFLOWS = 3;

    /** C MPTCP_PM_ADDR_ATTR_FAMILY: u16. */
    public static final int MPTCP_PM_ADDR_ATTR_FAMILY = 1;
    /** C MPTCP_PM_ADDR_ATTR_ID: u8. */
    public static final int MPTCP_PM_ADDR_ATTR_ID = 2;
    /** C MPTCP_PM_ADDR_ATTR_ADDR4: struct in_addr. */
    public static final int MPTCP_PM_ADDR_ATTR_ADDR4 = 3;
    /** C MPTCP_PM_ADDR_ATTR_ADDR6: struct in6_addr. */
    public static final int MPTCP_PM_ADDR_ATTR_ADDR6 = 4;
    /** C MPTCP_PM_ADDR_ATTR_PORT: u16 (host order). */
    public static final int MPTCP_PM_ADDR_ATTR_PORT = 5;
    /** C MPTCP_PM_ADDR_ATTR_FLAGS: u32. */
    public static final int MPTCP_PM_ADDR_ATTR_FLAGS = 6;
    /** C MPTCP_PM_ADDR_ATTR_IF_IDX: s32. */
    public static final int MPTCP_PM_ADDR_ATTR_IF_IDX = 7;

    /** C MPTCP_PM_ADDR_FLAG_SIGNAL. */
    public static final int MPTCP_PM_ADDR_FLAG_SIGNAL = 1;
    /** C MPTCP_PM_ADDR_FLAG_SUBFLOW. */
    public static final int MPTCP_PM_ADDR_FLAG_SUBFLOW = 2;
    /** C MPTCP_PM_ADDR_FLAG_BACKUP. */
    public static final int MPTCP_PM_ADDR_FLAG_BACKUP = 4;
    /** C MPTCP_PM_ADDR_FLAG_FULLMESH. */
    public static final int MPTCP_PM_ADDR_FLAG_FULLMESH = 8;
    /** C MPTCP_PM_ADDR_FLAG_IMPLICIT. */
    public static final int MPTCP_PM_ADDR_FLAG_IMPLICIT = 16;
}
