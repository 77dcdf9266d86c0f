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
 * Decodes {@code RTM_NEWRULE}/{@code RTM_DELRULE} messages into {@link Rule} and encodes rule
 * requests ({@code struct fib_rule_hdr} and {@code FRA_*} attributes). Unknown attributes and known
 * ones of unexpected length go to {@link Rule#raw()}; only a structurally malformed message throws
 * {@link NetlinkFormatException}.
 */
public final class RuleCodec {
    /** {@code sizeof(struct fib_rule_hdr)}. */
    public static final int FIB_RULE_HDR_SIZE = 12;
    /** {@code sizeof(struct fib_rule_uid_range)}. */
    public static final int UID_RANGE_SIZE = 8;
    /** {@code sizeof(struct fib_rule_port_range)}. */
    public static final int PORT_RANGE_SIZE = 4;

    private RuleCodec() {
    }

    /**
     * Decodes a rule message.
     *
     * @param m an {@code RTM_NEWRULE} or {@code RTM_DELRULE} message
     * @return the rule, or null for another message type
     * @throws NetlinkFormatException if the message is structurally malformed
     */
    public static Rule decode(NetlinkMessage m) {
        if (m.type() != Rtnl.RTM_NEWRULE && m.type() != Rtnl.RTM_DELRULE) return null;
        MemorySegment h = m.payloadHeader(FIB_RULE_HDR_SIZE);
        int family = Fields.u8(h, 0);
        int dstLen = Fields.u8(h, 1);
        int srcLen = Fields.u8(h, 2);
        int tos = Fields.u8(h, 3);
        long table = Fields.u8(h, 4);
        int action = Fields.u8(h, 7);
        int flags = Fields.s32(h, 8);
        InetAddress dst = null, src = null;
        String iif = null, oif = null;
        long priority = 0, fwmark = -1, fwmask = -1, gotoTarget = -1;
        int flow = 0, suppressPrefixLen = -1, suppressIfgroup = -1, protocol = -1, ipProto = -1;
        boolean l3mdev = false;
        UidRange uid = null;
        PortRange sport = null, dport = null;
        List<RawAttribute> raw = new ArrayList<>();
        Attributes a = m.attributes(FIB_RULE_HDR_SIZE);
        while (a.next()) {
            int len = a.length();
            switch (a.type()) {
                case FibRules.FRA_DST -> { dst = Fields.inet(a, family); if (dst == null) Fields.keep(a, raw); }
                case FibRules.FRA_SRC -> { src = Fields.inet(a, family); if (src == null) Fields.keep(a, raw); }
                case FibRules.FRA_IIFNAME -> iif = a.string();
                case FibRules.FRA_OIFNAME -> oif = a.string();
                case FibRules.FRA_PRIORITY -> { if (len == 4) priority = Integer.toUnsignedLong(a.u32()); else Fields.keep(a, raw); }
                case FibRules.FRA_FWMARK -> { if (len == 4) fwmark = Integer.toUnsignedLong(a.u32()); else Fields.keep(a, raw); }
                case FibRules.FRA_FWMASK -> { if (len == 4) fwmask = Integer.toUnsignedLong(a.u32()); else Fields.keep(a, raw); }
                case FibRules.FRA_FLOW -> { if (len == 4) flow = a.u32(); else Fields.keep(a, raw); }
                case FibRules.FRA_GOTO -> { if (len == 4) gotoTarget = Integer.toUnsignedLong(a.u32()); else Fields.keep(a, raw); }
                case FibRules.FRA_TABLE -> { if (len == 4) table = Integer.toUnsignedLong(a.u32()); else Fields.keep(a, raw); }
                case FibRules.FRA_SUPPRESS_PREFIXLEN -> { if (len == 4) suppressPrefixLen = a.u32(); else Fields.keep(a, raw); }
                case FibRules.FRA_SUPPRESS_IFGROUP -> { if (len == 4) suppressIfgroup = a.u32(); else Fields.keep(a, raw); }
                case FibRules.FRA_L3MDEV -> { if (len == 1) l3mdev = a.u8() != 0; else Fields.keep(a, raw); }
                case FibRules.FRA_PROTOCOL -> { if (len == 1) protocol = a.u8(); else Fields.keep(a, raw); }
                case FibRules.FRA_IP_PROTO -> { if (len == 1) ipProto = a.u8(); else Fields.keep(a, raw); }
                case FibRules.FRA_UID_RANGE -> {
                    if (len == UID_RANGE_SIZE) {
                        MemorySegment s = a.segment();
                        uid = new UidRange(Integer.toUnsignedLong(Fields.s32(s, 0)), Integer.toUnsignedLong(Fields.s32(s, 4)));
                    } else {
                        Fields.keep(a, raw);
                    }
                }
                case FibRules.FRA_SPORT_RANGE -> { sport = ports(a); if (sport == null) Fields.keep(a, raw); }
                case FibRules.FRA_DPORT_RANGE -> { dport = ports(a); if (dport == null) Fields.keep(a, raw); }
                default -> Fields.keep(a, raw);
            }
        }
        return new Rule(family, dstLen, srcLen, tos, table, new RuleAction(action), flags, dst, src, iif, oif, priority,
                fwmark, fwmask, flow, gotoTarget, suppressPrefixLen, suppressIfgroup, l3mdev, uid, protocol, ipProto,
                sport, dport, raw);
    }

    private static PortRange ports(Attributes a) {
        if (a.length() != PORT_RANGE_SIZE) return null;
        MemorySegment s = a.segment();
        return new PortRange(Fields.u16(s, 0), Fields.u16(s, 2));
    }

    /**
     * The payload of an {@code RTM_GETRULE} dump request ({@code ip rule show}).
     *
     * @param family AF_INET, AF_INET6 or 0 for both
     * @return the encoder
     */
    public static NetlinkConnection.Encoder dumpRequest(int family) {
        return w -> w.putU8(family).putU8(0).putU8(0).putU8(0).putU8(0).putU8(0).putU8(0).putU8(0).putU32(0);
    }

    /** Writes an {@code RTM_NEWRULE} (add) or {@code RTM_DELRULE} payload for {@code r}, as {@code ip rule add|del} does. */
    static void encode(PayloadWriter w, RuleSpec r, boolean add) {
        RuleAction action = add ? r.actionForAdd() : r.action();
        long table = add ? r.tableForAdd() : Math.max(r.table(), 0);
        w.putU8(r.family()).putU8(r.dstLen()).putU8(r.srcLen()).putU8(r.tos())
                .putU8(table > 0 && table < 256 ? (int) table : Rtnl.RT_TABLE_UNSPEC).putU8(0).putU8(0)
                .putU8(action == null ? FibRules.FR_ACT_UNSPEC : action.value())
                .putU32(r.inverted() ? FibRules.FIB_RULE_INVERT : 0);
        if (table >= 256) w.attrU32(FibRules.FRA_TABLE, (int) table);
        if (r.priority() >= 0) w.attrU32(FibRules.FRA_PRIORITY, (int) r.priority());
        if (r.src() != null) w.attrInetAddress(FibRules.FRA_SRC, r.src());
        if (r.dst() != null) w.attrInetAddress(FibRules.FRA_DST, r.dst());
        if (r.fwmark() >= 0) w.attrU32(FibRules.FRA_FWMARK, (int) r.fwmark());
        if (r.fwmask() >= 0) w.attrU32(FibRules.FRA_FWMASK, (int) r.fwmask());
        if (r.iif() != null) w.attrString(FibRules.FRA_IIFNAME, r.iif());
        if (r.oif() != null) w.attrString(FibRules.FRA_OIFNAME, r.oif());
        if (r.gotoTarget() >= 0) w.attrU32(FibRules.FRA_GOTO, (int) r.gotoTarget());
        if (r.suppressPrefixLen() >= 0) w.attrU32(FibRules.FRA_SUPPRESS_PREFIXLEN, r.suppressPrefixLen());
        if (r.suppressIfgroup() >= 0) w.attrU32(FibRules.FRA_SUPPRESS_IFGROUP, r.suppressIfgroup());
        if (r.isL3mdev()) w.attrU8(FibRules.FRA_L3MDEV, 1);
        if (r.uidRange() != null) {
            w.attrBytes(FibRules.FRA_UID_RANGE, ByteBuffer.allocate(UID_RANGE_SIZE).order(ByteOrder.nativeOrder())
                    .putInt((int) r.uidRange().start()).putInt((int) r.uidRange().end()).array());
        }
        if (r.protocol() >= 0) w.attrU8(FibRules.FRA_PROTOCOL, r.protocol());
        if (r.ipProto() >= 0) w.attrU8(FibRules.FRA_IP_PROTO, r.ipProto());
        ports(w, FibRules.FRA_SPORT_RANGE, r.sport());
        ports(w, FibRules.FRA_DPORT_RANGE, r.dport());
    }

    private static void ports(PayloadWriter w, int type, PortRange p) {
        if (p == null) return;
        w.attrBytes(type, ByteBuffer.allocate(PORT_RANGE_SIZE).order(ByteOrder.nativeOrder())
                .putShort((short) p.start()).putShort((short) p.end()).array());
    }
}
