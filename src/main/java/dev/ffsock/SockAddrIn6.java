package dev.ffsock;

import dev.ffsock.internal.Structs;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.Arrays;

/**
 * An IPv6 socket address ({@code struct sockaddr_in6}): address, port, flow information and scope id,
 * printed as {@code [::1]:8080} or {@code [fe80::1%2]:8080}.
 */
public final class SockAddrIn6 extends SockAddr {
    private final byte[] address;
    private final int port;
    private final int flowInfo;
    private final int scopeId;

    /**
     * An AF_INET6 address ({@code struct sockaddr_in6}).
     *
     * @param address  the IPv6 address
     * @param port     0 to 65535
     * @param flowInfo the flow information (traffic class and flow label), host order
     * @param scopeId  the scope (interface index for link-local addresses), 0 for none
     */
    public SockAddrIn6(Inet6Address address, int port, int flowInfo, int scopeId) {
        if (address == null) throw new NullPointerException("address");
        SockAddrIn.checkPort(port);
        if (scopeId < 0) throw new IllegalArgumentException("negative scope id: " + scopeId);
        this.address = address.getAddress();
        this.port = port;
        this.flowInfo = flowInfo;
        this.scopeId = scopeId;
    }

    private SockAddrIn6(byte[] address, int port, int flowInfo, int scopeId) {
        this.address = address;
        this.port = port;
        this.flowInfo = flowInfo;
        this.scopeId = scopeId;
    }

    /**
     * {@return the address for an IPv6 literal such as "::1" and a port}
     *
     * @param ipv6Literal an IPv6 literal, {@code ::1} or {@code fe80::1%eth0} (no name lookup)
     * @param port the port, 0..65535
     */
    public static SockAddrIn6 of(String ipv6Literal, int port) {
        if (ipv6Literal == null) throw new NullPointerException("ipv6Literal");
        Inet6Address a6 = literal(ipv6Literal);
        if (a6 == null) throw new IllegalArgumentException("not an IPv6 address: " + ipv6Literal);
        return new SockAddrIn6(a6, port, 0, a6.getScopeId());
    }

    /**
     * {@return the IPv6 address a literal denotes, or null if it is not IPv6} IPv4-mapped literals
     * ({@code ::ffff:127.0.0.1}, {@code ::ffff:7f00:1}) stay IPv6, where InetAddress.ofLiteral
     * would turn them into an Inet4Address.
     */
    static Inet6Address literal(String text) {
        InetAddress a;
        try {
            a = InetAddress.ofLiteral(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
        if (a instanceof Inet6Address a6) return a6;
        if (text.indexOf(':') < 0) return null;
        byte[] mapped = new byte[16];
        mapped[10] = (byte) 0xff;
        mapped[11] = (byte) 0xff;
        System.arraycopy(a.getAddress(), 0, mapped, 12, 4);
        try {
            return Inet6Address.getByAddress(null, mapped, -1);
        } catch (UnknownHostException e) {
            throw new AssertionError(e);
        }
    }

    /**
     * {@return [::1]:port}
     *
     * @param port the port, 0..65535
     */
    public static SockAddrIn6 loopback(int port) {
        SockAddrIn.checkPort(port);
        byte[] a = new byte[16];
        a[15] = 1;
        return new SockAddrIn6(a, port, 0, 0);
    }

    /**
     * {@return [::]:port}
     *
     * @param port the port, 0..65535
     */
    public static SockAddrIn6 any(int port) {
        SockAddrIn.checkPort(port);
        return new SockAddrIn6(new byte[16], port, 0, 0);
    }

    /** {@return the IPv6 address (with its scope id, if any)} */
    public Inet6Address address() {
        try {
            return Inet6Address.getByAddress(null, address.clone(), scopeId);
        } catch (UnknownHostException e) {
            throw new AssertionError(e);
        }
    }

    /** {@return the port} */
    public int port() {
        return port;
    }

    /** {@return sin6_flowinfo in host byte order} */
    public int flowInfo() {
        return flowInfo;
    }

    /** {@return sin6_scope_id} */
    public int scopeId() {
        return scopeId;
    }

    @Override
    public Domain domain() {
        return Domain.AF_INET6;
    }

    @Override
    public int length() {
        return (int) Structs.SockaddrIn6.SIZE;
    }

    @Override
    int encode(MemorySegment dst) {
        dst.asSlice(0, Structs.SockaddrIn6.SIZE).fill((byte) 0);
        dst.set(U16, Structs.SockaddrIn6.FAMILY, (short) 10);
        dst.set(BE16, Structs.SockaddrIn6.PORT, (short) port);
        dst.set(BE32, Structs.SockaddrIn6.FLOWINFO, flowInfo);
        MemorySegment.copy(address, 0, dst, ValueLayout.JAVA_BYTE, Structs.SockaddrIn6.ADDR, 16);
        dst.set(U32, Structs.SockaddrIn6.SCOPE_ID, scopeId);
        return (int) Structs.SockaddrIn6.SIZE;
    }

    static SockAddrIn6 decode(MemorySegment src, int len) {
        requireLength(len, Structs.SockaddrIn6.ADDR + 16, "sockaddr_in6");
        byte[] a = new byte[16];
        MemorySegment.copy(src, ValueLayout.JAVA_BYTE, Structs.SockaddrIn6.ADDR, a, 0, 16);
        int scope = len >= Structs.SockaddrIn6.SCOPE_ID + 4 ? src.get(U32, Structs.SockaddrIn6.SCOPE_ID) : 0;
        return new SockAddrIn6(a, src.get(BE16, Structs.SockaddrIn6.PORT) & 0xffff, src.get(BE32, Structs.SockaddrIn6.FLOWINFO), scope);
    }

    @Override
    public InetSocketAddress toSocketAddress() {
        return new InetSocketAddress(address(), port);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SockAddrIn6 s && Arrays.equals(s.address, address) && s.port == port
                && s.flowInfo == flowInfo && s.scopeId == scopeId;
    }

    @Override
    public int hashCode() {
        return (Arrays.hashCode(address) * 31 + port) * 31 + scopeId;
    }

    /**
     * {@return the address as {@code [host]:port}, the host as inet_ntop writes it ({@code [::1]:80},
     * {@code [::ffff:127.0.0.1]:80}) with {@code %scope} when the scope id is set}
     * {@link SockAddr#parse} reads it back.
     */
    @Override
    public String toString() {
        return "[" + InetText.format(address) + (scopeId != 0 ? "%" + scopeId : "") + "]:" + port;
    }
}
