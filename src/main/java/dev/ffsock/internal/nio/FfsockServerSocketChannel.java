package dev.ffsock.internal.nio;

import dev.ffsock.Domain;
import dev.ffsock.Socket;
import dev.ffsock.Type;

import java.io.IOException;
import java.net.SocketAddress;
import java.net.SocketOption;
import java.nio.channels.AlreadyBoundException;
import java.nio.channels.AsynchronousCloseException;
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
        this.core = new ChannelCore(this, socket);
        this.domain = socket.domain();
        if (!socket.isBlocking()) socket.setBlocking(true);
        bound = !Addresses.isUnbound(socket.getsockname());
    }

    @Override
    public ChannelCore core() {
        return core;
    }

    @Override
    public ServerSocketChannel bind(SocketAddress local, int backlog) throws IOException {
        synchronized (stateLock) {
            core.ensureOpen();
            if (bound) throw new AlreadyBoundException();
            core.bind(local, domain, backlog < 1 ? DEFAULT_BACKLOG : backlog);
            bound = true;
        }
        return this;
    }

    boolean isBound() {
        return bound;
    }

    @Override
    public SocketAddress getLocalAddress() throws IOException {
        return core.localAddress(bound);
    }

    @Override
    public <T> ServerSocketChannel setOption(SocketOption<T> name, T value) throws IOException {
        core.setOption(supportedOptions(), name, value);
        return this;
    }

    @Override
    public <T> T getOption(SocketOption<T> name) throws IOException {
        return core.getOption(supportedOptions(), name);
    }

    @Override
    public Set<SocketOption<?>> supportedOptions() {
        return Options.supported(domain, Type.STREAM, true);
    }

    @Override
    public SocketChannel accept() throws IOException {
        core.readLock.lock();
        try {
            core.ensureOpen();
            if (!bound) throw new NotYetBoundException();
            try {
                core.bracket(DataCalls.ACCEPT, null, null, 0, 0);
            } catch (AsynchronousCloseException e) {
                // end() threw (close, interrupt): a connection already accepted is closed, not lost
                Socket s = core.calls.takeAccepted();
                if (s != null) s.close();
                throw e;
            }
            Socket s = core.calls.takeAccepted();
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
        core.configureBlocking(block);
    }

    @Override
    public void enter() {
        begin();
    }

    @Override
    public void leave(boolean completed) throws AsynchronousCloseException {
        end(completed);
    }

    @Override
    public String toString() {
        return "FfsockServerSocketChannel[" + core.socket + "]";
    }
}
