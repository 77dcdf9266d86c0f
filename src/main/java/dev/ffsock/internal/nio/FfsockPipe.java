package dev.ffsock.internal.nio;

import dev.ffsock.Domain;
import dev.ffsock.Shutdown;
import dev.ffsock.Socket;
import dev.ffsock.Type;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.AsynchronousCloseException;
import java.nio.channels.Pipe;
import java.nio.channels.spi.SelectorProvider;

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
            core = new ChannelCore(this, socket);
        }

        @Override
        public ChannelCore core() {
            return core;
        }

        @Override
        public int read(ByteBuffer dst) throws IOException {
            return core.transfer(DataCalls.READ, dst);
        }

        @Override
        public long read(ByteBuffer[] dsts, int offset, int length) throws IOException {
            return core.transfer(DataCalls.SCATTER, dsts, offset, length);
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
    }

    /** The writing end. */
    static final class Sink extends SinkChannel implements FfsockChannel {
        private final ChannelCore core;

        Sink(SelectorProvider provider, Socket socket) {
            super(provider);
            core = new ChannelCore(this, socket);
        }

        @Override
        public ChannelCore core() {
            return core;
        }

        @Override
        public int write(ByteBuffer src) throws IOException {
            return core.transfer(DataCalls.WRITE, src);
        }

        @Override
        public long write(ByteBuffer[] srcs, int offset, int length) throws IOException {
            return core.transfer(DataCalls.GATHER, srcs, offset, length);
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
    }
}
