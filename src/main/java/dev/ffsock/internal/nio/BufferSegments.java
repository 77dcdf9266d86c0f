package dev.ffsock.internal.nio;

import dev.ffsock.Message;
import dev.ffsock.internal.DirectBuffers;

import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;

/**
 * Adds ByteBuffers to a {@link Message} for a scattering or gathering call, remembering, slot by
 * slot, the segment made for the buffer last seen there: a loop that passes the same direct buffers
 * again allocates nothing. A direct buffer that owns its memory (see {@link DirectBuffers}) becomes
 * one segment over its whole capacity, kept here, of which each call passes the position-to-limit
 * part; the caller keeps the buffers reachable across the call. Other buffers (an arena's, heap
 * ones) get a new segment of {@link MemorySegment#ofBuffer} each call, which keeps its arena open
 * for the call. One instance per direction: reads and writes may run at once.
 */
final class BufferSegments {
    private final ByteBuffer[] seen;
    private final MemorySegment[] whole;

    BufferSegments(int slots) {
        seen = new ByteBuffer[slots];
        whole = new MemorySegment[slots];
    }

    /** Adds {@code b}'s remaining bytes as the message's next buffer (slot {@code m.bufferCount()}). */
    void add(Message m, ByteBuffer b) {
        int slot = m.bufferCount();
        if (seen[slot] != b) {
            DirectBuffers.View v = DirectBuffers.view(b);
            seen[slot] = b;
            whole[slot] = v.byAddress() ? MemorySegment.ofAddress(v.base()).reinterpret(b.capacity()) : null;
        }
        MemorySegment w = whole[slot];
        if (w == null) {
            m.addBuffer(MemorySegment.ofBuffer(b));
        } else {
            int at = b.position();
            m.addBuffer(w, at, Math.max(0, b.limit() - at)); // within the capacity whatever another thread does
        }
    }
}
