package dev.ffsock.internal;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * Control-data layout — CMSG_ALIGN, CMSG_LEN, CMSG_SPACE — writing control-message headers, and
 * walking received control data with full bounds checks (what CMSG_FIRSTHDR/CMSG_NXTHDR do, but never
 * reading outside the buffer nor past the length the kernel reported, whatever the headers say).
 */
public final class CmsgLayout {
    private CmsgLayout() {
    }

    /** sizeof(struct cmsghdr). */
    public static final long HDR = Structs.Cmsghdr.SIZE;
    private static final long ALIGN = Structs.Cmsghdr.ALIGNMENT;
    private static final ValueLayout.OfLong LONG = ValueLayout.JAVA_LONG_UNALIGNED;
    private static final ValueLayout.OfInt INT = ValueLayout.JAVA_INT_UNALIGNED;

    /** CMSG_ALIGN. */
    public static long align(long n) {
        return (n + ALIGN - 1) & -ALIGN;
    }

    /** CMSG_LEN: header plus {@code dataLength}. */
    public static long len(long dataLength) {
        return HDR + dataLength;
    }

    /** CMSG_SPACE: aligned header plus aligned data. */
    public static long space(long dataLength) {
        return align(HDR) + align(dataLength);
    }

    /**
     * Writes a header for {@code dataLength} bytes at {@code at} (which must be aligned) and zeroes the
     * padding; returns the data offset. The caller has checked that {@code space(dataLength)} fits.
     */
    public static long header(MemorySegment buf, long at, int level, int type, long dataLength) {
        buf.asSlice(at, space(dataLength)).fill((byte) 0);
        buf.set(LONG, at + Structs.Cmsghdr.LEN, len(dataLength));
        buf.set(INT, at + Structs.Cmsghdr.LEVEL, level);
        buf.set(INT, at + Structs.Cmsghdr.TYPE, type);
        return at + HDR;
    }

    /** Receives each control message a {@link #walk} finds. */
    @FunctionalInterface
    public interface Visitor {
        /** One message: its level and type, and its data's offset and length in {@code buf}. */
        void message(MemorySegment buf, int level, int type, long dataOffset, long dataLength);
    }

    /**
     * Walks the control messages in the first {@code length} bytes of {@code buf} (clamped to the
     * buffer), handing each to {@code visitor}. Never throws, never reads out of bounds.
     *
     * @return null, or why the data is malformed (the walk stopped there)
     */
    public static String walk(MemorySegment buf, long length, Visitor visitor) {
        long end = Math.max(0, Math.min(length, buf.byteSize()));
        long off = 0;
        while (end - off >= HDR) {
            long cmsgLen = buf.get(LONG, off + Structs.Cmsghdr.LEN);
            if (cmsgLen < HDR) {
                return "cmsg_len " + cmsgLen + " at offset " + off + " is smaller than the header (" + HDR + ")";
            }
            if (cmsgLen > end - off) {
                return "cmsg_len " + cmsgLen + " at offset " + off + " runs past the control length " + end;
            }
            visitor.message(buf, buf.get(INT, off + Structs.Cmsghdr.LEVEL), buf.get(INT, off + Structs.Cmsghdr.TYPE),
                    off + HDR, cmsgLen - HDR);
            long next = align(cmsgLen);
            if (next > end - off) break; // the last message's padding may run past the end
            off += next;
        }
        return null;
    }
}
