package dev.ffsock.testutil;

import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/** Runs a test's call on a new virtual or platform (daemon) thread, and collects how it ended. */
public final class OnThread {
    private OnThread() {
    }

    /** {@return the outcome of {@code body}, started now on a new virtual or platform thread} */
    public static <T> CompletableFuture<T> run(boolean virtual, Callable<T> body) {
        CompletableFuture<T> f = new CompletableFuture<>();
        (virtual ? Thread.ofVirtual() : Thread.ofPlatform().daemon()).start(() -> {
            try {
                f.complete(body.call());
            } catch (Throwable t) {
                f.completeExceptionally(t);
            }
        });
        return f;
    }

    /**
     * {@return what {@code f} failed with, or null if it completed} Waits at most 10 s; a call still
     * running then fails the test with {@link java.util.concurrent.TimeoutException}.
     */
    public static Throwable failure(CompletableFuture<?> f) throws Exception {
        try {
            f.get(10, TimeUnit.SECONDS);
            return null;
        } catch (ExecutionException e) {
            return e.getCause();
        }
    }
}
