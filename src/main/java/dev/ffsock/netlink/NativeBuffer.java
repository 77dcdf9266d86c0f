package dev.ffsock.netlink;

import static dev.ffsock.netlink.Layouts.U16;
import static dev.ffsock.netlink.Layouts.U16_BE;
import static dev.ffsock.netlink.Layouts.U32;
import static dev.ffsock.netlink.Layouts.U32_BE;
import static dev.ffsock.netlink.Layouts.U64;
import static dev.ffsock.netlink.Layouts.U8;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

/**
 * A growable native byte buffer with a write position, owned by a {@link MessageBuilder}: each
 * allocation has an arena of its own, so growing frees the old memory at once and {@link
 * #reset()} keeps the current memory for reuse. Writes are unchecked apart from capacity; the
 * builder validates arguments.
 */
final class NativeBuffer implements AutoCloseable {
    static final int MAX_CAPACITY = Integer.MAX_VALUE - 8;

    private final boolean shared;
    private Arena arena;
    private MemorySegment seg;
    private int pos;

    NativeBuffer(int initialCapacity, boolean shared) {
        if (initialCapacity <= 0) {
            throw new IllegalArgumentException("initial capacity must be positive: " + initialCapacity);
        }
        this.shared = shared;
        this.arena = shared ? Arena.ofShared() : Arena.ofConfined();
        this.seg = arena.allocate(initialCapacity, 8);
    }

    void checkAlive() {
        if (arena == null) {
            throw new IllegalStateException("builder is closed");
        }
    }

    int position() {
        return pos;
    }

    long capacity() {
        checkAlive();
        return seg.byteSize();
    }

    /** The bytes written so far, as a view. */
    MemorySegment written() {
        checkAlive();
        return seg.asSlice(0, pos);
    }

    void reset() {
        checkAlive();
        pos = 0;
    }

    @Override
    public void close() {
        if (arena != null) {
            arena.close();
            arena = null;
            seg = null;
        }
    }

    /** Makes room for {@code n} more bytes and returns where they start; the position moves past them. */
    private int reserve(long n) {
        checkAlive();
        long need = pos + n;
        if (need > seg.byteSize()) {
            if (need > MAX_CAPACITY) {
                throw new IllegalArgumentException("netlink batch would exceed " + MAX_CAPACITY + " bytes");
            }
            Arena bigger = shared ? Arena.ofShared() : Arena.ofConfined();
            MemorySegment nseg = bigger.allocate(Math.min(Math.max(seg.byteSize() * 2, need), MAX_CAPACITY), 8);
            MemorySegment.copy(seg, 0, nseg, 0, pos);
            arena.close();
            arena = bigger;
            seg = nseg;
        }
        int at = pos;
        pos = (int) need;
        return at;
    }

    void put8(int v) {
        int at = reserve(1); // before reading seg: reserve may replace it
        seg.set(U8, at, (byte) v);
    }

    void put16(int v) {
        int at = reserve(2); // before reading seg: reserve may replace it
        seg.set(U16, at, (short) v);
    }

    void put16BE(int v) {
        int at = reserve(2); // before reading seg: reserve may replace it
        seg.set(U16_BE, at, (short) v);
    }

    void put32(int v) {
        int at = reserve(4); // before reading seg: reserve may replace it
        seg.set(U32, at, v);
    }

    void put32BE(int v) {
        int at = reserve(4); // before reading seg: reserve may replace it
        seg.set(U32_BE, at, v);
    }

    void put64(long v) {
        int at = reserve(8); // before reading seg: reserve may replace it
        seg.set(U64, at, v);
    }

    void putBytes(MemorySegment src) {
        long n = src.byteSize();
        int at = reserve(n);
        MemorySegment.copy(src, 0, seg, at, n);
    }

    void putZeros(int n) {
        int at = reserve(n);
        seg.asSlice(at, n).fill((byte) 0);
    }

    /** Pads with zeros to a multiple of 4 (memory is reused, so padding must be written). */
    void align4() {
        int pad = (-pos) & 3;
        if (pad != 0) {
            putZeros(pad);
        }
    }

    /** Overwrites a 16-bit host-order field already written. */
    void set16(int at, int v) {
        checkAlive();
        seg.set(U16, at, (short) v);
    }

    /** Overwrites a 32-bit host-order field already written. */
    void set32(int at, int v) {
        checkAlive();
        seg.set(U32, at, v);
    }
}
