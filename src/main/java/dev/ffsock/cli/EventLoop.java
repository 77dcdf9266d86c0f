package dev.ffsock.cli;

import dev.ffsock.netlink.EventsLostException;

import java.io.IOException;
import java.time.Duration;

/**
 * The loop of the event commands ({@code conntrack -E}, {@code monitor proc}): print events until
 * {@code --count} of them, give up (status 1) at {@code --timeout}, report lost events on stderr
 * and go on.
 */
final class EventLoop {
    private EventLoop() {
    }

    /** Where the events come from. */
    interface Source<E> {
        /** {@return the next event, or null if none came within {@code wait} (null: no limit)} */
        E next(Duration wait) throws IOException;
    }

    /** Prints an event if it is wanted. */
    interface Sink<E> {
        /** {@return whether the event was printed (and counts)} */
        boolean print(E event) throws IOException;
    }

    /**
     * Runs the loop.
     *
     * @param io      where lost events and the timeout are reported
     * @param command the command's name for those messages ({@code "conntrack"})
     * @param count   how many printed events end the loop with status 0; -1 for no end
     * @param timeout when to give up with status 1; null for never
     * @return the exit status
     */
    static <E> int run(Io io, String command, long count, Duration timeout, Source<E> source, Sink<E> sink)
            throws IOException {
        long deadline = timeout == null ? 0 : System.nanoTime() + timeout.toNanos();
        long seen = 0;
        while (count < 0 || seen < count) {
            Duration wait = null;
            if (timeout != null) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    io.err().println("ffsock: " + command + ": timed out after " + seen + " of " + count + " events");
                    return 1;
                }
                wait = Duration.ofNanos(left);
            }
            E e;
            try {
                e = source.next(wait);
            } catch (EventsLostException lost) {
                io.err().println("ffsock: " + command + ": " + lost.getMessage());
                continue;
            }
            if (e != null && sink.print(e)) {
                io.out().flush();
                seen++;
            }
        }
        return 0;
    }
}
