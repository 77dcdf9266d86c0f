package dev.ffsock;

import dev.ffsock.internal.Poller;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Run in a JVM of its own by {@link VirtualThreadStressTest} (the scheduler's parallelism must be set
 * before the first virtual thread starts): thousands of virtual threads blocked in recv (one
 * socketpair each) and in accept (one TCP listener) while a ticker virtual thread must keep ticking
 * every 10 ms; then a ping-pong with each; then every descriptor and poller registration must be
 * gone. Prints what it measured; exits with status 1 and a message on the first failure.
 *
 * <p>Arguments: the number of recv threads and the number of accept/connect pairs.
 */
public final class VirtualStressMain {
    private VirtualStressMain() {
    }

    private static volatile boolean measuring;
    private static final AtomicLong MAX_GAP = new AtomicLong();
    private static volatile boolean stop;

    public static void main(String[] args) throws Exception {
        int recvers = Integer.parseInt(args[0]);
        int acceptors = Integer.parseInt(args[1]);
        long limit = FdCount.limit();
        long room = (limit - FdCount.open() - 512) / 2;
        if (room < recvers) {
            System.out.println("RLIMIT_NOFILE is " + limit + ": " + recvers + " socketpairs need " + 2L * recvers
                    + " descriptors; scaling down to " + room + " recv threads");
            recvers = (int) room;
        }
        if (room < acceptors) acceptors = (int) room;
        // the poller's epoll descriptor opens on first use and stays: open it before counting
        Socket[] warm = Socket.socketpair(Domain.AF_UNIX, Type.STREAM);
        Thread.ofVirtual().start(() -> {
            try {
                warm[1].poll(Poll.POLLIN, 200); // long enough to park even on a loaded machine
            } catch (IOException e) {
                throw new RuntimeException(e);
            }
        }).join();
        warm[0].close();
        warm[1].close();
        Thread ticker = Thread.ofVirtual().name("ticker").start(() -> {
            while (!stop) {
                long t = System.nanoTime();
                try {
                    Thread.sleep(10);
                } catch (InterruptedException e) {
                    return;
                }
                long gap = System.nanoTime() - t;
                if (measuring) MAX_GAP.accumulateAndGet(gap, Math::max);
            }
        });
        int before = FdCount.sockets();
        String fdsBefore = fds();
        recvPingPong(recvers);
        acceptConnectPingPong(acceptors);
        stop = true;
        ticker.join();
        check(Poller.registrations() == 0, "poller registrations left: " + Poller.registrations());
        // Every socket above was closed by the thread that used it last, so none should be left; a
        // short bounded settle only covers a close still finishing on a descheduled thread.
        int after = FdCount.sockets();
        for (int i = 0; i < 50 && after > before; i++) {
            Thread.sleep(20);
            after = FdCount.sockets();
        }
        check(after == before, "sockets/epoll/eventfd descriptors: " + before + " before, " + after + " after\n" + fdsBefore + "\n" + fds());
        if (Boolean.getBoolean("ffsock.stress.fds")) System.out.println(fdsBefore + "\n" + fds());
        System.out.println("OK");
    }

    /** {@return /proc/self/fd, sockets with their kind (a failure must say which socket is left)} */
    private static String fds() {
        var kinds = FdCount.socketKinds();
        StringBuilder sb = new StringBuilder();
        FdCount.links().forEach((fd, t) -> {
            sb.append(fd).append("->").append(t);
            String kind = kinds.get(t);
            if (kind != null) sb.append('(').append(kind).append(FdCount.jvmSocket(kind) ? ", the JVM's: not counted" : "").append(')');
            sb.append(' ');
        });
        return sb.toString();
    }

    private static void check(boolean ok, String what) {
        if (!ok) {
            System.out.println("FAILED: " + what);
            System.exit(1);
        }
    }

    private static void awaitParked(int n, String what) throws InterruptedException {
        long end = System.nanoTime() + 60_000_000_000L;
        while (Poller.waiting() < n && System.nanoTime() < end) Thread.sleep(10);
        check(Poller.waiting() >= n, what + ": only " + Poller.waiting() + " of " + n + " parked on the poller");
    }

    /** Measures the ticker's largest gap over one second while everything is blocked. */
    private static void tickerKeepsTicking(String what) throws InterruptedException {
        MAX_GAP.set(0);
        measuring = true;
        Thread.sleep(1000);
        measuring = false;
        long ms = MAX_GAP.get() / 1_000_000;
        System.out.println(what + ": ticker's largest gap " + ms + " ms (10 ms sleeps)");
        check(MAX_GAP.get() > 0 && ms < 500, what + ": carriers stalled, ticker gap " + ms + " ms");
    }

    private static void recvPingPong(int n) throws Exception {
        long t0 = System.nanoTime();
        List<Socket[]> pairs = new ArrayList<>(n);
        List<Thread> threads = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            Socket[] p = Socket.socketpair(Domain.AF_UNIX, Type.STREAM);
            pairs.add(p);
            threads.add(Thread.ofVirtual().start(() -> {
                try {
                    byte[] b = new byte[1];
                    if (p[1].recv(b, 0, 1, 0) != 1) throw new IOException("no ping");
                    b[0]++;
                    p[1].send(b, 0, 1, 0);
                } catch (IOException e) {
                    System.out.println("FAILED: " + e);
                    System.exit(1);
                }
            }));
        }
        awaitParked(n, "recv");
        tickerKeepsTicking(n + " virtual threads blocked in recv");
        byte[] b = new byte[1];
        for (int i = 0; i < n; i++) {
            b[0] = (byte) i;
            pairs.get(i)[0].send(b, 0, 1, 0);
        }
        for (int i = 0; i < n; i++) {
            check(pairs.get(i)[0].recv(b, 0, 1, 0) == 1 && b[0] == (byte) (i + 1), "pong " + i);
        }
        for (Thread t : threads) t.join(10_000);
        for (Socket[] p : pairs) {
            p[0].close();
            p[1].close();
        }
        System.out.println(n + " recv ping-pongs on virtual threads in " + (System.nanoTime() - t0) / 1_000_000 + " ms");
    }

    private static void acceptConnectPingPong(int n) throws Exception {
        long t0 = System.nanoTime();
        try (Socket l = Socket.open(Domain.AF_INET, Type.STREAM)) {
            l.bind(SockAddrIn.loopback(0));
            l.listen(4096);
            SockAddr at = l.getsockname();
            List<Thread> threads = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                threads.add(Thread.ofVirtual().start(() -> {
                    try (Socket s = l.accept()) {
                        byte[] b = new byte[1];
                        if (s.recv(b, 0, 1, 0) != 1) throw new IOException("no ping");
                        b[0]++;
                        s.send(b, 0, 1, 0);
                    } catch (IOException e) {
                        System.out.println("FAILED: accept side " + e);
                        System.exit(1);
                    }
                }));
            }
            awaitParked(n, "accept");
            tickerKeepsTicking(n + " virtual threads blocked in accept");
            for (int i = 0; i < n; i++) {
                byte ping = (byte) i;
                threads.add(Thread.ofVirtual().start(() -> {
                    try (Socket s = Socket.open(Domain.AF_INET, Type.STREAM)) {
                        s.connect(at);
                        byte[] b = {ping};
                        s.send(b, 0, 1, 0);
                        if (s.recv(b, 0, 1, 0) != 1 || b[0] != (byte) (ping + 1)) throw new IOException("bad pong");
                    } catch (IOException e) {
                        System.out.println("FAILED: connect side " + e);
                        System.exit(1);
                    }
                }));
            }
            for (Thread t : threads) t.join(30_000);
            for (Thread t : threads) check(!t.isAlive(), "thread still running: " + t);
        }
        System.out.println(n + " accept/connect ping-pongs on virtual threads in " + (System.nanoTime() - t0) / 1_000_000 + " ms");
    }
}
