package dev.ffsock;

import dev.ffsock.internal.Scratch;
import dev.ffsock.internal.ArchLayouts;
import dev.ffsock.internal.Blocking;
import dev.ffsock.internal.FdGuard;
import dev.ffsock.internal.Sys;

import java.io.Closeable;
import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.Objects;

/**
 * An epoll(7) instance: register sockets (or any descriptor) with {@link #add(Socket, int, long)},
 * then {@link #wait(EpollEvents, int)} for the ready ones. Each registration carries a 64-bit data
 * word returned with its events (an index, an id; anything).
 *
 * <h2>Waiting</h2>
 * {@code wait} fills a caller-owned, reusable {@link EpollEvents} and allocates nothing. A zero
 * timeout uses a critical downcall (it cannot block). On a virtual thread a wait with a timeout does
 * not pin the carrier: the epoll descriptor itself is watched by ffsock's internal poller while the
 * virtual thread parks. Interrupting a virtual thread parked in {@code wait} makes it return early
 * (possibly 0) with its interrupt status still set, like {@link java.nio.channels.Selector}; the
 * epoll instance stays open. A platform thread blocked in epoll_wait(2) is not woken by an
 * interrupt.
 *
 * <h2>Closing</h2>
 * {@link #close()} follows {@link Socket}'s rules: idempotent, every later call throws
 * {@link SocketClosedException}, a thread blocked in {@code wait} is woken and throws
 * {@code SocketClosedException}, and the descriptor is released by the last call to leave, never
 * touched again. Closing a socket removes it from every epoll set by itself (unless its
 * descriptor was duplicated).
 *
 * <p>Thread-safe: registration calls may run while another thread waits.
 */
public final class Epoll implements Closeable {
    /** Readable (or a connection to accept, or end of stream). */
    public static final int EPOLLIN = 0x001;
    /** Urgent (out-of-band) data or an exceptional condition. */
    public static final int EPOLLPRI = 0x002;
    /** Writable. */
    public static final int EPOLLOUT = 0x004;
    /** Error condition; always reported, need not be requested. */
    public static final int EPOLLERR = 0x008;
    /** Hang-up; always reported, need not be requested. */
    public static final int EPOLLHUP = 0x010;
    /** Stream peer closed its end or shut down writing. */
    public static final int EPOLLRDHUP = 0x2000;
    /** Wake only one of several epoll instances waiting on the same descriptor (add only). */
    public static final int EPOLLEXCLUSIVE = 1 << 28;
    /** Disable the registration after one event; re-enable with {@link #modify(Socket, int, long)}. */
    public static final int EPOLLONESHOT = 1 << 30;
    /** Edge-triggered: report changes, not levels (drain until {@link Socket#WOULD_BLOCK}). */
    public static final int EPOLLET = 1 << 31;

    private static final int EPOLL_CLOEXEC = 0x80000;
    private static final int EPOLL_CTL_ADD = 1;
    private static final int EPOLL_CTL_DEL = 2;
    private static final int EPOLL_CTL_MOD = 3;

    private final FdGuard guard;

    private Epoll(int epfd) {
        this.guard = new FdGuard(epfd, "epoll", null);
    }

    /**
     * {@return a new, empty epoll instance} Made with epoll_create1(2), flag EPOLL_CLOEXEC.
     *
     * @throws ErrnoException if epoll_create1(2) fails: EMFILE or ENFILE when out of descriptors,
     *         ENOMEM
     */
    public static Epoll open() throws IOException {
        return new Epoll(Sys.epollCreate1(EPOLL_CLOEXEC));
    }

    private static MemorySegment event(int events, long data) {
        MemorySegment ev = Scratch.get().epollEvent();
        ev.set(ValueLayout.JAVA_INT_UNALIGNED, ArchLayouts.EPOLL_EVENT_EVENTS, events);
        ev.set(ValueLayout.JAVA_LONG_UNALIGNED, ArchLayouts.EPOLL_EVENT_DATA, data);
        return ev;
    }

    private void ctl(int op, int fd, int events, long data) throws IOException {
        int ep = guard.begin();
        try {
            Sys.epollCtl(ep, op, fd, op == EPOLL_CTL_DEL ? MemorySegment.NULL : event(events, data));
        } finally {
            guard.end();
        }
    }

    /** epoll_ctl on a {@link Socket} or {@link EventFd}, whose descriptor is held open for the call. */
    private void ctl(int op, Object target, String name, int events, long data) throws IOException {
        java.util.Objects.requireNonNull(target, name);
        FdGuard g = target instanceof Socket s ? s.guard() : ((EventFd) target).guard();
        int fd = g.begin();
        try {
            ctl(op, fd, events, data);
        } finally {
            g.end();
        }
    }

    /**
     * epoll_ctl(2) EPOLL_CTL_ADD of a socket with the events wanted and a data word.
     *
     * @param socket the socket to watch; its descriptor is held open for the call
     * @param events the {@code EPOLL*} bits wanted ({@link #EPOLLIN}, {@link #EPOLLOUT}, …), with
     *               {@link #EPOLLET}, {@link #EPOLLONESHOT} or {@link #EPOLLEXCLUSIVE} as needed
     * @param data   the word {@link #wait(EpollEvents, int)} reports with this registration's
     *               events ({@link EpollEvents#data(int)})
     * @throws SocketClosedException if this epoll instance or the socket is closed
     * @throws ErrnoException if epoll_ctl(2) fails: EEXIST when it is already registered, ENOSPC
     *         when the user's limit of registrations (max_user_watches) is reached, EINVAL for
     *         {@link #EPOLLEXCLUSIVE} with a bit it does not allow ({@link #EPOLLONESHOT}, for one)
     */
    public void add(Socket socket, int events, long data) throws IOException {
        ctl(EPOLL_CTL_ADD, socket, "socket", events, data);
    }

    /**
     * epoll_ctl(2) EPOLL_CTL_ADD of an eventfd with the events wanted (usually {@link #EPOLLIN}) and a
     * data word.
     *
     * @param eventFd the eventfd to watch; its descriptor is held open for the call
     * @param events the {@code EPOLL*} bits wanted ({@link #EPOLLIN}, {@link #EPOLLOUT}, …), with
     *               {@link #EPOLLET}, {@link #EPOLLONESHOT} or {@link #EPOLLEXCLUSIVE} as needed
     * @param data   the word {@link #wait(EpollEvents, int)} reports with this registration's
     *               events ({@link EpollEvents#data(int)})
     * @throws SocketClosedException if this epoll instance or the eventfd is closed
     * @throws ErrnoException if epoll_ctl(2) fails: EEXIST when it is already registered, ENOSPC
     *         when the user's limit of registrations (max_user_watches) is reached, EINVAL for
     *         {@link #EPOLLEXCLUSIVE} with a bit it does not allow ({@link #EPOLLONESHOT}, for one)
     */
    public void add(EventFd eventFd, int events, long data) throws IOException {
        ctl(EPOLL_CTL_ADD, eventFd, "eventFd", events, data);
    }

    /**
     * epoll_ctl(2) EPOLL_CTL_ADD of a raw descriptor the caller owns (and keeps open while
     * registered).
     *
     * @param fd     the descriptor to watch
     * @param events the {@code EPOLL*} bits wanted ({@link #EPOLLIN}, {@link #EPOLLOUT}, …), with
     *               {@link #EPOLLET}, {@link #EPOLLONESHOT} or {@link #EPOLLEXCLUSIVE} as needed
     * @param data   the word {@link #wait(EpollEvents, int)} reports with this registration's
     *               events ({@link EpollEvents#data(int)})
     * @throws IllegalArgumentException if {@code fd} is negative
     * @throws SocketClosedException if this epoll instance is closed
     * @throws ErrnoException if epoll_ctl(2) fails: EBADF when {@code fd} is not open, EPERM when
     *         it does not support epoll (a regular file, a directory), EEXIST when it is already
     *         registered, EINVAL when it is this epoll instance, ELOOP for a cycle of epoll
     *         instances, ENOSPC when the user's limit of registrations is reached
     */
    public void add(int fd, int events, long data) throws IOException {
        checkFd(fd);
        ctl(EPOLL_CTL_ADD, fd, events, data);
    }

    /**
     * epoll_ctl(2) EPOLL_CTL_MOD: new events and data word for a registered socket (re-arms a
     * registration that {@link #EPOLLONESHOT} disabled).
     *
     * @param socket the socket registered; its descriptor is held open for the call
     * @param events the {@code EPOLL*} bits now wanted ({@link #EPOLLIN}, {@link #EPOLLOUT}, …),
     *               with {@link #EPOLLET} or {@link #EPOLLONESHOT} as needed
     * @param data   the word {@link #wait(EpollEvents, int)} reports with this registration's
     *               events ({@link EpollEvents#data(int)})
     * @throws SocketClosedException if this epoll instance or the socket is closed
     * @throws ErrnoException if epoll_ctl(2) fails: ENOENT when it is not registered, EINVAL for a
     *         registration made with {@link #EPOLLEXCLUSIVE} (which cannot be modified)
     */
    public void modify(Socket socket, int events, long data) throws IOException {
        ctl(EPOLL_CTL_MOD, socket, "socket", events, data);
    }

    /**
     * epoll_ctl(2) EPOLL_CTL_MOD: new events and data word for a registered eventfd.
     *
     * @param eventFd the eventfd registered; its descriptor is held open for the call
     * @param events the {@code EPOLL*} bits now wanted ({@link #EPOLLIN}, {@link #EPOLLOUT}, …),
     *               with {@link #EPOLLET} or {@link #EPOLLONESHOT} as needed
     * @param data   the word {@link #wait(EpollEvents, int)} reports with this registration's
     *               events ({@link EpollEvents#data(int)})
     * @throws SocketClosedException if this epoll instance or the eventfd is closed
     * @throws ErrnoException if epoll_ctl(2) fails: ENOENT when it is not registered, EINVAL for a
     *         registration made with {@link #EPOLLEXCLUSIVE} (which cannot be modified)
     */
    public void modify(EventFd eventFd, int events, long data) throws IOException {
        ctl(EPOLL_CTL_MOD, eventFd, "eventFd", events, data);
    }

    /**
     * epoll_ctl(2) EPOLL_CTL_MOD: new events and data word for a registered raw descriptor.
     *
     * @param fd     the descriptor registered
     * @param events the {@code EPOLL*} bits now wanted ({@link #EPOLLIN}, {@link #EPOLLOUT}, …),
     *               with {@link #EPOLLET} or {@link #EPOLLONESHOT} as needed
     * @param data   the word {@link #wait(EpollEvents, int)} reports with this registration's
     *               events ({@link EpollEvents#data(int)})
     * @throws IllegalArgumentException if {@code fd} is negative
     * @throws SocketClosedException if this epoll instance is closed
     * @throws ErrnoException if epoll_ctl(2) fails: EBADF when {@code fd} is not open, ENOENT when
     *         it is not registered, EINVAL for a registration made with {@link #EPOLLEXCLUSIVE}
     */
    public void modify(int fd, int events, long data) throws IOException {
        checkFd(fd);
        ctl(EPOLL_CTL_MOD, fd, events, data);
    }

    /**
     * epoll_ctl(2) EPOLL_CTL_DEL of a socket. Closing the socket removes it by itself; a closed
     * socket cannot be passed here.
     *
     * @param socket the socket to remove; its descriptor is held open for the call
     * @throws SocketClosedException if this epoll instance or the socket is closed
     * @throws ErrnoException if epoll_ctl(2) fails: ENOENT when it is not registered
     */
    public void delete(Socket socket) throws IOException {
        ctl(EPOLL_CTL_DEL, socket, "socket", 0, 0);
    }

    /**
     * epoll_ctl(2) EPOLL_CTL_DEL of an eventfd. Closing the eventfd removes it by itself; a closed
     * eventfd cannot be passed here.
     *
     * @param eventFd the eventfd to remove; its descriptor is held open for the call
     * @throws SocketClosedException if this epoll instance or the eventfd is closed
     * @throws ErrnoException if epoll_ctl(2) fails: ENOENT when it is not registered
     */
    public void delete(EventFd eventFd) throws IOException {
        ctl(EPOLL_CTL_DEL, eventFd, "eventFd", 0, 0);
    }

    /**
     * epoll_ctl(2) EPOLL_CTL_DEL of a raw descriptor.
     *
     * @param fd     the descriptor to remove
     * @throws IllegalArgumentException if {@code fd} is negative
     * @throws SocketClosedException if this epoll instance is closed
     * @throws ErrnoException if epoll_ctl(2) fails: EBADF when {@code fd} is not open, ENOENT when
     *         it is not registered
     */
    public void delete(int fd) throws IOException {
        checkFd(fd);
        ctl(EPOLL_CTL_DEL, fd, 0, 0);
    }

    private static void checkFd(int fd) {
        if (fd < 0) throw new IllegalArgumentException("negative descriptor: " + fd);
    }

    /**
     * {@return the number of ready entries now in {@code events} ({@link EpollEvents#count()}), 0 on
     * timeout (or, on a virtual thread, when interrupted)} Waits with epoll_wait(2) into
     * {@code events}: a platform thread in epoll_wait(2) itself, a virtual thread by checking with a
     * zero-timeout epoll_wait(2) and parking on ffsock's poller until the epoll descriptor is
     * readable (its carrier stays free). Close wakes the wait.
     *
     * <p>An interrupted virtual thread returns early with its interrupt status still set, and this
     * epoll instance stays open (as with {@link java.nio.channels.Selector}); no
     * {@link java.nio.channels.ClosedByInterruptException} is thrown. A platform thread blocked in
     * epoll_wait(2) is not woken by an interrupt.
     *
     * @param events        the caller's reusable array that receives the ready entries (at most its
     *                      capacity); its count is set to the result
     * @param timeoutMillis -1 to wait forever, 0 to check without waiting
     * @throws IllegalArgumentException if {@code timeoutMillis} is less than -1
     * @throws SocketClosedException if this epoll is closed, before or during the wait
     * @throws ErrnoException if epoll_wait(2) fails
     */
    public int wait(EpollEvents events, int timeoutMillis) throws IOException {
        Objects.requireNonNull(events, "events");
        if (timeoutMillis < -1) throw new IllegalArgumentException("timeout must be -1 or more: " + timeoutMillis);
        events.count = 0;
        int ep = timeoutMillis == 0 ? guard.begin() : guard.beginBlocking();
        try {
            int n = Blocking.ready(epollWait, events, ep, EPOLLIN, timeoutMillis);
            events.count = n;
            return n;
        } catch (IOException e) {
            throw Blocking.closedOr(guard, e, "epoll_wait");
        } finally {
            if (timeoutMillis == 0) guard.end(); else guard.endBlocking();
        }
    }

    /** epoll_wait(2) into the caller's {@link EpollEvents}, for {@link Blocking#ready}. */
    private final Blocking.Ready epollWait = new Blocking.Ready() {
        @Override
        public int check(Object target, int ep, int events, int millis) throws IOException {
            EpollEvents out = (EpollEvents) target;
            int n = Sys.epollWait(ep, out.segment, out.capacity(), millis);
            if (guard.closing()) throw guard.closedWhileBlocked("epoll_wait");
            return n;
        }

        @Override
        public boolean park(Object target, int ep, int events, long deadline, boolean virtual) throws IOException {
            if (Thread.currentThread().isInterrupted()) return false; // like Selector: return early, status kept
            if (virtual) Blocking.awaitReady(guard, ep, events, deadline);
            return true;
        }
    };

    /** {@return whether close() has been called} */
    public boolean isClosed() {
        return guard.closing();
    }

    /** {@return the epoll descriptor, for interop; -1 once closed} */
    public int fd() {
        return guard.fd();
    }

    /** Closes the epoll instance (see the class comment). Idempotent. */
    @Override
    public void close() {
        guard.close();
    }

    @Override
    public String toString() {
        int fd = guard.fd();
        return fd < 0 ? "Epoll[closed]" : "Epoll[fd=" + fd + "]";
    }
}
