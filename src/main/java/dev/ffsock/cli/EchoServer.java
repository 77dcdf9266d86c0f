package dev.ffsock.cli;

import dev.ffsock.ErrnoException;
import dev.ffsock.Msg;
import dev.ffsock.SockAddrStorage;
import dev.ffsock.SockAddrUn;
import dev.ffsock.SockOpt;
import dev.ffsock.Socket;
import dev.ffsock.SocketClosedException;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The echo server behind {@code ffsock echo}: binds, prints {@code listening on ADDRESS}, then
 * echoes connections (a platform thread each: a blocking native call pins a virtual thread's
 * carrier, so many idle connections could starve the others) or datagrams.
 *
 * <p>As a whole process it stops on SIGINT/SIGTERM through a shutdown hook that closes the socket,
 * removes the socket file it created and halts with status 0.
 */
final class EchoServer {
    private static final int STREAM_CHUNK = 64 * 1024;

    private final Endpoint endpoint;
    private final int count;
    private final boolean epoll;
    private final boolean uring;
    private final Io io;
    private volatile boolean stopping;
    private volatile Path created;

    /**
     * @param endpoint where to listen
     * @param count    connections or datagrams to serve, or -1 for no limit
     * @param epoll    serve stream connections from one thread with {@link EpollEcho}
     * @param uring    serve stream connections from one thread with {@link UringEcho}
     * @param io       output
     */
    EchoServer(Endpoint endpoint, int count, boolean epoll, boolean uring, Io io) {
        this.endpoint = endpoint;
        this.count = count;
        this.epoll = epoll;
        this.uring = uring;
        this.io = io;
    }

    /** Serves until the count is reached or the process is stopped; {@return 0} */
    int run() throws IOException, InterruptedException {
        try (Socket s = Socket.open(endpoint.domain(), endpoint.type())) {
            if (!endpoint.unix()) s.setsockopt(SockOpt.SO_REUSEADDR, true);
            // An echo answers each message at once: no Nagle delay (accepted sockets inherit it).
            if (!endpoint.unix() && !endpoint.dgram()) s.setsockopt(SockOpt.TCP_NODELAY, true);
            s.bind(endpoint.address());
            if (endpoint.address() instanceof SockAddrUn u && u.kind() == SockAddrUn.Kind.PATH) {
                created = Path.of(u.name());
            }
            Thread hook = io.standalone() ? stopOnSignal(s) : null;
            try {
                if (!endpoint.dgram()) s.listen(4096); // the kernel caps it at net.core.somaxconn
                io.out().println("listening on " + s.getsockname());
                io.out().flush();
                if (endpoint.dgram()) {
                    serveDatagrams(s);
                } else if (uring) {
                    try (UringEcho server = new UringEcho(s)) {
                        server.run(count);
                    }
                } else if (epoll) {
                    try (EpollEcho server = new EpollEcho(s)) {
                        server.run(count);
                    }
                } else {
                    serveConnections(s);
                }
                return 0;
            } catch (SocketClosedException e) {
                if (stopping) return 0;
                throw e;
            } finally {
                if (hook != null) {
                    try {
                        Runtime.getRuntime().removeShutdownHook(hook);
                    } catch (IllegalStateException e) {
                        // Shutting down: the hook is running and will halt the JVM.
                    }
                }
                removeCreated();
            }
        }
    }

    private Thread stopOnSignal(Socket s) {
        Thread hook = new Thread(() -> {
            stopping = true;
            s.close();
            removeCreated();
            io.out().flush();
            io.err().flush();
            // A signal is how this server is meant to stop: exit 0, not 128+signal.
            Runtime.getRuntime().halt(0);
        }, "ffsock-echo-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        return hook;
    }

    private void removeCreated() {
        Path p = created;
        if (p == null) return;
        created = null;
        try {
            Files.deleteIfExists(p);
        } catch (IOException e) {
            io.err().println("ffsock: echo: cannot remove " + p + ": " + e.getMessage());
        }
    }

    private void serveConnections(Socket s) throws IOException, InterruptedException {
        List<Thread> threads = new ArrayList<>();
        for (int n = 0; count < 0 || n < count; n++) {
            Socket c = s.accept();
            Thread t = Thread.ofPlatform().daemon().name("ffsock-echo-" + n).start(() -> serve(c));
            if (count > 0) threads.add(t);
        }
        for (Thread t : threads) t.join();
    }

    private void serve(Socket c) {
        boolean seq = endpoint.seqpacket();
        try (c; Arena arena = Arena.ofConfined()) {
            MemorySegment buf = arena.allocate(seq ? Endpoint.MAX_MESSAGE + 1 : STREAM_CHUNK);
            while (true) {
                // SOCK_SEQPACKET: a zero-length message reads like EOF, so it ends the connection too.
                long n = c.recv(buf, 0);
                if (n <= 0) break;
                if (seq) {
                    c.send(buf.asSlice(0, n), 0);
                } else {
                    c.sendAll(buf.asSlice(0, n), 0);
                }
            }
        } catch (IOException e) {
            if (!stopping) io.err().println("ffsock: echo: " + peer(c) + ": " + e.getMessage());
        }
    }

    private static String peer(Socket c) {
        return c.acceptedFrom() == null ? "connection" : c.acceptedFrom().toString();
    }

    private void serveDatagrams(Socket s) throws IOException {
        SockAddrStorage from = new SockAddrStorage();
        MemorySegment buf = Arena.ofAuto().allocate(endpoint.unix() ? Endpoint.MAX_MESSAGE : 65536);
        for (int n = 0; count < 0 || n < count; n++) {
            long r = s.recvfrom(buf, Msg.MSG_TRUNC, from);
            if (r > buf.byteSize()) {
                io.err().println("ffsock: echo: datagram of " + r + " bytes truncated to " + buf.byteSize());
                r = buf.byteSize();
            }
            if (from.length() <= 2) {
                io.err().println("ffsock: echo: datagram from an unbound AF_UNIX socket: no address to reply to"
                        + " (the client must bind one)");
                continue;
            }
            try {
                s.sendto(buf.asSlice(0, r), 0, from);
            } catch (ErrnoException e) {
                io.err().println("ffsock: echo: reply to " + from + ": " + e.getMessage());
            }
        }
    }
}
