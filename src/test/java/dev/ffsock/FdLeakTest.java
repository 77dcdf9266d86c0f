package dev.ffsock;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Thousands of successful and failing calls leave the process with the descriptors it started with. */
@Timeout(value = 40, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class FdLeakTest {
    static final int CYCLES = 3000;
    /** Each phase stops early once this much time is spent, to keep the suite fast on slow machines. */
    static final long PHASE_NANOS = 3_000_000_000L;

    interface Cycle {
        void run(int i) throws Exception;
    }

    static int phase(String name, int cycles, Cycle c) throws Exception {
        long end = System.nanoTime() + PHASE_NANOS;
        int i = 0;
        for (; i < cycles && System.nanoTime() < end; i++) c.run(i);
        assertTrue(i >= Math.min(cycles, 100), name + ": only " + i + " cycles");
        return i;
    }

    /** The descriptor count, once it stops moving (the JVM opens some lazily; closes are immediate). */
    static int settledFdCount() throws Exception {
        int last = TestNet.fdCount();
        for (int i = 0; i < 10; i++) {
            Thread.sleep(20);
            int n = TestNet.fdCount();
            if (n == last) return n;
            last = n;
        }
        return last;
    }

    @Test
    void noDescriptorLeaks() throws Exception {
        Socket hold = Socket.open(Domain.AF_INET, Type.STREAM);
        hold.bind(SockAddrIn.loopback(0)); // a port nobody listens on: connects are refused
        SockAddr refused = hold.getsockname();
        Socket l = TestNet.listener(Domain.AF_INET, 64);
        SockAddr listening = l.getsockname();
        try {
            // warm up every path once, so that lazily opened JVM descriptors are open before counting
            cycleAll(refused, listening, l, 3);
            int before = settledFdCount();

            int total = cycleAll(refused, listening, l, CYCLES);
            assertTrue(total >= 1000, "ran " + total + " cycles");

            int after = settledFdCount();
            for (int i = 0; i < 20 && after != before; i++) {
                System.gc();
                Thread.sleep(50);
                after = settledFdCount();
            }
            assertEquals(before, after, "descriptors before and after " + total + " cycles");
        } finally {
            l.close();
            hold.close();
        }
    }

    static int cycleAll(SockAddr refused, SockAddr listening, Socket l, int cycles) throws Exception {
        int n = 0;
        n += phase("open/close", cycles, i -> {
            Socket s = Socket.open(i % 2 == 0 ? Domain.AF_INET : Domain.AF_UNIX, i % 3 == 0 ? Type.DGRAM : Type.STREAM);
            s.close();
            s.close();
        });
        n += phase("refused connect", cycles, i -> {
            try (Socket s = Socket.open(Domain.AF_INET, Type.STREAM)) {
                assertEquals(Errno.ECONNREFUSED, assertThrows(ErrnoException.class, () -> s.connect(refused)).errno());
            }
        });
        n += phase("refused timed connect", cycles / 3, i -> {
            try (Socket s = Socket.open(Domain.AF_INET, Type.STREAM)) {
                assertThrows(ErrnoException.class, () -> s.connect(refused, Duration.ofSeconds(2)));
            }
        });
        n += phase("bind in use", cycles, i -> {
            try (Socket s = Socket.open(Domain.AF_INET, Type.STREAM)) {
                assertEquals(Errno.EADDRINUSE, assertThrows(ErrnoException.class, () -> s.bind(listening)).errno());
            }
        });
        n += phase("failed open", cycles, i ->
                assertThrows(ErrnoException.class, () -> Socket.open(Domain.AF_INET, Type.SEQPACKET)));
        n += phase("failed adopt", cycles, i -> assertThrows(ErrnoException.class, () -> Socket.adopt(99999)));
        n += phase("accept", cycles, i -> {
            try (Socket c = Socket.open(Domain.AF_INET, Type.STREAM)) {
                c.connect(listening);
                Socket a = l.accept();
                a.close();
            }
        });
        n += phase("socketpair", cycles, i -> {
            Socket[] p = Socket.socketpair(Domain.AF_UNIX, i % 2 == 0 ? Type.STREAM : Type.DGRAM);
            p[0].close();
            p[1].close();
        });
        n += phase("close while blocked", Math.max(3, cycles / 10), i -> {
            Socket[] p = Socket.socketpair(Domain.AF_UNIX, Type.STREAM);
            TestNet.Blocked b = TestNet.block("leak-recv", () -> p[0].recv(new byte[1], 0, 1, 0));
            if (i % 2 == 0) Thread.sleep(1);
            p[0].close();
            b.awaitDone(Duration.ofSeconds(2), "recv");
            assertInstanceOf(SocketClosedException.class, b.thrown);
            p[1].close();
        });
        return n;
    }
}
