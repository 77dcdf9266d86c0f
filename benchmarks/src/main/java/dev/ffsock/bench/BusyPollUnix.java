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
 * Case busypoll.unix: busy-poll ping-pong over an AF_UNIX stream pair — both ends non-blocking and spinning, so the
 * number is syscalls plus binding plus cache-line transfer, without scheduler wakeups.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class BusyPollUnix {

    /** ffsock pair. */
    public static class Ffsock extends SpinPairs.Ffsock {
        @Override
        Socket[] open() throws IOException {
            return Pairs.ffsockUnix();
        }
    }

    /** NIO pair. */
    public static class Nio extends SpinPairs.Nio {
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
