package dev.ffsock.netlink.diag;

import static dev.ffsock.netlink.diag.DiagLayout.*;

import dev.ffsock.Domain;
import dev.ffsock.Protocol;
import dev.ffsock.MptcpInfo;
import dev.ffsock.TcpInfo;
import dev.ffsock.netlink.Attributes;
import dev.ffsock.netlink.NetlinkFormatException;
import dev.ffsock.netlink.NetlinkMessage;
import dev.ffsock.netlink.PayloadWriter;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.LinkedHashMap;
import java.util.Map;

/** Writes {@code inet_diag_req_v2} and reads {@code inet_diag_msg} with its attributes. */
final class InetDiagCodec {
    private static final ValueLayout.OfInt U32 = ValueLayout.JAVA_INT_UNALIGNED;
    private static final ValueLayout.OfShort BE16 = ValueLayout.JAVA_SHORT_UNALIGNED.withOrder(java.nio.ByteOrder.BIG_ENDIAN);

    /** IPPROTO_MPTCP (linux/in.h). */
    static final int IPPROTO_MPTCP = Protocol.MPTCP.value();

    private InetDiagCodec() {
    }

    /**
     * Writes the request for a dump (the socket id is all zeros: no address filter), with its filter's
     * bytecode and, for a protocol above 255 (MPTCP), INET_DIAG_REQ_PROTOCOL.
     */
    static void encode(PayloadWriter w, InetRequest r) {
        int proto = r.protocol().value();
        w.putU8(r.family().value());
        w.putU8(proto > 0xff ? 0 : proto);
        w.putU8(r.extensions());
        w.putU8(0);
        w.putU32(r.states());
        w.putZeros(INET_DIAG_SOCKID_SIZE - 8);
        w.putU32(SockDiag.INET_DIAG_NOCOOKIE);
        w.putU32(SockDiag.INET_DIAG_NOCOOKIE);
        if (r.filter() != null) w.attrBytes(SockDiag.INET_DIAG_REQ_BYTECODE, r.filter().bytecode());
        if (proto > 0xff) w.attrU32(SockDiag.INET_DIAG_REQ_PROTOCOL, proto);
    }

    /**
     * Writes the request naming one socket exactly (SOCK_DESTROY, or a SOCK_DIAG_BY_FAMILY get): its
     * family, protocol, addresses, ports, interface and cookie as a dump reported them.
     */
    static void encodeSocket(PayloadWriter w, InetSocket s) {
        int proto = s.protocol().value();
        w.putU8(s.family().value());
        w.putU8(proto > 0xff ? 0 : proto);
        w.putU8(0);
        w.putU8(0);
        w.putU32(SocketState.ALL);
        w.putBE16(s.localPort());
        w.putBE16(s.remotePort());
        w.putBytes(padded(s.localAddress()));
        w.putBytes(padded(s.remoteAddress()));
        w.putU32(s.interfaceIndex());
        w.putU32((int) s.cookie());
        w.putU32((int) (s.cookie() >>> 32));
        if (proto > 0xff) w.attrU32(SockDiag.INET_DIAG_REQ_PROTOCOL, proto);
    }

    /** The address in the 16 bytes of an inet_diag_sockid address field. */
    private static byte[] padded(InetAddress a) {
        return java.util.Arrays.copyOf(a.getAddress(), 16);
    }

    /**
     * Decodes one message of the dump.
     *
     * @throws NetlinkFormatException if the fixed header is short, its family is not inet, or an attribute header is malformed
     */
    static InetSocket decode(NetlinkMessage m, Protocol protocol) {
        MemorySegment h = m.payloadHeader(INET_DIAG_MSG_SIZE);
        int fam = Byte.toUnsignedInt(h.get(ValueLayout.JAVA_BYTE, IDIAG_FAMILY));
        Domain family;
        if (fam == Domain.AF_INET.value()) family = Domain.AF_INET;
        else if (fam == Domain.AF_INET6.value()) family = Domain.AF_INET6;
        else throw new NetlinkFormatException("inet_diag_msg with family " + fam + ", expected AF_INET or AF_INET6", m.offset());
        int addrLen = family == Domain.AF_INET ? 4 : 16;
        SocketState state = SocketState.of(Byte.toUnsignedInt(h.get(ValueLayout.JAVA_BYTE, IDIAG_STATE)));
        InetTimer.Kind timerKind = InetTimer.Kind.of(Byte.toUnsignedInt(h.get(ValueLayout.JAVA_BYTE, IDIAG_TIMER)));
        int retrans = Byte.toUnsignedInt(h.get(ValueLayout.JAVA_BYTE, IDIAG_RETRANS));
        long expires = u32(h, IDIAG_EXPIRES);
        InetTimer timer = timerKind == InetTimer.Kind.OFF && expires == 0 && retrans == 0
                ? InetTimer.NONE : new InetTimer(timerKind, expires, retrans);
        int id = IDIAG_ID;
        int sport = Short.toUnsignedInt(h.get(BE16, id + SOCKID_SPORT));
        int dport = Short.toUnsignedInt(h.get(BE16, id + SOCKID_DPORT));
        InetAddress src = address(h, id + SOCKID_SRC, addrLen);
        InetAddress dst = address(h, id + SOCKID_DST, addrLen);
        int ifindex = h.get(U32, id + SOCKID_IF);
        long cookie = u32(h, id + SOCKID_COOKIE) | (u32(h, id + SOCKID_COOKIE + 4) << 32);

        InetMemInfo memInfo = null;
        TcpInfo tcpInfo = null;
        String cong = null;
        int tos = -1, tclass = -1, shutdown = -1, v6only = -1;
        long mark = -1, cgroup = -1;
        SkMemInfo skmem = null;
        BbrInfo bbr = null;
        MptcpInfo mptcp = null;
        Map<Integer, byte[]> other = new LinkedHashMap<>();
        Attributes a = m.attributes(INET_DIAG_MSG_SIZE);
        while (a.next()) {
            int len = a.length();
            switch (a.type()) {
                case SockDiag.INET_DIAG_MEMINFO -> {
                    if (len < INET_DIAG_MEMINFO_SIZE) { other.put(a.type(), a.bytes()); continue; }
                    MemorySegment v = a.segment();
                    memInfo = new InetMemInfo(u32(v, 0), u32(v, 4), u32(v, 8), u32(v, 12));
                }
                // TCP's is struct tcp_info, MPTCP's struct mptcp_info; any other protocol's stays raw
                case SockDiag.INET_DIAG_INFO -> {
                    if (protocol.equals(Protocol.TCP)) tcpInfo = TcpInfo.parse(a.segment());
                    else if (protocol.value() == IPPROTO_MPTCP) mptcp = MptcpInfo.parse(a.segment());
                    else other.put(a.type(), a.bytes());
                }
                case SockDiag.INET_DIAG_CONG -> cong = a.string();
                case SockDiag.INET_DIAG_TOS -> { if (len == 1) tos = a.u8(); else other.put(a.type(), a.bytes()); }
                case SockDiag.INET_DIAG_TCLASS -> { if (len == 1) tclass = a.u8(); else other.put(a.type(), a.bytes()); }
                case SockDiag.INET_DIAG_SHUTDOWN -> { if (len == 1) shutdown = a.u8(); else other.put(a.type(), a.bytes()); }
                case SockDiag.INET_DIAG_SKV6ONLY -> { if (len == 1) v6only = a.u8() != 0 ? 1 : 0; else other.put(a.type(), a.bytes()); }
                case SockDiag.INET_DIAG_MARK -> { if (len == 4) mark = Integer.toUnsignedLong(a.u32()); else other.put(a.type(), a.bytes()); }
                case SockDiag.INET_DIAG_CGROUP_ID -> { if (len == 8) cgroup = a.u64(); else other.put(a.type(), a.bytes()); }
                case SockDiag.INET_DIAG_BBRINFO -> {
                    bbr = BbrInfo.parse(a.segment());
                    if (bbr == null) other.put(a.type(), a.bytes());
                }
                case SockDiag.INET_DIAG_SKMEMINFO -> {
                    skmem = SkMemInfo.parse(a.segment());
                    if (skmem == null) other.put(a.type(), a.bytes());
                }
                default -> other.put(a.type(), a.bytes());
            }
        }
        return new InetSocket(family, protocol, state, src, sport, dst, dport, ifindex, cookie,
                u32(h, IDIAG_INODE), u32(h, IDIAG_UID), u32(h, IDIAG_RQUEUE), u32(h, IDIAG_WQUEUE), timer,
                memInfo, tcpInfo, mptcp, cong, bbr, tos, tclass, shutdown, v6only, mark, cgroup, skmem,
                other.isEmpty() ? Map.of() : java.util.Collections.unmodifiableMap(other));
    }

    static long u32(MemorySegment s, long off) {
        return Integer.toUnsignedLong(s.get(U32, off));
    }

    /** {@return the value read as host-order u32s (a trailing partial word is ignored)} */
    static long[] u32Array(MemorySegment v) {
        long[] r = new long[(int) (v.byteSize() / 4)];
        for (int i = 0; i < r.length; i++) r[i] = u32(v, 4L * i);
        return r;
    }

    private static InetAddress address(MemorySegment h, long off, int len) {
        byte[] b = h.asSlice(off, len).toArray(ValueLayout.JAVA_BYTE);
        try {
            return len == 4 ? InetAddress.getByAddress(b) : Inet6Address.getByAddress(null, b, -1);
        } catch (UnknownHostException e) {
            throw new AssertionError("length is 4 or 16", e);
        }
    }
}
