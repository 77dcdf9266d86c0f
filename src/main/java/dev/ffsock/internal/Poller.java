package dev.ffsock.internal;

import dev.ffsock.ErrnoException;
import dev.ffsock.internal.bindings.LinuxC;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The process-wide poller that lets virtual threads wait for a descriptor without pinning their
 * carrier: a private epoll set in which each descriptor a virtual thread has waited on is registered
 * {@code EPOLLONESHOT}. A waiting virtual thread adds itself to its descriptor's {@link Registration},
 * (re)arms it for the events it needs and parks ({@link LockSupport#park(Object)}); when the
 * descriptor fires the poller unparks one waiter per fired event (see {@link #handOff}), which
 * retries its non-blocking call (a spurious wake-up only costs a retry). Close unparks all.
 *
 * <p>The poller is itself a virtual thread ({@code ffsock-poller}), as the JDK's own read pollers
 * are: it reads the epoll set without waiting and, while it keeps finding events, yields between
 * reads, so on a busy server the threads it wakes are queued on the carrier it runs on — no thread
 * switch and no futex per wake-up. When a read finds nothing, and at least every 10 ms of finding
 * events (unlike the JDK's, so that it cannot starve threads queued from outside the carriers; see
 * {@link #pollerLoop}), it parks, with the epoll set's descriptor armed (one-shot) in a second epoll
 * set watched by one platform daemon thread ({@code ffsock-poller-master}), which unparks it. Like the
 * JDK's, it needs a carrier to run: virtual threads that never leave their carriers delay every other
 * virtual thread's wake-up.
 *
 * <p>Registrations live as long as their descriptor: the owner removes one with
 * {@link #deregister(Registration)} (EPOLL_CTL_DEL) <em>before</em> it closes the descriptor, so a
 * reused descriptor number never meets a stale registration. The epoll data word carries the
 * descriptor number and a generation, so an event read just before a deregistration cannot wake the
 * waiters of a later registration of the same number.
 *
 * <p>Each registration has its own lock, which guards its waiters and what is armed for it in the
 * kernel and is held across its epoll_ctl(2) calls (never across a wait): waits on different
 * descriptors never contend, so opening, serving and closing many connections at once scales (one
 * lock for all of them made every wait take it twice, hold it across epoll_ctl(2), and queue the
 * virtual threads that found it taken). The descriptor table has a lock of its own, taken only to
 * add or remove a registration; the poller reads the table without it (release/acquire on the
 * slots), and checks each event's generation against the registration it finds.
 */
public final class Poller {
    private Poller() {
    }

    private static final int EPOLL_CTL_ADD = LinuxC.EPOLL_CTL_ADD();
    private static final int EPOLL_CTL_DEL = LinuxC.EPOLL_CTL_DEL();
    private static final int EPOLL_CTL_MOD = LinuxC.EPOLL_CTL_MOD();
    private static final int EPOLLONESHOT = LinuxC.EPOLLONESHOT();
    private static final int EPOLL_CLOEXEC = LinuxC.EPOLL_CLOEXEC();
    private static final int MAX_EVENTS = 256;
    /** The longest the poller goes on yielding (finding events each time) before it parks through the master. */
    private static final long FAIR_NANOS = 10_000_000L;

    /** One descriptor's entry in the poller's epoll set; owned by the socket (or epoll, eventfd) it serves. */
    static final class Registration {
        final int fd;
        final long key;
        /** Guards the fields below and this descriptor's epoll_ctl(2) calls. */
        final ReentrantLock lock = new ReentrantLock();
        /** Events currently armed in the kernel (0: disarmed, after firing or before the first wait). */
        int armed;
        boolean added;
        boolean removed;
        final ArrayList<Waiter> waiters = new ArrayList<>(1);

        Registration(int fd, long key) {
            this.fd = fd;
            this.key = key;
        }
    }

    /**
     * One parked thread and the events it waits for. A thread waits in one place at a time, so each
     * keeps one Waiter in its {@link Scratch} and a wait allocates nothing.
     */
    static final class Waiter {
        final Thread thread = Thread.currentThread();
        /** The events waited for; 0 for a thread waiting on several descriptors (woken by any event). */
        int events;
        /**
         * Unparked by the poller for an event (not yet back to retry its call). Volatile: a thread
         * waiting on several descriptors is listed under several registrations' locks.
         */
        volatile boolean notified;
    }

    /** {@return the calling thread's Waiter, set to wait for {@code events}} */
    private static Waiter waiter(int events) {
        Waiter me = Scratch.get().waiter();
        me.events = events;
        me.notified = false;
        return me;
    }

    private static final int EPOLLERR = LinuxC.EPOLLERR();
    private static final int EPOLLHUP = LinuxC.EPOLLHUP();
    private static final int EPOLLIN = LinuxC.EPOLLIN();

    /** Guards changes to the table ({@link #byFd}, {@link #generation}); readers go without it. */
    private static final ReentrantLock TABLE_LOCK = new ReentrantLock();
    private static final VarHandle SLOT = MethodHandles.arrayElementVarHandle(Registration[].class);

    /** Registrations by descriptor number; replaced (grown) under TABLE_LOCK, slots set with release. */
    private static volatile Registration[] byFd = new Registration[1024];
    private static int generation;

    /** {@return the registration in {@code fd}'s slot, or null} Without a lock: the caller checks the key. */
    private static Registration slot(int fd) {
        Registration[] t = byFd;
        return fd >= 0 && fd < t.length ? (Registration) SLOT.getAcquire(t, fd) : null;
    }

    /*
     * The poller's epoll descriptors and threads, made by start() on first use, step by step: a step
     * that fails (no descriptor or no memory to be had just then) throws to the caller and is tried
     * again by the next call, with the steps already done kept. Written under START_LOCK before
     * `pollerRunning` (the last step); read after a read of it or by the threads started after they
     * were written.
     */
    private static final ReentrantLock START_LOCK = new ReentrantLock();
    /** The epoll set of the descriptors virtual threads wait on. */
    private static int epfd = -1;
    /** The master's epoll set: just {@link #epfd}, armed one-shot while the poller is parked. */
    private static int masterEpfd = -1;
    private static Thread poller;
    private static boolean masterRunning;
    private static volatile boolean pollerRunning;

    /**
     * Starts the poller if it is not running yet. Throws, and leaves the rest to the next call, when
     * a step cannot be made now; never leaves the poller unable to start later.
     *
     * @throws ErrnoException if epoll_create1(2) fails (EMFILE, ENOMEM)
     */
    static void start() throws ErrnoException {
        if (pollerRunning) return;
        START_LOCK.lock();
        try {
            if (pollerRunning) return;
            if (epfd < 0) epfd = Sys.epollCreate1(EPOLL_CLOEXEC);
            if (masterEpfd < 0) masterEpfd = Sys.epollCreate1(EPOLL_CLOEXEC);
            if (poller == null) poller = Thread.ofVirtual().name("ffsock-poller").unstarted(Poller::pollerLoop);
            if (!masterRunning) {
                Thread.ofPlatform().daemon().name("ffsock-poller-master").start(Poller::masterLoop);
                masterRunning = true;
            }
            poller.start();
            pollerRunning = true;
        } finally {
            START_LOCK.unlock();
        }
    }

    /**
     * The poller (a virtual thread): reads the ready events without waiting and hands them off; after
     * a read that found some it yields (the threads it woke run on this carrier, then it reads again),
     * after one that found none it parks until the master sees its set ready. It also parks through
     * the master at least every {@link #FAIR_NANOS} of yielding: a yield queues it on its carrier's
     * local queue behind the threads it woke, and a carrier whose local queue never empties never
     * looks at its pool's shared queue, where threads started or woken from outside the carriers
     * wait, so without that bound a poller that always finds events would starve them.
     */
    private static void pollerLoop() {
        MemorySegment events = null;
        boolean masterAdded = false;
        int n = 0;
        long streakStart = 0;
        int failures = 0;
        while (true) {
            try {
                if (events == null) events = Arena.global().allocate(ArchLayouts.EPOLL_EVENT_SIZE * MAX_EVENTS, 8);
                if (n > 0 && System.nanoTime() - streakStart < FAIR_NANOS) {
                    Thread.yield();
                } else {
                    armMaster(masterAdded);
                    masterAdded = true;
                    LockSupport.park();
                    streakStart = System.nanoTime();
                }
                n = Sys.epollWait(epfd, events, MAX_EVENTS, 0);
                if (n > 0) dispatch(events, n);
                failures = 0;
            } catch (Throwable e) {
                // Nothing here fails with valid descriptors and memory to spare; when something does
                // (an errno, memory running out), the poller must live on: every virtual thread
                // waiting in the JVM depends on it. Its waiters may have lost an event, so they are
                // all woken to look again.
                backOff("ffsock-poller", e, ++failures);
                wakeAll();
                n = 0;
            }
        }
    }

    private static void armMaster(boolean added) throws ErrnoException {
        armOneShot(masterEpfd, added, epfd, EPOLLIN, epfd);
    }

    /** (Re)arms {@code fd} in {@code epfd} one-shot for {@code events}, with {@code data} in its events. */
    private static void armOneShot(int epfd, boolean added, int fd, int events, long data) throws ErrnoException {
        MemorySegment ev = Scratch.get().epollEvent();
        ev.set(ValueLayout.JAVA_INT_UNALIGNED, ArchLayouts.EPOLL_EVENT_EVENTS, events | EPOLLONESHOT);
        ev.set(ValueLayout.JAVA_LONG_UNALIGNED, ArchLayouts.EPOLL_EVENT_DATA, data);
        Sys.epollCtl(epfd, added ? EPOLL_CTL_MOD : EPOLL_CTL_ADD, fd, ev);
    }

    /** The master (a platform thread): waits until the poller's set has events and unparks the poller. */
    private static void masterLoop() {
        MemorySegment master = null;
        int failures = 0;
        while (true) {
            try {
                if (master == null) master = Arena.global().allocate(ArchLayouts.EPOLL_EVENT_SIZE, 8);
                if (Sys.epollWait(masterEpfd, master, 1, -1) > 0) LockSupport.unpark(poller);
                failures = 0;
            } catch (Throwable e) {
                backOff("ffsock-poller-master", e, ++failures); // as in pollerLoop: it must live on
            }
        }
    }

    /**
     * After a failure in a poller loop: says so (the 1st, 10th, 100th and every 1000th failure of a
     * run in a row) and pauses rather than spin.
     */
    private static void backOff(String who, Throwable e, int failures) {
        if (failures == 1 || failures == 10 || failures == 100 || failures % 1000 == 0) {
            System.err.println(who + ": " + e + (failures > 1 ? " (" + failures + " failures in a row)" : ""));
        }
        LockSupport.parkNanos(10_000_000L);
    }

    /** Wakes every waiting virtual thread (each looks again, and re-arms if it must wait on). */
    private static void wakeAll() {
        Registration[] t = byFd;
        for (int fd = 0; fd < t.length; fd++) {
            Registration r = (Registration) SLOT.getAcquire(t, fd);
            if (r == null) continue;
            r.lock.lock();
            try {
                wakeLocked(r);
            } finally {
                r.lock.unlock();
            }
        }
    }

    private static void dispatch(MemorySegment events, int n) {
        for (int i = 0; i < n; i++) {
            long key = events.get(ValueLayout.JAVA_LONG_UNALIGNED,
                    i * ArchLayouts.EPOLL_EVENT_SIZE + ArchLayouts.EPOLL_EVENT_DATA);
            Registration r = slot((int) key);
            if (r == null || r.key != key) continue; // deregistered meanwhile
            int fired = events.get(ValueLayout.JAVA_INT_UNALIGNED,
                    i * ArchLayouts.EPOLL_EVENT_SIZE + ArchLayouts.EPOLL_EVENT_EVENTS);
            r.lock.lock();
            try {
                if (r.removed) continue;
                r.armed = 0; // one-shot: the kernel disarmed it
                handOff(r, fired);
            } finally {
                r.lock.unlock();
            }
        }
    }

    /** Unparks every waiter of {@code r}; the caller holds {@code r.lock}. */
    private static void wakeLocked(Registration r) {
        for (int i = 0, n = r.waiters.size(); i < n; i++) LockSupport.unpark(r.waiters.get(i).thread);
    }

    /**
     * Wakes, for each fired event bit, the first waiter not yet woken that wants it (all of them on
     * EPOLLERR/EPOLLHUP), and re-arms for the waiters left. Many threads waiting on one descriptor
     * (say, 1000 in accept on one listener) thus get one wake-up per ready event, not a herd: if the
     * event is still pending after the woken thread's call (level-triggered), the re-armed
     * registration fires again for the next waiter. The caller holds {@code r.lock}.
     */
    private static void handOff(Registration r, int fired) {
        boolean all = (fired & (EPOLLERR | EPOLLHUP)) != 0;
        int covered = 0;
        int remaining = 0;
        for (int i = 0, n = r.waiters.size(); i < n; i++) {
            Waiter w = r.waiters.get(i);
            if (w.notified) continue;
            int m = w.events & fired;
            if (all || w.events == 0 || (m & ~covered) != 0) { // 0: a PollSet waiter, woken by anything
                w.notified = true;
                LockSupport.unpark(w.thread);
                covered |= m;
            } else {
                remaining |= w.events;
            }
        }
        if (remaining != 0) {
            try {
                arm(r, remaining);
            } catch (ErrnoException e) {
                wakeLocked(r); // cannot re-arm: let them all retry (and re-arm themselves)
            }
        }
    }

    private static void arm(Registration r, int want) throws ErrnoException {
        armOneShot(epfd, r.added, r.fd, want, r.key);
        r.added = true;
        r.armed = want;
    }

    /** {@return a new registration for {@code fd}, not yet in the epoll set (added on the first wait)} */
    static Registration register(int fd) throws ErrnoException {
        start();
        TABLE_LOCK.lock();
        try {
            Registration[] t = byFd;
            if (fd >= t.length) byFd = t = Arrays.copyOf(t, Math.max(fd + 1, t.length * 2));
            long key = ((long) ++generation << 32) | (fd & 0xffffffffL);
            Registration r = new Registration(fd, key);
            SLOT.setRelease(t, fd, r);
            return r;
        } finally {
            TABLE_LOCK.unlock();
        }
    }

    /**
     * Parks the calling virtual thread until {@code r}'s descriptor reports one of {@code events}
     * (EPOLL bits, equal to the POLL bits), the deadline passes ({@code deadlineNanos} as
     * {@link System#nanoTime()}; 0: none), the thread is interrupted or unparked, or {@code guard}
     * closes. Returns in every case: the caller retries its call and checks those conditions itself.
     */
    static void await(Registration r, int events, long deadlineNanos, FdGuard guard) throws ErrnoException {
        Waiter me = waiter(events);
        if (!enlist(r, me, events)) return;
        try {
            // A close that ran before we were listed has already done its wake-up: do not park.
            if (!guard.closing()) park(r, deadlineNanos);
        } finally {
            delist(r, me);
        }
    }

    /**
     * As {@link #await} for several descriptors at once ({@code n} entries of {@code regs},
     * {@code events} and {@code guards}): returns when any of them is ready or closes.
     */
    static void awaitAny(Registration[] regs, int[] events, FdGuard[] guards, int n, long deadlineNanos)
            throws ErrnoException {
        Waiter me = waiter(0);
        int listed = 0;
        try {
            for (; listed < n; listed++) {
                if (!enlist(regs[listed], me, events[listed])) return;
            }
            for (int i = 0; i < n; i++) if (guards[i].closing()) return;
            park(regs[0], deadlineNanos);
        } finally {
            for (int i = 0; i < listed; i++) delist(regs[i], me);
        }
    }

    /** Lists {@code me} on {@code r} and arms it for {@code events}; false if {@code r} is removed (closed). */
    private static boolean enlist(Registration r, Waiter me, int events) throws ErrnoException {
        r.lock.lock();
        try {
            if (r.removed) return false;
            r.waiters.add(me);
            if ((r.armed & events) != events) {
                try {
                    arm(r, r.armed | events);
                } catch (ErrnoException e) {
                    r.waiters.remove(me);
                    throw e;
                }
            }
            return true;
        } finally {
            r.lock.unlock();
        }
    }

    /** Takes {@code me} off {@code r}'s waiters. */
    private static void delist(Registration r, Waiter me) {
        r.lock.lock();
        try {
            r.waiters.remove(me);
        } finally {
            r.lock.unlock();
        }
    }

    private static void park(Object blocker, long deadlineNanos) {
        if (deadlineNanos == 0) {
            LockSupport.park(blocker);
        } else {
            long left = deadlineNanos - System.nanoTime();
            if (left > 0) LockSupport.parkNanos(blocker, left);
        }
    }

    /**
     * Removes {@code r} from the epoll set and the table, waking any waiter. Must be called before
     * the descriptor is closed. Idempotent.
     */
    static void deregister(Registration r) {
        if (r == null) return;
        r.lock.lock();
        try {
            if (r.removed) return;
            r.removed = true;
            if (r.added) {
                try {
                    Sys.epollCtl(epfd, EPOLL_CTL_DEL, r.fd, MemorySegment.NULL);
                } catch (ErrnoException e) {
                    // The descriptor is still open (the owner closes it after this); nothing to undo.
                }
            }
            wakeLocked(r);
        } finally {
            r.lock.unlock();
        }
        TABLE_LOCK.lock();
        try {
            Registration[] t = byFd;
            if (r.fd < t.length) SLOT.compareAndSet(t, r.fd, r, null); // a later registration may hold it already
        } finally {
            TABLE_LOCK.unlock();
        }
    }

    /** {@return the number of live registrations (for tests: none may outlive its descriptor)} */
    public static int registrations() {
        Registration[] t = byFd;
        int n = 0;
        for (int fd = 0; fd < t.length; fd++) if (SLOT.getAcquire(t, fd) != null) n++;
        return n;
    }

    /** {@return the number of threads currently listed as waiting (for tests)} */
    public static int waiting() {
        Registration[] t = byFd;
        int n = 0;
        for (int fd = 0; fd < t.length; fd++) {
            Registration r = (Registration) SLOT.getAcquire(t, fd);
            if (r == null) continue;
            r.lock.lock();
            try {
                n += r.waiters.size();
            } finally {
                r.lock.unlock();
            }
        }
        return n;
    }
}
