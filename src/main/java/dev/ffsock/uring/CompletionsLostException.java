package dev.ffsock.uring;

import java.io.IOException;

/**
 * The kernel dropped completions: its completion queue overflowed and it could not keep the
 * overflow (the CQ ring's overflow counter grew). Thrown by {@link IoUring#complete(CompletionHandler)}
 * after every completion that was kept has been handed on; the operations whose completions were
 * dropped cannot be told apart, so the caller must treat their state as unknown.
 */
public final class CompletionsLostException extends IOException {
    private static final long serialVersionUID = 1L;

    /** How many completions were dropped. */
    private final int lost;

    /**
     * A report of {@code lost} dropped completions.
     *
     * @param lost how many completions the kernel dropped
     */
    public CompletionsLostException(int lost) {
        super("io_uring: the kernel dropped " + lost + " completion(s) (CQ ring overflow)");
        this.lost = lost;
    }

    /** {@return how many completions were dropped} */
    public int lost() {
        return lost;
    }
}
