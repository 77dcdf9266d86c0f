package dev.ffsock;

import java.io.IOException;

/**
 * A system call failed: carries the call's name, the errno number, its symbolic name and the
 * C library's text for it, and prints as {@code connect: ECONNREFUSED (Connection refused)}.
 *
 * <p>Expected outcomes are not reported this way: would-block on a non-blocking socket is a return
 * value, and EINTR is retried.
 */
public class ErrnoException extends IOException {
    private static final long serialVersionUID = 1L;

    /** The failing call, e.g. {@code "connect"}. */
    private final String call;
    /** The errno value the call set. */
    private final int errno;
    /** The errno's symbolic name: {@code "ECONNREFUSED"}, or {@code "errno N"} if unknown. */
    private final String errnoName;

    /**
     * A failure of {@code call} with {@code errno}.
     *
     * @param call  the failing call, e.g. {@code "connect"}
     * @param errno the errno value it set
     */
    public ErrnoException(String call, int errno) {
        this(call, errno, null);
    }

    /**
     * A failure of {@code call} with {@code errno}, with context.
     *
     * @param call   the failing call, e.g. {@code "connect"}
     * @param errno  the errno value it set
     * @param detail extra context appended in brackets (an address, a path), or null
     */
    public ErrnoException(String call, int errno, String detail) {
        super(format(call, errno, detail));
        this.call = call;
        this.errno = errno;
        this.errnoName = Errno.name(errno);
    }

    private static String format(String call, int errno, String detail) {
        String s = call + ": " + Errno.name(errno) + " (" + Errno.description(errno) + ")";
        return detail == null ? s : s + " [" + detail + "]";
    }

    /** {@return the name of the call that failed, e.g. {@code "connect"}} */
    public String call() {
        return call;
    }

    /** {@return the errno number, e.g. 111} */
    public int errno() {
        return errno;
    }

    /** {@return the symbolic errno name, e.g. {@code "ECONNREFUSED"}} */
    public String errnoName() {
        return errnoName;
    }

    /** {@return the C library's description of the errno, e.g. {@code "Connection refused"}} */
    public String description() {
        return Errno.description(errno);
    }
}
