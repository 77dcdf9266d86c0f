package dev.ffsock;

/**
 * {@code poll(2)} event bits. Use {@link Socket#poll(int, int)} for one socket and {@link PollSet}
 * for many.
 */
public final class Poll {
    private Poll() {
    }

    /** There is data to read. */
    public static final int POLLIN = 0x001;
    /** There is urgent data to read. */
    public static final int POLLPRI = 0x002;
    /** Writing now will not block. */
    public static final int POLLOUT = 0x004;
    /** Error condition (output only). */
    public static final int POLLERR = 0x008;
    /** Hung up (output only). */
    public static final int POLLHUP = 0x010;
    /** Invalid polling request (output only). */
    public static final int POLLNVAL = 0x020;
    /** Stream socket peer closed its end or shut down writing. */
    public static final int POLLRDHUP = 0x2000;
}
