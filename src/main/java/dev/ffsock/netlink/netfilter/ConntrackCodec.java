package dev.ffsock.netlink.netfilter;

import static dev.ffsock.netlink.netfilter.Ctnetlink.*;

import dev.ffsock.netlink.Attributes;
import dev.ffsock.netlink.NetlinkFormatException;
import dev.ffsock.netlink.NetlinkMessage;
import dev.ffsock.netlink.PayloadWriter;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.BitSet;

/**
 * The wire form of ctnetlink: decodes IPCTNL_MSG_CT_NEW/_DELETE messages (dumps, gets, events) into
 * {@link ConntrackEntry} and IPCTNL_MSG_EXP_NEW ones into {@link ConntrackExpectation}, and writes
 * tuples and entries as attributes. Integers are big-endian on the wire (the kernel's
 * {@code nla_put_be32}, without NLA_F_NET_BYTEORDER). Unknown attributes are skipped; a known one
 * of the wrong length, a truncated header or a tuple without its addresses throws
 * {@link NetlinkFormatException}.
 */
public final class ConntrackCodec {
    private ConntrackCodec() {
    }

    /**
     * Decodes a conntrack entry message.
     *
     * @param m an IPCTNL_MSG_CT_NEW or IPCTNL_MSG_CT_DELETE message of subsystem NFNL_SUBSYS_CTNETLINK
     * @return the entry, or null for another message type
     * @throws NetlinkFormatException if the message is malformed
     */
    public static ConntrackEntry decodeEntry(NetlinkMessage m) {
        if (Nfnetlink.subsystem(m.type()) != Nfnetlink.NFNL_SUBSYS_CTNETLINK) return null;
        int msg = Nfnetlink.message(m.type());
        if (msg != IPCTNL_MSG_CT_NEW && msg != IPCTNL_MSG_CT_DELETE) return null;
        int family = Nfnetlink.family(m);
        ConntrackTuple orig = null, reply = null;
        long status = -1, timeout = -1, mark = -1, use = -1, id = -1;
        int zone = -1;
        TcpConntrackState tcp = null;
        ConntrackCounters co = null, cr = null;
        BitSet labels = null;
        String helper = null;
        Attributes a = m.attributes(Nfnetlink.NFGENMSG_SIZE);
        while (a.next()) {
            switch (a.type()) {
                case CTA_TUPLE_ORIG -> orig = decodeTuple(a);
                case CTA_TUPLE_REPLY -> reply = decodeTuple(a);
                case CTA_STATUS -> status = Integer.toUnsignedLong(a.be32());
                case CTA_TIMEOUT -> timeout = Integer.toUnsignedLong(a.be32());
                case CTA_MARK -> mark = Integer.toUnsignedLong(a.be32());
                case CTA_USE -> use = Integer.toUnsignedLong(a.be32());
                case CTA_ID -> id = Integer.toUnsignedLong(a.be32());
                case CTA_ZONE -> zone = a.be16();
                case CTA_PROTOINFO -> tcp = decodeTcpState(a.nested(), tcp);
                case CTA_COUNTERS_ORIG -> co = decodeCounters(a.nested());
                case CTA_COUNTERS_REPLY -> cr = decodeCounters(a.nested());
                case CTA_LABELS -> labels = BitSet.valueOf(a.segment().asByteBuffer());
                case CTA_HELP -> helper = decodeHelperName(a.nested(), helper);
                default -> { }
            }
        }
        return new ConntrackEntry(family, orig, reply, status, timeout, tcp, mark, zone, co, cr, labels, use, id, helper);
    }

    /**
     * Decodes an expectation message.
     *
     * @param m an IPCTNL_MSG_EXP_NEW message of subsystem NFNL_SUBSYS_CTNETLINK_EXP
     * @return the expectation, or null for another message type
     * @throws NetlinkFormatException if the message is malformed
     */
    public static ConntrackExpectation decodeExpectation(NetlinkMessage m) {
        if (Nfnetlink.subsystem(m.type()) != Nfnetlink.NFNL_SUBSYS_CTNETLINK_EXP) return null;
        if (Nfnetlink.message(m.type()) != IPCTNL_MSG_EXP_NEW) return null;
        int family = Nfnetlink.family(m);
        ConntrackTuple master = null, tuple = null, mask = null;
        long timeout = -1, id = -1, flags = -1, cls = -1;
        int zone = -1;
        String helper = null;
        Attributes a = m.attributes(Nfnetlink.NFGENMSG_SIZE);
        while (a.next()) {
            switch (a.type()) {
                case CTA_EXPECT_MASTER -> master = decodeTuple(a);
                case CTA_EXPECT_TUPLE -> tuple = decodeTuple(a);
                case CTA_EXPECT_MASK -> mask = decodeTuple(a);
                case CTA_EXPECT_TIMEOUT -> timeout = Integer.toUnsignedLong(a.be32());
                case CTA_EXPECT_ID -> id = Integer.toUnsignedLong(a.be32());
                case CTA_EXPECT_HELP_NAME -> helper = a.string();
                case CTA_EXPECT_ZONE -> zone = a.be16();
                case CTA_EXPECT_FLAGS -> flags = Integer.toUnsignedLong(a.be32());
                case CTA_EXPECT_CLASS -> cls = Integer.toUnsignedLong(a.be32());
                default -> { }
            }
        }
        return new ConntrackExpectation(family, master, tuple, mask, timeout, id, helper, zone, flags, cls);
    }

    /** Decodes the nested tuple the cursor is on (CTA_TUPLE_IP, CTA_TUPLE_PROTO, CTA_TUPLE_ZONE). */
    private static ConntrackTuple decodeTuple(Attributes outer) {
        long at = outer.offset();
        InetAddress src = null, dst = null;
        int proto = -1, sport = -1, dport = -1, icmpId = -1, icmpType = -1, icmpCode = -1, zone = -1;
        Attributes t = outer.nested();
        while (t.next()) {
            switch (t.type()) {
                case CTA_TUPLE_IP -> {
                    Attributes ip = t.nested();
                    while (ip.next()) {
                        switch (ip.type()) {
                            case CTA_IP_V4_SRC -> src = address(ip, 4);
                            case CTA_IP_V4_DST -> dst = address(ip, 4);
                            case CTA_IP_V6_SRC -> src = address(ip, 16);
                            case CTA_IP_V6_DST -> dst = address(ip, 16);
                            default -> { }
                        }
                    }
                }
                case CTA_TUPLE_PROTO -> {
                    Attributes p = t.nested();
                    while (p.next()) {
                        switch (p.type()) {
                            case CTA_PROTO_NUM -> proto = p.u8();
                            case CTA_PROTO_SRC_PORT -> sport = p.be16();
                            case CTA_PROTO_DST_PORT -> dport = p.be16();
                            case CTA_PROTO_ICMP_ID, CTA_PROTO_ICMPV6_ID -> icmpId = p.be16();
                            case CTA_PROTO_ICMP_TYPE, CTA_PROTO_ICMPV6_TYPE -> icmpType = p.u8();
                            case CTA_PROTO_ICMP_CODE, CTA_PROTO_ICMPV6_CODE -> icmpCode = p.u8();
                            default -> { }
                        }
                    }
                }
                case CTA_TUPLE_ZONE -> zone = t.be16();
                default -> { }
            }
        }
        if (proto < 0) proto = 0;
        try {
            return new ConntrackTuple(src, dst, proto, sport, dport, icmpId, icmpType, icmpCode, zone);
        } catch (IllegalArgumentException e) {
            throw new NetlinkFormatException("conntrack tuple: " + e.getMessage(), at);
        }
    }

    private static InetAddress address(Attributes a, int len) {
        if (a.length() != len) {
            throw new NetlinkFormatException("conntrack address attribute " + a.type() + " has " + a.length()
                    + " bytes, needs " + len, a.offset());
        }
        return a.inetAddress();
    }

    private static TcpConntrackState decodeTcpState(Attributes info, TcpConntrackState previous) {
        TcpConntrackState state = previous;
        while (info.next()) {
            if (info.type() != CTA_PROTOINFO_TCP) continue;
            Attributes tcp = info.nested();
            while (tcp.next()) {
                if (tcp.type() != CTA_PROTOINFO_TCP_STATE) continue;
                int v = tcp.u8();
                state = TcpConntrackState.of(v);
                if (state == null) throw new NetlinkFormatException("unknown TCP conntrack state " + v, tcp.offset());
            }
        }
        return state;
    }

    private static ConntrackCounters decodeCounters(Attributes c) {
        long packets = 0, bytes = 0;
        while (c.next()) {
            switch (c.type()) {
                case CTA_COUNTERS_PACKETS -> packets = c.be64();
                case CTA_COUNTERS_BYTES -> bytes = c.be64();
                default -> { }
            }
        }
        return new ConntrackCounters(packets, bytes);
    }

    private static String decodeHelperName(Attributes help, String previous) {
        String name = previous;
        while (help.next()) {
            if (help.type() == CTA_HELP_NAME) name = help.string();
        }
        return name;
    }

    // ---- writing ------------------------------------------------------------------------------

    /**
     * Writes a tuple as the nested attribute {@code type} (CTA_TUPLE_ORIG, CTA_TUPLE_REPLY,
     * CTA_EXPECT_TUPLE, …): what {@code conntrack -D}/{@code -G} send to name an entry.
     *
     * @param w     the writer
     * @param type  the attribute type of the nest
     * @param tuple the tuple
     */
    public static void writeTuple(PayloadWriter w, int type, ConntrackTuple tuple) {
        int nest = w.beginNested(type);
        int ip = w.beginNested(CTA_TUPLE_IP);
        boolean v4 = tuple.source() instanceof Inet4Address;
        w.attrBytes(v4 ? CTA_IP_V4_SRC : CTA_IP_V6_SRC, tuple.source().getAddress());
        w.attrBytes(v4 ? CTA_IP_V4_DST : CTA_IP_V6_DST, tuple.destination().getAddress());
        w.endNested(ip);
        int proto = w.beginNested(CTA_TUPLE_PROTO);
        w.attrU8(CTA_PROTO_NUM, tuple.protocol());
        if (tuple.sourcePort() >= 0) w.attrBE16(CTA_PROTO_SRC_PORT, tuple.sourcePort());
        if (tuple.destinationPort() >= 0) w.attrBE16(CTA_PROTO_DST_PORT, tuple.destinationPort());
        if (tuple.icmpId() >= 0) w.attrBE16(v4 ? CTA_PROTO_ICMP_ID : CTA_PROTO_ICMPV6_ID, tuple.icmpId());
        if (tuple.icmpType() >= 0) w.attrU8(v4 ? CTA_PROTO_ICMP_TYPE : CTA_PROTO_ICMPV6_TYPE, tuple.icmpType());
        if (tuple.icmpCode() >= 0) w.attrU8(v4 ? CTA_PROTO_ICMP_CODE : CTA_PROTO_ICMPV6_CODE, tuple.icmpCode());
        w.endNested(proto);
        if (tuple.zone() >= 0) w.attrBE16(CTA_TUPLE_ZONE, tuple.zone());
        w.endNested(nest);
    }

    /**
     * Writes an entry's nfgenmsg header and attributes, every field that is present (the form the
     * kernel sends; IPCTNL_MSG_CT_NEW takes the same).
     *
     * @param w the writer, after the nlmsghdr
     * @param e the entry
     */
    public static void writeEntry(PayloadWriter w, ConntrackEntry e) {
        Nfnetlink.writeHeader(w, e.family(), 0);
        if (e.original() != null) writeTuple(w, CTA_TUPLE_ORIG, e.original());
        if (e.reply() != null) writeTuple(w, CTA_TUPLE_REPLY, e.reply());
        if (e.status() >= 0) w.attrBE32(CTA_STATUS, (int) e.status());
        if (e.timeout() >= 0) w.attrBE32(CTA_TIMEOUT, (int) e.timeout());
        if (e.mark() >= 0) w.attrBE32(CTA_MARK, (int) e.mark());
        if (e.tcpState() != null) {
            int info = w.beginNested(CTA_PROTOINFO);
            int tcp = w.beginNested(CTA_PROTOINFO_TCP);
            w.attrU8(CTA_PROTOINFO_TCP_STATE, e.tcpState().value());
            w.endNested(tcp);
            w.endNested(info);
        }
        if (e.originalCounters() != null) writeCounters(w, CTA_COUNTERS_ORIG, e.originalCounters());
        if (e.replyCounters() != null) writeCounters(w, CTA_COUNTERS_REPLY, e.replyCounters());
        if (e.zone() >= 0) w.attrBE16(CTA_ZONE, e.zone());
        if (e.labels() != null) w.attrBytes(CTA_LABELS, java.util.Arrays.copyOf(e.labels().toByteArray(), 16));
        if (e.helper() != null) {
            int help = w.beginNested(CTA_HELP);
            w.attrString(CTA_HELP_NAME, e.helper());
            w.endNested(help);
        }
        if (e.use() >= 0) w.attrBE32(CTA_USE, (int) e.use());
        if (e.id() >= 0) w.attrBE32(CTA_ID, (int) e.id());
    }

    private static void writeCounters(PayloadWriter w, int type, ConntrackCounters c) {
        int nest = w.beginNested(type);
        w.attrBytes(CTA_COUNTERS_PACKETS, be64(c.packets()));
        w.attrBytes(CTA_COUNTERS_BYTES, be64(c.bytes()));
        w.endNested(nest);
    }

    private static byte[] be64(long v) {
        return java.nio.ByteBuffer.allocate(8).putLong(v).array();
    }
}
