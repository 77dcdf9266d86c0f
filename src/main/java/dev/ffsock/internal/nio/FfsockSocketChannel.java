package dev.ffsock.internal.nio;

import dev.ffsock.Domain;
import dev.ffsock.Poll;
import dev.ffsock.Shutdown;
import dev.ffsock.SockAddr;
import dev.ffsock.Socket;
import dev.ffsock.SocketClosedException;
import dev.ffsock.Type;

import java.io.IOException;
import java.net.SocketAddress;
import java.net.SocketOption;
import java.nio.ByteBuffer;
import java.nio.channels.AlreadyBoundException;
import java.nio.channels.AlreadyConnectedException;
import java.nio.channels.AsynchronousCloseException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ConnectionPendingException;
import java.nio.channels.NoConnectionPendingException;
import java.nio.channels.NotYetConnectedException;
import java.nio.channels.SocketChannel;
import java.nio.channels.spi.SelectorProvider;
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
        this.core = new ChannelCore(this, socket);
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
            bound = !Addresses.isUnbound(socket.getsockname());
        }
    }

    @Override
    public ChannelCore core() {
        return core;
    }

    private Socket sock() {
        return core.socket;
    }

    private void ensureConnected() throws ClosedChannelException {
        core.ensureOpen();
        if (state != CONNECTED) throw new NotYetConnectedException();
    }

    // ---- addresses and options -------------------------------------------------------------------

    @Override
    public SocketChannel bind(SocketAddress local) throws IOException {
        core.lockBoth();
        try {
            synchronized (stateLock) {
                core.ensureOpen();
                if (state == PENDING) throw new ConnectionPendingException();
                if (state == CONNECTED) throw new AlreadyConnectedException();
                if (bound) throw new AlreadyBoundException();
                core.bind(local, domain, 0);
                bound = true;
            }
        } finally {
            core.unlockBoth();
        }
        return this;
    }

    @Override
    public SocketAddress getLocalAddress() throws IOException {
        return core.localAddress(bound);
    }

    @Override
    public SocketAddress getRemoteAddress() throws IOException {
        core.ensureOpen();
        return state == CONNECTED ? remote : null;
    }

    @Override
    public <T> SocketChannel setOption(SocketOption<T> name, T value) throws IOException {
        core.setOption(supportedOptions(), name, value);
        return this;
    }

    @Override
    public <T> T getOption(SocketOption<T> name) throws IOException {
        return core.getOption(supportedOptions(), name);
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
        core.lockBoth();
        try {
            synchronized (stateLock) {
                core.ensureOpen();
                if (state == CONNECTED) throw new AlreadyConnectedException();
                if (state == PENDING) throw new ConnectionPendingException();
            }
            return connectCall(remote, to, timeout);
        } finally {
            core.unlockBoth();
        }
    }

    @Override
    public boolean finishConnect() throws IOException {
        core.lockBoth();
        try {
            synchronized (stateLock) {
                core.ensureOpen();
                if (state == CONNECTED) return true;
                if (state != PENDING) throw new NoConnectionPendingException();
            }
            return connectCall(null, null, null);
        } finally {
            core.unlockBoth();
        }
    }

    /**
     * The connect (to {@code to}, within {@code timeout} if not null) or, with {@code to} null, the
     * finishing of a pending one (in blocking mode after waiting for it in the I/O core), inside
     * begin/end, and the state it leaves. A failure of the connect itself closes the channel, as the
     * JDK's channels do; {@code remote} is the address as given to connect.
     */
    private boolean connectCall(SocketAddress remote, SockAddr to, java.time.Duration timeout) throws IOException {
        boolean blocking = isBlocking();
        boolean done = false;
        try {
            if (blocking) begin();
            boolean connected;
            if (to == null) {
                if (blocking) sock().poll(Poll.POLLOUT, -1); // waits in the I/O core
                connected = sock().finishConnect();
            } else if (timeout == null) {
                connected = sock().connect(to);
            } else {
                sock().connect(to, timeout);
                connected = true;
            }
            done = true;
            if (to == null) {
                if (connected) state = CONNECTED;
            } else {
                synchronized (stateLock) {
                    this.remote = remote instanceof java.net.InetSocketAddress ? remote : Addresses.toSocketAddress(to);
                    state = connected ? CONNECTED : PENDING;
                    bound = true;
                }
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
    }

    // ---- data ------------------------------------------------------------------------------------

    @Override
    public int read(ByteBuffer dst) throws IOException {
        return core.transfer(DataCalls.READ, dst);
    }

    @Override
    public long read(ByteBuffer[] dsts, int offset, int length) throws IOException {
        return core.transfer(DataCalls.SCATTER, dsts, offset, length);
    }

    @Override
    public int write(ByteBuffer src) throws IOException {
        return core.transfer(DataCalls.WRITE, src);
    }

    @Override
    public long write(ByteBuffer[] srcs, int offset, int length) throws IOException {
        return core.transfer(DataCalls.GATHER, srcs, offset, length);
    }

    /** Connected, and for a write the output not shut down; false for a read once the input is. */
    @Override
    public boolean admit(int kind) throws IOException {
        ensureConnected();
        if (kind == DataCalls.READ || kind == DataCalls.SCATTER) return !inputShutdown;
        if (outputShutdown) throw new ClosedChannelException();
        return true;
    }

    @Override
    public SocketChannel shutdownInput() throws IOException {
        shutdown(Shutdown.READ);
        return this;
    }

    @Override
    public SocketChannel shutdownOutput() throws IOException {
        shutdown(Shutdown.WRITE);
        return this;
    }

    /** shutdown(2) in direction {@code how} (READ or WRITE), once. */
    private void shutdown(Shutdown how) throws IOException {
        boolean input = how == Shutdown.READ;
        synchronized (stateLock) {
            ensureConnected();
            if (input ? inputShutdown : outputShutdown) return;
            try {
                sock().shutdown(how);
            } catch (SocketClosedException e) {
                throw ChannelCore.closed(e);
            }
            if (input) inputShutdown = true;
            else outputShutdown = true;
        }
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
    public int translateReadyOps(int events, int interestOps) {
        int s = state;
        return ReadyOps.ready(events, interestOps, s == CONNECTED, s == PENDING);
    }

    @Override
    public String toString() {
        return "FfsockSocketChannel[" + core.socket + "]";
    }
}
