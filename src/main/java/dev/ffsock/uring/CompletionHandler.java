package dev.ffsock.uring;

import java.io.IOException;

/**
 * Receives completions from {@link IoUring#complete(CompletionHandler)}, one call per completion
 * queue entry, oldest first. The arguments are the entry's fields as the kernel wrote them; see
 * {@link Completion} for reading {@code flags}. A negative {@code res} is {@code -errno}
 * (e.g. {@code -ECANCELED}, {@code -ENOBUFS}); {@link Completion#errno(int)} names it.
 */
@FunctionalInterface
public interface CompletionHandler {
    /**
     * One completion.
     *
     * @param userData the user data of the operation it completes
     * @param res      the operation's result: a byte count, a descriptor, 0, or {@code -errno}
     * @param flags    IORING_CQE_F_* bits ({@link Completion#MORE}, {@link Completion#BUFFER}, …)
     * @throws IOException to stop {@link IoUring#complete}: the completions not yet handed on stay queued
     */
    void complete(long userData, int res, int flags) throws IOException;
}
