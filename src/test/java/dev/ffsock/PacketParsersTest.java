package dev.ffsock;

import org.junit.jupiter.api.Test;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;
import java.util.HexFormat;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The AF_PACKET values on hand-made bytes: {@link SockAddrLl} is validated when built, prints as
 * documented, round-trips through its C form, and its decoder refuses (with
 * IllegalArgumentException, the socket layer's format error) whatever does not fit; the
 * PACKET_AUXDATA control message decodes, and mutated control data never makes the parser throw.
 */
class PacketParsersTest {
    private static final byte[] MAC = {0x02, 0, 0, 0, 0, 0x01};

    @Test
    void sockaddrLlIsValidatedWhenBuilt() {
        assertThrows(IllegalArgumentException.class, () -> new SockAddrLl(-1, 0, 0, 0, new byte[0]));
        assertThrows(IllegalArgumentException.class, () -> new SockAddrLl(1, 0x10000, 0, 0, new byte[0]));
        assertThrows(IllegalArgumentException.class, () -> new SockAddrLl(1, -1, 0, 0, new byte[0]));
        assertThrows(IllegalArgumentException.class, () -> new SockAddrLl(1, 0, 0x10000, 0, new byte[0]));
        assertThrows(IllegalArgumentException.class, () -> new SockAddrLl(1, 0, 0, 256, new byte[0]));
        assertThrows(IllegalArgumentException.class, () -> new SockAddrLl(1, 0, 0, 0, new byte[33]));
        assertThrows(NullPointerException.class, () -> new SockAddrLl(1, 0, 0, 0, null));
        assertThrows(IllegalArgumentException.class, () -> Protocol.ethertype(0x10000));
        assertThrows(IllegalArgumentException.class, () -> SockAddrLl.parseHardwareAddress("02:00:xx"));
        assertThrows(IllegalArgumentException.class, () -> SockAddrLl.parseHardwareAddress("02::01"));
        assertThrows(IllegalArgumentException.class, () -> SockAddrLl.parseHardwareAddress(""));
        assertThrows(IllegalArgumentException.class, () -> SockAddrLl.parseHardwareAddress("123:00"));
        assertArrayEquals(MAC, SockAddrLl.parseHardwareAddress("02:00:00:00:0:1"));
        byte[] mine = MAC.clone();
        SockAddrLl a = SockAddrLl.to(3, 0x88b5, mine);
        mine[0] = 9;
        assertArrayEquals(MAC, a.address(), "the address is copied");
        assertThrows(UnsupportedOperationException.class, a::toSocketAddress);
    }

    @Test
    void sockaddrLlPrintsAndRoundTrips() {
        SockAddrLl a = new SockAddrLl(3, 0x0800, 1, SockAddrLl.PACKET_OTHERHOST, MAC);
        assertEquals("packet:ifindex=3,protocol=0x0800,hatype=1,pkttype=otherhost,addr=02:00:00:00:00:01", a.toString());
        assertEquals("packet:ifindex=0,protocol=0x0003,hatype=0,pkttype=host", SockAddrLl.bind(0, 3).toString());
        assertEquals("packet:ifindex=1,protocol=0x88b5,hatype=0,pkttype=200", new SockAddrLl(1, 0x88b5, 0, 200, new byte[0]).toString());
        SockAddrStorage s = SockAddrStorage.of(a);
        assertEquals(20, s.length());
        assertEquals(Domain.AF_PACKET, s.domain());
        // sll_protocol is in network order in the C struct
        assertEquals((byte) 0x08, s.addr.get(ValueLayout.JAVA_BYTE, 2));
        assertEquals((byte) 0x00, s.addr.get(ValueLayout.JAVA_BYTE, 3));
        assertEquals(a, s.get());
        SockAddrLl longAddr = new SockAddrLl(7, 0x86dd, 32, 0, new byte[20]); // InfiniBand-sized
        assertEquals(32, longAddr.length());
        assertEquals(longAddr, SockAddrStorage.of(longAddr).get());
        // What the kernel's getsockname gives: offsetof(sll_addr) + halen, less than sizeof
        MemorySegment m = Arena.ofAuto().allocate(SockAddrStorage.of(a).length());
        a.encode(m);
        assertEquals(a, SockAddr.decode(m, 18));
        assertThrows(IllegalArgumentException.class, () -> SockAddr.decode(m, 17), "halen past the length");
        assertThrows(IllegalArgumentException.class, () -> SockAddr.decode(m, 11), "shorter than the header");
        boolean little = ByteOrder.nativeOrder() == ByteOrder.LITTLE_ENDIAN;
        assertEquals(little ? 0x0300 : 0x0003, Protocol.ethertype(3).value());
    }

    @Test
    void packetOptionValuesAreValidated() {
        assertThrows(IllegalArgumentException.class, () -> PacketMreq.promisc(0));
        assertThrows(IllegalArgumentException.class, () -> PacketMreq.multicast(1, new byte[0]));
        assertThrows(IllegalArgumentException.class, () -> PacketMreq.multicast(1, new byte[9]));
        assertThrows(IllegalArgumentException.class, () -> new PacketMreq(1, PacketMreq.Type.PROMISC, MAC));
        assertThrows(IllegalArgumentException.class, () -> new PacketFanout(0x10000, PacketFanout.Mode.LB, 0));
        assertThrows(IllegalArgumentException.class, () -> new PacketFanout(1, PacketFanout.Mode.LB, 0x4000));
        PacketFanout f = new PacketFanout(0x1234, PacketFanout.Mode.ROLLOVER, PacketFanout.FLAG_ROLLOVER | PacketFanout.FLAG_DEFRAG);
        assertEquals(0x1234 | 3 << 16 | 0x9000 << 16, f.encode());
        assertEquals(f, PacketFanout.decode(f.encode()));
        assertNull(PacketFanout.decode(0));
        assertThrows(IllegalArgumentException.class, () -> PacketFanout.decode(9 << 16));
    }

    /** A SOL_PACKET/PACKET_AUXDATA control message with the given fields, as the kernel writes it. */
    private static byte[] auxCmsg(int status, int len, int snaplen, int mac, int net, int tci, int tpid) {
        byte[] b = new byte[16 + 24];
        MemorySegment s = MemorySegment.ofArray(b);
        s.set(ValueLayout.JAVA_LONG_UNALIGNED, 0, 16 + 20);
        s.set(ValueLayout.JAVA_INT_UNALIGNED, 8, ControlMessage.SOL_PACKET);
        s.set(ValueLayout.JAVA_INT_UNALIGNED, 12, ControlMessage.PACKET_AUXDATA);
        s.set(ValueLayout.JAVA_INT_UNALIGNED, 16, status);
        s.set(ValueLayout.JAVA_INT_UNALIGNED, 20, len);
        s.set(ValueLayout.JAVA_INT_UNALIGNED, 24, snaplen);
        s.set(ValueLayout.JAVA_SHORT_UNALIGNED, 28, (short) mac);
        s.set(ValueLayout.JAVA_SHORT_UNALIGNED, 30, (short) net);
        s.set(ValueLayout.JAVA_SHORT_UNALIGNED, 32, (short) tci);
        s.set(ValueLayout.JAVA_SHORT_UNALIGNED, 34, (short) tpid);
        return b;
    }

    @Test
    void auxdataDecodes() {
        byte[] b = auxCmsg(1 | PacketAuxData.TP_STATUS_VLAN_VALID, -2, 60, 0, 14, 0xf00d, 0x8100);
        ReceivedControl c = new ReceivedControl();
        Cmsgs.parse(MemorySegment.ofArray(b), b.length, c);
        assertEquals(new PacketAuxData(0x11, 0xfffffffeL, 60, 0, 14, 0xf00d, 0x8100), c.packetAuxData());
        assertTrue(c.packetAuxData().hasVlan());
        assertEquals(0, c.rawCount());
        // a short one stays raw
        MemorySegment.ofArray(b).set(ValueLayout.JAVA_LONG_UNALIGNED, 0, 16 + 18);
        c = new ReceivedControl();
        Cmsgs.parse(MemorySegment.ofArray(b), b.length, c);
        assertNull(c.packetAuxData());
        assertEquals(1, c.rawCount());
    }

    @Test
    void mutatedSockaddrLlAndAuxdataNeverEscape() {
        long seed = Long.getLong("ffsock.fuzz.seed", System.nanoTime());
        Random rnd = new Random(seed);
        byte[] addr = new byte[128];
        new SockAddrLl(5, 0x88b5, 1, 3, MAC).encode(MemorySegment.ofArray(addr));
        byte[] aux = auxCmsg(0x91, 100, 100, 0, 14, 0, 0);
        int decoded = 0;
        for (int i = 0; i < 50_000; i++) {
            byte[] a = addr.clone();
            for (int k = 1 + rnd.nextInt(4); k > 0; k--) a[rnd.nextInt(24)] = (byte) rnd.nextInt();
            a[0] = 17;
            a[1] = 0;
            int len = 2 + rnd.nextInt(38);
            MemorySegment seg = MemorySegment.ofArray(a).asSlice(0, rnd.nextBoolean() ? len : 128);
            try {
                SockAddr d = SockAddr.decode(seg, len);
                assertTrue(d instanceof SockAddrLl);
                assertEquals(d, SockAddrStorage.of(d).get());
                d.toString();
                decoded++;
            } catch (IllegalArgumentException expected) {
                // the socket layer's format error
            } catch (RuntimeException e) {
                throw new AssertionError("seed " + seed + ": " + HexFormat.of().formatHex(a, 0, 24) + " len " + len, e);
            }
            byte[] c = java.util.Arrays.copyOf(aux, rnd.nextInt(aux.length + 8));
            for (int k = 1 + rnd.nextInt(4); k > 0 && c.length > 0; k--) c[rnd.nextInt(c.length)] = (byte) rnd.nextInt();
            ReceivedControl rc = new ReceivedControl();
            try {
                Cmsgs.parse(MemorySegment.ofArray(c), rnd.nextInt(4) == 0 ? rnd.nextInt(64) - 8 : c.length, rc);
                PacketAuxData p = rc.packetAuxData();
                if (p != null) assertTrue(p.length() >= 0 && p.snapLength() >= 0 && p.vlanTci() <= 0xffff);
                rc.toString();
            } catch (RuntimeException e) {
                throw new AssertionError("seed " + seed + ": " + HexFormat.of().formatHex(c), e);
            } finally {
                rc.forgetFds();
            }
        }
        assertTrue(decoded > 1000, "most mutations still decode: " + decoded);
    }
}
