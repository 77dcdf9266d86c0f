package dev.ffsock.internal;

import dev.ffsock.ErrnoException;
import dev.ffsock.SocketClosedException;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The close state machine under races: however calls and close interleave, the descriptor is
 * released exactly once, only after the last call in flight has left, and no call begins after
 * close.
 */
class FdGuardTest {

    @Test
    void releasedExactlyOnceAfterTheLastCallWhateverTheInterleaving() throws Exception {
        int rounds = 2_000;
        for (int round = 0; round < rounds; round++) {
            int fd = Sys.eventfd(0, 0x80000 /* EFD_CLOEXEC */);
            AtomicInteger released = new AtomicInteger();
            AtomicInteger inFlight = new AtomicInteger();
            AtomicInteger releasedWhileInFlight = new AtomicInteger();
            FdGuard g = new FdGuard(fd, "test", () -> {
                released.incrementAndGet();
                if (inFlight.get() != 0) releasedWhileInFlight.incrementAndGet();
            });
            CountDownLatch go = new CountDownLatch(1);
            List<Thread> callers = new ArrayList<>();
            for (int t = 0; t < 3; t++) {
                callers.add(Thread.ofPlatform().start(() -> {
                    try {
                        go.await();
                        for (int i = 0; i < 200; i++) {
                            try {
                                g.begin();
                            } catch (SocketClosedException e) {
                                continue; // calls after close keep failing, and must not release
                            }
                            inFlight.incrementAndGet();
                            Thread.onSpinWait();
                            inFlight.decrementAndGet();
                            g.end();
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    } catch (ErrnoException e) {
                        throw new AssertionError("a platform thread's begin does not start the poller", e);
                    }
                }));
            }
            go.countDown();
            if ((round & 1) == 0) Thread.onSpinWait();
            g.close();
            g.close(); // idempotent
            for (Thread t : callers) t.join();
            assertEquals(1, released.get(), "round " + round + ": releases");
            assertEquals(0, releasedWhileInFlight.get(), "round " + round + ": released under a call");
            assertThrows(SocketClosedException.class, g::begin);
            assertEquals(1, released.get(), "a failed begin after the release must not release again");
            assertEquals(-1, g.fd());
        }
        assertTrue(rounds > 0);
    }
}
