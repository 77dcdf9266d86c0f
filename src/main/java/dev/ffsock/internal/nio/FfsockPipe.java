package dev.ffsock.internal.nio;

import dev.ffsock.Domain;
import dev.ffsock.Shutdown;
import dev.ffsock.Socket;
import dev.ffsock.SocketClosedException;
import dev.ffsock.Type;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.Pipe;
import java.nio.channels.spi.SelectorProvider;
import java.util.Objects;

/**
 * A {@link Pipe} made of an AF_UNIX stream socket pair (socketpair(2)): the source reads from one
 * end, the sink writes to the other. Each end is shut down in the direction it does not use, so the
 * pair behaves as a one-way pipe (the source sees end of stream once the sink is closed).
 */
public final class FfsockPipe extends Pipe {
    private final Source source;
    private final Sink sink;

    /** Opens the socket pair. */
    public FfsockPipe(SelectorProvider provider) throws IOException {
        Socket[] pair = Socket.socketpair(Domain.AF_UNIX, Type.STREAM);
        try {
            pair[0].shutdown(Shutdown.WRITE);
            pair[1].shutdown(Shutdown.READ);
            source = new Source(provider, pair[0]);
            sink = new Sink(provider, pair[1]);
        } catch (IOException | RuntimeException e) {
            pair[0].close();
            pair[1].close();
            throw e;
        }
    }

    @Override
    public SourceChannel source() {
        return source;
    }

    @Override
    public SinkChannel sink() {
        return sink;
    }

    /** The reading end. */
    static final class Source extends SourceChannel implements FfsockChannel {
        private final ChannelCore core;

        Source(SelectorProvider provider, Socket socket) {
            super(provider);
            core = new ChannelCore(socket);
        }

        @Override
        public ChannelCore core() {
            return core;
        }

        @Override
        public int read(ByteBuffer dst) throws IOException {
            Objects.requireNonNull(dst, "dst");
            if (dst.isReadOnly()) throw new IllegalArgumentException("Read-only buffer");
            core.readLock.lock();
            try {
                if (!isOpen()) throw new ClosedChannelException();
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
                if (!isOpen()) throw new ClosedChannelException();
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
        public long read(ByteBuffer[] dsts) throws IOException {
            return read(dsts, 0, dsts.length);
        }

        @Override
        protected void implCloseSelectableChannel() {
            core.close();
        }

        @Override
        protected void implConfigureBlocking(boolean block) throws IOException {
            core.readLock.lock();
            try {
                core.socket.setBlocking(block);
            } finally {
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
    }

    /** The writing end. */
    static final class Sink extends SinkChannel implements FfsockChannel {
        private final ChannelCore core;

        Sink(SelectorProvider provider, Socket socket) {
            super(provider);
            core = new ChannelCore(socket);
        }

        @Override
        public ChannelCore core() {
            return core;
        }

        @Override
        public int write(ByteBuffer src) throws IOException {
            Objects.requireNonNull(src, "src");
            core.writeLock.lock();
            try {
                if (!isOpen()) throw new ClosedChannelException();
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
                if (!isOpen()) throw new ClosedChannelException();
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
        public long write(ByteBuffer[] srcs) throws IOException {
            return write(srcs, 0, srcs.length);
        }

        @Override
        protected void implCloseSelectableChannel() {
            core.close();
        }

        @Override
        protected void implConfigureBlocking(boolean block) throws IOException {
            core.writeLock.lock();
            try {
                core.socket.setBlocking(block);
            } finally {
                core.writeLock.unlock();
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
    }
}
