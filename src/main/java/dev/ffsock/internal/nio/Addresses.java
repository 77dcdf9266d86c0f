package dev.ffsock.internal.nio;

import dev.ffsock.Domain;
import dev.ffsock.ErrnoException;
import dev.ffsock.SockAddr;
import dev.ffsock.SockAddrIn;
import dev.ffsock.SockAddrIn6;
import dev.ffsock.SockAddrUn;
import dev.ffsock.nio.FfsockSocketAddress;

import java.io.IOException;
import java.net.BindException;
import java.net.ConnectException;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.UnixDomainSocketAddress;
import java.net.UnknownHostException;
import java.nio.channels.UnresolvedAddressException;
import java.nio.channels.UnsupportedAddressTypeException;
import java.util.Objects;

/**
 * Between java.net addresses and ffsock's. An AF_INET6 channel takes IPv4 addresses as IPv4-mapped
 * IPv6 ones (and the wildcard 0.0.0.0 as ::) and gives IPv4-mapped addresses back as IPv4, as the
 * JDK's dual-stack channels do. AF_UNIX paths are {@link UnixDomainSocketAddress}es (the unnamed
 * address is the empty path); abstract names are {@link FfsockSocketAddress}es.
 */
final class Addresses {
    private Addresses() {
    }

    /**
     * {@return {@code a} as an address of family {@code domain}}
     *
     * @throws UnresolvedAddressException      for an unresolved InetSocketAddress
     * @throws UnsupportedAddressTypeException for an address of another family or type
     */
    static SockAddr toSockAddr(SocketAddress a, Domain domain) {
        Objects.requireNonNull(a, "address");
        if (a instanceof FfsockSocketAddress f) {
            if (f.sockAddr().domain().value() != domain.value()) throw new UnsupportedAddressTypeException();
            return f.sockAddr();
        }
        if (a instanceof InetSocketAddress isa) {
            if (isa.isUnresolved()) throw new UnresolvedAddressException();
            InetAddress ip = isa.getAddress();
            if (domain.equals(Domain.AF_INET)) {
                if (ip instanceof Inet4Address a4) return new SockAddrIn(a4, isa.getPort());
                throw new UnsupportedAddressTypeException();
            }
            if (domain.equals(Domain.AF_INET6)) {
                if (ip instanceof Inet6Address a6) return new SockAddrIn6(a6, isa.getPort(), 0, Math.max(0, a6.getScopeId()));
                return new SockAddrIn6(mapped((Inet4Address) ip), isa.getPort(), 0, 0);
            }
            throw new UnsupportedAddressTypeException();
        }
        if (a instanceof UnixDomainSocketAddress ua && domain.equals(Domain.AF_UNIX)) {
            String path = ua.getPath().toString();
            return path.isEmpty() ? SockAddrUn.unnamed() : SockAddrUn.path(path);
        }
        throw new UnsupportedAddressTypeException();
    }

    /** {@return the wildcard address of {@code domain}: any address, port 0; unnamed (autobind) for AF_UNIX} */
    static SockAddr wildcard(Domain domain) {
        if (domain.equals(Domain.AF_INET)) return SockAddrIn.any(0);
        if (domain.equals(Domain.AF_INET6)) return SockAddrIn6.any(0);
        return SockAddrUn.unnamed();
    }

    private static Inet6Address mapped(Inet4Address a4) {
        byte[] b = new byte[16];
        if (!a4.isAnyLocalAddress()) {
            b[10] = (byte) 0xff;
            b[11] = (byte) 0xff;
            System.arraycopy(a4.getAddress(), 0, b, 12, 4);
        }
        try {
            return Inet6Address.getByAddress(null, b, -1);
        } catch (UnknownHostException e) {
            throw new AssertionError(e); // 16 bytes are always an IPv6 address
        }
    }

    /**
     * {@return whether {@code a}, a socket's own address, says it is not bound: port 0, or the unnamed
     * AF_UNIX address}
     */
    static boolean isUnbound(SockAddr a) {
        SocketAddress s = toSocketAddress(a);
        if (s instanceof InetSocketAddress isa) return isa.getPort() == 0;
        return s instanceof UnixDomainSocketAddress u && u.getPath().toString().isEmpty();
    }

    /** {@return the java.net form of {@code a} (see the class comment)} */
    static SocketAddress toSocketAddress(SockAddr a) {
        if (a instanceof SockAddrIn in) return new InetSocketAddress(in.address(), in.port());
        if (a instanceof SockAddrIn6 in6) {
            Inet6Address ip = in6.address();
            byte[] b = ip.getAddress();
            if (isMapped(b)) {
                try {
                    return new InetSocketAddress(InetAddress.getByAddress(java.util.Arrays.copyOfRange(b, 12, 16)), in6.port());
                } catch (UnknownHostException e) {
                    throw new AssertionError(e);
                }
            }
            return new InetSocketAddress(ip, in6.port());
        }
        if (a instanceof SockAddrUn un) {
            return switch (un.kind()) {
                case PATH -> UnixDomainSocketAddress.of(un.name());
                case UNNAMED -> UnixDomainSocketAddress.of("");
                case ABSTRACT -> FfsockSocketAddress.of(un);
            };
        }
        return FfsockSocketAddress.of(a);
    }

    private static boolean isMapped(byte[] b) {
        for (int i = 0; i < 10; i++) if (b[i] != 0) return false;
        return b[10] == (byte) 0xff && b[11] == (byte) 0xff;
    }

    /** {@return a failed bind's errno as the {@link BindException} java.net code expects, the errno kept as cause} */
    static IOException bindFailure(IOException e) {
        if (!(e instanceof ErrnoException)) return e;
        BindException b = new BindException(e.getMessage());
        b.initCause(e);
        return b;
    }

    /** {@return a failed connect's errno as the {@link ConnectException} java.net code expects, the errno kept as cause} */
    static IOException connectFailure(IOException e) {
        if (!(e instanceof ErrnoException)) return e;
        ConnectException c = new ConnectException(e.getMessage());
        c.initCause(e);
        return c;
    }
}
