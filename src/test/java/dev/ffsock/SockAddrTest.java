package dev.ffsock;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnixDomainSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Socket addresses: parsing, printing, conversions, validation before any system call. */
@Timeout(value = 10, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class SockAddrTest {
    @TempDir
    Path dir;

    // ---- parse / toString --------------------------------------------------------------------------

    @Test
    void ipv4() {
        SockAddr a = SockAddr.parse("127.0.0.1:8080");
        SockAddrIn in = assertInstanceOf(SockAddrIn.class, a);
        assertEquals(Domain.AF_INET, a.domain());
        assertEquals(8080, in.port());
        assertEquals("127.0.0.1", in.address().getHostAddress());
        assertEquals("127.0.0.1:8080", a.toString());
        assertEquals(SockAddrIn.loopback(8080), a);
        assertEquals(SockAddrIn.loopback(8080).hashCode(), a.hashCode());
        assertEquals("0.0.0.0:0", SockAddrIn.any(0).toString());
        assertEquals("255.255.255.255:65535", SockAddr.parse("255.255.255.255:65535").toString());
        assertEquals(SockAddrIn.loopback(80), SockAddr.parse("localhost:80"));
        assertEquals(16, a.length());
        assertNotEquals(SockAddrIn.loopback(8081), a);
    }

    @Test
    void ipv6() {
        SockAddrIn6 a = assertInstanceOf(SockAddrIn6.class, SockAddr.parse("[::1]:443"));
        assertEquals(Domain.AF_INET6, a.domain());
        assertEquals(443, a.port());
        assertEquals(0, a.scopeId());
        assertEquals("[::1]:443", a.toString());
        assertEquals(SockAddrIn6.loopback(443), a);
        assertEquals("[::]:0", SockAddrIn6.any(0).toString());
        assertEquals("[2001:db8::1:0:0:1]:1", SockAddr.parse("[2001:db8:0:0:1:0:0:1]:1").toString());
        assertEquals("[2001:db8:1:2:3:4:5:6]:7", SockAddr.parse("[2001:DB8:1:2:3:4:5:6]:7").toString());
        assertEquals("[fe80::1]:9", SockAddr.parse("[fe80:0:0:0:0:0:0:1]:9").toString());
        assertEquals(28, a.length());
    }

    @Test
    void ipv6WithScope() {
        SockAddrIn6 a = assertInstanceOf(SockAddrIn6.class, SockAddr.parse("[fe80::1%2]:8080"));
        assertEquals(2, a.scopeId());
        assertEquals(8080, a.port());
        assertEquals("[fe80::1%2]:8080", a.toString());
        assertEquals(a, SockAddr.parse(a.toString()));
        assertNotEquals(SockAddr.parse("[fe80::1]:8080"), a, "the scope is part of the address");
        SockAddrIn6 b = new SockAddrIn6((Inet6Address) InetAddress.ofLiteral("fe80::2"), 1, 0, 7);
        assertEquals("[fe80::2%7]:1", b.toString());
        assertEquals(7, b.address().getScopeId());
    }

    @Test
    void ipv4MappedIpv6() throws Exception {
        byte[] mapped = new byte[16];
        mapped[10] = mapped[11] = (byte) 0xff;
        mapped[12] = 127;
        mapped[15] = 1;
        SockAddrIn6 m = new SockAddrIn6(Inet6Address.getByAddress(null, mapped, -1), 80, 0, 0);
        assertEquals(m, SockAddr.parse(m.toString()), "printed " + m);
        assertEquals(m, SockAddrIn6.of("::ffff:127.0.0.1", 80));
        assertEquals(m, SockAddr.parse("[::ffff:127.0.0.1]:80"));
        assertThrows(IllegalArgumentException.class, () -> SockAddrIn6.of("127.0.0.1", 80), "plain IPv4 is not IPv6");
    }

    @Test
    void dualStackPeerAddressRoundTrips() throws IOException {
        try (Socket l = Socket.open(Domain.AF_INET6, Type.STREAM); Socket c = Socket.open(Domain.AF_INET, Type.STREAM)) {
            l.setsockopt(SockOpt.IPV6_V6ONLY, false);
            l.bind(SockAddrIn6.any(0));
            l.listen(1);
            c.connect(SockAddrIn.loopback(((SockAddrIn6) l.getsockname()).port()));
            try (Socket a = l.accept()) {
                SockAddrIn6 from = assertInstanceOf(SockAddrIn6.class, a.acceptedFrom());
                assertEquals(((SockAddrIn) c.getsockname()).port(), from.port());
                assertEquals(from, SockAddr.parse(from.toString()), "printed " + from);
                assertEquals(from, SockAddr.of(from.toSocketAddress()));
            }
        }
    }

    @Test
    void unixKinds() {
        SockAddrUn p = assertInstanceOf(SockAddrUn.class, SockAddr.parse("/run/x.sock"));
        assertEquals(SockAddrUn.Kind.PATH, p.kind());
        assertEquals("/run/x.sock", p.toString());
        assertEquals("/run/x.sock", p.name());
        assertEquals(2 + 11 + 1, p.length());
        assertEquals(SockAddrUn.Kind.PATH, ((SockAddrUn) SockAddr.parse("./rel/x")).kind());

        SockAddrUn ab = assertInstanceOf(SockAddrUn.class, SockAddr.parse("@ffsock/name"));
        assertEquals(SockAddrUn.Kind.ABSTRACT, ab.kind());
        assertEquals("@ffsock/name", ab.toString());
        assertEquals("ffsock/name", ab.name());
        assertEquals(2 + 1 + 11, ab.length());
        assertEquals(ab, SockAddrUn.abstractName("ffsock/name"));
        assertNotEquals(SockAddrUn.path("ffsock/name"), ab);
        SockAddrUn withNul = SockAddrUn.abstractName(new byte[] {'a', 0, 'b'});
        assertEquals("@a@b", withNul.toString());
        assertArrayEquals(new byte[] {'a', 0, 'b'}, withNul.nameBytes());

        SockAddrUn u = SockAddrUn.unnamed();
        assertEquals(SockAddrUn.Kind.UNNAMED, u.kind());
        assertEquals("(unnamed)", u.toString());
        assertEquals("", u.name());
        assertEquals(2, u.length());
        assertEquals(Domain.AF_UNIX, u.domain());
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1:1", "10.1.2.3:65535", "[::1]:2", "[fe80::abcd%3]:4", "[2001:db8::]:5",
        "/tmp/a b.sock", "@abstract", "@"})
    void parseOfToStringIsIdentity(String text) {
        SockAddr a = SockAddr.parse(text);
        assertEquals(text, a.toString());
        assertEquals(a, SockAddr.parse(a.toString()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", ":", "1.2.3.4", "1.2.3.4:", "1.2.3.4:x", "1.2.3.4:65536", "1.2.3.4:-1",
        "1.2.3.4:99999999999", "::1:80", "[::1]", "[::1]:", "[1.2.3.4]:80", "[::1:80", "::1]:80", "[]:80",
        "999.1.1.1:80", "1.2.3.4.5:80", "host.invalid:80", ":80", "[::1]:8 0", "[zz::1]:80"})
    void malformedTextIsRefused(String text) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SockAddr.parse(text));
        assertTrue(e.getMessage() != null && !e.getMessage().isEmpty());
    }

    // ---- java.net conversions ---------------------------------------------------------------------

    @Test
    void javaNetRoundTrips() throws Exception {
        InetSocketAddress v4 = new InetSocketAddress(InetAddress.ofLiteral("192.0.2.7"), 1234);
        SockAddr a4 = SockAddr.of(v4);
        assertInstanceOf(SockAddrIn.class, a4);
        assertEquals("192.0.2.7:1234", a4.toString());
        assertEquals(v4, a4.toSocketAddress());

        Inet6Address scoped = Inet6Address.getByAddress(null, InetAddress.ofLiteral("fe80::5").getAddress(), 3);
        InetSocketAddress v6 = new InetSocketAddress(scoped, 99);
        SockAddrIn6 a6 = assertInstanceOf(SockAddrIn6.class, SockAddr.of(v6));
        assertEquals(3, a6.scopeId());
        assertEquals(v6, a6.toSocketAddress());
        assertEquals(a6, SockAddr.of(a6.toSocketAddress()));

        SockAddr l6 = SockAddr.of(new InetSocketAddress(InetAddress.ofLiteral("::1"), 7));
        assertEquals(SockAddrIn6.loopback(7), l6);
        assertEquals(l6, SockAddr.of(l6.toSocketAddress()));

        UnixDomainSocketAddress ux = UnixDomainSocketAddress.of("/tmp/x.sock");
        SockAddr au = SockAddr.of(ux);
        assertEquals(SockAddrUn.path("/tmp/x.sock"), au);
        assertEquals(ux, au.toSocketAddress());

        assertThrows(UnsupportedOperationException.class, () -> SockAddrUn.abstractName("x").toSocketAddress());
        assertThrows(UnsupportedOperationException.class, () -> SockAddrUn.unnamed().toSocketAddress());
        assertThrows(IllegalArgumentException.class, () -> SockAddr.of(InetSocketAddress.createUnresolved("localhost", 1)));
        assertThrows(IllegalArgumentException.class, () -> SockAddr.of(new java.net.SocketAddress() {
        }));
    }

    // ---- validation --------------------------------------------------------------------------------

    /** A path of exactly {@code bytes} bytes inside the temp directory. */
    Path pathOfLength(int bytes) {
        String base = dir.toString() + "/";
        assertTrue(base.length() < bytes - 1, "temp dir path too long: " + base);
        char[] fill = new char[bytes - base.length()];
        Arrays.fill(fill, 'p');
        Path p = Path.of(base + new String(fill));
        assertEquals(bytes, p.toString().length());
        return p;
    }

    @Test
    void unixPathOf107BytesBinds() throws IOException {
        Path p = pathOfLength(107);
        SockAddrUn a = SockAddrUn.path(p);
        assertEquals(2 + 107 + 1, a.length());
        try (Socket s = Socket.open(Domain.AF_UNIX, Type.DGRAM)) {
            s.bind(a);
            assertTrue(Files.exists(p));
            assertEquals(a, s.getsockname());
        }
    }

    @Test
    void unixPathOf108BytesIsRefusedBeforeAnySyscall() throws IOException {
        Path p = pathOfLength(108);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SockAddrUn.path(p));
        assertTrue(e.getMessage().contains("108"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> SockAddr.parse(p.toString()));
        assertThrows(IllegalArgumentException.class, () -> SockAddr.of(UnixDomainSocketAddress.of(p)));
        // multi-byte characters count as their UTF-8 bytes: 54 x 2 = 108
        assertThrows(IllegalArgumentException.class, () -> SockAddrUn.path("/" + "é".repeat(54)));
        assertEquals(107, SockAddrUn.path("/" + "é".repeat(53)).nameBytes().length);
        assertThrows(IllegalArgumentException.class, () -> SockAddrUn.path(""));
        assertThrows(IllegalArgumentException.class, () -> SockAddrUn.path("/a\0b"));
        assertEquals(107, SockAddrUn.MAX_NAME_BYTES);
    }

    @Test
    void abstractNameLimits() throws IOException {
        String name107 = ("ffsock-" + ProcessHandle.current().pid() + "-" + System.nanoTime() + "-").concat("n".repeat(107)).substring(0, 107);
        SockAddrUn a = SockAddrUn.abstractName(name107);
        assertEquals(2 + 1 + 107, a.length());
        try (Socket s = Socket.open(Domain.AF_UNIX, Type.DGRAM)) {
            s.bind(a);
            assertEquals(a, s.getsockname());
        }
        assertThrows(IllegalArgumentException.class, () -> SockAddrUn.abstractName("n".repeat(108)));
        assertThrows(IllegalArgumentException.class, () -> SockAddrUn.abstractName(new byte[108]));
        assertThrows(IllegalArgumentException.class, () -> SockAddr.parse("@" + "n".repeat(108)));
        // abstract names may hold NUL bytes; they survive a bind/getsockname round trip
        SockAddrUn nul = SockAddrUn.abstractName(("ffsock\0" + System.nanoTime()).getBytes());
        try (Socket s = Socket.open(Domain.AF_UNIX, Type.DGRAM)) {
            s.bind(nul);
            assertEquals(nul, s.getsockname());
        }
    }

    @Test
    void portRange() {
        assertThrows(IllegalArgumentException.class, () -> SockAddrIn.loopback(-1));
        assertThrows(IllegalArgumentException.class, () -> SockAddrIn.loopback(65536));
        assertThrows(IllegalArgumentException.class, () -> SockAddrIn.any(70000));
        assertThrows(IllegalArgumentException.class, () -> SockAddrIn6.loopback(-5));
        assertThrows(IllegalArgumentException.class, () -> SockAddrIn.of("127.0.0.1", 65536));
        assertThrows(IllegalArgumentException.class, () -> SockAddrIn6.of("::1", -1));
        assertThrows(IllegalArgumentException.class,
                () -> new SockAddrIn((Inet4Address) InetAddress.ofLiteral("1.2.3.4"), Integer.MIN_VALUE));
        assertThrows(IllegalArgumentException.class, () -> SockAddr.of(InetAddress.ofLiteral("::1"), 65536));
        assertThrows(IllegalArgumentException.class,
                () -> new SockAddrIn6((Inet6Address) InetAddress.ofLiteral("::1"), 1, 0, -1), "negative scope");
        assertEquals(65535, SockAddrIn.loopback(65535).port());
        assertEquals(0, SockAddrIn6.loopback(0).port());
    }

    @Test
    void literalFamilyChecks() {
        assertThrows(IllegalArgumentException.class, () -> SockAddrIn.of("::1", 1));
        assertThrows(IllegalArgumentException.class, () -> SockAddrIn.of("localhost", 1), "no name lookup");
        assertThrows(IllegalArgumentException.class, () -> SockAddrIn6.of("127.0.0.1", 1));
        assertThrows(IllegalArgumentException.class, () -> SockAddrIn6.of("not-an-ip", 1));
    }

    @Test
    void familyMismatchIsRefusedBeforeAnySyscall() throws IOException {
        try (Socket v4 = Socket.open(Domain.AF_INET, Type.DGRAM); Socket un = Socket.open(Domain.AF_UNIX, Type.DGRAM)) {
            SockAddr six = SockAddrIn6.loopback(0);
            SockAddr path = SockAddrUn.path(dir.resolve("m.sock"));
            assertThrows(IllegalArgumentException.class, () -> v4.bind(six));
            assertThrows(IllegalArgumentException.class, () -> v4.bind(path));
            assertThrows(IllegalArgumentException.class, () -> v4.connect(six));
            assertThrows(IllegalArgumentException.class, () -> v4.connect(six, java.time.Duration.ofSeconds(1)));
            assertThrows(IllegalArgumentException.class, () -> v4.sendto(new byte[1], 0, 1, 0, six));
            assertThrows(IllegalArgumentException.class, () -> v4.sendto(MemorySegment.ofArray(new byte[1]), 0, path));
            assertThrows(IllegalArgumentException.class, () -> un.bind(SockAddrIn.loopback(0)));
            assertThrows(IllegalArgumentException.class, () -> un.connect(SockAddrIn.loopback(1)));
            assertThrows(IllegalArgumentException.class, () -> un.sendto(java.nio.ByteBuffer.allocate(1), 0, SockAddrIn.loopback(1)));
            assertTrue(Files.notExists(dir.resolve("m.sock")));
            // nothing happened: both are still unbound and unconnected
            assertEquals(SockAddrIn.any(0), v4.getsockname());
            assertEquals(SockAddrUn.unnamed(), un.getsockname());
            v4.bind(SockAddrIn.loopback(0));
            un.bind(path);
        }
    }

    @Test
    void storageHoldsAnAddress() {
        SockAddrStorage s = new SockAddrStorage();
        assertEquals(0, s.length());
        assertEquals(Domain.AF_UNSPEC, s.domain());
        assertEquals(-1, s.port());
        assertEquals("(empty)", s.toString());
        s.set(SockAddrIn6.loopback(99));
        assertEquals(Domain.AF_INET6, s.domain());
        assertEquals(99, s.port());
        assertEquals(SockAddrIn6.loopback(99), s.get());
        s.set(SockAddrUn.abstractName("q"));
        assertEquals(Domain.AF_UNIX, s.domain());
        assertEquals(-1, s.port());
        assertEquals(SockAddrUn.abstractName("q"), s.get());
        assertEquals("@q", SockAddrStorage.of(SockAddrUn.abstractName("q")).toString());
        assertEquals(SockAddrIn.loopback(5), SockAddrStorage.of(SockAddrIn.loopback(5)).get());
    }

    // ---- SockAddrIn.of's dotted-quad fast path agrees with InetAddress.ofLiteral ----------------------

    /** What SockAddrIn.of returned before the fast path: InetAddress.ofLiteral, IPv4 only. */
    private static String viaOfLiteral(String text, int port) {
        try {
            InetAddress a = InetAddress.ofLiteral(text);
            if (!(a instanceof Inet4Address a4)) return "IAE not an IPv4 address: " + text;
            return new SockAddrIn(a4, port).toString();
        } catch (IllegalArgumentException e) {
            return "IAE " + (e.getMessage().startsWith("port") ? e.getMessage() : "not an IPv4 address: " + text);
        }
    }

    private static String viaOf(String text, int port) {
        try {
            return SockAddrIn.of(text, port).toString();
        } catch (IllegalArgumentException e) {
            return "IAE " + e.getMessage();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "0.0.0.0", "255.255.255.255", "1.2.3.4", "10.0.0.255", "192.168.100.199",
            "256.0.0.1", "1.2.3.256", "01.2.3.4", "1.2.3.04", "00.0.0.0", "1.2.3", "1.2", "1", "16909060",
            "1.2.3.4.", ".1.2.3.4", "1..2.3", "1.2.3.4.5", "1.2.3.-4", "+1.2.3.4", " 1.2.3.4", "1.2.3.4 ",
            "1.2.3.4x", "1.2.3.1000", "0x7f.0.0.1", "127.1", "::1", "::ffff:127.0.0.1", "::127.0.0.1", "",
            "\u0661.2.3.4", "1.2.3.\uff14", "999.999.999.999", "1234.1.1.1", "1.2.3.4%1", "[1.2.3.4]"})
    void ofAgreesWithOfLiteral(String text) {
        for (int port : new int[] {0, 80, 65535, -1, 65536}) {
            assertEquals(viaOfLiteral(text, port), viaOf(text, port), text + " port " + port);
        }
    }

    @Test
    void dottedQuadIsExactOnEveryOctet() {
        for (int v = 0; v < 256; v++) {
            for (String pad : new String[] {"", "0", "00"}) {
                String t = "1." + pad + v + ".3." + v;
                String expect = viaOfLiteral(t, 7);
                assertEquals(expect, viaOf(t, 7), t);
                if (pad.isEmpty()) assertEquals(0x01000300L | (long) v << 16 | v, SockAddrIn.dottedQuad(t), t);
                else assertEquals(-1, SockAddrIn.dottedQuad(t), t);
            }
        }
        assertEquals(0xffffffffL, SockAddrIn.dottedQuad("255.255.255.255"));
        assertEquals(0, SockAddrIn.dottedQuad("0.0.0.0"));
    }
}
