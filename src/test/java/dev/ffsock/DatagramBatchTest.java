package dev.ffsock;

import org.junit.jupiter.api.Test;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.time.Duration;
import java.util.BitSet;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** sendmmsg/recvmmsg on reusable batches. */
class DatagramBatchTest {
    private static final ValueLayout.OfLong SEQ = ValueLayout.JAVA_LONG_UNALIGNED;

    private static Socket udp() throws Exception {
        Socket s = Socket.open(Domain.AF_INET, Type.DGRAM);
        s.bind(SockAddrIn.loopback(0));
        return s;
    }

    private static int lengthOf(long seq) {
        return 8 + (int) (seq * 37 % 500);
    }

    private static void fill(MemorySegment buf, long seq) {
        int len = lengthOf(seq);
        buf.set(SEQ, 0, seq);
        for (int i = 8; i < len; i++) buf.set(ValueLayout.JAVA_BYTE, i, (byte) (seq + i));
    }

    /** {@return null if datagram {@code buf} of {@code len} bytes is well-formed, else what is wrong} */
    private static String check(MemorySegment buf, int len) {
        long seq = buf.get(SEQ, 0);
        if (len != lengthOf(seq)) return "seq " + seq + ": length " + len + ", expected " + lengthOf(seq);
        for (int i = 8; i < len; i++) {
            if (buf.get(ValueLayout.JAVA_BYTE, i) != (byte) (seq + i)) return "seq " + seq + ": byte " + i + " differs";
        }
        return null;
    }

    @Test
    void sendAndReceiveBatchWithAddresses() throws Exception {
        try (Socket rx = udp(); Socket tx1 = udp(); Socket tx2 = udp()) {
            DatagramBatch out = new DatagramBatch(8, 1024);
            out.setAddressAll(rx.getsockname());
            for (int i = 0; i < 8; i++) {
                fill(out.buffer(i), i);
                out.setLength(i, lengthOf(i));
            }
            assertEquals(5, tx1.sendmmsg(out, 0, 5, 0));
            assertEquals(lengthOf(3), out.length(3)); // bytes sent
            assertEquals(3, tx2.sendmmsg(out, 5, 3, 0));
            DatagramBatch in = new DatagramBatch(16, 1024);
            int got = 0;
            while (got < 8) {
                int n = rx.recvmmsg(in, Msg.MSG_WAITFORONE, Duration.ofSeconds(5));
                assertTrue(n > 0, "timed out");
                assertEquals(n, in.received());
                for (int i = 0; i < n; i++) {
                    assertNull(check(in.buffer(i), in.length(i)));
                    long seq = in.buffer(i).get(SEQ, 0);
                    assertEquals((seq < 5 ? tx1 : tx2).getsockname(), in.address(i).get());
                    assertEquals(0, in.flags(i));
                }
                got += n;
            }
            assertEquals(8, got);
            // Nothing more: a zero timeout returns at once with 0; a short one after about that long.
            assertEquals(0, rx.recvmmsg(in, 0, Duration.ZERO));
            long t0 = System.nanoTime();
            assertEquals(0, rx.recvmmsg(in, Msg.MSG_WAITFORONE, Duration.ofMillis(50)));
            assertTrue(System.nanoTime() - t0 >= 45_000_000L);
            assertEquals(Socket.WOULD_BLOCK, rx.recvmmsg(in, Msg.MSG_DONTWAIT));
        }
    }

    @Test
    void truncatedSlotAndArgumentChecks() throws Exception {
        try (Socket rx = udp(); Socket tx = udp()) {
            tx.sendto(new byte[100], 0, 100, 0, rx.getsockname());
            DatagramBatch in = new DatagramBatch(2, 10);
            assertEquals(1, rx.recvmmsg(in, Msg.MSG_WAITFORONE, Duration.ofSeconds(5)));
            assertEquals(10, in.length(0));
            assertTrue((in.flags(0) & Msg.MSG_TRUNC) != 0);
            assertEquals(10, in.data(0).byteSize());
            assertThrows(IllegalArgumentException.class, () -> in.setLength(0, 11));
            assertThrows(IndexOutOfBoundsException.class, () -> tx.sendmmsg(in, 1, 2, 0));
            assertThrows(IndexOutOfBoundsException.class, () -> in.control(1));
            assertThrows(IllegalArgumentException.class, () -> new DatagramBatch(0, 10));
            assertThrows(IllegalArgumentException.class, () -> new DatagramBatch(1, 65537));
            assertEquals(0, tx.sendmmsg(in, 0, 0, 0));
        }
    }

    @Test
    void closeWakesBlockedRecvmmsg() throws Exception {
        Socket rx = udp();
        DatagramBatch in = new DatagramBatch(4, 64);
        Thread closer = Thread.ofPlatform().start(() -> {
            LockSupport.parkNanos(200_000_000L);
            rx.close();
        });
        assertThrows(SocketClosedException.class, () -> rx.recvmmsg(in, 0, Duration.ofSeconds(20)));
        closer.join(5000);
    }

    /**
     * 100,000 datagrams of 8-507 bytes over loopback in batches of 64, none lost: the receiver runs on
     * its own thread with a large SO_RCVBUF, and the sender keeps at most a window of datagrams in
     * flight (it waits for the receiver's count), so the receive queue can never overflow.
     */
    @Test
    void hundredThousandDatagramsInBatches() throws Exception {
        final int total = 100_000;
        final int window = 512;
        final long deadline = System.nanoTime() + 30_000_000_000L;
        try (Socket rx = udp(); Socket tx = udp()) {
            rx.setsockopt(SockOpt.SO_RCVBUF, 4 << 20);
            tx.connect(rx.getsockname());
            AtomicLong received = new AtomicLong();
            AtomicLong bytes = new AtomicLong();
            AtomicReference<Throwable> failure = new AtomicReference<>();
            BitSet seen = new BitSet(total);
            Thread receiver = Thread.ofPlatform().name("recvmmsg").start(() -> {
                DatagramBatch in = new DatagramBatch(64, 1024);
                try {
                    while (received.get() < total && System.nanoTime() < deadline) {
                        int n = rx.recvmmsg(in, Msg.MSG_WAITFORONE, Duration.ofMillis(200));
                        long b = 0;
                        for (int i = 0; i < n; i++) {
                            String bad = check(in.buffer(i), in.length(i));
                            if (bad != null) throw new AssertionError(bad);
                            int seq = (int) in.buffer(i).get(SEQ, 0);
                            if (seq < 0 || seq >= total || seen.get(seq)) throw new AssertionError("unexpected seq " + seq);
                            seen.set(seq);
                            b += in.length(i);
                        }
                        bytes.addAndGet(b);
                        received.addAndGet(n);
                    }
                } catch (Throwable t) {
                    failure.set(t);
                }
            });
            DatagramBatch out = new DatagramBatch(64, 1024);
            long sent = 0;
            long sentBytes = 0;
            while (sent < total && failure.get() == null && System.nanoTime() < deadline) {
                int n = (int) Math.min(out.size(), total - sent);
                while (sent + n - received.get() > window && failure.get() == null && System.nanoTime() < deadline) {
                    LockSupport.parkNanos(20_000);
                }
                for (int i = 0; i < n; i++) {
                    fill(out.buffer(i), sent + i);
                    out.setLength(i, lengthOf(sent + i));
                }
                int from = 0;
                while (from < n) {
                    int k = tx.sendmmsg(out, from, n - from, 0);
                    for (int i = from; i < from + k; i++) sentBytes += out.length(i);
                    from += k;
                }
                sent += n;
            }
            receiver.join(Math.max(1, (deadline - System.nanoTime()) / 1_000_000 + 1000));
            if (failure.get() != null) throw new AssertionError("receiver failed", failure.get());
            assertEquals(total, sent, "sender ran out of time");
            assertEquals(total, received.get(), "datagrams received");
            assertEquals(total, seen.cardinality());
            assertEquals(sentBytes, bytes.get(), "bytes received");
            long expectedBytes = 0;
            for (long s = 0; s < total; s++) expectedBytes += lengthOf(s);
            assertEquals(expectedBytes, sentBytes);
        }
    }
}
