package dev.ffsock;

import dev.ffsock.uring.IoUring;
import dev.ffsock.uring.UringOptions;

import java.lang.foreign.MemorySegment;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Run by {@link UringCloseTest} in a JVM whose virtual-thread scheduler has one carrier that cannot
 * be replaced: one virtual thread waits on a ring for a receive; a second virtual thread must still
 * run to send the data it waits for. If the first held the carrier in io_uring_enter, the second
 * never would, and the wait would not end. Prints OK, or exits 1.
 */
public final class UringCarrierMain {
    private UringCarrierMain() {
    }

    public static void main(String[] args) throws Exception {
        Socket[] p = Socket.socketpair(Domain.AF_UNIX, Type.STREAM);
        try (IoUring ring = IoUring.open(UringOptions.of(8))) {
            MemorySegment buf = ring.allocate(16);
            CountDownLatch waiting = new CountDownLatch(1);
            CountDownLatch done = new CountDownLatch(1);
            int[] res = {-1};
            Thread.ofVirtual().start(() -> {
                try {
                    ring.recv(p[0].fd(), buf, 0, 1);
                    waiting.countDown();
                    ring.submitAndWait(1);
                    ring.complete((ud, r, fl) -> res[0] = r);
                } catch (Exception e) {
                    e.printStackTrace();
                } finally {
                    done.countDown();
                }
            });
            if (!waiting.await(20, TimeUnit.SECONDS)) fail("the waiter did not start");
            Thread sender = Thread.ofVirtual().start(() -> {
                try {
                    Thread.sleep(200); // after the waiter is in its wait
                    p[1].send(new byte[] {1, 2}, 0, 2, 0);
                } catch (Exception e) {
                    e.printStackTrace();
                }
            });
            if (!sender.join(java.time.Duration.ofSeconds(20))) fail("held the carrier: io_uring wait");
            if (!done.await(20, TimeUnit.SECONDS)) fail("the wait did not end");
            if (res[0] != 2) fail("received " + res[0]);
            System.out.println("OK");
        } finally {
            p[0].close();
            p[1].close();
        }
        System.exit(0);
    }

    private static void fail(String why) {
        System.out.println(why);
        System.exit(1);
    }
}
