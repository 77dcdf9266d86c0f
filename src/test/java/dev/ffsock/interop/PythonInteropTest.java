package dev.ffsock.interop;

import dev.ffsock.Domain;
import dev.ffsock.ErrnoException;
import dev.ffsock.Errno;
import dev.ffsock.Msg;
import dev.ffsock.Poll;
import dev.ffsock.Shutdown;
import dev.ffsock.SockAddr;
import dev.ffsock.SockAddrStorage;
import dev.ffsock.SockAddrUn;
import dev.ffsock.SockOpt;
import dev.ffsock.Socket;
import dev.ffsock.SocketClosedException;
import dev.ffsock.Type;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Queue;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.abort;

/**
 * Byte-exact echoes between ffsock and a peer nobody here wrote: Python 3's {@code socket} module
 * (src/test/resources/interop/peer.py), each side as client and as server, over TCP (IPv4, IPv6),
 * UDP (IPv4), and AF_UNIX stream, datagram and seqpacket sockets on paths and abstract names.
 * Traffic stays on loopback and AF_UNIX. Needs python3 on PATH (a documented test requirement).
 */
class PythonInteropTest {
    /** Stream sizes: 0 is a no-op send (nothing must break), the rest must come back byte for byte. */
    private static final int[] STREAM_SIZES = {0, 1, 100, 4096, 65536, 1 << 20};
    /** UDP: up to the largest IPv4 UDP payload; 0 must come back as an empty datagram. */
    private static final int[] UDP_SIZES = {0, 1, 100, 4096, 65507};
    /** AF_UNIX datagram/seqpacket: beyond UDP's limit, within what default sysctls allow with a raised SO_SNDBUF. */
    private static final int[] UNIX_MESSAGE_SIZES = {0, 1, 100, 4096, 65507, 65536, 200 * 1024};
    /** Asked-for SO_SNDBUF/SO_RCVBUF for message sockets; the kernel caps it at net.core.[rw]mem_max × 2. */
    private static final int BUFFER_BYTES = 4 << 20;
    private static final int MAX_MESSAGE = 1 << 20;
    private static final Duration IO_TIMEOUT = Duration.ofSeconds(20);
    private static final long PROCESS_TIMEOUT_SECONDS = 60;
    private static final AtomicInteger NAMES = new AtomicInteger();

    /** What is tested: the family and type on both sides, how the address looks, which sizes. */
    enum Kind {
        TCP4("inet", "stream", Domain.AF_INET, Type.STREAM, STREAM_SIZES),
        TCP6("inet6", "stream", Domain.AF_INET6, Type.STREAM, STREAM_SIZES),
        UDP4("inet", "dgram", Domain.AF_INET, Type.DGRAM, UDP_SIZES),
        UNIX_STREAM("unix", "stream", Domain.AF_UNIX, Type.STREAM, STREAM_SIZES),
        UNIX_DGRAM("unix", "dgram", Domain.AF_UNIX, Type.DGRAM, UNIX_MESSAGE_SIZES),
        UNIX_SEQPACKET("unix", "seqpacket", Domain.AF_UNIX, Type.SEQPACKET, UNIX_MESSAGE_SIZES),
        ABSTRACT_STREAM("unix", "stream", Domain.AF_UNIX, Type.STREAM, STREAM_SIZES),
        ABSTRACT_DGRAM("unix", "dgram", Domain.AF_UNIX, Type.DGRAM, UNIX_MESSAGE_SIZES),
        ABSTRACT_SEQPACKET("unix", "seqpacket", Domain.AF_UNIX, Type.SEQPACKET, UNIX_MESSAGE_SIZES);

        final String pyFamily;
        final String pyType;
        final Domain domain;
        final Type type;
        final int[] sizes;

        Kind(String pyFamily, String pyType, Domain domain, Type type, int[] sizes) {
            this.pyFamily = pyFamily;
            this.pyType = pyType;
            this.domain = domain;
            this.type = type;
            this.sizes = sizes;
        }

        boolean isAbstract() {
            return name().startsWith("ABSTRACT");
        }

        boolean isMessages() {
            return type.equals(Type.DGRAM) || type.equals(Type.SEQPACKET);
        }

        /** A fresh address to bind: port 0 on loopback, a path in {@code dir}, or a unique abstract name. */
        String address(Path dir, String role) {
            return switch (this) {
                case TCP4, UDP4 -> "127.0.0.1:0";
                case TCP6 -> "[::1]:0";
                case UNIX_STREAM, UNIX_DGRAM, UNIX_SEQPACKET -> dir.resolve(role + ".sock").toString();
                default -> "@ffsock-interop-" + ProcessHandle.current().pid() + "-" + NAMES.incrementAndGet() + "-" + role;
            };
        }
    }

    @TempDir
    Path dir;

    private static Path peerScript;

    @BeforeAll
    static void needPython() throws Exception {
        peerScript = Path.of(System.getProperty("ffsock.basedir", "."), "src/test/resources/interop/peer.py");
        assertTrue(Files.isRegularFile(peerScript), "peer script missing: " + peerScript);
        String why;
        try {
            Process p = new ProcessBuilder("python3", "-c", "import socket, sys; sys.exit(0 if sys.version_info >= (3, 6) else 3)")
                    .redirectErrorStream(true).start();
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                why = "python3 -c 'import socket' did not finish in 30 s";
            } else {
                why = p.exitValue() == 0 ? null : "python3 exited " + p.exitValue() + ": "
                        + new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            }
        } catch (IOException e) {
            why = "cannot run python3 (" + e.getMessage() + ")";
        }
        if (why != null) {
            fail("PythonInteropTest needs python3 (3.6+) on PATH, a documented test requirement"
                    + " (.ci/run installs it): " + why);
        }
    }

    // ---- Python client, ffsock server --------------------------------------------------------

    @ParameterizedTest
    @EnumSource(Kind.class)
    void pythonClientAgainstFfsockServer(Kind kind) throws Exception {
        Queue<Throwable> errors = new ConcurrentLinkedQueue<>();
        List<Thread> threads = new ArrayList<>();
        Socket server = Socket.open(kind.domain, kind.type);
        Thread main;
        try {
            if (!kind.domain.equals(Domain.AF_UNIX)) server.setsockopt(SockOpt.SO_REUSEADDR, true);
            if (kind.isMessages()) bigBuffers(server);
            bindOrAbort(server, kind, SockAddr.parse(kind.address(dir, "server")));
            if (!kind.type.equals(Type.DGRAM)) server.listen(16);
            SockAddr bound = server.getsockname();

            main = kind.type.equals(Type.DGRAM)
                    ? start("echo-dgram", () -> echoDatagrams(server), errors)
                    : start("accept", () -> acceptLoop(server, kind, threads, errors), errors);

            List<String> cmd = new ArrayList<>(List.of("python3", peerScript.toString(), "client",
                    kind.pyFamily, kind.pyType, bound.toString()));
            for (int size : kind.sizes) cmd.add(Integer.toString(size));
            Process client = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            CompletableFuture<String> output = readAll(client);
            try {
                if (!client.waitFor(PROCESS_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                    fail("python client did not finish in " + PROCESS_TIMEOUT_SECONDS + " s; output: " + output.getNow(""));
                }
                assertEquals(0, client.exitValue(), () -> "python client failed: " + output.join());
            } finally {
                stop(client);
            }
        } finally {
            server.close();
        }
        main.join(10_000);
        assertTrue(!main.isAlive(), "close() did not wake the thread blocked in " + main.getName());
        synchronized (threads) {
            for (Thread t : threads) {
                t.join(10_000);
                assertTrue(!t.isAlive(), "echo thread still running: " + t.getName());
            }
        }
        if (!errors.isEmpty()) {
            AssertionError e = new AssertionError("ffsock echo side failed: " + errors.peek());
            errors.forEach(e::addSuppressed);
            throw e;
        }
    }

    private static void acceptLoop(Socket server, Kind kind, List<Thread> threads, Queue<Throwable> errors) throws IOException {
        while (true) {
            Socket conn;
            try {
                conn = server.accept();
            } catch (SocketClosedException e) {
                return; // the test is over
            }
            Thread t = kind.type.equals(Type.STREAM)
                    ? start("echo-stream", () -> echoStream(conn), errors)
                    : start("echo-seqpacket", () -> echoSeqpacket(conn), errors);
            synchronized (threads) {
                threads.add(t);
            }
        }
    }

    private static void echoStream(Socket conn) throws IOException {
        try (conn; Arena arena = Arena.ofConfined()) {
            conn.setsockopt(SockOpt.SO_RCVTIMEO, IO_TIMEOUT);
            MemorySegment buf = arena.allocate(65536);
            while (true) {
                long n = conn.recv(buf);
                if (n == 0) return;
                conn.sendAll(buf.asSlice(0, n), 0);
            }
        }
    }

    private static void echoSeqpacket(Socket conn) throws IOException {
        try (conn; Arena arena = Arena.ofConfined()) {
            conn.setsockopt(SockOpt.SO_RCVTIMEO, IO_TIMEOUT);
            bigBuffers(conn);
            MemorySegment buf = arena.allocate(MAX_MESSAGE);
            while (true) {
                long n = conn.recv(buf, Msg.MSG_TRUNC);
                if (n > MAX_MESSAGE) throw new AssertionError("seqpacket message of " + n + " bytes truncated");
                // A 0-byte read is an empty message unless the peer has gone (end of stream).
                if (n == 0 && (conn.poll(Poll.POLLIN | Poll.POLLRDHUP, 0) & (Poll.POLLRDHUP | Poll.POLLHUP)) != 0) return;
                long sent = conn.send(buf.asSlice(0, n));
                if (sent != n) throw new AssertionError("seqpacket echo of " + n + " bytes sent " + sent);
            }
        }
    }

    private static void echoDatagrams(Socket server) throws IOException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment buf = arena.allocate(MAX_MESSAGE);
            SockAddrStorage from = new SockAddrStorage();
            while (true) {
                long n;
                try {
                    n = server.recvfrom(buf, Msg.MSG_TRUNC, from);
                } catch (SocketClosedException e) {
                    return; // the test is over
                }
                if (n > MAX_MESSAGE) throw new AssertionError("datagram of " + n + " bytes truncated");
                long sent = server.sendto(buf.asSlice(0, n), 0, from);
                if (sent != n) throw new AssertionError("datagram echo of " + n + " bytes sent " + sent);
            }
        }
    }

    // ---- ffsock client, Python server --------------------------------------------------------

    @ParameterizedTest
    @EnumSource(Kind.class)
    void ffsockClientAgainstPythonServer(Kind kind) throws Exception {
        if (kind == Kind.TCP6) requireIpv6Loopback();
        Process server = new ProcessBuilder("python3", peerScript.toString(), "server",
                kind.pyFamily, kind.pyType, kind.address(dir, "server")).start();
        CompletableFuture<String> stderr = CompletableFuture.supplyAsync(() -> drain(server.getErrorStream()), PythonInteropTest::daemon);
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
            String line;
            try {
                line = CompletableFuture.supplyAsync(() -> {
                    try {
                        return out.readLine();
                    } catch (IOException e) {
                        return null;
                    }
                }, PythonInteropTest::daemon).get(30, TimeUnit.SECONDS);
            } catch (TimeoutException e) {
                line = null;
            }
            if (line == null || !line.startsWith("listening on ")) {
                server.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                fail("python server did not start: " + line + " / " + stderr.getNow("?"));
            }
            SockAddr target = SockAddr.parse(line.substring("listening on ".length()));
            try (Socket c = Socket.open(kind.domain, kind.type)) {
                c.setsockopt(SockOpt.SO_RCVTIMEO, IO_TIMEOUT);
                c.setsockopt(SockOpt.SO_SNDTIMEO, IO_TIMEOUT);
                if (kind.isMessages()) bigBuffers(c);
                // An AF_UNIX datagram client needs a name of its own for the echo to come back to.
                if (kind == Kind.UNIX_DGRAM || kind == Kind.ABSTRACT_DGRAM) c.bind(SockAddr.parse(kind.address(dir, "client")));
                assertTrue(c.connect(target));
                SplittableRandom random = new SplittableRandom(kind.ordinal() * 7919L + 17);
                if (kind.type.equals(Type.STREAM)) {
                    streamRoundTrips(c, kind.sizes, random);
                } else {
                    messageRoundTrips(c, kind.sizes, random);
                }
            }
        } finally {
            stop(server);
        }
        assertTrue(!server.isAlive());
    }

    private static void streamRoundTrips(Socket c, int[] sizes, SplittableRandom random) throws Exception {
        for (int size : sizes) {
            byte[] payload = new byte[size];
            random.nextBytes(payload);
            Queue<Throwable> errors = new ConcurrentLinkedQueue<>();
            // Send from a second thread: a 1 MiB echo does not fit in the socket buffers.
            Thread sender = start("send-" + size, () -> c.sendAll(MemorySegment.ofArray(payload), 0), errors);
            byte[] echo = new byte[size];
            int got = 0;
            while (got < size) {
                int n = c.recv(echo, got, size - got, 0);
                if (n == 0) fail("size " + size + ": end of stream after " + got + " bytes");
                got += n;
            }
            sender.join(IO_TIMEOUT.toMillis());
            assertTrue(!sender.isAlive(), "size " + size + ": send did not finish");
            if (!errors.isEmpty()) throw new AssertionError("size " + size + ": send failed", errors.peek());
            assertSameBytes(size, payload, echo, size);
        }
        c.shutdown(Shutdown.WRITE);
        assertEquals(0, c.recv(new byte[1], 0, 1, 0), "bytes after the last echo");
    }

    private static void messageRoundTrips(Socket c, int[] sizes, SplittableRandom random) throws IOException {
        byte[] echo = new byte[MAX_MESSAGE];
        for (int size : sizes) {
            byte[] payload = new byte[size];
            random.nextBytes(payload);
            assertEquals(size, c.send(payload, 0, size, 0), "size " + size + ": send");
            int n = c.recv(echo, 0, echo.length, Msg.MSG_TRUNC); // MSG_TRUNC: the real length, even if cut
            assertSameBytes(size, payload, echo, n);
        }
    }

    // ---- helpers ------------------------------------------------------------------------------

    private static void assertSameBytes(int size, byte[] sent, byte[] echo, int echoLength) {
        assertEquals(size, echoLength, "size " + size + ": echo length");
        int at = Arrays.mismatch(sent, 0, size, echo, 0, size);
        if (at >= 0) {
            fail("size " + size + ": echo differs first at byte " + at + " (sent " + (sent[at] & 0xff)
                    + ", got " + (echo[at] & 0xff) + ")");
        }
    }

    private static void bigBuffers(Socket s) throws IOException {
        s.setsockopt(SockOpt.SO_SNDBUF, BUFFER_BYTES);
        s.setsockopt(SockOpt.SO_RCVBUF, BUFFER_BYTES);
    }

    private static void bindOrAbort(Socket s, Kind kind, SockAddr addr) throws IOException {
        try {
            s.bind(addr);
        } catch (ErrnoException e) {
            if (kind == Kind.TCP6 && e.errno() == Errno.EADDRNOTAVAIL) abort("no IPv6 loopback here: " + e.getMessage());
            throw e;
        }
    }

    private static void requireIpv6Loopback() throws IOException {
        try (Socket s = Socket.open(Domain.AF_INET6, Type.STREAM)) {
            bindOrAbort(s, Kind.TCP6, SockAddr.parse("[::1]:0"));
        }
    }

    /** A body that may throw. */
    interface Body {
        void run() throws Exception;
    }

    private static Thread start(String name, Body body, Queue<Throwable> errors) {
        Thread t = new Thread(() -> {
            try {
                body.run();
            } catch (Throwable e) {
                errors.add(e);
            }
        }, name);
        t.setDaemon(true);
        t.start();
        return t;
    }

    private static CompletableFuture<String> readAll(Process p) {
        return CompletableFuture.supplyAsync(() -> drain(p.getInputStream()), PythonInteropTest::daemon);
    }

    /** Runs a blocking read on a thread of its own (the common pool may have a single thread). */
    private static void daemon(Runnable r) {
        Thread t = new Thread(r, "interop-reader");
        t.setDaemon(true);
        t.start();
    }

    private static String drain(java.io.InputStream in) {
        try {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(" + e + ")";
        }
    }

    private static void stop(Process p) throws InterruptedException {
        p.destroy();
        if (!p.waitFor(5, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            p.waitFor(5, TimeUnit.SECONDS);
        }
    }
}
