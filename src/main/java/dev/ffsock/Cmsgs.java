package dev.ffsock;

import dev.ffsock.internal.CmsgLayout;
import dev.ffsock.internal.Structs;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

import static dev.ffsock.ControlMessage.*;

/**
 * Decodes the control messages ffsock knows (SCM_RIGHTS, SCM_CREDENTIALS, IP_PKTINFO, TTL/hop limit,
 * timestamps, UDP_GRO, PACKET_AUXDATA) into a {@link ReceivedControl}; the layout and the bounds-checked walk are
 * {@link CmsgLayout}'s.
 */
final class Cmsgs {
    private Cmsgs() {
    }

    private static final ValueLayout.OfLong LONG = ValueLayout.JAVA_LONG_UNALIGNED;
    private static final ValueLayout.OfInt INT = ValueLayout.JAVA_INT_UNALIGNED;
    private static final ValueLayout.OfShort SHORT = ValueLayout.JAVA_SHORT_UNALIGNED;

    /**
     * Parses {@code length} bytes of control data at the start of {@code buf} into {@code out} (which
     * the caller has cleared). Never reads outside {@code buf} nor past {@code length}; never throws.
     * SCM_RIGHTS descriptors are recorded in {@code out} (and so owned by it).
     */
    static void parse(MemorySegment buf, long length, ReceivedControl out) {
        out.rawSource(buf);
        String bad = CmsgLayout.walk(buf, length, out.decoder);
        if (bad != null) out.malformed = bad;
    }

    /** One message, as {@link CmsgLayout#walk} finds it: decoded if known, else kept raw. */
    static void message(MemorySegment b, int level, int type, long at, long n, ReceivedControl out) {
        if (!decode(b, level, type, at, n, out)) out.addRaw(level, type, at, n);
    }

    /** Decodes one known control message into {@code out}; false to keep it raw. */
    private static boolean decode(MemorySegment b, int level, int type, long at, long n, ReceivedControl out) {
        switch (level) {
            case SOL_SOCKET -> {
                switch (type) {
                    case SCM_RIGHTS -> {
                        if (n % 4 != 0) return false;
                        for (long i = 0; i < n; i += 4) out.fds.add(b.get(INT, at + i));
                        return true;
                    }
                    case SCM_CREDENTIALS -> {
                        if (out.hasCred || n != Structs.Ucred.SIZE) return false;
                        out.hasCred = true;
                        out.credPid = b.get(INT, at + Structs.Ucred.PID);
                        out.credUid = b.get(INT, at + Structs.Ucred.UID);
                        out.credGid = b.get(INT, at + Structs.Ucred.GID);
                        return true;
                    }
                    case SCM_TIMESTAMPNS, SO_TIMESTAMPNS_NEW -> {
                        return timestamp(b, at, n, Structs.Timespec.SEC, Structs.Timespec.NSEC, Structs.Timespec.SIZE, 1, out);
                    }
                    case SCM_TIMESTAMP, SO_TIMESTAMP_NEW -> {
                        return timestamp(b, at, n, Structs.Timeval.SEC, Structs.Timeval.USEC, Structs.Timeval.SIZE, 1000, out);
                    }
                    default -> {
                        return false;
                    }
                }
            }
            case SOL_IP -> {
                if (type == IP_PKTINFO) {
                    if (out.pktFamily != 0 || n != Structs.InPktinfo.SIZE) return false;
                    int ifindex = b.get(INT, at + Structs.InPktinfo.IFINDEX);
                    if (ifindex < 0) return false;
                    out.pktFamily = 4;
                    out.pktIfindex = ifindex;
                    MemorySegment.copy(b, ValueLayout.JAVA_BYTE, at + Structs.InPktinfo.ADDR, out.pktAddr4, 0, 4);
                    return true;
                }
                if (type == IP_TTL) {
                    if (out.ttl >= 0 || n != 4) return false;
                    int v = b.get(INT, at);
                    if (v < 0) return false;
                    out.ttl = v;
                    return true;
                }
                return false;
            }
            case SOL_IPV6 -> {
                if (type == IPV6_PKTINFO) {
                    if (out.pktFamily != 0 || n != Structs.In6Pktinfo.SIZE) return false;
                    int ifindex = b.get(INT, at + Structs.In6Pktinfo.IFINDEX);
                    if (ifindex < 0) return false;
                    out.pktFamily = 6;
                    out.pktIfindex = ifindex;
                    MemorySegment.copy(b, ValueLayout.JAVA_BYTE, at + Structs.In6Pktinfo.ADDR, out.pktAddr6, 0, 16);
                    return true;
                }
                if (type == IPV6_HOPLIMIT) {
                    if (out.hopLimit >= 0 || n != 4) return false;
                    int v = b.get(INT, at);
                    if (v < 0) return false;
                    out.hopLimit = v;
                    return true;
                }
                return false;
            }
            case SOL_PACKET -> {
                if (type != PACKET_AUXDATA || out.hasAux || n != Structs.TpacketAuxdata.SIZE) return false;
                out.hasAux = true;
                out.aux[0] = b.get(INT, at + Structs.TpacketAuxdata.STATUS);
                out.aux[1] = b.get(INT, at + Structs.TpacketAuxdata.LEN);
                out.aux[2] = b.get(INT, at + Structs.TpacketAuxdata.SNAPLEN);
                out.aux[3] = b.get(SHORT, at + Structs.TpacketAuxdata.MAC) & 0xffff;
                out.aux[4] = b.get(SHORT, at + Structs.TpacketAuxdata.NET) & 0xffff;
                out.aux[5] = b.get(SHORT, at + Structs.TpacketAuxdata.VLAN_TCI) & 0xffff;
                out.aux[6] = b.get(SHORT, at + Structs.TpacketAuxdata.VLAN_TPID) & 0xffff;
                return true;
            }
            case SOL_UDP -> {
                if (type != UDP_GRO || out.groSize >= 0 || n != 4) return false;
                int v = b.get(INT, at);
                if (v <= 0) return false;
                out.groSize = v;
                return true;
            }
            default -> {
                return false;
            }
        }
    }

    /**
     * A timespec or timeval (two longs on 64-bit, as are the {@code _NEW} variants); {@code scale} turns
     * the second field into nanoseconds. Values an {@link java.time.Instant} cannot hold stay raw.
     */
    private static boolean timestamp(MemorySegment b, long at, long n, long secOff, long fracOff, long size,
                                     int scale, ReceivedControl out) {
        if (out.hasTimestamp || n != size) return false;
        long sec = b.get(LONG, at + secOff);
        long frac = b.get(LONG, at + fracOff);
        if (frac < 0 || frac >= 1_000_000_000L / scale) return false;
        if (sec < java.time.Instant.MIN.getEpochSecond() || sec > java.time.Instant.MAX.getEpochSecond()) return false;
        out.hasTimestamp = true;
        out.tsSec = sec;
        out.tsNsec = (int) (frac * scale);
        return true;
    }
}
