package dev.ffsock.bench;

import dev.ffsock.Socket;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.TearDown;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import java.nio.channels.ByteChannel;
import java.nio.channels.SocketChannel;
import java.util.concurrent.TimeUnit;

/**
 * Case pingpong.tcp: round-trip latency of one message over a loopback TCP connection
 * (TCP_NODELAY), echoed back by a blocking thread of the same library.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class PingPongTcp {

    /** ffsock: blocking sockets, native segments. */
    public static class Ffsock extends StreamEcho.Ffsock {
        @Override
        Socket[] open() throws IOException {
            return Pairs.ffsockTcp();
        }
    }

    /** NIO: blocking SocketChannels with direct buffers. */
    public static class Nio extends StreamEcho.Channels {
        @Override
        ByteChannel[] open() throws IOException {
            SocketChannel[] p = Pairs.nioTcp();
            return new ByteChannel[] {p[0], p[1]};
        }
    }

    /** java.net.Socket: streams over byte arrays. */
    public static class Net extends Sized {
        InputStream in;
        OutputStream out;
        byte[] msg;
        private Echo echo;

        @Setup(Level.Trial)
        public void setUp() throws IOException {
            java.net.Socket[] p = Pairs.netTcp();
            in = p[0].getInputStream();
            out = p[0].getOutputStream();
            msg = Io.array(size);
            InputStream sin = p[1].getInputStream();
            OutputStream sout = p[1].getOutputStream();
            byte[] echoBuf = Io.array(size);
            echo = Echo.start("echo-net-tcp", e -> {
                while (e.running()) {
                    if (sin.readNBytes(echoBuf, 0, echoBuf.length) < echoBuf.length) return;
                    sout.write(echoBuf);
                }
            }, p[0], p[1]);
        }

        @TearDown(Level.Trial)
        public void tearDown() throws Exception {
            echo.close();
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
    public byte[] net(Net s) throws IOException {
        s.out.write(s.msg);
        if (s.in.readNBytes(s.msg, 0, s.msg.length) < s.msg.length) throw new java.io.EOFException();
        return s.msg;
    }
}
