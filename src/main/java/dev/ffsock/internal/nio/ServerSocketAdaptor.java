package dev.ffsock.internal.nio;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketAddress;
import java.net.SocketException;
import java.net.SocketOption;
import java.net.StandardSocketOptions;
import java.nio.channels.IllegalBlockingModeException;
import java.nio.channels.ServerSocketChannel;
import java.util.Set;

/**
 * The {@link ServerSocket} view of an {@link FfsockServerSocketChannel} ({@code channel.socket()}),
 * for code written against it (the JDK's HTTP server binds through it). Supported: bind, accept (in
 * blocking mode), the addresses, close, the state queries, SO_TIMEOUT (as the socket's SO_RCVTIMEO,
 * which bounds accept), SO_REUSEADDR, SO_RCVBUF and the channel's options. Any other method throws
 * {@link UnsupportedOperationException}.
 */
final class ServerSocketAdaptor extends ServerSocket {
    private final FfsockServerSocketChannel ch;

    private ServerSocketAdaptor(FfsockServerSocketChannel ch) {
        super(new NoSocketImpl());
        this.ch = ch;
    }

    static ServerSocketAdaptor create(FfsockServerSocketChannel ch) {
        return new ServerSocketAdaptor(ch);
    }

    @Override
    public void bind(SocketAddress local) throws IOException {
        bind(local, 50);
    }

    @Override
    public void bind(SocketAddress local, int backlog) throws IOException {
        ch.bind(local == null ? null : local, backlog);
    }

    @Override
    public InetAddress getInetAddress() {
        SocketAddress a = getLocalSocketAddress();
        return a instanceof InetSocketAddress isa ? isa.getAddress() : null;
    }

    @Override
    public int getLocalPort() {
        SocketAddress a = getLocalSocketAddress();
        return a instanceof InetSocketAddress isa ? isa.getPort() : -1;
    }

    @Override
    public SocketAddress getLocalSocketAddress() {
        return Adaptors.localAddress(ch);
    }

    @Override
    public Socket accept() throws IOException {
        if (!ch.isBlocking()) throw new IllegalBlockingModeException();
        return ch.accept().socket();
    }

    @Override
    public void close() throws IOException {
        ch.close();
    }

    @Override
    public ServerSocketChannel getChannel() {
        return ch;
    }

    @Override
    public boolean isBound() {
        return ch.isBound();
    }

    @Override
    public boolean isClosed() {
        return !ch.isOpen();
    }

    @Override
    public void setSoTimeout(int timeout) throws SocketException {
        if (timeout < 0) throw new IllegalArgumentException("timeout < 0");
        Adaptors.setSoTimeout(ch, timeout);
    }

    @Override
    public int getSoTimeout() throws SocketException {
        return Adaptors.getSoTimeout(ch);
    }

    @Override
    public void setReuseAddress(boolean on) throws SocketException {
        Adaptors.set(ch, StandardSocketOptions.SO_REUSEADDR, on);
    }

    @Override
    public boolean getReuseAddress() throws SocketException {
        return Adaptors.get(ch, StandardSocketOptions.SO_REUSEADDR);
    }

    @Override
    public void setReceiveBufferSize(int size) throws SocketException {
        if (size <= 0) throw new IllegalArgumentException("negative receive size");
        Adaptors.set(ch, StandardSocketOptions.SO_RCVBUF, size);
    }

    @Override
    public int getReceiveBufferSize() throws SocketException {
        return Adaptors.get(ch, StandardSocketOptions.SO_RCVBUF);
    }

    @Override
    public <T> ServerSocket setOption(SocketOption<T> name, T value) throws IOException {
        ch.setOption(name, value);
        return this;
    }

    @Override
    public <T> T getOption(SocketOption<T> name) throws IOException {
        return ch.getOption(name);
    }

    @Override
    public Set<SocketOption<?>> supportedOptions() {
        return ch.supportedOptions();
    }

    @Override
    public String toString() {
        return "ServerSocketAdaptor[" + ch + "]";
    }
}
