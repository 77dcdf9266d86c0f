package dev.ffsock;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.AsynchronousCloseException;
import java.nio.channels.ByteChannel;
import java.nio.channels.ClosedChannelException;

/**
 * The {@link ByteChannel} view of a {@link Socket} ({@link Socket#channel()}). Reads and writes are
 * recv/send with the socket's mode: in blocking mode a write sends every remaining byte; in
 * non-blocking mode a read or write that would block returns 0. End of stream reads as -1.
 * {@link #isOpen()} and {@link #close()} are the socket's. Exceptions follow the channel contract:
 * {@link ClosedChannelException} on a closed socket, {@link AsynchronousCloseException} when it was
 * closed during the call, {@link java.nio.channels.ClosedByInterruptException} on interrupt (see
 * {@link Socket}), {@link java.net.SocketTimeoutException} when SO_RCVTIMEO/SO_SNDTIMEO expire.
 */
final class SocketByteChannel implements ByteChannel {
    private final Socket socket;

    SocketByteChannel(Socket socket) {
        this.socket = socket;
    }

    @Override
    public int read(ByteBuffer dst) throws IOException {
        if (!dst.hasRemaining()) {
            if (!isOpen()) throw new ClosedChannelException();
            return 0;
        }
        if (!isOpen()) throw new ClosedChannelException();
        int n;
        try {
            n = socket.recv(dst, 0);
        } catch (SocketClosedException e) {
            throw translate(e);
        }
        if (n == Socket.WOULD_BLOCK) return 0;
        return n == 0 ? -1 : n;
    }

    @Override
    public int write(ByteBuffer src) throws IOException {
        if (!isOpen()) throw new ClosedChannelException();
        int done = 0;
        try {
            while (src.hasRemaining()) {
                int n = socket.send(src, 0);
                if (n == Socket.WOULD_BLOCK) break;
                done += n;
                if (!socket.isBlocking()) break;
            }
        } catch (SocketClosedException e) {
            throw translate(e);
        }
        return done;
    }

    private static IOException translate(SocketClosedException e) {
        IOException c = e.getMessage() != null && e.getMessage().contains("while blocked")
                ? new AsynchronousCloseException() : new ClosedChannelException();
        c.initCause(e);
        return c;
    }

    @Override
    public boolean isOpen() {
        return !socket.isClosed();
    }

    @Override
    public void close() {
        socket.close();
    }

    @Override
    public String toString() {
        return "ByteChannel of " + socket;
    }
}
