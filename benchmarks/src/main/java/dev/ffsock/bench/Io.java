package dev.ffsock.bench;

import dev.ffsock.Socket;

import java.io.EOFException;
import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import java.nio.channels.ByteChannel;

/**
 * Whole-message send/receive helpers for stream sockets, one per library, written so that the
 * common case (the kernel moves the whole message in one call) allocates nothing.
 */
final class Io {
    /** Largest UDP payload over IPv4; the "64 KiB" UDP size is clamped to it. */
    static final int MAX_UDP_PAYLOAD = 65_507;

    private Io() {
    }

    /** A native segment of {@code size} bytes (at least 1) filled with a pattern, freed with {@code arena}. */
    static MemorySegment segment(Arena arena, int size) {
        MemorySegment s = arena.allocate(Math.max(1, size), 64);
        for (long i = 0; i < s.byteSize(); i++) s.set(java.lang.foreign.ValueLayout.JAVA_BYTE, i, (byte) i);
        return s;
    }

    /** A direct buffer of {@code size} bytes filled with a pattern. */
    static ByteBuffer direct(int size) {
        ByteBuffer b = ByteBuffer.allocateDirect(Math.max(1, size));
        for (int i = 0; i < b.capacity(); i++) b.put(i, (byte) i);
        return b;
    }

    /** A heap array of {@code size} bytes filled with a pattern. */
    static byte[] array(int size) {
        byte[] b = new byte[Math.max(1, size)];
        for (int i = 0; i < b.length; i++) b[i] = (byte) i;
        return b;
    }

    /** Sends all of {@code msg} (a blocking ffsock stream socket). */
    static void sendFully(Socket s, MemorySegment msg) throws IOException {
        long n = s.send(msg);
        if (n == msg.byteSize()) return;
        long done = Math.max(0, n);
        while (done < msg.byteSize()) {
            long r = s.send(msg.asSlice(done));
            if (r > 0) done += r;
        }
    }

    /** Receives exactly {@code msg.byteSize()} bytes into {@code msg} (a blocking ffsock stream socket). */
    static void recvFully(Socket s, MemorySegment msg) throws IOException {
        long n = s.recv(msg);
        if (n == msg.byteSize()) return;
        if (n == 0) throw new EOFException();
        long done = Math.max(0, n);
        while (done < msg.byteSize()) {
            long r = s.recv(msg.asSlice(done));
            if (r == 0) throw new EOFException();
            if (r > 0) done += r;
        }
    }

    /** Writes the whole buffer (from 0 to its limit) to a blocking channel. */
    static void writeFully(ByteChannel ch, ByteBuffer b) throws IOException {
        b.clear();
        do {
            ch.write(b);
        } while (b.hasRemaining());
    }

    /** Reads until the buffer (from 0 to its limit) is full, from a blocking channel. */
    static void readFully(ByteChannel ch, ByteBuffer b) throws IOException {
        b.clear();
        do {
            if (ch.read(b) < 0) throw new EOFException();
        } while (b.hasRemaining());
    }
}
