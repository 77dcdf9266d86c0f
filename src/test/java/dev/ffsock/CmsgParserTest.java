package dev.ffsock;

import org.junit.jupiter.api.Test;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.net.InetAddress;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The control-data parser on hand-made buffers: what the builder writes parses back, malformed
 * headers stop parsing with a reason, and random or mutated buffers never make it throw or read out
 * of bounds. Descriptor numbers here are not real: they are forgotten, never closed.
 */
class CmsgParserTest {
    private static final ValueLayout.OfLong LEN = ValueLayout.JAVA_LONG_UNALIGNED;

    private static ReceivedControl parse(MemorySegment buf, long length) {
        ReceivedControl c = new ReceivedControl();
        Cmsgs.parse(buf, length, c);
        return c;
    }

    @Test
    void builderOutputParsesBack() throws Exception {
        try (Message m = new Message(1, 512)) {
            m.addFds(100, 101, 102)
                    .addCredentials(new UCred(1, 2, 3))
                    .addPktInfo(new PktInfo(7, InetAddress.getByName("10.1.2.3")))
                    .addControlInt(ControlMessage.SOL_UDP, ControlMessage.UDP_GRO, 1400)
                    .addControlInt(ControlMessage.SOL_IPV6, ControlMessage.IPV6_HOPLIMIT, 9)
                    .addUdpSegment(1200)
                    .addControl(77, 88, new byte[] {1, 2, 3, 4, 5});
            ReceivedControl c = parse(m.ctl, m.controlLength);
            try {
                assertNull(c.malformed());
                assertEquals(3, c.fdCount());
                assertEquals(102, c.fds.peek(2));
                assertEquals(new UCred(1, 2, 3), c.credentials());
                assertEquals(new PktInfo(7, InetAddress.getByName("0.0.0.0")), c.pktInfo()); // ipi_addr is not set on send
                assertEquals(1400, c.udpGroSegmentSize());
                assertEquals(9, c.hopLimit());
                assertEquals(2, c.rawCount());
                assertEquals(new ControlMessage(ControlMessage.SOL_UDP, ControlMessage.UDP_SEGMENT, new byte[] {(byte) 0xb0, 0x04}), c.raw(0));
                assertEquals(new ControlMessage(77, 88, new byte[] {1, 2, 3, 4, 5}), c.raw(1));
            } finally {
                c.forgetFds();
            }
        }
    }

    @Test
    void ipv6PktinfoAndTimestampLayouts() throws Exception {
        try (Message m = new Message(1, 256)) {
            m.addPktInfo(new PktInfo(3, InetAddress.getByName("fe80::1")));
            byte[] ts = new byte[16];
            MemorySegment.ofArray(ts).set(ValueLayout.JAVA_LONG_UNALIGNED, 0, 1_700_000_000L);
            MemorySegment.ofArray(ts).set(ValueLayout.JAVA_LONG_UNALIGNED, 8, 123_456_789L);
            m.addControl(ControlMessage.SOL_SOCKET, ControlMessage.SCM_TIMESTAMPNS, ts);
            m.addControl(ControlMessage.SOL_SOCKET, ControlMessage.SCM_TIMESTAMPNS, ts); // duplicate: raw
            ReceivedControl c = parse(m.ctl, m.controlLength);
            assertEquals(new PktInfo(3, InetAddress.getByName("fe80::1")), c.pktInfo());
            assertEquals(1_700_000_000L, c.timestampSeconds());
            assertEquals(123_456_789, c.timestampNanos());
            assertEquals(1, c.rawCount());
            // A nanosecond field out of range is not a timestamp: kept raw.
            MemorySegment.ofArray(ts).set(ValueLayout.JAVA_LONG_UNALIGNED, 8, 1_000_000_000L);
            m.clearControl().addControl(ControlMessage.SOL_SOCKET, ControlMessage.SCM_TIMESTAMPNS, ts);
            c = parse(m.ctl, m.controlLength);
            assertTrue(!c.hasTimestamp() && c.rawCount() == 1);
        }
    }

    @Test
    void malformedHeadersStopParsing() {
        MemorySegment buf = Arena.ofAuto().allocate(64, 8);
        // cmsg_len smaller than the header
        buf.set(LEN, 0, 8);
        ReceivedControl c = parse(buf, 64);
        assertNotNull(c.malformed());
        assertTrue(c.malformed().contains("smaller than the header"), c.malformed());
        // cmsg_len past the control length
        buf.set(LEN, 0, 40);
        c = parse(buf, 32);
        assertTrue(c.malformed().contains("runs past"), c.malformed());
        // a huge (negative as signed) cmsg_len
        buf.set(LEN, 0, -16);
        c = parse(buf, 64);
        assertNotNull(c.malformed());
        // a good first message, a bad second one: the first stays decoded
        buf.fill((byte) 0);
        buf.set(LEN, 0, 20);
        buf.set(ValueLayout.JAVA_INT, 8, ControlMessage.SOL_IP);
        buf.set(ValueLayout.JAVA_INT, 12, ControlMessage.IP_TTL);
        buf.set(ValueLayout.JAVA_INT, 16, 33);
        buf.set(LEN, 24, 3);
        c = parse(buf, 64);
        assertEquals(33, c.ttl());
        assertNotNull(c.malformed());
        // header only (no data), then a length that ends exactly at the end: fine
        buf.fill((byte) 0);
        buf.set(LEN, 0, 16);
        buf.set(LEN, 16, 16);
        c = parse(buf, 32);
        assertNull(c.malformed());
        assertEquals(2, c.rawCount());
        assertArrayEquals(new byte[0], c.raw(0).data());
        // fewer bytes than a header left: ignored, not malformed (the kernel pads)
        c = parse(buf, 12);
        assertNull(c.malformed());
        assertEquals(0, c.rawCount());
        // a control length beyond the buffer is cut to the buffer
        c = parse(buf.asSlice(0, 16), 1 << 20);
        assertEquals(1, c.rawCount());
        c = parse(buf, -5);
        assertEquals(0, c.rawCount());
    }

    @Test
    void randomAndMutatedBuffersNeverThrow() throws Exception {
        Random rnd = new Random(0x5eed);
        byte[] valid;
        try (Message m = new Message(1, 512)) {
            m.addFds(5, 6).addCredentials(new UCred(1, 2, 3)).addPktInfo(new PktInfo(1, InetAddress.getByName("::1")))
                    .addControlInt(ControlMessage.SOL_IP, ControlMessage.IP_TTL, 64)
                    .addControlInt(ControlMessage.SOL_UDP, ControlMessage.UDP_GRO, 1000)
                    .addControl(ControlMessage.SOL_SOCKET, ControlMessage.SO_TIMESTAMPNS_NEW, new byte[16])
                    .addControl(ControlMessage.SOL_SOCKET, ControlMessage.SCM_TIMESTAMP, new byte[16])
                    .addControl(9, 9, new byte[3]);
            valid = m.ctl.asSlice(0, m.controlLength).toArray(ValueLayout.JAVA_BYTE);
        }
        int[] levels = {ControlMessage.SOL_SOCKET, ControlMessage.SOL_IP, ControlMessage.SOL_IPV6, ControlMessage.SOL_UDP, 5};
        int[] types = {1, 2, 8, 2, 29, 35, 50, 52, 63, 64, 104, 103, 0};
        for (int iter = 0; iter < 50_000; iter++) {
            byte[] b;
            if (iter % 2 == 0) {
                // b may shrink below; every index is drawn from its current length
                b = valid.clone();
                int mutations = 1 + rnd.nextInt(6);
                for (int k = 0; k < mutations && b.length > 0; k++) {
                    int at = rnd.nextInt(b.length);
                    switch (rnd.nextInt(4)) {
                        case 0 -> b[at] = (byte) rnd.nextInt();
                        case 1 -> {
                            if (b.length >= 8) {
                                MemorySegment.ofArray(b).set(LEN, 8L * rnd.nextInt((b.length - 8) / 8 + 1),
                                        rnd.nextBoolean() ? rnd.nextLong() : rnd.nextInt(64));
                            }
                        }
                        case 2 -> b = java.util.Arrays.copyOf(b, rnd.nextInt(b.length + 32));
                        default -> b[at] ^= (byte) (1 << rnd.nextInt(8));
                    }
                }
            } else {
                b = new byte[rnd.nextInt(200)];
                rnd.nextBytes(b);
                // Plausible headers at aligned offsets make the decoders run, not just the checks.
                for (int off = 0; off + 16 <= b.length && rnd.nextInt(4) != 0; off += 8 * (2 + rnd.nextInt(4))) {
                    MemorySegment s = MemorySegment.ofArray(b);
                    s.set(LEN, off, 16 + rnd.nextInt(b.length - off - 15));
                    s.set(ValueLayout.JAVA_INT_UNALIGNED, off + 8, levels[rnd.nextInt(levels.length)]);
                    s.set(ValueLayout.JAVA_INT_UNALIGNED, off + 12, types[rnd.nextInt(types.length)]);
                }
            }
            MemorySegment seg = rnd.nextBoolean() ? MemorySegment.ofArray(b) : Arena.ofAuto().allocate(Math.max(1, b.length), 8)
                    .asSlice(0, b.length).copyFrom(MemorySegment.ofArray(b));
            long length = rnd.nextInt(4) == 0 ? rnd.nextInt(b.length + 64) - 8 : b.length;
            ReceivedControl c = new ReceivedControl();
            try {
                Cmsgs.parse(seg, length, c);
                // Every accessor works on whatever was decoded.
                c.credentials();
                c.pktInfo();
                c.timestamp();
                c.ttl();
                c.hopLimit();
                c.udpGroSegmentSize();
                c.malformed();
                for (int i = 0; i < c.rawCount(); i++) assertTrue(c.raw(i).data().length <= b.length);
                assertTrue(c.fdCount() * 4L <= b.length);
                c.toString();
            } catch (Throwable t) {
                throw new AssertionError("iteration " + iter + ", length " + length + ", buffer "
                        + java.util.HexFormat.of().formatHex(b), t);
            } finally {
                c.forgetFds();
            }
        }
    }
}
