package dev.ffsock.netlink.diag;

import static dev.ffsock.netlink.diag.DiagLayout.*;
import static dev.ffsock.netlink.diag.InetDiagCodec.u32;

import dev.ffsock.netlink.Attributes;
import dev.ffsock.netlink.NetlinkFormatException;
import dev.ffsock.netlink.NetlinkMessage;
import dev.ffsock.netlink.PayloadWriter;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Writes {@code packet_diag_req} and reads {@code packet_diag_msg} with its attributes. */
final class PacketDiagCodec {
    private static final int AF_PACKET = 17;

    private PacketDiagCodec() {
    }

    /** Writes the request for a dump of every packet socket with the {@code PACKET_SHOW_*} details in {@code show}. */
    static void encode(PayloadWriter w, int show) {
        w.putU8(AF_PACKET);
        w.putU8(0);
        w.putU16(0);
        w.putU32(0);
        w.putU32(show);
        w.putU32(SockDiag.INET_DIAG_NOCOOKIE);
        w.putU32(SockDiag.INET_DIAG_NOCOOKIE);
    }

    /**
     * Decodes one message of the dump; an attribute of the wrong size is kept raw.
     *
     * @throws NetlinkFormatException if the fixed header is short, its family is not AF_PACKET, or an attribute header is malformed
     */
    static PacketSocket decode(NetlinkMessage m) {
        MemorySegment h = m.payloadHeader(PACKET_DIAG_MSG_SIZE);
        int fam = Byte.toUnsignedInt(h.get(ValueLayout.JAVA_BYTE, 0));
        if (fam != AF_PACKET) throw new NetlinkFormatException("packet_diag_msg with family " + fam + ", expected AF_PACKET", m.offset());
        int type = Byte.toUnsignedInt(h.get(ValueLayout.JAVA_BYTE, 1));
        int num = Short.toUnsignedInt(h.get(ValueLayout.JAVA_SHORT_UNALIGNED, 2));
        long ino = u32(h, 4);
        long cookie = u32(h, 8) | u32(h, 12) << 32;
        PacketInfo info = null;
        List<PacketMembership> mc = null;
        PacketRing rx = null, tx = null;
        long fanout = -1, uid = -1;
        SkMemInfo mem = null;
        Map<Integer, byte[]> other = new LinkedHashMap<>();
        Attributes a = m.attributes(PACKET_DIAG_MSG_SIZE);
        while (a.next()) {
            MemorySegment v = a.segment();
            int len = a.length();
            switch (a.type()) {
                case SockDiag.PACKET_DIAG_INFO -> {
                    if (len < PACKET_DIAG_INFO_SIZE) { other.put(a.type(), a.bytes()); continue; }
                    info = new PacketInfo(u32(v, 0), u32(v, 4), u32(v, 8), u32(v, 12), u32(v, 16), u32(v, 20));
                }
                case SockDiag.PACKET_DIAG_MCLIST -> {
                    mc = new ArrayList<>();
                    for (int off = 0; off + PACKET_DIAG_MCLIST_SIZE <= len; off += PACKET_DIAG_MCLIST_SIZE) {
                        int alen = Math.min(32, Short.toUnsignedInt(v.get(ValueLayout.JAVA_SHORT_UNALIGNED, off + 10)));
                        mc.add(new PacketMembership(u32(v, off), u32(v, off + 4),
                                Short.toUnsignedInt(v.get(ValueLayout.JAVA_SHORT_UNALIGNED, off + 8)),
                                v.asSlice(off + 12, alen).toArray(ValueLayout.JAVA_BYTE)));
                    }
                    mc = List.copyOf(mc);
                }
                case SockDiag.PACKET_DIAG_RX_RING, SockDiag.PACKET_DIAG_TX_RING -> {
                    if (len < PACKET_DIAG_RING_SIZE) { other.put(a.type(), a.bytes()); continue; }
                    PacketRing r = new PacketRing(u32(v, 0), u32(v, 4), u32(v, 8), u32(v, 12), u32(v, 16), u32(v, 20), u32(v, 24));
                    if (a.type() == SockDiag.PACKET_DIAG_RX_RING) rx = r;
                    else tx = r;
                }
                case SockDiag.PACKET_DIAG_FANOUT -> { if (len == 4) fanout = u32(v, 0); else other.put(a.type(), a.bytes()); }
                case SockDiag.PACKET_DIAG_UID -> { if (len == 4) uid = u32(v, 0); else other.put(a.type(), a.bytes()); }
                case SockDiag.PACKET_DIAG_MEMINFO -> {
                    mem = SkMemInfo.parse(v);
                    if (mem == null) other.put(a.type(), a.bytes());
                }
                default -> other.put(a.type(), a.bytes());
            }
        }
        return new PacketSocket(type, num, ino, cookie, info, mc, rx, tx, fanout, uid, mem,
                other.isEmpty() ? Map.of() : Collections.unmodifiableMap(other));
    }
}
