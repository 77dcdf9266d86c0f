package dev.ffsock;

import dev.ffsock.internal.Structs;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

import static dev.ffsock.ControlMessage.*;

/**
 * Control-data layout (CMSG_ALIGN, CMSG_LEN, CMSG_SPACE), writing control messages into a buffer and
 * parsing a received buffer into a {@link ReceivedControl} with full bounds checks.
 */
final class Cmsgs {
    private Cmsgs() {
    }

    static final long HDR = Structs.CMSGHDR_SIZE;
    private static final long ALIGN = Structs.CMSG_ALIGNMENT;
    private static final ValueLayout.OfLong LONG = ValueLayout.JAVA_LONG_UNALIGNED;
    private static final ValueLayout.OfInt INT = ValueLayout.JAVA_INT_UNALIGNED;

    static long align(long n) {
        return (n + ALIGN - 1) & -ALIGN;
    }

    /** CMSG_LEN: header plus {@code dataLength}. */
    static long len(long dataLength) {
        return HDR + dataLength;
    }

    /** CMSG_SPACE: aligned header plus aligned data. */
    static long space(long dataLength) {
        return align(HDR) + align(dataLength);
    }

    /**
     * Writes a header for {@code dataLength} bytes at {@code at} (which must be aligned) and zeroes the
     * padding; returns the data offset. The caller has checked that {@code space(dataLength)} fits.
     */
    static long header(MemorySegment buf, long at, int level, int type, long dataLength) {
        buf.asSlice(at, space(dataLength)).fill((byte) 0);
        buf.set(LONG, at + Structs.CMSG_LEN, len(dataLength));
        buf.set(INT, at + Structs.CMSG_LEVEL, level);
        buf.set(INT, at + Structs.CMSG_TYPE, type);
        return at + HDR;
    }

    /**
     * Parses {@code length} bytes of control data at the start of {@code buf} into {@code out} (which
     * the caller has cleared). Never reads outside {@code buf} nor past {@code length}; never throws.
     * SCM_RIGHTS descriptors are recorded in {@code out} (and so owned by it).
     */
    static void parse(MemorySegment buf, long length, ReceivedControl out) {
        out.rawSource(buf);
        long end = Math.max(0, Math.min(length, buf.byteSize()));
        long off = 0;
        while (end - off >= HDR) {
            long cmsgLen = buf.get(LONG, off + Structs.CMSG_LEN);
            if (cmsgLen < HDR) {
                out.malformed = "cmsg_len " + cmsgLen + " at offset " + off + " is smaller than the header (" + HDR + ")";
                return;
            }
            if (cmsgLen > end - off) {
                out.malformed = "cmsg_len " + cmsgLen + " at offset " + off + " runs past the control length " + end;
                return;
            }
            int level = buf.get(INT, off + Structs.CMSG_LEVEL);
            int type = buf.get(INT, off + Structs.CMSG_TYPE);
            long data = off + HDR;
            long dataLen = cmsgLen - HDR;
            if (!decode(buf, level, type, data, dataLen, out)) out.addRaw(level, type, data, dataLen);
            long next = align(cmsgLen);
            if (next > end - off) break; // the last message's padding may run past the end
            off += next;
        }
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
                        if (out.hasCred || n != Structs.UCRED_SIZE) return false;
                        out.hasCred = true;
                        out.credPid = b.get(INT, at + Structs.UCRED_PID);
                        out.credUid = b.get(INT, at + Structs.UCRED_UID);
                        out.credGid = b.get(INT, at + Structs.UCRED_GID);
                        return true;
                    }
                    case SCM_TIMESTAMPNS, SO_TIMESTAMPNS_NEW -> {
                        return timestamp(b, at, n, Structs.TIMESPEC_SEC, Structs.TIMESPEC_NSEC, Structs.TIMESPEC_SIZE, 1, out);
                    }
                    case SCM_TIMESTAMP, SO_TIMESTAMP_NEW -> {
                        return timestamp(b, at, n, Structs.TIMEVAL_SEC, Structs.TIMEVAL_USEC, Structs.TIMEVAL_SIZE, 1000, out);
                    }
                    default -> {
                        return false;
                    }
                }
            }
            case SOL_IP -> {
                if (type == IP_PKTINFO) {
                    if (out.pktFamily != 0 || n != Structs.IN_PKTINFO_SIZE) return false;
                    int ifindex = b.get(INT, at + Structs.IPI_IFINDEX);
                    if (ifindex < 0) return false;
                    out.pktFamily = 4;
                    out.pktIfindex = ifindex;
                    MemorySegment.copy(b, ValueLayout.JAVA_BYTE, at + Structs.IPI_ADDR, out.pktAddr4, 0, 4);
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
                    if (out.pktFamily != 0 || n != Structs.IN6_PKTINFO_SIZE) return false;
                    int ifindex = b.get(INT, at + Structs.IPI6_IFINDEX);
                    if (ifindex < 0) return false;
                    out.pktFamily = 6;
                    out.pktIfindex = ifindex;
                    MemorySegment.copy(b, ValueLayout.JAVA_BYTE, at + Structs.IPI6_ADDR, out.pktAddr6, 0, 16);
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
