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
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.util.concurrent.TimeUnit;

/**
 * Case pingpong.udp: round-trip latency of one datagram over loopback UDP, unconnected sockets
 * (sendto/recvfrom, the server pattern), echoed back to the sender's address by a blocking thread
 * of the same library. Size 65536 is clamped to 65507, the largest IPv4 UDP payload.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class PingPongUdp {

    static int len(int size) {
        return Math.min(size, Io.MAX_UDP_PAYLOAD);
    }

    /** ffsock: sendto/recvfrom with reused SockAddrStorage, native segments. */
    public static class Ffsock extends Sized {
        Socket client;
        MemorySegment msg;
        SockAddrStorage to;
        SockAddrStorage from;
        int len;
        private Arena arena;
        private Echo echo;

        @Setup(Level.Trial)
        public void setUp() throws IOException {
            len = len(size);
            Socket[] p = Pairs.ffsockUdp(false);
            client = p[0];
            Socket server = p[1];
            to = SockAddrStorage.of(server.getsockname());
            from = new SockAddrStorage();
            arena = Arena.ofConfined();
            msg = Io.segment(arena, len);
            SockAddrStorage peer = new SockAddrStorage();
            echo = Echo.start("echo-ffsock-udp", e -> {
                MemorySegment echoBuf = Io.segment(e.arena(), len);
                while (e.running()) {
                    if (server.recvfrom(echoBuf, 0, peer) != len) throw new IOException("echo got a short datagram");
                    server.sendto(echoBuf, 0, peer);
                }
            }, client, server);
        }

        @TearDown(Level.Trial)
        public void tearDown() throws Exception {
            echo.close();
            arena.close();
        }
    }

    /** NIO: unconnected DatagramChannel send/receive, direct buffers. */
    public static class Nio extends Sized {
        DatagramChannel client;
        ByteBuffer msg;
        SocketAddress to;
        private Echo echo;

        @Setup(Level.Trial)
        public void setUp() throws IOException {
            int len = len(size);
            DatagramChannel[] p = Pairs.nioUdp(false);
            client = p[0];
            DatagramChannel server = p[1];
            to = server.getLocalAddress();
            msg = Io.direct(len);
            ByteBuffer echoBuf = Io.direct(len);
            echo = Echo.start("echo-nio-udp", e -> {
                while (e.running()) {
                    echoBuf.clear();
                    SocketAddress peer = server.receive(echoBuf);
                    echoBuf.flip();
                    server.send(echoBuf, peer);
                }
            }, client, server);
        }

        @TearDown(Level.Trial)
        public void tearDown() throws Exception {
            echo.close();
        }
    }

    /** java.net.DatagramSocket: reused DatagramPackets over byte arrays. */
    public static class Net extends Sized {
        DatagramSocket client;
        DatagramPacket out;
        DatagramPacket in;
        private Echo echo;

        @Setup(Level.Trial)
        public void setUp() throws IOException {
            int len = len(size);
            client = new DatagramSocket(0, InetAddress.getLoopbackAddress());
            DatagramSocket server = new DatagramSocket(0, InetAddress.getLoopbackAddress());
            out = new DatagramPacket(Io.array(len), len, server.getLocalSocketAddress());
            in = new DatagramPacket(new byte[len], len);
            DatagramPacket echoPacket = new DatagramPacket(new byte[len], len);
            echo = Echo.start("echo-net-udp", e -> {
                while (e.running()) {
                    echoPacket.setLength(len);
                    server.receive(echoPacket);
                    server.send(echoPacket);
                }
            }, client, server);
        }

        @TearDown(Level.Trial)
        public void tearDown() throws Exception {
            echo.close();
        }
    }

    @Benchmark
    public MemorySegment ffsock(Ffsock s) throws IOException {
        s.client.sendto(s.msg, 0, s.to);
        if (s.client.recvfrom(s.msg, 0, s.from) != s.len) throw new IOException("short reply");
        return s.msg;
    }

    @Benchmark
    public ByteBuffer nio(Nio s) throws IOException {
        s.msg.clear();
        s.client.send(s.msg, s.to);
        s.msg.clear();
        s.client.receive(s.msg);
        return s.msg;
    }

    @Benchmark
    public DatagramPacket net(Net s) throws IOException {
        s.client.send(s.out);
        s.in.setLength(s.in.getData().length);
        s.client.receive(s.in);
        return s.in;
    }
}
