package dev.ffsock.uring;

import dev.ffsock.SockAddr;
import dev.ffsock.internal.Structs;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * A {@code struct msghdr} in a ring's memory for {@link IoUring#sendmsg} and {@link IoUring#recvmsg}:
 * one data buffer (ring memory), an address (a send's destination, a receive's source) and a
 * control area. The kernel reads the header at submission and writes the address length, control
 * length and flags back at completion, so the message belongs to its operation until then. Made
 * by {@link IoUring#message(int)}; lives as long as its IoUring. Not thread-safe.
 */
public final class UringMessage {
    private final IoUring owner;
    private final MemorySegment hdr;
    private final MemorySegment iov;
    private final MemorySegment name;
    private final MemorySegment control;
    private MemorySegment buffer = MemorySegment.NULL;

    UringMessage(IoUring owner, MemorySegment mem, int controlCapacity) {
        this.owner = owner;
        long h = Structs.Msghdr.SIZE;
        long i = Structs.Iovec.SIZE;
        long n = Structs.SockaddrStorage.SIZE;
        this.hdr = mem.asSlice(0, h);
        this.iov = mem.asSlice(h, i);
        this.name = mem.asSlice(h + i, n);
        this.control = mem.asSlice(h + i + n, controlCapacity);
        hdr.set(ValueLayout.JAVA_LONG, Structs.Msghdr.IOV, iov.address());
        hdr.set(ValueLayout.JAVA_LONG, Structs.Msghdr.IOVLEN, 1);
        clearAddress();
    }

    /** {@return the bytes the header, iovec, address and control area take for {@code controlCapacity}} */
    static long size(int controlCapacity) {
        return Structs.Msghdr.SIZE + Structs.Iovec.SIZE + Structs.SockaddrStorage.SIZE + controlCapacity;
    }

    /**
     * Sets the data buffer: to send from, or to receive into.
     *
     * @param buf memory from {@link IoUring#allocate(long)} of this ring
     * @return this
     * @throws IllegalArgumentException if {@code buf} is not this ring's memory
     */
    public UringMessage buffer(MemorySegment buf) {
        owner.checkRingMemory(buf);
        buffer = buf;
        iov.set(ValueLayout.JAVA_LONG, Structs.Iovec.BASE, buf.address());
        iov.set(ValueLayout.JAVA_LONG, Structs.Iovec.LEN, buf.byteSize());
        return this;
    }

    /** {@return the data buffer} */
    public MemorySegment buffer() {
        return buffer;
    }

    /** Sets the destination of a send (unconnected datagram sockets). @return this */
    public UringMessage address(SockAddr to) {
        int len = to.writeTo(name);
        hdr.set(ValueLayout.JAVA_LONG, Structs.Msghdr.NAME, name.address());
        hdr.set(ValueLayout.JAVA_INT, Structs.Msghdr.NAMELEN, len);
        return this;
    }

    /** Prepares for a receive (or a send without an address): the whole address area, no control data. @return this */
    public UringMessage clearAddress() {
        hdr.set(ValueLayout.JAVA_LONG, Structs.Msghdr.NAME, name.address());
        hdr.set(ValueLayout.JAVA_INT, Structs.Msghdr.NAMELEN, (int) name.byteSize());
        hdr.set(ValueLayout.JAVA_LONG, Structs.Msghdr.CONTROL, control.byteSize() == 0 ? 0 : control.address());
        hdr.set(ValueLayout.JAVA_LONG, Structs.Msghdr.CONTROLLEN, control.byteSize());
        hdr.set(ValueLayout.JAVA_INT, Structs.Msghdr.FLAGS, 0);
        return this;
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
