package dev.ffsock.internal.nio;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketAddress;
import java.net.SocketException;
import java.net.SocketImpl;
import java.net.SocketOption;
import java.net.StandardSocketOptions;
import java.nio.channels.Channels;
import java.nio.channels.IllegalBlockingModeException;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.Set;

/**
 * The {@link Socket} view of an {@link FfsockSocketChannel} ({@code channel.socket()}), for code
 * written against it (the JDK's HTTP server reads the addresses and sets TCP_NODELAY through it).
 * Supported: connect (blocking mode), bind, the addresses, the streams (blocking mode, over the
 * channel), shutdownInput/Output, close, the state queries, SO_TIMEOUT (as the socket's
 * SO_RCVTIMEO, which bounds blocking reads), and TCP_NODELAY, SO_LINGER, SO_KEEPALIVE, SO_SNDBUF,
 * SO_RCVBUF, SO_REUSEADDR, IP_TOS and the channel's options. Any other method (urgent data,
 * OOBINLINE) throws {@link UnsupportedOperationException}.
 */
final class SocketAdaptor extends Socket {
    private final FfsockSocketChannel ch;

    private SocketAdaptor(FfsockSocketChannel ch) throws SocketException {
        super((SocketImpl) null);
        this.ch = ch;
    }

    static SocketAdaptor create(FfsockSocketChannel ch) {
        try {
            return new SocketAdaptor(ch);
        } catch (SocketException e) {
            throw new AssertionError(e); // Socket(null) does no I/O
        }
    }

    @Override
    public void connect(SocketAddress remote) throws IOException {
        connect(remote, 0);
    }

    @Override
    public void connect(SocketAddress remote, int timeout) throws IOException {
        if (remote == null) throw new IllegalArgumentException("connect: The address can't be null");
        if (timeout < 0) throw new IllegalArgumentException("connect: timeout can't be negative");
        if (!ch.isBlocking()) throw new IllegalBlockingModeException();
        ch.connect(remote, timeout == 0 ? null : Duration.ofMillis(timeout));
    }

    @Override
    public void bind(SocketAddress local) throws IOException {
        ch.bind(local);
    }

    private InetSocketAddress inet(SocketAddress a) {
        return a instanceof InetSocketAddress isa ? isa : null;
    }

    @Override
    public InetAddress getInetAddress() {
        InetSocketAddress a = inet(getRemoteSocketAddress());
        return a == null ? null : a.getAddress();
    }

    @Override
    public InetAddress getLocalAddress() {
        InetSocketAddress a = inet(getLocalSocketAddress());
        return a == null ? null : a.getAddress();
    }

    @Override
    public int getPort() {
        InetSocketAddress a = inet(getRemoteSocketAddress());
        return a == null ? 0 : a.getPort();
    }

    @Override
    public int getLocalPort() {
        InetSocketAddress a = inet(getLocalSocketAddress());
        return a == null ? -1 : a.getPort();
    }

    @Override
    public SocketAddress getRemoteSocketAddress() {
        try {
            return ch.getRemoteAddress();
        } catch (IOException e) {
            return null;
        }
    }

    @Override
    public SocketAddress getLocalSocketAddress() {
        return Adaptors.localAddress(ch);
    }

    @Override
    public SocketChannel getChannel() {
        return ch;
    }

    @Override
    public InputStream getInputStream() throws IOException {
        ensureStreams();
        return Channels.newInputStream(ch);
    }

    @Override
    public OutputStream getOutputStream() throws IOException {
        ensureStreams();
        return Channels.newOutputStream(ch);
    }

    /** Throws unless the channel is open and connected (what the streams need). */
    private void ensureStreams() throws SocketException {
        if (!ch.isOpen()) throw new SocketException("Socket is closed");
        if (!ch.isConnected()) throw new SocketException("Socket is not connected");
    }

    private <T> void set(SocketOption<T> name, T value) throws SocketException {
        Adaptors.set(ch, name, value);
    }

    private <T> T get(SocketOption<T> name) throws SocketException {
        return Adaptors.get(ch, name);
    }

    @Override
    public void setTcpNoDelay(boolean on) throws SocketException {
        set(StandardSocketOptions.TCP_NODELAY, on);
    }

    @Override
    public boolean getTcpNoDelay() throws SocketException {
        return get(StandardSocketOptions.TCP_NODELAY);
    }

    @Override
    public void setSoLinger(boolean on, int linger) throws SocketException {
        set(StandardSocketOptions.SO_LINGER, on ? Math.max(linger, 0) : -1);
    }

    @Override
    public int getSoLinger() throws SocketException {
        return get(StandardSocketOptions.SO_LINGER);
    }

    @Override
    public void setSoTimeout(int timeout) throws SocketException {
        if (timeout < 0) throw new IllegalArgumentException("timeout can't be negative");
        Adaptors.setSoTimeout(ch, timeout);
    }

    @Override
    public int getSoTimeout() throws SocketException {
        return Adaptors.getSoTimeout(ch);
    }

    @Override
    public void setSendBufferSize(int size) throws SocketException {
        if (size <= 0) throw new IllegalArgumentException("Invalid send size");
        set(StandardSocketOptions.SO_SNDBUF, size);
    }

    @Override
    public int getSendBufferSize() throws SocketException {
        return get(StandardSocketOptions.SO_SNDBUF);
    }

    @Override
    public void setReceiveBufferSize(int size) throws SocketException {
        if (size <= 0) throw new IllegalArgumentException("Invalid receive size");
        set(StandardSocketOptions.SO_RCVBUF, size);
    }

    @Override
    public int getReceiveBufferSize() throws SocketException {
        return get(StandardSocketOptions.SO_RCVBUF);
    }

    @Override
    public void setKeepAlive(boolean on) throws SocketException {
        set(StandardSocketOptions.SO_KEEPALIVE, on);
    }

    @Override
    public boolean getKeepAlive() throws SocketException {
        return get(StandardSocketOptions.SO_KEEPALIVE);
    }

    @Override
    public void setTrafficClass(int tc) throws SocketException {
        set(StandardSocketOptions.IP_TOS, tc);
    }

    @Override
    public int getTrafficClass() throws SocketException {
        return get(StandardSocketOptions.IP_TOS);
    }

    @Override
    public void setReuseAddress(boolean on) throws SocketException {
        set(StandardSocketOptions.SO_REUSEADDR, on);
    }

    @Override
    public boolean getReuseAddress() throws SocketException {
        return get(StandardSocketOptions.SO_REUSEADDR);
    }

    @Override
    public void sendUrgentData(int data) {
        throw new UnsupportedOperationException("urgent data: not supported by ffsock's socket adaptor");
    }

    @Override
    public void setOOBInline(boolean on) {
        throw new UnsupportedOperationException("OOBINLINE: not supported by ffsock's socket adaptor");
    }

    @Override
    public boolean getOOBInline() {
        throw new UnsupportedOperationException("OOBINLINE: not supported by ffsock's socket adaptor");
    }

    @Override
    public void close() throws IOException {
        ch.close();
    }

    @Override
    public void shutdownInput() throws IOException {
        ch.shutdownInput();
    }

    @Override
    public void shutdownOutput() throws IOException {
        ch.shutdownOutput();
    }

    @Override
    public boolean isConnected() {
        return ch.isConnected();
    }

    @Override
    public boolean isBound() {
        return getLocalSocketAddress() != null;
    }

    @Override
    public boolean isClosed() {
        return !ch.isOpen();
    }

    @Override
    public boolean isInputShutdown() {
        return ch.isInputShutdown();
    }

    @Override
    public boolean isOutputShutdown() {
        return ch.isOutputShutdown();
    }

    @Override
    public <T> Socket setOption(SocketOption<T> name, T value) throws IOException {
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
        return "SocketAdaptor[" + ch + "]";
    }
}
