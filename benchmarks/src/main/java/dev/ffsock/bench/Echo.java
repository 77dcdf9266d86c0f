package dev.ffsock.bench;

import java.io.Closeable;
import java.lang.foreign.Arena;
import java.util.ArrayList;
import java.util.List;

/**
 * The other end of a benchmark: a daemon thread running a loop (echo, drain or blast) until
 * {@link #close()} sets the stop flag, closes the sockets it was given and joins it. Exceptions
 * after the stop request are the expected way out of a blocked call and are ignored.
 *
 * <p>The loop's native buffers come from {@link #arena()}, a confined arena of the loop's own
 * thread, as the benchmark thread's come from a confined arena of its own: a segment of a shared
 * arena costs every downcall an atomic acquire and release of the arena, and two threads using one
 * shared arena would contend on its counter — a cost of the benchmark, not of the calls measured.
 */
final class Echo implements AutoCloseable {
    /** The loop body; {@code running} turns false when the benchmark ends. */
    interface Loop {
        void run(Echo self) throws Exception;
    }

    private final Thread thread;
    private final List<Closeable> resources = new ArrayList<>();
    private volatile boolean running = true;
    private volatile Throwable failure;
    private Arena arena;

    private Echo(String name, Loop loop, Closeable... toClose) {
        resources.addAll(List.of(toClose));
        thread = new Thread(() -> {
            try (Arena own = Arena.ofConfined()) {
                arena = own;
                loop.run(this);
            } catch (Throwable t) {
                if (running) {
                    failure = t;
                    closeAll(); // the benchmark side fails instead of waiting forever
                }
            }
        }, name);
        thread.setDaemon(true);
    }

    /** Starts {@code loop} on a new daemon thread; {@code toClose} are closed on {@link #close()}. */
    static Echo start(String name, Loop loop, Closeable... toClose) {
        Echo e = new Echo(name, loop, toClose);
        e.thread.start();
        return e;
    }

    /** {@return the loop thread's confined arena, for its buffers (call from the loop only)} */
    Arena arena() {
        return arena;
    }

    /** {@return false once the benchmark asked the loop to stop} */
    boolean running() {
        return running;
    }

    private void closeAll() {
        for (Closeable c : resources) {
            try {
                c.close();
            } catch (Exception ignored) {
                // already closed or broken: the thread is on its way out either way
            }
        }
    }

    @Override
    public void close() throws Exception {
        running = false;
        closeAll();
        thread.join(5_000);
        if (failure != null) throw new IllegalStateException("echo thread " + thread.getName() + " failed", failure);
    }
}
