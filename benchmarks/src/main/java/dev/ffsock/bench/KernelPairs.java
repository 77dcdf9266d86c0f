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
 * States of the single-thread kernel round trip cases: a connected pair used by one thread, which
 * sends a message on one end and receives it on the other (no thread switch, no wakeup).
 */
final class KernelPairs {
    private KernelPairs() {
    }

    /** ffsock pair, blocking, native segments. */
    public abstract static class Ffsock extends Small {
        Socket a;
        Socket b;
        MemorySegment out;
        MemorySegment in;
        private Arena arena;

        abstract Socket[] open() throws IOException;

        @Setup(Level.Trial)
        public void setUp() throws IOException {
            Socket[] p = open();
            a = p[0];
            b = p[1];
            arena = Arena.ofConfined();
            out = Io.segment(arena, size);
            in = Io.segment(arena, size);
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            a.close();
            b.close();
            arena.close();
        }

        MemorySegment roundTrip() throws IOException {
            Io.sendFully(a, out);
            Io.recvFully(b, in);
            return in;
        }
    }

    /** NIO pair of blocking channels, direct buffers. */
    public abstract static class Nio extends Small {
        ByteChannel a;
        ByteChannel b;
        ByteBuffer out;
        ByteBuffer in;

        abstract ByteChannel[] open() throws IOException;

        @Setup(Level.Trial)
        public void setUp() throws IOException {
            ByteChannel[] p = open();
            a = p[0];
            b = p[1];
            out = Io.direct(size);
            in = Io.direct(size);
        }

        @TearDown(Level.Trial)
        public void tearDown() throws IOException {
            a.close();
            b.close();
        }

        ByteBuffer roundTrip() throws IOException {
            Io.writeFully(a, out);
            Io.readFully(b, in);
            return in;
        }
    }
}
