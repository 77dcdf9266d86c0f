package dev.ffsock.internal;

import dev.ffsock.ErrnoException;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.net.SocketTimeoutException;
import java.nio.channels.ClosedByInterruptException;
import java.time.Duration;

/**
 * The one wait of ffsock: what a blocking-mode call does when its descriptor is not ready. Every
 * call that can wait — the socket calls, the message and batch calls, poll, epoll_wait, eventfd
 * read/write, netlink — is written as "attempt; while it would block, {@link #await}; attempt
 * again", so timeouts, interrupts and close are handled here once:
 *
 * <ul>
 *   <li>a virtual thread parks on the {@link Poller} (its carrier is free while it waits);</li>
 *   <li>a platform thread waits in poll(2), listed on the {@link FdGuard} so that close interrupts it;</li>
 *   <li>the time limit is the socket's SO_RCVTIMEO/SO_SNDTIMEO (taken when the call first has to
 *       wait, from {@link FdGuard#timeout}: read from the kernel, and again after any change made
 *       through ffsock) or the call's own deadline, and its expiry throws
 *       {@link SocketTimeoutException};</li>
 *   <li>a close throws {@code SocketClosedException}; a virtual thread interrupted while parked
 *       closes the object and throws {@link ClosedByInterruptException}.</li>
 * </ul>
 *
 * Deadlines are {@link System#nanoTime()} values; 0 means none, {@link #UNSET} "not computed yet".
 */
public final class Blocking {
    private Blocking() {
    }

    /** A deadline not yet computed (the call has not had to wait yet). */
    public static final long UNSET = Long.MIN_VALUE;
    /** {@code option} for a call bounded by its own deadline (or not at all) rather than a socket option. */
    public static final int NO_OPTION = 0;

    /** {@return the deadline {@code timeout} from now; 0 (none) for a zero or negative timeout} */
    public static long deadline(Duration timeout) {
        return deadlineNanos(toNanos(timeout));
    }

    /** {@return {@code timeout} in nanoseconds; 0 (none) for a zero, negative or unrepresentable one} */
    static long toNanos(Duration timeout) {
        if (timeout.isZero() || timeout.isNegative()) return 0;
        try {
            return timeout.toNanos();
        } catch (ArithmeticException e) {
            return 0;
        }
    }

    private static long deadlineNanos(long nanos) {
        return nanos <= 0 ? 0 : at(Math.min(nanos, Long.MAX_VALUE / 4));
    }

    /** {@return the deadline {@code millis} from now; 0 (none) when negative} */
    public static long deadlineMillis(long millis) {
        if (millis < 0) return 0;
        return at(Math.min(millis, Long.MAX_VALUE / 4_000_000L) * 1_000_000L);
    }

    private static long at(long nanosFromNow) {
        long d = System.nanoTime() + nanosFromNow;
        return d == 0 || d == UNSET ? d + 1 : d;
    }

    /** {@return whether {@code deadline} (not 0) has passed} */
    public static boolean expired(long deadline) {
        return deadline != 0 && deadline != UNSET && deadline - System.nanoTime() <= 0;
    }

    /** {@return the milliseconds left until {@code deadline}, rounded up; -1 for none} */
    public static int remainingMillis(long deadline) {
        if (deadline == 0 || deadline == UNSET) return -1;
        long left = deadline - System.nanoTime();
        if (left <= 0) return 0;
        return (int) Math.min(Integer.MAX_VALUE, (left + 999_999) / 1_000_000);
    }

    /**
     * Before a blocking-mode call: a thread whose interrupt status is set closes the object and gets
     * {@link ClosedByInterruptException} (as {@link java.nio.channels.InterruptibleChannel}s do).
     */
    public static void checkInterrupt(FdGuard guard) throws ClosedByInterruptException {
        if (Thread.currentThread().isInterrupted()) {
            guard.close();
            throw new ClosedByInterruptException();
        }
    }

    /**
     * Waits once for {@code events} (POLL bits) on {@code fd}, on behalf of a blocking-mode call that
     * found it not ready, and returns the deadline for the next round. Spurious returns are allowed:
     * the caller attempts its call again.
     *
     * @param guard    the object's guard; the call must be inside {@link FdGuard#beginBlocking()} (or begin and list)
     * @param deadline {@link #UNSET} the first time (the limit then comes from {@code option}), or the
     *                 call's own deadline (0: none)
     * @param option   SO_RCVTIMEO or SO_SNDTIMEO, the socket option that bounds the call, or
     *                 {@link #NO_OPTION}
     * @throws SocketTimeoutException     when the time limit has passed
     * @throws dev.ffsock.SocketClosedException when the object was closed
     * @throws ClosedByInterruptException when a waiting virtual thread was interrupted (the object is closed)
     */
    public static long await(FdGuard guard, int fd, int events, long deadline, int option, String call)
            throws IOException {
        if (guard.closing()) throw guard.closedWhileBlocked(call);
        boolean virtual = Thread.currentThread().isVirtual();
        if (deadline == UNSET) {
            if (option == NO_OPTION) {
                deadline = 0;
            } else {
                // A platform thread's call blocks in the kernel unless the descriptor is O_NONBLOCK
                // there (a virtual thread's accept/connect made it so, or another holder did): if it
                // is not, the kernel has already waited out the socket's timeout.
                if (!virtual && (Sys.fcntl(fd, Sys.F_GETFL, 0) & Sys.O_NONBLOCK) == 0) {
                    throw new SocketTimeoutException(call + " timed out");
                }
                deadline = optionDeadline(guard, option);
            }
        }
        if (expired(deadline)) throw new SocketTimeoutException(call + " timed out");
        if (virtual) {
            Poller.await(guard.registration(), events, deadline, guard);
        } else {
            pollOne(fd, events, remainingMillis(deadline)); // close's signal interrupts it
        }
        if (guard.closing()) throw guard.closedWhileBlocked(call);
        if (virtual) checkInterrupt(guard);
        return deadline;
    }

    /** One system call of the send/recv family, as {@link #call} makes it (non-capturing lambdas: no allocation). */
    @FunctionalInterface
    public interface Call {
        /**
         * Makes the call once: its result, or {@link Sys#WOULD_BLOCK}.
         *
         * @param buf   the buffer, msghdr or mmsghdr vector; null for memory passed by number
         * @param at    the native address of memory passed by number (a direct ByteBuffer's, see
         *              {@link DirectBuffers}), 0 otherwise
         * @param len   the buffer's length, or the vector's entry count
         * @param extra the call's other argument (an address), or null
         * @param st    the calling thread's errno capture
         */
        long invoke(MemorySegment st, int fd, MemorySegment buf, long at, long len, int flags, Object extra) throws ErrnoException;
    }


    /**
     * {@return whether a blocking-mode call on this thread waits inside the kernel} True on platform
     * threads (one plain blocking system call, interrupted by close's signal); false on virtual
     * threads, whose calls carry MSG_DONTWAIT and park on the poller instead. Heap buffers must be
     * copied to native memory for a call that waits in the kernel. Asked of the thread's Scratch
     * ({@code sc}, from {@link FdGuard#scratch()}), not of the Thread's class.
     */
    public static boolean inKernel(Scratch sc, boolean block) {
        return block && !sc.virtual;
    }

    /** {@code first} of {@link #call}: a blocking-mode call goes straight into its wait. */
    public static final int WAIT = 0;
    /**
     * {@code first} of {@link #call}: a platform thread's blocking-mode call is first made with
     * MSG_DONTWAIT, whose result — unless it would block — is what the blocking call would have
     * returned: receives (without MSG_WAITALL), datagram and record sends.
     */
    public static final int TRY = 1;
    /**
     * {@code first} of {@link #call}: as {@link #TRY}, for a send of {@code len} bytes at {@code buf}
     * (or {@code at}) that a stream socket may take only in part without waiting: the rest is then
     * sent by the blocking call, as one blocking send(2) would, and the sum returned.
     */
    public static final int TRY_THEN_REST = 2;

    /** Blocking calls made without a first attempt after one that found nothing (see {@link #call}). */
    static final int WAIT_STREAK = 16;

    /**
     * The send/recv family's one loop: makes {@code op} — with MSG_DONTWAIT added unless it is a
     * blocking-mode call on a platform thread — and, while it would block in blocking mode, waits
     * with {@link #await} and makes it again. After a close the number names a dead socket, so a
     * result of 0 or less then means the call was cut short by the close.
     *
     * <p>A platform thread's blocking-mode call enters the kernel's blocking call listed on the
     * guard (so that close can signal it) through a downcall that may block. When what it asks for
     * is already there, that is wasted work: with {@code first} {@link #TRY} or
     * {@link #TRY_THEN_REST} the call is first made as a non-blocking one (MSG_DONTWAIT: the critical
     * handle, no listing), and only if that would block does it wait as above. So that calls that
     * usually wait (a blocking ping-pong) do not pay a failed attempt each time, after an attempt
     * found nothing the next {@link #WAIT_STREAK} blocking calls in that direction wait at once.
     * MSG_WAITALL (which MSG_DONTWAIT would cut short) always waits at once.
     *
     * @param block    blocking mode (and no MSG_DONTWAIT in the caller's flags)
     * @param first    {@link #WAIT}, {@link #TRY} or {@link #TRY_THEN_REST}
     * @param events   POLLIN or POLLOUT
     * @param deadline {@link #UNSET} to take the limit from {@code option}, or the call's own deadline
     * @return the call's result; {@link Sys#WOULD_BLOCK} only when not {@code block}
     */
    public static long call(FdGuard guard, boolean block, int first, int flags, int events, long deadline, int option,
                            String name, Call op, MemorySegment buf, long at, long len, Object extra) throws IOException {
        Scratch sc = guard.scratch();
        boolean inKernel = inKernel(sc, block);
        if (!inKernel) flags |= Sys.MSG_DONTWAIT;
        boolean trying = inKernel && first != WAIT && (flags & Sys.MSG_WAITALL) == 0 && guard.tryFirst(events);
        int fd = guard.begin(sc);
        MemorySegment st = sc.errno;
        boolean listed = false;
        long done = 0; // of a TRY_THEN_REST send: bytes its first attempt sent
        try {
            long r;
            // One call site for every attempt, so that the call inlines as it did before there was a
            // first attempt (two sites put it out of C2's budget in some JVMs, and FFM's capture
            // segment then allocated per call).
            while (true) {
                if (inKernel && !trying && !listed) {
                    guard.list();
                    listed = true;
                }
                try {
                    r = op.invoke(st, fd, buf, at, len, trying ? flags | Sys.MSG_DONTWAIT : flags, extra);
                    if (trying) {
                        trying = false;
                        if (r == Sys.WOULD_BLOCK) {
                            guard.waitStreak(events, WAIT_STREAK);
                            continue;
                        }
                        if (r > 0 && r < len && first == TRY_THEN_REST) {
                            done = r;
                            if (buf != null) buf = buf.asSlice(done);
                            else at += done;
                            len -= done;
                            continue;
                        }
                        break;
                    }
                    if (r != Sys.WOULD_BLOCK || !block) break;
                    deadline = await(guard, fd, events, deadline, option, name);
                } catch (SocketTimeoutException | ErrnoException e) {
                    // As one blocking send(2) that had made progress: what was sent, the error left for the next call.
                    if (done > 0 && !guard.closing()) return done;
                    throw e;
                }
            }
            if (r <= 0 && guard.closing()) throw guard.closedWhileBlocked(name);
            return done + r;
        } catch (IOException e) {
            throw closedOr(guard, e, name);
        } finally {
            if (listed) guard.unlist();
            guard.end();
        }
    }

    /**
     * {@return {@code e}, or — for an errno from a call that a close cut short (the number then names
     * a dead socket) — a SocketClosedException with {@code e} suppressed}
     */
    public static IOException closedOr(FdGuard guard, IOException e, String call) {
        if (e instanceof ErrnoException && guard.closing()) {
            dev.ffsock.SocketClosedException c = guard.closedWhileBlocked(call);
            c.addSuppressed(e);
            return c;
        }
        return e;
    }

    /**
     * A readiness call — poll(2), epoll_wait(2) — for {@link #ready}: the call waits in the kernel
     * itself on a platform thread, and parks on the poller on a virtual thread. Non-capturing
     * implementations take their state as {@code target}, so a call allocates nothing.
     */
    public interface Ready {
        /**
         * Makes the call with a wait of {@code millis} (0: look only; -1: no limit): the number of
         * ready entries. Throws SocketClosedException when the object (any of them) was closed.
         */
        int check(Object target, int fd, int events, int millis) throws IOException;

        /**
         * Between two checks: a virtual thread parks until the call may find something (spurious
         * returns are fine); a platform thread, whose call has already waited, does not. Returns
         * false to end the call now with 0 (an interrupted selector-style wait).
         */
        boolean park(Object target, int fd, int events, long deadline, boolean virtual) throws IOException;
    }

    /**
     * The one readiness loop (Socket.poll, PollSet.poll, Epoll.wait): checks, and while nothing is
     * ready and time is left, parks and checks again; a platform thread's call that returned early
     * (a signal) simply goes round.
     *
     * @param timeoutMillis -1 for no limit, 0 to look without waiting
     */
    public static int ready(Ready call, Object target, int fd, int events, int timeoutMillis) throws IOException {
        boolean virtual = Thread.currentThread().isVirtual();
        long deadline = deadlineMillis(timeoutMillis);
        while (true) {
            int n = call.check(target, fd, events, virtual || timeoutMillis == 0 ? 0 : remainingMillis(deadline));
            if (n > 0 || timeoutMillis == 0 || expired(deadline)) return n;
            if (!call.park(target, fd, events, deadline, virtual)) return 0;
        }
    }

    /**
     * A virtual thread's wait in a poll-style call (poll, epoll_wait): parks once on the poller until
     * {@code fd} may be ready, the deadline passes, the object closes or the thread is interrupted.
     * Never throws for time or interrupt: the caller checks again and decides.
     */
    public static void awaitReady(FdGuard guard, int fd, int events, long deadline) throws IOException {
        if (guard.closing() || expired(deadline)) return;
        Poller.await(guard.registration(), events, deadline, guard);
    }

    /**
     * Waits for any of several descriptors (a virtual thread's {@code PollSet.poll}): parks on the
     * poller until one is ready, one closes, the deadline passes or the thread is interrupted.
     */
    public static void awaitAny(FdGuard[] guards, int[] events, int n, long deadline) throws IOException {
        if (expired(deadline)) return;
        Poller.Registration[] regs = new Poller.Registration[n];
        for (int i = 0; i < n; i++) regs[i] = guards[i].registration();
        Poller.awaitAny(regs, events, guards, n, deadline);
    }

    /** poll(2) of one descriptor: its revents, 0 when not ready within {@code millis} (or interrupted). */
    public static int pollOne(int fd, int events, int millis) throws ErrnoException {
        MemorySegment p = Scratch.get().pollfd();
        p.set(ValueLayout.JAVA_INT, Structs.Pollfd.FD, fd);
        p.set(ValueLayout.JAVA_SHORT, Structs.Pollfd.EVENTS, (short) events);
        p.set(ValueLayout.JAVA_SHORT, Structs.Pollfd.REVENTS, (short) 0);
        if (Sys.poll(p, 1, millis) == 0) return 0;
        return p.get(ValueLayout.JAVA_SHORT, Structs.Pollfd.REVENTS) & 0xffff;
    }

    /**
     * Loads the classes a virtual thread's first wait needs (the timeval layout, Duration, the
     * pollfd layout), so that ten thousand virtual threads waiting at once do not meet in a class
     * loader's lock, which pins their carriers (VirtualThreadStressTest saw it).
     */
    static void loadWaitClasses() {
        long sizes = Structs.Timeval.SIZE + Structs.Pollfd.SIZE + Duration.ZERO.getNano();
        if (sizes <= 0) throw new AssertionError("layout sizes");
    }

    /**
     * {@return a socket's SO_RCVTIMEO or SO_SNDTIMEO ({@code option}); zero for none} The one place a
     * timeval option is read: {@code SockOpt.SO_RCVTIMEO}/{@code SO_SNDTIMEO} and the waits use it.
     * {@code s} is the calling thread's Scratch: the value, its length and the errno capture.
     */
    public static Duration socketTimeout(Scratch s, int fd, int option) throws ErrnoException {
        s.optLen.set(ValueLayout.JAVA_INT, 0, (int) Structs.Timeval.SIZE);
        Sys.getsockopt(s.errno, fd, Sys.SOL_SOCKET, option, s.optValue, s.optLen);
        return Duration.ofSeconds(s.optValue.get(ValueLayout.JAVA_LONG, Structs.Timeval.SEC),
                s.optValue.get(ValueLayout.JAVA_LONG, Structs.Timeval.USEC) * 1000);
    }

    /**
     * {@return the deadline a socket's SO_RCVTIMEO or SO_SNDTIMEO sets for a call starting now; 0 for
     * none} The value comes from {@link FdGuard#timeout}.
     */
    public static long optionDeadline(FdGuard guard, int option) throws ErrnoException {
        return deadlineNanos(guard.timeout(option));
    }
}
