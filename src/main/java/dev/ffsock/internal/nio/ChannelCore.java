package dev.ffsock.internal.nio;

import dev.ffsock.Domain;
import dev.ffsock.Message;
import dev.ffsock.SockAddr;
import dev.ffsock.SockAddrStorage;
import dev.ffsock.Socket;
import dev.ffsock.SocketClosedException;

import java.io.IOException;
import java.lang.foreign.MemorySegment;
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
 * let one read and one write run at a time, the keys that register it, and the data calls
 * (recv/send, recvmsg/sendmsg for scattering and gathering, recvfrom/sendto, accept). The calls use
 * the socket's mode: in blocking mode they wait in ffsock's one I/O core (so virtual threads do not
 * pin and close wakes them) inside the owner's {@link FfsockChannel#enter}/{@link FfsockChannel#leave}
 * ({@code begin}/{@code end}) for interrupts. {@link #bracket} is that bracket, the one place for it;
 * the call it runs is an {@code int} kind, so a call allocates nothing.
 */
public final class ChannelCore {
    /** The most buffers one scattering or gathering call passes to the kernel (the rest wait for the next call). */
    static final int MAX_IOV = 64;

    // Kinds of data call; bit 1 (value 2) marks the ones that write (they take the write lock).
    /** Stream recv(2): 0 when it would block, -1 at end of stream. */
    static final int READ = 0;
    /** Stream recvmsg(2) into buffers: 0 when it would block, -1 at end of stream. */
    static final int SCATTER = 1;
    /** Stream send(2): one call in non-blocking mode, every byte in blocking mode. */
    static final int WRITE = 2;
    /** Stream sendmsg(2) from buffers: one call in non-blocking mode, every byte in blocking mode. */
    static final int GATHER = 3;
    /** One datagram by recv(2): its length (0 for an empty one), 0 when it would block. */
    static final int DATAGRAM_READ = 4;
    /** One datagram by recvmsg(2) into buffers: its length, 0 when it would block. */
    static final int DATAGRAM_SCATTER = 5;
    /** One datagram by send(2): its length, 0 when it would block. */
    static final int DATAGRAM_WRITE = 6;
    /** One datagram by sendmsg(2) from buffers: its length, 0 when it would block. */
    static final int DATAGRAM_GATHER = 7;
    /** recvfrom(2) into {@link #from()}: the length, {@link Socket#WOULD_BLOCK} when it would block. */
    static final int RECEIVE = 8;
    /** sendto(2) to the target set by {@link #sendTarget}: the length, 0 when it would block. */
    static final int SEND_TO = 10;
    /** accept4(2): 1 with the socket in {@link #takeAccepted()}, 0 when it would block. */
    static final int ACCEPT = 12;

    final Socket socket;
    final ReentrantLock readLock = new ReentrantLock();
    final ReentrantLock writeLock = new ReentrantLock();
    /** The keys registering this channel (for the deregistration at close, before the descriptor goes). */
    final CopyOnWriteArrayList<EpollSelectionKey> keys = new CopyOnWriteArrayList<>();
    private final FfsockChannel owner;
    private Message readMessage;
    private Message writeMessage;
    /** The last recvfrom's source (read lock). */
    private SockAddrStorage from;
    /** The last send's target and its ffsock form (write lock): a server answering one peer converts once. */
    private SocketAddress lastTarget;
    private SockAddr lastTo;
    /** The socket the last accept took (read lock). */
    private Socket accepted;

    ChannelCore(FfsockChannel owner, Socket socket) {
        this.owner = owner;
        this.socket = socket;
    }

    // ---- data calls: lock, check, bracket ----------------------------------------------------------

    /** {@return the data call {@code kind} into or from {@code buf}, under its lock, after the owner's admit} */
    int transfer(int kind, ByteBuffer buf) throws IOException {
        if ((kind & 2) == 0) writable(buf);
        else Objects.requireNonNull(buf, "src");
        return (int) transfer(kind, buf, null, 0, 0);
    }

    /** {@return the data call {@code kind} into or from buffers, under its lock, after the owner's admit} */
    long transfer(int kind, ByteBuffer[] bufs, int offset, int length) throws IOException {
        Objects.checkFromIndexSize(offset, length, bufs.length);
        return transfer(kind, null, bufs, offset, length);
    }

    private long transfer(int kind, ByteBuffer buf, ByteBuffer[] bufs, int offset, int length) throws IOException {
        ReentrantLock lock = (kind & 2) == 0 ? readLock : writeLock;
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
            n = call(kind, buf, bufs, offset, length);
            returned = true;
            return result(kind, n);
        } catch (SocketClosedException e) {
            throw closed(e);
        } finally {
            if (blocking) owner.leave(returned && completed(kind, n));
        }
    }

    private long call(int kind, ByteBuffer buf, ByteBuffer[] bufs, int offset, int length) throws IOException {
        return switch (kind) {
            case READ -> read(buf);
            case SCATTER, DATAGRAM_SCATTER -> read(bufs, offset, length);
            case WRITE -> write(buf);
            case GATHER -> write(bufs, offset, length, socket.isBlocking());
            case DATAGRAM_READ -> socket.recv(buf, 0);
            case DATAGRAM_WRITE -> socket.send(buf, 0);
            case DATAGRAM_GATHER -> write(bufs, offset, length, false);
            case RECEIVE -> socket.recvfrom(buf, 0, from());
            case SEND_TO -> socket.sendto(buf, 0, lastTo);
            case ACCEPT -> (accepted = socket.accept()) == null ? 0 : 1;
            default -> throw new IllegalArgumentException("kind " + kind);
        };
    }

    /** {@return whether a call of {@code kind} that returned {@code n} completed, for end()} */
    private static boolean completed(int kind, long n) {
        return switch (kind) {
            case READ, SCATTER, ACCEPT -> n != 0;
            case WRITE, GATHER -> n > 0;
            case DATAGRAM_SCATTER, DATAGRAM_GATHER -> true;
            default -> n != Socket.WOULD_BLOCK;
        };
    }

    /** {@return what a call of {@code kind} that returned {@code n} gives its caller} */
    private static long result(int kind, long n) {
        return switch (kind) {
            case DATAGRAM_READ, DATAGRAM_WRITE, SEND_TO -> n == Socket.WOULD_BLOCK ? 0 : n;
            case DATAGRAM_SCATTER -> Math.max(n, 0); // an empty datagram is 0 bytes, not end of stream
            default -> n;
        };
    }

    /** {@return {@code dst}, checked for a read into it} */
    static ByteBuffer writable(ByteBuffer dst) {
        Objects.requireNonNull(dst, "dst");
        if (dst.isReadOnly()) throw new IllegalArgumentException("Read-only buffer");
        return dst;
    }

    /** {@return the source address storage of {@link #RECEIVE} (read lock)} */
    SockAddrStorage from() {
        if (from == null) from = new SockAddrStorage();
        return from;
    }

    /** Sets the target of the next {@link #SEND_TO} (write lock); returns its ffsock form. */
    SockAddr sendTarget(SocketAddress target, Domain domain) {
        SockAddr to = target.equals(lastTarget) ? lastTo : Addresses.toSockAddr(target, domain);
        lastTarget = target;
        lastTo = to;
        return to;
    }

    /** {@return the socket the last {@link #ACCEPT} took, once (read lock)} */
    Socket takeAccepted() {
        Socket s = accepted;
        accepted = null;
        return s;
    }

    // ---- the system calls ---------------------------------------------------------------------------

    /** {@return bytes read by one recv(2): 0 when it would block, -1 at end of stream} */
    private int read(ByteBuffer dst) throws IOException {
        if (!dst.hasRemaining()) return 0;
        int n = socket.recv(dst, 0);
        if (n == Socket.WOULD_BLOCK) return 0;
        return n == 0 ? -1 : n;
    }

    /**
     * {@return bytes written: by one send(2) in non-blocking mode (0 when it would block); every
     * remaining byte in blocking mode}
     */
    private int write(ByteBuffer src) throws IOException {
        int done = 0;
        while (src.hasRemaining()) {
            int n = socket.send(src, 0);
            if (n == Socket.WOULD_BLOCK) break;
            done += n;
            if (!socket.isBlocking()) break;
        }
        return done;
    }

    /** {@return bytes read by one recvmsg(2) into the buffers: 0 when it would block, -1 at end of stream} */
    private long read(ByteBuffer[] dsts, int offset, int length) throws IOException {
        Objects.checkFromIndexSize(offset, length, dsts.length);
        if (readMessage == null) readMessage = new Message(MAX_IOV, 0);
        Message m = readMessage;
        try {
            if (fill(m, dsts, offset, length, true) == 0) return 0;
            long n = socket.recvmsg(m, 0);
            if (n == Socket.WOULD_BLOCK) return 0;
            if (n == 0) return -1;
            advance(dsts, offset, length, n);
            return n;
        } finally {
            m.clearBuffers();
        }
    }

    /**
     * {@return bytes written by sendmsg(2) from the buffers: one call unless {@code all} (0 when it
     * would block), every remaining byte if {@code all}}
     */
    private long write(ByteBuffer[] srcs, int offset, int length, boolean all) throws IOException {
        Objects.checkFromIndexSize(offset, length, srcs.length);
        if (writeMessage == null) writeMessage = new Message(MAX_IOV, 0);
        Message m = writeMessage;
        long done = 0;
        try {
            while (fill(m, srcs, offset, length, false) > 0) {
                long n = socket.sendmsg(m, 0);
                if (n == Socket.WOULD_BLOCK) break;
                advance(srcs, offset, length, n);
                done += n;
                if (!all) break;
            }
            return done;
        } finally {
            m.clearBuffers();
        }
    }

    /** Sets the message's buffers to the remaining parts of up to {@link #MAX_IOV} buffers; returns their total. */
    private static long fill(Message m, ByteBuffer[] bufs, int offset, int length, boolean writable) {
        m.clearBuffers();
        long total = 0;
        for (int i = offset; i < offset + length && m.bufferCount() < MAX_IOV; i++) {
            ByteBuffer b = Objects.requireNonNull(bufs[i], "buffer");
            if (writable && b.isReadOnly()) throw new IllegalArgumentException("Read-only buffer");
            if (!b.hasRemaining()) continue;
            m.addBuffer(MemorySegment.ofBuffer(b));
            total += b.remaining();
        }
        return total;
    }

    /** Moves the buffers' positions past {@code n} bytes, in order. */
    private static void advance(ByteBuffer[] bufs, int offset, int length, long n) {
        for (int i = offset; i < offset + length && n > 0; i++) {
            ByteBuffer b = bufs[i];
            int step = (int) Math.min(b.remaining(), n);
            b.position(b.position() + step);
            n -= step;
        }
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
