package dev.ffsock.netlink.uevent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.lang.foreign.MemorySegment;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** Parsing uevent datagrams, and a real one from a veth created in a test namespace. */
class UeventTest {
    private static byte[] b(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void parsesActionDevpathAndVariables() {
        Uevent e = Uevent.parse(b("add@/devices/virtual/net/ve0\0ACTION=add\0DEVPATH=/devices/virtual/net/ve0\0"
                + "SUBSYSTEM=net\0INTERFACE=ve0\0IFINDEX=5\0SEQNUM=1234\0WEIRD=a=b\0NOEQUALS\0"));
        assertEquals("add", e.action());
        assertEquals("/devices/virtual/net/ve0", e.devpath());
        assertEquals("net", e.subsystem());
        assertEquals(1234, e.seqnum());
        assertEquals("a=b", e.env().get("WEIRD"), "split at the first '='");
        assertEquals(List.of("ACTION", "DEVPATH", "SUBSYSTEM", "INTERFACE", "IFINDEX", "SEQNUM", "WEIRD"),
                new ArrayList<>(e.env().keySet()));
    }

    @Test
    void lastVariableMayLackItsNulAndLengthIsRespected() {
        Uevent e = Uevent.parse(b("remove@/x\0A=1\0B=2"));
        assertEquals(Map.of("A", "1", "B", "2"), e.env());
        byte[] buf = b("change@/y\0A=1\0B=2\0");
        Uevent cut = Uevent.parse(MemorySegment.ofArray(buf), 13); // "change@/y\0A=1"
        assertEquals(Map.of("A", "1"), cut.env());
        assertEquals(-1, cut.seqnum());
        assertThrows(IndexOutOfBoundsException.class, () -> Uevent.parse(MemorySegment.ofArray(buf), buf.length + 1));
    }

    @Test
    void rejectsUdevFormatAndHeaderless() {
        assertNull(Uevent.parse(b("libudev\0\u00fe\u00ed\u00ca\u00fe...")));
        assertNull(Uevent.parse(b("no-at-sign\0A=1\0")));
        assertNull(Uevent.parse(b("@/devpath\0")));
        assertNull(Uevent.parse(b("add@\0")));
        assertNull(Uevent.parse(new byte[0]));
        assertNull(Uevent.parse(b("\0\0\0")));
    }

    @Test
    void randomBytesNeverThrow() {
        Random r = new Random(42);
        for (int i = 0; i < 20_000; i++) {
            byte[] m = new byte[r.nextInt(64)];
            r.nextBytes(m);
            if (m.length > 3 && r.nextBoolean()) m[r.nextInt(m.length)] = '@';
            if (m.length > 3 && r.nextBoolean()) m[r.nextInt(m.length)] = 0;
            Uevent.parse(m);
        }
    }

    @Test
    void vethInANamespaceSendsAddEvents() throws Exception {
        try (TestNamespace ns = TestNamespace.create("uevent");
             UeventListener l = UeventListener.open(ns.name())) {
            TestNamespace.Result r = ns.ip("link", "add", "ffue0", "type", "veth", "peer", "name", "ffue1");
            Assumptions.assumeTrue(r.status() == 0, () -> "cannot create a veth pair: " + r.output());
            Uevent found = null;
            List<Uevent> seen = new ArrayList<>();
            long deadline = System.nanoTime() + 3_000_000_000L;
            while (found == null && seen.size() < 200) {
                int left = (int) ((deadline - System.nanoTime()) / 1_000_000);
                if (left <= 0) break;
                Uevent e = l.next(left);
                if (e == null) break;
                seen.add(e);
                if (e.action().equals("add") && e.devpath().equals("/devices/virtual/net/ffue0")) found = e;
            }
            Uevent add = found;
            Assumptions.assumeTrue(add != null || !seen.isEmpty(), "no uevent arrived within 3 s in the namespace");
            assertTrue(add != null, () -> "no add event for ffue0 among " + seen);
            assertEquals("ffue0", add.env().get("INTERFACE"));
            assertEquals("net", add.subsystem());
            assertEquals("add", add.env().get("ACTION"));
            assertTrue(add.seqnum() > 0);
            assertTrue(Integer.parseInt(add.env().get("IFINDEX")) > 0);
        }
    }
}
