package dev.ffsock.internal.nio;

import dev.ffsock.Domain;
import dev.ffsock.SockAddr;
import dev.ffsock.Socket;
import dev.ffsock.SocketClosedException;
import dev.ffsock.Type;

import java.io.IOException;
import java.net.SocketAddress;
import java.net.SocketOption;
import java.nio.channels.AlreadyBoundException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.NotYetBoundException;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.channels.spi.SelectorProvider;
import java.util.Set;

/**
 * A {@link ServerSocketChannel} over an ffsock stream or seqpacket {@link Socket} of any family.
 * {@link #accept()} is accept4(2); in blocking mode it waits in ffsock's I/O core inside
 * {@code begin}/{@code end}. Accepted channels start in blocking mode, as the JDK's do.
 */
public final class FfsockServerSocketChannel extends ServerSocketChannel implements FfsockChannel {
    /** The backlog bind uses for 0 or less (the JDK's). */
    private static final int DEFAULT_BACKLOG = 50;

    private final ChannelCore core;
    private final Domain domain;
    private final Object stateLock = new Object();
    private volatile boolean bound;
    private ServerSocketAdaptor adaptor;

    /** A channel over {@code socket}, which it owns from now on (put in blocking mode); bound if it has a local address. */
    public FfsockServerSocketChannel(SelectorProvider provider, Socket socket) throws IOException {
        super(provider);
        this.core = new ChannelCore(socket);
        this.domain = socket.domain();
        if (!socket.isBlocking()) socket.setBlocking(true);
        SocketAddress local = Addresses.toSocketAddress(socket.getsockname());
        bound = !(local instanceof java.net.InetSocketAddress isa && isa.getPort() == 0)
                && !(local instanceof java.net.UnixDomainSocketAddress u && u.getPath().toString().isEmpty());
    }

    @Override
    public ChannelCore core() {
        return core;
    }

    private void ensureOpen() throws ClosedChannelException {
        if (!isOpen()) throw new ClosedChannelException();
    }

    @Override
    public ServerSocketChannel bind(SocketAddress local, int backlog) throws IOException {
        synchronized (stateLock) {
            ensureOpen();
            if (bound) throw new AlreadyBoundException();
            SockAddr a = local == null ? Addresses.wildcard(domain) : Addresses.toSockAddr(local, domain);
            try {
                core.socket.bind(a);
                core.socket.listen(backlog < 1 ? DEFAULT_BACKLOG : backlog);
            } catch (SocketClosedException e) {
                throw ChannelCore.closed(e);
            } catch (IOException e) {
                throw Addresses.bindFailure(e);
            }
            bound = true;
        }
        return this;
    }

    boolean isBound() {
        return bound;
    }

    @Override
    public SocketAddress getLocalAddress() throws IOException {
        ensureOpen();
        if (!bound) return null;
        try {
            return Addresses.toSocketAddress(core.socket.getsockname());
        } catch (SocketClosedException e) {
            throw ChannelCore.closed(e);
        }
    }

    @Override
    public <T> ServerSocketChannel setOption(SocketOption<T> name, T value) throws IOException {
        ensureOpen();
        try {
            Options.set(core.socket, supportedOptions(), name, value);
        } catch (SocketClosedException e) {
            throw ChannelCore.closed(e);
        }
        return this;
    }

    @Override
    public <T> T getOption(SocketOption<T> name) throws IOException {
        ensureOpen();
        try {
            return Options.get(core.socket, supportedOptions(), name);
        } catch (SocketClosedException e) {
            throw ChannelCore.closed(e);
        }
    }

    @Override
    public Set<SocketOption<?>> supportedOptions() {
        return Options.supported(domain, Type.STREAM, true);
    }

    @Override
    public SocketChannel accept() throws IOException {
        core.readLock.lock();
        try {
            ensureOpen();
            if (!bound) throw new NotYetBoundException();
            boolean blocking = isBlocking();
            Socket s = null;
            try {
                if (blocking) begin();
                s = core.socket.accept();
            } catch (SocketClosedException e) {
                throw ChannelCore.closed(e);
            } finally {
                if (blocking) endAccept(s);
            }
            if (s == null) return null;
            try {
                return new FfsockSocketChannel(provider(), s);
            } catch (IOException | RuntimeException e) {
                s.close();
                throw e;
            }
        } finally {
            core.readLock.unlock();
        }
    }

    /** end() for accept: a connection already accepted is closed, not lost, when end throws (interrupt). */
    private void endAccept(Socket s) throws java.nio.channels.AsynchronousCloseException {
        try {
            end(s != null);
        } catch (java.nio.channels.AsynchronousCloseException e) {
            if (s != null) s.close();
            throw e;
        }
    }

    /** {@return the {@link java.net.ServerSocket} adaptor (see {@link ServerSocketAdaptor} for what it supports)} */
    @Override
    public java.net.ServerSocket socket() {
        synchronized (stateLock) {
            if (adaptor == null) adaptor = ServerSocketAdaptor.create(this);
            return adaptor;
        }
    }

    @Override
    protected void implCloseSelectableChannel() {
        core.close();
    }

    @Override
    protected void implConfigureBlocking(boolean block) throws IOException {
        core.readLock.lock();
        try {
            core.socket.setBlocking(block);
        } catch (SocketClosedException e) {
            throw ChannelCore.closed(e);
        } finally {
            core.readLock.unlock();
        }
    }

    @Override
    public int translateInterestOps(int ops) {
        return ReadyOps.interest(ops);
    }

    @Override
    public int translateReadyOps(int events, int interestOps) {
        return ReadyOps.ready(events, interestOps, true, false);
    }

    @Override
    public String toString() {
        return "FfsockServerSocketChannel[" + core.socket + "]";
    }
}
