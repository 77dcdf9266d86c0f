package dev.ffsock.netlink.netfilter;

import java.util.Objects;

/**
 * A conntrack table change (multicast groups NFNLGRP_CONNTRACK_NEW, _UPDATE, _DESTROY): one line of
 * {@code conntrack -E}.
 *
 * @param type   what happened
 * @param entry  the entry, with what the kernel sent
 * @param portId the netlink port id of the process whose request made the change (nlmsghdr pid:
 *               {@code conntrack -D} deleting an entry), unsigned; 0 when the kernel made it
 *               ({@code conntrack -E} prints a non-zero one as {@code [USERSPACE] portid=N})
 */
public record ConntrackEvent(Type type, ConntrackEntry entry, long portId) {
    /** What happened to an entry, with its multicast group. */
    public enum Type {
        /** A new entry ({@code [NEW]}; IPCTNL_MSG_CT_NEW with NLM_F_CREATE). */
        NEW(Nfnetlink.NFNLGRP_CONNTRACK_NEW),
        /** A changed entry ({@code [UPDATE]}; IPCTNL_MSG_CT_NEW without NLM_F_CREATE). */
        UPDATE(Nfnetlink.NFNLGRP_CONNTRACK_UPDATE),
        /** A removed entry ({@code [DESTROY]}; IPCTNL_MSG_CT_DELETE). */
        DESTROY(Nfnetlink.NFNLGRP_CONNTRACK_DESTROY);

        private final int group;

        Type(int group) {
            this.group = group;
        }

        /** {@return the multicast group that carries this type} */
        public int group() {
            return group;
        }
    }

    /**
     * Checks the fields.
     *
     * @throws NullPointerException if either is null
     */
    public ConntrackEvent {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(entry, "entry");
    }
}
