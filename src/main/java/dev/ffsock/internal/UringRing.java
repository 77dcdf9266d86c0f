package dev.ffsock.internal;

import dev.ffsock.ErrnoException;
import dev.ffsock.internal.bindings.LinuxC;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.VarHandle;
import java.net.SocketTimeoutException;

/**
 * One io_uring instance: the descriptor (guarded by an {@link FdGuard}), the three mapped regions
 * and the ring indices. {@code dev.ffsock.uring.IoUring} fills the entries; this class hands them
 * out, submits, reaps and waits.
 *
 * <h2>Memory ordering</h2>
 * The kernel's head/tail words are read with {@code getAcquire} and ours written with
 * {@code setRelease} on the mapped segments (the SQ tail after the entries it publishes, the CQ head
 * after the entries it consumed), as liburing's {@code smp_load_acquire}/{@code smp_store_release}.
 *
 * <h2>Waiting</h2>
 * Through the one I/O core. A platform thread waits inside io_uring_enter(2) (GETEVENTS with a
 * minimum, bounded by an {@code io_uring_getevents_arg} timeout for a deadline) within
 * {@link FdGuard#beginBlocking()}: close's signal interrupts it (EINTR) — one system call per wait,
 * which the single-threaded event loops this is for need. A virtual thread never blocks in the
 * kernel: it makes a non-waiting io_uring_enter and, while too few completions are there, waits for
 * POLLIN on the ring descriptor with {@link Blocking#await} (the poller, so its carrier is free),
 * which close wakes.
 *
 * <h2>Closing</h2>
 * The ring keeps a second descriptor of its own ({@code keep}) so that, after the guard has
 * released the guarded number (the last call out, see FdGuard), it can still cancel what is in
 * flight (IORING_ASYNC_CANCEL_ANY), reap the cancellations, and only then close the ring, unmap the
 * regions and close the arena that holds every buffer the kernel was given. Rings set up with
 * SINGLE_ISSUER accept submissions from their issuer thread only: released on another thread, the
 * cancellation is refused (EEXIST) and closing the ring's last descriptor cancels instead (the
 * kernel's own teardown, for socket operations synchronous with the close).
 */
public final class UringRing {
    private static final VarHandle INT = ValueLayout.JAVA_INT.varHandle();

    private static final int IORING_ENTER_GETEVENTS = LinuxC.IORING_ENTER_GETEVENTS();
    private static final int IORING_ENTER_EXT_ARG = LinuxC.IORING_ENTER_EXT_ARG();
    private static final int IORING_SQ_CQ_OVERFLOW = LinuxC.IORING_SQ_CQ_OVERFLOW();
    private static final int IORING_CQE_F_MORE = LinuxC.IORING_CQE_F_MORE();
    private static final int IORING_FEAT_SINGLE_MMAP = LinuxC.IORING_FEAT_SINGLE_MMAP();
    private static final int IORING_OP_ASYNC_CANCEL = LinuxC.IORING_OP_ASYNC_CANCEL();
    private static final int IORING_ASYNC_CANCEL_ANY = LinuxC.IORING_ASYNC_CANCEL_ANY();
    private static final int IORING_REGISTER_PROBE = LinuxC.IORING_REGISTER_PROBE();
    private static final int ETIME = LinuxC.ETIME();
    private static final int EBADR = LinuxC.EBADR();
    private static final int POLLIN = LinuxC.POLLIN();
    private static final int PROBE_OPS = 256;
    /** Bounded reaping at close: rounds of at most 100 ms each. */
    private static final int CLOSE_ROUNDS = 50;

    /** Called with each completion by {@link #reap}. */
    public interface Sink {
        /** One completion queue entry. */
        void completion(long userData, int res, int flags) throws IOException;
    }

    private final FdGuard guard;
    private final int keep;
    private final Arena arena;
    private final int setupFlags;
    private final int features;
    private final long sqRingAddr, sqRingSize, cqRingAddr, cqRingSize, sqesAddr, sqesSize;
    /** Untracked views of the mappings (the ring keeps them mapped until it is released). */
    private final MemorySegment sq, cq, sqes;
    private final long sqHeadOff, sqTailOff, sqFlagsOff, sqDroppedOff, cqHeadOff, cqTailOff, cqOverflowOff, cqesOff;
    private final int sqMask, sqEntries, cqMask, cqEntries;
    private final boolean[] supported = new boolean[PROBE_OPS];
    /** Per-SQE side memory (addresses, timespecs read at submission): {@link #AUX} bytes per entry. */
    private final MemorySegment aux;
    private final MemorySegment waitArg;
    /** Our SQ tail (entries handed out), and how many of them the kernel has not taken yet. */
    private int sqTail;
    private int pending;
    private int cqHead;
    private int lastOverflow;
    private long inFlight;
    private long lastSqe = -1;

    /** Bytes of side memory per submission entry: a sockaddr_storage. */
    public static final long AUX = 128;

    private UringRing(int fd, int keep, MemorySegment params, Arena arena) throws ErrnoException {
        this.keep = keep;
        this.arena = arena;
        this.setupFlags = params.get(ValueLayout.JAVA_INT, UringStructs.Params.FLAGS);
        this.features = params.get(ValueLayout.JAVA_INT, UringStructs.Params.FEATURES);
        int sqN = params.get(ValueLayout.JAVA_INT, UringStructs.Params.SQ_ENTRIES);
        int cqN = params.get(ValueLayout.JAVA_INT, UringStructs.Params.CQ_ENTRIES);
        long sqArray = u32(params, UringStructs.Params.SQ_ARRAY);
        long sqSize = sqArray + (long) sqN * 4;
        long cqSize = u32(params, UringStructs.Params.CQ_CQES) + (long) cqN * UringStructs.Cqe.SIZE;
        boolean single = (features & IORING_FEAT_SINGLE_MMAP) != 0;
        if (single) sqSize = cqSize = Math.max(sqSize, cqSize);
        long sqAddr = 0, cqAddr = 0, sqesA = 0;
        long sqesLen = (long) sqN * UringStructs.Sqe.SIZE;
        try {
            sqAddr = UringSys.mmapShared(fd, sqSize, LinuxC.IORING_OFF_SQ_RING());
            cqAddr = single ? sqAddr : UringSys.mmapShared(fd, cqSize, LinuxC.IORING_OFF_CQ_RING());
            sqesA = UringSys.mmapShared(fd, sqesLen, LinuxC.IORING_OFF_SQES());
        } catch (ErrnoException e) {
            unmap(sqAddr, sqSize, single ? 0 : cqAddr, cqSize, sqesA, sqesLen);
            throw e;
        }
        this.sqRingAddr = sqAddr;
        this.sqRingSize = sqSize;
        this.cqRingAddr = single ? 0 : cqAddr;
        this.cqRingSize = cqSize;
        this.sqesAddr = sqesA;
        this.sqesSize = sqesLen;
        this.sq = MemorySegment.ofAddress(sqAddr).reinterpret(sqSize);
        this.cq = MemorySegment.ofAddress(cqAddr).reinterpret(cqSize);
        this.sqes = MemorySegment.ofAddress(sqesA).reinterpret(sqesLen);
        sqHeadOff = u32(params, UringStructs.Params.SQ_HEAD);
        sqTailOff = u32(params, UringStructs.Params.SQ_TAIL);
        sqFlagsOff = u32(params, UringStructs.Params.SQ_FLAGS);
        sqDroppedOff = u32(params, UringStructs.Params.SQ_DROPPED);
        cqHeadOff = u32(params, UringStructs.Params.CQ_HEAD);
        cqTailOff = u32(params, UringStructs.Params.CQ_TAIL);
        cqOverflowOff = u32(params, UringStructs.Params.CQ_OVERFLOW);
        cqesOff = u32(params, UringStructs.Params.CQ_CQES);
        sqMask = sq.get(ValueLayout.JAVA_INT, u32(params, UringStructs.Params.SQ_RING_MASK));
        sqEntries = sq.get(ValueLayout.JAVA_INT, u32(params, UringStructs.Params.SQ_RING_ENTRIES));
        cqMask = cq.get(ValueLayout.JAVA_INT, u32(params, UringStructs.Params.CQ_RING_MASK));
        cqEntries = cq.get(ValueLayout.JAVA_INT, u32(params, UringStructs.Params.CQ_RING_ENTRIES));
        // The index array maps SQ slot i to SQE i, once: entries are then filled in place.
        for (int i = 0; i < sqEntries; i++) sq.set(ValueLayout.JAVA_INT, sqArray + i * 4L, i);
        sqTail = (int) INT.getAcquire(sq, sqTailOff);
        cqHead = (int) INT.getAcquire(cq, cqHeadOff);
        lastOverflow = (int) INT.getAcquire(cq, cqOverflowOff);
        aux = untracked(arena.allocate(AUX * sqEntries, 16));
        waitArg = untracked(arena.allocate(UringStructs.GeteventsArg.SIZE + UringStructs.GeteventsArg.TS_SIZE, 8));
        this.guard = new FdGuard(fd, "io_uring", this::released);
    }

    private static long u32(MemorySegment s, long off) {
        return Integer.toUnsignedLong(s.get(ValueLayout.JAVA_INT, off));
    }

    /**
     * io_uring_setup(2) with {@code entries} and {@code flags} ({@code cqEntries} > 0 adds
     * IORING_SETUP_CQSIZE), the mappings and IORING_REGISTER_PROBE. Nothing is left open on failure.
     */
    public static UringRing open(int entries, int cqEntries, int flags) throws IOException {
        Arena arena = Arena.ofShared();
        int fd = -1, keep = -1;
        UringRing r;
        try {
            MemorySegment params = arena.allocate(UringStructs.Params.SIZE, 8);
            if (cqEntries > 0) {
                flags |= LinuxC.IORING_SETUP_CQSIZE();
                params.set(ValueLayout.JAVA_INT, UringStructs.Params.CQ_ENTRIES, cqEntries);
            }
            params.set(ValueLayout.JAVA_INT, UringStructs.Params.FLAGS, flags);
            fd = UringSys.setup(entries, params);
            keep = Sys.fcntl(fd, LinuxC.F_DUPFD_CLOEXEC(), 0);
            r = new UringRing(fd, keep, params, arena);
        } catch (IOException | RuntimeException | Error e) {
            closeQuietly(fd);
            closeQuietly(keep);
            arena.close();
            throw e;
        }
        try {
            r.probe();
        } catch (IOException | RuntimeException e) {
            r.close();
            throw e;
        }
        return r;
    }

    private static void closeQuietly(int fd) {
        if (fd < 0) return;
        try {
            Sys.close(fd);
        } catch (ErrnoException e) {
            // nothing more to do
        }
    }

    private void probe() throws IOException {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment p = a.allocate(UringStructs.Probe.SIZE + PROBE_OPS * UringStructs.Probe.OP_SIZE, 8);
            register(IORING_REGISTER_PROBE, p, PROBE_OPS);
            int n = Math.min(PROBE_OPS, p.get(ValueLayout.JAVA_BYTE, UringStructs.Probe.OPS_LEN) & 0xff);
            for (int i = 0; i < n; i++) {
                long at = UringStructs.Probe.OPS + i * UringStructs.Probe.OP_SIZE;
                int op = p.get(ValueLayout.JAVA_BYTE, at + UringStructs.Probe.OP_OP) & 0xff;
                int fl = p.get(ValueLayout.JAVA_SHORT, at + UringStructs.Probe.OP_FLAGS) & 0xffff;
                supported[op] = (fl & UringStructs.Probe.SUPPORTED) != 0;
            }
        }
    }

    // ---- facts --------------------------------------------------------------------------------

    /** {@return the setup flags the kernel accepted} */
    public int setupFlags() {
        return setupFlags;
    }

    /** {@return the IORING_FEAT_* bits the kernel reported} */
    public int features() {
        return features;
    }

    /** {@return the submission queue's size} */
    public int sqEntries() {
        return sqEntries;
    }

    /** {@return the completion queue's size} */
    public int cqEntries() {
        return cqEntries;
    }

    /** {@return whether IORING_REGISTER_PROBE reported {@code opcode} as supported} */
    public boolean supports(int opcode) {
        return opcode >= 0 && opcode < PROBE_OPS && supported[opcode];
    }

    /** {@return the ring's memory arena (buffers the kernel may use live as long as the ring)} */
    public Arena arena() {
        return arena;
    }

    /** {@return the guard (closing state) of the ring} */
    public FdGuard guard() {
        return guard;
    }

    /** {@return operations submitted whose final completion has not been reaped} */
    public long inFlight() {
        return inFlight;
    }

    /** {@return entries handed out by {@link #next()} and not yet submitted} */
    public int pending() {
        return pending;
    }

    // ---- submission ---------------------------------------------------------------------------

    /**
     * {@return the submission entries' segment} Entries are at {@link #next()}'s offsets.
     */
    public MemorySegment sqes() {
        return sqes;
    }

    /**
     * {@return a view of {@code owned} that is not tied to its arena} Every segment passed to a
     * downcall has its arena kept alive for the call: for a shared arena an atomic acquire and
     * release per call, for an automatic one a reachability fence, for a confined one an owner
     * check. This ring's side memory comes from a shared arena closed only after the
     * descriptor is released, so no call can outlive it: the calls get this view, with no acquire and
     * release each, and the arena keeps {@code owned}.
     */
    private static MemorySegment untracked(MemorySegment owned) {
        return MemorySegment.ofAddress(owned.address()).reinterpret(owned.byteSize());
    }

    /** {@return the side memory segment (untracked view)} */
    public MemorySegment aux() {
        return aux;
    }

    /** {@return the offset of {@link #aux()} for the entry at {@code sqeOffset}} */
    public long auxOffset(long sqeOffset) {
        return sqeOffset / UringStructs.Sqe.SIZE * AUX;
    }

    /**
     * Hands out the next submission entry, zeroed: its offset in {@link #sqes()}. A full queue is
     * submitted first. Call inside {@link FdGuard#begin()}.
     */
    public long next(int fd) throws IOException {
        int head = (int) INT.getAcquire(sq, sqHeadOff);
        if (sqTail - head >= sqEntries) {
            submitNow(fd);
            head = (int) INT.getAcquire(sq, sqHeadOff);
            if (sqTail - head >= sqEntries) throw new IllegalStateException("io_uring submission queue is full");
        }
        long off = (long) (sqTail & sqMask) * UringStructs.Sqe.SIZE;
        for (long i = 0; i < UringStructs.Sqe.SIZE; i += 8) sqes.set(ValueLayout.JAVA_LONG, off + i, 0L);
        sqTail++;
        pending++;
        lastSqe = off;
        return off;
    }

    /** {@return the offset of the entry handed out last and not yet submitted, or -1} */
    public long lastUnsubmitted() {
        return pending > 0 ? lastSqe : -1;
    }

    private void publish() {
        INT.setRelease(sq, sqTailOff, sqTail);
    }

    /** Submits what is pending (call inside begin/end): the number the kernel took. */
    public int submitNow(int fd) throws IOException {
        if (pending == 0) return 0;
        return enterNoWait(fd, 0);
    }

    private void took(int n) {
        pending -= n;
        inFlight += n;
    }

    // ---- completion ---------------------------------------------------------------------------

    /** {@return the completions waiting in the CQ ring} */
    public int ready() {
        return (int) INT.getAcquire(cq, cqTailOff) - cqHead;
    }

    /** {@return whether the kernel holds completions that did not fit the CQ ring (IORING_SQ_CQ_OVERFLOW)} */
    public boolean overflowPending() {
        return ((int) INT.getAcquire(sq, sqFlagsOff) & IORING_SQ_CQ_OVERFLOW) != 0;
    }

    /** {@return the kernel's count of completions dropped (cq overflow) since setup} */
    public int dropped() {
        return (int) INT.getAcquire(cq, cqOverflowOff);
    }

    /** {@return the kernel's count of invalid submission entries dropped} */
    public int invalidDropped() {
        return (int) INT.getAcquire(sq, sqDroppedOff);
    }

    /**
     * Hands every completion in the CQ ring to {@code sink}, oldest first, consuming each before the
     * call (a throwing sink loses nothing else); when the kernel holds overflowed completions, it is
     * asked to flush them (io_uring_enter GETEVENTS) and those are handed on too. Returns how many.
     * Completions the kernel had to drop are reported by {@link #droppedSinceLastReap()} afterwards.
     */
    public int reap(Sink sink) throws IOException {
        int fd = guard.begin();
        try {
            int n = 0;
            while (true) {
                int tail = (int) INT.getAcquire(cq, cqTailOff);
                while (cqHead != tail) {
                    long at = cqesOff + (long) (cqHead & cqMask) * UringStructs.Cqe.SIZE;
                    long ud = cq.get(ValueLayout.JAVA_LONG, at + UringStructs.Cqe.USER_DATA);
                    int res = cq.get(ValueLayout.JAVA_INT, at + UringStructs.Cqe.RES);
                    int flags = cq.get(ValueLayout.JAVA_INT, at + UringStructs.Cqe.FLAGS);
                    INT.setRelease(cq, cqHeadOff, ++cqHead);
                    if ((flags & IORING_CQE_F_MORE) == 0) inFlight--;
                    n++;
                    sink.completion(ud, res, flags);
                }
                if (!overflowPending()) return n;
                flush(fd);
                if ((int) INT.getAcquire(cq, cqTailOff) == cqHead) return n;
            }
        } finally {
            guard.end();
        }
    }

    /** io_uring_enter(GETEVENTS) without waiting: submits what is pending, flushes overflow, runs deferred work. */
    private void flush(int fd) throws IOException {
        enterNoWait(fd, IORING_ENTER_GETEVENTS);
    }

    /**
     * io_uring_enter(2) that waits for nothing (flags 0 or GETEVENTS), made again after a signal
     * unless the ring is closing: submits what is pending and returns how many the kernel took. With
     * GETEVENTS, EBADR (completions were dropped: the overflow counter says how many, see
     * {@link #droppedSinceLastReap()}) returns 0.
     */
    private int enterNoWait(int fd, int flags) throws IOException {
        publish();
        int n;
        do {
            try {
                n = UringSys.enter(fd, pending, 0, flags, MemorySegment.NULL, 0);
            } catch (ErrnoException e) {
                if ((flags & IORING_ENTER_GETEVENTS) == 0 || e.errno() != EBADR) throw e;
                return 0;
            }
        } while (n == UringSys.INTERRUPTED && !guard.closing());
        if (n < 0) throw guard.closedWhileBlocked("io_uring_enter");
        took(n);
        return n;
    }

    /**
     * {@return completions the kernel dropped since the last call (the CQ overflow counter grew), 0
     * when none} The counter is the kernel's; nothing is lost while it stays put.
     */
    public int droppedSinceLastReap() {
        int now = dropped();
        int d = now - lastOverflow;
        lastOverflow = now;
        return d;
    }

    /**
     * Submits what is pending and waits until at least {@code min} completions are in the CQ ring,
     * the deadline ({@link System#nanoTime()}; 0: none) passes, or the ring is closed
     * ({@code SocketClosedException}). Returns the completions ready (fewer than {@code min} only
     * at the deadline). See the class comment for how each kind of thread waits.
     */
    public int submitAndWait(int min, long deadline) throws IOException {
        if (min <= 0) {
            int fd = guard.begin();
            try {
                flush(fd);
                return ready();
            } finally {
                guard.end();
            }
        }
        int fd = guard.beginBlocking();
        try {
            if (!Thread.currentThread().isVirtual()) return waitInKernel(fd, min, deadline);
            flush(fd);
            while (ready() < min) {
                try {
                    Blocking.await(guard, fd, POLLIN, deadline, Blocking.NO_OPTION, "io_uring_enter");
                } catch (SocketTimeoutException e) {
                    return ready();
                }
                flush(fd);
            }
            return ready();
        } catch (IOException e) {
            throw Blocking.closedOr(guard, e, "io_uring_enter");
        } finally {
            guard.endBlocking();
        }
    }

    private int waitInKernel(int fd, int min, long deadline) throws IOException {
        while (true) {
            int have = ready();
            if (have >= min && pending == 0) return have;
            int want = Math.max(0, min - have);
            int flags = IORING_ENTER_GETEVENTS;
            MemorySegment arg = MemorySegment.NULL;
            long argSize = 0;
            if (deadline != 0) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    want = 0;
                } else {
                    waitArg.fill((byte) 0);
                    long ts = waitArg.address() + UringStructs.GeteventsArg.SIZE;
                    waitArg.set(ValueLayout.JAVA_LONG, UringStructs.GeteventsArg.TS, ts);
                    waitArg.set(ValueLayout.JAVA_LONG, UringStructs.GeteventsArg.SIZE + UringStructs.GeteventsArg.TV_SEC,
                            left / 1_000_000_000L);
                    waitArg.set(ValueLayout.JAVA_LONG, UringStructs.GeteventsArg.SIZE + UringStructs.GeteventsArg.TV_NSEC,
                            left % 1_000_000_000L);
                    flags |= IORING_ENTER_EXT_ARG;
                    arg = waitArg;
                    argSize = UringStructs.GeteventsArg.SIZE;
                }
            }
            publish();
            int n;
            try {
                n = UringSys.enter(fd, pending, want, flags, arg, argSize);
            } catch (ErrnoException e) {
                // ETIME: the deadline passed. EBADR: completions were dropped, which the overflow
                // counter reports to the reaper (CompletionsLostException); what is there is handed on.
                if (e.errno() != ETIME && e.errno() != EBADR) throw e;
                return ready();
            }
            if (n == UringSys.INTERRUPTED) {
                if (guard.closing()) throw guard.closedWhileBlocked("io_uring_enter");
                continue; // another signal: wait again
            }
            took(n);
            if (want == 0 || ready() >= min) return ready();
        }
    }

    // ---- registration -------------------------------------------------------------------------

    /** io_uring_register(2) on the ring (inside begin/end): its result. */
    public int register(int opcode, MemorySegment arg, int nrArgs) throws IOException {
        int fd = guard.begin();
        try {
            return UringSys.register(fd, opcode, arg, nrArgs);
        } finally {
            guard.end();
        }
    }

    // ---- closing ------------------------------------------------------------------------------

    /** Closes the ring (see the class comment). Idempotent. */
    public void close() {
        guard.close();
    }

    /** Runs once, when the guard has released the guarded number: cancel, reap, unmap, free. */
    private void released() {
        try {
            if (inFlight > 0 || pending > 0) cancelAndReap();
        } finally {
            closeQuietly(keep);
            unmap(sqRingAddr, sqRingSize, cqRingAddr, cqRingSize, sqesAddr, sqesSize);
            try {
                arena.close();
            } catch (IllegalStateException e) {
                // Another thread holds the arena in a call at this instant (a caller's own misuse):
                // the memory stays allocated rather than freed under it; close never throws.
            }
        }
    }

    private void cancelAndReap() {
        try {
            // Entries prepared but never submitted are dropped: the kernel never saw them.
            sqTail -= pending;
            pending = 0;
            long off = (long) (sqTail & sqMask) * UringStructs.Sqe.SIZE;
            for (long i = 0; i < UringStructs.Sqe.SIZE; i += 8) sqes.set(ValueLayout.JAVA_LONG, off + i, 0L);
            sqes.set(ValueLayout.JAVA_BYTE, off + UringStructs.Sqe.OPCODE, (byte) IORING_OP_ASYNC_CANCEL);
            sqes.set(ValueLayout.JAVA_INT, off + UringStructs.Sqe.OP_FLAGS, IORING_ASYNC_CANCEL_ANY);
            sqes.set(ValueLayout.JAVA_LONG, off + UringStructs.Sqe.USER_DATA, -1L);
            sqTail++;
            pending = 1;
            for (int round = 0; round < CLOSE_ROUNDS && (inFlight > 0 || pending > 0); round++) {
                long deadline = System.nanoTime() + 100_000_000L;
                waitOnKeep(deadline);
                int tail = (int) INT.getAcquire(cq, cqTailOff);
                while (cqHead != tail) {
                    long at = cqesOff + (long) (cqHead & cqMask) * UringStructs.Cqe.SIZE;
                    int flags = cq.get(ValueLayout.JAVA_INT, at + UringStructs.Cqe.FLAGS);
                    INT.setRelease(cq, cqHeadOff, ++cqHead);
                    if ((flags & IORING_CQE_F_MORE) == 0) inFlight--;
                }
            }
        } catch (IOException | RuntimeException e) {
            // EEXIST: another thread is the ring's single issuer. Closing the last descriptor cancels.
        }
    }

    /** One bounded wait for a completion on the kept descriptor (the guarded one is gone). */
    private void waitOnKeep(long deadline) throws IOException {
        publish();
        long left = Math.max(1, deadline - System.nanoTime());
        waitArg.fill((byte) 0);
        long ts = waitArg.address() + UringStructs.GeteventsArg.SIZE;
        waitArg.set(ValueLayout.JAVA_LONG, UringStructs.GeteventsArg.TS, ts);
        waitArg.set(ValueLayout.JAVA_LONG, UringStructs.GeteventsArg.SIZE + UringStructs.GeteventsArg.TV_NSEC, left);
        int n;
        try {
            n = UringSys.enter(keep, pending, 1, IORING_ENTER_GETEVENTS | IORING_ENTER_EXT_ARG, waitArg,
                    UringStructs.GeteventsArg.SIZE);
        } catch (ErrnoException e) {
            if (e.errno() == ETIME) return;
            throw e;
        }
        if (n > 0) took(n);
    }

    private static void unmap(long a, long aLen, long b, long bLen, long c, long cLen) {
        long[] addrs = {a, b, c};
        long[] lens = {aLen, bLen, cLen};
        for (int i = 0; i < 3; i++) {
            if (addrs[i] == 0) continue;
            try {
                UringSys.munmap(addrs[i], lens[i]);
            } catch (ErrnoException e) {
                // only for a bad address, which these are not
            }
        }
    }
}
