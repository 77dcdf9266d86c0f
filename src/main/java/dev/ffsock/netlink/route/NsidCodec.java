package dev.ffsock.netlink.route;

import dev.ffsock.netlink.Attributes;
import dev.ffsock.netlink.NetlinkConnection;
import dev.ffsock.netlink.NetlinkMessage;

import java.util.ArrayList;
import java.util.List;

/**
 * Encodes {@code RTM_NEWNSID}/{@code RTM_GETNSID} requests and decodes {@code RTM_NEWNSID}/{@code
 * RTM_DELNSID} messages ({@code linux/net_namespace.h}): a {@code struct rtgenmsg} (family 0,
 * padded to 4 bytes), then {@code NETNSA_*} attributes. Only a structurally malformed message throws
 * {@link dev.ffsock.netlink.NetlinkFormatException}.
 */
public final class NsidCodec {
    /** {@code NLMSG_ALIGN(sizeof(struct rtgenmsg))}. */
    public static final int HEADER_SIZE = 4;
    /** C NETNSA_NSID: the id (s32). */
    public static final int NETNSA_NSID = 1;
    /** C NETNSA_PID: the namespace of this process (u32). */
    public static final int NETNSA_PID = 2;
    /** C NETNSA_FD: the namespace this file descriptor refers to (u32). */
    public static final int NETNSA_FD = 3;
    /** C NETNSA_TARGET_NSID: ask for ids as seen from this peer (s32). */
    public static final int NETNSA_TARGET_NSID = 4;
    /** C NETNSA_CURRENT_NSID: the current namespace's id as seen from the target (s32). */
    public static final int NETNSA_CURRENT_NSID = 5;
    /** C NETNSA_NSID_NOT_ASSIGNED: the nsid of a peer that has none (and "pick one" in a set). */
    public static final int NETNSA_NSID_NOT_ASSIGNED = -1;

    private NsidCodec() {
    }

    /**
     * Decodes an nsid message.
     *
     * @param m an {@code RTM_NEWNSID} or {@code RTM_DELNSID} message
     * @return the id, or null for another message type
     * @throws dev.ffsock.netlink.NetlinkFormatException if the message is structurally malformed
     */
    public static NetnsId decode(NetlinkMessage m) {
        if (m.type() != Rtnl.RTM_NEWNSID && m.type() != Rtnl.RTM_DELNSID) return null;
        m.payloadHeader(1);
        int nsid = NETNSA_NSID_NOT_ASSIGNED;
        Integer current = null;
        List<RawAttribute> raw = new ArrayList<>();
        Attributes a = m.attributes(Math.min(HEADER_SIZE, m.payloadLength()));
        while (a.next()) {
            switch (a.type()) {
                case NETNSA_NSID -> { if (a.length() == 4) nsid = a.s32(); else Fields.keep(a, raw); }
                case NETNSA_CURRENT_NSID -> { if (a.length() == 4) current = a.s32(); else Fields.keep(a, raw); }
                default -> Fields.keep(a, raw);
            }
        }
        return new NetnsId(nsid, current, raw);
    }

    /**
     * The payload of an {@code RTM_GETNSID} for the namespace of a descriptor ({@code NETNSA_FD}) or
     * a process ({@code NETNSA_PID}).
     *
     * @param attr {@link #NETNSA_FD} or {@link #NETNSA_PID}
     * @param value the descriptor or pid
     * @return the encoder
     */
    public static NetlinkConnection.Encoder getRequest(int attr, int value) {
        return w -> {
            header(w);
            w.attrU32(attr, value);
        };
    }

    /**
     * The payload of an {@code RTM_NEWNSID} that gives the namespace of a descriptor an id.
     *
     * @param fd a namespace file's descriptor
     * @param nsid the id, or {@link #NETNSA_NSID_NOT_ASSIGNED} for the kernel to pick one
     * @return the encoder
     */
    public static NetlinkConnection.Encoder setRequest(int fd, int nsid) {
        return w -> {
            header(w);
            w.attrU32(NETNSA_FD, fd);
            w.attrU32(NETNSA_NSID, nsid);
        };
    }

    /** {@return the payload of an {@code RTM_GETNSID} dump (every id this namespace assigned)} */
    public static NetlinkConnection.Encoder dumpRequest() {
        return NsidCodec::header;
    }

    private static void header(dev.ffsock.netlink.PayloadWriter w) {
        w.putU8(0).putU8(0).putU16(0);
    }
}
