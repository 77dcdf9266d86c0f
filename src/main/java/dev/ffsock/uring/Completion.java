package dev.ffsock.uring;

import dev.ffsock.Errno;
import dev.ffsock.internal.UringConstants;

/**
 * Reading a completion's {@code res} and {@code flags} ({@code struct io_uring_cqe}), as
 * {@link CompletionHandler#complete(long, int, int)} receives them. Static methods on ints: nothing
 * is allocated.
 */
public final class Completion {
    private Completion() {
    }

    /** IORING_CQE_F_BUFFER: the upper 16 bits of flags are the id of the provided buffer used. */
    public static final int BUFFER = UringConstants.IORING_CQE_F_BUFFER;
    /** IORING_CQE_F_MORE: the operation will post more completions (multishot, send_zc). */
    public static final int MORE = UringConstants.IORING_CQE_F_MORE;
    /** IORING_CQE_F_SOCK_NONEMPTY: more data was waiting in the socket after this receive. */
    public static final int SOCK_NONEMPTY = UringConstants.IORING_CQE_F_SOCK_NONEMPTY;
    /** IORING_CQE_F_NOTIF: a send_zc notification: the kernel no longer uses the buffer. */
    public static final int NOTIF = UringConstants.IORING_CQE_F_NOTIF;

    /** ECANCELED, negated in {@code res} for an operation that was cancelled. */
    public static final int ECANCELED = UringConstants.ECANCELED;
    /** ENOBUFS, negated in {@code res} for a receive that found its provided-buffer ring empty. */
    public static final int ENOBUFS = UringConstants.ENOBUFS;
    /** ETIME, negated in {@code res} for a timeout that expired (its normal end). */
    public static final int ETIME = UringConstants.ETIME;

    /**
     * {@return whether the operation posts more completions after this one}
     *
     * @param flags a completion's flags
     */
    public static boolean more(int flags) {
        return (flags & MORE) != 0;
    }

    /**
     * {@return whether a provided buffer was used ({@link #bufferId(int)} names it)}
     *
     * @param flags a completion's flags
     */
    public static boolean hasBuffer(int flags) {
        return (flags & BUFFER) != 0;
    }

    /**
     * {@return the id of the provided buffer used, or -1 when none was}
     *
     * @param flags a completion's flags
     */
    public static int bufferId(int flags) {
        return (flags & BUFFER) != 0 ? flags >>> UringConstants.IORING_CQE_BUFFER_SHIFT : -1;
    }

    /**
     * {@return whether this is a send_zc notification (the buffer may be reused)}
     *
     * @param flags a completion's flags
     */
    public static boolean notification(int flags) {
        return (flags & NOTIF) != 0;
    }

    /**
     * {@return the errno of a failed result ({@code -res}), 0 for a success}
     *
     * @param res a completion's result
     */
    public static int errno(int res) {
        return res < 0 ? -res : 0;
    }

    /**
     * {@return "ECANCELED (Operation canceled)" for a negative {@code res}, the number otherwise}
     *
     * @param res a completion's result
     */
    public static String describe(int res) {
        return res < 0 ? Errno.name(-res) + " (" + Errno.description(-res) + ")" : Integer.toString(res);
    }
}
