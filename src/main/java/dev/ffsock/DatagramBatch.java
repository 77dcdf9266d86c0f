package dev.ffsock;

import dev.ffsock.internal.CmsgLayout;
import dev.ffsock.internal.MsgIo;
import dev.ffsock.internal.Structs;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.Objects;

/**
 * A reusable batch of datagram slots for {@link Socket#sendmmsg(DatagramBatch, int, int, int)} and
 * {@link Socket#recvmmsg(DatagramBatch, int, java.time.Duration)}: per slot a native buffer of
 * {@link #slotCapacity()} bytes, a length, an address and optionally a control area, laid out once
 * in native memory ({@code struct mmsghdr} array, iovecs, buffers) and reused by every call, so a
 * batch call allocates nothing.
 *
 * <p>Sending: fill {@link #buffer(int)}, set {@link #setLength(int, int)} and, on an unconnected
 * socket, the destination ({@link #setAddress(int, SockAddr)} or {@link #address(int)}). Receiving:
 * each filled slot's {@link #length(int)} is the datagram's length (capped at the capacity; see
 * {@link #flags(int)} for MSG_TRUNC), {@link #address(int)} its source, {@link #control(int)} its
 * control messages. Descriptors (SCM_RIGHTS) received into a batch are closed at once and only
 * counted ({@link ReceivedControl#discardedFds()}): use {@link Message} to receive descriptors.
 *
 * <p>Not thread-safe: one call at a time. Native memory is freed by the garbage collector.
 */
public final class DatagramBatch {
    private final int slots;
    private final int slotCapacity;
    private final int controlCapacity;
    final MemorySegment vec;
    /** vec from slot i onwards, precomputed so that calls on part of the batch allocate nothing. */
    final MemorySegment[] vecFrom;
    private final MemorySegment iovs;
    private final MemorySegment[] buffers;
    final MemorySegment[] controls;
    final SockAddrStorage[] addresses;
    final int[] lengths;
    final int[] flags;
    /** Descriptors received (and closed at once) per slot. */
    private final int[] fdsClosed;
    /** Slots filled by the last receive. */
    int received;
    private final ReceivedControl view = new ReceivedControl();
    private int viewSlot = -1;

    /**
     * A batch of {@code slots} slots of {@code slotCapacity} bytes each, without control areas.
     *
     * @param slots how many datagrams one call sends or receives (the {@code vlen} of sendmmsg/recvmmsg)
     * @param slotCapacity the bytes each datagram's buffer holds
     */
    public DatagramBatch(int slots, int slotCapacity) {
        this(slots, slotCapacity, 0);
    }

    /**
     * A batch of {@code slots} slots of {@code slotCapacity} bytes, each with a control area of
     * {@code controlCapacity} bytes (see {@link Message#space(int)}).
     *
     * @param slots           1 to 1024 (UIO_MAXIOV, the kernel's limit per call)
     * @param slotCapacity    1 to 65536 bytes per datagram (a GRO receive needs up to 65535)
     * @param controlCapacity 0 to 4096 bytes per slot
     */
    public DatagramBatch(int slots, int slotCapacity, int controlCapacity) {
        if (slots < 1 || slots > 1024) throw new IllegalArgumentException("slots must be 1-1024: " + slots);
        if (slotCapacity < 1 || slotCapacity > 65536) throw new IllegalArgumentException("slotCapacity must be 1-65536: " + slotCapacity);
        if (controlCapacity < 0 || controlCapacity > 4096) throw new IllegalArgumentException("controlCapacity must be 0-4096: " + controlCapacity);
        this.slots = slots;
        this.slotCapacity = slotCapacity;
        this.controlCapacity = (int) CmsgLayout.align(controlCapacity);
        Arena arena = Arena.ofAuto();
        vec = arena.allocate(slots * Structs.Mmsghdr.SIZE, 16);
        iovs = arena.allocate(slots * Structs.Iovec.SIZE, 16);
        MemorySegment data = arena.allocate((long) slots * slotCapacity, 16);
        MemorySegment ctl = this.controlCapacity == 0 ? MemorySegment.NULL : arena.allocate((long) slots * this.controlCapacity, 16);
        vecFrom = new MemorySegment[slots];
        buffers = new MemorySegment[slots];
        controls = new MemorySegment[slots];
        addresses = new SockAddrStorage[slots];
        lengths = new int[slots];
        flags = new int[slots];
        fdsClosed = new int[slots];
        for (int i = 0; i < slots; i++) {
            vecFrom[i] = vec.asSlice(i * Structs.Mmsghdr.SIZE);
            buffers[i] = data.asSlice((long) i * slotCapacity, slotCapacity);
            controls[i] = this.controlCapacity == 0 ? MemorySegment.NULL
                    : ctl.asSlice((long) i * this.controlCapacity, this.controlCapacity);
            addresses[i] = new SockAddrStorage();
            long iov = i * Structs.Iovec.SIZE;
            iovs.set(ValueLayout.JAVA_LONG, iov + Structs.Iovec.BASE, buffers[i].address());
            long h = i * Structs.Mmsghdr.SIZE + Structs.Mmsghdr.HDR;
            vec.set(ValueLayout.JAVA_LONG, h + Structs.Msghdr.IOV, iovs.address() + iov);
            vec.set(ValueLayout.JAVA_LONG, h + Structs.Msghdr.IOVLEN, 1);
        }
    }

    /** {@return the number of slots} */
    public int size() {
        return slots;
    }

    /** {@return the bytes each slot's buffer holds} */
    public int slotCapacity() {
        return slotCapacity;
    }

    /** {@return the bytes of each slot's control area} */
    public int controlCapacity() {
        return controlCapacity;
    }

    /**
     * {@return slot {@code i}'s whole buffer (native, {@link #slotCapacity()} bytes; no allocation)}
     *
     * @param i the slot, below {@link #size()}
     */
    public MemorySegment buffer(int i) {
        return buffers[i];
    }

    /**
     * {@return slot {@code i}'s data: its buffer cut to {@link #length(int)} (allocates a slice)}
     *
     * @param i the slot, below {@link #size()}
     */
    public MemorySegment data(int i) {
        return buffers[i].asSlice(0, Math.min(lengths[i], slotCapacity));
    }

    /**
     * Sets the number of bytes slot {@code i} sends.
     *
     * @param i the slot, below {@link #size()}
     * @param length the bytes of the slot's buffer to send, at most its capacity
     */
    public void setLength(int i, int length) {
        Objects.checkIndex(i, slots);
        if (length < 0 || length > slotCapacity) throw new IllegalArgumentException("length must be 0-" + slotCapacity + ": " + length);
        lengths[i] = length;
    }

    /**
     * {@return slot {@code i}'s length: what {@link #setLength(int, int)} set; after a receive the bytes
     * received (for a datagram cut by MSG_TRUNC, its real length when MSG_TRUNC was passed in the flags);
     * after a send the bytes sent}
     *
     * @param i the slot, below {@link #size()}
     */
    public int length(int i) {
        return lengths[i];
    }

    /**
     * {@return slot {@code i}'s msg_flags after a receive (MSG_TRUNC, MSG_CTRUNC, …)}
     *
     * @param i the slot, below {@link #size()}
     */
    public int flags(int i) {
        return flags[i];
    }

    /**
     * {@return slot {@code i}'s address storage: destination of a send when not empty, source after a receive}
     *
     * @param i the slot, below {@link #size()}
     */
    public SockAddrStorage address(int i) {
        return addresses[i];
    }

    /**
     * Sets slot {@code i}'s destination; null empties it (connected sockets).
     *
     * @param i the slot, below {@link #size()}
     * @param to the destination, or null for a connected socket's peer
     */
    public void setAddress(int i, SockAddr to) {
        if (to == null) {
            addresses[i].len.set(ValueLayout.JAVA_INT, 0, 0);
        } else {
            addresses[i].set(to);
        }
    }

    /**
     * Sets every slot's destination to {@code to} (null empties them).
     *
     * @param to the destination, or null for a connected socket's peer
     */
    public void setAddressAll(SockAddr to) {
        for (int i = 0; i < slots; i++) setAddress(i, to);
    }

    /** {@return the number of slots the last receive filled} */
    public int received() {
        return received;
    }

    /**
     * {@return slot {@code i}'s received control messages, decoded into a view shared by all slots
     * (valid until the next call to this method or the next receive; no allocation)}
     *
     * @param i the slot, below {@link #size()}
     */
    public ReceivedControl control(int i) {
        Objects.checkIndex(i, received);
        if (viewSlot != i) {
            view.clear();
            MemorySegment hdrs = vec;
            long h = i * Structs.Mmsghdr.SIZE + Structs.Mmsghdr.HDR;
            long len = controlCapacity == 0 ? 0 : hdrs.get(ValueLayout.JAVA_LONG, h + Structs.Msghdr.CONTROLLEN);
            Cmsgs.parse(controls[i], len, view);
            view.truncated = (flags[i] & Msg.MSG_CTRUNC) != 0;
            // The slot's descriptors were closed when it was received (see afterReceive): their
            // numbers may belong to something else by now, so only their count is reported.
            view.forgetFds();
            view.fds.markDiscarded(fdsClosed[i]);
            viewSlot = i;
        }
        return view;
    }

    // ---- used by the socket calls ---------------------------------------------------------------

    /** Prepares slots [from, from+count) for sendmmsg. */
    void prepareSend(int from, int count) {
        for (int i = from; i < from + count; i++) {
            long h = i * Structs.Mmsghdr.SIZE + Structs.Mmsghdr.HDR;
            iovs.set(ValueLayout.JAVA_LONG, i * Structs.Iovec.SIZE + Structs.Iovec.LEN, lengths[i]);
            SockAddrStorage a = addresses[i];
            int alen = a.length();
            vec.set(ValueLayout.JAVA_LONG, h + Structs.Msghdr.NAME, alen == 0 ? 0 : a.addr.address());
            vec.set(ValueLayout.JAVA_INT, h + Structs.Msghdr.NAMELEN, alen);
            vec.set(ValueLayout.JAVA_LONG, h + Structs.Msghdr.CONTROL, 0);
            vec.set(ValueLayout.JAVA_LONG, h + Structs.Msghdr.CONTROLLEN, 0);
            vec.set(ValueLayout.JAVA_INT, h + Structs.Msghdr.FLAGS, 0);
            vec.set(ValueLayout.JAVA_INT, i * Structs.Mmsghdr.SIZE + Structs.Mmsghdr.LEN, 0);
        }
    }

    /** Records the bytes sent by the first {@code n} prepared slots. */
    void afterSend(int from, int n) {
        for (int i = from; i < from + n; i++) lengths[i] = vec.get(ValueLayout.JAVA_INT, i * Structs.Mmsghdr.SIZE + Structs.Mmsghdr.LEN);
    }

    /** Prepares slots [from, size) for recvmmsg. */
    void prepareReceive(int from) {
        viewSlot = -1;
        if (from == 0) received = 0;
        for (int i = from; i < slots; i++) {
            long h = i * Structs.Mmsghdr.SIZE + Structs.Mmsghdr.HDR;
            iovs.set(ValueLayout.JAVA_LONG, i * Structs.Iovec.SIZE + Structs.Iovec.LEN, slotCapacity);
            SockAddrStorage a = addresses[i];
            vec.set(ValueLayout.JAVA_LONG, h + Structs.Msghdr.NAME, a.addr.address());
            vec.set(ValueLayout.JAVA_INT, h + Structs.Msghdr.NAMELEN, (int) Structs.SockaddrStorage.SIZE);
            vec.set(ValueLayout.JAVA_LONG, h + Structs.Msghdr.CONTROL, controlCapacity == 0 ? 0 : controls[i].address());
            vec.set(ValueLayout.JAVA_LONG, h + Structs.Msghdr.CONTROLLEN, controlCapacity);
            vec.set(ValueLayout.JAVA_INT, h + Structs.Msghdr.FLAGS, 0);
            vec.set(ValueLayout.JAVA_INT, i * Structs.Mmsghdr.SIZE + Structs.Mmsghdr.LEN, 0);
            fdsClosed[i] = 0;
        }
    }

    /**
     * Records slots [from, from+n) of a receive: lengths, flags, address lengths; closes any received
     * descriptors at once.
     */
    void afterReceive(int from, int n) {
        for (int i = from; i < from + n; i++) {
            long h = i * Structs.Mmsghdr.SIZE + Structs.Mmsghdr.HDR;
            lengths[i] = vec.get(ValueLayout.JAVA_INT, i * Structs.Mmsghdr.SIZE + Structs.Mmsghdr.LEN);
            flags[i] = vec.get(ValueLayout.JAVA_INT, h + Structs.Msghdr.FLAGS) & ~Msg.MSG_CMSG_CLOEXEC; // echoed input flag
            int nl = vec.get(ValueLayout.JAVA_INT, h + Structs.Msghdr.NAMELEN);
            addresses[i].len.set(ValueLayout.JAVA_INT, 0, Math.max(0, Math.min(nl, (int) Structs.SockaddrStorage.SIZE)));
            if (controlCapacity > 0) {
                long len = vec.get(ValueLayout.JAVA_LONG, h + Structs.Msghdr.CONTROLLEN);
                if (len > 0) {
                    view.clear();
                    Cmsgs.parse(controls[i], len, view);
                    fdsClosed[i] = view.fds.count();
                    view.fds.closeAll();
                }
            }
        }
        received = from + n;
        viewSlot = -1;
    }

    /** The slots as the timed recvmmsg fills them. */
    final MsgIo.Slots receiver = new MsgIo.Slots() {
        @Override
        public MemorySegment vectorFrom(int from) {
            return vecFrom[from];
        }

        @Override
        public void received(int from, int n) {
            afterReceive(from, n);
        }
    };

    /** Marks slots [from, size) as not received (after a failed or would-block call). */
    void receiveFailed(int from) {
        received = from;
        viewSlot = -1;
    }
}
