package dev.ffsock;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Run by {@link VirtualThreadTest} in a JVM with a small {@code -XX:MaxDirectMemorySize} (which
 * automatic arenas allocate against): the poller starts — with the first call on a virtual thread — while no
 * native memory can be had, so its first allocations fail; once memory is back, a virtual thread's
 * wait must still be woken. A poller (or its master thread) that died of that OutOfMemoryError would
 * leave every later virtual-thread wait in the JVM unwoken until its time limit: here the receive
 * would still be waiting 10 s after the bytes arrived. Prints {@code OK} and exits 0, or exits 1 saying what
 * went wrong.
 */
public final class PollerOutOfMemoryMain {
    private PollerOutOfMemoryMain() {
    }

    public static void main(String[] args) throws Exception {
        Socket[] p = Socket.socketpair(Domain.AF_UNIX, Type.STREAM);
        p[0].setsockopt(SockOpt.SO_RCVTIMEO, Duration.ofSeconds(60));
        MemorySegment buf = Arena.global().allocate(16);
        MemorySegment msg = Arena.global().allocate(16);

        // The first virtual thread makes its scratch memory (Socket.socketpair needs it and does not
        // start the poller), then waits while the native memory runs out.
        CountDownLatch exhausted = new CountDownLatch(1);
        AtomicReference<Throwable> first = new AtomicReference<>();
        Thread starter = Thread.ofVirtual().start(() -> {
            try {
                Socket.socketpair(Domain.AF_UNIX, Type.STREAM)[0].close();
                exhausted.await();
                p[0].recv(buf, Msg.MSG_DONTWAIT); // the first call on a virtual thread starts the poller
            } catch (Throwable t) {
                first.set(t);
            }
        });
        // Automatic arenas are the ones that allocate against MaxDirectMemorySize (ffsock's per-thread
        // scratch memory comes from them): take all of it, down to the last 16 bytes.
        List<MemorySegment> hog = new ArrayList<>();
        long held = 0;
        for (long chunk = 1 << 20; chunk >= 16; chunk /= 16) {
            try {
                while (true) {
                    hog.add(Arena.ofAuto().allocate(chunk, 1));
                    held += chunk;
                }
            } catch (OutOfMemoryError full) {
                // this size no longer fits: try a smaller one
            }
        }
        exhausted.countDown();
        starter.join();
        Thread.sleep(1000); // the poller and its master start now, and find no memory
        hog.clear(); // given back at the next allocation that needs it (it runs the GC)
        System.out.println("held " + held + " bytes of native memory while the poller started; the first call: "
                + (first.get() == null ? "returned" : first.get()));

        AtomicReference<Object> got = new AtomicReference<>();
        Thread waiter = Thread.ofVirtual().start(() -> {
            try {
                got.set(p[0].recv(buf));
            } catch (Throwable t) {
                got.set(t);
            }
        });
        Thread.sleep(200);
        p[1].send(msg);
        waiter.join(10_000);
        Object r = got.get();
        if (waiter.isAlive()) {
            System.out.println("a virtual thread's wait was not woken within 10 s of the data's arrival after the"
                    + " poller met OutOfMemoryError");
            System.exit(1);
        }
        if (!(r instanceof Long n) || n != 16) {
            System.out.println("a virtual thread's wait was not woken after the poller met OutOfMemoryError: " + r);
            System.exit(1);
        }
        System.out.println("OK");
        System.exit(0);
    }
}
