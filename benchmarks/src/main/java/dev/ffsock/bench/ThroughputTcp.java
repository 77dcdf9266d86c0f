package dev.ffsock.bench;

import dev.ffsock.Socket;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.util.concurrent.TimeUnit;

/**
 * Case throughput.tcp: bulk transfer over loopback TCP — one operation writes one 64 KiB block
 * from the benchmark thread; a drain thread of the same library reads and discards. TCP flow
 * control makes the writer wait for the reader, so ops/s × 64 KiB is the delivered rate.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class ThroughputTcp {

    /** Block size in bytes. */
    @State(Scope.Thread)
    public abstract static class Block {
        /** Bytes per write. */
        @Param({"65536"})
        public int size;
    }

    /** ffsock: blocking send of a native segment. */
    public static class Ffsock extends Block {
        Socket out;
        MemorySegment block;
        private Arena arena;
        private Echo drain;

        @Setup(Level.Trial)
        public void setUp() throws IOException {
            Socket[] p = Pairs.ffsockTcp();
            out = p[0];
            Socket in = p[1];
            arena = Arena.ofConfined();
            block = Io.segment(arena, size);
            drain = Echo.start("drain-ffsock-tcp", e -> {
                MemorySegment sink = Io.segment(e.arena(), size);
                while (e.running() && in.recv(sink) > 0) {
                    // discard
                }
            }, out, in);
        }

        @TearDown(Level.Trial)
        public void tearDown() throws Exception {
            drain.close();
            arena.close();
        }
    }

    /** NIO: blocking SocketChannel, direct buffer. */
    public static class Nio extends Block {
        SocketChannel out;
        ByteBuffer block;
        private Echo drain;

        @Setup(Level.Trial)
        public void setUp() throws IOException {
            SocketChannel[] p = Pairs.nioTcp();
            out = p[0];
            SocketChannel in = p[1];
            block = Io.direct(size);
            ByteBuffer sink = Io.direct(size);
            drain = Echo.start("drain-nio-tcp", e -> {
                while (e.running()) {
                    sink.clear();
                    if (in.read(sink) < 0) return;
                }
            }, out, in);
        }

        @TearDown(Level.Trial)
        public void tearDown() throws Exception {
            drain.close();
        }
    }

    /** java.net.Socket: OutputStream.write of a byte array. */
    public static class Net extends Block {
        OutputStream out;
        byte[] block;
        private Echo drain;

        @Setup(Level.Trial)
        public void setUp() throws IOException {
            java.net.Socket[] p = Pairs.netTcp();
            out = p[0].getOutputStream();
            InputStream in = p[1].getInputStream();
            block = Io.array(size);
            byte[] sink = new byte[size];
            drain = Echo.start("drain-net-tcp", e -> {
                while (e.running() && in.read(sink) >= 0) {
                    // discard
                }
            }, p[0], p[1]);
        }

        @TearDown(Level.Trial)
        public void tearDown() throws Exception {
            drain.close();
        }
    }

    @Benchmark
    public void ffsock(Ffsock s) throws IOException {
        Io.sendFully(s.out, s.block);
    }

    @Benchmark
    public void nio(Nio s) throws IOException {
        Io.writeFully(s.out, s.block);
    }

    @Benchmark
    public void net(Net s) throws IOException {
        s.out.write(s.block);
    }
}
