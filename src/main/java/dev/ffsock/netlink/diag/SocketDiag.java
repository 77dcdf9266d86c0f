package dev.ffsock.netlink.diag;

import dev.ffsock.Domain;
import dev.ffsock.Protocol;
import dev.ffsock.netlink.NetlinkConnection;
import dev.ffsock.netlink.Netlink;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The kernel's socket tables over NETLINK_SOCK_DIAG, as {@code ss} reads them: inet_diag dumps of
 * TCP/UDP/raw/MPTCP sockets (filtered by state and by bytecode in the kernel), unix_diag dumps of
 * AF_UNIX sockets, packet_diag and netlink_diag dumps, and SOCK_DESTROY.
 * {@snippet :
 * try (SocketDiag diag = SocketDiag.open()) {
 *     for (InetSocket s : diag.inet(InetRequest.tcp(Domain.AF_INET).states(SocketState.LISTEN)))
 *         System.out.println(s.localPort() + " inode " + s.inode());
 *     List<UnixSocket> unix = diag.unix(UnixRequest.all().types(UnixType.STREAM));
 * }
 * }
 * Thread-safe (one dump at a time), like the {@link NetlinkConnection} underneath.
 */
public final class SocketDiag implements AutoCloseable {
    private final NetlinkConnection conn;

    private SocketDiag(NetlinkConnection conn) {
        this.conn = conn;
        conn.typeNames(t -> t == SockDiag.SOCK_DIAG_BY_FAMILY ? "SOCK_DIAG_BY_FAMILY"
                : t == SockDiag.SOCK_DESTROY ? "SOCK_DESTROY" : "sock_diag message type " + t);
    }

    /**
     * {@return a connection to this process's network namespace}
     *
     * @throws IOException if {@code socket(AF_NETLINK, …)} or {@code bind} fails
     *     ({@link dev.ffsock.ErrnoException})
     */
    public static SocketDiag open() throws IOException {
        return new SocketDiag(NetlinkConnection.open(Netlink.NETLINK_SOCK_DIAG));
    }

    /**
     * {@return a connection to the named network namespace ({@code /run/netns/NAME}); null means this process's}
     *
     * @param namespace the network namespace's name, as {@code ip netns add NAME} made it (a file under
     *     {@code /run/netns})
     * @throws IOException if the namespace cannot be opened or entered ({@code open}, {@code setns}) or
     *     {@code socket}/{@code bind} fails ({@link dev.ffsock.ErrnoException})
     */
    public static SocketDiag open(String namespace) throws IOException {
        return new SocketDiag(NetlinkConnection.open(Netlink.NETLINK_SOCK_DIAG, namespace));
    }

    /** {@return the underlying connection} */
    public NetlinkConnection connection() {
        return conn;
    }

    /**
     * Dumps inet sockets into a list.
     *
     * @param request the family, protocol, states and extensions to ask for
     * @throws dev.ffsock.netlink.NetlinkException ENOENT when the kernel has no diag module for the protocol
     * @return the sockets, as {@code ss -t}/{@code ss -u} lists them
     */
    public List<InetSocket> inet(InetRequest request) throws IOException {
        List<InetSocket> out = new ArrayList<>();
        inet(request, out::add);
        return out;
    }

    /**
     * Dumps inet sockets ({@code ss -t}/{@code ss -u}: SOCK_DIAG_BY_FAMILY), handing each to {@code sink} as it
     * is decoded (memory stays bounded).
     *
     * @param request the family, protocol, states and extensions to ask for
     * @param sink receives each socket as it is decoded
     * @throws IOException if the kernel refuses the request ({@link dev.ffsock.netlink.NetlinkException},
     *     with the kernel's extended-ack message) or the netlink socket fails
     *     ({@link dev.ffsock.ErrnoException})
     */
    public void inet(InetRequest request, Consumer<? super InetSocket> sink) throws IOException {
        Objects.requireNonNull(sink, "sink");
        Protocol p = request.protocol();
        conn.dump(SockDiag.SOCK_DIAG_BY_FAMILY, w -> InetDiagCodec.encode(w, request),
                m -> sink.accept(InetDiagCodec.decode(m, p)));
    }

    /**
     * Dumps TCP or UDP sockets of both families (IPv4 first) in the states of {@code stateMask}.
     *
     * @param protocol {@link Protocol#TCP} or {@link Protocol#UDP}
     * @param stateMask the states, bit {@code 1 << state} ({@link SocketState#mask}, {@link SocketState#ALL})
     * @return the IPv4 and IPv6 sockets, as {@code ss -t -a}/{@code ss -u -a} lists them
     * @throws IOException if the kernel refuses the request ({@link dev.ffsock.netlink.NetlinkException},
     *     with the kernel's extended-ack message) or the netlink socket fails
     *     ({@link dev.ffsock.ErrnoException})
     */
    public List<InetSocket> inet(Protocol protocol, int stateMask) throws IOException {
        List<InetSocket> out = new ArrayList<>();
        for (Domain d : List.of(Domain.AF_INET, Domain.AF_INET6)) {
            inet(new InetRequest(d, protocol, stateMask, 0), out::add);
        }
        return out;
    }

    /**
     * Destroys one inet socket ({@code ss -K}: SOCK_DESTROY with the socket's id and cookie, as a dump
     * reported it): the kernel aborts it, its owner's calls fail with ECONNABORTED. Needs CAP_NET_ADMIN and
     * a kernel built with CONFIG_INET_DIAG_DESTROY.
     *
     * @param socket a socket from {@link #inet(InetRequest)}
     * @throws dev.ffsock.netlink.NetlinkException EOPNOTSUPP when the kernel cannot destroy sockets, EPERM
     *     without CAP_NET_ADMIN, ENOENT when the socket is gone
     * @throws IOException if the netlink socket fails ({@link dev.ffsock.ErrnoException})
     */
    public void destroy(InetSocket socket) throws IOException {
        Objects.requireNonNull(socket, "socket");
        conn.execute(SockDiag.SOCK_DESTROY, 0, w -> InetDiagCodec.encodeSocket(w, socket));
    }

    /**
     * Dumps AF_UNIX sockets into a list, keeping the request's types.
     *
     * @param request the states, types and {@code UDIAG_SHOW_*} details to ask for
     * @return the AF_UNIX sockets, as {@code ss -x} lists them
     * @throws IOException if the kernel refuses the request ({@link dev.ffsock.netlink.NetlinkException},
     *     with the kernel's extended-ack message) or the netlink socket fails
     *     ({@link dev.ffsock.ErrnoException})
     */
    public List<UnixSocket> unix(UnixRequest request) throws IOException {
        List<UnixSocket> out = new ArrayList<>();
        unix(request, out::add);
        return out;
    }

    /**
     * Dumps AF_UNIX sockets of the request's types ({@code ss -x}: SOCK_DIAG_BY_FAMILY), handing each to
     * {@code sink} as it is decoded.
     *
     * @param request the states, types and {@code UDIAG_SHOW_*} details to ask for
     * @param sink receives each socket as it is decoded
     * @throws IOException if the kernel refuses the request ({@link dev.ffsock.netlink.NetlinkException},
     *     with the kernel's extended-ack message) or the netlink socket fails
     *     ({@link dev.ffsock.ErrnoException})
     */
    public void unix(UnixRequest request, Consumer<? super UnixSocket> sink) throws IOException {
        Objects.requireNonNull(sink, "sink");
        int show = request.show();
        conn.dump(SockDiag.SOCK_DIAG_BY_FAMILY, w -> UnixDiagCodec.encode(w, request), m -> {
            UnixSocket s = UnixDiagCodec.decode(m, show);
            if (request.types().contains(s.type())) sink.accept(s);
        });
    }

    /**
     * Dumps AF_PACKET sockets ({@code ss -0}: SOCK_DIAG_BY_FAMILY with {@code struct packet_diag_req}),
     * handing each to {@code sink} as it is decoded.
     *
     * @param show the {@code PACKET_SHOW_*} details to attach ({@link SockDiag#PACKET_SHOW_INFO}, …)
     * @param sink receives each socket
     * @throws IOException if the kernel refuses the request ({@link dev.ffsock.netlink.NetlinkException}: ENOENT
     *     without CONFIG_PACKET_DIAG) or the netlink socket fails ({@link dev.ffsock.ErrnoException})
     */
    public void packet(int show, Consumer<? super PacketSocket> sink) throws IOException {
        Objects.requireNonNull(sink, "sink");
        conn.dump(SockDiag.SOCK_DIAG_BY_FAMILY, w -> PacketDiagCodec.encode(w, show), m -> sink.accept(PacketDiagCodec.decode(m)));
    }

    /**
     * Dumps netlink sockets of every family ({@code ss -f netlink}: SOCK_DIAG_BY_FAMILY with
     * {@code struct netlink_diag_req}, NDIAG_PROTO_ALL), handing each to {@code sink} as it is decoded.
     *
     * @param show the {@code NDIAG_SHOW_*} details to attach ({@link SockDiag#NDIAG_SHOW_GROUPS}, …)
     * @param sink receives each socket
     * @throws IOException if the kernel refuses the request ({@link dev.ffsock.netlink.NetlinkException}: ENOENT
     *     without CONFIG_NETLINK_DIAG) or the netlink socket fails ({@link dev.ffsock.ErrnoException})
     */
    public void netlink(int show, Consumer<? super NetlinkSocket> sink) throws IOException {
        Objects.requireNonNull(sink, "sink");
        conn.dump(SockDiag.SOCK_DIAG_BY_FAMILY, w -> NetlinkDiagCodec.encode(w, show), m -> sink.accept(NetlinkDiagCodec.decode(m)));
    }

    /** Closes the connection ({@code close(2)}). Idempotent. */
    @Override
    public void close() {
        conn.close();
    }
}
