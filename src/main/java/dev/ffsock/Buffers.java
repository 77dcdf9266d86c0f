package dev.ffsock;

import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import java.util.Objects;

/** Argument checks for buffers, done before any system call so that bad input never reaches the kernel. */
final class Buffers {
    private Buffers() {
    }

    static MemorySegment readable(MemorySegment seg) {
        Objects.requireNonNull(seg, "buf");
        if (!seg.scope().isAlive()) throw new IllegalStateException("the buffer's arena is closed");
        return seg;
    }

    static MemorySegment writable(MemorySegment seg) {
        readable(seg);
        if (seg.isReadOnly()) throw new IllegalArgumentException("read-only buffer cannot receive data");
        return seg;
    }

    /** The remaining part of a buffer (position to limit) as a segment. */
    static MemorySegment of(ByteBuffer buf) {
        Objects.requireNonNull(buf, "buf");
        return readable(MemorySegment.ofBuffer(buf));
    }

    static MemorySegment writable(ByteBuffer buf) {
        Objects.requireNonNull(buf, "buf");
        if (buf.isReadOnly()) throw new IllegalArgumentException("read-only buffer cannot receive data");
        return readable(MemorySegment.ofBuffer(buf));
    }

    static void advance(ByteBuffer buf, long n) {
        if (n > 0) buf.position(buf.position() + (int) n);
    }
}
