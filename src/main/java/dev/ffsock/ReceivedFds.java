package dev.ffsock;

import dev.ffsock.internal.Sys;

/**
 * The file descriptors one receive brought in with SCM_RIGHTS, owned until the caller takes them.
 * Whatever is not taken is closed by {@link #closeAll()} (on the next receive, on reset/close of the
 * owning message, or by a cleaner once the owner is unreachable). Holds no reference to its owner.
 */
final class ReceivedFds implements Runnable {
    private int[] fds = new int[8];
    private int count;
    private int discarded;

    void add(int fd) {
        if (count == fds.length) fds = java.util.Arrays.copyOf(fds, count * 2);
        fds[count++] = fd;
    }

    int count() {
        return count;
    }

    int discarded() {
        return discarded;
    }

    /** {@return the descriptor at {@code i}, or -1 when taken or closed} */
    int peek(int i) {
        java.util.Objects.checkIndex(i, count);
        return fds[i];
    }

    int take(int i) {
        java.util.Objects.checkIndex(i, count);
        int fd = fds[i];
        if (fd < 0) throw new IllegalStateException("descriptor " + i + " was already taken or closed");
        fds[i] = -1;
        return fd;
    }

    /** Closes every descriptor not taken and counts them as discarded (used when MSG_CTRUNC cut the set). */
    void discardAll() {
        for (int i = 0; i < count; i++) {
            if (fds[i] >= 0) {
                closeQuietly(fds[i]);
                fds[i] = -1;
                discarded++;
            }
        }
    }

    /** Records {@code n} descriptors that were received and already closed. */
    void markDiscarded(int n) {
        closeAll();
        if (fds.length < n) fds = new int[n];
        java.util.Arrays.fill(fds, 0, n, -1);
        count = n;
        discarded = n;
    }

    /** Forgets every descriptor without closing (for descriptors that were never real, e.g. parser tests). */
    void forget() {
        count = 0;
        discarded = 0;
    }

    /** Closes every descriptor not taken and empties the set. */
    void closeAll() {
        for (int i = 0; i < count; i++) {
            if (fds[i] >= 0) closeQuietly(fds[i]);
            fds[i] = -1;
        }
        count = 0;
        discarded = 0;
    }

    @Override
    public void run() {
        closeAll();
    }

    private static void closeQuietly(int fd) {
        try {
            Sys.close(fd);
        } catch (ErrnoException e) {
            // close(2) releases the number even when it reports an error; nothing more to do.
        }
    }
}
