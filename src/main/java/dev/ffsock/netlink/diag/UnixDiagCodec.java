package dev.ffsock.netlink.diag;

import static dev.ffsock.netlink.diag.DiagLayout.*;
import static dev.ffsock.netlink.diag.InetDiagCodec.u32;
import static dev.ffsock.netlink.diag.InetDiagCodec.u32Array;

import dev.ffsock.Domain;
import dev.ffsock.SockAddrUn;
import dev.ffsock.netlink.Attributes;
import dev.ffsock.netlink.NetlinkFormatException;
import dev.ffsock.netlink.NetlinkMessage;
import dev.ffsock.netlink.PayloadWriter;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** Writes {@code unix_diag_req} and reads {@code unix_diag_msg} with its attributes. */
final class UnixDiagCodec {
    private UnixDiagCodec() {
    }

    /** Writes the request for a dump of every socket in the request's states. */
    static void encode(PayloadWriter w, UnixRequest r) {
        w.putU8(Domain.AF_UNIX.value());
        w.putU8(0);
        w.putU16(0);
        w.putU32(r.states());
        w.putU32(0);
        w.putU32(r.show());
        w.putU32(SockDiag.INET_DIAG_NOCOOKIE);
        w.putU32(SockDiag.INET_DIAG_NOCOOKIE);
    }

    /**
     * Decodes one message of the dump.
     *
     * @param show the request's {@code UDIAG_SHOW_*} flags
     *
     * @throws NetlinkFormatException if the fixed header is short, its family is not AF_UNIX, or an attribute header is malformed
     */
    static UnixSocket decode(NetlinkMessage m, int show) {
        MemorySegment h = m.payloadHeader(UNIX_DIAG_MSG_SIZE);
        int fam = Byte.toUnsignedInt(h.get(ValueLayout.JAVA_BYTE, UDIAG_FAMILY));
        if (fam != Domain.AF_UNIX.value()) {
            throw new NetlinkFormatException("unix_diag_msg with family " + fam + ", expected AF_UNIX", m.offset());
        }
        UnixType type = UnixType.of(Byte.toUnsignedInt(h.get(ValueLayout.JAVA_BYTE, UDIAG_TYPE)));
        SocketState state = SocketState.of(Byte.toUnsignedInt(h.get(ValueLayout.JAVA_BYTE, UDIAG_STATE)));
        long inode = u32(h, UDIAG_INO);
        long cookie = u32(h, UDIAG_COOKIE) | (u32(h, UDIAG_COOKIE + 4) << 32);

        SockAddrUn.Kind kind = SockAddrUn.Kind.UNNAMED;
        byte[] name = new byte[0];
        long peer = -1, rq = -1, wq = -1, uid = -1;
        int shutdown = -1;
        UnixVfs vfs = null;
        long[] icons = null;
        SkMemInfo mem = null;
        Map<Integer, byte[]> other = new LinkedHashMap<>();
        Attributes a = m.attributes(UNIX_DIAG_MSG_SIZE);
        while (a.next()) {
            int len = a.length();
            switch (a.type()) {
                case SockDiag.UNIX_DIAG_NAME -> {
                    MemorySegment v = a.segment();
                    if (len == 0) break;
                    if (v.get(ValueLayout.JAVA_BYTE, 0) == 0) {
                        kind = SockAddrUn.Kind.ABSTRACT;
                        name = v.asSlice(1).toArray(ValueLayout.JAVA_BYTE);
                    } else {
                        int n = 0;
                        while (n < len && v.get(ValueLayout.JAVA_BYTE, n) != 0) n++;
                        kind = SockAddrUn.Kind.PATH;
                        name = v.asSlice(0, n).toArray(ValueLayout.JAVA_BYTE);
                    }
                }
                case SockDiag.UNIX_DIAG_VFS -> {
                    if (len != UNIX_DIAG_PAIR_SIZE) { other.put(a.type(), a.bytes()); continue; }
                    vfs = new UnixVfs(u32(a.segment(), 0), u32(a.segment(), 4));
                }
                case SockDiag.UNIX_DIAG_PEER -> { if (len == 4) peer = Integer.toUnsignedLong(a.u32()); else other.put(a.type(), a.bytes()); }
                case SockDiag.UNIX_DIAG_RQLEN -> {
                    if (len != UNIX_DIAG_PAIR_SIZE) { other.put(a.type(), a.bytes()); continue; }
                    rq = u32(a.segment(), 0);
                    wq = u32(a.segment(), 4);
                }
                case SockDiag.UNIX_DIAG_UID -> { if (len == 4) uid = Integer.toUnsignedLong(a.u32()); else other.put(a.type(), a.bytes()); }
                case SockDiag.UNIX_DIAG_SHUTDOWN -> { if (len == 1) shutdown = a.u8(); else other.put(a.type(), a.bytes()); }
                case SockDiag.UNIX_DIAG_ICONS -> icons = u32Array(a.segment());
                case SockDiag.UNIX_DIAG_MEMINFO -> {
                    mem = SkMemInfo.parse(a.segment());
                    if (mem == null) other.put(a.type(), a.bytes());
                }
                default -> other.put(a.type(), a.bytes());
            }
        }
        // UNIX_DIAG_PEER is only sent for a socket that has a peer: asked for and absent means none.
        if (peer < 0 && (show & SockDiag.UDIAG_SHOW_PEER) != 0) peer = 0;
        return new UnixSocket(type, state, kind, name, inode, cookie, peer, rq, wq, uid, vfs, shutdown, icons, mem,
                other.isEmpty() ? Map.of() : Collections.unmodifiableMap(other));
    }
}
