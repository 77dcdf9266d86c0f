package dev.ffsock;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Run by {@link VirtualThreadTest} in a JVM whose virtual-thread scheduler has one carrier
 * ({@code parallelism=1}, {@code maxPoolSize=1}): pairs of virtual threads play ping-pong over
 * socket pairs, so every wake-up goes through the poller and each time it looks it finds the event
 * the last woken thread made. A virtual thread started meanwhile (queued on the pool's shared queue,
 * as every thread started or woken from outside a carrier is) must still get to run. A poller that
 * always queued itself and the threads it woke on its carrier's local queue would starve it: a
 * carrier with local work never looks at the shared queue. Prints {@code OK} and exits 0, or exits 1
 * saying what starved.
 */
public final class PollerFairnessMain {
    private PollerFairnessMain() {
    }

    private static final int PAIRS = 4;
    /** Exchanges made before the newcomers start. */
    private static final long WARM = 1000;

    public static void main(String[] args) throws Exception {
        long start = System.nanoTime();
        List<Socket> all = new ArrayList<>();
        AtomicLong exchanges = new AtomicLong();
        for (int i = 0; i < PAIRS; i++) {
            Socket[] p = Socket.socketpair(Domain.AF_UNIX, Type.STREAM);
            all.add(p[0]);
            all.add(p[1]);
            Thread.ofVirtual().start(() -> pingPong(p[0], true, exchanges));
            Thread.ofVirtual().start(() -> pingPong(p[1], false, exchanges));
        }
        // The ping-pong must be under way (the poller finding events) before the newcomers start; on a
        // loaded machine a fresh JVM may take seconds to get there, so wait for it, not for a time.
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (exchanges.get() < WARM && System.nanoTime() < until) Thread.sleep(10);
        if (exchanges.get() < WARM) {
            System.out.println("the ping-pong made only " + exchanges.get() + " exchanges in 60 s");
            System.exit(1);
        }
        int failures = 0;
        for (int round = 0; round < 5 && failures == 0; round++) {
            CountDownLatch ran = new CountDownLatch(1);
            long before = exchanges.get();
            Thread.ofVirtual().start(ran::countDown);
            if (!ran.await(5, TimeUnit.SECONDS)) {
                System.out.println("starved: a new virtual thread did not run within 5 s while the poller kept"
                        + " finding events (" + (exchanges.get() - before) + " exchanges meanwhile)");
                failures++;
            }
        }
        long total = exchanges.get();
        long millis = Math.max(1, (System.nanoTime() - start) / 1_000_000);
        for (Socket s : all) s.close();
        if (failures > 0) System.exit(1);
        System.out.println("OK (" + total + " exchanges in " + millis + " ms)");
    }

    /** One side of a ping-pong: the first side sends first; each then answers what it receives. */
    private static void pingPong(Socket s, boolean first, AtomicLong exchanges) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment b = arena.allocate(8);
            if (first) s.sendAll(b, 0);
            while (true) {
                for (long got = 0; got < 8; ) {
                    long n = s.recv(b.asSlice(got), 0);
                    if (n <= 0) return;
                    got += n;
                }
                s.sendAll(b, 0);
                exchanges.incrementAndGet();
            }
        } catch (Exception e) {
            // closed at the end
        }
    }
}
