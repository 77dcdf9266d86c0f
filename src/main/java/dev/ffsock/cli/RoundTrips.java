package dev.ffsock.cli;

import java.util.Arrays;
import java.util.Locale;

/** Round-trip times in nanoseconds, summarised as min, median and 99th percentile in microseconds. */
final class RoundTrips {
    private final long[] nanos;
    private int n;

    /** @param capacity how many times will be added */
    RoundTrips(int capacity) {
        nanos = new long[capacity];
    }

    /** Adds one round trip. */
    void add(long elapsedNanos) {
        nanos[n++] = elapsedNanos;
    }

    /** {@return how many round trips were added} */
    int count() {
        return n;
    }

    /** {@return "min 41.2 us, median 45.0 us, p99 80.1 us"} @throws IllegalStateException if empty */
    String summary() {
        if (n == 0) throw new IllegalStateException("no round trips");
        long[] s = Arrays.copyOf(nanos, n);
        Arrays.sort(s);
        double median = n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2.0;
        // Nearest rank: the smallest time at or above which 1% of the round trips lie.
        long p99 = s[(int) Math.ceil(n * 0.99) - 1];
        return String.format(Locale.ROOT, "min %.1f us, median %.1f us, p99 %.1f us",
                s[0] / 1e3, median / 1e3, p99 / 1e3);
    }
}
