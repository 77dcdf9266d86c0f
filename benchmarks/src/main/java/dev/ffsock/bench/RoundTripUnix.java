package dev.ffsock.bench;

import dev.ffsock.Domain;
import dev.ffsock.Socket;
import dev.ffsock.Type;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;

import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import java.nio.channels.ByteChannel;
import java.util.concurrent.TimeUnit;

/**
 * Case roundtrip.unix: single-thread kernel round trip — send one message on one end of an AF_UNIX stream pair (ffsock: socketpair(2); NIO: a UnixDomainSocketAddress connection) and
 * receive it on the other, in the same thread. Measures the per-call cost of two syscalls plus
 * the binding, without thread wakeups.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class RoundTripUnix {

    /** ffsock pair. */
    public static class Ffsock extends KernelPairs.Ffsock {
        @Override
        Socket[] open() throws IOException {
            return Pairs.ffsockUnix();
        }
    }

    /** NIO pair. */
    public static class Nio extends KernelPairs.Nio {
        @Override
        ByteChannel[] open() throws IOException {
            return Pairs.nioUnix();
        }
    }

    @Benchmark
    public MemorySegment ffsock(Ffsock s) throws IOException {
        return s.roundTrip();
    }

    @Benchmark
    public ByteBuffer nio(Nio s) throws IOException {
        return s.roundTrip();
    }
}
