package dev.ffsock.netlink.route;

import dev.ffsock.netlink.Attributes;
import dev.ffsock.netlink.NetlinkConnection;
import dev.ffsock.netlink.NetlinkFormatException;
import dev.ffsock.netlink.NetlinkMessage;

import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

/**
 * Decodes {@code RTM_NEWLINK}/{@code RTM_DELLINK} messages into {@link Link} and encodes link
 * requests. Unknown attributes, and known ones with an unexpected length, are kept in
 * {@link Link#raw()}; only a malformed message structure (a fixed header or attribute header
 * overrunning the message) throws {@link dev.ffsock.netlink.NetlinkFormatException}.
 */
public final class LinkCodec {
    /** {@code sizeof(struct ifinfomsg)}. */
    public static final int IFINFOMSG_SIZE = 16;
    /** C IFLA_STATS64. */
    public static final int IFLA_STATS64 = 23;
    /** C IFLA_PROTO_DOWN. */
    public static final int IFLA_PROTO_DOWN = 39;
    /** C RTEXT_FILTER_VF (for {@code IFLA_EXT_MASK}). */
    public static final int RTEXT_FILTER_VF = 1;
    /** C RTEXT_FILTER_SKIP_STATS (for {@code IFLA_EXT_MASK}). */
    public static final int RTEXT_FILTER_SKIP_STATS = 1 << 3;

    private LinkCodec() {
    }

    /**
     * Decodes a link message.
     *
     * @param m an {@code RTM_NEWLINK} or {@code RTM_DELLINK} message
     * @return the link, or null for another message type
     * @throws dev.ffsock.netlink.NetlinkFormatException if the message is structurally malformed
     */
    public static Link decode(NetlinkMessage m) {
        return new Reader().decode(m);
    }

    /**
     * Decodes the links of one dump, reusing its attribute cursor and its buffer for uninterpreted
     * attributes from message to message. Not thread-safe.
     */
    static final class Reader {
        private Attributes attrs;
        private final RawAttributes.Builder kept = new RawAttributes.Builder();

        Link decode(NetlinkMessage m) {
            if (m.type() != Rtnl.RTM_NEWLINK && m.type() != Rtnl.RTM_DELLINK) return null;
            Attributes a = attrs = m.attributes(IFINFOMSG_SIZE, attrs);
            kept.clear();
            int type = m.payloadU16(2);
            int index = m.payloadS32(4);
            int flags = m.payloadS32(8);
            String name = null, qdisc = null, kind = null, slaveKind = null, alias = null;
            int mtu = 0, minMtu = 0, maxMtu = 0, txqlen = -1, group = -1, linkMode = -1, master = 0, link = -1;
            int promiscuity = -1;
            boolean protoDown = false;
            OptionalInt netnsid = OptionalInt.empty();
            byte[] address = null, broadcast = null, perm = null;
            OperState oper = null;
            LinkStats stats = null;
            List<String> altNames = null;
            RawAttributes.Builder raw = kept;
            while (a.next()) {
                int len = a.length();
                switch (a.type()) {
                    case Rtnl.IFLA_IFNAME -> name = a.string();
                    case Rtnl.IFLA_QDISC -> qdisc = a.string();
                    case Rtnl.IFLA_IFALIAS -> alias = a.string();
                    case Rtnl.IFLA_ADDRESS -> address = a.bytes();
                    case Rtnl.IFLA_BROADCAST -> broadcast = a.bytes();
                    case Rtnl.IFLA_PERM_ADDRESS -> perm = a.bytes();
                    case Rtnl.IFLA_MTU -> { if (len == 4) mtu = a.u32(); else raw.keep(a); }
                    case Rtnl.IFLA_MIN_MTU -> { if (len == 4) minMtu = a.u32(); else raw.keep(a); }
                    case Rtnl.IFLA_MAX_MTU -> { if (len == 4) maxMtu = a.u32(); else raw.keep(a); }
                    case Rtnl.IFLA_TXQLEN -> { if (len == 4) txqlen = a.u32(); else raw.keep(a); }
                    case Rtnl.IFLA_GROUP -> { if (len == 4) group = a.u32(); else raw.keep(a); }
                    case Rtnl.IFLA_MASTER -> { if (len == 4) master = a.u32(); else raw.keep(a); }
                    case Rtnl.IFLA_LINK -> { if (len == 4) link = a.u32(); else raw.keep(a); }
                    case Rtnl.IFLA_PROMISCUITY -> { if (len == 4) promiscuity = a.u32(); else raw.keep(a); }
                    case Rtnl.IFLA_LINK_NETNSID -> {
                        if (len == 4) netnsid = OptionalInt.of(a.s32()); else raw.keep(a);
                    }
                    case Rtnl.IFLA_OPERSTATE -> { if (len == 1) oper = new OperState(a.u8()); else raw.keep(a); }
                    case Rtnl.IFLA_LINKMODE -> { if (len == 1) linkMode = a.u8(); else raw.keep(a); }
                    case IFLA_PROTO_DOWN -> { if (len == 1) protoDown = a.u8() != 0; else raw.keep(a); }
                    case IFLA_STATS64 -> {
                        if (len >= 8 * 23 && len % 8 == 0) stats = stats(a.segment()); else raw.keep(a);
                    }
                    case Rtnl.IFLA_LINKINFO -> {
                        raw.keep(a); // the whole nest stays available (info_data is kind-specific)
                        String[] kinds = linkKinds(a);
                        kind = kinds[0];
                        slaveKind = kinds[1];
                    }
                    case Rtnl.IFLA_PROP_LIST -> {
                        try {
                            List<String> names = new ArrayList<>();
                            Attributes n = a.nested();
                            while (n.next()) {
                                if (n.type() == Rtnl.IFLA_ALT_IFNAME) names.add(n.string());
                            }
                            altNames = names;
                        } catch (NetlinkFormatException e) {
                            raw.keep(a);
                        }
                    }
                    default -> raw.keep(a);
                }
            }
            return new Link(index, name, flags, new LinkType(type), mtu, minMtu, maxMtu, address, broadcast, perm, oper,
                    linkMode, qdisc, txqlen, group, kind, slaveKind, master, link, netnsid, altNames, alias,
                    promiscuity, protoDown, stats, raw.take());
        }
    }

    /** {@code IFLA_INFO_KIND} and {@code IFLA_INFO_SLAVE_KIND} of a linkinfo nest (nulls if absent or malformed). */
    private static String[] linkKinds(Attributes a) {
        String[] k = new String[2];
        try {
            Attributes n = a.nested();
            while (n.next()) {
                if (n.type() == Rtnl.IFLA_INFO_KIND) k[0] = n.string();
                else if (n.type() == Rtnl.IFLA_INFO_SLAVE_KIND) k[1] = n.string();
            }
        } catch (NetlinkFormatException e) {
            // a malformed nest: the kinds found before it stand; the nest is in raw anyway
        }
        return k;
    }

    private static LinkStats stats(MemorySegment s) {
        int n = (int) Math.min(s.byteSize() / 8, LinkStats.COUNTERS);
        long[] v = new long[n];
        for (int i = 0; i < n; i++) v[i] = s.get(java.lang.foreign.ValueLayout.JAVA_LONG_UNALIGNED, i * 8L);
        return LinkStats.of(v);
    }

    /** Writes a zeroed {@code struct ifinfomsg} with {@code ifi_index}. */
    static void header(dev.ffsock.netlink.PayloadWriter w, int family, int index) {
        w.putU8(family).putU8(0).putU16(0).putU32(index).putU32(0).putU32(0);
    }

    /**
     * {@return the payload of an {@code RTM_GETLINK} dump request: an empty {@code ifinfomsg} and
     * {@code IFLA_EXT_MASK} asking for VF information as {@code ip link} does}
     */
    public static NetlinkConnection.Encoder dumpRequest() {
        return w -> {
            header(w, 0, 0);
            w.attrU32(Rtnl.IFLA_EXT_MASK, RTEXT_FILTER_VF);
        };
    }

    /**
     * {@return the payload of an {@code RTM_GETLINK} request for one link by index}
     *
     * @param index the link's ifindex
     */
    public static NetlinkConnection.Encoder getRequest(int index) {
        return w -> {
            header(w, 0, index);
            w.attrU32(Rtnl.IFLA_EXT_MASK, RTEXT_FILTER_VF);
        };
    }

    /**
     * {@return the payload of an {@code RTM_GETLINK} request for one link by name: {@code IFLA_IFNAME},
     * or {@code IFLA_ALT_IFNAME} for names longer than 15 bytes (alternative names)}
     *
     * @param name the link's name
     */
    public static NetlinkConnection.Encoder getRequest(String name) {
        return w -> {
            header(w, 0, 0);
            w.attrU32(Rtnl.IFLA_EXT_MASK, RTEXT_FILTER_VF);
            int bytes = name.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
            w.attrString(bytes < 16 ? Rtnl.IFLA_IFNAME : Rtnl.IFLA_ALT_IFNAME, name);
        };
    }
}
