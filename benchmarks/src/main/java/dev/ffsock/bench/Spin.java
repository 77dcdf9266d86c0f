package dev.ffsock.bench;

import dev.ffsock.Socket;

import java.io.EOFException;
import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import java.nio.channels.ByteChannel;

/**
 * Busy-polling whole-message send/receive on non-blocking sockets: retry at once (with
 * {@link Thread#onSpinWait()}) while the kernel says "would block". {@code echo}, when given, stops
 * the spin once the benchmark asks the echo thread to end.
 */
final class Spin {
    private Spin() {
    }

    static void send(Socket s, MemorySegment msg) throws IOException {
        long size = msg.byteSize();
        long done = 0;
        MemorySegment rest = msg;
        while (true) {
            long r = s.send(rest);
            if (r > 0) {
                done += r;
                if (done == size) return;
                rest = msg.asSlice(done);
            } else {
                Thread.onSpinWait();
            }
        }
    }

    /** {@return false if the echo was asked to stop while waiting} */
    static boolean recv(Socket s, MemorySegment msg, Echo echo) throws IOException {
        long size = msg.byteSize();
        long done = 0;
        MemorySegment rest = msg;
        while (true) {
            long r = s.recv(rest);
            if (r > 0) {
                done += r;
                if (done == size) return true;
                rest = msg.asSlice(done);
            } else if (r == 0) {
                throw new EOFException();
            } else {
                if (echo != null && !echo.running()) return false;
                Thread.onSpinWait();
            }
        }
    }

    static void write(ByteChannel ch, ByteBuffer b) throws IOException {
        b.clear();
        while (true) {
            ch.write(b);
            if (!b.hasRemaining()) return;
            Thread.onSpinWait();
        }
    }

    /** {@return false if the echo was asked to stop while waiting} */
    static boolean read(ByteChannel ch, ByteBuffer b, Echo echo) throws IOException {
        b.clear();
        while (true) {
            if (ch.read(b) < 0) throw new EOFException();
            if (!b.hasRemaining()) return true;
            if (echo != null && !echo.running()) return false;
            Thread.onSpinWait();
        }
    }
}
