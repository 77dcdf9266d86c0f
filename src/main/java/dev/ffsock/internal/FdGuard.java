package dev.ffsock.internal;

import dev.ffsock.ErrnoException;
import dev.ffsock.SocketClosedException;
import dev.ffsock.internal.bindings.LinuxC;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Arrays;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The close state of one descriptor ffsock owns (a socket, an epoll instance, an eventfd), and the
 * one place where closing meets blocked calls.
 *
 * <p>One atomic word holds a CLOSING bit and the number of calls in flight. A call brackets its use
 * of the descriptor with {@link #begin()}/{@link #end()} — or, when it may block inside the kernel
 * on a platform thread, with {@link #beginBlocking()}/{@link #endBlocking()}, which also lists the
 * thread so that close can interrupt its system call.
 *
 * <p>{@link #close()} is idempotent. With no call in flight it closes the descriptor at once.
 * Otherwise it wakes every call: virtual threads parked on the {@link Poller} are unparked (their
 * registration is removed first, while the number still names the real file), the number is
 * {@linkplain Wakeup#detach detached} from the real file, and every listed platform thread is
 * {@linkplain Wakeup#signal signalled}. Nothing is done to the open file itself — no shutdown(2), no
 * flag change — so other holders of it see no difference. The last call to leave closes the number
 * (by then the dead socket) exactly once; it is never used after that.
 */
public final class FdGuard {
    /** What the guarded object releases besides its descriptor (nothing, for most). */
    public interface Release {
        /** Runs once, after the descriptor is closed. */
        void released();
    }

    private static final int POLLIN = LinuxC.POLLIN();
    private static final int CLOSING = 1 << 30;
    /** Set (with CLOSING) by whoever releases the descriptor. */
    private static final int RELEASED = 1 << 29;
    private static final int COUNT = RELEASED - 1;
    private static final VarHandle CTL;

    static {
        try {
            CTL = MethodHandles.lookup().findVarHandle(FdGuard.class, "ctl", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final int fd;
    private final String what;
    private final Release release;
    @SuppressWarnings("unused")
    private volatile int ctl;
    /** This descriptor's entry in the virtual-thread poller; made at the first virtual-thread wait. */
    private volatile Poller.Registration registration;
    /** The {@link Scratch} of the thread that called last; see {@link #scratch()}. Cleared by close. */
    private Scratch scratch;
    /** SO_RCVTIMEO and SO_SNDTIMEO as last read from the kernel (null: not read yet); see {@link #timeout}. */
    private volatile KnownTimeout rcvTimeout, sndTimeout;

    /** A timeout option's value in nanoseconds (0: none), read while {@link Sys#TIMEOUT_EPOCH} was {@code epoch}. */
    private record KnownTimeout(int epoch, long nanos) {
    }
    /** pthread_t of the platform threads inside a call that may block in the kernel (guarded by this). */
    private long[] blocked = new long[2];
    private int blockedCount;
    /**
     * Blocking calls, by direction, to make without a first non-blocking attempt because one found
     * nothing lately ({@link Blocking#call}). A hint: threads racing on it can only cost an attempt.
     */
    private int waitStreakIn, waitStreakOut;

    /**
     * @param fd      the descriptor, owned from now on
     * @param what    how messages name the object ("socket", "epoll", "eventfd")
     * @param release what else to release after the descriptor is closed, or null
     */
    public FdGuard(int fd, String what, Release release) {
        this.fd = fd;
        this.what = what;
        this.release = release;
    }

    /** Whether {@link #readyForVirtualThreads()} has run. */
    private static volatile boolean virtualReady;
    private static final ReentrantLock VIRTUAL_READY_LOCK = new ReentrantLock();

    /**
     * Before the first call on a virtual thread: links the downcalls and starts the poller while
     * other virtual threads wait on a lock (unmounted), rather than on a class initialisation (which
     * would pin their carriers).
     */
    private static void readyForVirtualThreads() throws ErrnoException {
        VIRTUAL_READY_LOCK.lock();
        try {
            if (virtualReady) return;
            Sys.linkForVirtualThreads();
            Blocking.loadWaitClasses();
            Poller.start();
            virtualReady = true;
        } finally {
            VIRTUAL_READY_LOCK.unlock();
        }
    }

    /**
     * {@return the socket's SO_RCVTIMEO or SO_SNDTIMEO ({@code option}) in nanoseconds, 0 for none}
     * A blocking call that has to wait needs it each time; the value is read from the kernel once
     * and again only after ffsock has set either option on any socket in this JVM
     * ({@link Sys#TIMEOUT_EPOCH}), which saves a getsockopt(2) per wait.
     */
    long timeout(int option) throws ErrnoException {
        boolean rcv = option == Sys.SO_RCVTIMEO;
        KnownTimeout known = rcv ? rcvTimeout : sndTimeout;
        int epoch = Sys.TIMEOUT_EPOCH.get();
        if (known != null && known.epoch == epoch) return known.nanos;
        long nanos = Blocking.toNanos(Blocking.socketTimeout(scratch(), fd, option)); // read after the epoch: a change meanwhile moves it
        known = new KnownTimeout(epoch, nanos);
        if (rcv) rcvTimeout = known; else sndTimeout = known;
        return nanos;
    }

    /**
     * Enters a call that does not block in the kernel: the descriptor, held open until {@link #end()}.
     * The first call on a virtual thread starts the poller, and throws ErrnoException (EMFILE,
     * ENOMEM from epoll_create1) if it cannot; a later call tries again.
     */
    public int begin() throws SocketClosedException, ErrnoException {
        return begin(scratch());
    }

    /**
     * {@link #begin()} for a call that has the calling thread's {@link Scratch}, {@code sc}, already
     * (from {@link #scratch()}), which then is not looked up again.
     */
    public int begin(Scratch sc) throws SocketClosedException, ErrnoException {
        // Asked of the thread's Scratch, which the call needs anyway: a platform thread's call
        // then reads neither the static nor the Thread's class (each a page to map again after
        // every system call on a CPU without PCID, where such pages are most of the call's cost).
        if (sc.virtual && !virtualReady) readyForVirtualThreads();
        int c = (int) CTL.getAndAdd(this, 1); // one atomic: calls race only with close, rarely with each other
        if ((c & CLOSING) != 0) {
            end();
            throw closed();
        }
        return fd;
    }

    /**
     * {@return the calling thread's {@link Scratch}} An object is mostly used by one thread at a
     * time, so the last caller's is kept here and the thread-local look-up (four more objects to
     * reach, on pages a CPU without PCID maps again after every system call) is made only when
     * another thread calls. A race only costs a look-up: a Scratch is checked against its owner.
     */
    public Scratch scratch() {
        Scratch s = scratch;
        if (s == null || s.owner != Thread.currentThread()) scratch = s = Scratch.get();
        return s;
    }

    /** Leaves a call; the last call out of a closing object closes the descriptor. */
    public void end() {
        int c = (int) CTL.getAndAdd(this, -1) - 1;
        // The last call out of a closing object releases the descriptor, exactly once: a begin that
        // failed on CLOSING passes through 0 too, so whoever brings the count to 0 claims RELEASED.
        if (c == CLOSING && CTL.compareAndSet(this, CLOSING, CLOSING | RELEASED)) releaseNow();
    }

    /** {@return whether a platform thread's blocking call for {@code events} should first be tried without waiting} */
    boolean tryFirst(int events) {
        if ((events & POLLIN) != 0) {
            if (waitStreakIn == 0) return true;
            waitStreakIn--;
        } else {
            if (waitStreakOut == 0) return true;
            waitStreakOut--;
        }
        return false;
    }

    /** After a first attempt for {@code events} found nothing: the next {@code calls} such calls wait at once. */
    void waitStreak(int events, int calls) {
        if ((events & POLLIN) != 0) waitStreakIn = calls; else waitStreakOut = calls;
    }

    /**
     * Enters a call that may block in the kernel: as {@link #begin()}, and on a platform thread lists
     * the thread for close's signal. Virtual threads never block in the kernel (they park on the
     * poller), so they are not listed. Pair with {@link #endBlocking()}.
     */
    public int beginBlocking() throws SocketClosedException, ErrnoException {
        int fd = begin();
        if (!Thread.currentThread().isVirtual()) {
            try {
                list();
            } catch (SocketClosedException e) {
                end();
                throw e;
            }
        }
        return fd;
    }

    /** Leaves a call entered with {@link #beginBlocking()}. */
    public void endBlocking() {
        if (!Thread.currentThread().isVirtual()) unlist();
        end();
    }

    /**
     * Lists the calling platform thread, inside a call entered with {@link #begin()}, as about to
     * block in the kernel on the descriptor, so that close signals it; pair with {@link #unlist()}.
     * On a close already under way it unlists and throws, leaving the call to {@link #end()}.
     */
    void list() throws SocketClosedException {
        long self = Wakeup.self();
        synchronized (this) {
            if (blockedCount == blocked.length) blocked = Arrays.copyOf(blocked, blockedCount * 2);
            blocked[blockedCount++] = self;
        }
        // A close that looked at the list before we were on it did not detach the number: do
        // not enter the kernel on it (close sets CLOSING before it takes the lock).
        if (closing()) {
            unlist();
            throw closed();
        }
    }

    /** Takes the calling platform thread off the list {@link #list()} put it on. */
    void unlist() {
        long self = Wakeup.self();
        synchronized (this) {
            for (int i = blockedCount - 1; i >= 0; i--) {
                if (blocked[i] == self) {
                    blocked[i] = blocked[--blockedCount];
                    break;
                }
            }
        }
    }

    /** {@return whether close() has been called} */
    public boolean closing() {
        return (ctl & CLOSING) != 0;
    }

    /** {@return the descriptor number, or -1 once closing} */
    public int fd() {
        return closing() ? -1 : fd;
    }

    /** {@return "socket closed", for a call made after close} */
    public SocketClosedException closed() {
        return new SocketClosedException(what + " closed");
    }

    /** {@return the exception for a call that the close interrupted} */
    public SocketClosedException closedWhileBlocked(String call) {
        return new SocketClosedException(what + " closed while blocked in " + call);
    }

    /** {@return the poller registration for virtual-thread waits, made on first use (call inside begin/end)} */
    Poller.Registration registration() throws ErrnoException {
        Poller.Registration r = registration;
        if (r == null) {
            synchronized (this) {
                r = registration;
                if (r == null) registration = r = Poller.register(fd);
            }
        }
        return r;
    }

    /** Closes the descriptor (see the class comment). Idempotent; never throws. */
    public void close() {
        int c;
        do {
            c = ctl;
            if ((c & CLOSING) != 0) return;
            // CLOSING and a hold of close's own in one step: the number stays ours while waking.
        } while (!CTL.weakCompareAndSet(this, c, (c | CLOSING) + 1));
        scratch = null; // the last caller's thread need not stay reachable through a closed object
        try {
            if ((c & COUNT) != 0) wakeAll();
        } finally {
            end(); // releases now if no call is in flight, else the last call out does
        }
    }

    private void wakeAll() {
        Poller.Registration r = registration;
        if (r != null) Poller.deregister(r); // while the number still names the real file
        // Platform threads in the kernel on the number: only listed ones can be (see beginBlocking).
        synchronized (this) {
            if (blockedCount == 0) return;
            try {
                Wakeup.detach(fd);
            } catch (ErrnoException e) {
                // dup3 onto a descriptor we hold open does not fail; if it did, the signal below
                // would still interrupt the calls blocked now.
            }
            for (int i = 0; i < blockedCount; i++) Wakeup.signal(blocked[i]);
        }
    }

    private void releaseNow() {
        Poller.Registration r = registration;
        if (r != null) Poller.deregister(r); // before the number can be reused
        try {
            Sys.close(fd);
        } catch (ErrnoException e) {
            // close(2) only fails here with EIO on odd descriptors; the number is released regardless.
        }
        if (release != null) release.released();
    }
}
