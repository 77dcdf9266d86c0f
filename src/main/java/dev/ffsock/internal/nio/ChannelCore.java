package dev.ffsock.internal.nio;

import dev.ffsock.Domain;
import dev.ffsock.SockAddr;
import dev.ffsock.Socket;
import dev.ffsock.SocketClosedException;

import java.io.IOException;
import java.net.SocketAddress;
import java.net.SocketOption;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The part every channel of the provider shares: its {@link Socket}, the read and write locks that
 * let one read and one write run at a time, the keys that register it, the data calls
 * ({@link DataCalls}) and the calls around them (mode, bind, options, close). The data calls use
 * the socket's mode: in blocking mode they wait in ffsock's one I/O core (so virtual threads do not
 * pin and close wakes them) inside the owner's {@link FfsockChannel#enter}/{@link FfsockChannel#leave}
 * ({@code begin}/{@code end}) for interrupts. {@link #bracket} is that bracket, the one place for it;
 * the call it runs is an {@code int} kind, so a call allocates nothing.
 */
public final class ChannelCore {
    final Socket socket;
    final ReentrantLock readLock = new ReentrantLock();
    final ReentrantLock writeLock = new ReentrantLock();
    /** The keys registering this channel (for the deregistration at close, before the descriptor goes). */
    final CopyOnWriteArrayList<EpollSelectionKey> keys = new CopyOnWriteArrayList<>();
    private final FfsockChannel owner;
    /** The data calls, with what they reuse (each under its kind's lock). */
    final DataCalls calls;

    ChannelCore(FfsockChannel owner, Socket socket) {
        this.owner = owner;
        this.socket = socket;
        this.calls = new DataCalls(socket);
    }

    // ---- data calls: lock, check, bracket ----------------------------------------------------------

    /** {@return the data call {@code kind} ({@link DataCalls#READ} etc.) into or from {@code buf}, under its lock, after the owner's admit} */
    int transfer(int kind, ByteBuffer buf) throws IOException {
        if (!DataCalls.writes(kind)) writable(buf);
        else Objects.requireNonNull(buf, "src");
        return (int) transfer(kind, buf, null, 0, 0);
    }

    /** {@return the data call {@code kind} into or from buffers, under its lock, after the owner's admit} */
    long transfer(int kind, ByteBuffer[] bufs, int offset, int length) throws IOException {
        Objects.checkFromIndexSize(offset, length, bufs.length);
        return transfer(kind, null, bufs, offset, length);
    }

    private long transfer(int kind, ByteBuffer buf, ByteBuffer[] bufs, int offset, int length) throws IOException {
        ReentrantLock lock = DataCalls.writes(kind) ? writeLock : readLock;
        lock.lock();
        try {
            if (!owner.admit(kind)) return -1;
            return bracket(kind, buf, bufs, offset, length);
        } finally {
            lock.unlock();
        }
    }

    /**
     * {@return the data call {@code kind}, run inside the owner's enter/leave when blocking} The caller
     * holds the call's lock. A closed socket is a {@link ClosedChannelException}; leave is told the call
     * completed as the JDK's channels tell end (stream: bytes moved; datagram: the call returned
     * something other than would-block).
     */
    long bracket(int kind, ByteBuffer buf, ByteBuffer[] bufs, int offset, int length) throws IOException {
        boolean blocking = owner.isBlocking();
        long n = 0;
        boolean returned = false;
        try {
            if (blocking) owner.enter();
            n = calls.call(kind, buf, bufs, offset, length);
            returned = true;
            return DataCalls.result(kind, n);
        } catch (SocketClosedException e) {
            throw closed(e);
        } finally {
            if (blocking) owner.leave(returned && DataCalls.completed(kind, n));
        }
    }

    /** {@return {@code dst}, checked for a read into it} */
    static ByteBuffer writable(ByteBuffer dst) {
        Objects.requireNonNull(dst, "dst");
        if (dst.isReadOnly()) throw new IllegalArgumentException("Read-only buffer");
        return dst;
    }

    // ---- the rest of a channel's calls ----------------------------------------------------------------

    /** Throws {@link ClosedChannelException} if the owner is closed. */
    void ensureOpen() throws ClosedChannelException {
        if (!owner.isOpen()) throw new ClosedChannelException();
    }

    /** Takes both locks (read, then write): for the calls that change what reads and writes see. */
    void lockBoth() {
        readLock.lock();
        writeLock.lock();
    }

    /** Releases what {@link #lockBoth} took. */
    void unlockBoth() {
        writeLock.unlock();
        readLock.unlock();
    }

    /** The owner's {@code implConfigureBlocking}: the socket's mode, set while no call runs. */
    void configureBlocking(boolean block) throws IOException {
        lockBoth();
        try {
            socket.setBlocking(block);
        } catch (SocketClosedException e) {
            throw closed(e);
        } finally {
            unlockBoth();
        }
    }

    /**
     * Binds the socket to {@code local} (null: the family's wildcard), then listens with
     * {@code backlog} if it is positive; a failure as the JDK's channels report it.
     */
    void bind(SocketAddress local, Domain domain, int backlog) throws IOException {
        SockAddr a = local == null ? Addresses.wildcard(domain) : Addresses.toSockAddr(local, domain);
        try {
            socket.bind(a);
            if (backlog > 0) socket.listen(backlog);
        } catch (SocketClosedException e) {
            throw closed(e);
        } catch (IOException e) {
            throw Addresses.bindFailure(e);
        }
    }

    /** {@return the socket's address, null if not {@code bound}} Throws if the owner is closed. */
    SocketAddress localAddress(boolean bound) throws IOException {
        ensureOpen();
        if (!bound) return null;
        try {
            return Addresses.toSocketAddress(socket.getsockname());
        } catch (SocketClosedException e) {
            throw closed(e);
        }
    }

    /** Sets an option of {@code supported} on the socket (see {@link Options#set}); throws if the owner is closed. */
    <T> void setOption(Set<SocketOption<?>> supported, SocketOption<T> name, T value) throws IOException {
        ensureOpen();
        try {
            Options.set(socket, supported, name, value);
        } catch (SocketClosedException e) {
            throw closed(e);
        }
    }

    /** {@return an option of {@code supported} (see {@link Options#get})} Throws if the owner is closed. */
    <T> T getOption(Set<SocketOption<?>> supported, SocketOption<T> name) throws IOException {
        ensureOpen();
        try {
            return Options.get(socket, supported, name);
        } catch (SocketClosedException e) {
            throw closed(e);
        }
    }

    /**
     * Closes the socket: first removes it from the epoll set of every selector it is registered with
     * (while the descriptor still names it), then closes it, which wakes every blocked call.
     */
    void close() {
        for (EpollSelectionKey k : keys) k.selector.channelClosing(k);
        socket.close();
    }

    /** {@return a closed-socket failure as the channel exception for it} */
    static ClosedChannelException closed(SocketClosedException e) {
        ClosedChannelException c = new ClosedChannelException();
        c.initCause(e);
        return c;
    }
}
