package dev.ffsock.netlink.tc;

import dev.ffsock.netlink.Attributes;
import dev.ffsock.netlink.NetlinkConnection;
import dev.ffsock.netlink.NetlinkMessage;
import dev.ffsock.netlink.PayloadWriter;
import dev.ffsock.netlink.route.RawAttribute;
import dev.ffsock.netlink.route.Rtnl;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * Decodes {@code RTM_NEWQDISC}/{@code RTM_NEWTCLASS}/{@code RTM_NEWTFILTER} (and their {@code DEL}
 * twins) into {@link Qdisc}, {@link TcClass} and {@link TcFilter}, and writes {@code struct tcmsg}.
 * Unknown attributes and known ones of unexpected length go to {@code raw()}; only a structurally
 * malformed message throws {@link dev.ffsock.netlink.NetlinkFormatException}.
 */
public final class TcCodec {
    /** {@code sizeof(struct tcmsg)}. */
    public static final int TCMSG_SIZE = 20;
    /** {@code offsetof(struct tcmsg, tcm_ifindex)}. */
    static final int TCM_IFINDEX = 4;
    /** {@code offsetof(struct tcmsg, tcm_handle)}. */
    static final int TCM_HANDLE = 8;
    /** {@code offsetof(struct tcmsg, tcm_parent)}. */
    static final int TCM_PARENT = 12;
    /** {@code offsetof(struct tcmsg, tcm_info)}. */
    static final int TCM_INFO = 16;

    private TcCodec() {
    }

    /** The attributes every tc object has, read from one message. */
    private static final class Common {
        String kind = "";
        MemorySegment options;
        TcStats stats;
        long chain = -1;
        boolean hwOffload;
        int ingressBlock;
        int egressBlock;
        final List<RawAttribute> raw = new ArrayList<>();

        Common(NetlinkMessage m) {
            Attributes a = m.attributes(TCMSG_SIZE);
            while (a.next()) {
                int len = a.length();
                switch (a.type()) {
                    case Tca.TCA_KIND -> kind = a.string();
                    case Tca.TCA_OPTIONS -> options = a.segment();
                    case Tca.TCA_STATS2 -> stats = TcStatsCodec.decode(a.nested());
                    case Tca.TCA_CHAIN -> { if (len == 4) chain = Integer.toUnsignedLong(a.u32()); else keep(a); }
                    case Tca.TCA_HW_OFFLOAD -> { if (len == 1) hwOffload = a.u8() != 0; else keep(a); }
                    case Tca.TCA_INGRESS_BLOCK -> { if (len == 4) ingressBlock = a.u32(); else keep(a); }
                    case Tca.TCA_EGRESS_BLOCK -> { if (len == 4) egressBlock = a.u32(); else keep(a); }
                    default -> keep(a);
                }
            }
        }

        private void keep(Attributes a) {
            raw.add(new RawAttribute(a.type(), a.bytes()));
        }
    }

    /**
     * Decodes a qdisc message.
     *
     * @param m an {@code RTM_NEWQDISC} or {@code RTM_DELQDISC} message
     * @return the qdisc, or null for another message type
     * @throws dev.ffsock.netlink.NetlinkFormatException if the message is structurally malformed
     */
    public static Qdisc decodeQdisc(NetlinkMessage m) {
        if (m.type() != Rtnl.RTM_NEWQDISC && m.type() != Rtnl.RTM_DELQDISC) return null;
        MemorySegment h = m.payloadHeader(TCMSG_SIZE);
        Common c = new Common(m);
        TcOptions o = TcOptionsCodec.decodeQdisc(c.kind, c.options);
        return new Qdisc(s32(h, TCM_IFINDEX), s32(h, TCM_HANDLE), s32(h, TCM_PARENT), s32(h, TCM_INFO), c.kind, o,
                c.stats, c.hwOffload, c.ingressBlock, c.egressBlock, c.raw);
    }

    /**
     * Decodes a class message.
     *
     * @param m an {@code RTM_NEWTCLASS} or {@code RTM_DELTCLASS} message
     * @return the class, or null for another message type
     * @throws dev.ffsock.netlink.NetlinkFormatException if the message is structurally malformed
     */
    public static TcClass decodeClass(NetlinkMessage m) {
        if (m.type() != Rtnl.RTM_NEWTCLASS && m.type() != Rtnl.RTM_DELTCLASS) return null;
        MemorySegment h = m.payloadHeader(TCMSG_SIZE);
        Common c = new Common(m);
        TcOptions o = TcOptionsCodec.decodeClass(c.kind, c.options);
        HtbXstats x = c.stats == null ? null : TcStatsCodec.htbXstats(c.kind, c.stats.app());
        return new TcClass(s32(h, TCM_IFINDEX), s32(h, TCM_HANDLE), s32(h, TCM_PARENT), s32(h, TCM_INFO), c.kind, o,
                c.stats, x, c.raw);
    }

    /**
     * Decodes a filter message.
     *
     * @param m an {@code RTM_NEWTFILTER} or {@code RTM_DELTFILTER} message
     * @return the filter, or null for another message type
     * @throws dev.ffsock.netlink.NetlinkFormatException if the message is structurally malformed
     */
    public static TcFilter decodeFilter(NetlinkMessage m) {
        if (m.type() != Rtnl.RTM_NEWTFILTER && m.type() != Rtnl.RTM_DELTFILTER) return null;
        MemorySegment h = m.payloadHeader(TCMSG_SIZE);
        Common c = new Common(m);
        TcOptions o = TcOptionsCodec.decodeFilter(c.kind, c.options);
        int info = s32(h, TCM_INFO);
        int protocol = swap16(info & 0xffff);
        return new TcFilter(s32(h, TCM_IFINDEX), s32(h, TCM_HANDLE), s32(h, TCM_PARENT), protocol, info >>> 16,
                c.kind, c.chain, o, c.stats, c.raw);
    }

    /**
     * Writes a {@code struct tcmsg} (family AF_UNSPEC).
     *
     * @param w       the writer
     * @param ifindex {@code tcm_ifindex}
     * @param handle  {@code tcm_handle}
     * @param parent  {@code tcm_parent}
     * @param info    {@code tcm_info}
     */
    public static void tcmsg(PayloadWriter w, int ifindex, int handle, int parent, int info) {
        w.putU8(0).putU8(0).putU16(0).putU32(ifindex).putU32(handle).putU32(parent).putU32(info);
    }

    /**
     * {@return {@code tcm_info} of a filter: its priority and Ethernet protocol ({@code TC_H_MAKE(pref << 16,
     * htons(protocol))})}
     *
     * @param pref     the priority, 0..0xffff (0: the kernel picks one)
     * @param protocol the Ethernet protocol in host order ({@link Tca#ETH_P_ALL}, …), 0..0xffff
     */
    public static int filterInfo(int pref, int protocol) {
        return pref << 16 | swap16(protocol);
    }

    /**
     * The payload of a dump request ({@code RTM_GETQDISC}, {@code RTM_GETTCLASS}, {@code RTM_GETTFILTER}):
     * a tcmsg naming the link (0 for all, qdiscs only) and the parent (filters).
     *
     * @param ifindex the link, or 0
     * @param parent  {@code tcm_parent}, or 0
     * @return the encoder
     */
    public static NetlinkConnection.Encoder dumpRequest(int ifindex, int parent) {
        return w -> tcmsg(w, ifindex, 0, parent, 0);
    }

    /** {@code htons}/{@code ntohs}: swaps a 16-bit value on a little-endian machine. */
    static int swap16(int v) {
        return ByteOrder.nativeOrder() == ByteOrder.LITTLE_ENDIAN ? Short.toUnsignedInt(Short.reverseBytes((short) v)) : v;
    }

    /**
     * {@return the payload of an {@code RTM_NEWQDISC} request (tc qdisc add/replace): tcmsg, kind, options}
     *
     * @param ifindex the link
     * @param parent  {@code tcm_parent}
     * @param handle  {@code tcm_handle}
     * @param spec    the kind and its options
     */
    public static NetlinkConnection.Encoder qdiscRequest(int ifindex, int parent, int handle, QdiscSpec spec) {
        return w -> {
            tcmsg(w, ifindex, handle, parent, 0);
            w.attrString(Tca.TCA_KIND, spec.kind());
            TcOptionsCodec.encodeQdisc(w, spec);
        };
    }

    /**
     * {@return the payload of an {@code RTM_NEWTCLASS} request for an htb class (tc class add/replace)}
     *
     * @param ifindex the link
     * @param parent  {@code tcm_parent}
     * @param classId {@code tcm_handle}
     * @param spec    rates, bursts, prio, quantum
     */
    public static NetlinkConnection.Encoder classRequest(int ifindex, int parent, int classId, HtbClassSpec spec) {
        return w -> {
            tcmsg(w, ifindex, classId, parent, 0);
            w.attrString(Tca.TCA_KIND, "htb");
            TcOptionsCodec.encodeHtbClass(w, spec);
        };
    }

    /**
     * {@return the payload of an {@code RTM_NEWTFILTER} request for a u32 filter (tc filter add/replace)}
     *
     * @param ifindex the link
     * @param parent  {@code tcm_parent}
     * @param spec    protocol, priority, handle, chain, keys, class
     */
    public static NetlinkConnection.Encoder filterRequest(int ifindex, int parent, U32FilterSpec spec) {
        return w -> {
            tcmsg(w, ifindex, spec.handle(), parent, filterInfo(spec.pref(), spec.protocol()));
            w.attrString(Tca.TCA_KIND, "u32");
            if (spec.chain() >= 0) w.attrU32(Tca.TCA_CHAIN, (int) spec.chain());
            TcOptionsCodec.encodeU32(w, spec);
        };
    }

    static int s32(MemorySegment s, long off) {
        return s.get(ValueLayout.JAVA_INT_UNALIGNED, off);
    }
}
