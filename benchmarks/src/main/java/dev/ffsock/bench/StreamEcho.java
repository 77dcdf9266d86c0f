package dev.ffsock.bench;

import dev.ffsock.Socket;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.TearDown;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import java.nio.channels.ByteChannel;

/**
 * The states of the stream ping-pongs (TCP, AF_UNIX stream): a connected pair whose server end is
 * echoed by a blocking thread of the same library; subclasses say how the pair is opened.
 */
final class StreamEcho {
    private StreamEcho() {
    }

    /** ffsock: blocking sockets, native segments. */
    public abstract static class Ffsock extends Sized {
        Socket client;
        MemorySegment msg;
        private Arena arena;
        private Echo echo;

        abstract Socket[] open() throws IOException;

        @Setup(Level.Trial)
        public void setUp() throws IOException {
            Socket[] p = open();
            client = p[0];
            Socket server = p[1];
            arena = Arena.ofConfined();
            msg = Io.segment(arena, size);
            echo = Echo.start("echo-ffsock-" + getClass().getSimpleName(), e -> {
                MemorySegment echoBuf = Io.segment(e.arena(), size);
                while (e.running()) {
                    Io.recvFully(server, echoBuf);
                    Io.sendFully(server, echoBuf);
                }
            }, client, server);
        }

        @TearDown(Level.Trial)
        public void tearDown() throws Exception {
            echo.close();
            arena.close();
        }
    }

    /** A pair of blocking byte channels (NIO or junixsocket) with direct buffers. */
    public abstract static class Channels extends Sized {
        ByteChannel client;
        ByteBuffer msg;
        private Echo echo;

        abstract ByteChannel[] open() throws IOException;

        @Setup(Level.Trial)
        public void setUp() throws IOException {
            ByteChannel[] p = open();
            client = p[0];
            ByteChannel server = p[1];
            msg = Io.direct(size);
            ByteBuffer echoBuf = Io.direct(size);
            echo = Echo.start("echo-channel-" + getClass().getSimpleName(), e -> {
                while (e.running()) {
                    Io.readFully(server, echoBuf);
                    Io.writeFully(server, echoBuf);
                }
            }, client, server);
        }

        @TearDown(Level.Trial)
        public void tearDown() throws Exception {
            echo.close();
        }
    }
}
