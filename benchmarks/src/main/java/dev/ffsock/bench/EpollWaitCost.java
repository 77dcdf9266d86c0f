package dev.ffsock.bench;

import dev.ffsock.Domain;
import dev.ffsock.Epoll;
import dev.ffsock.EpollEvents;
import dev.ffsock.Socket;
import dev.ffsock.Type;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.util.concurrent.TimeUnit;

/**
 * Case epoll.wait: one readiness check that finds one ready socket — epoll_wait(timeout 0) through
 * ffsock's {@link Epoll} into a reused {@link EpollEvents}, against NIO's {@code Selector.selectNow}
 * with a consumer (its allocation-free form). Both watch one end of a socket pair whose other end
 * wrote one byte nobody reads, so every check returns one event. This is the event loop's hot path:
 * its B/op shows whether a wait allocates.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class EpollWaitCost {

    /** An ffsock epoll watching a readable AF_UNIX socket. */
    @State(Scope.Thread)
    public static class Ffsock {
        Socket[] pair;
        Epoll epoll;
        EpollEvents events;

        @Setup(Level.Trial)
        public void setUp() throws IOException {
            pair = Socket.socketpair(Domain.AF_UNIX, Type.STREAM);
            pair[1].send(new byte[] {1}, 0, 1, 0);
            epoll = Epoll.open();
            epoll.add(pair[0], Epoll.EPOLLIN, 7);
            events = new EpollEvents(16);
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            epoll.close();
            pair[0].close();
            pair[1].close();
        }
    }

    /** A NIO selector watching a readable AF_UNIX channel. */
    @State(Scope.Thread)
    public static class Nio {
        SocketChannel a;
        SocketChannel b;
        Selector selector;
        int seen;

        @Setup(Level.Trial)
        public void setUp() throws IOException {
            var server = java.nio.channels.ServerSocketChannel.open(StandardProtocolFamily.UNIX);
            var path = java.nio.file.Files.createTempDirectory("ffsock-bench").resolve("s");
            server.bind(java.net.UnixDomainSocketAddress.of(path));
            b = SocketChannel.open(java.net.UnixDomainSocketAddress.of(path));
            a = server.accept();
            server.close();
            java.nio.file.Files.delete(path);
            java.nio.file.Files.delete(path.getParent());
            b.write(ByteBuffer.wrap(new byte[] {1}));
            a.configureBlocking(false);
            selector = Selector.open();
            a.register(selector, SelectionKey.OP_READ);
        }

        @TearDown(Level.Trial)
        public void tearDown() throws IOException {
            selector.close();
            a.close();
            b.close();
        }
    }

    @Benchmark
    public long ffsock(Ffsock s) throws IOException {
        int n = s.epoll.wait(s.events, 0);
        return n + s.events.data(0);
    }

    @Benchmark
    public int nio(Nio s) throws IOException {
        return s.selector.selectNow(k -> s.seen++);
    }
}
