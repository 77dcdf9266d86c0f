package dev.ffsock.uring;

import dev.ffsock.internal.UringStructs;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.VarHandle;

/**
 * A provided-buffer ring (IORING_REGISTER_PBUF_RING): {@link #entries()} buffers of
 * {@link #bufferSize()} bytes each, in the ring's own memory, from which receives with buffer
 * selection ({@link IoUring#recvMultishot}) take one per completion. The completion names the
 * buffer ({@link Completion#bufferId(int)}); read it with {@link #buffer(int)} and give it back
 * with {@link #recycle(int)}. A ring with no buffers left ends a multishot receive with
 * {@code -ENOBUFS}. Made by {@link IoUring#registerBufferRing(int, int, int)}; lives as long as its
 * IoUring. Not thread-safe (the thread driving the ring uses it).
 */
public final class BufferRing {
    private static final VarHandle SHORT = ValueLayout.JAVA_SHORT.varHandle();

    private final IoUring owner;
    private final int group;
    private final int entries;
    private final int mask;
    private final int bufferSize;
    private final MemorySegment ring;
    private final MemorySegment[] buffers;
    private int tail;

    BufferRing(IoUring owner, int group, int entries, int bufferSize, MemorySegment ring, MemorySegment data) {
        this.owner = owner;
        this.group = group;
        this.entries = entries;
        this.mask = entries - 1;
        this.bufferSize = bufferSize;
        this.ring = ring;
        this.buffers = new MemorySegment[entries];
        for (int i = 0; i < entries; i++) buffers[i] = data.asSlice((long) i * bufferSize, bufferSize);
    }

    /** Hands every buffer to the kernel (at registration). */
    void fill() {
        for (int i = 0; i < entries; i++) put(i);
        publish();
    }

    /** {@return the buffer group id (sqe buf_group)} */
    public int group() {
        return group;
    }

    /** {@return the number of buffers} */
    public int entries() {
        return entries;
    }

    /** {@return each buffer's size} */
    public int bufferSize() {
        return bufferSize;
    }

    /**
     * {@return buffer {@code id}, the whole of it} A completion's {@code res} says how many bytes
     * of it were filled.
     *
     * @throws IndexOutOfBoundsException if {@code id} is not a buffer id of this ring
     * @param id a buffer id, from {@link Completion#bufferId(int)}
     */
    public MemorySegment buffer(int id) {
        return buffers[id];
    }

    /**
     * Gives buffer {@code id} back to the kernel, after its contents are used. Each buffer the
     * kernel handed out must be recycled once (or the ring runs dry).
     *
     * @throws IndexOutOfBoundsException if {@code id} is not a buffer id of this ring
     * @throws dev.ffsock.SocketClosedException if the IoUring is closed (its memory is gone)
     * @param id a buffer id, from {@link Completion#bufferId(int)}
     */
    public void recycle(int id) throws dev.ffsock.SocketClosedException {
        java.util.Objects.checkIndex(id, entries);
        owner.checkOpen();
        put(id);
        publish();
    }

    private void put(int id) {
        long at = (long) (tail & mask) * UringStructs.Buf.SIZE;
        ring.set(ValueLayout.JAVA_LONG, at + UringStructs.Buf.ADDR, buffers[id].address());
        ring.set(ValueLayout.JAVA_INT, at + UringStructs.Buf.LEN, bufferSize);
        ring.set(ValueLayout.JAVA_SHORT, at + UringStructs.Buf.BID, (short) id);
        tail++;
    }

    private void publish() {
        SHORT.setRelease(ring, UringStructs.Buf.RING_TAIL, (short) tail);
    }

    @Override
    public String toString() {
        return "BufferRing[group " + group + ", " + entries + " x " + bufferSize + " bytes]";
    }
}
