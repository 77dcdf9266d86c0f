package dev.ffsock.netlink.route;

import dev.ffsock.netlink.Attributes;
import dev.ffsock.netlink.NetlinkConnection;
import dev.ffsock.netlink.NetlinkMessage;

import java.lang.foreign.MemorySegment;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;

/**
 * Decodes {@code RTM_NEWNEIGH}/{@code RTM_DELNEIGH} messages into {@link Neigh} and encodes
 * neighbour dump requests. Unknown attributes and known ones of unexpected length go to
 * {@link Neigh#raw()}; only a structurally malformed message throws
 * {@link dev.ffsock.netlink.NetlinkFormatException}.
 */
public final class NeighCodec {
    /** {@code sizeof(struct ndmsg)}. */
    public static final int NDMSG_SIZE = 12;

    private NeighCodec() {
    }

    /**
     * Decodes a neighbour message.
     *
     * @param m an {@code RTM_NEWNEIGH} or {@code RTM_DELNEIGH} message
     * @return the entry, or null for another message type
     * @throws dev.ffsock.netlink.NetlinkFormatException if the message is structurally malformed
     */
    public static Neigh decode(NetlinkMessage m) {
        if (m.type() != Rtnl.RTM_NEWNEIGH && m.type() != Rtnl.RTM_DELNEIGH) return null;
        MemorySegment h = m.payloadHeader(NDMSG_SIZE);
        int family = Fields.u8(h, 0);
        int ifindex = Fields.s32(h, 4);
        int state = Fields.u16(h, 8);
        int flags = Fields.u8(h, 10);
        int type = Fields.u8(h, 11);
        InetAddress dst = null;
        byte[] lladdr = null;
        int probes = -1, vlan = -1, master = 0, protocol = -1;
        NeighCacheInfo cache = null;
        List<RawAttribute> raw = new ArrayList<>();
        Attributes a = m.attributes(NDMSG_SIZE);
        while (a.next()) {
            int len = a.length();
            switch (a.type()) {
                case Rtnl.NDA_DST -> { dst = Fields.inet(a, family); if (dst == null) Fields.keep(a, raw); }
                case Rtnl.NDA_LLADDR -> lladdr = a.bytes();
                case Rtnl.NDA_PROBES -> { if (len == 4) probes = a.u32(); else Fields.keep(a, raw); }
                case Rtnl.NDA_VLAN -> { if (len == 2) vlan = a.u16(); else Fields.keep(a, raw); }
                case Rtnl.NDA_MASTER -> { if (len == 4) master = a.u32(); else Fields.keep(a, raw); }
                case Rtnl.NDA_PROTOCOL -> { if (len == 1) protocol = a.u8(); else Fields.keep(a, raw); }
                case Rtnl.NDA_CACHEINFO -> {
                    if (len == NeighCacheInfo.SIZE) {
                        MemorySegment c = a.segment();
                        cache = new NeighCacheInfo(Fields.s32(c, 0), Fields.s32(c, 4), Fields.s32(c, 8), Fields.s32(c, 12));
                    } else {
                        Fields.keep(a, raw);
                    }
                }
                default -> Fields.keep(a, raw);
            }
        }
        return new Neigh(family, ifindex, new NeighState(state), flags, type, dst, lladdr, probes, cache, vlan, master,
                protocol, raw);
    }

    /**
     * The payload of an {@code RTM_GETNEIGH} dump request; with strict checking the kernel keeps
     * only entries of {@code family} (0 for all) on link {@code ifindex} (sent as
     * {@code NDA_IFINDEX}; 0 for all).
     *
     * @param family  AF_INET, AF_INET6, AF_BRIDGE or 0
     * @param ifindex a link index or 0
     * @return the encoder
     */
    public static NetlinkConnection.Encoder dumpRequest(int family, int ifindex) {
        return dumpRequest(family, ifindex, 0);
    }

    /**
     * The payload of an {@code RTM_GETNEIGH} dump request with {@code ndm_flags}: {@code NTF_PROXY}
     * dumps the proxy table ({@code ip neigh show proxy}) instead of the neighbour cache.
     *
     * @param family  AF_INET, AF_INET6, AF_BRIDGE or 0
     * @param ifindex a link index or 0 ({@code NDA_IFINDEX})
     * @param ndmFlags {@code NTF_PROXY} or 0
     * @return the encoder
     */
    public static NetlinkConnection.Encoder dumpRequest(int family, int ifindex, int ndmFlags) {
        return w -> {
            w.putU8(family).putU8(0).putU16(0).putU32(0).putU16(0).putU8(ndmFlags).putU8(0);
            if (ifindex != 0) w.attrU32(Rtnl.NDA_IFINDEX, ifindex);
        };
    }
}
