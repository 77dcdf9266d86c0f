package dev.ffsock.netlink.diag;

import static dev.ffsock.netlink.diag.DiagLayout.*;
import static dev.ffsock.netlink.diag.InetDiagCodec.u32;
import static dev.ffsock.netlink.diag.InetDiagCodec.u32Array;

import dev.ffsock.netlink.Attributes;
import dev.ffsock.netlink.NetlinkFormatException;
import dev.ffsock.netlink.NetlinkMessage;
import dev.ffsock.netlink.PayloadWriter;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** Writes {@code netlink_diag_req} and reads {@code netlink_diag_msg} with its attributes. */
final class NetlinkDiagCodec {
    private static final int AF_NETLINK = 16;
    /** NDIAG_PROTO_ALL: every netlink family. */
    private static final int PROTO_ALL = 0xff;

    private NetlinkDiagCodec() {
    }

    /** Writes the request for a dump of every netlink socket with the {@code NDIAG_SHOW_*} details in {@code show}. */
    static void encode(PayloadWriter w, int show) {
        w.putU8(AF_NETLINK);
        w.putU8(PROTO_ALL);
        w.putU16(0);
        w.putU32(0);
        w.putU32(show);
        w.putU32(SockDiag.INET_DIAG_NOCOOKIE);
        w.putU32(SockDiag.INET_DIAG_NOCOOKIE);
    }

    /**
     * Decodes one message of the dump; an attribute of the wrong size is kept raw.
     *
     * @throws NetlinkFormatException if the fixed header is short, its family is not AF_NETLINK, or an attribute header is malformed
     */
    static NetlinkSocket decode(NetlinkMessage m) {
        MemorySegment h = m.payloadHeader(NETLINK_DIAG_MSG_SIZE);
        int fam = Byte.toUnsignedInt(h.get(ValueLayout.JAVA_BYTE, 0));
        if (fam != AF_NETLINK) throw new NetlinkFormatException("netlink_diag_msg with family " + fam + ", expected AF_NETLINK", m.offset());
        long[] groups = null;
        SkMemInfo mem = null;
        long flags = -1;
        Map<Integer, byte[]> other = new LinkedHashMap<>();
        Attributes a = m.attributes(NETLINK_DIAG_MSG_SIZE);
        while (a.next()) {
            switch (a.type()) {
                case SockDiag.NETLINK_DIAG_GROUPS -> groups = u32Array(a.segment());
                case SockDiag.NETLINK_DIAG_MEMINFO -> {
                    mem = SkMemInfo.parse(a.segment());
                    if (mem == null) other.put(a.type(), a.bytes());
                }
                case SockDiag.NETLINK_DIAG_FLAGS -> { if (a.length() == 4) flags = u32(a.segment(), 0); else other.put(a.type(), a.bytes()); }
                default -> other.put(a.type(), a.bytes());
            }
        }
        return new NetlinkSocket(Byte.toUnsignedInt(h.get(ValueLayout.JAVA_BYTE, 1)),
                Byte.toUnsignedInt(h.get(ValueLayout.JAVA_BYTE, 2)), Byte.toUnsignedInt(h.get(ValueLayout.JAVA_BYTE, 3)),
                u32(h, 4), u32(h, 8), u32(h, 12), u32(h, 16), u32(h, 20) | u32(h, 24) << 32, groups, mem, flags,
                other.isEmpty() ? Map.of() : Collections.unmodifiableMap(other));
    }
}
