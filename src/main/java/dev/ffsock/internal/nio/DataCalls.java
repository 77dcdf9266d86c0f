package dev.ffsock.internal.nio;

import dev.ffsock.Domain;
import dev.ffsock.Message;
import dev.ffsock.SockAddr;
import dev.ffsock.SockAddrStorage;
import dev.ffsock.Socket;

import java.io.IOException;
import java.lang.ref.Reference;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.util.Objects;

/**
 * A channel's data calls on its socket, each named by an {@code int} kind so that
 * {@link ChannelCore#bracket} runs any of them without allocating: the system call, whether it
 * completed (for {@code end}) and what it gives the channel. Holds what the calls reuse: the
 * scatter/gather messages, the recvfrom source, the sendto target, the accepted socket.
 */
final class DataCalls {
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

    private final Socket socket;
    private Message readMessage;
    private Message writeMessage;
    private final BufferSegments readSegments = new BufferSegments(MAX_IOV);
    private final BufferSegments writeSegments = new BufferSegments(MAX_IOV);
    /** The last recvfrom's source (read lock). */
    private SockAddrStorage from;
    /** The last send's target and its ffsock form (write lock): a server answering one peer converts once. */
    private SocketAddress lastTarget;
    private SockAddr lastTo;
    /** The socket the last accept took (read lock). */
    private Socket accepted;

    DataCalls(Socket socket) {
        this.socket = socket;
    }

    /** {@return whether {@code kind} writes (and takes the write lock)} */
    static boolean writes(int kind) {
        return (kind & 2) != 0;
    }

    /** {@return the raw result of the system call {@code kind}} */
    long call(int kind, ByteBuffer buf, ByteBuffer[] bufs, int offset, int length) throws IOException {
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
    static boolean completed(int kind, long n) {
        return switch (kind) {
            case READ, SCATTER, ACCEPT -> n != 0;
            case WRITE, GATHER -> n > 0;
            case DATAGRAM_SCATTER, DATAGRAM_GATHER -> true;
            default -> n != Socket.WOULD_BLOCK;
        };
    }

    /** {@return what a call of {@code kind} that returned {@code n} gives its caller} */
    static long result(int kind, long n) {
        return switch (kind) {
            case DATAGRAM_READ, DATAGRAM_WRITE, SEND_TO -> n == Socket.WOULD_BLOCK ? 0 : n;
            case DATAGRAM_SCATTER -> Math.max(n, 0); // an empty datagram is 0 bytes, not end of stream
            default -> n;
        };
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
            if (fill(m, readSegments, dsts, offset, length, true) == 0) return 0;
            long n = socket.recvmsg(m, 0);
            Reference.reachabilityFence(dsts);
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
            while (fill(m, writeSegments, srcs, offset, length, false) > 0) {
                long n = socket.sendmsg(m, 0);
                Reference.reachabilityFence(srcs);
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
    private static long fill(Message m, BufferSegments segments, ByteBuffer[] bufs, int offset, int length,
                             boolean writable) {
        m.clearBuffers();
        long total = 0;
        for (int i = offset; i < offset + length && m.bufferCount() < MAX_IOV; i++) {
            ByteBuffer b = Objects.requireNonNull(bufs[i], "buffer");
            if (writable && b.isReadOnly()) throw new IllegalArgumentException("Read-only buffer");
            if (!b.hasRemaining()) continue;
            segments.add(m, b);
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

}
