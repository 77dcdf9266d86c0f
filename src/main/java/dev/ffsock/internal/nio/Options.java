package dev.ffsock.internal.nio;

import dev.ffsock.Domain;
import dev.ffsock.Linger;
import dev.ffsock.SockOpt;
import dev.ffsock.Socket;
import dev.ffsock.Type;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketOption;
import java.net.StandardSocketOptions;
import java.util.Objects;
import java.util.Set;

/**
 * The {@link StandardSocketOptions} of the channels, each mapped onto one ffsock {@link SockOpt}:
 * SO_SNDBUF, SO_RCVBUF, SO_REUSEADDR, SO_REUSEPORT, SO_KEEPALIVE, SO_BROADCAST, TCP_NODELAY as the
 * options of those names; SO_LINGER as SO_LINGER (seconds, -1 for off); IP_TOS as IP_TOS (AF_INET)
 * or IPV6_TCLASS (AF_INET6); IP_MULTICAST_TTL and IP_MULTICAST_LOOP as IP_MULTICAST_TTL/LOOP
 * (AF_INET) or IPV6_MULTICAST_HOPS/LOOP (AF_INET6); IP_MULTICAST_IF as IP_MULTICAST_IF (the
 * interface's first IPv4 address; AF_INET) or IPV6_MULTICAST_IF (its index; AF_INET6, which also
 * sets IP_MULTICAST_IF for IPv4 groups when the interface has an IPv4 address).
 */
final class Options {
    private Options() {
    }

    private static final Set<SocketOption<?>> STREAM_IP = Set.of(StandardSocketOptions.SO_SNDBUF,
            StandardSocketOptions.SO_RCVBUF, StandardSocketOptions.SO_REUSEADDR, StandardSocketOptions.SO_REUSEPORT,
            StandardSocketOptions.SO_KEEPALIVE, StandardSocketOptions.SO_LINGER, StandardSocketOptions.TCP_NODELAY,
            StandardSocketOptions.IP_TOS);
    private static final Set<SocketOption<?>> STREAM_UNIX = Set.of(StandardSocketOptions.SO_SNDBUF,
            StandardSocketOptions.SO_RCVBUF, StandardSocketOptions.SO_LINGER);
    private static final Set<SocketOption<?>> SERVER_IP = Set.of(StandardSocketOptions.SO_RCVBUF,
            StandardSocketOptions.SO_REUSEADDR, StandardSocketOptions.SO_REUSEPORT, StandardSocketOptions.IP_TOS);
    private static final Set<SocketOption<?>> SERVER_UNIX = Set.of(StandardSocketOptions.SO_RCVBUF);
    private static final Set<SocketOption<?>> DGRAM_IP = Set.of(StandardSocketOptions.SO_SNDBUF,
            StandardSocketOptions.SO_RCVBUF, StandardSocketOptions.SO_REUSEADDR, StandardSocketOptions.SO_REUSEPORT,
            StandardSocketOptions.SO_BROADCAST, StandardSocketOptions.IP_TOS, StandardSocketOptions.IP_MULTICAST_TTL,
            StandardSocketOptions.IP_MULTICAST_LOOP, StandardSocketOptions.IP_MULTICAST_IF);
    private static final Set<SocketOption<?>> DGRAM_UNIX = Set.of(StandardSocketOptions.SO_SNDBUF,
            StandardSocketOptions.SO_RCVBUF);

    /** {@return the options a channel over a socket of this family and kind supports} */
    static Set<SocketOption<?>> supported(Domain domain, Type type, boolean server) {
        boolean ip = !domain.equals(Domain.AF_UNIX);
        if (type.equals(Type.DGRAM)) return ip ? DGRAM_IP : DGRAM_UNIX;
        if (server) return ip ? SERVER_IP : SERVER_UNIX;
        return ip ? STREAM_IP : STREAM_UNIX;
    }

    private static SockOpt<?> map(SocketOption<?> name, Domain domain) {
        boolean v6 = domain.equals(Domain.AF_INET6);
        if (name == StandardSocketOptions.SO_SNDBUF) return SockOpt.SO_SNDBUF;
        if (name == StandardSocketOptions.SO_RCVBUF) return SockOpt.SO_RCVBUF;
        if (name == StandardSocketOptions.SO_REUSEADDR) return SockOpt.SO_REUSEADDR;
        if (name == StandardSocketOptions.SO_REUSEPORT) return SockOpt.SO_REUSEPORT;
        if (name == StandardSocketOptions.SO_KEEPALIVE) return SockOpt.SO_KEEPALIVE;
        if (name == StandardSocketOptions.SO_BROADCAST) return SockOpt.SO_BROADCAST;
        if (name == StandardSocketOptions.TCP_NODELAY) return SockOpt.TCP_NODELAY;
        if (name == StandardSocketOptions.SO_LINGER) return SockOpt.SO_LINGER;
        if (name == StandardSocketOptions.IP_TOS) return v6 ? SockOpt.IPV6_TCLASS : SockOpt.IP_TOS;
        if (name == StandardSocketOptions.IP_MULTICAST_TTL) return v6 ? SockOpt.IPV6_MULTICAST_HOPS : SockOpt.IP_MULTICAST_TTL;
        if (name == StandardSocketOptions.IP_MULTICAST_LOOP) return v6 ? SockOpt.IPV6_MULTICAST_LOOP : SockOpt.IP_MULTICAST_LOOP;
        throw new AssertionError(name);
    }

    private static void check(SocketOption<?> name, Set<SocketOption<?>> supported) {
        Objects.requireNonNull(name, "name");
        if (!supported.contains(name)) throw new UnsupportedOperationException("'" + name + "' not supported");
    }

    /**
     * setsockopt(2) of {@code name}'s ffsock option.
     *
     * @throws UnsupportedOperationException if {@code name} is not in {@code supported}
     * @throws IllegalArgumentException      for a null or out-of-range value
     */
    @SuppressWarnings("unchecked")
    static <T> void set(Socket s, Set<SocketOption<?>> supported, SocketOption<T> name, T value) throws IOException {
        check(name, supported);
        if (value == null) throw new IllegalArgumentException("Invalid value 'null'");
        if (name == StandardSocketOptions.IP_MULTICAST_IF) {
            setMulticastInterface(s, (NetworkInterface) value);
            return;
        }
        SockOpt<?> opt = map(name, s.domain());
        if (name == StandardSocketOptions.SO_LINGER) {
            int secs = (Integer) value;
            s.setsockopt(SockOpt.SO_LINGER, secs < 0 ? Linger.OFF : new Linger(true, Math.min(secs, 65535)));
            return;
        }
        if (value instanceof Integer i && i < 0 && name != StandardSocketOptions.IP_MULTICAST_TTL) {
            throw new IllegalArgumentException("Invalid value '" + i + "'");
        }
        if (name == StandardSocketOptions.IP_MULTICAST_TTL && ((Integer) value < 0 || (Integer) value > 255)) {
            throw new IllegalArgumentException("Invalid TTL/hop value: " + value);
        }
        s.setsockopt((SockOpt<T>) opt, value);
    }

    /**
     * {@return the value of {@code name}, read with getsockopt(2)}
     *
     * @throws UnsupportedOperationException if {@code name} is not in {@code supported}
     */
    @SuppressWarnings("unchecked")
    static <T> T get(Socket s, Set<SocketOption<?>> supported, SocketOption<T> name) throws IOException {
        check(name, supported);
        if (name == StandardSocketOptions.IP_MULTICAST_IF) return (T) multicastInterface(s);
        if (name == StandardSocketOptions.SO_LINGER) {
            Linger l = s.getsockopt(SockOpt.SO_LINGER);
            return (T) Integer.valueOf(l.on() ? l.seconds() : -1);
        }
        return (T) s.getsockopt(map(name, s.domain()));
    }

    private static Inet4Address firstIpv4(NetworkInterface nif) {
        for (InetAddress a : java.util.Collections.list(nif.getInetAddresses())) {
            if (a instanceof Inet4Address a4) return a4;
        }
        return null;
    }

    private static void setMulticastInterface(Socket s, NetworkInterface nif) throws IOException {
        Inet4Address a4 = firstIpv4(nif);
        if (s.domain().equals(Domain.AF_INET6)) {
            s.setsockopt(SockOpt.IPV6_MULTICAST_IF, nif.getIndex());
            if (a4 != null) s.setsockopt(SockOpt.IP_MULTICAST_IF, a4);
            return;
        }
        if (a4 == null) throw new java.net.SocketException("interface " + nif.getName() + " has no IPv4 address");
        s.setsockopt(SockOpt.IP_MULTICAST_IF, a4);
    }

    private static NetworkInterface multicastInterface(Socket s) throws IOException {
        if (s.domain().equals(Domain.AF_INET6)) {
            int index = s.getsockopt(SockOpt.IPV6_MULTICAST_IF);
            return index == 0 ? null : NetworkInterface.getByIndex(index);
        }
        Inet4Address a4 = s.getsockopt(SockOpt.IP_MULTICAST_IF);
        return a4.isAnyLocalAddress() ? null : NetworkInterface.getByInetAddress(a4);
    }
}
