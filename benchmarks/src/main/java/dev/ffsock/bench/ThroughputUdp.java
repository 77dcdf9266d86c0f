package dev.ffsock.bench;

import dev.ffsock.SockAddrStorage;
import dev.ffsock.Socket;
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
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.util.concurrent.TimeUnit;

/**
 * Case throughput.udp: datagrams per second delivered from a sender thread (blasting, one
 * datagram per call) to the benchmark thread (one datagram received per operation), both of the
 * same library, over loopback. The score is the rate the receiver actually got, i.e. the slower
 * of the two ends; datagrams dropped for a full receive buffer are not counted.
 *
 * <p>Extension point: ffsock sendmmsg/recvmmsg and UDP GSO/GRO contenders belong here once those
 * APIs are merged (see benchmarks/README.md, "Pending cases"); they are not faked meanwhile.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class ThroughputUdp {

    /** ffsock: sendto with a reused SockAddrStorage / recvfrom, native segments. */
    public static class Ffsock extends Small {
        Socket receiver;
        MemorySegment buf;
        SockAddrStorage from;
        private Arena arena;
        private Echo sender;

        @Setup(Level.Trial)
        public void setUp() throws IOException {
            Socket[] p = Pairs.ffsockUdp(false);
            Socket out = p[0];
            receiver = p[1];
            SockAddrStorage to = SockAddrStorage.of(receiver.getsockname());
            from = new SockAddrStorage();
            arena = Arena.ofShared();
            buf = Io.segment(arena, size);
            MemorySegment msg = Io.segment(arena, size);
            sender = Echo.start("blast-ffsock-udp", e -> {
                while (e.running()) out.sendto(msg, 0, to);
            }, out, receiver);
        }

        @TearDown(Level.Trial)
        public void tearDown() throws Exception {
            sender.close();
            arena.close();
        }
    }

    /** NIO: unconnected DatagramChannel send/receive, direct buffers. */
    public static class Nio extends Small {
        DatagramChannel receiver;
        ByteBuffer buf;
        private Echo sender;

        @Setup(Level.Trial)
        public void setUp() throws IOException {
            DatagramChannel[] p = Pairs.nioUdp(false);
            DatagramChannel out = p[0];
            receiver = p[1];
            java.net.SocketAddress to = receiver.getLocalAddress();
            buf = Io.direct(size);
            ByteBuffer msg = Io.direct(size);
            sender = Echo.start("blast-nio-udp", e -> {
                while (e.running()) {
                    msg.clear();
                    out.send(msg, to);
                }
            }, out, receiver);
        }

        @TearDown(Level.Trial)
        public void tearDown() throws Exception {
            sender.close();
        }
    }

    /** java.net.DatagramSocket: reused packets over byte arrays. */
    public static class Net extends Small {
        DatagramSocket receiver;
        DatagramPacket in;
        private Echo sender;

        @Setup(Level.Trial)
        public void setUp() throws IOException {
            DatagramSocket out = new DatagramSocket(0, InetAddress.getLoopbackAddress());
            receiver = new DatagramSocket(0, InetAddress.getLoopbackAddress());
            DatagramPacket packet = new DatagramPacket(Io.array(size), size, receiver.getLocalSocketAddress());
            in = new DatagramPacket(new byte[size], size);
            sender = Echo.start("blast-net-udp", e -> {
                while (e.running()) out.send(packet);
            }, out, receiver);
        }

        @TearDown(Level.Trial)
        public void tearDown() throws Exception {
            sender.close();
        }
    }

    @Benchmark
    public long ffsock(Ffsock s) throws IOException {
        return s.receiver.recvfrom(s.buf, 0, s.from);
    }

    @Benchmark
    public ByteBuffer nio(Nio s) throws IOException {
        s.buf.clear();
        s.receiver.receive(s.buf);
        return s.buf;
    }

    @Benchmark
    public DatagramPacket net(Net s) throws IOException {
        s.in.setLength(s.in.getData().length);
        s.receiver.receive(s.in);
        return s.in;
    }
}
