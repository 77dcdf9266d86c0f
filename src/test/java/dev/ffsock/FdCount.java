package dev.ffsock;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** Test helpers about this process's descriptors (/proc/self). */
final class FdCount {
    private FdCount() {
    }

    /** {@return the number of open descriptors (/proc/self/fd entries, minus the listing's own)} */
    static int open() {
        try (Stream<Path> s = Files.list(Path.of("/proc/self/fd"))) {
            return (int) s.count() - 1;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * {@return the number of open sockets, epoll instances and eventfds (what ffsock opens), ignoring
     * files the JVM itself opens and closes (class files, JFR chunks)}
     */
    static int sockets() {
        int n = 0;
        try (Stream<Path> s = Files.list(Path.of("/proc/self/fd"))) {
            for (Path p : s.toList()) {
                try {
                    String t = Files.readSymbolicLink(p).toString();
                    if (t.startsWith("socket:") || t.startsWith("anon_inode:")) n++;
                } catch (IOException e) {
                    // closed meanwhile (the listing's own descriptor)
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return n;
    }

    /** {@return the soft RLIMIT_NOFILE from /proc/self/limits, or Long.MAX_VALUE if unlimited/unknown} */
    static long limit() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/limits"))) {
                if (line.startsWith("Max open files")) {
                    String soft = line.substring("Max open files".length()).trim().split("\\s+")[0];
                    return soft.equals("unlimited") ? Long.MAX_VALUE : Long.parseLong(soft);
                }
            }
        } catch (IOException | NumberFormatException e) {
            // fall through
        }
        return Long.MAX_VALUE;
    }

    /** Waits (bounded) until the open count is back to at most {@code expected}; returns the last count. */
    static int awaitAtMost(int expected, long millis) throws InterruptedException {
        long end = System.nanoTime() + millis * 1_000_000L;
        int n;
        while ((n = open()) > expected && System.nanoTime() < end) Thread.sleep(10);
        return n;
    }
}
