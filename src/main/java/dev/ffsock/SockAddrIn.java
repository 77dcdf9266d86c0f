package dev.ffsock;

import dev.ffsock.internal.Structs;

import java.lang.foreign.MemorySegment;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;

/** An IPv4 socket address ({@code struct sockaddr_in}): address and port, printed as {@code 127.0.0.1:8080}. */
public final class SockAddrIn extends SockAddr {
    private final int address; // host order, a.b.c.d = a<<24|...
    private final int port;

    /**
     * An AF_INET address ({@code struct sockaddr_in}).
     *
     * @param address the IPv4 address
     * @param port    0 to 65535
     */
    public SockAddrIn(Inet4Address address, int port) {
        if (address == null) throw new NullPointerException("address");
        checkPort(port);
        byte[] b = address.getAddress();
        this.address = (b[0] & 0xff) << 24 | (b[1] & 0xff) << 16 | (b[2] & 0xff) << 8 | (b[3] & 0xff);
        this.port = port;
    }

    private SockAddrIn(int address, int port) {
        this.address = address;
        this.port = port;
    }

    /**
     * {@return the address for an IPv4 literal such as "127.0.0.1" and a port}
     *
     * @param ipv4Literal a dotted-quad address, {@code 127.0.0.1} (no name lookup)
     * @param port the port, 0..65535
     */
    public static SockAddrIn of(String ipv4Literal, int port) {
        if (ipv4Literal == null) throw new NullPointerException("ipv4Literal");
        long quad = dottedQuad(ipv4Literal);
        if (quad >= 0) {
            checkPort(port);
            return new SockAddrIn((int) quad, port);
        }
        InetAddress a;
        try {
            a = InetAddress.ofLiteral(ipv4Literal);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not an IPv4 address: " + ipv4Literal);
        }
        if (!(a instanceof Inet4Address a4)) throw new IllegalArgumentException("not an IPv4 address: " + ipv4Literal);
        return new SockAddrIn(a4, port);
    }

    /**
     * {@return the address of a plain dotted quad — four decimal numbers 0 to 255 without leading
     * zeros, such as "127.0.0.1" — as an unsigned 32-bit value, or -1 for any other text}
     * A fast path for {@link #of(String, int)}: InetAddress.ofLiteral gives these literals the same
     * value, but its first use initialises InetAddress (security properties, the resolver), which cost
     * a fresh JVM 5-25 ms before its first socket. Every other text is still parsed by ofLiteral.
     *
     * @param s the text
     */
    static long dottedQuad(String s) {
        int n = s.length();
        if (n < 7 || n > 15) return -1;
        long value = 0;
        int i = 0;
        for (int part = 0; part < 4; part++) {
            if (part > 0) {
                if (i >= n || s.charAt(i) != '.') return -1;
                i++;
            }
            int start = i;
            int v = 0;
            while (i < n && i - start < 3) {
                char c = s.charAt(i);
                if (c < '0' || c > '9') break;
                v = v * 10 + (c - '0');
                i++;
            }
            int digits = i - start;
            if (digits == 0 || v > 255 || (digits > 1 && s.charAt(start) == '0')) return -1;
            value = value << 8 | v;
        }
        return i == n ? value : -1;
    }

    /**
     * {@return 127.0.0.1:port}
     *
     * @param port the port, 0..65535
     */
    public static SockAddrIn loopback(int port) {
        checkPort(port);
        return new SockAddrIn(0x7f000001, port);
    }

    /**
     * {@return 0.0.0.0:port}
     *
     * @param port the port, 0..65535
     */
    public static SockAddrIn any(int port) {
        checkPort(port);
        return new SockAddrIn(0, port);
    }

    static void checkPort(int port) {
        if (port < 0 || port > 65535) throw new IllegalArgumentException("port out of range (0-65535): " + port);
    }

    /** {@return the IPv4 address} */
    public Inet4Address address() {
        byte[] b = {(byte) (address >>> 24), (byte) (address >>> 16), (byte) (address >>> 8), (byte) address};
        try {
            return (Inet4Address) InetAddress.getByAddress(b);
        } catch (UnknownHostException e) {
            throw new AssertionError(e);
        }
    }

    /** {@return the port} */
    public int port() {
        return port;
    }

    @Override
    public Domain domain() {
        return Domain.AF_INET;
    }

    @Override
    public int length() {
        return (int) Structs.SockaddrIn.SIZE;
    }

    @Override
    int encode(MemorySegment dst) {
        dst.asSlice(0, Structs.SockaddrIn.SIZE).fill((byte) 0);
        dst.set(U16, Structs.SockaddrIn.FAMILY, (short) 2);
        dst.set(BE16, Structs.SockaddrIn.PORT, (short) port);
        dst.set(BE32, Structs.SockaddrIn.ADDR, address);
        return (int) Structs.SockaddrIn.SIZE;
    }

    static SockAddrIn decode(MemorySegment src, int len) {
        requireLength(len, Structs.SockaddrIn.ADDR + 4, "sockaddr_in");
        return new SockAddrIn(src.get(BE32, Structs.SockaddrIn.ADDR), src.get(BE16, Structs.SockaddrIn.PORT) & 0xffff);
    }

    @Override
    public InetSocketAddress toSocketAddress() {
        return new InetSocketAddress(address(), port);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SockAddrIn s && s.address == address && s.port == port;
    }

    @Override
    public int hashCode() {
        return address * 31 + port;
    }

    @Override
    public String toString() {
        return (address >>> 24) + "." + (address >>> 16 & 0xff) + "." + (address >>> 8 & 0xff) + "." + (address & 0xff)
                + ":" + port;
    }
}
