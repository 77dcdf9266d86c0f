package dev.ffsock.internal;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * The layout of {@code struct msghdr} and its {@code struct iovec} array, for the message calls:
 * filling them from a message's buffers, address and control area, and reading back what a receive
 * wrote. Works on native segments only; the API types ({@code Message}, {@code DatagramBatch}) own
 * the memory and call these.
 */
public final class MsgHdr {
    private MsgHdr() {
    }

    private static final ValueLayout.OfLong PTR = ValueLayout.JAVA_LONG; // 64-bit pointers and size_t (see Structs)

    /**
     * Writes {@code count} buffers into the iovec array {@code iov} and points {@code hdr} at it:
     * buffer i is {@code lengths[i]} bytes from {@code offsets[i]} of {@code buffers[i]} (within it).
     * Heap buffers go through this thread's bounce buffer (returned, or null when all are native);
     * for a send their bytes are copied in. Every buffer must be alive and usable by this thread.
     */
    public static MemorySegment fillIov(MemorySegment hdr, MemorySegment iov, MemorySegment[] buffers, long[] offsets,
                                        long[] lengths, int count, boolean send) {
        long heap = 0;
        for (int i = 0; i < count; i++) {
            MemorySegment b = buffers[i];
            checkUsable(b);
            if (!b.isNative()) heap += lengths[i];
        }
        MemorySegment bounce = heap == 0 ? null : Scratch.bounce(heap);
        long off = 0;
        for (int i = 0; i < count; i++) {
            MemorySegment b = buffers[i];
            long at = i * Structs.Iovec.SIZE;
            long size = lengths[i];
            if (b.isNative()) {
                iov.set(PTR, at + Structs.Iovec.BASE, b.address() + offsets[i]);
            } else {
                if (send) MemorySegment.copy(b, offsets[i], bounce, off, size);
                iov.set(PTR, at + Structs.Iovec.BASE, bounce.address() + off);
                off += size;
            }
            iov.set(PTR, at + Structs.Iovec.LEN, size);
        }
        hdr.set(PTR, Structs.Msghdr.IOV, count == 0 ? 0 : iov.address());
        hdr.set(PTR, Structs.Msghdr.IOVLEN, count);
        return bounce;
    }

    /**
     * After a receive into buffers filled by {@link #fillIov}: copies what landed in the bounce buffer
     * back into the heap buffers, iovec by iovec ({@code received} bytes in all).
     */
    public static void scatterBack(MemorySegment bounce, MemorySegment[] buffers, long[] offsets, long[] lengths,
                                   int count, long received) {
        if (bounce == null) return;
        long left = received;
        long off = 0;
        for (int i = 0; i < count && left > 0; i++) {
            MemorySegment b = buffers[i];
            long n = Math.min(left, lengths[i]);
            if (!b.isNative()) {
                MemorySegment.copy(bounce, off, b, offsets[i], n);
                off += lengths[i];
            }
            left -= n;
        }
    }

    /** Sets msg_name/msg_namelen ({@code name} NULL or {@code length} 0: none), msg_control/msg_controllen, and clears msg_flags. */
    public static void set(MemorySegment hdr, MemorySegment name, int nameLength, MemorySegment control,
                           long controlLength) {
        hdr.set(PTR, Structs.Msghdr.NAME, nameLength == 0 ? 0 : name.address());
        hdr.set(ValueLayout.JAVA_INT, Structs.Msghdr.NAMELEN, nameLength);
        hdr.set(PTR, Structs.Msghdr.CONTROL, controlLength == 0 ? 0 : control.address());
        hdr.set(PTR, Structs.Msghdr.CONTROLLEN, controlLength);
        hdr.set(ValueLayout.JAVA_INT, Structs.Msghdr.FLAGS, 0);
    }

    /** {@return msg_flags after a receive} */
    public static int flags(MemorySegment hdr) {
        return hdr.get(ValueLayout.JAVA_INT, Structs.Msghdr.FLAGS);
    }

    /** {@return msg_namelen after a receive, clamped to a sockaddr_storage} */
    public static int nameLength(MemorySegment hdr) {
        int n = hdr.get(ValueLayout.JAVA_INT, Structs.Msghdr.NAMELEN);
        return Math.max(0, Math.min(n, (int) Structs.SockaddrStorage.SIZE));
    }

    /** {@return msg_controllen after a receive} */
    public static long controlLength(MemorySegment hdr) {
        return hdr.get(PTR, Structs.Msghdr.CONTROLLEN);
    }

    /**
     * A buffer whose memory is handed to the kernel by address must still be alive, and must not
     * belong to a confined arena of another thread (which could free it during the call).
     */
    private static void checkUsable(MemorySegment b) {
        if (!b.scope().isAlive()) throw new IllegalStateException("a buffer's arena is closed");
        if (!b.isAccessibleBy(Thread.currentThread())) {
            throw new WrongThreadException("a buffer belongs to a confined arena of another thread");
        }
    }
}
