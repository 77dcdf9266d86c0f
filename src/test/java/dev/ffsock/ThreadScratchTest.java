package dev.ffsock;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * A call's option value, option length and errno live in per-thread scratch memory, which a socket
 * remembers for the thread that called last. Threads taking turns on one socket, or calling at the
 * same time, must each get their own: a value, length or errno read from another thread's memory
 * shows up here as a wrong option value, a missing error or an error that is not the call's own.
 */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ThreadScratchTest {
    private static final int ROUNDS = 20_000;
    private static final int TCP_NODELAY = 1; // on a UDP socket the kernel refuses it (EOPNOTSUPP)

    @Test
    void platformThreadsSharingASocketEachGetTheirOwnValuesAndErrno() throws Exception {
        sharedSocket(false);
    }

    @Test
    void virtualThreadsSharingASocketEachGetTheirOwnValuesAndErrno() throws Exception {
        sharedSocket(true);
    }

    private static void sharedSocket(boolean virtual) throws Exception {
        try (Socket s = Socket.open(Domain.AF_INET, Type.DGRAM)) {
            s.setsockopt(SockOpt.SO_RCVBUF, 65536);
            int rcvbuf = s.getsockopt(SockOpt.SO_RCVBUF);
            int refused = refusal(s);
            AtomicReference<Throwable> failure = new AtomicReference<>();
            CountDownLatch start = new CountDownLatch(1);
            List<Thread> threads = new ArrayList<>();
            Thread.Builder builder = virtual ? Thread.ofVirtual() : Thread.ofPlatform();
            // Each thread asks something else of the same socket; any mix-up gives another answer.
            threads.add(builder.start(task(start, failure, () -> assertEquals(Type.DGRAM, s.getsockopt(SockOpt.SO_TYPE)))));
            threads.add(builder.start(task(start, failure, () -> assertEquals(rcvbuf, s.getsockoptInt(SockOpt.SOL_SOCKET, 8)))));
            threads.add(builder.start(task(start, failure, () -> {
                try {
                    s.getsockoptInt(SockOpt.IPPROTO_TCP, TCP_NODELAY);
                    fail("getsockopt(TCP_NODELAY) on a UDP socket succeeded");
                } catch (ErrnoException e) {
                    assertEquals(refused, e.errno(), e.getMessage());
                }
            })));
            threads.add(builder.start(task(start, failure, () -> {
                // A receive that finds nothing: would-block, never another thread's errno.
                assertEquals(Socket.WOULD_BLOCK, s.recv(RECV_ROOM.get(), Msg.MSG_DONTWAIT));
            })));
            start.countDown();
            for (Thread t : threads) t.join();
            assertNull(failure.get(), () -> "a thread got another's result: " + failure.get());
        }
    }

    /** {@return the errno of getsockopt(TCP_NODELAY) on the UDP socket {@code s}, asked alone} */
    private static int refusal(Socket s) throws IOException {
        try {
            s.getsockoptInt(SockOpt.IPPROTO_TCP, TCP_NODELAY);
        } catch (ErrnoException e) {
            return e.errno();
        }
        throw new AssertionError("getsockopt(TCP_NODELAY) on a UDP socket succeeded");
    }

    private static final ThreadLocal<MemorySegment> RECV_ROOM = ThreadLocal.withInitial(() -> Arena.ofAuto().allocate(64));

    interface Check {
        void run() throws IOException;
    }

    private static Runnable task(CountDownLatch start, AtomicReference<Throwable> failure, Check check) {
        return () -> {
            try {
                start.await();
                for (int i = 0; i < ROUNDS && failure.get() == null; i++) {
                    check.run();
                    if ((i & 255) == 0) Thread.yield(); // virtual threads take turns on their carriers
                }
            } catch (Throwable t) {
                failure.compareAndSet(null, t);
            }
        };
    }

    /**
     * A socket remembers the scratch memory of the thread that called it last, possibly long after
     * that thread ended. The bounce memory a blocking call with heap memory used (up to
     * Scratch.KEEP, 1 MiB, per thread) must still go with the thread.
     */
    @Test
    void aSocketDoesNotKeepAnEndedThreadsBounceMemory() throws Exception {
        try (Socket a = Socket.open(Domain.AF_INET, Type.DGRAM); Socket b = Socket.open(Domain.AF_INET, Type.DGRAM)) {
            b.bind(SockAddrIn.loopback(0));
            a.connect(b.getsockname());
            AtomicReference<java.lang.ref.WeakReference<MemorySegment>> bounce = new AtomicReference<>();
            AtomicReference<Throwable> failure = new AtomicReference<>();
            Thread t = Thread.ofPlatform().start(() -> {
                try {
                    assertEquals(4096, a.send(MemorySegment.ofArray(new byte[4096]))); // blocking, heap: bounced
                    bounce.set(new java.lang.ref.WeakReference<>(dev.ffsock.internal.Scratch.bounce(1)));
                } catch (Throwable e) {
                    failure.set(e);
                }
            });
            t.join();
            assertNull(failure.get());
            for (int i = 0; i < 50 && bounce.get().get() != null; i++) {
                System.gc();
                Thread.sleep(20);
            }
            assertNull(bounce.get().get(), "the ended thread's bounce memory is still reachable through the socket");
        }
    }
}
