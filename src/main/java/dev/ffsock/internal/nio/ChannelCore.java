package dev.ffsock.internal.nio;

import dev.ffsock.Message;
import dev.ffsock.Socket;
import dev.ffsock.SocketClosedException;

import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The part every channel of the provider shares: its {@link Socket}, the read and write locks that
 * let one read and one write run at a time, the keys that register it, and the data calls
 * (recv/send, recvmsg/sendmsg for scattering and gathering). The calls use the socket's mode: in
 * blocking mode they wait in ffsock's one I/O core (so virtual threads do not pin and close wakes
 * them); the channels put {@code begin}/{@code end} around them for interrupts.
 */
public final class ChannelCore {
    /** The most buffers one scattering or gathering call passes to the kernel (the rest wait for the next call). */
    static final int MAX_IOV = 64;

    final Socket socket;
    final ReentrantLock readLock = new ReentrantLock();
    final ReentrantLock writeLock = new ReentrantLock();
    /** The keys registering this channel (for the deregistration at close, before the descriptor goes). */
    final CopyOnWriteArrayList<EpollSelectionKey> keys = new CopyOnWriteArrayList<>();
    private Message readMessage;
    private Message writeMessage;

    ChannelCore(Socket socket) {
        this.socket = socket;
    }

    /** {@return bytes read by one recv(2): 0 when it would block, -1 at end of stream} */
    int read(ByteBuffer dst) throws IOException {
        if (!dst.hasRemaining()) return 0;
        int n = socket.recv(dst, 0);
        if (n == Socket.WOULD_BLOCK) return 0;
        return n == 0 ? -1 : n;
    }

    /**
     * {@return bytes written: by one send(2) in non-blocking mode (0 when it would block); every
     * remaining byte in blocking mode}
     */
    int write(ByteBuffer src) throws IOException {
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
    long read(ByteBuffer[] dsts, int offset, int length) throws IOException {
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
     * {@return bytes written by sendmsg(2) from the buffers: one call in non-blocking mode (0 when it
     * would block); every remaining byte in blocking mode}
     */
    long write(ByteBuffer[] srcs, int offset, int length) throws IOException {
        return write(srcs, offset, length, socket.isBlocking());
    }

    /** {@return bytes written by one sendmsg(2) from the buffers (one datagram), 0 when it would block} */
    long writeOnce(ByteBuffer[] srcs, int offset, int length) throws IOException {
        return write(srcs, offset, length, false);
    }

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
