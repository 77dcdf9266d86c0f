package dev.ffsock.bench;

import dev.ffsock.DatagramBatch;
import dev.ffsock.Message;
import dev.ffsock.Msg;
import dev.ffsock.SockAddr;
import dev.ffsock.SockAddrStorage;
import dev.ffsock.SockOpt;
import dev.ffsock.Socket;
import dev.ffsock.UdpSegments;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.TearDown;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.util.concurrent.TimeUnit;

/**
 * Case throughput.udp: datagrams per second delivered from a sender thread to the benchmark thread
 * (the receiver), both of the same library, over loopback; 64-byte datagrams. The score is the rate
 * the receiver actually got. Every sender is paced by a {@link Pacer} (at most a receive buffer's
 * worth in flight, as the C program paces), so drops do not dominate; every receiver has SO_RCVBUF
 * 4 MiB (8 MiB effective).
 *
 * <p>Contenders: one datagram per call ({@code ffsock} sendto/recvfrom, {@code nio}
 * DatagramChannel, {@code net} DatagramSocket), {@code ffsock_mmsg} (sendmmsg / recvmmsg with
 * MSG_WAITFORONE, {@value #BATCH} per call, one reused {@link DatagramBatch} per end) and
 * {@code ffsock_gso} (one sendmsg of {@value #BATCH} × 64 B with a UDP_SEGMENT control message,
 * received with UDP_GRO: each recvmsg counts bytes / segment size datagrams). The batched methods
 * receive {@value #BATCH} datagrams per invocation ({@code @OperationsPerInvocation}), carrying any
 * surplus over to the next invocation, so every score is per datagram.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class ThroughputUdp {
    /** Datagrams per sendmmsg/recvmmsg call and segments per GSO send (as ffbench --udp-batch). */
    public static final int BATCH = 32;

    /** A loopback pair of ffsock UDP sockets with the receive buffer set; [sender, receiver]. */
    static Socket[] ffsockPair() throws IOException {
        Socket[] p = Pairs.ffsockUdp(false);
        p[1].setsockopt(SockOpt.SO_RCVBUF, Pacer.RCVBUF);
        p[0].setsockopt(SockOpt.SO_SNDBUF, Pacer.RCVBUF);
        return p;
    }

    /** ffsock: sendto with a reused SockAddrStorage / recvfrom, native segments. */
    public static class Ffsock extends Small {
        Socket receiver;
        MemorySegment buf;
        SockAddrStorage from;
        Pacer pacer;
        private Arena arena;
        private Echo sender;

        @Setup(Level.Trial)
        public void setUp() throws IOException {
            Socket[] p = ffsockPair();
            Socket out = p[0];
            receiver = p[1];
            pacer = new Pacer(size, receiver.getsockopt(SockOpt.SO_RCVBUF), 1);
            SockAddrStorage to = SockAddrStorage.of(receiver.getsockname());
            from = new SockAddrStorage();
            arena = Arena.ofConfined();
            buf = Io.segment(arena, size);
            sender = Echo.start("blast-ffsock-udp", e -> {
                MemorySegment msg = Io.segment(e.arena(), size);
                while (pacer.awaitRoom(e, 1)) {
                    if (out.sendto(msg, 0, to) > 0) pacer.sent(1);
                }
            }, out, receiver);
        }

        @TearDown(Level.Trial)
        public void tearDown() throws Exception {
            sender.close();
            arena.close();
        }
    }

    /** ffsock: sendmmsg / recvmmsg, {@value ThroughputUdp#BATCH} datagrams per call, reused batches. */
    public static class FfsockMmsg extends Small {
        Socket receiver;
        DatagramBatch in;
        Pacer pacer;
        /** Datagrams received beyond the last invocation's {@value ThroughputUdp#BATCH}. */
        int carry;
        private Echo sender;

        @Setup(Level.Trial)
        public void setUp() throws IOException {
            Socket[] p = ffsockPair();
            Socket out = p[0];
            receiver = p[1];
            pacer = new Pacer(size, receiver.getsockopt(SockOpt.SO_RCVBUF), BATCH);
            in = new DatagramBatch(BATCH, size);
            DatagramBatch batch = new DatagramBatch(BATCH, size);
            SockAddr to = receiver.getsockname();
            for (int i = 0; i < BATCH; i++) batch.setLength(i, size);
            batch.setAddressAll(to);
            sender = Echo.start("blast-ffsock-mmsg", e -> {
                while (pacer.awaitRoom(e, BATCH)) {
                    int n = out.sendmmsg(batch, 0, BATCH, 0);
                    if (n > 0) pacer.sent(n);
                }
            }, out, receiver);
        }

        @TearDown(Level.Trial)
        public void tearDown() throws Exception {
            sender.close();
        }
    }

    /** ffsock: UDP GSO send (UDP_SEGMENT per send) and GRO receive (UDP_GRO), reused messages. */
    public static class FfsockGso extends Small {
        Socket receiver;
        Message in;
        Pacer pacer;
        int carry;
        private Arena arena;
        private Echo sender;

        @Setup(Level.Trial)
        public void setUp() throws IOException {
            Socket[] p = ffsockPair();
            Socket out = p[0];
            receiver = p[1];
            receiver.setsockopt(SockOpt.UDP_GRO, true);
            pacer = new Pacer(size, receiver.getsockopt(SockOpt.SO_RCVBUF), BATCH);
            arena = Arena.ofConfined();
            in = new Message(1, Message.space(4)).buffers(Io.segment(arena, 65_536));
            SockAddr to = receiver.getsockname();
            sender = Echo.start("blast-ffsock-gso", e -> {
                try (Message msg = new Message(1, Message.space(4))) {
                    msg.buffers(Io.segment(e.arena(), BATCH * size)).address(to).addUdpSegment(size);
                    while (pacer.awaitRoom(e, BATCH)) {
                        if (out.sendmsg(msg, 0) == (long) BATCH * size) pacer.sent(BATCH);
                    }
                }
            }, out, receiver);
        }

        @TearDown(Level.Trial)
        public void tearDown() throws Exception {
            sender.close();
            in.close();
            arena.close();
        }
    }

    /** NIO: unconnected DatagramChannel send/receive, direct buffers. */
    public static class Nio extends Small {
        DatagramChannel receiver;
        ByteBuffer buf;
        Pacer pacer;
        private Echo sender;

        @Setup(Level.Trial)
        public void setUp() throws IOException {
            DatagramChannel[] p = Pairs.nioUdp(false);
            DatagramChannel out = p[0];
            receiver = p[1];
            receiver.setOption(StandardSocketOptions.SO_RCVBUF, Pacer.RCVBUF);
            out.setOption(StandardSocketOptions.SO_SNDBUF, Pacer.RCVBUF);
            pacer = new Pacer(size, receiver.getOption(StandardSocketOptions.SO_RCVBUF), 1);
            java.net.SocketAddress to = receiver.getLocalAddress();
            buf = Io.direct(size);
            ByteBuffer msg = Io.direct(size);
            sender = Echo.start("blast-nio-udp", e -> {
                while (pacer.awaitRoom(e, 1)) {
                    msg.clear();
                    if (out.send(msg, to) > 0) pacer.sent(1);
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
        Pacer pacer;
        private Echo sender;

        @Setup(Level.Trial)
        public void setUp() throws IOException {
            DatagramSocket out = new DatagramSocket(0, InetAddress.getLoopbackAddress());
            receiver = new DatagramSocket(0, InetAddress.getLoopbackAddress());
            receiver.setReceiveBufferSize(Pacer.RCVBUF);
            out.setSendBufferSize(Pacer.RCVBUF);
            pacer = new Pacer(size, receiver.getReceiveBufferSize(), 1);
            DatagramPacket packet = new DatagramPacket(Io.array(size), size, receiver.getLocalSocketAddress());
            in = new DatagramPacket(new byte[size], size);
            sender = Echo.start("blast-net-udp", e -> {
                while (pacer.awaitRoom(e, 1)) {
                    out.send(packet);
                    pacer.sent(1);
                }
            }, out, receiver);
        }

        @TearDown(Level.Trial)
        public void tearDown() throws Exception {
            sender.close();
        }
    }

    @Benchmark
    public long ffsock(Ffsock s) throws IOException {
        long n = s.receiver.recvfrom(s.buf, 0, s.from);
        s.pacer.received(1);
        return n;
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public int ffsock_mmsg(FfsockMmsg s) throws IOException {
        int got = s.carry;
        while (got < BATCH) {
            int n = s.receiver.recvmmsg(s.in, Msg.MSG_WAITFORONE);
            if (n > 0) {
                got += n;
                s.pacer.received(n);
            }
        }
        s.carry = got - BATCH;
        return got;
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public int ffsock_gso(FfsockGso s) throws IOException {
        int got = s.carry;
        while (got < BATCH) {
            long n = s.receiver.recvmsg(s.in, 0);
            if (n > 0) {
                int d = UdpSegments.count(n, s.in.control().udpGroSegmentSize());
                got += d;
                s.pacer.received(d);
            }
        }
        s.carry = got - BATCH;
        return got;
    }

    @Benchmark
    public ByteBuffer nio(Nio s) throws IOException {
        s.buf.clear();
        s.receiver.receive(s.buf);
        s.pacer.received(1);
        return s.buf;
    }

    @Benchmark
    public DatagramPacket net(Net s) throws IOException {
        s.in.setLength(s.in.getData().length);
        s.receiver.receive(s.in);
        s.pacer.received(1);
        return s.in;
    }
}
