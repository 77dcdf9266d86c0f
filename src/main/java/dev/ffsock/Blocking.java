package dev.ffsock;

import dev.ffsock.internal.Sys;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * Waiting for a descriptor on behalf of a blocking-mode call whose descriptor is non-blocking in the
 * kernel (or was called with MSG_DONTWAIT): a virtual thread parks on the {@link Poller}; a platform
 * thread blocks in poll(2). Deadlines are {@link System#nanoTime()} values; 0 means none.
 */
final class Blocking {
    private Blocking() {
    }

    /** A deadline not yet computed (the call has not had to wait yet). */
    static final long UNSET = Long.MIN_VALUE;

    /** {@return the deadline {@code timeout} from now; 0 (none) for a zero timeout} */
    static long deadline(Duration timeout) {
        if (timeout.isZero() || timeout.isNegative()) return 0;
        long nanos;
        try {
            nanos = timeout.toNanos();
        } catch (ArithmeticException e) {
            return 0;
        }
        long d = System.nanoTime() + Math.min(nanos, Long.MAX_VALUE / 4);
        return d == 0 || d == UNSET ? d + 1 : d;
    }

    /** {@return the deadline {@code millis} from now; 0 (none) when negative} */
    static long deadlineMillis(long millis) {
        if (millis < 0) return 0;
        long d = System.nanoTime() + millis * 1_000_000L;
        return d == 0 || d == UNSET ? d + 1 : d;
    }

    static boolean expired(long deadline) {
        return deadline != 0 && deadline - System.nanoTime() <= 0;
    }

    /**
     * Waits once until {@code fd} may be ready for {@code events} (POLL bits), the deadline passes or
     * {@code closed} turns true; spurious returns are possible. {@code reg} is required on virtual
     * threads (they park on the poller) and ignored on platform threads (poll(2)).
     */
    static void await(Poller.Registration reg, int fd, int events, long deadline, BooleanSupplier closed)
            throws ErrnoException {
        await(reg, fd, events, deadline, closed, false);
    }

    /** How long one poll(2) lasts at most for a descriptor close cannot wake (netlink): the close latency. */
    static final int SLICE_MILLIS = 50;

    /**
     * As {@link #await(Poller.Registration, int, int, long, BooleanSupplier)}; with {@code sliced}, a
     * platform thread's poll(2) lasts at most {@link #SLICE_MILLIS}, for descriptors that close cannot
     * wake with shutdown(2).
     */
    static void await(Poller.Registration reg, int fd, int events, long deadline, BooleanSupplier closed,
                      boolean sliced) throws ErrnoException {
        if (Thread.currentThread().isVirtual()) {
            Poller.await(reg, events, deadline, closed);
            return;
        }
        int millis;
        if (deadline == 0) {
            millis = -1;
        } else {
            long left = deadline - System.nanoTime();
            if (left <= 0) return;
            millis = (int) Math.min(Integer.MAX_VALUE, (left + 999_999) / 1_000_000);
        }
        if (sliced && (millis < 0 || millis > SLICE_MILLIS)) millis = SLICE_MILLIS;
        Sys.poll(PollSet.one(fd, events), 1, millis);
    }
}
