package dev.ffsock.internal;

import dev.ffsock.SockAddrStorage;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

/**
 * Per-thread native memory reused by the calls: an address slot, an int pair, a socket option's value
 * and length, a pollfd, an epoll_event, the errno capture, and the thread's poller waiter. Never
 * shared between threads. Beside it, kept apart ({@link #bounce}), each thread's bounce buffer for
 * heap buffers on blocking calls (which cannot hand heap memory to a call that may block): grows on
 * demand, at most {@link #KEEP} bytes kept.
 */
public final class Scratch {
    /** Bounce memory kept per thread after a call; larger needs get a temporary buffer. */
    public static final long KEEP = 1 << 20;

    private static final ThreadLocal<Scratch> CURRENT = ThreadLocal.withInitial(Scratch::new);

    /** The thread this memory belongs to (see {@link FdGuard#scratch()}). */
    final Thread owner = Thread.currentThread();
    /** Whether {@link #owner} is a virtual thread. */
    final boolean virtual = owner.isVirtual();

    public static final int OPT_VALUE_SIZE = 256;

    /**
     * This thread's memory: one automatic arena, freed once the Scratch is unreachable (the Scratch,
     * reachable from its thread for the thread's life, keeps it alive). Its session object is made
     * here, next to the Scratch and the views below, and every access and downcall reads it: kept on
     * the Scratch's own page rather than on the JDK-wide global session's, which a view detached from
     * the arena would read instead (a page of its own, walked again after every system call on a CPU
     * without PCID). For an automatic arena a downcall's keep-alive is only a reachability fence.
     */
    private final Arena arena = Arena.ofAuto();
    // optLen sits right before optValue, so that one 8-byte write sets the length to 4 and the
    // value to 0 (see Sys.getsockoptInt).
    static final long OPT_LEN_AT = 4, OPT_VALUE_AT = 8;
    private static final long INT_SLOT_AT = OPT_VALUE_AT + OPT_VALUE_SIZE, ERRNO_AT = INT_SLOT_AT + 8;
    /** All of this thread's fixed memory; the fields below are views of it. */
    final MemorySegment mem = arena.allocate(ERRNO_AT + ERRNO_SIZE, 16);

    public final SockAddrStorage address = new SockAddrStorage();
    /** Two ints (or one long), e.g. socketpair's result. */
    public final MemorySegment intSlot = mem.asSlice(INT_SLOT_AT, 8);
    /** Room for a socket option's value ({@link #OPT_VALUE_SIZE} bytes) and its length. */
    public final MemorySegment optValue = mem.asSlice(OPT_VALUE_AT, OPT_VALUE_SIZE);
    public final MemorySegment optLen = mem.asSlice(OPT_LEN_AT, 4);
    /** The errno capture state of every downcall this thread makes (see {@link Sys}). */
    final MemorySegment errno = mem.asSlice(ERRNO_AT, ERRNO_SIZE);
    private MemorySegment pollfd;
    private MemorySegment epollEvent;
    private Poller.Waiter waiter;

    private static final int ERRNO_SIZE = (int) java.lang.foreign.Linker.Option.captureStateLayout().byteSize();

    /** {@return one {@code struct pollfd} for a poll(2) of one descriptor (made on first use)} */
    public MemorySegment pollfd() {
        MemorySegment p = pollfd;
        if (p == null) pollfd = p = arena.allocate(Structs.Pollfd.SIZE, 8);
        return p;
    }

    /** {@return one {@code struct epoll_event} (this architecture's layout) for epoll_ctl(2) (made on first use)} */
    public MemorySegment epollEvent() {
        MemorySegment e = epollEvent;
        if (e == null) epollEvent = e = arena.allocate(ArchLayouts.EPOLL_EVENT_SIZE, 8);
        return e;
    }

    /** {@return this thread's one entry for the {@link Poller}'s waiter lists (made on first use)} */
    Poller.Waiter waiter() {
        Poller.Waiter w = waiter;
        if (w == null) waiter = w = new Poller.Waiter();
        return w;
    }

    public static Scratch get() {
        return CURRENT.get();
    }

    /**
     * {@return native memory of at least {@code size} bytes for the calling thread, valid until its
     * next call} The memory kept for reuse hangs off a thread-local of its own, not off the Scratch:
     * a socket remembers the Scratch of the thread that called it last ({@link FdGuard#scratch()}),
     * perhaps long after that thread ended, and must not keep up to {@link #KEEP} bytes alive with it.
     */
    public static MemorySegment bounce(long size) {
        MemorySegment[] kept = BOUNCE.get();
        if (kept[0].byteSize() >= size) return kept[0];
        long n = Math.max(4096, Long.highestOneBit(Math.max(1, size - 1)) << 1);
        MemorySegment m = Arena.ofAuto().allocate(n, 16);
        if (n <= KEEP) kept[0] = m;
        return m;
    }

    /** The calling thread's bounce memory, in a one-element array (see {@link #bounce}). */
    private static final ThreadLocal<MemorySegment[]> BOUNCE = ThreadLocal.withInitial(() -> new MemorySegment[] {MemorySegment.NULL});
}
