package dev.ffsock;

import dev.ffsock.internal.Structs;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteOrder;

/**
 * A socket address: {@link SockAddrIn} (IPv4), {@link SockAddrIn6} (IPv6), {@link SockAddrUn}
 * (AF_UNIX path, abstract name or unnamed), {@link SockAddrNl} (netlink) or {@link SockAddrLl}
 * (AF_PACKET, link layer). Immutable; validated
 * when built, so a bad address never reaches a system call.
 */
public abstract sealed class SockAddr permits SockAddrIn, SockAddrIn6, SockAddrUn, SockAddrNl, SockAddrLl {
    static final ValueLayout.OfShort U16 = ValueLayout.JAVA_SHORT_UNALIGNED;
    static final ValueLayout.OfShort BE16 = ValueLayout.JAVA_SHORT_UNALIGNED.withOrder(ByteOrder.BIG_ENDIAN);
    static final ValueLayout.OfInt U32 = ValueLayout.JAVA_INT_UNALIGNED;
    static final ValueLayout.OfInt BE32 = ValueLayout.JAVA_INT_UNALIGNED.withOrder(ByteOrder.BIG_ENDIAN);

    SockAddr() {
    }

    /** {@return the address family} */
    public abstract Domain domain();

    /**
     * Writes the C {@code struct sockaddr_*} into {@code dst} (at least {@code sizeof(struct
     * sockaddr_storage)} bytes) and returns its length in bytes.
     */
    abstract int encode(MemorySegment dst);

    /**
     * Writes the C {@code struct sockaddr_*} into {@code dst}, for calls made outside this package
     * (an io_uring connect reads it from native memory at submission).
     *
     * @param dst at least {@code sizeof(struct sockaddr_storage)} (128) bytes
     * @return the address's length in bytes
     * @throws IllegalArgumentException if {@code dst} is smaller than 128 bytes
     */
    public final int writeTo(MemorySegment dst) {
        if (dst.byteSize() < dev.ffsock.internal.Structs.SockaddrStorage.SIZE) {
            throw new IllegalArgumentException("a sockaddr needs " + dev.ffsock.internal.Structs.SockaddrStorage.SIZE
                    + " bytes: " + dst.byteSize());
        }
        return encode(dst);
    }

    /** {@return the C length of this address} */
    public abstract int length();

    /**
     * Converts to a {@link java.net} address: {@link InetSocketAddress} for IP,
     * {@link UnixDomainSocketAddress} for an AF_UNIX path.
     *
     * @throws UnsupportedOperationException for abstract or unnamed AF_UNIX, netlink and AF_PACKET addresses,
     *         which java.net cannot represent
     * @return the same address as a {@link java.net.InetSocketAddress} or
     *     {@link java.net.UnixDomainSocketAddress}
     */
    public abstract SocketAddress toSocketAddress();

    /**
     * {@return the ffsock address for a java.net one}
     *
     * @param address an {@link java.net.InetSocketAddress} (resolved) or a
     *     {@link java.net.UnixDomainSocketAddress}
     * @throws IllegalArgumentException for an unresolved {@link InetSocketAddress}, or a
     *         {@link UnixDomainSocketAddress} whose path is over 107 bytes
     */
    public static SockAddr of(SocketAddress address) {
        if (address instanceof InetSocketAddress isa) {
            if (isa.isUnresolved()) throw new IllegalArgumentException("unresolved address: " + isa);
            return of(isa.getAddress(), isa.getPort());
        }
        if (address instanceof UnixDomainSocketAddress ua) {
            return SockAddrUn.path(ua.getPath());
        }
        if (address == null) throw new NullPointerException("address");
        throw new IllegalArgumentException("unsupported address type: " + address.getClass().getName());
    }

    /**
     * {@return an IPv4 or IPv6 socket address for an IP address and port}
     *
     * @param address the IP address
     * @param port the port, 0..65535
     */
    public static SockAddr of(InetAddress address, int port) {
        if (address instanceof java.net.Inet4Address a4) return new SockAddrIn(a4, port);
        if (address instanceof java.net.Inet6Address a6) return new SockAddrIn6(a6, port, 0, a6.getScopeId());
        throw new NullPointerException("address");
    }

    /**
     * Parses {@code HOST:PORT}, {@code [V6]:PORT}, a unix path (containing '/'), or {@code @name}
     * (abstract unix). HOST must be an IP literal or {@code localhost}; no name lookup is done.
     *
     * @param text {@code 127.0.0.1:80}, {@code [::1]:80}, {@code /path} or {@code @name}
     * @throws IllegalArgumentException with the reason, for anything malformed
     * @return the address
     */
    public static SockAddr parse(String text) {
        if (text == null) throw new NullPointerException("text");
        if (text.startsWith("@")) return SockAddrUn.abstractName(text.substring(1));
        if (text.indexOf('/') >= 0) return SockAddrUn.path(text);
        int colon = text.lastIndexOf(':');
        if (colon < 0) throw new IllegalArgumentException("expected HOST:PORT, [IPv6]:PORT, a path or @name: " + text);
        String host = text.substring(0, colon);
        String portText = text.substring(colon + 1);
        int port;
        try {
            port = Integer.parseInt(portText);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("bad port '" + portText + "' in " + text);
        }
        if (port < 0 || port > 65535) throw new IllegalArgumentException("port out of range (0-65535): " + port);
        InetAddress ip;
        if (host.startsWith("[") && host.endsWith("]")) {
            String inner = host.substring(1, host.length() - 1);
            if (inner.isEmpty()) throw new IllegalArgumentException("missing host in " + text);
            ip = SockAddrIn6.literal(inner);
            if (ip == null) throw new IllegalArgumentException("not an IPv6 address in brackets: " + text);
        } else if (host.equals("localhost")) {
            ip = InetAddress.getLoopbackAddress();
        } else {
            if (host.indexOf(':') >= 0) throw new IllegalArgumentException("IPv6 addresses need brackets: [" + host + "]:" + port);
            ip = parseIp(host, text);
        }
        return of(ip, port);
    }

    private static InetAddress parseIp(String host, String whole) {
        if (host.isEmpty()) throw new IllegalArgumentException("missing host in " + whole);
        try {
            return InetAddress.ofLiteral(host);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not an IP address: '" + host + "' in " + whole);
        }
    }

    /**
     * Decodes a C socket address of {@code len} bytes.
     *
     * @throws IllegalArgumentException if the length is too short for its family
     */
    static SockAddr decode(MemorySegment src, int len) {
        if (len < 2) return SockAddrUn.UNNAMED;
        int family = src.get(U16, 0) & 0xffff;
        return switch (family) {
            case 2 -> SockAddrIn.decode(src, len);
            case 10 -> SockAddrIn6.decode(src, len);
            case 1 -> SockAddrUn.decode(src, len);
            case 16 -> SockAddrNl.decode(src, len);
            case 17 -> SockAddrLl.decode(src, len);
            default -> throw new IllegalArgumentException("unsupported address family " + Domain.of(family));
        };
    }

    static long storageSize() {
        return Structs.SockaddrStorage.SIZE;
    }

    static void requireLength(int len, long need, String what) {
        if (len < need) throw new IllegalArgumentException(what + " of " + len + " bytes, need " + need);
    }
}
