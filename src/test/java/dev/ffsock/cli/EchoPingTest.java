package dev.ffsock.cli;

import dev.ffsock.Domain;
import dev.ffsock.SockAddrIn6;
import dev.ffsock.Socket;
import dev.ffsock.Type;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code ffsock echo --count N} on a thread, {@code ffsock ping} against it, over every transport. */
@Timeout(60)
class EchoPingTest {
    private static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir
    Path dir;

    /** A running in-process echo server. */
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
            thread = Thread.ofPlatform().daemon().name("test-echo").start(
                    () -> status.set(Main.run(all.toArray(String[]::new), o, e)));
            String line = out.next(WAIT);
            assertTrue(line.startsWith("listening on "), line + "\n" + err);
            address = line.substring("listening on ".length());
        }

        int await() throws InterruptedException {
            thread.join(WAIT);
            assertFalse(thread.isAlive(), "echo still running");
            return status.get();
        }

        String err() {
            return err.toString(StandardCharsets.UTF_8);
        }
    }

    private static final Pattern NUMBER = Pattern.compile("\\d+\\.\\d");

    private static void assertSummary(Cli.Result r, int size, int count, String address) {
        assertEquals(0, r.status(), r::toString);
        assertEquals("", r.err(), r::toString);
        String prefix = size + " bytes x " + count + " to " + address + ": ";
        assertTrue(r.out().startsWith(prefix), r::toString);
        String rest = r.out().substring(prefix.length());
        String n = NUMBER.pattern();
        assertTrue(rest.matches("min " + n + " us, median " + n + " us, p99 " + n + " us\n"), r::toString);
    }

    /** Starts echo with {@code echoArgs}, pings it {@code count} times, checks both ends. */
    private Echo echoAndPing(String[] echoArgs, String flag, String[] extra, int count, int size) throws Exception {
        Echo echo = new Echo(echoArgs);
        List<String> ping = new ArrayList<>(List.of("ping", flag, echo.address, "-n", String.valueOf(count),
                "-s", String.valueOf(size)));
        ping.addAll(List.of(extra));
        Cli.Result r = Cli.run(ping.toArray(String[]::new));
        assertSummary(r, size, count, echo.address);
        assertEquals(0, echo.await(), echo.err());
        assertEquals("", echo.err());
        return echo;
    }

    private static String abstractName() {
        return "@ffsock-test-" + ProcessHandle.current().pid() + "-" + ThreadLocalRandom.current().nextInt(1 << 30);
    }

    @Test
    void tcp4() throws Exception {
        Echo e = echoAndPing(new String[] {"--tcp", "127.0.0.1:0", "--count", "1"}, "--tcp", new String[0], 10, 64);
        assertTrue(e.address.matches("127\\.0\\.0\\.1:\\d+") && !e.address.endsWith(":0"), e.address);
    }

    @Test
    void tcp4Localhost() throws Exception {
        Echo e = echoAndPing(new String[] {"--tcp", "localhost:0", "--count", "1"}, "--tcp", new String[0], 3, 1);
        assertTrue(e.address.startsWith("127.0.0.1:") || e.address.startsWith("[::1]:"), e.address);
    }

    @Test
    void tcp4LargeMessages() throws Exception {
        // Bigger than the socket buffers together: ping must read while it sends.
        echoAndPing(new String[] {"--tcp", "127.0.0.1:0", "--count", "1"}, "--tcp", new String[0], 3, 1 << 20);
    }

    @Test
    void tcp6() throws Exception {
        assumeIpv6();
        Echo e = echoAndPing(new String[] {"--tcp", "[::1]:0", "--count", "1"}, "--tcp", new String[0], 10, 100);
        assertTrue(e.address.matches("\\[::1]:\\d+"), e.address);
    }

    @Test
    void udp4() throws Exception {
        Echo e = echoAndPing(new String[] {"--udp", "127.0.0.1:0", "--count", "10"}, "--udp", new String[0], 10, 512);
        assertTrue(e.address.matches("127\\.0\\.0\\.1:\\d+"), e.address);
    }

    @Test
    void udp6EmptyAndLargestDatagrams() throws Exception {
        assumeIpv6();
        echoAndPing(new String[] {"--udp", "[::1]:0", "--count", "2"}, "--udp", new String[0], 2, 0);
        echoAndPing(new String[] {"--udp", "[::1]:0", "--count", "2"}, "--udp", new String[0], 2, PingCommand.MAX_UDP6);
    }

    @Test
    void unixPath() throws Exception {
        Path sock = dir.resolve("echo.sock");
        Echo e = echoAndPing(new String[] {"--unix", sock.toString(), "--count", "1"}, "--unix", new String[0], 10, 4096);
        assertEquals(sock.toString(), e.address);
        assertFalse(Files.exists(sock), "the socket file is removed on exit");
    }

    @Test
    void unixAbstract() throws Exception {
        String name = abstractName();
        Echo e = echoAndPing(new String[] {"--unix", name, "--count", "1"}, "--unix", new String[0], 10, 64);
        assertEquals(name, e.address);
    }

    @Test
    void unixSeqpacket() throws Exception {
        String name = abstractName();
        echoAndPing(new String[] {"--unix", name, "--seqpacket", "--count", "1"}, "--unix",
                new String[] {"--seqpacket"}, 10, 1000);
    }

    @Test
    void unixDgram() throws Exception {
        Path sock = dir.resolve("dgram.sock");
        echoAndPing(new String[] {"--unix", sock.toString(), "--dgram", "--count", "10"}, "--unix",
                new String[] {"--dgram"}, 10, 64);
        assertFalse(Files.exists(sock));
    }

    @Test
    void unixDgramFromAnUnboundClientIsReportedNotAnswered() throws Exception {
        Echo echo = new Echo("--unix", abstractName(), "--dgram", "--count", "1");
        try (Socket c = Socket.open(Domain.AF_UNIX, Type.DGRAM)) {
            c.sendto(new byte[] {1, 2, 3}, 0, 3, 0, dev.ffsock.SockAddr.parse(echo.address));
        }
        assertEquals(0, echo.await(), echo.err());
        assertTrue(echo.err().startsWith("ffsock: echo: datagram from an unbound AF_UNIX socket"), echo.err());
    }

    @Test
    void severalConnectionsAtOnce() throws Exception {
        // --count 3: three pings at the same time, each served on its own thread.
        Echo echo = new Echo("--tcp", "127.0.0.1:0", "--count", "3");
        List<Thread> pings = new ArrayList<>();
        List<Cli.Result> results = java.util.Collections.synchronizedList(new ArrayList<>());
        for (int i = 0; i < 3; i++) {
            pings.add(Thread.ofPlatform().start(() -> results.add(Cli.run("ping", "--tcp", echo.address, "-n", "20"))));
        }
        for (Thread t : pings) t.join(WAIT.toMillis());
        assertEquals(3, results.size());
        for (Cli.Result r : results) assertSummary(r, 64, 20, echo.address);
        assertEquals(0, echo.await(), echo.err());
    }

    @Test
    void epollTcpServesSeveralConnectionsFromOneThread() throws Exception {
        Echo echo = new Echo("--tcp", "127.0.0.1:0", "--count", "3", "--epoll");
        List<Thread> pings = new ArrayList<>();
        List<Cli.Result> results = java.util.Collections.synchronizedList(new ArrayList<>());
        for (int i = 0; i < 3; i++) {
            int size = i == 0 ? 1 << 20 : 64; // one message larger than the socket buffers: partial writes
            pings.add(Thread.ofPlatform().start(() -> results.add(
                    Cli.run("ping", "--tcp", echo.address, "-n", "5", "-s", String.valueOf(size)))));
        }
        for (Thread t : pings) t.join(WAIT.toMillis());
        assertEquals(3, results.size());
        for (Cli.Result r : results) assertEquals(0, r.status(), r::toString);
        assertEquals(0, echo.await(), echo.err());
    }

    @Test
    void epollUnixStream() throws Exception {
        echoAndPing(new String[] {"--unix", abstractName(), "--count", "1", "--epoll"}, "--unix", new String[0], 10, 4096);
    }

    @Test
    void epollRefusesDatagramsWithUsageError() {
        Cli.Result r = Cli.run("echo", "--udp", "127.0.0.1:0", "--epoll");
        assertEquals(2, r.status(), r::toString);
        assertTrue(r.err().startsWith("ffsock: --epoll serves stream sockets only"), r::toString);
    }

    @Test
    void pingTimesOutWithoutAnEcho() throws Exception {
        // A UDP socket that never answers: the ping ends with status 1 after --timeout.
        try (Socket s = Socket.open(Domain.AF_INET, Type.DGRAM)) {
            s.bind(dev.ffsock.SockAddrIn.loopback(0));
            Cli.Result r = Cli.run("ping", "--udp", s.getsockname().toString(), "-n", "1", "--timeout", "0.2");
            assertEquals(1, r.status(), r::toString);
            assertTrue(r.err().startsWith("ffsock: ping: no answer within 200 ms"), r::toString);
        }
    }

    private static void assumeIpv6() {
        try (Socket s = Socket.open(Domain.AF_INET6, Type.STREAM)) {
            s.bind(SockAddrIn6.loopback(0));
        } catch (IOException e) {
            Assumptions.abort("no IPv6 loopback here: " + e.getMessage());
        }
    }
}
