package dev.ffsock;

import dev.ffsock.internal.CmsgLayout;
import dev.ffsock.internal.MsgHdr;
import dev.ffsock.internal.Structs;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.util.Objects;

/**
 * A reusable message for {@link Socket#sendmsg(Message, int)} and {@link Socket#recvmsg(Message, int)}:
 * it owns the native {@code struct msghdr}, an iovec array of up to {@link #maxBuffers()} entries, an
 * address and a control area of {@link #controlCapacity()} bytes, all allocated once and reused by
 * every call, so that a warmed-up send or receive allocates nothing.
 *
 * <h2>Data</h2>
 * {@link #buffers(MemorySegment...)} / {@link #addBuffer(MemorySegment)} set the buffers to gather
 * from (send) or scatter into (receive), in order; {@link #addBuffer(MemorySegment, long, long)}
 * adds part of a segment without making a slice of it. Native segments go to the kernel directly. Heap
 * segments (arrays) are copied through a per-thread native buffer, since an iovec can only hold
 * native addresses. The message keeps references to the buffers until they are replaced. Before
 * each call ffsock checks that every buffer's arena is open and, for a confined arena, owned by the
 * calling thread; a shared arena must not be closed by another thread while a call uses its memory
 * (the kernel is handed raw addresses, which the arena cannot track).
 *
 * <h2>Address</h2>
 * {@link #address()} is the message's own address storage: when not empty it is the destination of
 * a send; a receive fills it with the source (empty for a connected stream socket), so a received
 * message can be answered by sending the same message back.
 *
 * <h2>Control data</h2>
 * Outgoing control messages are appended with the {@code add…} methods (SCM_RIGHTS, SCM_CREDENTIALS,
 * IP_PKTINFO/IPV6_PKTINFO, UDP_SEGMENT, or any raw one) and kept for every send until
 * {@link #clearControl()}. A receive uses the same area: it clears the outgoing control messages and
 * decodes what arrived into {@link #control()}. Size the area with {@link #space(int)}.
 *
 * <h2>Descriptors and closing</h2>
 * Descriptors received with SCM_RIGHTS belong to the message until taken from {@link #control()}; the
 * next receive, {@link #reset()}, {@link #close()} (or the message becoming unreachable) closes the
 * ones left. After {@link #close()} the message cannot be used. Native memory is freed by the
 * garbage collector, so a message never dangles.
 *
 * <p>Not thread-safe: one call at a time.
 */
public final class Message implements AutoCloseable {
    private final int maxBuffers;
    private final int controlCapacity;
    final MemorySegment hdr;
    final MemorySegment iov;
    final MemorySegment ctl;
    final SockAddrStorage address = new SockAddrStorage();
    final MemorySegment[] buffers;
    /** The part of each buffer that is used: from offsets[i], lengths[i] bytes. */
    final long[] offsets;
    final long[] lengths;
    int bufferCount;
    long controlLength;
    final ReceivedControl received = new ReceivedControl();
    int flagsOut;
    long result = -1;
    private boolean closed;

    /**
     * A message with room for {@code maxBuffers} buffers and {@code controlCapacity} bytes of control data.
     *
     * @param maxBuffers      1 to 1024 (IOV_MAX)
     * @param controlCapacity 0 or more bytes (rounded up to the control alignment); see {@link #space(int)}
     */
    public Message(int maxBuffers, int controlCapacity) {
        if (maxBuffers < 1 || maxBuffers > 1024) throw new IllegalArgumentException("maxBuffers must be 1-1024: " + maxBuffers);
        if (controlCapacity < 0 || controlCapacity > (1 << 20)) {
            throw new IllegalArgumentException("controlCapacity must be 0-1048576: " + controlCapacity);
        }
        this.maxBuffers = maxBuffers;
        this.controlCapacity = (int) CmsgLayout.align(controlCapacity);
        long iovBytes = maxBuffers * Structs.Iovec.SIZE;
        MemorySegment all = Arena.ofAuto().allocate(Structs.Msghdr.SIZE + iovBytes + this.controlCapacity, 16);
        hdr = all.asSlice(0, Structs.Msghdr.SIZE);
        iov = all.asSlice(Structs.Msghdr.SIZE, iovBytes);
        ctl = all.asSlice(Structs.Msghdr.SIZE + iovBytes, this.controlCapacity);
        buffers = new MemorySegment[maxBuffers];
        offsets = new long[maxBuffers];
        lengths = new long[maxBuffers];
    }

    /**
     * {@return CMSG_SPACE(dataLength): the control bytes one control message with {@code dataLength}
     * bytes of data takes} Add these up to size a control area, e.g. {@code space(4 * n)} for n descriptors.
     *
     * @param dataLength the control data's length in bytes
     */
    public static int space(int dataLength) {
        if (dataLength < 0) throw new IllegalArgumentException("negative length");
        return (int) CmsgLayout.space(dataLength);
    }

    /** {@return the most buffers this message holds} */
    public int maxBuffers() {
        return maxBuffers;
    }

    /** {@return the control area's size in bytes} */
    public int controlCapacity() {
        return controlCapacity;
    }

    private void open() {
        if (closed) throw new IllegalStateException("message closed");
    }

    // ---- buffers ---------------------------------------------------------------------------------

    /**
     * Sets the buffers (replacing any), in order. Passing a reused array allocates nothing.
     *
     * @param segments the buffers, in order (the iovec array of sendmsg/recvmsg)
     * @throws IllegalArgumentException if more than {@link #maxBuffers()}
     * @return this message, for chaining
     */
    public Message buffers(MemorySegment... segments) {
        open();
        Objects.requireNonNull(segments, "segments");
        if (segments.length > maxBuffers) {
            throw new IllegalArgumentException(segments.length + " buffers, message holds " + maxBuffers);
        }
        for (MemorySegment s : segments) Buffers.readable(s);
        clearBuffers();
        for (MemorySegment s : segments) add(s, 0, s.byteSize());
        return this;
    }

    /**
     * Appends one buffer.
     *
     * @param segment the buffer to add after the others
     * @return this message, for chaining
     */
    public Message addBuffer(MemorySegment segment) {
        open();
        Buffers.readable(segment);
        return add(segment, 0, segment.byteSize());
    }

    /**
     * Appends part of a segment as one buffer: {@code length} bytes from {@code offset}, as
     * {@code addBuffer(segment.asSlice(offset, length))} would, without making the slice (so a loop
     * that reuses its segments allocates nothing).
     *
     * @param segment the memory
     * @param offset  where the buffer starts in it
     * @param length  the buffer's size in bytes
     * @throws IndexOutOfBoundsException if the part is not within the segment
     * @return this message, for chaining
     */
    public Message addBuffer(MemorySegment segment, long offset, long length) {
        open();
        Buffers.readable(segment);
        Objects.checkFromIndexSize(offset, length, segment.byteSize());
        return add(segment, offset, length);
    }

    private Message add(MemorySegment segment, long offset, long length) {
        if (bufferCount == maxBuffers) throw new IllegalStateException("message already holds " + maxBuffers + " buffers");
        buffers[bufferCount] = segment;
        offsets[bufferCount] = offset;
        lengths[bufferCount] = length;
        bufferCount++;
        return this;
    }

    /**
     * Removes every buffer.
     *
     * @return this message, for chaining
     */
    public Message clearBuffers() {
        java.util.Arrays.fill(buffers, 0, bufferCount, null);
        bufferCount = 0;
        return this;
    }

    /** {@return the number of buffers set} */
    public int bufferCount() {
        return bufferCount;
    }

    /**
     * {@return buffer {@code i}}
     *
     * @param i the buffer's index, below {@link #bufferCount()}
     */
    public MemorySegment buffer(int i) {
        Objects.checkIndex(i, bufferCount);
        MemorySegment b = buffers[i];
        return offsets[i] == 0 && lengths[i] == b.byteSize() ? b : b.asSlice(offsets[i], lengths[i]);
    }

    /** {@return the total size of the buffers} */
    public long capacity() {
        long n = 0;
        for (int i = 0; i < bufferCount; i++) n += lengths[i];
        return n;
    }

    // ---- address ---------------------------------------------------------------------------------

    /** {@return the message's address: destination of sends when not empty; source after a receive} */
    public SockAddrStorage address() {
        return address;
    }

    /**
     * Sets the destination address; null empties it (for connected sockets).
     *
     * @param to the destination ({@code msg_name}), or null for a connected socket's peer
     * @return this message, for chaining
     */
    public Message address(SockAddr to) {
        open();
        if (to == null) {
            address.len.set(ValueLayout.JAVA_INT, 0, 0);
        } else {
            address.set(to);
        }
        return this;
    }

    // ---- outgoing control ------------------------------------------------------------------------

    /**
     * Removes every outgoing control message.
     *
     * @return this message, for chaining
     */
    public Message clearControl() {
        controlLength = 0;
        return this;
    }

    /** {@return the bytes of outgoing control data appended so far} */
    public int controlLength() {
        return (int) controlLength;
    }

    /** Reserves room for one control message; returns the offset of its data. */
    private long append(int level, int type, long dataLength) {
        open();
        long need = CmsgLayout.space(dataLength);
        if (need > controlCapacity - controlLength) {
            throw new IllegalStateException("control area full: this control message needs " + need + " bytes, "
                    + (controlCapacity - controlLength) + " of " + controlCapacity + " left");
        }
        long data = CmsgLayout.header(ctl, controlLength, level, type, dataLength);
        controlLength += need;
        return data;
    }

    /**
     * Appends SCM_RIGHTS with {@code fds} (AF_UNIX). The descriptors stay the caller's: the kernel
     * duplicates them into the receiver when the message is sent.
     *
     * @param fds the descriptors to pass (SCM_RIGHTS); they stay the caller's
     * @return this message, for chaining
     */
    public Message addFds(int... fds) {
        Objects.requireNonNull(fds, "fds");
        if (fds.length == 0) throw new IllegalArgumentException("no descriptors");
        if (fds.length > 253) throw new IllegalArgumentException("at most 253 descriptors (SCM_MAX_FD): " + fds.length);
        for (int fd : fds) if (fd < 0) throw new IllegalArgumentException("negative descriptor: " + fd);
        long at = append(ControlMessage.SOL_SOCKET, ControlMessage.SCM_RIGHTS, 4L * fds.length);
        for (int i = 0; i < fds.length; i++) ctl.set(ValueLayout.JAVA_INT, at + 4L * i, fds[i]);
        return this;
    }

    /**
     * Appends SCM_CREDENTIALS (AF_UNIX). The kernel only accepts one's own pid/uid/gid unless
     * privileged; the receiver must have SO_PASSCRED set.
     *
     * @param cred the credentials to send (SCM_CREDENTIALS)
     * @return this message, for chaining
     */
    public Message addCredentials(UCred cred) {
        Objects.requireNonNull(cred, "cred");
        long at = append(ControlMessage.SOL_SOCKET, ControlMessage.SCM_CREDENTIALS, Structs.Ucred.SIZE);
        ctl.set(ValueLayout.JAVA_INT, at + Structs.Ucred.PID, cred.pid());
        ctl.set(ValueLayout.JAVA_INT, at + Structs.Ucred.UID, cred.uid());
        ctl.set(ValueLayout.JAVA_INT, at + Structs.Ucred.GID, cred.gid());
        return this;
    }

    /**
     * Appends IP_PKTINFO (an IPv4 address: ipi_spec_dst = the source address to use) or IPV6_PKTINFO
     * (an IPv6 address: ipi6_addr = the source address), with the outgoing interface when not 0.
     *
     * @param info the source address and interface (IP_PKTINFO or IPV6_PKTINFO)
     * @return this message, for chaining
     */
    public Message addPktInfo(PktInfo info) {
        Objects.requireNonNull(info, "info");
        byte[] a = info.address().getAddress();
        if (info.address() instanceof Inet4Address) {
            long at = append(ControlMessage.SOL_IP, ControlMessage.IP_PKTINFO, Structs.InPktinfo.SIZE);
            ctl.set(ValueLayout.JAVA_INT, at + Structs.InPktinfo.IFINDEX, info.ifindex());
            MemorySegment.copy(a, 0, ctl, ValueLayout.JAVA_BYTE, at + Structs.InPktinfo.SPEC_DST, 4);
        } else if (info.address() instanceof Inet6Address) {
            long at = append(ControlMessage.SOL_IPV6, ControlMessage.IPV6_PKTINFO, Structs.In6Pktinfo.SIZE);
            MemorySegment.copy(a, 0, ctl, ValueLayout.JAVA_BYTE, at + Structs.In6Pktinfo.ADDR, 16);
            ctl.set(ValueLayout.JAVA_INT, at + Structs.In6Pktinfo.IFINDEX, info.ifindex());
        } else {
            throw new IllegalArgumentException("not an IPv4 or IPv6 address: " + info.address());
        }
        return this;
    }

    /**
     * Appends UDP_SEGMENT: this send is cut by the kernel (or the NIC) into datagrams of
     * {@code segmentSize} bytes, the last one shorter (UDP GSO).
     *
     * @param segmentSize the size of each datagram the kernel cuts the data into (UDP_SEGMENT)
     * @return this message, for chaining
     */
    public Message addUdpSegment(int segmentSize) {
        if (segmentSize < 1 || segmentSize > 0xffff) throw new IllegalArgumentException("segment size must be 1-65535: " + segmentSize);
        long at = append(ControlMessage.SOL_UDP, ControlMessage.UDP_SEGMENT, 2);
        ctl.set(ValueLayout.JAVA_SHORT_UNALIGNED, at, (short) segmentSize);
        return this;
    }

    /**
     * Appends a control message whose data is one int (e.g. IP_TTL, IPV6_HOPLIMIT, IP_TOS).
     *
     * @param level the cmsg level ({@code SOL_SOCKET}, {@code IPPROTO_IP}, …)
     * @param type the cmsg type
     * @param value the int the message carries
     * @return this message, for chaining
     */
    public Message addControlInt(int level, int type, int value) {
        long at = append(level, type, 4);
        ctl.set(ValueLayout.JAVA_INT, at, value);
        return this;
    }

    /**
     * Appends any control message: {@code level}, {@code type} and the data bytes.
     *
     * @param level the cmsg level ({@code SOL_SOCKET}, {@code IPPROTO_IP}, …)
     * @param type the cmsg type
     * @param data the message's data, copied
     * @return this message, for chaining
     */
    public Message addControl(int level, int type, byte[] data) {
        Objects.requireNonNull(data, "data");
        long at = append(level, type, data.length);
        MemorySegment.copy(data, 0, ctl, ValueLayout.JAVA_BYTE, at, data.length);
        return this;
    }

    // ---- results ---------------------------------------------------------------------------------

    /** {@return the result of the last call: bytes sent or received, or -1 before any call or on would-block} */
    public long length() {
        return result;
    }

    /** {@return msg_flags of the last receive ({@link Msg#MSG_TRUNC}, {@link Msg#MSG_CTRUNC}, {@link Msg#MSG_EOR}, …)} */
    public int flags() {
        return flagsOut;
    }

    /** {@return whether the last receive's datagram was longer than the buffers (MSG_TRUNC)} */
    public boolean truncated() {
        return (flagsOut & Msg.MSG_TRUNC) != 0;
    }

    /** {@return whether the last receive's control data did not fit the control area (MSG_CTRUNC)} */
    public boolean controlTruncated() {
        return (flagsOut & Msg.MSG_CTRUNC) != 0;
    }

    /** {@return whether the last receive ended a record (MSG_EOR, SOCK_SEQPACKET)} */
    public boolean endOfRecord() {
        return (flagsOut & Msg.MSG_EOR) != 0;
    }

    /** {@return the control messages of the last receive, decoded (valid until the next receive)} */
    public ReceivedControl control() {
        return received;
    }

    /**
     * Forgets buffers, address, outgoing control and received state; received descriptors not taken
     * are closed.
     *
     * @return this message, for chaining
     */
    public Message reset() {
        open();
        clearBuffers();
        address(null);
        clearControl();
        received.clear();
        flagsOut = 0;
        result = -1;
        return this;
    }

    /** Closes received descriptors not taken; the message can no longer be used. Idempotent. */
    @Override
    public void close() {
        if (closed) return;
        closed = true;
        clearBuffers();
        received.dispose();
    }

    // ---- used by Socket.sendmsg / recvmsg ------------------------------------------------------

    /**
     * Lays the message out as a msghdr for sendmsg; returns the bounce buffer holding heap buffers'
     * bytes (or null), which must stay reachable until the call returns.
     */
    MemorySegment prepareSend() {
        open();
        MemorySegment bounce = MsgHdr.fillIov(hdr, iov, buffers, offsets, lengths, bufferCount, true);
        MsgHdr.set(hdr, address.addr, address.length(), ctl, controlLength);
        result = -1;
        return bounce;
    }

    /** Records a sendmsg's result and returns it. */
    long sent(long r) {
        if (r >= 0) result = r;
        return r;
    }

    /**
     * Lays the message out as a msghdr for recvmsg, forgetting the last receive and any outgoing
     * control data (the control area now receives); returns the bounce buffer, as for a send.
     */
    MemorySegment prepareReceive() {
        open();
        for (int i = 0; i < bufferCount; i++) Buffers.writable(buffers[i]);
        received.clear();
        clearControl();
        flagsOut = 0;
        result = -1;
        MemorySegment bounce = MsgHdr.fillIov(hdr, iov, buffers, offsets, lengths, bufferCount, false);
        MsgHdr.set(hdr, address.addr, (int) Structs.SockaddrStorage.SIZE, ctl, controlCapacity);
        address.len.set(ValueLayout.JAVA_INT, 0, 0);
        return bounce;
    }

    /**
     * After a recvmsg of {@code r} bytes: flags, the source's length, the control data (received
     * descriptors owned at once) and the heap buffers' bytes.
     */
    void received(long r, MemorySegment bounce) {
        flagsOut = MsgHdr.flags(hdr) & ~Msg.MSG_CMSG_CLOEXEC; // the input flag is echoed
        address.len.set(ValueLayout.JAVA_INT, 0, MsgHdr.nameLength(hdr));
        Cmsgs.parse(ctl, controlCapacity == 0 ? 0 : MsgHdr.controlLength(hdr), received);
        received.truncated = (flagsOut & Msg.MSG_CTRUNC) != 0;
        if (received.truncated) received.fds.discardAll();
        MsgHdr.scatterBack(bounce, buffers, offsets, lengths, bufferCount, r);
        result = r;
    }

    @Override
    public String toString() {
        return "Message[buffers=" + bufferCount + "/" + maxBuffers + " control=" + controlLength + "/" + controlCapacity
                + (address.length() > 0 ? " address=" + address : "") + " length=" + result + " flags=0x"
                + Integer.toHexString(flagsOut) + (closed ? " closed" : "") + "]";
    }
}
