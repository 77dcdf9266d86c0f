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
import java.nio.channels.ClosedChannelException;
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
    private final SockAddrStorage from = new SockAddrStorage();
    private final Memberships memberships;
    private volatile boolean bound;
    private volatile SocketAddress remote;
    /** The last send's target and its ffsock form (write lock): a server answering one peer converts once. */
    private SocketAddress lastTarget;
    private SockAddr lastTo;

    /** A channel over {@code socket}, which it owns from now on (put in blocking mode). */
    public FfsockDatagramChannel(SelectorProvider provider, Socket socket) throws IOException {
        super(provider);
        this.core = new ChannelCore(socket);
        this.domain = socket.domain();
        this.memberships = new Memberships(this, socket);
        if (!socket.isBlocking()) socket.setBlocking(true);
        SocketAddress local = Addresses.toSocketAddress(socket.getsockname());
        bound = !(local instanceof java.net.InetSocketAddress isa && isa.getPort() == 0)
                && !(local instanceof java.net.UnixDomainSocketAddress u && u.getPath().toString().isEmpty());
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

    private void ensureOpen() throws ClosedChannelException {
        if (!isOpen()) throw new ClosedChannelException();
    }

    @Override
    public DatagramChannel bind(SocketAddress local) throws IOException {
        core.readLock.lock();
        core.writeLock.lock();
        try {
            synchronized (stateLock) {
                ensureOpen();
                if (bound) throw new AlreadyBoundException();
                SockAddr a = local == null ? Addresses.wildcard(domain) : Addresses.toSockAddr(local, domain);
                try {
                    core.socket.bind(a);
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
            return Addresses.toSocketAddress(core.socket.getsockname());
        } catch (SocketClosedException e) {
            throw ChannelCore.closed(e);
        }
    }

    @Override
    public SocketAddress getRemoteAddress() throws IOException {
        ensureOpen();
        return remote;
    }

    @Override
    public <T> DatagramChannel setOption(SocketOption<T> name, T value) throws IOException {
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
        return Options.supported(domain, Type.DGRAM, false);
    }

    /** Any-source membership: IP_ADD_MEMBERSHIP or IPV6_JOIN_GROUP (see {@link Memberships}). */
    @Override
    public MembershipKey join(InetAddress group, NetworkInterface interf) throws IOException {
        ensureOpen();
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
        core.readLock.lock();
        core.writeLock.lock();
        try {
            synchronized (stateLock) {
                ensureOpen();
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
            core.writeLock.unlock();
            core.readLock.unlock();
        }
        return this;
    }

    @Override
    public DatagramChannel disconnect() throws IOException {
        core.readLock.lock();
        core.writeLock.lock();
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
            core.writeLock.unlock();
            core.readLock.unlock();
        }
        return this;
    }

    // ---- data ------------------------------------------------------------------------------------

    @Override
    public SocketAddress receive(ByteBuffer dst) throws IOException {
        Objects.requireNonNull(dst, "dst");
        if (dst.isReadOnly()) throw new IllegalArgumentException("Read-only buffer");
        core.readLock.lock();
        try {
            ensureOpen();
            boolean blocking = isBlocking();
            int n = Socket.WOULD_BLOCK;
            try {
                if (blocking) begin();
                n = core.socket.recvfrom(dst, 0, from);
            } catch (SocketClosedException e) {
                throw ChannelCore.closed(e);
            } finally {
                if (blocking) end(n != Socket.WOULD_BLOCK);
            }
            if (n == Socket.WOULD_BLOCK) return null;
            if (!bound) bound = true;
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
            SockAddr to = target.equals(lastTarget) ? lastTo : Addresses.toSockAddr(target, domain);
            lastTarget = target;
            lastTo = to;
            ensureOpen();
            SocketAddress r = remote;
            if (r != null) {
                if (!r.equals(target) && !r.equals(Addresses.toSocketAddress(to))) {
                    throw new AlreadyConnectedException();
                }
            }
            boolean blocking = isBlocking();
            int n = Socket.WOULD_BLOCK;
            try {
                if (blocking) begin();
                n = r != null ? core.socket.send(src, 0) : core.socket.sendto(src, 0, to);
            } catch (SocketClosedException e) {
                throw ChannelCore.closed(e);
            } finally {
                if (blocking) end(n != Socket.WOULD_BLOCK);
            }
            if (!bound) bound = true;
            return n == Socket.WOULD_BLOCK ? 0 : n;
        } finally {
            core.writeLock.unlock();
        }
    }

    @Override
    public int read(ByteBuffer dst) throws IOException {
        Objects.requireNonNull(dst, "dst");
        if (dst.isReadOnly()) throw new IllegalArgumentException("Read-only buffer");
        core.readLock.lock();
        try {
            ensureConnected();
            boolean blocking = isBlocking();
            int n = Socket.WOULD_BLOCK;
            try {
                if (blocking) begin();
                n = core.socket.recv(dst, 0);
            } catch (SocketClosedException e) {
                throw ChannelCore.closed(e);
            } finally {
                if (blocking) end(n != Socket.WOULD_BLOCK);
            }
            return n == Socket.WOULD_BLOCK ? 0 : n;
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
            boolean blocking = isBlocking();
            long n = 0;
            boolean done = false;
            try {
                if (blocking) begin();
                n = core.read(dsts, offset, length);
                done = true;
            } catch (SocketClosedException e) {
                throw ChannelCore.closed(e);
            } finally {
                if (blocking) end(done);
            }
            return Math.max(n, 0); // an empty datagram is 0 bytes, not end of stream
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
            boolean blocking = isBlocking();
            int n = Socket.WOULD_BLOCK;
            try {
                if (blocking) begin();
                n = core.socket.send(src, 0);
            } catch (SocketClosedException e) {
                throw ChannelCore.closed(e);
            } finally {
                if (blocking) end(n != Socket.WOULD_BLOCK);
            }
            return n == Socket.WOULD_BLOCK ? 0 : n;
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
            boolean blocking = isBlocking();
            long n = 0;
            boolean done = false;
            try {
                if (blocking) begin();
                n = core.writeOnce(srcs, offset, length);
                done = true;
            } catch (SocketClosedException e) {
                throw ChannelCore.closed(e);
            } finally {
                if (blocking) end(done);
            }
            return n;
        } finally {
            core.writeLock.unlock();
        }
    }

    private void ensureConnected() throws ClosedChannelException {
        ensureOpen();
        if (remote == null) throw new NotYetConnectedException();
    }

    // ---- selectable channel ----------------------------------------------------------------------

    @Override
    protected void implCloseSelectableChannel() {
        memberships.closed();
        core.close();
    }

    @Override
    protected void implConfigureBlocking(boolean block) throws IOException {
        core.readLock.lock();
        core.writeLock.lock();
        try {
            core.socket.setBlocking(block);
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
        return ReadyOps.ready(events, interestOps, true, false);
    }

    @Override
    public String toString() {
        return "FfsockDatagramChannel[" + core.socket + "]";
    }
}
