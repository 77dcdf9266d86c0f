package dev.ffsock.netlink.route;

import dev.ffsock.netlink.Attributes;
import dev.ffsock.netlink.NetlinkConnection;
import dev.ffsock.netlink.NetlinkFormatException;
import dev.ffsock.netlink.NetlinkMessage;
import dev.ffsock.netlink.PayloadWriter;

import java.lang.foreign.MemorySegment;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * Decodes {@code RTM_NEWNEXTHOP}/{@code RTM_DELNEXTHOP} messages into {@link Nexthop} and encodes
 * nexthop requests ({@code struct nhmsg} and {@code NHA_*} attributes). Unknown attributes, known
 * ones of unexpected length and malformed nests go to {@link Nexthop#raw()}; only a structurally
 * malformed message throws {@link NetlinkFormatException}.
 */
public final class NexthopCodec {
    /** {@code sizeof(struct nhmsg)}. */
    public static final int NHMSG_SIZE = 8;
    /** {@code sizeof(struct nexthop_grp)}. */
    public static final int NEXTHOP_GRP_SIZE = 8;

    private NexthopCodec() {
    }

    /**
     * Decodes a nexthop message.
     *
     * @param m an {@code RTM_NEWNEXTHOP} or {@code RTM_DELNEXTHOP} message
     * @return the nexthop object, or null for another message type
     * @throws NetlinkFormatException if the message is structurally malformed
     */
    public static Nexthop decode(NetlinkMessage m) {
        if (m.type() != Rtnl.RTM_NEWNEXTHOP && m.type() != Rtnl.RTM_DELNEXTHOP) return null;
        MemorySegment h = m.payloadHeader(NHMSG_SIZE);
        int family = Fields.u8(h, 0);
        int scope = Fields.u8(h, 1);
        int protocol = Fields.u8(h, 2);
        int flags = Fields.s32(h, 4);
        int id = 0, oif = 0, groupType = 0;
        InetAddress gateway = null;
        boolean blackhole = false, fdb = false;
        List<NexthopGroupMember> group = List.of();
        NexthopResilience res = null;
        List<RawAttribute> raw = new ArrayList<>();
        Attributes a = m.attributes(NHMSG_SIZE);
        while (a.next()) {
            int len = a.length();
            switch (a.type()) {
                case NexthopConstants.NHA_ID -> { if (len == 4) id = a.u32(); else Fields.keep(a, raw); }
                case NexthopConstants.NHA_OIF -> { if (len == 4) oif = a.u32(); else Fields.keep(a, raw); }
                case NexthopConstants.NHA_GATEWAY -> { gateway = Fields.inet(a, family); if (gateway == null) Fields.keep(a, raw); }
                case NexthopConstants.NHA_BLACKHOLE -> blackhole = true;
                case NexthopConstants.NHA_FDB -> fdb = true;
                case NexthopConstants.NHA_GROUP_TYPE -> { if (len == 2) groupType = a.u16(); else Fields.keep(a, raw); }
                case NexthopConstants.NHA_GROUP -> {
                    List<NexthopGroupMember> g = group(a.segment());
                    if (g == null) Fields.keep(a, raw); else group = g;
                }
                case NexthopConstants.NHA_RES_GROUP -> { res = resilience(a); if (res == null) Fields.keep(a, raw); }
                default -> Fields.keep(a, raw);
            }
        }
        return new Nexthop(id, family, new Scope(scope), new RouteProtocol(protocol), flags, gateway, oif, blackhole, fdb,
                group, groupType, res, raw);
    }

    /** {@code struct nexthop_grp} records; null if the length is not a multiple or an entry is invalid. */
    private static List<NexthopGroupMember> group(MemorySegment s) {
        long n = s.byteSize();
        if (n == 0 || n % NEXTHOP_GRP_SIZE != 0) return null;
        List<NexthopGroupMember> out = new ArrayList<>();
        for (long off = 0; off < n; off += NEXTHOP_GRP_SIZE) {
            int id = Fields.s32(s, off);
            if (id == 0) return null;
            out.add(new NexthopGroupMember(id, Fields.u8(s, off + 4) + 1));
        }
        return out;
    }

    private static NexthopResilience resilience(Attributes a) {
        int buckets = 0;
        long idle = 0, unbalancedTimer = 0, unbalancedTime = 0;
        try {
            Attributes n = a.nested();
            while (n.next()) {
                int len = n.length();
                switch (n.type()) {
                    case NexthopConstants.NHA_RES_GROUP_BUCKETS -> { if (len != 2) return null; buckets = n.u16(); }
                    case NexthopConstants.NHA_RES_GROUP_IDLE_TIMER -> { if (len != 4) return null; idle = Integer.toUnsignedLong(n.u32()); }
                    case NexthopConstants.NHA_RES_GROUP_UNBALANCED_TIMER -> {
                        if (len != 4) return null;
                        unbalancedTimer = Integer.toUnsignedLong(n.u32());
                    }
                    case NexthopConstants.NHA_RES_GROUP_UNBALANCED_TIME -> { if (len != 8) return null; unbalancedTime = n.u64(); }
                    default -> { }
                }
            }
        } catch (NetlinkFormatException e) {
            return null;
        }
        return new NexthopResilience(buckets, idle, unbalancedTimer, unbalancedTime);
    }

    /**
     * The payload of an {@code RTM_GETNEXTHOP} dump request ({@code ip nexthop show}).
     *
     * @param family AF_INET, AF_INET6 or 0 for all
     * @return the encoder
     */
    public static NetlinkConnection.Encoder dumpRequest(int family) {
        return w -> w.putU8(family).putU8(0).putU8(0).putU8(0).putU32(0);
    }

    /**
     * The payload of a filtered {@code RTM_GETNEXTHOP} dump request ({@code ip nexthop show dev DEV|groups|fdb}).
     *
     * @param f the filter
     * @return the encoder
     */
    public static NetlinkConnection.Encoder dumpRequest(NexthopFilter f) {
        return w -> {
            w.putU8(f.family()).putU8(0).putU8(0).putU8(0).putU32(0);
            if (f.oif() != 0) w.attrU32(NexthopConstants.NHA_OIF, f.oif());
            if (f.groups()) w.attrFlag(NexthopConstants.NHA_GROUPS);
            if (f.fdb()) w.attrFlag(NexthopConstants.NHA_FDB);
        };
    }

    /**
     * The payload of an {@code RTM_GETNEXTHOP} or {@code RTM_DELNEXTHOP} for one id ({@code ip nexthop get|del id ID}).
     *
     * @param id the nexthop's id
     * @return the encoder
     */
    public static NetlinkConnection.Encoder idRequest(int id) {
        return w -> {
            w.putU8(0).putU8(0).putU8(0).putU8(0).putU32(0);
            w.attrU32(NexthopConstants.NHA_ID, id);
        };
    }

    /** Writes an {@code RTM_NEWNEXTHOP} payload for {@code n}; {@code oif} is its device's index or 0. */
    static void encode(PayloadWriter w, NexthopObjectSpec n, int oif) {
        w.putU8(n.familyForAdd()).putU8(0).putU8(Math.max(n.protocol(), 0)).putU8(0)
                .putU32(n.isOnlink() ? Rtnl.RTNH_F_ONLINK : 0);
        w.attrU32(NexthopConstants.NHA_ID, n.id());
        if (!n.group().isEmpty()) {
            ByteBuffer b = ByteBuffer.allocate(n.group().size() * NEXTHOP_GRP_SIZE).order(ByteOrder.nativeOrder());
            for (NexthopGroupMember m : n.group()) b.putInt(m.id()).put((byte) (m.weight() - 1)).put((byte) 0).putShort((short) 0);
            w.attrBytes(NexthopConstants.NHA_GROUP, b.array());
            if (n.groupType() >= 0) w.attrU16(NexthopConstants.NHA_GROUP_TYPE, n.groupType());
            if (n.buckets() >= 0 || n.idleTimer() >= 0 || n.unbalancedTimer() >= 0) {
                int r = w.beginNested(NexthopConstants.NHA_RES_GROUP);
                if (n.buckets() >= 0) w.attrU16(NexthopConstants.NHA_RES_GROUP_BUCKETS, n.buckets());
                if (n.idleTimer() >= 0) w.attrU32(NexthopConstants.NHA_RES_GROUP_IDLE_TIMER, (int) (n.idleTimer() * 100));
                if (n.unbalancedTimer() >= 0) {
                    w.attrU32(NexthopConstants.NHA_RES_GROUP_UNBALANCED_TIMER, (int) (n.unbalancedTimer() * 100));
                }
                w.endNested(r);
            }
        }
        if (n.isBlackhole()) w.attrFlag(NexthopConstants.NHA_BLACKHOLE);
        if (oif != 0) w.attrU32(NexthopConstants.NHA_OIF, oif);
        if (n.gateway() != null) w.attrInetAddress(NexthopConstants.NHA_GATEWAY, n.gateway());
        if (n.isFdb()) w.attrFlag(NexthopConstants.NHA_FDB);
    }
}
