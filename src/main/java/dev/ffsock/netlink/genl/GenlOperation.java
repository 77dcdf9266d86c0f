package dev.ffsock.netlink.genl;

/**
 * One command a generic netlink family accepts (CTRL_ATTR_OP_ID, CTRL_ATTR_OP_FLAGS).
 *
 * @param id    the command number
 * @param flags {@code GENL_ADMIN_PERM}, {@code GENL_CMD_CAP_DO}, {@code GENL_CMD_CAP_DUMP}, {@code GENL_CMD_CAP_HASPOL}, {@code GENL_UNS_ADMIN_PERM}
 */
public record GenlOperation(int id, int flags) {
    /** {@return whether the command answers a plain request} */
    public boolean canDo() {
        return (flags & Genl.GENL_CMD_CAP_DO) != 0;
    }

    /** {@return whether the command answers a dump (NLM_F_DUMP)} */
    public boolean canDump() {
        return (flags & Genl.GENL_CMD_CAP_DUMP) != 0;
    }

    /** {@return whether the command needs CAP_NET_ADMIN (in the initial or the socket's user namespace)} */
    public boolean needsAdmin() {
        return (flags & (Genl.GENL_ADMIN_PERM | Genl.GENL_UNS_ADMIN_PERM)) != 0;
    }
}
