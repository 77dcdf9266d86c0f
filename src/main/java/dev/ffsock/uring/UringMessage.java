package dev.ffsock.uring;

import dev.ffsock.SockAddr;
import dev.ffsock.internal.Structs;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * A {@code struct msghdr} in a ring's memory for {@link IoUring#sendmsg} and {@link IoUring#recvmsg}:
 * up to {@code maxBuffers} data buffers (ring memory) gathered or scattered in order, an address (a
 * send's destination, a receive's source) and a control area. The kernel reads the header at submission and writes the address length, control
 * length and flags back at completion, so the message belongs to its operation until then. Made
 * by {@link IoUring#message(int)}; lives as long as its IoUring. Not thread-safe.
 */
public final class UringMessage {
    private final IoUring owner;
    private final MemorySegment hdr;
    private final MemorySegment iov;
    private final MemorySegment name;
    private final MemorySegment control;
    private final int maxBuffers;
    private MemorySegment buffer = MemorySegment.NULL;
    private int count;

    UringMessage(IoUring owner, MemorySegment mem, int maxBuffers, int controlCapacity) {
        this.owner = owner;
        this.maxBuffers = maxBuffers;
        long h = Structs.Msghdr.SIZE;
        long i = Structs.Iovec.SIZE * maxBuffers;
        long n = Structs.SockaddrStorage.SIZE;
        this.hdr = mem.asSlice(0, h);
        this.iov = mem.asSlice(h, i);
        this.name = mem.asSlice(h + i, n);
        this.control = mem.asSlice(h + i + n, controlCapacity);
        hdr.set(ValueLayout.JAVA_LONG, Structs.Msghdr.IOV, iov.address());
        withoutAddress();
    }

    /** {@return the bytes the header, iovecs, address and control area take} */
    static long size(int maxBuffers, int controlCapacity) {
        return Structs.Msghdr.SIZE + Structs.Iovec.SIZE * maxBuffers + Structs.SockaddrStorage.SIZE + controlCapacity;
    }

    /**
     * Forgets the buffers.
     *
     * @return this
     */
    public UringMessage clearBuffers() {
        count = 0;
        buffer = MemorySegment.NULL;
        hdr.set(ValueLayout.JAVA_LONG, Structs.Msghdr.IOVLEN, 0);
        return this;
    }

    /**
     * Appends {@code length} bytes of {@code buf} from {@code offset} as the next buffer (no slice is
     * made: an event loop's gather of queued buffers allocates nothing).
     *
     * @param buf memory from {@link IoUring#allocate(long)} or a {@link BufferRing} of this ring
     * @return this
     * @throws IllegalArgumentException if {@code buf} is not this ring's memory
     * @throws IndexOutOfBoundsException if the range is not within {@code buf}
     * @throws IllegalStateException if {@link #maxBuffers()} are set already
     * @param offset where in {@code buf} the bytes start
     * @param length how many bytes
     */
    public UringMessage addBuffer(MemorySegment buf, long offset, long length) {
        owner.checkRingMemory(buf);
        java.util.Objects.checkFromIndexSize(offset, length, buf.byteSize());
        if (count == maxBuffers) throw new IllegalStateException("the message holds " + maxBuffers + " buffers");
        long at = (long) count * Structs.Iovec.SIZE;
        iov.set(ValueLayout.JAVA_LONG, at + Structs.Iovec.BASE, buf.address() + offset);
        iov.set(ValueLayout.JAVA_LONG, at + Structs.Iovec.LEN, length);
        if (count == 0) buffer = buf;
        hdr.set(ValueLayout.JAVA_LONG, Structs.Msghdr.IOVLEN, ++count);
        return this;
    }

    /** {@return how many buffers the message can hold} */
    public int maxBuffers() {
        return maxBuffers;
    }

    /** {@return how many buffers are set} */
    public int bufferCount() {
        return count;
    }

    /**
     * Sets one data buffer, the whole of {@code buf}: to send from, or to receive into.
     *
     * @param buf memory from {@link IoUring#allocate(long)} of this ring
     * @return this
     * @throws IllegalArgumentException if {@code buf} is not this ring's memory
     */
    public UringMessage buffer(MemorySegment buf) {
        return clearBuffers().addBuffer(buf, 0, buf.byteSize());
    }

    /** {@return the first data buffer} */
    public MemorySegment buffer() {
        return buffer;
    }

    /**
     * Sets the destination of a send (unconnected datagram sockets).
     *
     * @param to the destination
     * @return this
     */
    public UringMessage address(SockAddr to) {
        int len = to.writeTo(name);
        hdr.set(ValueLayout.JAVA_LONG, Structs.Msghdr.NAME, name.address());
        hdr.set(ValueLayout.JAVA_INT, Structs.Msghdr.NAMELEN, len);
        return this;
    }

    /**
     * For a send on a connected socket: no address.
     *
     * @return this
     */
    public UringMessage withoutAddress() {
        hdr.set(ValueLayout.JAVA_LONG, Structs.Msghdr.NAME, 0L);
        hdr.set(ValueLayout.JAVA_INT, Structs.Msghdr.NAMELEN, 0);
        return this;
    }

    /** Prepares for a receive: the whole address area for the source, the control area, no flags. */
    void prepareReceive() {
        hdr.set(ValueLayout.JAVA_LONG, Structs.Msghdr.NAME, name.address());
        hdr.set(ValueLayout.JAVA_INT, Structs.Msghdr.NAMELEN, (int) name.byteSize());
        hdr.set(ValueLayout.JAVA_LONG, Structs.Msghdr.CONTROL, control.byteSize() == 0 ? 0 : control.address());
        hdr.set(ValueLayout.JAVA_LONG, Structs.Msghdr.CONTROLLEN, control.byteSize());
        hdr.set(ValueLayout.JAVA_INT, Structs.Msghdr.FLAGS, 0);
    }

    /** {@return the address's length after a receive (msg_namelen)} */
    public int addressLength() {
        return Math.min(hdr.get(ValueLayout.JAVA_INT, Structs.Msghdr.NAMELEN), (int) name.byteSize());
    }

    /** {@return the address bytes after a receive: a {@code struct sockaddr_*} of {@link #addressLength()} bytes} */
    public MemorySegment addressBytes() {
        return name.asSlice(0, Math.max(0, addressLength()));
    }

    /** {@return msg_flags after a receive (MSG_TRUNC, MSG_CTRUNC, …)} */
    public int flags() {
        return hdr.get(ValueLayout.JAVA_INT, Structs.Msghdr.FLAGS);
    }

    /** {@return the header's address, for the submission entry} */
    long headerAddress() {
        return hdr.address();
    }
}
