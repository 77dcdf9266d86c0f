package dev.ffsock.bench;

import dev.ffsock.Domain;
import dev.ffsock.Socket;
import dev.ffsock.Type;
import org.newsclub.net.unix.AFUNIXSocketChannel;
import org.newsclub.net.unix.AFUNIXSocketPair;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.TearDown;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import java.nio.channels.ByteChannel;
import java.nio.channels.SocketChannel;
import java.util.concurrent.TimeUnit;

/**
 * Case pingpong.unix_stream: round-trip latency of one message over an AF_UNIX stream connection,
 * echoed back by a blocking thread of the same library.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class PingPongUnixStream {

    /** ffsock: socketpair(2), blocking, native segments. */
    public static class Ffsock extends StreamEcho.Ffsock {
        @Override
        Socket[] open() throws IOException {
            return Pairs.ffsockUnix();
        }
    }

    /** NIO: SocketChannel over a UnixDomainSocketAddress. */
    public static class Nio extends StreamEcho.Channels {
        @Override
        ByteChannel[] open() throws IOException {
            SocketChannel[] p = Pairs.nioUnix();
            return new ByteChannel[] {p[0], p[1]};
        }
    }

    /** junixsocket: AFUNIXSocketChannel pair. */
    public static class Junix extends StreamEcho.Channels {
        @Override
        ByteChannel[] open() throws IOException {
            AFUNIXSocketPair<AFUNIXSocketChannel> p = AFUNIXSocketPair.open();
            return new ByteChannel[] {p.getSocket1(), p.getSocket2()};
        }
    }

    @Benchmark
    public MemorySegment ffsock(Ffsock s) throws IOException {
        Io.sendFully(s.client, s.msg);
        Io.recvFully(s.client, s.msg);
        return s.msg;
    }

    @Benchmark
    public ByteBuffer nio(Nio s) throws IOException {
        Io.writeFully(s.client, s.msg);
        Io.readFully(s.client, s.msg);
        return s.msg;
    }

    @Benchmark
    public ByteBuffer junixsocket(Junix s) throws IOException {
        Io.writeFully(s.client, s.msg);
        Io.readFully(s.client, s.msg);
        return s.msg;
    }
}
