package dev.ffsock.internal.nio;

import dev.ffsock.Domain;
import dev.ffsock.Poll;
import dev.ffsock.Shutdown;
import dev.ffsock.SockAddr;
import dev.ffsock.SockOpt;
import dev.ffsock.Socket;
import dev.ffsock.SocketClosedException;
import dev.ffsock.Type;

import java.io.IOException;
import java.net.SocketAddress;
import java.net.SocketOption;
import java.nio.ByteBuffer;
import java.nio.channels.AlreadyBoundException;
import java.nio.channels.AlreadyConnectedException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ConnectionPendingException;
import java.nio.channels.NoConnectionPendingException;
import java.nio.channels.NotYetConnectedException;
import java.nio.channels.SocketChannel;
import java.nio.channels.spi.SelectorProvider;
import java.util.Objects;
import java.util.Set;

/**
 * A {@link SocketChannel} over an ffsock stream or seqpacket {@link Socket} of any family. Blocking
 * calls wait in ffsock's I/O core inside {@code begin}/{@code end}, so an interrupt closes the channel
 * ({@link java.nio.channels.ClosedByInterruptException}) and a close wakes them
 * ({@link java.nio.channels.AsynchronousCloseException}). On a seqpacket socket each read takes one
 * record (the part that does not fit is dropped, as recv(2) does) and a record of length 0 reads as
 * end of stream.
 */
public final class FfsockSocketChannel extends SocketChannel implements FfsockChannel {
    private static final int UNCONNECTED = 0;
    private static final int PENDING = 1;
    private static final int CONNECTED = 2;

    private final ChannelCore core;
    private final Domain domain;
    private final Object stateLock = new Object();
    private volatile int state;
    private volatile boolean bound;
    private volatile boolean inputShutdown;
    private volatile boolean outputShutdown;
    private volatile SocketAddress remote;
    private SocketAdaptor adaptor;

    /**
     * A channel over {@code socket}, which it owns from now on; connected if the socket is (getpeername
     * succeeds), bound if it has a local address. The socket is put in blocking mode, the mode a new
     * channel starts in.
     */
    public FfsockSocketChannel(SelectorProvider provider, Socket socket) throws IOException {
        super(provider);
        this.core = new ChannelCore(socket);
        this.domain = socket.domain();
        if (!socket.isBlocking()) socket.setBlocking(true);
        SockAddr peer = socket.acceptedFrom();
        if (peer == null) {
            try {
                peer = socket.getpeername();
            } catch (dev.ffsock.ErrnoException e) {
                peer = null; // ENOTCONN
            }
        }
        if (peer != null) {
            state = CONNECTED;
            remote = Addresses.toSocketAddress(peer);
            bound = true;
        } else {
            bound = !isWildcard(socket.getsockname());
        }
    }

    private static boolean isWildcard(SockAddr a) {
        SocketAddress s = Addresses.toSocketAddress(a);
        if (s instanceof java.net.InetSocketAddress isa) return isa.getPort() == 0;
        return s instanceof java.net.UnixDomainSocketAddress u && u.getPath().toString().isEmpty();
    }

    @Override
    public ChannelCore core() {
        return core;
    }

    private Socket sock() {
        return core.socket;
    }

    private void ensureOpen() throws ClosedChannelException {
        if (!isOpen()) throw new ClosedChannelException();
    }

    private void ensureConnected() throws ClosedChannelException {
        ensureOpen();
        if (state != CONNECTED) throw new NotYetConnectedException();
    }

    // ---- addresses and options -------------------------------------------------------------------

    @Override
    public SocketChannel bind(SocketAddress local) throws IOException {
        core.readLock.lock();
        core.writeLock.lock();
        try {
            synchronized (stateLock) {
                ensureOpen();
                if (state == PENDING) throw new ConnectionPendingException();
                if (state == CONNECTED) throw new AlreadyConnectedException();
                if (bound) throw new AlreadyBoundException();
                SockAddr a = local == null ? Addresses.wildcard(domain) : Addresses.toSockAddr(local, domain);
                try {
                    sock().bind(a);
                } catch (SocketClosedException e) {
                    throw ChannelCore.closed(e);
                } catch (IOException e) {
                    throw Addresses.bindFailure(e);
                }
                bound = true;
            }
        } finally {
            core.writeLock.unlock();
            core.readLock.unlock();
        }
        return this;
    }

    @Override
    public SocketAddress getLocalAddress() throws IOException {
        ensureOpen();
        if (!bound) return null;
        try {
            return Addresses.toSocketAddress(sock().getsockname());
        } catch (SocketClosedException e) {
            throw ChannelCore.closed(e);
        }
    }

    @Override
    public SocketAddress getRemoteAddress() throws IOException {
        ensureOpen();
        return state == CONNECTED ? remote : null;
    }

    @Override
    public <T> SocketChannel setOption(SocketOption<T> name, T value) throws IOException {
        ensureOpen();
        try {
            Options.set(sock(), supportedOptions(), name, value);
        } catch (SocketClosedException e) {
            throw ChannelCore.closed(e);
        }
        return this;
    }

    @Override
    public <T> T getOption(SocketOption<T> name) throws IOException {
        ensureOpen();
        try {
            return Options.get(sock(), supportedOptions(), name);
        } catch (SocketClosedException e) {
            throw ChannelCore.closed(e);
        }
    }

    @Override
    public Set<SocketOption<?>> supportedOptions() {
        return Options.supported(domain, Type.STREAM, false);
    }

    // ---- connect ---------------------------------------------------------------------------------

    @Override
    public boolean isConnected() {
        return state == CONNECTED;
    }

    @Override
    public boolean isConnectionPending() {
        return state == PENDING;
    }

    @Override
    public boolean connect(SocketAddress remote) throws IOException {
        return connect(remote, null);
    }

    /**
     * connect with a time limit (for the socket adaptor): {@code Socket.connect(SockAddr, Duration)},
     * which waits in the I/O core whatever the mode; null for the channel's own connect.
     */
    boolean connect(SocketAddress remote, java.time.Duration timeout) throws IOException {
        SockAddr to = Addresses.toSockAddr(remote, domain);
        core.readLock.lock();
        core.writeLock.lock();
        try {
            synchronized (stateLock) {
                ensureOpen();
                if (state == CONNECTED) throw new AlreadyConnectedException();
                if (state == PENDING) throw new ConnectionPendingException();
            }
            boolean blocking = isBlocking();
            boolean done = false;
            try {
                if (blocking) begin();
                boolean connected;
                if (timeout == null) {
                    connected = sock().connect(to);
                } else {
                    sock().connect(to, timeout);
                    connected = true;
                }
                done = true;
                synchronized (stateLock) {
                    this.remote = remote instanceof java.net.InetSocketAddress ? remote : Addresses.toSocketAddress(to);
                    state = connected ? CONNECTED : PENDING;
                    bound = true;
                }
                return connected;
            } catch (SocketClosedException e) {
                throw ChannelCore.closed(e);
            } catch (IOException e) {
                done = true; // the connect's own failure, not a close by another thread
                close(); // as the JDK's channels: a failed connect closes the channel
                throw Addresses.connectFailure(e);
            } finally {
                if (blocking) end(done);
            }
        } finally {
            core.writeLock.unlock();
            core.readLock.unlock();
        }
    }

    @Override
    public boolean finishConnect() throws IOException {
        core.readLock.lock();
        core.writeLock.lock();
        try {
            synchronized (stateLock) {
                ensureOpen();
                if (state == CONNECTED) return true;
                if (state != PENDING) throw new NoConnectionPendingException();
            }
            boolean blocking = isBlocking();
            boolean done = false;
            try {
                if (blocking) begin();
                if (blocking) sock().poll(Poll.POLLOUT, -1); // waits in the I/O core
                boolean connected = sock().finishConnect();
                done = true;
                if (connected) state = CONNECTED;
                return connected;
            } catch (SocketClosedException e) {
                throw ChannelCore.closed(e);
            } catch (IOException e) {
                done = true;
                close();
                throw Addresses.connectFailure(e);
            } finally {
                if (blocking) end(done);
            }
        } finally {
            core.writeLock.unlock();
            core.readLock.unlock();
        }
    }

    // ---- data ------------------------------------------------------------------------------------

    @Override
    public int read(ByteBuffer dst) throws IOException {
        Objects.requireNonNull(dst, "dst");
        if (dst.isReadOnly()) throw new IllegalArgumentException("Read-only buffer");
        core.readLock.lock();
        try {
            ensureConnected();
            if (inputShutdown) return -1;
            boolean blocking = isBlocking();
            int n = 0;
            try {
                if (blocking) begin();
                n = core.read(dst);
                return n;
            } catch (SocketClosedException e) {
                throw ChannelCore.closed(e);
            } finally {
                if (blocking) end(n != 0);
            }
        } finally {
            core.readLock.unlock();
        }
    }

    @Override
    public long read(ByteBuffer[] dsts, int offset, int length) throws IOException {
        Objects.checkFromIndexSize(offset, length, dsts.length);
        core.readLock.lock();
        try {
            ensureConnected();
            if (inputShutdown) return -1;
            boolean blocking = isBlocking();
            long n = 0;
            try {
                if (blocking) begin();
                n = core.read(dsts, offset, length);
                return n;
            } catch (SocketClosedException e) {
                throw ChannelCore.closed(e);
            } finally {
                if (blocking) end(n != 0);
            }
        } finally {
            core.readLock.unlock();
        }
    }

    @Override
    public int write(ByteBuffer src) throws IOException {
        Objects.requireNonNull(src, "src");
        core.writeLock.lock();
        try {
            ensureConnected();
            if (outputShutdown) throw new ClosedChannelException();
            boolean blocking = isBlocking();
            int n = 0;
            try {
                if (blocking) begin();
                n = core.write(src);
                return n;
            } catch (SocketClosedException e) {
                throw ChannelCore.closed(e);
            } finally {
                if (blocking) end(n > 0);
            }
        } finally {
            core.writeLock.unlock();
        }
    }

    @Override
    public long write(ByteBuffer[] srcs, int offset, int length) throws IOException {
        Objects.checkFromIndexSize(offset, length, srcs.length);
        core.writeLock.lock();
        try {
            ensureConnected();
            if (outputShutdown) throw new ClosedChannelException();
            boolean blocking = isBlocking();
            long n = 0;
            try {
                if (blocking) begin();
                n = core.write(srcs, offset, length);
                return n;
            } catch (SocketClosedException e) {
                throw ChannelCore.closed(e);
            } finally {
                if (blocking) end(n > 0);
            }
        } finally {
            core.writeLock.unlock();
        }
    }

    @Override
    public SocketChannel shutdownInput() throws IOException {
        synchronized (stateLock) {
            ensureConnected();
            if (!inputShutdown) {
                try {
                    sock().shutdown(Shutdown.READ);
                } catch (SocketClosedException e) {
                    throw ChannelCore.closed(e);
                }
                inputShutdown = true;
            }
        }
        return this;
    }

    @Override
    public SocketChannel shutdownOutput() throws IOException {
        synchronized (stateLock) {
            ensureConnected();
            if (!outputShutdown) {
                try {
                    sock().shutdown(Shutdown.WRITE);
                } catch (SocketClosedException e) {
                    throw ChannelCore.closed(e);
                }
                outputShutdown = true;
            }
        }
        return this;
    }

    boolean isInputShutdown() {
        return inputShutdown;
    }

    boolean isOutputShutdown() {
        return outputShutdown;
    }

    /** {@return the {@link java.net.Socket} adaptor (see {@link SocketAdaptor} for what it supports)} */
    @Override
    public java.net.Socket socket() {
        synchronized (stateLock) {
            if (adaptor == null) adaptor = SocketAdaptor.create(this);
            return adaptor;
        }
    }

    // ---- selectable channel ----------------------------------------------------------------------

    @Override
    protected void implCloseSelectableChannel() {
        core.close();
    }

    @Override
    protected void implConfigureBlocking(boolean block) throws IOException {
        core.readLock.lock();
        core.writeLock.lock();
        try {
            sock().setBlocking(block);
        } catch (SocketClosedException e) {
            throw ChannelCore.closed(e);
        } finally {
            core.writeLock.unlock();
            core.readLock.unlock();
        }
    }

    @Override
    public int translateInterestOps(int ops) {
        return ReadyOps.interest(ops);
    }

    @Override
    public int translateReadyOps(int events, int interestOps) {
        int s = state;
        return ReadyOps.ready(events, interestOps, s == CONNECTED, s == PENDING);
    }

    @Override
    public String toString() {
        return "FfsockSocketChannel[" + core.socket + "]";
    }
}
