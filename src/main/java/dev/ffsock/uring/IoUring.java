package dev.ffsock.uring;

import dev.ffsock.ErrnoException;
import dev.ffsock.SockAddr;
import dev.ffsock.SocketClosedException;
import dev.ffsock.Shutdown;
import dev.ffsock.internal.Blocking;
import dev.ffsock.internal.FdGuard;
import dev.ffsock.internal.Structs;
import dev.ffsock.internal.UringConstants;
import dev.ffsock.internal.UringRing;
import dev.ffsock.internal.UringStructs.Sqe;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * An io_uring instance: a submission queue of typed operations and a completion queue, shared with
 * the kernel through mapped memory, driven by io_uring_setup(2), io_uring_enter(2) and
 * io_uring_register(2) directly.
 *
 * <pre>{@code
 * try (IoUring ring = IoUring.open(UringOptions.of(64))) {
 *     MemorySegment buf = ring.allocate(4096);
 *     ring.recv(fd, buf, 0, 1);
 *     ring.submitAndWait(1);
 *     ring.complete((userData, res, flags) -> System.out.println(userData + ": " + res));
 * }
 * }</pre>
 *
 * <h2>Operations</h2>
 * Each operation method fills the next submission entry (submitting the queue first when it is
 * full) with the caller's {@code userData}, which comes back in the completion. Entries go to the
 * kernel at {@link #submit()} or {@link #submitAndWait(int)}. Descriptors are plain numbers (a
 * socket's {@link dev.ffsock.Socket#fd()}, a multishot accept's result) and must stay open until
 * the entry is submitted: the kernel takes its own reference then. {@link #link()} and
 * {@link #flags(int)} change the entry prepared last. An operation this kernel lacks (probed at
 * open) throws {@link UnsupportedOperationException} naming it.
 *
 * <h2>Memory</h2>
 * The kernel reads or writes an operation's buffers until it completes, long after the call that
 * prepared it. So buffers must be the ring's own memory ({@link #allocate(long)}, the
 * {@link BufferRing}s, the registered buffers): freed only when the ring is closed, after every
 * operation has been cancelled and reaped. Any other segment is refused.
 *
 * <h2>Completions</h2>
 * {@link #complete(CompletionHandler)} hands each completion to the handler (no allocation).
 * A negative result is {@code -errno}: {@code -ECANCELED} for a cancelled operation,
 * {@code -ENOBUFS} for a receive whose buffer ring is empty, {@code -ETIME} for an expired timeout.
 * Completions that do not fit the completion queue are kept by the kernel and handed on after the
 * ones in the queue; if the kernel had to drop some, {@link CompletionsLostException} says so.
 *
 * <h2>Threads and closing</h2>
 * One thread drives a ring (prepares, submits, waits, reaps); rings set up with
 * {@link UringOptions#SINGLE_ISSUER} must be driven by the platform thread that opened them.
 * Waits go through ffsock's I/O core: a virtual thread parks on the poller until the ring's
 * descriptor is readable (its carrier is free), a platform thread waits in io_uring_enter.
 * {@link #close()} may be called from any thread: it wakes a waiting thread (which throws
 * {@link SocketClosedException}), cancels what is in flight, reaps the cancellations, unmaps the
 * rings and frees the ring's memory.
 */
public final class IoUring implements AutoCloseable {
    /** IOSQE_FIXED_FILE: the entry's descriptor is an index into the registered files. */
    public static final int IOSQE_FIXED_FILE = UringConstants.IOSQE_FIXED_FILE;
    /** IOSQE_IO_DRAIN: start only after every earlier entry has completed. */
    public static final int IOSQE_IO_DRAIN = UringConstants.IOSQE_IO_DRAIN;
    /** IOSQE_IO_LINK: the next entry starts only after this one succeeds. */
    public static final int IOSQE_IO_LINK = UringConstants.IOSQE_IO_LINK;
    /** IOSQE_IO_HARDLINK: the next entry starts after this one whatever its result. */
    public static final int IOSQE_IO_HARDLINK = UringConstants.IOSQE_IO_HARDLINK;
    /** IOSQE_ASYNC: run the operation in a kernel worker instead of trying it inline first. */
    public static final int IOSQE_ASYNC = UringConstants.IOSQE_ASYNC;
    private static final int CALLER_FLAGS = IOSQE_FIXED_FILE | IOSQE_IO_DRAIN | IOSQE_IO_LINK | IOSQE_IO_HARDLINK
            | IOSQE_ASYNC;
    private static final long MAX_LEN = Integer.MAX_VALUE;
    private static final int MAX_BUFFER_RINGS = 64;

    private final UringRing ring;
    private final FdGuard guard;
    private final MemorySegment sqes;
    private final Arena arena;
    private int registeredFiles;
    private MemorySegment[] fixedBuffers = new MemorySegment[0];
    private final BufferRing[] bufferRings = new BufferRing[MAX_BUFFER_RINGS];
    /** The handler of the {@link #complete} in progress, behind one sink made once (no allocation per call). */
    private CompletionHandler current;
    private final UringRing.Sink sink = (userData, res, flags) -> current.complete(userData, res, flags);

    private IoUring(UringRing ring) {
        this.ring = ring;
        this.guard = ring.guard();
        this.sqes = ring.sqes();
        this.arena = ring.arena();
    }

    /**
     * {@return why io_uring cannot be used here, or null when it can} Reads
     * {@code /proc/sys/kernel/io_uring_disabled} (1: only for a privileged group, 2: for nobody).
     */
    public static String unavailableReason() {
        try {
            String v = Files.readString(Path.of("/proc/sys/kernel/io_uring_disabled")).trim();
            if (!v.equals("0")) return "io_uring is disabled: /proc/sys/kernel/io_uring_disabled is " + v;
        } catch (IOException e) {
            // older kernels have no such switch
        }
        return null;
    }

    /**
     * io_uring_setup(2): opens a ring, maps its queues, probes the kernel's operations
     * (IORING_REGISTER_PROBE).
     *
     * @throws ErrnoException if io_uring_setup fails: EINVAL for a flag this kernel lacks (unless
     *         {@link UringOptions#fallback()}), EPERM when io_uring is disabled, ENOMEM, EMFILE
     * @throws IllegalStateException if SINGLE_ISSUER is asked for on a virtual thread (which moves
     *         between kernel threads)
     * @param options how to set the ring up
     * @return the open ring
     */
    public static IoUring open(UringOptions options) throws IOException {
        Objects.requireNonNull(options, "options");
        int flags = options.setupFlags();
        if ((flags & UringOptions.SINGLE_ISSUER) != 0 && Thread.currentThread().isVirtual()) {
            throw new IllegalStateException("a SINGLE_ISSUER ring must be opened (and driven) by a platform thread");
        }
        int[] drop = {UringOptions.DEFER_TASKRUN, UringOptions.SINGLE_ISSUER, UringOptions.COOP_TASKRUN,
            UringOptions.SUBMIT_ALL};
        int next = 0;
        while (true) {
            try {
                return new IoUring(UringRing.open(options.entries(), options.cqEntries(), flags));
            } catch (ErrnoException e) {
                if (!options.fallback() || e.errno() != UringConstants.EINVAL) throw e;
                while (next < drop.length && (flags & drop[next]) == 0) next++;
                if (next == drop.length) throw e;
                flags &= ~drop[next++];
            }
        }
    }

    // ---- facts --------------------------------------------------------------------------------

    /** {@return the IORING_SETUP_* flags the ring was set up with} */
    public int setupFlags() {
        return ring.setupFlags();
    }

    /** {@return the IORING_FEAT_* bits the kernel reported} */
    public int features() {
        return ring.features();
    }

    /** {@return the submission queue's size} */
    public int sqEntries() {
        return ring.sqEntries();
    }

    /** {@return the completion queue's size} */
    public int cqEntries() {
        return ring.cqEntries();
    }

    /**
     * {@return whether this kernel supports {@code op} (IORING_REGISTER_PROBE)}
     *
     * @param op an operation
     */
    public boolean supports(UringOp op) {
        return ring.supports(op.opcode());
    }

    /** {@return operations submitted whose last completion has not been handed on yet} */
    public long inFlight() {
        return ring.inFlight();
    }

    /** {@return whether the kernel holds completions that did not fit the queue (IORING_SQ_CQ_OVERFLOW)} */
    public boolean overflowPending() {
        return ring.overflowPending();
    }

    /** {@return the ring's descriptor number, for interop; -1 once closed} */
    public int fd() {
        return guard.fd();
    }

    /** {@return whether {@link #close()} has been called} */
    public boolean isClosed() {
        return guard.closing();
    }

    // ---- memory -------------------------------------------------------------------------------

    /**
     * {@return {@code bytes} of the ring's own memory (zeroed, page-aligned from 4096 bytes), for
     * operation buffers} Freed when the ring is closed.
     * @param bytes how many bytes
     * @throws SocketClosedException if the ring is closed
     */
    public MemorySegment allocate(long bytes) throws SocketClosedException {
        if (bytes <= 0) throw new IllegalArgumentException("bytes must be positive: " + bytes);
        checkOpen();
        return arena.allocate(bytes, bytes >= 4096 ? 4096 : 16);
    }

    void checkOpen() throws SocketClosedException {
        if (guard.closing()) throw guard.closed();
    }

    /** Refuses memory the ring does not own (it could be freed while the kernel still uses it). */
    void checkRingMemory(MemorySegment buf) {
        Objects.requireNonNull(buf, "buffer");
        if (!buf.scope().equals(arena.scope())) {
            throw new IllegalArgumentException("io_uring buffers must be the ring's own memory (IoUring.allocate):"
                    + " the kernel uses them until the operation completes");
        }
    }

    private static long checkLength(MemorySegment buf) {
        long n = buf.byteSize();
        if (n > MAX_LEN) throw new IllegalArgumentException("buffer over 2^31-1 bytes: " + n);
        return n;
    }

    /**
     * IORING_REGISTER_PBUF_RING: a ring of {@code entries} provided buffers of {@code bufferSize}
     * bytes for group {@code group}, filled and handed to the kernel.
     *
     * @param group      the buffer group id, 0 to 63, not yet registered
     * @param entries    a power of two, 1 to 32768
     * @param bufferSize 1 byte to 1 MiB
     * @throws ErrnoException if the kernel refuses (EINVAL on kernels without buffer rings, EEXIST)
     * @return the buffer ring, its buffers handed to the kernel
     */
    public BufferRing registerBufferRing(int group, int entries, int bufferSize) throws IOException {
        if (group < 0 || group >= MAX_BUFFER_RINGS) throw new IllegalArgumentException("group must be 0-63: " + group);
        if (entries < 1 || entries > 32768 || Integer.bitCount(entries) != 1) {
            throw new IllegalArgumentException("entries must be a power of two, 1-32768: " + entries);
        }
        if (bufferSize < 1 || bufferSize > (1 << 20)) throw new IllegalArgumentException("bufferSize must be 1-1048576: " + bufferSize);
        if (bufferRings[group] != null) throw new IllegalStateException("buffer group " + group + " is registered");
        checkOpen();
        MemorySegment ringMem = arena.allocate(Math.max(4096, entries * dev.ffsock.internal.UringStructs.Buf.SIZE), 4096);
        MemorySegment data = arena.allocate((long) entries * bufferSize, 4096);
        BufferRing br = new BufferRing(this, group, entries, bufferSize, ringMem, data);
        try (Arena a = Arena.ofConfined()) {
            MemorySegment reg = a.allocate(dev.ffsock.internal.UringStructs.Buf.REG_SIZE, 8);
            reg.set(ValueLayout.JAVA_LONG, dev.ffsock.internal.UringStructs.Buf.REG_RING_ADDR, ringMem.address());
            reg.set(ValueLayout.JAVA_INT, dev.ffsock.internal.UringStructs.Buf.REG_RING_ENTRIES, entries);
            reg.set(ValueLayout.JAVA_SHORT, dev.ffsock.internal.UringStructs.Buf.REG_BGID, (short) group);
            ring.register(UringConstants.IORING_REGISTER_PBUF_RING, reg, 1);
        }
        br.fill();
        bufferRings[group] = br;
        return br;
    }

    /**
     * IORING_REGISTER_FILES: registers descriptors (-1 for an empty slot), which operations then
     * name by index with {@link #flags(int) flags(IOSQE_FIXED_FILE)}. The kernel holds its own
     * references until {@link #unregisterFiles()} or close.
     *
     * @throws ErrnoException EBUSY when files are registered already, EBADF for a bad descriptor
     * @param fds descriptors, -1 for an empty slot
     */
    public void registerFiles(int... fds) throws IOException {
        if (fds.length == 0 || fds.length > 32768) throw new IllegalArgumentException("1-32768 files: " + fds.length);
        for (int fd : fds) if (fd < -1) throw new IllegalArgumentException("bad descriptor: " + fd);
        try (Arena a = Arena.ofConfined()) {
            MemorySegment arr = a.allocateFrom(ValueLayout.JAVA_INT, fds);
            ring.register(UringConstants.IORING_REGISTER_FILES, arr, fds.length);
        }
        registeredFiles = fds.length;
    }

    /**
     * IORING_UNREGISTER_FILES.
     *
     * @throws IOException {@link dev.ffsock.ErrnoException} ENXIO when none are registered,
     *         {@link SocketClosedException} if the ring is closed
     */
    public void unregisterFiles() throws IOException {
        ring.register(UringConstants.IORING_UNREGISTER_FILES, MemorySegment.NULL, 0);
        registeredFiles = 0;
    }

    /**
     * IORING_REGISTER_BUFFERS: {@code count} buffers of {@code size} bytes in the ring's memory,
     * pinned by the kernel, for {@link #readFixed} and {@link #writeFixed}.
     *
     * @return the buffers, by index
     * @throws ErrnoException EBUSY when buffers are registered already, ENOMEM over RLIMIT_MEMLOCK
     * @param count how many buffers
     * @param size each buffer's size in bytes
     */
    public MemorySegment[] registerBuffers(int count, int size) throws IOException {
        if (count < 1 || count > 1024) throw new IllegalArgumentException("count must be 1-1024: " + count);
        if (size < 1 || size > (1 << 30)) throw new IllegalArgumentException("size must be 1 byte to 1 GiB: " + size);
        checkOpen();
        MemorySegment[] bufs = new MemorySegment[count];
        try (Arena a = Arena.ofConfined()) {
            MemorySegment iov = a.allocate(Structs.Iovec.SIZE * count, 8);
            for (int i = 0; i < count; i++) {
                bufs[i] = arena.allocate(size, 4096);
                iov.set(ValueLayout.JAVA_LONG, i * Structs.Iovec.SIZE + Structs.Iovec.BASE, bufs[i].address());
                iov.set(ValueLayout.JAVA_LONG, i * Structs.Iovec.SIZE + Structs.Iovec.LEN, size);
            }
            ring.register(UringConstants.IORING_REGISTER_BUFFERS, iov, count);
        }
        fixedBuffers = bufs;
        return bufs.clone();
    }

    /**
     * {@return a message header in the ring's memory for {@link #sendmsg} and {@link #recvmsg}}
     *
     * @param controlCapacity bytes of control data room (0 to 65536)
     * @throws SocketClosedException if the ring is closed
     */
    public UringMessage message(int controlCapacity) throws SocketClosedException {
        return message(1, controlCapacity);
    }

    /**
     * {@return a message header in the ring's memory with room for {@code maxBuffers} buffers}
     *
     * @param maxBuffers      1 to 1024 (IOV_MAX)
     * @param controlCapacity bytes of control data room (0 to 65536)
     * @throws SocketClosedException if the ring is closed
     */
    public UringMessage message(int maxBuffers, int controlCapacity) throws SocketClosedException {
        if (maxBuffers < 1 || maxBuffers > 1024) throw new IllegalArgumentException("maxBuffers must be 1-1024: " + maxBuffers);
        if (controlCapacity < 0 || controlCapacity > 65536) {
            throw new IllegalArgumentException("controlCapacity must be 0-65536: " + controlCapacity);
        }
        checkOpen();
        return new UringMessage(this, arena.allocate(UringMessage.size(maxBuffers, controlCapacity), 16), maxBuffers,
                controlCapacity);
    }

    // ---- preparing ----------------------------------------------------------------------------

    /** The next entry, zeroed, with the common fields: its offset in the entries segment. */
    private long prep(UringOp op, int fd, long addr, long len, long off, long userData) throws IOException {
        if (!ring.supports(op.opcode())) {
            throw new UnsupportedOperationException("io_uring: this kernel does not support " + op);
        }
        int rfd = guard.begin();
        long s;
        try {
            s = ring.next(rfd);
        } finally {
            guard.end();
        }
        sqes.set(ValueLayout.JAVA_BYTE, s + Sqe.OPCODE, (byte) op.opcode());
        sqes.set(ValueLayout.JAVA_INT, s + Sqe.FD, fd);
        sqes.set(ValueLayout.JAVA_LONG, s + Sqe.ADDR, addr);
        sqes.set(ValueLayout.JAVA_INT, s + Sqe.LEN, (int) len);
        sqes.set(ValueLayout.JAVA_LONG, s + Sqe.OFF, off);
        sqes.set(ValueLayout.JAVA_LONG, s + Sqe.USER_DATA, userData);
        return s;
    }

    private static int checkFd(int fd) {
        if (fd < 0) throw new IllegalArgumentException("negative descriptor: " + fd);
        return fd;
    }

    private long buffered(UringOp op, int fd, MemorySegment buf, long off, long userData) throws IOException {
        checkFd(fd);
        checkRingMemory(buf);
        return prep(op, fd, buf.address(), checkLength(buf), off, userData);
    }

    /**
     * IORING_OP_NOP: completes with 0.
     *
     * @param userData comes back in the operation's completion(s)
     * @throws IOException {@link SocketClosedException} if the ring is closed, {@link dev.ffsock.ErrnoException}
     *         if the kernel refuses
     */
    public void nop(long userData) throws IOException {
        prep(UringOp.NOP, -1, 0, 0, 0, userData);
    }

    /**
     * IORING_OP_ACCEPT: one connection; {@code res} is the new descriptor, which the caller owns.
     *
     * @param flags SOCK_NONBLOCK | SOCK_CLOEXEC ({@link dev.ffsock.Type}), or 0
     * @param fd the descriptor (with {@link #IOSQE_FIXED_FILE}: the registered file's index)
     * @param userData comes back in the operation's completion(s)
     * @throws IOException {@link SocketClosedException} if the ring is closed, {@link dev.ffsock.ErrnoException}
     *         if the kernel refuses
     */
    public void accept(int fd, int flags, long userData) throws IOException {
        long s = prep(UringOp.ACCEPT, checkFd(fd), 0, 0, 0, userData);
        sqes.set(ValueLayout.JAVA_INT, s + Sqe.OP_FLAGS, flags);
    }

    /**
     * IORING_OP_ACCEPT with IORING_ACCEPT_MULTISHOT: one completion per connection (with
     * {@link Completion#MORE}) until an error or cancel ends it.
     * @param fd the descriptor (with {@link #IOSQE_FIXED_FILE}: the registered file's index)
     * @param flags SOCK_NONBLOCK | SOCK_CLOEXEC ({@link dev.ffsock.Type}), or 0
     * @param userData comes back in the operation's completion(s)
     * @throws IOException {@link SocketClosedException} if the ring is closed, {@link dev.ffsock.ErrnoException}
     *         if the kernel refuses
     */
    public void acceptMultishot(int fd, int flags, long userData) throws IOException {
        long s = prep(UringOp.ACCEPT, checkFd(fd), 0, 0, 0, userData);
        sqes.set(ValueLayout.JAVA_INT, s + Sqe.OP_FLAGS, flags);
        sqes.set(ValueLayout.JAVA_SHORT, s + Sqe.IOPRIO, (short) UringConstants.IORING_ACCEPT_MULTISHOT);
    }

    /**
     * IORING_OP_CONNECT to {@code to} (the address is copied at submission).
     *
     * @param fd the descriptor (with {@link #IOSQE_FIXED_FILE}: the registered file's index)
     * @param to the destination
     * @param userData comes back in the operation's completion(s)
     * @throws IOException {@link SocketClosedException} if the ring is closed, {@link dev.ffsock.ErrnoException}
     *         if the kernel refuses
     */
    public void connect(int fd, SockAddr to, long userData) throws IOException {
        Objects.requireNonNull(to, "address");
        long s = prep(UringOp.CONNECT, checkFd(fd), 0, 0, 0, userData);
        long aux = ring.auxOffset(s);
        int len = to.writeTo(ring.aux().asSlice(aux, UringRing.AUX));
        sqes.set(ValueLayout.JAVA_LONG, s + Sqe.ADDR, ring.aux().address() + aux);
        sqes.set(ValueLayout.JAVA_LONG, s + Sqe.OFF, len);
    }

    /**
     * IORING_OP_RECV into {@code buf} (ring memory) with MSG_* {@code flags}; {@code res} is the byte count (0: end of stream).
     *
     * @param fd the descriptor (with {@link #IOSQE_FIXED_FILE}: the registered file's index)
     * @param buf the ring's own memory ({@link #allocate(long)})
     * @param flags MSG_* flags ({@link dev.ffsock.Msg})
     * @param userData comes back in the operation's completion(s)
     * @throws IOException {@link SocketClosedException} if the ring is closed, {@link dev.ffsock.ErrnoException}
     *         if the kernel refuses
     */
    public void recv(int fd, MemorySegment buf, int flags, long userData) throws IOException {
        long s = buffered(UringOp.RECV, fd, buf, 0, userData);
        sqes.set(ValueLayout.JAVA_INT, s + Sqe.OP_FLAGS, flags);
    }

    /**
     * IORING_OP_RECV with IORING_RECV_MULTISHOT and buffer selection from {@code buffers}: one
     * completion per receive, each naming the buffer it filled ({@link Completion#bufferId(int)};
     * give it back with {@link BufferRing#recycle(int)}). Ends (no {@link Completion#MORE}) at end
     * of stream ({@code res} 0), on an error, on cancel, or with {@code -ENOBUFS} when the buffer
     * ring is empty.
     * @param fd the descriptor (with {@link #IOSQE_FIXED_FILE}: the registered file's index)
     * @param buffers the provided-buffer ring the receives take buffers from
     * @param flags MSG_* flags ({@link dev.ffsock.Msg})
     * @param userData comes back in the operation's completion(s)
     * @throws IOException {@link SocketClosedException} if the ring is closed, {@link dev.ffsock.ErrnoException}
     *         if the kernel refuses
     */
    public void recvMultishot(int fd, BufferRing buffers, int flags, long userData) throws IOException {
        checkRing(buffers);
        long s = prep(UringOp.RECV, checkFd(fd), 0, 0, 0, userData);
        sqes.set(ValueLayout.JAVA_INT, s + Sqe.OP_FLAGS, flags);
        sqes.set(ValueLayout.JAVA_SHORT, s + Sqe.IOPRIO, (short) UringConstants.IORING_RECV_MULTISHOT);
        sqes.set(ValueLayout.JAVA_BYTE, s + Sqe.FLAGS, (byte) UringConstants.IOSQE_BUFFER_SELECT);
        sqes.set(ValueLayout.JAVA_SHORT, s + Sqe.BUF_INDEX, (short) buffers.group());
    }

    private void checkRing(BufferRing buffers) {
        Objects.requireNonNull(buffers, "buffers");
        if (buffers.group() >= MAX_BUFFER_RINGS || bufferRings[buffers.group()] != buffers) {
            throw new IllegalArgumentException("not a buffer ring of this IoUring: " + buffers);
        }
    }

    /**
     * IORING_OP_SEND of {@code buf} (ring memory); {@code res} is the byte count sent (may be short).
     *
     * @param fd the descriptor (with {@link #IOSQE_FIXED_FILE}: the registered file's index)
     * @param buf the ring's own memory ({@link #allocate(long)})
     * @param flags MSG_* flags ({@link dev.ffsock.Msg})
     * @param userData comes back in the operation's completion(s)
     * @throws IOException {@link SocketClosedException} if the ring is closed, {@link dev.ffsock.ErrnoException}
     *         if the kernel refuses
     */
    public void send(int fd, MemorySegment buf, int flags, long userData) throws IOException {
        long s = buffered(UringOp.SEND, fd, buf, 0, userData);
        sqes.set(ValueLayout.JAVA_INT, s + Sqe.OP_FLAGS, flags);
    }

    /**
     * IORING_OP_SEND of {@code length} bytes of {@code buf} (ring memory) from {@code offset}: as
     * {@link #send(int, MemorySegment, int, long)} without making a slice (an event loop's resend of
     * the rest of a partial send allocates nothing).
     *
     * @throws IndexOutOfBoundsException if the range is not within {@code buf}
     * @param fd the descriptor (with {@link #IOSQE_FIXED_FILE}: the registered file's index)
     * @param buf the ring's own memory ({@link #allocate(long)})
     * @param offset where in {@code buf} the bytes start
     * @param length how many bytes
     * @param flags MSG_* flags ({@link dev.ffsock.Msg})
     * @param userData comes back in the operation's completion(s)
     * @throws IOException {@link SocketClosedException} if the ring is closed, {@link dev.ffsock.ErrnoException}
     *         if the kernel refuses
     */
    public void send(int fd, MemorySegment buf, long offset, long length, int flags, long userData) throws IOException {
        checkFd(fd);
        checkRingMemory(buf);
        Objects.checkFromIndexSize(offset, length, buf.byteSize());
        if (length > MAX_LEN) throw new IllegalArgumentException("over 2^31-1 bytes: " + length);
        long s = prep(UringOp.SEND, fd, buf.address() + offset, length, 0, userData);
        sqes.set(ValueLayout.JAVA_INT, s + Sqe.OP_FLAGS, flags);
    }

    /**
     * IORING_OP_SEND_ZC: a zero-copy send. Two completions with the same user data: the result
     * (with {@link Completion#MORE}), then a notification ({@link Completion#NOTIF}) when the kernel
     * no longer uses {@code buf}; only then may it change.
     * @param fd the descriptor (with {@link #IOSQE_FIXED_FILE}: the registered file's index)
     * @param buf the ring's own memory ({@link #allocate(long)})
     * @param flags MSG_* flags ({@link dev.ffsock.Msg})
     * @param userData comes back in the operation's completion(s)
     * @throws IOException {@link SocketClosedException} if the ring is closed, {@link dev.ffsock.ErrnoException}
     *         if the kernel refuses
     */
    public void sendZc(int fd, MemorySegment buf, int flags, long userData) throws IOException {
        long s = buffered(UringOp.SEND_ZC, fd, buf, 0, userData);
        sqes.set(ValueLayout.JAVA_INT, s + Sqe.OP_FLAGS, flags);
    }

    /**
     * IORING_OP_SENDMSG of {@code msg} (its buffer and address).
     *
     * @param fd the descriptor (with {@link #IOSQE_FIXED_FILE}: the registered file's index)
     * @param msg the message (the ring's memory)
     * @param flags MSG_* flags ({@link dev.ffsock.Msg})
     * @param userData comes back in the operation's completion(s)
     * @throws IOException {@link SocketClosedException} if the ring is closed, {@link dev.ffsock.ErrnoException}
     *         if the kernel refuses
     */
    public void sendmsg(int fd, UringMessage msg, int flags, long userData) throws IOException {
        Objects.requireNonNull(msg, "msg");
        long s = prep(UringOp.SENDMSG, checkFd(fd), msg.headerAddress(), 1, 0, userData);
        sqes.set(ValueLayout.JAVA_INT, s + Sqe.OP_FLAGS, flags);
    }

    /**
     * IORING_OP_RECVMSG into {@code msg} (its buffer; the source address and flags are written back).
     *
     * @param fd the descriptor (with {@link #IOSQE_FIXED_FILE}: the registered file's index)
     * @param msg the message (the ring's memory)
     * @param flags MSG_* flags ({@link dev.ffsock.Msg})
     * @param userData comes back in the operation's completion(s)
     * @throws IOException {@link SocketClosedException} if the ring is closed, {@link dev.ffsock.ErrnoException}
     *         if the kernel refuses
     */
    public void recvmsg(int fd, UringMessage msg, int flags, long userData) throws IOException {
        Objects.requireNonNull(msg, "msg");
        msg.prepareReceive();
        long s = prep(UringOp.RECVMSG, checkFd(fd), msg.headerAddress(), 1, 0, userData);
        sqes.set(ValueLayout.JAVA_INT, s + Sqe.OP_FLAGS, flags);
    }

    /**
     * IORING_OP_READ into {@code buf} at file {@code offset} (-1: the current position).
     *
     * @param fd the descriptor (with {@link #IOSQE_FIXED_FILE}: the registered file's index)
     * @param buf the ring's own memory ({@link #allocate(long)})
     * @param offset the file offset (-1: the current position)
     * @param userData comes back in the operation's completion(s)
     * @throws IOException {@link SocketClosedException} if the ring is closed, {@link dev.ffsock.ErrnoException}
     *         if the kernel refuses
     */
    public void read(int fd, MemorySegment buf, long offset, long userData) throws IOException {
        buffered(UringOp.READ, fd, buf, offset, userData);
    }

    /**
     * IORING_OP_WRITE of {@code buf} at file {@code offset} (-1: the current position).
     *
     * @param fd the descriptor (with {@link #IOSQE_FIXED_FILE}: the registered file's index)
     * @param buf the ring's own memory ({@link #allocate(long)})
     * @param offset the file offset (-1: the current position)
     * @param userData comes back in the operation's completion(s)
     * @throws IOException {@link SocketClosedException} if the ring is closed, {@link dev.ffsock.ErrnoException}
     *         if the kernel refuses
     */
    public void write(int fd, MemorySegment buf, long offset, long userData) throws IOException {
        buffered(UringOp.WRITE, fd, buf, offset, userData);
    }

    private long fixed(UringOp op, int fd, int index, int length, long offset, long userData) throws IOException {
        checkFd(fd);
        Objects.checkIndex(index, fixedBuffers.length);
        MemorySegment b = fixedBuffers[index];
        if (length < 0 || length > b.byteSize()) {
            throw new IllegalArgumentException("length must be 0-" + b.byteSize() + ": " + length);
        }
        long s = prep(op, fd, b.address(), length, offset, userData);
        sqes.set(ValueLayout.JAVA_SHORT, s + Sqe.BUF_INDEX, (short) index);
        return s;
    }

    /**
     * IORING_OP_READ_FIXED: {@code length} bytes into registered buffer {@code index}, at file {@code offset}.
     *
     * @param fd the descriptor (with {@link #IOSQE_FIXED_FILE}: the registered file's index)
     * @param index the registered buffer's index
     * @param length how many bytes
     * @param offset the file offset (-1: the current position)
     * @param userData comes back in the operation's completion(s)
     * @throws IOException {@link SocketClosedException} if the ring is closed, {@link dev.ffsock.ErrnoException}
     *         if the kernel refuses
     */
    public void readFixed(int fd, int index, int length, long offset, long userData) throws IOException {
        fixed(UringOp.READ_FIXED, fd, index, length, offset, userData);
    }

    /**
     * IORING_OP_WRITE_FIXED: the first {@code length} bytes of registered buffer {@code index}, at file {@code offset}.
     *
     * @param fd the descriptor (with {@link #IOSQE_FIXED_FILE}: the registered file's index)
     * @param index the registered buffer's index
     * @param length how many bytes
     * @param offset the file offset (-1: the current position)
     * @param userData comes back in the operation's completion(s)
     * @throws IOException {@link SocketClosedException} if the ring is closed, {@link dev.ffsock.ErrnoException}
     *         if the kernel refuses
     */
    public void writeFixed(int fd, int index, int length, long offset, long userData) throws IOException {
        fixed(UringOp.WRITE_FIXED, fd, index, length, offset, userData);
    }

    /**
     * IORING_OP_CLOSE: closes descriptor {@code fd} (which the caller owned).
     *
     * @param fd the descriptor (with {@link #IOSQE_FIXED_FILE}: the registered file's index)
     * @param userData comes back in the operation's completion(s)
     * @throws IOException {@link SocketClosedException} if the ring is closed, {@link dev.ffsock.ErrnoException}
     *         if the kernel refuses
     */
    public void close(int fd, long userData) throws IOException {
        prep(UringOp.CLOSE, checkFd(fd), 0, 0, 0, userData);
    }

    /**
     * IORING_OP_SHUTDOWN.
     *
     * @param fd the descriptor (with {@link #IOSQE_FIXED_FILE}: the registered file's index)
     * @param how which direction
     * @param userData comes back in the operation's completion(s)
     * @throws IOException {@link SocketClosedException} if the ring is closed, {@link dev.ffsock.ErrnoException}
     *         if the kernel refuses
     */
    public void shutdown(int fd, Shutdown how, long userData) throws IOException {
        Objects.requireNonNull(how, "how");
        prep(UringOp.SHUTDOWN, checkFd(fd), 0, how.how(), 0, userData);
    }

    /**
     * IORING_OP_POLL_ADD: completes once with the POLL* bits ready.
     *
     * @param fd the descriptor (with {@link #IOSQE_FIXED_FILE}: the registered file's index)
     * @param events the POLL* bits wanted ({@link dev.ffsock.Poll})
     * @param userData comes back in the operation's completion(s)
     * @throws IOException {@link SocketClosedException} if the ring is closed, {@link dev.ffsock.ErrnoException}
     *         if the kernel refuses
     */
    public void pollAdd(int fd, int events, long userData) throws IOException {
        long s = prep(UringOp.POLL_ADD, checkFd(fd), 0, 0, 0, userData);
        sqes.set(ValueLayout.JAVA_INT, s + Sqe.OP_FLAGS, events);
    }

    /**
     * IORING_OP_POLL_ADD with IORING_POLL_ADD_MULTI: a completion (with {@link Completion#MORE}) each time.
     *
     * @param fd the descriptor (with {@link #IOSQE_FIXED_FILE}: the registered file's index)
     * @param events the POLL* bits wanted ({@link dev.ffsock.Poll})
     * @param userData comes back in the operation's completion(s)
     * @throws IOException {@link SocketClosedException} if the ring is closed, {@link dev.ffsock.ErrnoException}
     *         if the kernel refuses
     */
    public void pollMultishot(int fd, int events, long userData) throws IOException {
        long s = prep(UringOp.POLL_ADD, checkFd(fd), 0, UringConstants.IORING_POLL_ADD_MULTI, 0, userData);
        sqes.set(ValueLayout.JAVA_INT, s + Sqe.OP_FLAGS, events);
    }

    private long timespec(UringOp op, Duration d, long count, long userData) throws IOException {
        Objects.requireNonNull(d, "duration");
        if (d.isNegative()) throw new IllegalArgumentException("negative duration: " + d);
        long s = prep(op, -1, 0, 1, count, userData);
        long aux = ring.auxOffset(s);
        MemorySegment a = ring.aux();
        a.set(ValueLayout.JAVA_LONG, aux + dev.ffsock.internal.UringStructs.GeteventsArg.TV_SEC, d.getSeconds());
        a.set(ValueLayout.JAVA_LONG, aux + dev.ffsock.internal.UringStructs.GeteventsArg.TV_NSEC, d.getNano());
        sqes.set(ValueLayout.JAVA_LONG, s + Sqe.ADDR, a.address() + aux);
        return s;
    }

    /**
     * IORING_OP_TIMEOUT: completes with {@code -ETIME} after {@code d}.
     *
     * @param d how long
     * @param userData comes back in the operation's completion(s)
     * @throws IOException {@link SocketClosedException} if the ring is closed, {@link dev.ffsock.ErrnoException}
     *         if the kernel refuses
     */
    public void timeout(Duration d, long userData) throws IOException {
        timespec(UringOp.TIMEOUT, d, 0, userData);
    }

    /**
     * IORING_OP_TIMEOUT with a count: completes with 0 once {@code count} other completions have
     * been posted, or with {@code -ETIME} after {@code d}.
     * @param d how long
     * @param count completions to wait for (0: a pure timeout)
     * @param userData comes back in the operation's completion(s)
     * @throws IOException {@link SocketClosedException} if the ring is closed, {@link dev.ffsock.ErrnoException}
     *         if the kernel refuses
     */
    public void timeout(Duration d, int count, long userData) throws IOException {
        if (count < 0) throw new IllegalArgumentException("negative count: " + count);
        timespec(UringOp.TIMEOUT, d, count, userData);
    }

    /**
     * IORING_OP_LINK_TIMEOUT: bounds the entry prepared just before, which is linked to it
     * (IOSQE_IO_LINK is set on it). When {@code d} passes first, that operation completes with
     * {@code -ECANCELED} and this one with {@code -ETIME}; otherwise this one with {@code -ECANCELED}.
     *
     * @throws IllegalStateException if no entry is prepared and not yet submitted
     * @param d how long
     * @param userData comes back in the operation's completion(s)
     * @throws IOException {@link SocketClosedException} if the ring is closed, {@link dev.ffsock.ErrnoException}
     *         if the kernel refuses
     */
    public void linkTimeout(Duration d, long userData) throws IOException {
        link();
        timespec(UringOp.LINK_TIMEOUT, d, 0, userData);
    }

    /**
     * IORING_OP_ASYNC_CANCEL of the operation with user data {@code target} (res: 0, -ENOENT or -EALREADY).
     *
     * @param target the user data of the operation to cancel
     * @param userData comes back in the operation's completion(s)
     * @throws IOException {@link SocketClosedException} if the ring is closed, {@link dev.ffsock.ErrnoException}
     *         if the kernel refuses
     */
    public void cancel(long target, long userData) throws IOException {
        prep(UringOp.ASYNC_CANCEL, -1, target, 0, 0, userData);
    }

    /**
     * IORING_OP_ASYNC_CANCEL of every operation on descriptor {@code fd} (res: how many).
     *
     * @param fd the descriptor (with {@link #IOSQE_FIXED_FILE}: the registered file's index)
     * @param userData comes back in the operation's completion(s)
     * @throws IOException {@link SocketClosedException} if the ring is closed, {@link dev.ffsock.ErrnoException}
     *         if the kernel refuses
     */
    public void cancelFd(int fd, long userData) throws IOException {
        long s = prep(UringOp.ASYNC_CANCEL, checkFd(fd), 0, 0, 0, userData);
        sqes.set(ValueLayout.JAVA_INT, s + Sqe.OP_FLAGS,
                UringConstants.IORING_ASYNC_CANCEL_FD | UringConstants.IORING_ASYNC_CANCEL_ALL);
    }

    /**
     * IORING_OP_ASYNC_CANCEL with IORING_ASYNC_CANCEL_ANY: every operation in flight (res: how many).
     *
     * @param userData comes back in the operation's completion(s)
     * @throws IOException {@link SocketClosedException} if the ring is closed, {@link dev.ffsock.ErrnoException}
     *         if the kernel refuses
     */
    public void cancelAll(long userData) throws IOException {
        long s = prep(UringOp.ASYNC_CANCEL, -1, 0, 0, 0, userData);
        sqes.set(ValueLayout.JAVA_INT, s + Sqe.OP_FLAGS, UringConstants.IORING_ASYNC_CANCEL_ANY);
    }

    /** Links the entry prepared last to the next one (IOSQE_IO_LINK). */
    public void link() {
        flags(IOSQE_IO_LINK);
    }

    /**
     * Adds IOSQE_* flags to the entry prepared last: {@link #IOSQE_FIXED_FILE} (its descriptor is
     * then an index into the registered files), {@link #IOSQE_IO_LINK}, {@link #IOSQE_IO_HARDLINK},
     * {@link #IOSQE_IO_DRAIN}, {@link #IOSQE_ASYNC}.
     *
     * @throws IllegalStateException if no entry is prepared and not yet submitted
     * @throws IllegalArgumentException for other bits, or FIXED_FILE with an index beyond the registered files
     * @param iosqeFlags IOSQE_* bits
     */
    public void flags(int iosqeFlags) {
        if ((iosqeFlags & ~CALLER_FLAGS) != 0) {
            throw new IllegalArgumentException("unsupported IOSQE flags: 0x" + Integer.toHexString(iosqeFlags & ~CALLER_FLAGS));
        }
        long s = ring.lastUnsubmitted();
        if (s < 0) throw new IllegalStateException("no entry prepared since the last submit");
        if ((iosqeFlags & IOSQE_FIXED_FILE) != 0) {
            int index = sqes.get(ValueLayout.JAVA_INT, s + Sqe.FD);
            if (index < 0 || index >= registeredFiles) {
                throw new IllegalArgumentException("no registered file " + index + " (" + registeredFiles + " registered)");
            }
        }
        byte f = sqes.get(ValueLayout.JAVA_BYTE, s + Sqe.FLAGS);
        sqes.set(ValueLayout.JAVA_BYTE, s + Sqe.FLAGS, (byte) (f | iosqeFlags));
    }

    // ---- submitting and completing ------------------------------------------------------------

    /**
     * io_uring_enter(2): submits the prepared entries without waiting.
     *
     * @return how many entries the kernel took
     * @throws IOException {@link SocketClosedException} if the ring is closed, {@link dev.ffsock.ErrnoException}
     *         if the kernel refuses
     */
    public int submit() throws IOException {
        int fd = guard.begin();
        try {
            return ring.submitNow(fd);
        } finally {
            guard.end();
        }
    }

    /**
     * Submits the prepared entries and waits until at least {@code min} completions are ready
     * (0: only submits and collects what is there). Returns the number ready.
     *
     * @throws SocketClosedException if the ring is closed, also while waiting
     * @param min completions to wait for (0: only submit and look)
     * @return how many completions are ready
     */
    public int submitAndWait(int min) throws IOException {
        if (min < 0) throw new IllegalArgumentException("negative min: " + min);
        return ring.submitAndWait(min, 0);
    }

    /**
     * As {@link #submitAndWait(int)}, for at most {@code timeout}: returns fewer than {@code min}
     * when it passes.
     * @param min completions to wait for (0: only submit and look)
     * @param timeout the longest wait
     * @return how many completions are ready
     * @throws IOException {@link SocketClosedException} if the ring is closed, {@link dev.ffsock.ErrnoException}
     *         if the kernel refuses
     */
    public int submitAndWait(int min, Duration timeout) throws IOException {
        if (min < 0) throw new IllegalArgumentException("negative min: " + min);
        Objects.requireNonNull(timeout, "timeout");
        long deadline = Blocking.deadline(timeout);
        if (deadline == 0) deadline = System.nanoTime() | 1; // zero or negative: look once
        return ring.submitAndWait(min, deadline);
    }

    /**
     * Hands every ready completion to {@code handler}, oldest first (and then those the kernel kept
     * when the queue overflowed). Each is consumed before the handler sees it.
     *
     * @return how many were handed on
     * @throws CompletionsLostException after handing them on, if the kernel dropped completions
     * @param handler called once per completion
     */
    public int complete(CompletionHandler handler) throws IOException {
        Objects.requireNonNull(handler, "handler");
        current = handler;
        int n;
        try {
            n = ring.reap(sink);
        } finally {
            current = null;
        }
        int lost = ring.droppedSinceLastReap();
        if (lost > 0) throw new CompletionsLostException(lost);
        return n;
    }

    /** Closes the ring: see the class comment. Idempotent; never throws. */
    @Override
    public void close() {
        ring.close();
    }

    @Override
    public String toString() {
        return "IoUring[" + (isClosed() ? "closed" : "sq " + sqEntries() + ", cq " + cqEntries()) + "]";
    }
}
