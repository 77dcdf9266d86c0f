package dev.ffsock.bench;

import java.io.Closeable;
import java.util.ArrayList;
import java.util.List;

/**
 * The other end of a benchmark: a daemon thread running a loop (echo, drain or blast) until
 * {@link #close()} sets the stop flag, closes the sockets it was given and joins it. Exceptions
 * after the stop request are the expected way out of a blocked call and are ignored.
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

    private Echo(String name, Loop loop, Closeable... toClose) {
        resources.addAll(List.of(toClose));
        thread = new Thread(() -> {
            try {
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
