package dev.ffsock.internal;

import dev.ffsock.SockAddrStorage;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

/**
 * Per-thread native memory reused by the calls: an address slot, an int pair, a socket option's value
 * and length, a pollfd, an epoll_event, and a bounce buffer for heap buffers on blocking calls (which
 * cannot hand heap memory to a call that may block). Never shared
 * between threads; grows on demand and keeps at most {@link #KEEP} bytes of bounce buffer.
 */
public final class Scratch {
    /** Bounce memory kept per thread after a call; larger needs get a temporary buffer. */
    public static final long KEEP = 1 << 20;

    private static final ThreadLocal<Scratch> CURRENT = ThreadLocal.withInitial(Scratch::new);

    public final SockAddrStorage address = new SockAddrStorage();
    public final MemorySegment intSlot = Arena.ofAuto().allocate(8, 8);
    /** Room for a socket option's value ({@link #OPT_VALUE_SIZE} bytes) and its length. */
    public final MemorySegment optValue = Arena.ofAuto().allocate(OPT_VALUE_SIZE, 8);
    public final MemorySegment optLen = Arena.ofAuto().allocate(4, 4);

    public static final int OPT_VALUE_SIZE = 256;
    private MemorySegment pollfd;
    private MemorySegment epollEvent;

    /** {@return one {@code struct pollfd} for a poll(2) of one descriptor (made on first use)} */
    public MemorySegment pollfd() {
        MemorySegment p = pollfd;
        if (p == null) pollfd = p = Arena.ofAuto().allocate(Structs.Pollfd.SIZE, 8);
        return p;
    }

    /** {@return one {@code struct epoll_event} (this architecture's layout) for epoll_ctl(2) (made on first use)} */
    public MemorySegment epollEvent() {
        MemorySegment e = epollEvent;
        if (e == null) epollEvent = e = Arena.ofAuto().allocate(ArchLayouts.EPOLL_EVENT_SIZE, 8);
        return e;
    }
    private MemorySegment bounce = MemorySegment.NULL;

    public static Scratch get() {
        return CURRENT.get();
    }

    /** {@return native memory of at least {@code size} bytes, valid until this thread's next call} */
    public MemorySegment bounce(long size) {
        if (bounce.byteSize() >= size) return bounce;
        long n = Math.max(4096, Long.highestOneBit(Math.max(1, size - 1)) << 1);
        MemorySegment m = Arena.ofAuto().allocate(n, 16);
        if (n <= KEEP) bounce = m;
        return m;
    }
}
