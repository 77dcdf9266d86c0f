package dev.ffsock.bench;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Sender pacing for the UDP throughput cases, as native/bench/ffbench.c paces its senders: at most
 * {@code window} datagrams in flight (sent − received − written off), so that the receive buffer
 * never overflows and the score is the receiver's rate, not a drop rate. The receiver (the
 * benchmark thread) reports what it got with {@link #received(long)}; the sender calls
 * {@link #awaitRoom(Echo, int)} before each send of {@code n} datagrams and {@link #sent(long)}
 * after it.
 *
 * <p>The window is half the effective receive buffer over an upper estimate of one datagram's
 * truesize (the C program's formula: 5041 for 64 B with an 8 MiB buffer). Loopback drops nothing
 * below that, so losses should never happen; as a last resort, after one second without progress
 * the gap is written off, so the sender cannot wait forever on datagrams that were dropped.
 */
final class Pacer {
    /** SO_RCVBUF asked for on every receiver; the kernel doubles it (rmem_max permitting). */
    static final int RCVBUF = 4 << 20;
    private static final long STALL_NANOS = 1_000_000_000L;

    private final long window;
    private final AtomicLong received = new AtomicLong();
    private long sent;
    private long lost;

    /** A pacer for datagrams of {@code size} bytes on a receiver whose SO_RCVBUF reads {@code rcvbuf}. */
    Pacer(int size, int rcvbuf, int batch) {
        long est = 1;
        while (est < size + 320) est <<= 1;
        est += 320;
        this.window = Math.max(rcvbuf / 2 / est, 2L * batch);
    }

    /** Receiver side: {@code n} more datagrams arrived (a release store; no fence on x86). */
    void received(long n) {
        received.lazySet(received.get() + n);
    }

    /** Sender side: {@code n} more datagrams were sent. */
    void sent(long n) {
        sent += n;
    }

    /** Sender side: waits until {@code n} more datagrams fit the window; false once the loop must stop. */
    boolean awaitRoom(Echo loop, int n) {
        if (sent - lost - received.get() + n <= window) return true;
        long seen = received.get();
        long since = System.nanoTime();
        int spins = 0;
        while (sent - lost - received.get() + n > window) {
            if (!loop.running()) return false;
            Thread.onSpinWait();
            if ((++spins & 255) == 0) {
                Thread.yield();
                long now = System.nanoTime();
                long r = received.get();
                if (r != seen) {
                    seen = r;
                    since = now;
                } else if (now - since > STALL_NANOS) {
                    lost = sent - r; // dropped for good: stop waiting for them
                    since = now;
                }
            }
        }
        return true;
    }

    /** {@return the window in datagrams} */
    long window() {
        return window;
    }
}
