package dev.ffsock;

import dev.ffsock.internal.ArchLayouts;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

/**
 * Per-thread native memory reused by socket calls: an address slot and a bounce buffer for heap
 * buffers on blocking calls (which cannot hand heap memory to a call that may block). Never shared
 * between threads; grows on demand and keeps at most {@link #KEEP} bytes of bounce buffer.
 */
final class Scratch {
    /** Bounce memory kept per thread after a call; larger needs get a temporary buffer. */
    static final long KEEP = 1 << 20;

    private static final ThreadLocal<Scratch> CURRENT = ThreadLocal.withInitial(Scratch::new);

    final SockAddrStorage address = new SockAddrStorage();
    final MemorySegment intSlot = Arena.ofAuto().allocate(8, 8);
    /** Room for a socket option's value ({@link #OPT_VALUE_SIZE} bytes) and its length. */
    final MemorySegment optValue = Arena.ofAuto().allocate(OPT_VALUE_SIZE, 8);
    final MemorySegment optLen = Arena.ofAuto().allocate(4, 4);

    static final int OPT_VALUE_SIZE = 256;
    /** One {@code struct epoll_event} (this architecture's layout) for epoll_ctl(2). */
    final MemorySegment epollEvent = Arena.ofAuto().allocate(ArchLayouts.EPOLL_EVENT_SIZE, 8);
    private MemorySegment bounce = MemorySegment.NULL;

    static Scratch get() {
        return CURRENT.get();
    }

    /** {@return native memory of at least {@code size} bytes, valid until this thread's next call} */
    MemorySegment bounce(long size) {
        if (bounce.byteSize() >= size) return bounce;
        long n = Math.max(4096, Long.highestOneBit(Math.max(1, size - 1)) << 1);
        MemorySegment m = Arena.ofAuto().allocate(n, 16);
        if (n <= KEEP) bounce = m;
        return m;
    }
}
