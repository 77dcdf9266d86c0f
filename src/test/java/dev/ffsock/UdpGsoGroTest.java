package dev.ffsock;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** UDP GSO (UDP_SEGMENT per send and as option) and GRO (UDP_GRO with its segment size) on loopback. */
class UdpGsoGroTest {
    private static final int SEG = 100;
    private static final int SEGMENTS = 32;
    /** 31 full segments and a shorter last one. */
    private static final int TOTAL = (SEGMENTS - 1) * SEG + 50;

    private static byte[] payload() {
        byte[] b = new byte[TOTAL];
        for (int i = 0; i < b.length; i++) b[i] = (byte) (i * 7 + i / SEG);
        return b;
    }

    private static byte[] expected(byte[] all, int k) {
        int from = k * SEG;
        return java.util.Arrays.copyOfRange(all, from, Math.min(all.length, from + SEG));
    }

    private static Socket udp() throws IOException {
        Socket s = Socket.open(Domain.AF_INET, Type.DGRAM);
        s.bind(SockAddrIn.loopback(0));
        return s;
    }

    /** Sends one GSO buffer, skipping the test when the kernel refuses UDP_SEGMENT. */
    private static void gsoSend(Socket tx, Message out) throws IOException {
        try {
            assertEquals(TOTAL, tx.sendmsg(out, 0));
        } catch (ErrnoException e) {
            Assumptions.abort("kernel refuses UDP_SEGMENT on loopback: " + e.getMessage());
        }
    }

    private static void checkSegmented(Socket rx, byte[] all) throws IOException {
        DatagramBatch b = new DatagramBatch(64, 2048);
        int got = 0;
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (got < SEGMENTS && System.nanoTime() < deadline) {
            int n = rx.recvmmsg(b, Msg.MSG_WAITFORONE, Duration.ofMillis(500));
            for (int i = 0; i < n; i++) {
                assertArrayEquals(expected(all, got + i), b.data(i).toArray(ValueLayout.JAVA_BYTE), "datagram " + (got + i));
            }
            got += n;
        }
        assertEquals(SEGMENTS, got);
        assertEquals(0, rx.recvmmsg(b, 0, Duration.ZERO));
    }

    @Test
    void gsoPerSendArrivesAsSeparateDatagrams() throws Exception {
        byte[] all = payload();
        try (Socket rx = udp(); Socket tx = udp(); Message out = new Message(1, Message.space(2))) {
            out.address(rx.getsockname()).addBuffer(MemorySegment.ofArray(all)).addUdpSegment(SEG);
            gsoSend(tx, out);
            checkSegmented(rx, all);
        }
    }

    @Test
    void gsoAsSocketOption() throws Exception {
        byte[] all = payload();
        try (Socket rx = udp(); Socket tx = udp()) {
            try {
                tx.setsockopt(SockOpt.UDP_SEGMENT, SEG);
            } catch (ErrnoException e) {
                Assumptions.abort("kernel refuses the UDP_SEGMENT option: " + e.getMessage());
            }
            assertEquals(SEG, tx.getsockopt(SockOpt.UDP_SEGMENT));
            try {
                tx.sendto(all, 0, all.length, 0, rx.getsockname());
            } catch (ErrnoException e) {
                Assumptions.abort("kernel refuses UDP_SEGMENT sends on loopback: " + e.getMessage());
            }
            checkSegmented(rx, all);
        }
    }

    @Test
    void groDeliversCoalescedBufferWithSegmentSize() throws Exception {
        byte[] all = payload();
        try (Socket rx = udp(); Socket tx = udp(); Arena a = Arena.ofConfined();
             Message out = new Message(1, Message.space(2)); Message in = new Message(1, 64)) {
            try {
                rx.setsockopt(SockOpt.UDP_GRO, true);
            } catch (ErrnoException e) {
                Assumptions.abort("kernel refuses UDP_GRO: " + e.getMessage());
            }
            out.address(rx.getsockname()).addBuffer(MemorySegment.ofArray(all)).addUdpSegment(SEG);
            gsoSend(tx, out);
            MemorySegment buf = a.allocate(65536);
            in.addBuffer(buf);
            List<byte[]> datagrams = new ArrayList<>();
            boolean coalesced = false;
            while (datagrams.size() < SEGMENTS) {
                assertTrue(rx.poll(Poll.POLLIN, 5000) != 0, "timed out after " + datagrams.size() + " datagrams");
                long n = rx.recvmsg(in, 0);
                int seg = in.control().udpGroSegmentSize();
                if (seg > 0) {
                    coalesced = true;
                    assertEquals(SEG, seg);
                }
                UdpSegments.forEach(buf, n, seg, d -> datagrams.add(d.toArray(ValueLayout.JAVA_BYTE)));
            }
            if (!coalesced) Assumptions.abort("kernel delivered the GSO send segmented despite UDP_GRO");
            assertEquals(SEGMENTS, datagrams.size());
            for (int k = 0; k < SEGMENTS; k++) assertArrayEquals(expected(all, k), datagrams.get(k), "datagram " + k);
        }
    }

    @Test
    void segmentArithmetic() {
        assertEquals(32, UdpSegments.count(TOTAL, SEG));
        assertEquals(50, UdpSegments.length(TOTAL, SEG, 31));
        assertEquals(100, UdpSegments.length(TOTAL, SEG, 30));
        assertEquals(3100, UdpSegments.offset(31, SEG));
        assertEquals(2, UdpSegments.count(200, 100));
        assertEquals(1, UdpSegments.count(77, -1));
        assertEquals(77, UdpSegments.length(77, -1, 0));
        assertEquals(0, UdpSegments.count(0, 100));
        assertThrows(IndexOutOfBoundsException.class, () -> UdpSegments.length(200, 100, 2));
        MemorySegment m = MemorySegment.ofArray(new byte[250]);
        assertEquals(50, UdpSegments.slice(m, 250, 100, 2).byteSize());
        assertThrows(IllegalArgumentException.class, () -> UdpSegments.slice(m, 251, 100, 0));
    }
}
