package dev.ffsock;

import dev.ffsock.internal.Poller;
import dev.ffsock.uring.BufferRing;
import dev.ffsock.uring.IoUring;
import dev.ffsock.uring.UringOptions;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.lang.foreign.MemorySegment;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Closing an io_uring with operations in flight: waiters are woken, operations cancelled and
 * reaped, the rings unmapped and the ring's memory freed; nothing leaks over many cycles; and a
 * virtual thread waiting on a ring does not hold its carrier.
 */
class UringCloseTest {

    @BeforeAll
    static void kernelAllowsIoUring() {
        String why = IoUring.unavailableReason();
        assumeTrue(why == null, why);
    }

    @Test
    void closeWithOperationsInFlightLeaksNoDescriptorAndFreesTheMemory() throws Exception {
        // Warm-up: the classes and the JVM's own descriptors settle before the count.
        cycle();
        int fds = FdCount.sockets();
        int regs = Poller.registrations();
        for (int i = 0; i < 300; i++) {
            MemorySegment[] owned = cycle();
            for (MemorySegment m : owned) assertFalse(m.scope().isAlive(), "ring memory freed at close (cycle " + i + ")");
        }
        assertEquals(fds, FdCount.sockets(), "descriptors after 300 rings closed with operations in flight");
        assertEquals(regs, Poller.registrations());
    }

    /** One ring with a receive, a multishot receive, a poll and a timeout in flight, closed. */
    private static MemorySegment[] cycle() throws Exception {
        Socket[] p = Socket.socketpair(Domain.AF_UNIX, Type.STREAM);
        try {
            IoUring ring = IoUring.open(UringOptions.of(8));
            MemorySegment buf = ring.allocate(64);
            BufferRing br = ring.registerBufferRing(0, 4, 256);
            MemorySegment[] fixed = ring.registerBuffers(1, 4096);
            ring.recv(p[0].fd(), buf, 0, 1);
            ring.recvMultishot(p[1].fd(), br, 0, 2);
            ring.pollAdd(p[1].fd(), Poll.POLLPRI, 3);
            ring.timeout(Duration.ofSeconds(60), 4);
            ring.submit();
            assertEquals(4, ring.inFlight());
            ring.close();
            return new MemorySegment[] {buf, br.buffer(0), fixed[0]};
        } finally {
            p[0].close();
            p[1].close();
        }
    }

    @Test
    void closeWakesAPlatformThreadWaitingInTheKernel() throws Exception {
        closeWakesWaiter(false, false); // the first one starts the close signal's machinery
        closeWakesWaiter(false, true);
    }

    @Test
    void closeWakesAVirtualThreadParkedOnThePoller() throws Exception {
        closeWakesWaiter(true, false); // the first one starts the poller (its epoll descriptor)
        closeWakesWaiter(true, true);
    }

    private static void closeWakesWaiter(boolean virtual, boolean countFds) throws Exception {
        Socket[] p = Socket.socketpair(Domain.AF_UNIX, Type.STREAM);
        int fds = FdCount.sockets();
        try {
            IoUring ring = IoUring.open(UringOptions.of(8));
            MemorySegment buf = ring.allocate(64);
            CompletableFuture<Integer> waiter = new CompletableFuture<>();
            CompletableFuture<Void> started = new CompletableFuture<>();
            (virtual ? Thread.ofVirtual() : Thread.ofPlatform().daemon()).start(() -> {
                try {
                    ring.recv(p[0].fd(), buf, 0, 1);
                    started.complete(null);
                    waiter.complete(ring.submitAndWait(1));
                } catch (Throwable t) {
                    waiter.completeExceptionally(t);
                }
            });
            started.get(10, TimeUnit.SECONDS);
            if (virtual) {
                long end = System.nanoTime() + 10_000_000_000L;
                while (Poller.waiting() < 1 && System.nanoTime() < end) Thread.sleep(5);
                assertTrue(Poller.waiting() >= 1, "the virtual thread parks on the poller");
            } else {
                Thread.sleep(100); // let it enter io_uring_enter; a close before that is refused at entry alike
            }
            ring.close();
            try {
                waiter.get(10, TimeUnit.SECONDS);
                throw new AssertionError("the wait returned instead of failing");
            } catch (ExecutionException e) {
                assertInstanceOf(SocketClosedException.class, e.getCause());
            }
            assertFalse(buf.scope().isAlive(), "freed once the waiter left");
            if (countFds) assertEquals(fds, FdCount.sockets());
        } finally {
            p[0].close();
            p[1].close();
        }
    }

    @Test
    void aVirtualThreadWaitingOnARingDoesNotHoldItsCarrier() throws Exception {
        ChildJvm.assertOkOnOneCarrier(UringCarrierMain.class, "uring-carrier-main.out");
    }
}
