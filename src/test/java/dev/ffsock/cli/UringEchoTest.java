package dev.ffsock.cli;

import dev.ffsock.Domain;
import dev.ffsock.SockAddr;
import dev.ffsock.SockAddrIn;
import dev.ffsock.Socket;
import dev.ffsock.Type;
import dev.ffsock.uring.IoUring;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** {@code ffsock echo --uring} ({@link UringEcho}): the CLI, many clients at once, and connect/close cycles. */
@Timeout(300)
class UringEchoTest {
    private static final Duration WAIT = Duration.ofSeconds(30);

    @BeforeAll
    static void kernelAllowsIoUring() {
        String why = IoUring.unavailableReason();
        assumeTrue(why == null, why);
    }

    /** {@code ffsock echo ARGS} on a platform thread, as the benchmark runs it (Main, in-process). */
    private static final class Echo {
        final Cli.Lines out = new Cli.Lines();
        final ByteArrayOutputStream err = new ByteArrayOutputStream();
        final AtomicInteger status = new AtomicInteger(-1);
        final Thread thread;
        final String address;

        Echo(String... args) throws InterruptedException {
            List<String> all = new ArrayList<>(List.of("echo"));
            all.addAll(List.of(args));
            PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
            PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8);
            thread = Thread.ofPlatform().daemon().name("test-uring-echo").start(
                    () -> status.set(Main.run(all.toArray(String[]::new), o, e)));
            String line = out.next(WAIT);
            assertTrue(line != null && line.startsWith("listening on "), line + "\n" + err);
            address = line.substring("listening on ".length());
        }

        int await() throws InterruptedException {
            thread.join(WAIT);
            assertFalse(thread.isAlive(), "echo still running");
            return status.get();
        }
    }

    @Test
    void tcpServesSeveralConnectionsIncludingPartialSends() throws Exception {
        Echo echo = new Echo("--tcp", "127.0.0.1:0", "--count", "3", "--uring");
        assertTrue(echo.address.matches("127\\.0\\.0\\.1:\\d+") && !echo.address.endsWith(":0"), echo.address);
        List<Thread> pings = new ArrayList<>();
        List<Cli.Result> results = Collections.synchronizedList(new ArrayList<>());
        for (int i = 0; i < 3; i++) {
            int size = i == 0 ? 1 << 20 : 64; // larger than the socket buffers: the echo's sends come back short
            pings.add(Thread.ofPlatform().start(() -> results.add(
                    Cli.run("ping", "--tcp", echo.address, "-n", "5", "-s", String.valueOf(size)))));
        }
        for (Thread t : pings) t.join(WAIT.toMillis());
        assertEquals(3, results.size());
        for (Cli.Result r : results) assertEquals(0, r.status(), r::toString);
        assertEquals(0, echo.await(), echo.err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void unixStream() throws Exception {
        String name = "@ffsock-uring-test-" + ProcessHandle.current().pid() + "-" + System.nanoTime();
        Echo echo = new Echo("--unix", name, "--count", "1", "--uring");
        Cli.Result r = Cli.run("ping", "--unix", echo.address, "-n", "10", "-s", "4096");
        assertEquals(0, r.status(), r::toString);
        assertEquals(0, echo.await());
    }

    @Test
    void datagramsAndEpollTogetherAreUsageErrors() {
        Cli.Result r = Cli.run("echo", "--udp", "127.0.0.1:0", "--uring");
        assertEquals(2, r.status(), r::toString);
        assertTrue(r.err().startsWith("ffsock: --uring serves stream sockets only"), r::toString);
        r = Cli.run("echo", "--tcp", "127.0.0.1:0", "--uring", "--epoll");
        assertEquals(2, r.status(), r::toString);
        assertTrue(r.err().startsWith("ffsock: --epoll and --uring cannot be combined"), r::toString);
    }

    /**
     * {@return this process's open descriptors, less the one dead socket ffsock opens (lazily, on
     * the first platform thread's blocking call) for waking closed descriptors' threads}
     */
    private static int openFds() throws IOException {
        java.util.Set<String> dead = new java.util.HashSet<>();
        for (String line : Files.readAllLines(Path.of("/proc/net/unix"))) {
            String[] f = line.trim().split("\\s+");
            if (f.length >= 8 && f[7].startsWith("@ffsock-closed-")) dead.add("socket:[" + f[6] + "]");
        }
        int n = 0;
        try (Stream<Path> s = Files.list(Path.of("/proc/self/fd"))) {
            for (Path p : (Iterable<Path>) s::iterator) {
                try {
                    if (!dead.contains(Files.readSymbolicLink(p).toString())) n++;
                } catch (IOException e) {
                    // the listing's own descriptor, closed by now
                }
            }
        }
        return n;
    }

    @Test
    void tenThousandConnectCloseCyclesLeaveTheServersDescriptorsUnchanged() throws Exception {
        try (Socket l = Socket.open(Domain.AF_INET, Type.STREAM)) {
            l.bind(SockAddrIn.loopback(0));
            l.listen(4096);
            SockAddr to = l.getsockname();
            int before = openFds();
            int cycles = 10_000;
            long t0 = System.nanoTime();
            try (UringEcho echo = new UringEcho(l)) {
                CompletableFuture<Void> server = CompletableFuture.runAsync(() -> {
                    try {
                        echo.run(cycles);
                    } catch (IOException e) {
                        throw new RuntimeException(e);
                    }
                }, r -> Thread.ofPlatform().name("uring-echo").start(r));
                byte[] b = new byte[1];
                for (int i = 0; i < cycles; i++) {
                    try (Socket c = Socket.open(Domain.AF_INET, Type.STREAM)) {
                        c.connect(to);
                        if (i % 10 == 0) { // every tenth also echoes a byte
                            b[0] = (byte) i;
                            c.send(b, 0, 1, 0);
                            c.setsockopt(dev.ffsock.SockOpt.SO_RCVTIMEO, Duration.ofSeconds(20));
                            try {
                                assertEquals(1, c.recv(b, 0, 1, 0));
                            } catch (java.net.SocketTimeoutException e) {
                                if (server.isDone()) server.get(); // the server's failure
                                throw e;
                            }
                            assertEquals((byte) i, b[0]);
                        }
                    }
                }
                server.get(60, TimeUnit.SECONDS);
                assertEquals(cycles, echo.accepted());
                // run returned: every connection closed, and the ring with them
                assertEquals(before, openFds(), "the server's descriptors after " + cycles + " connections");
            }
            System.out.println("UringEchoTest: " + cycles + " connect/close cycles in "
                    + (System.nanoTime() - t0) / 1_000_000 + " ms");
        }
    }

    @Test
    void hundredsOfTcpAndUnixClientsOnOneThread() throws Exception {
        int clients = Integer.getInteger("ffsock.uring.clients", 300);
        int messages = Integer.getInteger("ffsock.uring.messages", 30);
        long t0 = System.nanoTime();
        long bytes;
        try (Socket tcp = Socket.open(Domain.AF_INET, Type.STREAM);
             Socket unix = Socket.open(Domain.AF_UNIX, Type.STREAM)) {
            tcp.bind(SockAddrIn.loopback(0));
            tcp.listen(4096);
            SockAddr unixName = SockAddr.parse("@ffsock-uring-" + ProcessHandle.current().pid() + "-" + System.nanoTime());
            unix.bind(unixName);
            unix.listen(4096);
            try (UringEcho echo = new UringEcho(tcp, unix)) {
                bytes = EchoLoad.run("uring-echo", echo::run, echo::accepted, echo::bytesEchoed,
                        tcp.getsockname(), unixName, clients, messages, 200);
            }
        }
        System.out.println("UringEchoTest: " + clients + " TCP + " + clients + " AF_UNIX clients x " + messages
                + " messages, " + bytes + " bytes echoed and checked in " + (System.nanoTime() - t0) / 1_000_000 + " ms");
    }

    /**
     * {@return bytes the thread has allocated, through com.sun.management.ThreadMXBean (reflectively:
     * the module does not read java.management)}
     */
    private static long allocatedBytes(Thread t) throws ReflectiveOperationException {
        Object bean = Class.forName("java.lang.management.ManagementFactory").getMethod("getThreadMXBean").invoke(null);
        return (long) Class.forName("com.sun.management.ThreadMXBean")
                .getMethod("getThreadAllocatedBytes", long.class).invoke(bean, t.threadId());
    }

    @Test
    void servingARequestAllocatesNothingOnceWarm() throws Exception {
        int clients = 50;
        int warmRounds = 2000; // until the loop is compiled (the interpreter boxes)
        int rounds = 400;
        try (Socket l = Socket.open(Domain.AF_INET, Type.STREAM)) {
            l.bind(SockAddrIn.loopback(0));
            l.listen(4096);
            SockAddr to = l.getsockname();
            try (UringEcho echo = new UringEcho(l)) {
                Thread[] serverThread = new Thread[1];
                CompletableFuture<Void> server = CompletableFuture.runAsync(() -> {
                    try {
                        echo.run(clients);
                    } catch (IOException e) {
                        throw new RuntimeException(e);
                    }
                }, r -> serverThread[0] = Thread.ofPlatform().name("uring-echo").start(r));
                java.util.concurrent.CyclicBarrier warm = new java.util.concurrent.CyclicBarrier(clients + 1);
                java.util.concurrent.CyclicBarrier measured = new java.util.concurrent.CyclicBarrier(clients + 1);
                List<CompletableFuture<Void>> done = new ArrayList<>();
                for (int i = 0; i < clients; i++) {
                    CompletableFuture<Void> f = new CompletableFuture<>();
                    Thread.ofVirtual().start(() -> {
                        try (Socket s = Socket.open(Domain.AF_INET, Type.STREAM)) {
                            s.connect(to);
                            byte[] b = new byte[64];
                            for (int phase = 0; phase < 2; phase++) {
                                for (int r = 0, n = phase == 0 ? warmRounds : rounds; r < n; r++) {
                                    s.send(b, 0, 64, 0);
                                    int got = 0;
                                    while (got < 64) got += s.recv(b, got, 64 - got, 0);
                                }
                                (phase == 0 ? warm : measured).await(60, TimeUnit.SECONDS);
                            }
                            f.complete(null);
                        } catch (Throwable t) {
                            f.completeExceptionally(t);
                        }
                    });
                    done.add(f);
                }
                warm.await(120, TimeUnit.SECONDS);
                long a0 = allocatedBytes(serverThread[0]);
                measured.await(120, TimeUnit.SECONDS);
                long a1 = allocatedBytes(serverThread[0]);
                CompletableFuture.allOf(done.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
                server.get(30, TimeUnit.SECONDS);
                long requests = (long) clients * rounds;
                double perRequest = (double) (a1 - a0) / requests;
                System.out.printf("UringEchoTest: %d requests once warm, server thread allocated %d bytes (%.3f B/request)%n",
                        requests, a1 - a0, perRequest);
                assertTrue(perRequest < 1.0, "allocated " + (a1 - a0) + " bytes for " + requests + " requests");
            }
        }
    }
}
