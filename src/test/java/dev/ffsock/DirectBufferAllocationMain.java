package dev.ffsock;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;

/**
 * Run by {@link IoCoreTest} in a JVM with escape analysis off ({@code -XX:-DoEscapeAnalysis}): what a
 * send or recv through a direct {@link ByteBuffer}, or through a {@code byte[]} from offset 0 (the
 * whole array or its first bytes), allocates beyond the same call through a native
 * {@link MemorySegment}. With escape analysis on, the JIT usually removes a per-call allocation that
 * never leaves the call — but not always (a callee it declines to inline, a different compile), and
 * then a server doing millions of calls makes garbage at that rate. With it off, whatever the code
 * allocates per call is counted. The FFM runtime itself then allocates 40 B per downcall that
 * captures errno (JDK 22-25 slice the capture segment on every call, in
 * {@code SharedUtils.checkCaptureSegment}), the same for both forms, so the two are compared. Prints the bytes per call of each form, then
 * {@code OK} and exits 0, or exits 1 saying which form allocates more.
 */
public final class DirectBufferAllocationMain {
    private static final int WARM = 30_000;
    private static final int CALLS = 100_000;
    /** Bytes per call a direct ByteBuffer may cost beyond a segment: less than any object. */
    private static final double SLACK = 4;

    private DirectBufferAllocationMain() {
    }

    public static void main(String[] args) throws Exception {
        Socket[] p = Socket.socketpair(Domain.AF_UNIX, Type.STREAM);
        MemorySegment seg = Arena.global().allocate(64);
        ByteBuffer bb = ByteBuffer.allocateDirect(64);
        MemorySegment drain = Arena.global().allocate(64);
        MemorySegment oneByte = seg.asSlice(0, 1);

        Loop recvSeg = () -> p[1].recv(seg, Msg.MSG_DONTWAIT); // nothing there: would block
        Loop recvBuf = () -> {
            bb.clear();
            p[1].recv(bb, Msg.MSG_DONTWAIT);
        };
        Loop sendSeg = () -> {
            p[0].send(oneByte, 0);
            p[1].recv(drain, 0);
        };
        Loop sendBuf = () -> {
            bb.clear().limit(1);
            p[0].send(bb, 0);
            p[1].recv(drain, 0);
        };
        Loop echoSeg = () -> {
            p[0].send(seg, 0);
            p[1].recv(seg, 0);
        };
        Loop echoBuf = () -> {
            p[0].send(seg, 0);
            bb.clear();
            p[1].recv(bb, 0);
        };
        Socket u = Socket.open(Domain.AF_INET, Type.DGRAM);
        Socket w = Socket.open(Domain.AF_INET, Type.DGRAM);
        u.bind(SockAddrIn.loopback(0));
        w.bind(SockAddrIn.loopback(0));
        SockAddr toW = w.getsockname();
        SockAddrStorage from = new SockAddrStorage();
        Loop datagramSeg = () -> {
            u.sendto(seg, 0, toW);
            w.recvfrom(seg, 0, from);
        };
        Loop datagramBuf = () -> {
            bb.clear();
            u.sendto(bb, 0, toW);
            bb.clear();
            w.recvfrom(bb, 0, from);
        };
        // ffsock's NIO channels: a gathering write and a scattering read of two direct buffers against
        // a plain write and read of one (both one system call each way)
        java.nio.channels.Pipe pipe = dev.ffsock.nio.FfsockSelectorProvider.provider().openPipe();
        ByteBuffer one = ByteBuffer.allocateDirect(2);
        ByteBuffer[] two = {ByteBuffer.allocateDirect(1), ByteBuffer.allocateDirect(1)};
        Loop channelPlain = () -> {
            pipe.sink().write(one.clear());
            pipe.source().read(one.clear());
        };
        Loop channelVector = () -> {
            two[0].clear();
            two[1].clear();
            pipe.sink().write(two);
            two[0].clear();
            two[1].clear();
            pipe.source().read(two);
        };
        byte[] arr = new byte[64];
        Loop sendArr = () -> {
            p[0].send(arr, 0, 1, 0); // the first byte of a longer array
            p[1].recv(drain, 0);
        };
        Loop echoArr = () -> {
            p[0].send(seg, 0);
            p[1].recv(arr, 0, arr.length, 0);
        };
        Loop datagramArr = () -> {
            u.sendto(arr, 0, arr.length, 0, toW);
            w.recvfrom(arr, 0, arr.length, 0, from);
        };
        Loop[] loops = {recvSeg, recvBuf, sendSeg, sendBuf, echoSeg, echoBuf, datagramSeg, datagramBuf, channelPlain,
                channelVector, sendSeg, sendArr, echoSeg, echoArr, datagramSeg, datagramArr};
        String[] names = {"recv would-block, segment", "recv would-block, direct buffer", "send 1 byte, segment",
                "send 1 byte, direct buffer", "recv 64 bytes, segment", "recv 64 bytes, direct buffer",
                "UDP sendto + recvfrom, segment", "UDP sendto + recvfrom, direct buffer",
                "NIO channel write + read, one direct buffer", "NIO channel gathering write + scattering read, two direct buffers",
                "send 1 byte, segment", "send 1 byte, byte[] from 0", "recv 64 bytes, segment", "recv 64 bytes, byte[]",
                "UDP sendto + recvfrom, segment", "UDP sendto + recvfrom, byte[]"};
        for (Loop l : loops) {
            for (int i = 0; i < WARM; i++) l.once();
        }
        double[] perCall = new double[loops.length];
        for (int k = 0; k < loops.length; k++) {
            long before = allocatedBytes();
            for (int i = 0; i < CALLS; i++) loops[k].once();
            perCall[k] = (allocatedBytes() - before) / (double) CALLS;
            System.out.printf("%s: %.2f B per round%n", names[k], perCall[k]);
        }
        boolean ok = true;
        for (int k = 0; k < loops.length; k += 2) {
            if (perCall[k + 1] > perCall[k] + SLACK) {
                System.out.printf("FAIL: %s allocates %.2f B per round more than %s%n", names[k + 1],
                        perCall[k + 1] - perCall[k], names[k]);
                ok = false;
            }
        }
        p[0].close();
        p[1].close();
        u.close();
        w.close();
        pipe.sink().close();
        pipe.source().close();
        if (!ok) System.exit(1);
        System.out.println("OK");
    }

    /**
     * {@return bytes this thread has allocated, through com.sun.management.ThreadMXBean (reflectively:
     * the module this is compiled in does not read java.management)}
     */
    private static long allocatedBytes() throws ReflectiveOperationException {
        Object bean = Class.forName("java.lang.management.ManagementFactory").getMethod("getThreadMXBean").invoke(null);
        return (long) Class.forName("com.sun.management.ThreadMXBean").getMethod("getCurrentThreadAllocatedBytes")
                .invoke(bean);
    }

    private interface Loop {
        void once() throws Exception;
    }
}
