package dev.ffsock.internal.nio;

import dev.ffsock.Domain;
import dev.ffsock.SockAddr;
import dev.ffsock.SockAddrStorage;
import dev.ffsock.Socket;
import dev.ffsock.SocketClosedException;
import dev.ffsock.Type;

import java.io.IOException;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketAddress;
import java.net.SocketOption;
import java.nio.ByteBuffer;
import java.nio.channels.AlreadyBoundException;
import java.nio.channels.AlreadyConnectedException;
import java.nio.channels.AsynchronousCloseException;
import java.nio.channels.DatagramChannel;
import java.nio.channels.MembershipKey;
import java.nio.channels.NotYetConnectedException;
import java.nio.channels.spi.SelectorProvider;
import java.util.Objects;
import java.util.Set;

/**
 * A {@link DatagramChannel} over an ffsock datagram {@link Socket} (UDP, AF_UNIX datagrams). Each
 * receive is one recvfrom(2) (a datagram longer than the buffer is cut, as the JDK's are); each send
 * one sendto(2), all or nothing. Blocking calls wait in ffsock's I/O core inside
 * {@code begin}/{@code end}. Multicast: any-source {@code join} (see {@link Memberships});
 * source-specific joins, {@code block} and the {@link java.net.DatagramSocket} adaptor throw
 * {@link UnsupportedOperationException}.
 */
public final class FfsockDatagramChannel extends DatagramChannel implements FfsockChannel {
    private final ChannelCore core;
    private final Domain domain;
    private final Object stateLock = new Object();
    private final Memberships memberships;
    private volatile boolean bound;
    private volatile SocketAddress remote;

    /** A channel over {@code socket}, which it owns from now on (put in blocking mode). */
    public FfsockDatagramChannel(SelectorProvider provider, Socket socket) throws IOException {
        super(provider);
        this.core = new ChannelCore(this, socket);
        this.domain = socket.domain();
        this.memberships = new Memberships(this, socket);
        if (!socket.isBlocking()) socket.setBlocking(true);
        bound = !Addresses.isUnbound(socket.getsockname());
        try {
            remote = Addresses.toSocketAddress(socket.getpeername());
        } catch (dev.ffsock.ErrnoException e) {
            remote = null; // ENOTCONN
        }
    }

    @Override
    public ChannelCore core() {
        return core;
    }

    @Override
    public DatagramChannel bind(SocketAddress local) throws IOException {
        core.lockBoth();
        try {
            synchronized (stateLock) {
                core.ensureOpen();
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
        return remote;
    }

    @Override
    public <T> DatagramChannel setOption(SocketOption<T> name, T value) throws IOException {
        core.setOption(supportedOptions(), name, value);
        return this;
    }

    @Override
    public <T> T getOption(SocketOption<T> name) throws IOException {
        return core.getOption(supportedOptions(), name);
    }

    @Override
    public Set<SocketOption<?>> supportedOptions() {
        return Options.supported(domain, Type.DGRAM, false);
    }

    /** Any-source membership: IP_ADD_MEMBERSHIP or IPV6_JOIN_GROUP (see {@link Memberships}). */
    @Override
    public MembershipKey join(InetAddress group, NetworkInterface interf) throws IOException {
        core.ensureOpen();
        if (domain.equals(Domain.AF_UNIX)) throw new UnsupportedOperationException("no multicast on AF_UNIX");
        try {
            return memberships.join(group, interf);
        } catch (SocketClosedException e) {
            throw ChannelCore.closed(e);
        }
    }

    /** Not supported (no source filtering): throws {@link UnsupportedOperationException}. */
    @Override
    public MembershipKey join(InetAddress group, NetworkInterface interf, InetAddress source) {
        throw new UnsupportedOperationException("source-specific multicast is not supported by ffsock channels");
    }

    /** Not supported: throws {@link UnsupportedOperationException}. */
    @Override
    public java.net.DatagramSocket socket() {
        throw new UnsupportedOperationException("no DatagramSocket adaptor for ffsock channels");
    }

    // ---- association -----------------------------------------------------------------------------

    @Override
    public boolean isConnected() {
        return remote != null;
    }

    @Override
    public DatagramChannel connect(SocketAddress remote) throws IOException {
        SockAddr to = Addresses.toSockAddr(remote, domain);
        core.lockBoth();
        try {
            synchronized (stateLock) {
                core.ensureOpen();
                if (this.remote != null) throw new AlreadyConnectedException();
                try {
                    core.socket.connect(to);
                } catch (SocketClosedException e) {
                    throw ChannelCore.closed(e);
                } catch (IOException e) {
                    throw Addresses.connectFailure(e);
                }
                this.remote = Addresses.toSocketAddress(to);
                bound = true;
            }
        } finally {
            core.unlockBoth();
        }
        return this;
    }

    @Override
    public DatagramChannel disconnect() throws IOException {
        core.lockBoth();
        try {
            synchronized (stateLock) {
                if (!isOpen() || remote == null) return this;
                try {
                    core.socket.disconnect();
                } catch (SocketClosedException e) {
                    throw ChannelCore.closed(e);
                }
                remote = null;
            }
        } finally {
            core.unlockBoth();
        }
        return this;
    }

    // ---- data ------------------------------------------------------------------------------------

    @Override
    public SocketAddress receive(ByteBuffer dst) throws IOException {
        ChannelCore.writable(dst);
        core.readLock.lock();
        try {
            core.ensureOpen();
            if (core.bracket(DataCalls.RECEIVE, dst, null, 0, 0) == Socket.WOULD_BLOCK) return null;
            if (!bound) bound = true;
            SockAddrStorage from = core.calls.from();
            return from.length() == 0 ? remote : Addresses.toSocketAddress(from.get());
        } finally {
            core.readLock.unlock();
        }
    }

    @Override
    public int send(ByteBuffer src, SocketAddress target) throws IOException {
        Objects.requireNonNull(src, "src");
        Objects.requireNonNull(target, "target");
        core.writeLock.lock();
        try {
            SockAddr to = core.calls.sendTarget(target, domain);
            core.ensureOpen();
            SocketAddress r = remote;
            if (r != null) {
                if (!r.equals(target) && !r.equals(Addresses.toSocketAddress(to))) {
                    throw new AlreadyConnectedException();
                }
            }
            int kind = r != null ? DataCalls.DATAGRAM_WRITE : DataCalls.SEND_TO;
            int n = (int) core.bracket(kind, src, null, 0, 0);
            if (!bound) bound = true;
            return n;
        } finally {
            core.writeLock.unlock();
        }
    }

    @Override
    public int read(ByteBuffer dst) throws IOException {
        return core.transfer(DataCalls.DATAGRAM_READ, dst);
    }

    @Override
    public long read(ByteBuffer[] dsts, int offset, int length) throws IOException {
        return core.transfer(DataCalls.DATAGRAM_SCATTER, dsts, offset, length);
    }

    @Override
    public int write(ByteBuffer src) throws IOException {
        return core.transfer(DataCalls.DATAGRAM_WRITE, src);
    }

    @Override
    public long write(ByteBuffer[] srcs, int offset, int length) throws IOException {
        return core.transfer(DataCalls.DATAGRAM_GATHER, srcs, offset, length);
    }

    /** The data calls without an address need a connected channel. */
    @Override
    public boolean admit(int kind) throws IOException {
        core.ensureOpen();
        if (remote == null) throw new NotYetConnectedException();
        return true;
    }

    // ---- selectable channel ----------------------------------------------------------------------

    @Override
    protected void implCloseSelectableChannel() {
        memberships.closed();
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
        return "FfsockDatagramChannel[" + core.socket + "]";
    }
}
