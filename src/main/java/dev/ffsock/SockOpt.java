package dev.ffsock;

import dev.ffsock.internal.Blocking;
import dev.ffsock.internal.Scratch;
import dev.ffsock.internal.Structs;
import dev.ffsock.internal.Sys;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * A socket option: its level, its name, its C name and the Java type of its value. Each constant
 * here is named after its C constant; use it with {@link Socket#getsockopt(SockOpt)} and
 * {@link Socket#setsockopt(SockOpt, Object)}. Read-only options throw
 * {@link UnsupportedOperationException} on set, write-only ones on get. For any option not listed,
 * use {@link Socket#getsockoptInt}/{@link Socket#getsockoptBytes} and their setters.
 *
 * @param <T> the value's type
 */
public abstract sealed class SockOpt<T> {
    /** Level: the socket itself. */
    public static final int SOL_SOCKET = 1;
    /** Level: IPv4. */
    public static final int IPPROTO_IP = 0;
    /** Level: IPv6. */
    public static final int IPPROTO_IPV6 = 41;
    /** Level: TCP. */
    public static final int IPPROTO_TCP = 6;
    /** Level: UDP. */
    public static final int IPPROTO_UDP = 17;
    /** Level: UDP (same as IPPROTO_UDP). */
    public static final int SOL_UDP = 17;
    /** Level: AF_PACKET sockets. */
    public static final int SOL_PACKET = 263;
    /** Level: MPTCP sockets. */
    public static final int SOL_MPTCP = 284;

    // ---- SOL_SOCKET
    /** Allow reuse of local addresses. */
    public static final SockOpt<Boolean> SO_REUSEADDR = bool(SOL_SOCKET, 2, "SO_REUSEADDR");
    /** Allow several sockets to bind the same port (load-balanced). */
    public static final SockOpt<Boolean> SO_REUSEPORT = bool(SOL_SOCKET, 15, "SO_REUSEPORT");
    /** Send keepalive probes on connection-oriented sockets. */
    public static final SockOpt<Boolean> SO_KEEPALIVE = bool(SOL_SOCKET, 9, "SO_KEEPALIVE");
    /** Allow sending to broadcast addresses. */
    public static final SockOpt<Boolean> SO_BROADCAST = bool(SOL_SOCKET, 6, "SO_BROADCAST");
    /** Receive buffer size in bytes (the kernel doubles what is set, and reports the doubled value). */
    public static final SockOpt<Integer> SO_RCVBUF = integer(SOL_SOCKET, 8, "SO_RCVBUF");
    /** Send buffer size in bytes (doubled by the kernel, like SO_RCVBUF). */
    public static final SockOpt<Integer> SO_SNDBUF = integer(SOL_SOCKET, 7, "SO_SNDBUF");
    /** Receive buffer size beyond rmem_max (needs CAP_NET_ADMIN). Write-only: read it back as SO_RCVBUF. */
    public static final SockOpt<Integer> SO_RCVBUFFORCE = new WriteOnlyInt(SOL_SOCKET, 33, "SO_RCVBUFFORCE");
    /** Send buffer size beyond wmem_max (needs CAP_NET_ADMIN). Write-only: read it back as SO_SNDBUF. */
    public static final SockOpt<Integer> SO_SNDBUFFORCE = new WriteOnlyInt(SOL_SOCKET, 32, "SO_SNDBUFFORCE");
    /** Minimum bytes a receive waits for. */
    public static final SockOpt<Integer> SO_RCVLOWAT = integer(SOL_SOCKET, 18, "SO_RCVLOWAT");
    /** Lingering on close. */
    public static final SockOpt<Linger> SO_LINGER = new LingerOpt(SOL_SOCKET, 13, "SO_LINGER");
    /** Receive timeout (struct timeval; {@link Duration#ZERO} for none): a blocking recv then throws SocketTimeoutException. */
    public static final SockOpt<Duration> SO_RCVTIMEO = new TimeOpt(SOL_SOCKET, 20, "SO_RCVTIMEO");
    /** Send timeout (struct timeval; {@link Duration#ZERO} for none). */
    public static final SockOpt<Duration> SO_SNDTIMEO = new TimeOpt(SOL_SOCKET, 21, "SO_SNDTIMEO");
    /** The pending socket error (an errno value), cleared by reading it. Read-only. */
    public static final SockOpt<Integer> SO_ERROR = readOnly(integer(SOL_SOCKET, 4, "SO_ERROR"));
    /** The socket type. Read-only. */
    public static final SockOpt<Type> SO_TYPE = new MappedInt<>(SOL_SOCKET, 3, "SO_TYPE", MappedInt.TYPE, false);
    /** The address family. Read-only. */
    public static final SockOpt<Domain> SO_DOMAIN = new MappedInt<>(SOL_SOCKET, 39, "SO_DOMAIN", MappedInt.DOMAIN, false);
    /** The protocol. Read-only. */
    public static final SockOpt<Protocol> SO_PROTOCOL = new MappedInt<>(SOL_SOCKET, 38, "SO_PROTOCOL", MappedInt.PROTOCOL, false);
    /** Whether the socket is listening. Read-only. */
    public static final SockOpt<Boolean> SO_ACCEPTCONN = readOnly(bool(SOL_SOCKET, 30, "SO_ACCEPTCONN"));
    /** Credentials of the peer process (AF_UNIX). Read-only. */
    public static final SockOpt<UCred> SO_PEERCRED = new PeerCredOpt(SOL_SOCKET, 17, "SO_PEERCRED");
    /** Receive SCM_CREDENTIALS control messages (AF_UNIX). */
    public static final SockOpt<Boolean> SO_PASSCRED = bool(SOL_SOCKET, 16, "SO_PASSCRED");
    /** The packet mark for routing and filtering (needs CAP_NET_ADMIN to set). */
    public static final SockOpt<Integer> SO_MARK = integer(SOL_SOCKET, 36, "SO_MARK");
    /** Bind to a network interface by name; empty string unbinds (needs CAP_NET_RAW to set). */
    public static final SockOpt<String> SO_BINDTODEVICE = new StringOpt(SOL_SOCKET, 25, "SO_BINDTODEVICE", Structs.IFNAMSIZ);
    /** Queue priority of sent packets. */
    public static final SockOpt<Integer> SO_PRIORITY = integer(SOL_SOCKET, 12, "SO_PRIORITY");
    /** Receive SO_TIMESTAMPNS control messages (struct timespec). */
    public static final SockOpt<Boolean> SO_TIMESTAMPNS = bool(SOL_SOCKET, 35, "SO_TIMESTAMPNS");
    /** Keep out-of-band data inline. */
    public static final SockOpt<Boolean> SO_OOBINLINE = bool(SOL_SOCKET, 10, "SO_OOBINLINE");
    /** Busy-poll time in microseconds for blocking receives. */
    public static final SockOpt<Integer> SO_BUSY_POLL = integer(SOL_SOCKET, 46, "SO_BUSY_POLL");

    // ---- IPPROTO_TCP
    /** Disable Nagle's algorithm. */
    public static final SockOpt<Boolean> TCP_NODELAY = bool(IPPROTO_TCP, 1, "TCP_NODELAY");
    /** Hold back partial frames until uncorked. */
    public static final SockOpt<Boolean> TCP_CORK = bool(IPPROTO_TCP, 3, "TCP_CORK");
    /** Send ACKs at once rather than delayed (not permanent: the kernel may clear it). */
    public static final SockOpt<Boolean> TCP_QUICKACK = bool(IPPROTO_TCP, 12, "TCP_QUICKACK");
    /** Idle seconds before keepalive probes start. */
    public static final SockOpt<Integer> TCP_KEEPIDLE = integer(IPPROTO_TCP, 4, "TCP_KEEPIDLE");
    /** Seconds between keepalive probes. */
    public static final SockOpt<Integer> TCP_KEEPINTVL = integer(IPPROTO_TCP, 5, "TCP_KEEPINTVL");
    /** Keepalive probes before the connection is dropped. */
    public static final SockOpt<Integer> TCP_KEEPCNT = integer(IPPROTO_TCP, 6, "TCP_KEEPCNT");
    /** Milliseconds unacknowledged data may wait before the connection is dropped. */
    public static final SockOpt<Integer> TCP_USER_TIMEOUT = integer(IPPROTO_TCP, 18, "TCP_USER_TIMEOUT");
    /** TCP Fast Open queue length on a listening socket. */
    public static final SockOpt<Integer> TCP_FASTOPEN = integer(IPPROTO_TCP, 23, "TCP_FASTOPEN");
    /** Maximum segment size. */
    public static final SockOpt<Integer> TCP_MAXSEG = integer(IPPROTO_TCP, 2, "TCP_MAXSEG");
    /** Unsent bytes below which the socket reports writable. */
    public static final SockOpt<Integer> TCP_NOTSENT_LOWAT = integer(IPPROTO_TCP, 25, "TCP_NOTSENT_LOWAT");
    /** Congestion control algorithm by name ("cubic", "reno", …). */
    public static final SockOpt<String> TCP_CONGESTION = new StringOpt(IPPROTO_TCP, 13, "TCP_CONGESTION", 16);
    /** Connection statistics. Read-only. */
    public static final SockOpt<TcpInfo> TCP_INFO = new TcpInfoOpt(IPPROTO_TCP, 11, "TCP_INFO");

    // ---- IPPROTO_IP
    /** Time-to-live of sent unicast packets. */
    public static final SockOpt<Integer> IP_TTL = integer(IPPROTO_IP, 2, "IP_TTL");
    /** Type-of-service byte (DSCP and ECN). */
    public static final SockOpt<Integer> IP_TOS = integer(IPPROTO_IP, 1, "IP_TOS");
    /** Time-to-live of sent multicast packets. */
    public static final SockOpt<Integer> IP_MULTICAST_TTL = integer(IPPROTO_IP, 33, "IP_MULTICAST_TTL");
    /** Loop sent multicast back to local sockets. */
    public static final SockOpt<Boolean> IP_MULTICAST_LOOP = byteBool(IPPROTO_IP, 34, "IP_MULTICAST_LOOP");
    /** Interface address for sent multicast (0.0.0.0 for the default). */
    public static final SockOpt<Inet4Address> IP_MULTICAST_IF = new InAddrOpt(IPPROTO_IP, 32, "IP_MULTICAST_IF");
    /** Join a multicast group. Write-only. */
    public static final SockOpt<IpMreq> IP_ADD_MEMBERSHIP = new MreqOpt(IPPROTO_IP, 35, "IP_ADD_MEMBERSHIP");
    /** Leave a multicast group. Write-only. */
    public static final SockOpt<IpMreq> IP_DROP_MEMBERSHIP = new MreqOpt(IPPROTO_IP, 36, "IP_DROP_MEMBERSHIP");
    /** Receive IP_PKTINFO control messages. */
    public static final SockOpt<Boolean> IP_PKTINFO = bool(IPPROTO_IP, 8, "IP_PKTINFO");
    /** Receive IP_TTL control messages. */
    public static final SockOpt<Boolean> IP_RECVTTL = bool(IPPROTO_IP, 12, "IP_RECVTTL");
    /** Allow binding to an address not (yet) on the host. */
    public static final SockOpt<Boolean> IP_FREEBIND = bool(IPPROTO_IP, 15, "IP_FREEBIND");

    // ---- IPPROTO_IPV6
    /** Restrict an AF_INET6 socket to IPv6 (no v4-mapped addresses). */
    public static final SockOpt<Boolean> IPV6_V6ONLY = bool(IPPROTO_IPV6, 26, "IPV6_V6ONLY");
    /** Hop limit of sent unicast packets (-1 for the route default). */
    public static final SockOpt<Integer> IPV6_UNICAST_HOPS = integer(IPPROTO_IPV6, 16, "IPV6_UNICAST_HOPS");
    /** Hop limit of sent multicast packets. */
    public static final SockOpt<Integer> IPV6_MULTICAST_HOPS = integer(IPPROTO_IPV6, 18, "IPV6_MULTICAST_HOPS");
    /** Loop sent multicast back to local sockets. */
    public static final SockOpt<Boolean> IPV6_MULTICAST_LOOP = bool(IPPROTO_IPV6, 19, "IPV6_MULTICAST_LOOP");
    /** Interface index for sent multicast (0 for the default). */
    public static final SockOpt<Integer> IPV6_MULTICAST_IF = integer(IPPROTO_IPV6, 17, "IPV6_MULTICAST_IF");
    /** Join a multicast group. Write-only. */
    public static final SockOpt<Ipv6Mreq> IPV6_JOIN_GROUP = new Mreq6Opt(IPPROTO_IPV6, 20, "IPV6_JOIN_GROUP");
    /** Leave a multicast group. Write-only. */
    public static final SockOpt<Ipv6Mreq> IPV6_LEAVE_GROUP = new Mreq6Opt(IPPROTO_IPV6, 21, "IPV6_LEAVE_GROUP");
    /** Receive IPV6_PKTINFO control messages. */
    public static final SockOpt<Boolean> IPV6_RECVPKTINFO = bool(IPPROTO_IPV6, 49, "IPV6_RECVPKTINFO");
    /** Receive IPV6_HOPLIMIT control messages. */
    public static final SockOpt<Boolean> IPV6_RECVHOPLIMIT = bool(IPPROTO_IPV6, 51, "IPV6_RECVHOPLIMIT");
    /** Traffic class of sent packets. */
    public static final SockOpt<Integer> IPV6_TCLASS = integer(IPPROTO_IPV6, 67, "IPV6_TCLASS");

    // ---- SOL_UDP
    /** UDP GSO: segment size for sends (0 disables). */
    public static final SockOpt<Integer> UDP_SEGMENT = integer(SOL_UDP, 103, "UDP_SEGMENT");
    /** UDP GRO: coalesce received datagrams. */
    public static final SockOpt<Boolean> UDP_GRO = bool(SOL_UDP, 104, "UDP_GRO");
    /** Hold back UDP sends until uncorked. */
    public static final SockOpt<Boolean> UDP_CORK = bool(SOL_UDP, 1, "UDP_CORK");

    // ---- SOL_PACKET
    /** Join a packet membership: promiscuous, all-multicast or one multicast address (struct packet_mreq). Write-only. */
    public static final SockOpt<PacketMreq> PACKET_ADD_MEMBERSHIP = new PacketMreqOpt(SOL_PACKET, 1, "PACKET_ADD_MEMBERSHIP");
    /** Leave a packet membership. Write-only. */
    public static final SockOpt<PacketMreq> PACKET_DROP_MEMBERSHIP = new PacketMreqOpt(SOL_PACKET, 2, "PACKET_DROP_MEMBERSHIP");
    /** Receive PACKET_AUXDATA control messages ({@link ReceivedControl#packetAuxData()}). */
    public static final SockOpt<Boolean> PACKET_AUXDATA = bool(SOL_PACKET, 8, "PACKET_AUXDATA");
    /** Join a fanout group (get: the group, or null for none — or for group 0 in HASH mode without flags, which the kernel reports as 0 too). */
    public static final SockOpt<PacketFanout> PACKET_FANOUT = new MappedInt<>(SOL_PACKET, 18, "PACKET_FANOUT", MappedInt.FANOUT, true);
    /** The socket's counters since the last read, which resets them (struct tpacket_stats). Read-only. */
    public static final SockOpt<PacketStats> PACKET_STATISTICS = new PacketStatsOpt(SOL_PACKET, 6, "PACKET_STATISTICS");
    /** Do not receive frames this host sends. */
    public static final SockOpt<Boolean> PACKET_IGNORE_OUTGOING = bool(SOL_PACKET, 23, "PACKET_IGNORE_OUTGOING");

    // ---- SOL_MPTCP
    /** An MPTCP socket's state (struct mptcp_info); null when the kernel returns none. Read-only. */
    public static final SockOpt<MptcpInfo> MPTCP_INFO = new MptcpInfoOpt(SOL_MPTCP, 1, "MPTCP_INFO");

    private final int level;
    private final int name;
    private final String cName;

    SockOpt(int level, int name, String cName) {
        this.level = level;
        this.name = name;
        this.cName = cName;
    }

    /** {@return the option's level (SOL_SOCKET, IPPROTO_TCP, …)} */
    public int level() {
        return level;
    }

    /** {@return the option's name (its C constant's value)} */
    public int name() {
        return name;
    }

    /** {@return the C constant's name, e.g. "SO_REUSEADDR"} */
    @Override
    public String toString() {
        return cName;
    }

    abstract T get(int fd, Scratch sc) throws IOException;

    abstract void set(int fd, T value) throws IOException;

    UnsupportedOperationException readOnlyError() {
        return new UnsupportedOperationException(cName + " is read-only");
    }

    UnsupportedOperationException writeOnlyError() {
        return new UnsupportedOperationException(cName + " is write-only");
    }

    // ---- raw paths (every typed option goes through these) -------------------------------------

    // Option values go through the thread's scratch memory: a getsockopt/setsockopt allocates
    // nothing but what its Java value needs.

    static int getInt(Scratch sc, int fd, int level, int name) throws ErrnoException {
        return Sys.getsockoptInt(sc, fd, level, name);
    }

    static void setInt(int fd, int level, int name, int value) throws ErrnoException {
        Scratch sc = Scratch.get();
        sc.optValue.set(ValueLayout.JAVA_INT, 0, value);
        Sys.setsockopt(fd, level, name, sc.optValue, 4);
    }

    static byte[] getBytes(int fd, int level, int name, int max) throws ErrnoException {
        if (max > Scratch.OPT_VALUE_SIZE) {
            try (Arena a = Arena.ofConfined()) {
                return getBytes(fd, level, name, a.allocate(max, 8), a.allocate(4, 4), max);
            }
        }
        Scratch sc = Scratch.get();
        return getBytes(fd, level, name, sc.optValue, sc.optLen, max);
    }

    private static byte[] getBytes(int fd, int level, int name, MemorySegment v, MemorySegment l, int max)
            throws ErrnoException {
        l.set(ValueLayout.JAVA_INT, 0, max);
        Sys.getsockopt(fd, level, name, v, l);
        int len = Math.min(max, Math.max(0, l.get(ValueLayout.JAVA_INT, 0)));
        byte[] out = new byte[len];
        MemorySegment.copy(v, ValueLayout.JAVA_BYTE, 0, out, 0, len);
        return out;
    }

    static void setBytes(int fd, int level, int name, byte[] value) throws ErrnoException {
        if (value.length > Scratch.OPT_VALUE_SIZE) {
            try (Arena a = Arena.ofConfined()) {
                MemorySegment v = a.allocate(value.length, 8);
                MemorySegment.copy(value, 0, v, ValueLayout.JAVA_BYTE, 0, value.length);
                Sys.setsockopt(fd, level, name, v, value.length);
            }
            return;
        }
        MemorySegment v = Scratch.get().optValue;
        MemorySegment.copy(value, 0, v, ValueLayout.JAVA_BYTE, 0, value.length);
        Sys.setsockopt(fd, level, name, v, value.length);
    }

    // ---- value kinds ---------------------------------------------------------------------------

    private static SockOpt<Boolean> bool(int level, int name, String cName) {
        return new MappedInt<>(level, name, cName, MappedInt.BOOLEAN, true);
    }

    private static SockOpt<Boolean> byteBool(int level, int name, String cName) {
        return bool(level, name, cName);
    }

    private static SockOpt<Integer> integer(int level, int name, String cName) {
        return new MappedInt<>(level, name, cName, MappedInt.INTEGER, true);
    }

    private static <T> SockOpt<T> readOnly(SockOpt<T> o) {
        MappedInt<T> m = (MappedInt<T>) o;
        return new MappedInt<>(m.level(), m.name(), m.toString(), m.kind, false);
    }

    /**
     * An option whose C value is an int (a byte for a few IP options, which getInt handles), mapped
     * to its Java type by {@link #kind}. A switch on an int field rather than a function object:
     * a read then reaches only the option itself (a function object would be one more object, on a
     * page of its own, to map again after the system call on a CPU without PCID).
     */
    static final class MappedInt<T> extends SockOpt<T> {
        static final int INTEGER = 0, BOOLEAN = 1, TYPE = 2, DOMAIN = 3, PROTOCOL = 4, FANOUT = 5;
        final int kind;
        final boolean writable;

        MappedInt(int level, int name, String cName, int kind, boolean writable) {
            super(level, name, cName);
            this.kind = kind;
            this.writable = writable;
        }

        @Override
        @SuppressWarnings("unchecked")
        T get(int fd, Scratch sc) throws IOException {
            int v = getInt(sc, fd, level(), name());
            return (T) switch (kind) {
                case INTEGER -> Integer.valueOf(v);
                case BOOLEAN -> Boolean.valueOf(v != 0);
                case TYPE -> Type.of(v);
                case DOMAIN -> Domain.of(v);
                case PROTOCOL -> Protocol.of(v);
                case FANOUT -> PacketFanout.decode(v);
                default -> throw new AssertionError(kind);
            };
        }

        @Override
        void set(int fd, T value) throws IOException {
            if (!writable) throw readOnlyError();
            int v = switch (kind) {
                case INTEGER -> (Integer) value;
                case BOOLEAN -> (Boolean) value ? 1 : 0;
                case TYPE -> ((Type) value).value();
                case DOMAIN -> ((Domain) value).value();
                case PROTOCOL -> ((Protocol) value).value();
                case FANOUT -> ((PacketFanout) value).encode();
                default -> throw new AssertionError(kind);
            };
            setInt(fd, level(), name(), v);
        }
    }

    /** An int option the kernel accepts in setsockopt only (getsockopt gives ENOPROTOOPT). */
    static final class WriteOnlyInt extends SockOpt<Integer> {
        WriteOnlyInt(int level, int name, String cName) {
            super(level, name, cName);
        }

        @Override
        Integer get(int fd, Scratch sc) {
            throw writeOnlyError();
        }

        @Override
        void set(int fd, Integer value) throws IOException {
            setInt(fd, level(), name(), value);
        }
    }

    static final class LingerOpt extends SockOpt<Linger> {
        LingerOpt(int level, int name, String cName) {
            super(level, name, cName);
        }

        @Override
        Linger get(int fd, Scratch sc) throws IOException {
            byte[] b = getBytes(fd, level(), name(), (int) Structs.Linger.SIZE);
            MemorySegment s = MemorySegment.ofArray(b);
            return new Linger(s.get(ValueLayout.JAVA_INT_UNALIGNED, Structs.Linger.ONOFF) != 0,
                    s.get(ValueLayout.JAVA_INT_UNALIGNED, Structs.Linger.LINGER));
        }

        @Override
        void set(int fd, Linger value) throws IOException {
            byte[] b = new byte[(int) Structs.Linger.SIZE];
            MemorySegment s = MemorySegment.ofArray(b);
            s.set(ValueLayout.JAVA_INT_UNALIGNED, Structs.Linger.ONOFF, value.on() ? 1 : 0);
            s.set(ValueLayout.JAVA_INT_UNALIGNED, Structs.Linger.LINGER, value.seconds());
            setBytes(fd, level(), name(), b);
        }
    }

    static final class TimeOpt extends SockOpt<Duration> {
        TimeOpt(int level, int name, String cName) {
            super(level, name, cName);
        }

        @Override
        Duration get(int fd, Scratch sc) throws IOException {
            if (level() != SOL_SOCKET) throw new IllegalStateException(this + ": not a SOL_SOCKET timeval");
            return Blocking.socketTimeout(sc, fd, name());
        }

        @Override
        void set(int fd, Duration value) throws IOException {
            if (value.isNegative()) throw new IllegalArgumentException(this + ": negative timeout " + value);
            long micros = value.toNanos() / 1000;
            if (micros == 0 && !value.isZero()) micros = 1; // a tiny timeout must not become "none"
            byte[] b = new byte[(int) Structs.Timeval.SIZE];
            MemorySegment s = MemorySegment.ofArray(b);
            s.set(ValueLayout.JAVA_LONG_UNALIGNED, Structs.Timeval.SEC, micros / 1_000_000);
            s.set(ValueLayout.JAVA_LONG_UNALIGNED, Structs.Timeval.USEC, micros % 1_000_000);
            setBytes(fd, level(), name(), b);
        }
    }

    static final class PeerCredOpt extends SockOpt<UCred> {
        PeerCredOpt(int level, int name, String cName) {
            super(level, name, cName);
        }

        @Override
        UCred get(int fd, Scratch sc) throws IOException {
            MemorySegment s = MemorySegment.ofArray(getBytes(fd, level(), name(), (int) Structs.Ucred.SIZE));
            if (s.byteSize() < Structs.Ucred.SIZE) throw new IOException(this + ": short value of " + s.byteSize() + " bytes");
            return new UCred(s.get(ValueLayout.JAVA_INT_UNALIGNED, Structs.Ucred.PID),
                    s.get(ValueLayout.JAVA_INT_UNALIGNED, Structs.Ucred.UID),
                    s.get(ValueLayout.JAVA_INT_UNALIGNED, Structs.Ucred.GID));
        }

        @Override
        void set(int fd, UCred value) {
            throw readOnlyError();
        }
    }

    static final class StringOpt extends SockOpt<String> {
        private final int max;

        StringOpt(int level, int name, String cName, int max) {
            super(level, name, cName);
            this.max = max;
        }

        @Override
        String get(int fd, Scratch sc) throws IOException {
            byte[] b = getBytes(fd, level(), name(), max);
            int n = 0;
            while (n < b.length && b[n] != 0) n++;
            return new String(b, 0, n, StandardCharsets.UTF_8);
        }

        @Override
        void set(int fd, String value) throws IOException {
            byte[] b = value.getBytes(StandardCharsets.UTF_8);
            if (b.length >= max) throw new IllegalArgumentException(this + ": '" + value + "' is over " + (max - 1) + " bytes");
            for (byte x : b) if (x == 0) throw new IllegalArgumentException(this + ": value contains NUL");
            byte[] z = new byte[b.length + 1];
            System.arraycopy(b, 0, z, 0, b.length);
            setBytes(fd, level(), name(), b.length == 0 ? new byte[0] : z);
        }
    }

    static final class InAddrOpt extends SockOpt<Inet4Address> {
        InAddrOpt(int level, int name, String cName) {
            super(level, name, cName);
        }

        @Override
        Inet4Address get(int fd, Scratch sc) throws IOException {
            byte[] b = getBytes(fd, level(), name(), 4);
            if (b.length != 4) throw new IOException(this + ": value of " + b.length + " bytes");
            try {
                return (Inet4Address) InetAddress.getByAddress(b);
            } catch (UnknownHostException e) {
                throw new AssertionError(e);
            }
        }

        @Override
        void set(int fd, Inet4Address value) throws IOException {
            setBytes(fd, level(), name(), value.getAddress());
        }
    }

    static final class MreqOpt extends SockOpt<IpMreq> {
        MreqOpt(int level, int name, String cName) {
            super(level, name, cName);
        }

        @Override
        IpMreq get(int fd, Scratch sc) {
            throw writeOnlyError();
        }

        @Override
        void set(int fd, IpMreq value) throws IOException {
            byte[] b = new byte[(int) Structs.IpMreqn.SIZE];
            System.arraycopy(value.group().getAddress(), 0, b, (int) Structs.IpMreqn.MULTIADDR, 4);
            if (value.interfaceAddress() != null) {
                System.arraycopy(value.interfaceAddress().getAddress(), 0, b, (int) Structs.IpMreqn.ADDRESS, 4);
            }
            MemorySegment.ofArray(b).set(ValueLayout.JAVA_INT_UNALIGNED, Structs.IpMreqn.IFINDEX, value.interfaceIndex());
            setBytes(fd, level(), name(), b);
        }
    }

    static final class Mreq6Opt extends SockOpt<Ipv6Mreq> {
        Mreq6Opt(int level, int name, String cName) {
            super(level, name, cName);
        }

        @Override
        Ipv6Mreq get(int fd, Scratch sc) {
            throw writeOnlyError();
        }

        @Override
        void set(int fd, Ipv6Mreq value) throws IOException {
            byte[] b = new byte[(int) Structs.Ipv6Mreq.SIZE];
            System.arraycopy(value.group().getAddress(), 0, b, (int) Structs.Ipv6Mreq.MULTIADDR, 16);
            MemorySegment.ofArray(b).set(ValueLayout.JAVA_INT_UNALIGNED, Structs.Ipv6Mreq.INTERFACE, value.interfaceIndex());
            setBytes(fd, level(), name(), b);
        }
    }

    static final class TcpInfoOpt extends SockOpt<TcpInfo> {
        TcpInfoOpt(int level, int name, String cName) {
            super(level, name, cName);
        }

        @Override
        TcpInfo get(int fd, Scratch sc) throws IOException {
            return TcpInfo.parse(getBytes(fd, level(), name(), TcpInfo.SIZE));
        }

        @Override
        void set(int fd, TcpInfo value) {
            throw readOnlyError();
        }
    }

    static final class PacketMreqOpt extends SockOpt<PacketMreq> {
        PacketMreqOpt(int level, int name, String cName) {
            super(level, name, cName);
        }

        @Override
        PacketMreq get(int fd, Scratch sc) {
            throw writeOnlyError();
        }

        @Override
        void set(int fd, PacketMreq value) throws IOException {
            byte[] a = value.address();
            byte[] b = new byte[(int) Structs.PacketMreq.SIZE];
            MemorySegment s = MemorySegment.ofArray(b);
            s.set(ValueLayout.JAVA_INT_UNALIGNED, Structs.PacketMreq.IFINDEX, value.ifindex());
            s.set(ValueLayout.JAVA_SHORT_UNALIGNED, Structs.PacketMreq.TYPE, (short) value.type().value());
            s.set(ValueLayout.JAVA_SHORT_UNALIGNED, Structs.PacketMreq.ALEN, (short) a.length);
            System.arraycopy(a, 0, b, (int) Structs.PacketMreq.ADDRESS, a.length);
            setBytes(fd, level(), name(), b);
        }
    }

    static final class PacketStatsOpt extends SockOpt<PacketStats> {
        PacketStatsOpt(int level, int name, String cName) {
            super(level, name, cName);
        }

        @Override
        PacketStats get(int fd, Scratch sc) throws IOException {
            byte[] b = getBytes(fd, level(), name(), (int) Structs.TpacketStats.SIZE);
            if (b.length < Structs.TpacketStats.SIZE) throw new IOException(this + ": short value of " + b.length + " bytes");
            MemorySegment s = MemorySegment.ofArray(b);
            return new PacketStats(Integer.toUnsignedLong(s.get(ValueLayout.JAVA_INT_UNALIGNED, Structs.TpacketStats.PACKETS)),
                    Integer.toUnsignedLong(s.get(ValueLayout.JAVA_INT_UNALIGNED, Structs.TpacketStats.DROPS)));
        }

        @Override
        void set(int fd, PacketStats value) {
            throw readOnlyError();
        }
    }

    static final class MptcpInfoOpt extends SockOpt<MptcpInfo> {
        MptcpInfoOpt(int level, int name, String cName) {
            super(level, name, cName);
        }

        @Override
        MptcpInfo get(int fd, Scratch sc) throws IOException {
            byte[] got = getBytes(fd, level(), name(), MptcpInfo.SIZE);
            // an older kernel fills a prefix; what it leaves out reads as 0 (MptcpInfo.parse)
            return got.length == 0 ? null : MptcpInfo.parse(MemorySegment.ofArray(got));
        }

        @Override
        void set(int fd, MptcpInfo value) {
            throw readOnlyError();
        }
    }
}
