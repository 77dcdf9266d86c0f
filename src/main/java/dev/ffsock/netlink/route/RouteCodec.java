package dev.ffsock.netlink.route;

import dev.ffsock.netlink.Attributes;
import dev.ffsock.netlink.NetlinkConnection;
import dev.ffsock.netlink.NetlinkFormatException;
import dev.ffsock.netlink.NetlinkMessage;

import java.lang.foreign.MemorySegment;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Decodes {@code RTM_NEWROUTE}/{@code RTM_DELROUTE} messages into {@link Route} and encodes route
 * dump requests. Unknown attributes, known ones of unexpected length, and malformed nests
 * ({@code RTA_MULTIPATH}, {@code RTA_METRICS}) go to {@link Route#raw()}; only a structurally
 * malformed message throws {@link NetlinkFormatException}.
 */
public final class RouteCodec {
    /** {@code sizeof(struct rtmsg)}. */
    public static final int RTMSG_SIZE = 12;
    /** {@code sizeof(struct rtnexthop)}. */
    public static final int RTNEXTHOP_SIZE = 8;

    private RouteCodec() {
    }

    /**
     * Decodes a route message.
     *
     * @param m an {@code RTM_NEWROUTE} or {@code RTM_DELROUTE} message
     * @return the route, or null for another message type
     * @throws NetlinkFormatException if the message is structurally malformed
     */
    public static Route decode(NetlinkMessage m) {
        return new Reader().decode(m);
    }

    /**
     * Decodes the routes of one dump: reuses its attribute cursor from message to message, so a
     * route costs the {@link Route} and its addresses and nothing else. Not thread-safe.
     */
    static final class Reader {
        private Attributes attrs;

        Route decode(NetlinkMessage m) {
            if (m.type() != Rtnl.RTM_NEWROUTE && m.type() != Rtnl.RTM_DELROUTE) return null;
            Attributes a = attrs = m.attributes(RTMSG_SIZE, attrs);
            int family = m.payloadU8(0);
            int table = m.payloadU8(4);
            InetAddress dst = null, src = null, gateway = null, via = null, prefsrc = null;
            int iif = 0, oif = 0, pref = -1, flow = 0, nhId = 0;
            long priority = -1, mark = -1;
            Map<Integer, Long> metrics = null;
            String cc = null;
            List<NextHop> hops = null;
            RouteCacheInfo cache = null;
            List<RawAttribute> raw = null;
            while (a.next()) {
                int len = a.length();
                boolean kept = true;
                switch (a.type()) {
                    case Rtnl.RTA_DST -> kept = (dst = Fields.inet(a, family)) != null;
                    case Rtnl.RTA_SRC -> kept = (src = Fields.inet(a, family)) != null;
                    case Rtnl.RTA_GATEWAY -> kept = (gateway = Fields.inet(a, family)) != null;
                    case Rtnl.RTA_PREFSRC -> kept = (prefsrc = Fields.inet(a, family)) != null;
                    case Rtnl.RTA_VIA -> kept = (via = via(a.segment())) != null;
                    case Rtnl.RTA_IIF -> { if (kept = len == 4) iif = a.u32(); }
                    case Rtnl.RTA_OIF -> { if (kept = len == 4) oif = a.u32(); }
                    case Rtnl.RTA_TABLE -> { if (kept = len == 4) table = a.u32(); }
                    case Rtnl.RTA_PRIORITY -> { if (kept = len == 4) priority = Integer.toUnsignedLong(a.u32()); }
                    case Rtnl.RTA_MARK -> { if (kept = len == 4) mark = Integer.toUnsignedLong(a.u32()); }
                    case Rtnl.RTA_FLOW -> { if (kept = len == 4) flow = a.u32(); }
                    case Rtnl.RTA_NH_ID -> { if (kept = len == 4) nhId = a.u32(); }
                    case Rtnl.RTA_PREF -> { if (kept = len == 1) pref = a.u8(); }
                    case Rtnl.RTA_CACHEINFO -> {
                        if (kept = len == RouteCacheInfo.SIZE) {
                            MemorySegment c = a.segment();
                            cache = new RouteCacheInfo(Fields.s32(c, 0), Fields.s32(c, 4), Fields.s32(c, 8),
                                    Fields.s32(c, 12), Fields.s32(c, 16), Fields.s32(c, 20), Fields.s32(c, 24),
                                    Fields.s32(c, 28));
                        }
                    }
                    case Rtnl.RTA_METRICS -> {
                        Metrics parsed = metrics(a);
                        if (kept = parsed != null) {
                            metrics = parsed.values;
                            if (parsed.algo != null) cc = parsed.algo;
                        }
                    }
                    case Rtnl.RTA_MULTIPATH -> kept = (hops = multipath(a.segment(), family)) != null;
                    default -> kept = false;
                }
                if (!kept) {
                    if (raw == null) raw = new ArrayList<>();
                    Fields.keep(a, raw);
                }
            }
            return new Route(family, m.payloadU8(1), m.payloadU8(2), m.payloadU8(3), table,
                    RouteProtocol.of(m.payloadU8(5)), Scope.of(m.payloadU8(6)), RouteType.of(m.payloadU8(7)),
                    m.payloadS32(8), dst, src, iif, oif, gateway, via, prefsrc, priority, metrics, cc, hops, cache,
                    pref, mark, flow, nhId, raw);
        }
    }

    /** {@code struct rtvia}: a 16-bit family then the address; null unless AF_INET/4 or AF_INET6/16 bytes. */
    private static InetAddress via(MemorySegment v) {
        if (v.byteSize() < 2) return null;
        int fam = Fields.u16(v, 0);
        byte[] addr = v.asSlice(2).toArray(java.lang.foreign.ValueLayout.JAVA_BYTE);
        if (fam == 2 && addr.length == 4 || fam == 10 && addr.length == 16) return Fields.inet(addr);
        return null;
    }

    /** An {@code RTA_METRICS} nest: the {@code RTAX_*} values and the congestion control name. */
    private record Metrics(Map<Integer, Long> values, String algo) {
    }

    /** Reads the {@code RTAX_*} nest; null if malformed. */
    private static Metrics metrics(Attributes a) {
        Map<Integer, Long> m = new LinkedHashMap<>();
        String algo = null;
        try {
            Attributes n = a.nested();
            while (n.next()) {
                if (n.type() == Rtnl.RTAX_CC_ALGO) {
                    algo = n.string();
                } else if (n.length() == 4) {
                    m.put(n.type(), Integer.toUnsignedLong(n.u32()));
                } else {
                    return null;
                }
            }
        } catch (NetlinkFormatException e) {
            return null;
        }
        return new Metrics(m, algo);
    }

    /** Parses {@code RTA_MULTIPATH}'s {@code rtnexthop} records; null if malformed. */
    private static List<NextHop> multipath(MemorySegment s, int family) {
        List<NextHop> out = new ArrayList<>();
        long off = 0;
        long size = s.byteSize();
        while (size - off >= RTNEXTHOP_SIZE) {
            int len = Fields.u16(s, off);
            if (len < RTNEXTHOP_SIZE || len > size - off) return null;
            int flags = Fields.u8(s, off + 2);
            int hops = Fields.u8(s, off + 3);
            int ifindex = Fields.s32(s, off + 4);
            InetAddress gw = null, via = null;
            int flow = 0;
            List<RawAttribute> raw = new ArrayList<>();
            try {
                Attributes n = Attributes.of(s.asSlice(off + RTNEXTHOP_SIZE, len - RTNEXTHOP_SIZE));
                while (n.next()) {
                    switch (n.type()) {
                        case Rtnl.RTA_GATEWAY -> { gw = Fields.inet(n, family); if (gw == null) Fields.keep(n, raw); }
                        case Rtnl.RTA_VIA -> { via = via(n.segment()); if (via == null) Fields.keep(n, raw); }
                        case Rtnl.RTA_FLOW -> { if (n.length() == 4) flow = n.u32(); else Fields.keep(n, raw); }
                        default -> Fields.keep(n, raw);
                    }
                }
            } catch (NetlinkFormatException e) {
                return null;
            }
            out.add(new NextHop(ifindex, hops + 1, flags, gw, via, flow, raw));
            off += (len + 3) & ~3;
        }
        return off >= size ? out : null;
    }

    /**
     * The payload of an {@code RTM_GETROUTE} dump request, filtered by the kernel when it supports
     * strict checking (it then sets {@code NLM_F_DUMP_FILTERED} on the replies).
     *
     * @param family   AF_INET, AF_INET6 or 0 for all
     * @param table    a table id, or 0 for all tables (sent in {@code rtm_table} and, above 255, {@code RTA_TABLE})
     * @param protocol an {@code RTPROT_*} value, or 0 for any
     * @param oif      an output link index, or 0 for any
     * @return the encoder
     */
    public static NetlinkConnection.Encoder dumpRequest(int family, int table, int protocol, int oif) {
        return w -> {
            w.putU8(family).putU8(0).putU8(0).putU8(0);
            w.putU8(table > 0 && table < 256 ? table : 0).putU8(protocol).putU8(0).putU8(0).putU32(0);
            if (table != 0) w.attrU32(Rtnl.RTA_TABLE, table);
            if (oif != 0) w.attrU32(Rtnl.RTA_OIF, oif);
        };
    }
}
