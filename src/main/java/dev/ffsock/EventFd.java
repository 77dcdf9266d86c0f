package dev.ffsock;

import dev.ffsock.internal.Blocking;
import dev.ffsock.internal.FdGuard;
import dev.ffsock.internal.Sys;

import java.io.Closeable;
import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.channels.ClosedByInterruptException;

/**
 * An eventfd(2) counter: a cheap descriptor for waking a thread blocked in {@link Epoll#wait} (add
 * it with {@link Epoll#add(EventFd, int, long)} and {@link #signal()} it) or for counting events
 * between threads.
 *
 * <p>{@link #read()} returns the counter and resets it (or, with {@link #EFD_SEMAPHORE}, returns 1
 * and decrements it); {@link #write(long)} adds to it. With {@link #EFD_NONBLOCK} they return
 * {@link #WOULD_BLOCK} / false instead of waiting. The kernel descriptor is always non-blocking;
 * blocking mode waits for readiness with poll(2) on platform threads and on ffsock's internal
 * poller on virtual threads (which therefore never pin their carrier here).
 *
 * <p>Closing follows {@link Socket}'s rules: idempotent, later calls throw
 * {@link SocketClosedException}, a blocked read or write is woken and throws it, the number is
 * released once and never reused. A blocking-mode call on a thread whose interrupt status is set
 * (before the call, or while a virtual thread waits) closes the eventfd and throws
 * {@link ClosedByInterruptException}, as for sockets.
 */
public final class EventFd implements Closeable {
    /** read(2) returns 1 and decrements the counter instead of returning and resetting it. */
    public static final int EFD_SEMAPHORE = 1;
    /** Calls that would wait return {@link #WOULD_BLOCK} / false instead. */
    public static final int EFD_NONBLOCK = 0x800;
    /** Close on exec. */
    public static final int EFD_CLOEXEC = 0x80000;

    /** Returned by {@link #read()} in non-blocking mode when the counter is 0. */
    public static final long WOULD_BLOCK = Socket.WOULD_BLOCK;

    private final FdGuard guard;
    private final boolean nonBlocking;

    private EventFd(int fd, boolean nonBlocking) {
        this.nonBlocking = nonBlocking;
        this.guard = new FdGuard(fd, "eventfd", null);
    }

    /**
     * {@return a new eventfd with counter 0, close-on-exec, in blocking mode} Made with eventfd(2).
     *
     * @throws ErrnoException if eventfd(2) fails: EMFILE or ENFILE when out of descriptors, ENOMEM
     */
    public static EventFd open() throws IOException {
        return open(0, EFD_CLOEXEC);
    }

    /**
     * eventfd(2) with an initial counter and flags ({@link #EFD_CLOEXEC}, {@link #EFD_NONBLOCK},
     * {@link #EFD_SEMAPHORE}).
     *
     * @param initial the counter's initial value, 0 or more
     * @param flags   {@link #EFD_CLOEXEC}, {@link #EFD_NONBLOCK} and/or {@link #EFD_SEMAPHORE}, or 0
     *                (the kernel descriptor is made non-blocking either way; {@link #EFD_NONBLOCK}
     *                sets this object's mode)
     * @return the new eventfd, in non-blocking mode if {@code flags} has {@link #EFD_NONBLOCK}
     * @throws IllegalArgumentException if {@code initial} is negative or {@code flags} has any other
     *         bit set
     * @throws ErrnoException if eventfd(2) fails: EMFILE or ENFILE when out of descriptors, ENOMEM
     */
    public static EventFd open(int initial, int flags) throws IOException {
        if (initial < 0) throw new IllegalArgumentException("negative initial value: " + initial);
        if ((flags & ~(EFD_SEMAPHORE | EFD_NONBLOCK | EFD_CLOEXEC)) != 0) {
            throw new IllegalArgumentException("flags may only be EFD_SEMAPHORE | EFD_NONBLOCK | EFD_CLOEXEC: 0x"
                    + Integer.toHexString(flags));
        }
        int fd = Sys.eventfd(initial, flags | EFD_NONBLOCK);
        return new EventFd(fd, (flags & EFD_NONBLOCK) != 0);
    }

    /**
     * Adds 1 to the counter (see {@link #write(long)}): one write(2), which wakes a thread waiting
     * for the eventfd to be readable.
     *
     * @return true when added; false in non-blocking mode when the counter is at its maximum
     * @throws SocketClosedException if the eventfd is closed, or is closed by another thread while
     *         the call waits
     * @throws ClosedByInterruptException in blocking mode, if the thread's interrupt status is set
     *         when the call starts or a virtual thread is interrupted while it waits; the eventfd
     *         is then closed
     * @throws ErrnoException if write(2) fails
     */
    public boolean signal() throws IOException {
        return write(1);
    }

    /**
     * write(2): adds {@code value} to the counter. In blocking mode waits while the sum would overflow
     * the counter's maximum (2<sup>64</sup>-2); in non-blocking mode returns false then.
     *
     * @param value 0 .. 2<sup>64</sup>-2, as an unsigned long (so -1 is rejected)
     * @return true when added; false in non-blocking mode when the sum would overflow
     * @throws IllegalArgumentException if {@code value} is -1 (0xffffffffffffffff)
     * @throws SocketClosedException if the eventfd is closed, or is closed by another thread while
     *         the call waits
     * @throws ClosedByInterruptException in blocking mode, if the thread's interrupt status is set
     *         when the call starts or a virtual thread is interrupted while it waits; the eventfd
     *         is then closed
     * @throws ErrnoException if write(2) fails
     */
    public boolean write(long value) throws IOException {
        if (value == -1L) throw new IllegalArgumentException("eventfd value 0xffffffffffffffff is not allowed");
        return io(value, true) != WOULD_BLOCK;
    }

    /**
     * read(2): the counter (unsigned), which is reset to 0; with {@link #EFD_SEMAPHORE} 1, and the
     * counter is decremented. Blocking mode waits while the counter is 0; non-blocking mode returns
     * {@link #WOULD_BLOCK} then.
     *
     * @return the counter's value (unsigned; it never reaches 2<sup>64</sup>-1, so it cannot be
     *         mistaken for {@link #WOULD_BLOCK}), 1 with {@link #EFD_SEMAPHORE}, or
     *         {@link #WOULD_BLOCK} in non-blocking mode when the counter is 0
     * @throws SocketClosedException if the eventfd is closed, or is closed by another thread while
     *         the call waits
     * @throws ClosedByInterruptException in blocking mode, if the thread's interrupt status is set
     *         when the call starts or a virtual thread is interrupted while it waits; the eventfd
     *         is then closed
     * @throws ErrnoException if read(2) fails
     */
    public long read() throws IOException {
        return io(0, false);
    }

    /*
     * The kernel descriptor is always O_NONBLOCK (made so by open); read(2)/write(2) carry no
     * MSG_DONTWAIT, so they are never critical downcalls: another holder could clear O_NONBLOCK.
     */
    private static final Blocking.Call READ = (st, fd, slot, at, n, f, x) -> Sys.read(st, fd, slot, 8);
    private static final Blocking.Call WRITE = (st, fd, slot, at, n, f, x) -> Sys.write(st, fd, slot, 8);

    private long io(long value, boolean write) throws IOException {
        boolean block = !nonBlocking;
        if (block) Blocking.checkInterrupt(guard);
        MemorySegment slot = guard.scratch().intSlot;
        slot.set(ValueLayout.JAVA_LONG, 0, value);
        long r = Blocking.call(guard, block, Blocking.WAIT, 0, write ? Poll.POLLOUT : Poll.POLLIN, Blocking.UNSET, Blocking.NO_OPTION,
                write ? "write" : "read", write ? WRITE : READ, slot, 0, 8, null);
        if (r == Sys.WOULD_BLOCK) return WOULD_BLOCK;
        return write ? 0 : slot.get(ValueLayout.JAVA_LONG, 0);
    }

    /** {@return the I/O core of this eventfd (for Epoll)} */
    FdGuard guard() {
        return guard;
    }

    /** {@return whether the eventfd is in non-blocking mode} */
    public boolean isNonBlocking() {
        return nonBlocking;
    }

    /** {@return whether close() has been called} */
    public boolean isClosed() {
        return guard.closing();
    }

    /** {@return the descriptor, for interop; -1 once closed} */
    public int fd() {
        return guard.fd();
    }

    /** Closes the eventfd (see the class comment). Idempotent. */
    @Override
    public void close() {
        guard.close();
    }

    @Override
    public String toString() {
        int fd = guard.fd();
        return fd < 0 ? "EventFd[closed]" : "EventFd[fd=" + fd + (nonBlocking ? " nonblocking]" : "]");
    }
}
