package dev.ffsock;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/** Helpers shared by the socket tests: loopback connections, blocked threads, descriptor counts. */
final class TestNet {
    private TestNet() {
    }

    /** A listening TCP socket on the loopback address of {@code domain}, port chosen by the kernel. */
    static Socket listener(Domain domain, int backlog) throws IOException {
        Socket l = Socket.open(domain, Type.STREAM);
        try {
            l.bind(loopback(domain, 0));
            l.listen(backlog);
            return l;
        } catch (IOException | RuntimeException e) {
            l.close();
            throw e;
        }
    }

    static SockAddr loopback(Domain domain, int port) {
        return domain.equals(Domain.AF_INET6) ? SockAddrIn6.loopback(port) : SockAddrIn.loopback(port);
    }

    /** {client, accepted server side} of a fresh loopback TCP connection. */
    static Socket[] tcpPair(Domain domain) throws IOException {
        try (Socket l = listener(domain, 4)) {
            Socket c = Socket.open(domain, Type.STREAM);
            try {
                c.connect(l.getsockname());
                return new Socket[] {c, l.accept()};
            } catch (IOException | RuntimeException e) {
                c.close();
                throw e;
            }
        }
    }

    /**
     * Fills the accept queue of a {@code listen(0)} loopback listener with connections nobody accepts,
     * until a further connection does not complete. Returns the listener first, then the fillers, or
     * null (everything closed) if the kernel kept completing connections.
     */
    static List<Socket> fullBacklogListener() throws IOException {
        List<Socket> all = new ArrayList<>();
        Socket l = listener(Domain.AF_INET, 0);
        all.add(l);
        SockAddr addr = l.getsockname();
        for (int i = 0; i < 16; i++) {
            Socket c = Socket.open(Domain.AF_INET, Type.STREAM, Protocol.DEFAULT, Type.SOCK_NONBLOCK | Type.SOCK_CLOEXEC);
            all.add(c);
            if (c.connect(addr)) continue;
            if (c.poll(Poll.POLLOUT, 300) == 0) {
                return all; // this SYN was dropped: the queue is full
            }
            c.finishConnect();
        }
        closeAll(all);
        return null;
    }

    static void closeAll(List<Socket> sockets) {
        if (sockets != null) sockets.forEach(Socket::close);
    }

    static void closeAll(Socket... sockets) {
        for (Socket s : sockets) if (s != null) s.close();
    }

    /** A call run in its own daemon thread, to be woken (or not) by the test. */
    interface Call {
        Object run() throws Exception;
    }

    static final class Blocked {
        private final CountDownLatch started = new CountDownLatch(1);
        private final CountDownLatch done = new CountDownLatch(1);
        private final Thread thread;
        volatile Object result;
        volatile Throwable thrown;
        volatile long endNanos;

        Blocked(String name, Call call) {
            thread = new Thread(() -> {
                started.countDown();
                try {
                    result = call.run();
                } catch (Throwable t) {
                    thrown = t;
                } finally {
                    endNanos = System.nanoTime();
                    done.countDown();
                }
            }, name);
            thread.setDaemon(true);
            thread.start();
        }

        /** Waits until the thread started and then {@code settleMillis} more, and checks it is still inside the call. */
        Blocked settle(long settleMillis) throws InterruptedException {
            assertTrue(started.await(5, TimeUnit.SECONDS), "thread did not start");
            assertFalse(done.await(settleMillis, TimeUnit.MILLISECONDS),
                    () -> "call returned without blocking: result=" + result + " thrown=" + thrown);
            return this;
        }

        boolean finishedWithin(Duration d) throws InterruptedException {
            return done.await(d.toMillis(), TimeUnit.MILLISECONDS);
        }

        boolean isDone() {
            return done.getCount() == 0;
        }

        void awaitDone(Duration d, String what) throws InterruptedException {
            if (!finishedWithin(d)) fail(what + " still blocked after " + d.toMillis() + " ms");
        }
    }

    static Blocked block(String name, Call call) {
        return new Blocked(name, call);
    }

    /** {@return the number of open descriptors of this process that ffsock could leak (see {@link FdCount#open()})} */
    static int fdCount() {
        return FdCount.open();
    }
}
