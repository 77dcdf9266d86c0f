package dev.ffsock;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Run by {@link IoCoreTest} in a JVM whose virtual-thread scheduler has one carrier that cannot be
 * replaced ({@code parallelism=1}, {@code maxPoolSize=1}). For each waiting call, one virtual thread
 * blocks in it while a second virtual thread must still get to run: if the first held the carrier
 * in a kernel wait, the second never would. Then the wait is released and must complete. Prints
 * one line per call, {@code held the carrier: CALL} for a failure, and exits 1 if any failed.
 */
public final class CarrierMain {
    private CarrierMain() {
    }

    /** A call that blocks on {@code a} until {@link #release} is done to {@code b}. */
    private interface Blocker {
        void block(Socket a) throws Exception;
    }

    /** What makes {@code a}'s blocked call complete. */
    private interface Release {
        void release(Socket b) throws Exception;
    }

    public static void main(String[] args) throws Exception {
        List<String> failed = new ArrayList<>();
        MemorySegment buf = Arena.global().allocate(1 << 20);
        // Reading side: a blocks until b sends.
        check(failed, "recvmsg", Type.DGRAM, a -> {
            try (Message m = new Message(1, 0)) {
                m.addBuffer(buf.asSlice(0, 64));
                a.recvmsg(m, 0);
            }
        }, b -> b.send(buf.asSlice(0, 8)));
        check(failed, "recvmmsg", Type.DGRAM, a -> {
            a.recvmmsg(new DatagramBatch(4, 64), Msg.MSG_WAITFORONE);
        }, b -> b.send(buf.asSlice(0, 8)));
        check(failed, "recvmmsg(timeout)", Type.DGRAM, a -> {
            if (a.recvmmsg(new DatagramBatch(4, 64), Msg.MSG_WAITFORONE, Duration.ofSeconds(20)) != 1) {
                throw new AssertionError("no datagram");
            }
        }, b -> b.send(buf.asSlice(0, 8)));
        check(failed, "PollSet.poll", Type.DGRAM, a -> {
            PollSet set = new PollSet();
            set.add(a, Poll.POLLIN);
            if (set.poll(-1) != 1) throw new AssertionError("poll returned nothing");
        }, b -> b.send(buf.asSlice(0, 8)));
        // Writing side: a's send buffer is full, so a blocks until b reads.
        check(failed, "sendmsg", Type.STREAM, a -> {
            fill(a, buf);
            try (Message m = new Message(1, 0)) {
                m.addBuffer(buf.asSlice(0, 64 * 1024));
                a.sendmsg(m, 0);
            }
        }, b -> drain(b, buf));
        check(failed, "sendmmsg", Type.DGRAM, a -> {
            fill(a, buf);
            DatagramBatch batch = new DatagramBatch(1, 64);
            batch.setLength(0, 64);
            a.sendmmsg(batch, 0, 1, 0);
        }, b -> drain(b, buf));
        System.out.println(failed.isEmpty() ? "OK" : "FAILED " + failed);
        System.exit(failed.isEmpty() ? 0 : 1);
    }

    private static void check(List<String> failed, String call, Type type, Blocker blocker, Release release)
            throws Exception {
        Socket[] pair = Socket.socketpair(Domain.AF_UNIX, type);
        try (Socket a = pair[0]; Socket b = pair[1]) {
            CountDownLatch entered = new CountDownLatch(1);
            CountDownLatch done = new CountDownLatch(1);
            Throwable[] error = new Throwable[1];
            Thread.ofVirtual().start(() -> {
                entered.countDown();
                try {
                    blocker.block(a);
                } catch (Throwable e) {
                    error[0] = e;
                }
                done.countDown();
            });
            entered.await();
            Thread.sleep(200); // let it reach its wait
            CountDownLatch ran = new CountDownLatch(1);
            Thread.ofVirtual().start(ran::countDown);
            // A carrier held in a kernel wait is held until the release below, however long this
            // waits; the margin is for a loaded machine, where the blocker's first call (linking,
            // class loading, the poller's start) can keep the one carrier busy for seconds.
            boolean freed = ran.await(30, TimeUnit.SECONDS);
            release.release(b);
            boolean completed = done.await(10, TimeUnit.SECONDS);
            String result = !freed ? "held the carrier" : !completed ? "never completed"
                    : error[0] != null ? "failed: " + error[0] : "ok";
            System.out.println(call + ": " + result);
            if (!result.equals("ok")) failed.add(call + " " + result);
        }
    }

    /** Fills {@code s}'s send buffer with non-blocking sends. */
    private static void fill(Socket s, MemorySegment buf) throws Exception {
        while (s.send(buf.asSlice(0, s.type().value() == Type.DGRAM.value() ? 64 : buf.byteSize()), Msg.MSG_DONTWAIT)
                != Socket.WOULD_BLOCK) {
            // keep filling
        }
    }

    /** Reads whatever is queued on {@code s} for a moment, so the blocked sender can proceed. */
    private static void drain(Socket s, MemorySegment buf) throws Exception {
        long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(500);
        while (System.nanoTime() < end) {
            if (s.recv(buf, Msg.MSG_DONTWAIT) == Socket.WOULD_BLOCK) Thread.sleep(10);
        }
    }
}
