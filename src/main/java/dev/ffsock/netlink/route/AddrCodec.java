package dev.ffsock.netlink.route;

import dev.ffsock.netlink.Attributes;
import dev.ffsock.netlink.NetlinkConnection;
import dev.ffsock.netlink.NetlinkMessage;

import java.lang.foreign.MemorySegment;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;

/**
 * Decodes {@code RTM_NEWADDR}/{@code RTM_DELADDR} messages into {@link Addr} and encodes address
 * dump requests. Unknown attributes and known ones of unexpected length go to {@link Addr#raw()};
 * only a structurally malformed message throws {@link dev.ffsock.netlink.NetlinkFormatException}.
 */
public final class AddrCodec {
    /** {@code sizeof(struct ifaddrmsg)}. */
    public static final int IFADDRMSG_SIZE = 8;
    /** {@code sizeof(struct ifa_cacheinfo)}. */
    public static final int IFA_CACHEINFO_SIZE = 16;

    private AddrCodec() {
    }

    /**
     * Decodes an address message.
     *
     * @param m an {@code RTM_NEWADDR} or {@code RTM_DELADDR} message
     * @return the address, or null for another message type
     * @throws dev.ffsock.netlink.NetlinkFormatException if the message is structurally malformed
     */
    public static Addr decode(NetlinkMessage m) {
        if (m.type() != Rtnl.RTM_NEWADDR && m.type() != Rtnl.RTM_DELADDR) return null;
        MemorySegment h = m.payloadHeader(IFADDRMSG_SIZE);
        int family = Fields.u8(h, 0);
        int prefixLen = Fields.u8(h, 1);
        int flags = Fields.u8(h, 2);
        int scope = Fields.u8(h, 3);
        int index = Fields.s32(h, 4);
        InetAddress local = null, address = null, broadcast = null, anycast = null;
        String label = null;
        long valid = -1, preferred = -1, created = -1, updated = -1, rtPriority = -1;
        int protocol = -1;
        List<RawAttribute> raw = new ArrayList<>();
        Attributes a = m.attributes(IFADDRMSG_SIZE);
        while (a.next()) {
            int len = a.length();
            switch (a.type()) {
                case Rtnl.IFA_LOCAL -> { local = Fields.inet(a, family); if (local == null) Fields.keep(a, raw); }
                case Rtnl.IFA_ADDRESS -> { address = Fields.inet(a, family); if (address == null) Fields.keep(a, raw); }
                case Rtnl.IFA_BROADCAST -> {
                    broadcast = Fields.inet(a, family);
                    if (broadcast == null) Fields.keep(a, raw);
                }
                case Rtnl.IFA_ANYCAST -> { anycast = Fields.inet(a, family); if (anycast == null) Fields.keep(a, raw); }
                case Rtnl.IFA_LABEL -> label = a.string();
                case Rtnl.IFA_FLAGS -> { if (len == 4) flags = a.u32(); else Fields.keep(a, raw); }
                case Rtnl.IFA_PROTO -> { if (len == 1) protocol = a.u8(); else Fields.keep(a, raw); }
                case Rtnl.IFA_RT_PRIORITY -> {
                    if (len == 4) rtPriority = Integer.toUnsignedLong(a.u32()); else Fields.keep(a, raw);
                }
                case Rtnl.IFA_CACHEINFO -> {
                    if (len == IFA_CACHEINFO_SIZE) {
                        MemorySegment c = a.segment();
                        preferred = Integer.toUnsignedLong(Fields.s32(c, 0));
                        valid = Integer.toUnsignedLong(Fields.s32(c, 4));
                        created = Integer.toUnsignedLong(Fields.s32(c, 8));
                        updated = Integer.toUnsignedLong(Fields.s32(c, 12));
                    } else {
                        Fields.keep(a, raw);
                    }
                }
                default -> Fields.keep(a, raw);
            }
        }
        InetAddress peer = local != null && address != null && !local.equals(address) ? address : null;
        return new Addr(family, prefixLen, flags, new Scope(scope), index, local, address, peer, broadcast, anycast,
                label, valid, preferred, created, updated, protocol, rtPriority, raw);
    }

    /**
     * The payload of an {@code RTM_GETADDR} dump request. With strict checking the kernel then
     * returns only addresses of {@code family} (0 for all) on link {@code ifindex} (0 for all).
     *
     * @param family  AF_INET, AF_INET6 or 0
     * @param ifindex a link index or 0
     * @return the encoder
     */
    public static NetlinkConnection.Encoder dumpRequest(int family, int ifindex) {
        return w -> w.putU8(family).putU8(0).putU8(0).putU8(0).putU32(ifindex);
    }
}
