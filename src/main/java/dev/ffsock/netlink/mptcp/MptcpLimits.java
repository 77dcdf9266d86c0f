package dev.ffsock.netlink.mptcp;

/**
 * The path manager's limits ({@code MPTCP_PM_CMD_GET_LIMITS}), as {@code ip mptcp limits} shows them.
 *
 * @param addAddrAccepted how many ADD_ADDR announcements a connection accepts (MPTCP_PM_ATTR_RCV_ADD_ADDRS)
 * @param subflows        how many extra subflows a connection may have (MPTCP_PM_ATTR_SUBFLOWS)
 */
public record MptcpLimits(long addAddrAccepted, long subflows) {
    /** Checks that both are unsigned 32-bit values. */
    public MptcpLimits {
        if (addAddrAccepted < 0 || addAddrAccepted > 0xffffffffL) throw new IllegalArgumentException("add_addr_accepted out of range: " + addAddrAccepted);
        if (subflows < 0 || subflows > 0xffffffffL) throw new IllegalArgumentException("subflows out of range: " + subflows);
    }
}
