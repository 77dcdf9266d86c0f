package dev.ffsock;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * The close state machine of every descriptor ffsock owns ({@link Socket}, {@link Epoll},
 * {@link EventFd}): one atomic word holding a CLOSING bit and the number of calls in flight. A call
 * brackets its use of the descriptor with {@link #begin()}/{@link #end()}; {@link #close()} is
 * idempotent, wakes calls in flight through the owner's {@link Owner#wake(int)} while the descriptor
 * is still held, and the last call out (or close itself, when none is in flight) releases the
 * descriptor through {@link Owner#release(int)} exactly once. The descriptor number is never used
 * after that.
 */
final class FdGuard {
    /** What the guarded object does on close. */
    interface Owner {
        /** Wakes calls blocked on {@code fd} (the descriptor is held open while this runs). */
        void wake(int fd);

        /** Releases {@code fd} (and anything tied to it); called exactly once. */
        void release(int fd);
    }

    private static final int CLOSING = 1 << 30;
    private static final int COUNT = CLOSING - 1;
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
    private final Owner owner;
    @SuppressWarnings("unused")
    private volatile int ctl;

    FdGuard(int fd, String what, Owner owner) {
        this.fd = fd;
        this.what = what;
        this.owner = owner;
    }

    int begin() throws SocketClosedException {
        int c;
        do {
            c = ctl;
            if ((c & CLOSING) != 0) throw new SocketClosedException(what + " closed");
        } while (!CTL.weakCompareAndSet(this, c, c + 1));
        return fd;
    }

    void end() {
        int c = (int) CTL.getAndAdd(this, -1) - 1;
        if (c == CLOSING) owner.release(fd);
    }

    boolean closing() {
        return (ctl & CLOSING) != 0;
    }

    /** {@return the exception for a call that the close interrupted} */
    SocketClosedException closedWhileBlocked(String call) {
        return new SocketClosedException(what + " closed while blocked in " + call);
    }

    int fd() {
        return closing() ? -1 : fd;
    }

    void close() {
        int c;
        do {
            c = ctl;
            if ((c & CLOSING) != 0) return;
        } while (!CTL.weakCompareAndSet(this, c, c | CLOSING));
        if ((c & COUNT) == 0) {
            owner.release(fd);
            return;
        }
        int held = (int) CTL.getAndAdd(this, 1);
        if ((held & COUNT) == 0) {
            CTL.getAndAdd(this, -1); // the last call already released it
            return;
        }
        owner.wake(fd);
        end();
    }
}
