package dev.ffsock.nio;

import dev.ffsock.Domain;
import dev.ffsock.SockOpt;
import dev.ffsock.Socket;
import dev.ffsock.Type;
import dev.ffsock.internal.nio.EpollSelector;
import dev.ffsock.internal.nio.FfsockChannel;
import dev.ffsock.internal.nio.FfsockDatagramChannel;
import dev.ffsock.internal.nio.FfsockPipe;
import dev.ffsock.internal.nio.FfsockServerSocketChannel;
import dev.ffsock.internal.nio.FfsockSocketChannel;

import java.io.IOException;
import java.net.ProtocolFamily;
import java.net.StandardProtocolFamily;
import java.nio.channels.Channel;
import java.nio.channels.DatagramChannel;
import java.nio.channels.Pipe;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.channels.spi.AbstractSelector;
import java.nio.channels.spi.SelectorProvider;
import java.util.Objects;

/**
 * A {@link SelectorProvider} whose channels are ffsock {@link Socket}s and whose selector is epoll,
 * so that code written against {@code java.nio.channels} runs on ffsock unchanged: use its
 * {@code open…} methods, or make it the JVM's provider with
 * {@code -Djava.nio.channels.spi.SelectorProvider=dev.ffsock.nio.FfsockSelectorProvider}, after
 * which {@code SocketChannel.open()}, {@code Selector.open()} and the rest (and the libraries that
 * call them) give ffsock channels.
 *
 * <h2>Channels</h2>
 * {@link SocketChannel}, {@link ServerSocketChannel}, {@link DatagramChannel} and {@link Pipe} with
 * the full abstract API: blocking and non-blocking mode, connect/finishConnect, scattering and
 * gathering I/O (recvmsg/sendmsg), {@link java.net.StandardSocketOptions} (mapped onto ffsock's
 * {@link SockOpt}s), shutdownInput/Output, and the channels' close and interrupt rules. A
 * blocking-mode call waits in ffsock's one I/O core: a virtual thread parks without pinning its
 * carrier, a close wakes the call ({@link java.nio.channels.AsynchronousCloseException}), and an
 * interrupt closes the channel ({@link java.nio.channels.ClosedByInterruptException}). Closing a
 * channel never shuts the socket down for other holders of its descriptor. A failed connect closes
 * the channel and throws {@link java.net.ConnectException}, a failed bind
 * {@link java.net.BindException}, each with ffsock's {@link dev.ffsock.ErrnoException} as cause.
 *
 * <p>{@code SocketChannel.socket()} and {@code ServerSocketChannel.socket()} return adaptors that
 * support binding, connecting, accepting, the addresses, the streams and the usual options; what
 * they do not support (urgent data, OOBINLINE) throws {@link UnsupportedOperationException}.
 * {@code DatagramChannel.socket()} throws {@link UnsupportedOperationException}. Multicast:
 * any-source {@code join} (IP_ADD_MEMBERSHIP, IPV6_JOIN_GROUP) and {@code IP_MULTICAST_IF}; source
 * filtering (source-specific {@code join}, {@code block}) throws
 * {@link UnsupportedOperationException}.
 *
 * <h2>Addresses</h2>
 * IP addresses are {@link java.net.InetSocketAddress}es; the default family is AF_INET6, dual-stack,
 * which takes and gives IPv4 addresses as the JDK does. AF_UNIX paths are
 * {@link java.net.UnixDomainSocketAddress}es, the unnamed address the empty path. AF_UNIX
 * <em>abstract</em> names, which {@code java.net} cannot express, are {@link FfsockSocketAddress}es
 * in both directions: pass one to bind, connect or send, and {@code getLocalAddress},
 * {@code getRemoteAddress} and {@code receive} return one. Binding an AF_UNIX channel to
 * {@code null} (or the empty path) autobinds it to a kernel-chosen abstract name.
 *
 * <h2>Selector</h2>
 * One epoll instance per selector, woken by an eventfd; registrations and interest-set changes take
 * effect at the next selection operation, cancelled keys are deregistered then, and the
 * selected-key set follows {@link java.nio.channels.Selector}'s rules. Registering a channel of
 * another provider throws {@link java.nio.channels.IllegalSelectorException} (and the JDK's selectors
 * refuse ffsock channels).
 */
public final class FfsockSelectorProvider extends SelectorProvider {
    private static final class Holder {
        static final FfsockSelectorProvider INSTANCE = SelectorProvider.provider() instanceof FfsockSelectorProvider p
                ? p : new FfsockSelectorProvider();
    }

    /**
     * A provider. Public for {@code -Djava.nio.channels.spi.SelectorProvider}; otherwise use
     * {@link #provider()}.
     */
    public FfsockSelectorProvider() {
    }

    /** {@return the ffsock provider: the JVM-wide one when it is ffsock's, else one shared instance} */
    public static FfsockSelectorProvider provider() {
        return Holder.INSTANCE;
    }

    private static Domain domain(ProtocolFamily family) {
        Objects.requireNonNull(family, "family");
        if (family == StandardProtocolFamily.INET) return Domain.AF_INET;
        if (family == StandardProtocolFamily.INET6) return Domain.AF_INET6;
        if (family == StandardProtocolFamily.UNIX) return Domain.AF_UNIX;
        throw new UnsupportedOperationException("Protocol family not supported: " + family);
    }

    /** An AF_INET6 socket that takes IPv4 too (IPV6_V6ONLY off); AF_INET where the kernel has no IPv6. */
    private static Socket dualStack(Type type) throws IOException {
        Socket s;
        try {
            s = Socket.open(Domain.AF_INET6, type);
        } catch (dev.ffsock.ErrnoException e) {
            return Socket.open(Domain.AF_INET, type);
        }
        try {
            s.setsockopt(SockOpt.IPV6_V6ONLY, false);
        } catch (IOException | RuntimeException e) {
            s.close();
            throw e;
        }
        return s;
    }

    /** Opens a socket for {@code family}; for AF_INET6, dual-stack as the JDK's. */
    private static Socket open(ProtocolFamily family, Type type) throws IOException {
        Domain d = domain(family);
        return d.equals(Domain.AF_INET6) ? dualStack(type) : Socket.open(d, type);
    }

    /** Wraps a freshly opened socket, closing it if the wrapping fails. */
    private interface Wrap<C> {
        C wrap(Socket s) throws IOException;
    }

    private static <C> C wrapOrClose(Socket s, Wrap<C> w) throws IOException {
        try {
            return w.wrap(s);
        } catch (IOException | RuntimeException e) {
            s.close();
            throw e;
        }
    }

    // ---- the SelectorProvider methods ------------------------------------------------------------

    /** {@return a new AF_INET6 (dual-stack) UDP channel} */
    @Override
    public DatagramChannel openDatagramChannel() throws IOException {
        return wrapOrClose(dualStack(Type.DGRAM), s -> new FfsockDatagramChannel(this, s));
    }

    /** {@return a new datagram channel of {@code family}: UDP, or AF_UNIX datagrams for UNIX} */
    @Override
    public DatagramChannel openDatagramChannel(ProtocolFamily family) throws IOException {
        return wrapOrClose(open(family, Type.DGRAM), s -> new FfsockDatagramChannel(this, s));
    }

    /** {@return a new pipe: an AF_UNIX stream socket pair, one end per direction} */
    @Override
    public Pipe openPipe() throws IOException {
        return new FfsockPipe(this);
    }

    /** {@return a new epoll selector} */
    @Override
    public AbstractSelector openSelector() throws IOException {
        return new EpollSelector(this);
    }

    /** {@return a new, unbound AF_INET6 (dual-stack) TCP server channel} */
    @Override
    public ServerSocketChannel openServerSocketChannel() throws IOException {
        return wrapOrClose(dualStack(Type.STREAM), s -> new FfsockServerSocketChannel(this, s));
    }

    /** {@return a new, unbound server channel of {@code family} (TCP, or AF_UNIX stream)} */
    @Override
    public ServerSocketChannel openServerSocketChannel(ProtocolFamily family) throws IOException {
        return wrapOrClose(open(family, Type.STREAM), s -> new FfsockServerSocketChannel(this, s));
    }

    /** {@return a new, unconnected AF_INET6 (dual-stack) TCP channel} */
    @Override
    public SocketChannel openSocketChannel() throws IOException {
        return wrapOrClose(dualStack(Type.STREAM), s -> new FfsockSocketChannel(this, s));
    }

    /** {@return a new, unconnected channel of {@code family} (TCP, or AF_UNIX stream)} */
    @Override
    public SocketChannel openSocketChannel(ProtocolFamily family) throws IOException {
        return wrapOrClose(open(family, Type.STREAM), s -> new FfsockSocketChannel(this, s));
    }

    /** {@return null: ffsock does not provide the channel a JVM inherits (see {@link System#inheritedChannel()})} */
    @Override
    public Channel inheritedChannel() {
        return null;
    }

    // ---- ffsock kinds --------------------------------------------------------------------------------

    /**
     * {@return a new, unconnected connection-oriented channel of any ffsock family and type} For
     * kinds {@code java.net} has no family for, such as AF_UNIX {@link Type#SEQPACKET} (each read one
     * record).
     *
     * @param domain the address family ({@link Domain#AF_UNIX}, {@link Domain#AF_INET}, …)
     * @param type   {@link Type#STREAM} or {@link Type#SEQPACKET}
     * @throws IllegalArgumentException if {@code type} is neither
     * @throws dev.ffsock.ErrnoException if socket(2) fails
     */
    public SocketChannel openSocketChannel(Domain domain, Type type) throws IOException {
        checkConnectionType(type);
        return wrapOrClose(Socket.open(domain, type), s -> new FfsockSocketChannel(this, s));
    }

    /**
     * {@return a new, unbound listening-channel of any ffsock family and type} (AF_UNIX seqpacket, for one).
     *
     * @param domain the address family
     * @param type   {@link Type#STREAM} or {@link Type#SEQPACKET}
     * @throws IllegalArgumentException if {@code type} is neither
     * @throws dev.ffsock.ErrnoException if socket(2) fails
     */
    public ServerSocketChannel openServerSocketChannel(Domain domain, Type type) throws IOException {
        checkConnectionType(type);
        return wrapOrClose(Socket.open(domain, type), s -> new FfsockServerSocketChannel(this, s));
    }

    /**
     * {@return a new datagram channel of any ffsock family} ({@link Domain#AF_UNIX} datagrams with
     * abstract names, for one).
     *
     * @param domain the address family
     * @throws dev.ffsock.ErrnoException if socket(2) fails
     */
    public DatagramChannel openDatagramChannel(Domain domain) throws IOException {
        return wrapOrClose(Socket.open(domain, Type.DGRAM), s -> new FfsockDatagramChannel(this, s));
    }

    private static void checkConnectionType(Type type) {
        Objects.requireNonNull(type, "type");
        if (!type.equals(Type.STREAM) && !type.equals(Type.SEQPACKET)) {
            throw new IllegalArgumentException("a SocketChannel needs SOCK_STREAM or SOCK_SEQPACKET, not " + type);
        }
    }

    /**
     * {@return a channel over an existing ffsock stream or seqpacket socket (connected or not)}
     * The channel owns the socket from now on (closing one closes the other) and puts it in
     * blocking mode, the mode a new channel starts in.
     *
     * @param socket a stream or seqpacket socket, not listening
     * @throws dev.ffsock.SocketClosedException if the socket is closed
     */
    public SocketChannel socketChannel(Socket socket) throws IOException {
        Objects.requireNonNull(socket, "socket");
        checkConnectionType(socket.type());
        return new FfsockSocketChannel(this, socket);
    }

    /**
     * {@return a listening channel over an existing ffsock socket} Owned and put in blocking mode as
     * with {@link #socketChannel(Socket)}. If the socket is bound, it must be listening already.
     *
     * @param socket a stream or seqpacket socket
     * @throws dev.ffsock.SocketClosedException if the socket is closed
     */
    public ServerSocketChannel serverSocketChannel(Socket socket) throws IOException {
        Objects.requireNonNull(socket, "socket");
        checkConnectionType(socket.type());
        return new FfsockServerSocketChannel(this, socket);
    }

    /**
     * {@return a datagram channel over an existing ffsock datagram socket} Owned and put in blocking
     * mode as with {@link #socketChannel(Socket)}.
     *
     * @param socket a datagram socket
     * @throws IllegalArgumentException if it is not a datagram socket
     * @throws dev.ffsock.SocketClosedException if the socket is closed
     */
    public DatagramChannel datagramChannel(Socket socket) throws IOException {
        Objects.requireNonNull(socket, "socket");
        if (!socket.type().equals(Type.DGRAM)) throw new IllegalArgumentException("not a datagram socket: " + socket.type());
        return new FfsockDatagramChannel(this, socket);
    }

    /**
     * {@return the ffsock socket under a channel of this provider} For what only ffsock does on it
     * (descriptor passing, peer credentials, ffsock's own options). Its blocking mode is the
     * channel's; change that through the channel.
     *
     * @param channel a channel of an {@code FfsockSelectorProvider} (either end of its pipes included)
     * @throws IllegalArgumentException if it is another provider's channel
     */
    public static Socket socketOf(Channel channel) {
        Objects.requireNonNull(channel, "channel");
        if (channel instanceof FfsockChannel f) return f.socket0();
        throw new IllegalArgumentException("not an ffsock channel: " + channel.getClass().getName());
    }
}
