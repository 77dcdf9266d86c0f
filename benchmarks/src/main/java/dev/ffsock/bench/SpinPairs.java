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
import java.nio.channels.SelectableChannel;

/**
 * States of the busy-poll ping-pong cases: a connected pair, both ends non-blocking; the echo
 * thread spins on its end, the benchmark thread spins waiting for the reply. Needs two idle cores.
 */
final class SpinPairs {
    private SpinPairs() {
    }

    /** ffsock, non-blocking, native segments. */
    public abstract static class Ffsock extends Small {
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
            client.setBlocking(false);
            server.setBlocking(false);
            arena = Arena.ofConfined();
            msg = Io.segment(arena, size);
            echo = Echo.start("spin-echo-ffsock", e -> {
                MemorySegment echoBuf = Io.segment(e.arena(), size);
                while (Spin.recv(server, echoBuf, e)) Spin.send(server, echoBuf);
            }, client, server);
        }

        @TearDown(Level.Trial)
        public void tearDown() throws Exception {
            echo.close();
            arena.close();
        }

        MemorySegment roundTrip() throws IOException {
            Spin.send(client, msg);
            Spin.recv(client, msg, null);
            return msg;
        }
    }

    /** NIO, non-blocking channels, direct buffers. */
    public abstract static class Nio extends Small {
        ByteChannel client;
        ByteBuffer msg;
        private Echo echo;

        abstract ByteChannel[] open() throws IOException;

        @Setup(Level.Trial)
        public void setUp() throws IOException {
            ByteChannel[] p = open();
            client = p[0];
            ByteChannel server = p[1];
            ((SelectableChannel) client).configureBlocking(false);
            ((SelectableChannel) server).configureBlocking(false);
            msg = Io.direct(size);
            ByteBuffer echoBuf = Io.direct(size);
            echo = Echo.start("spin-echo-nio", e -> {
                while (Spin.read(server, echoBuf, e)) Spin.write(server, echoBuf);
            }, client, server);
        }

        @TearDown(Level.Trial)
        public void tearDown() throws Exception {
            echo.close();
        }

        ByteBuffer roundTrip() throws IOException {
            Spin.write(client, msg);
            Spin.read(client, msg, null);
            return msg;
        }
    }
}
