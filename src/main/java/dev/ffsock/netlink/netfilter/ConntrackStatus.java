package dev.ffsock.netlink.netfilter;

import java.util.EnumSet;
import java.util.Set;

/** A bit of a conntrack entry's status (CTA_STATUS, enum ip_conntrack_status: IPS_*). */
public enum ConntrackStatus {
    /** C IPS_EXPECTED: the entry is an expected connection. */
    EXPECTED(Ctnetlink.IPS_EXPECTED),
    /** C IPS_SEEN_REPLY: packets went both ways ({@code conntrack -L} prints [UNREPLIED] without it). */
    SEEN_REPLY(Ctnetlink.IPS_SEEN_REPLY),
    /** C IPS_ASSURED: never dropped early ([ASSURED]). */
    ASSURED(Ctnetlink.IPS_ASSURED),
    /** C IPS_CONFIRMED: in the table. */
    CONFIRMED(Ctnetlink.IPS_CONFIRMED),
    /** C IPS_SRC_NAT. */
    SRC_NAT(Ctnetlink.IPS_SRC_NAT),
    /** C IPS_DST_NAT. */
    DST_NAT(Ctnetlink.IPS_DST_NAT),
    /** C IPS_SEQ_ADJUST. */
    SEQ_ADJUST(Ctnetlink.IPS_SEQ_ADJUST),
    /** C IPS_SRC_NAT_DONE. */
    SRC_NAT_DONE(Ctnetlink.IPS_SRC_NAT_DONE),
    /** C IPS_DST_NAT_DONE. */
    DST_NAT_DONE(Ctnetlink.IPS_DST_NAT_DONE),
    /** C IPS_DYING. */
    DYING(Ctnetlink.IPS_DYING),
    /** C IPS_FIXED_TIMEOUT. */
    FIXED_TIMEOUT(Ctnetlink.IPS_FIXED_TIMEOUT),
    /** C IPS_TEMPLATE. */
    TEMPLATE(Ctnetlink.IPS_TEMPLATE),
    /** C IPS_UNTRACKED. */
    UNTRACKED(Ctnetlink.IPS_UNTRACKED),
    /** C IPS_HELPER. */
    HELPER(Ctnetlink.IPS_HELPER),
    /** C IPS_OFFLOAD ([OFFLOAD]). */
    OFFLOAD(Ctnetlink.IPS_OFFLOAD),
    /** C IPS_HW_OFFLOAD ([HW_OFFLOAD]). */
    HW_OFFLOAD(Ctnetlink.IPS_HW_OFFLOAD);

    private final int mask;

    ConntrackStatus(int mask) {
        this.mask = mask;
    }

    /** {@return this bit as a mask} */
    public int mask() {
        return mask;
    }

    /**
     * {@return the named bits set in {@code status} (bits without a name are left out)}
     *
     * @param status a CTA_STATUS value
     */
    public static Set<ConntrackStatus> of(int status) {
        Set<ConntrackStatus> s = EnumSet.noneOf(ConntrackStatus.class);
        for (ConntrackStatus b : values()) if ((status & b.mask) != 0) s.add(b);
        return s;
    }
}
