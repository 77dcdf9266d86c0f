package dev.ffsock.bench;

import dev.ffsock.Type;
import org.newsclub.net.unix.AFSocketType;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;

import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import java.util.concurrent.TimeUnit;

/**
 * Case pingpong.unix_dgram: round-trip latency of one message over an AF_UNIX SOCK_DGRAM socketpair,
 * echoed back by a blocking thread of the same library. NIO has no AF_UNIX SOCK_DGRAM: ffsock vs
 * junixsocket only.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class PingPongUnixDgram {

    /** ffsock socketpair of type DGRAM. */
    public static class Ffsock extends UnixMessages.Ffsock {
        @Override
        Type type() {
            return Type.DGRAM;
        }
    }

    /** junixsocket pair of type SOCK_DGRAM. */
    public static class Junix extends UnixMessages.Junix {
        @Override
        AFSocketType type() {
            return AFSocketType.SOCK_DGRAM;
        }
    }

    @Benchmark
    public MemorySegment ffsock(Ffsock s) throws IOException {
        return s.roundTrip();
    }

    @Benchmark
    public ByteBuffer junixsocket(Junix s) throws IOException {
        return s.roundTrip();
    }
}
