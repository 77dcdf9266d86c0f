package dev.ffsock;

import dev.ffsock.internal.Structs;
import dev.ffsock.internal.Sys;

import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.ref.Reference;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.Objects;

/** The message calls behind {@link Socket#sendmsg}, {@link Socket#recvmsg}, {@link Socket#sendmmsg}, {@link Socket#recvmmsg}. */
final class MsgIo {
    private MsgIo() {
    }

    private static final ValueLayout.OfLong PTR = ValueLayout.JAVA_LONG; // 64-bit pointers and size_t (see Structs)

    // ---- sendmsg / recvmsg ---------------------------------------------------------------------

    static long sendmsg(Socket s, Message m, int flags) throws IOException {
        Objects.requireNonNull(m, "message");
        m.checkOpen();
        flags |= Msg.MSG_NOSIGNAL;
        boolean nb = !s.isBlocking() || (flags & Msg.MSG_DONTWAIT) != 0;
        MemorySegment bounce = fillIov(m, true);
        MemorySegment h = m.hdr;
        int alen = m.address.length();
        h.set(PTR, Structs.MSG_NAME, alen == 0 ? 0 : m.address.addr.address());
        h.set(ValueLayout.JAVA_INT, Structs.MSG_NAMELEN, alen);
        h.set(PTR, Structs.MSG_CONTROL, m.controlLength == 0 ? 0 : m.ctl.address());
        h.set(PTR, Structs.MSG_CONTROLLEN, m.controlLength);
        h.set(ValueLayout.JAVA_INT, Structs.MSG_FLAGS, 0);
        m.result = -1;
        int fd = s.enter();
        long r;
        try {
            r = Sys.sendmsg(fd, h, flags, nb);
        } catch (ErrnoException e) {
            throw closedOr(s, e, "sendmsg");
        } finally {
            s.leave();
            Reference.reachabilityFence(bounce);
            Reference.reachabilityFence(m);
        }
        if (r == Sys.WOULD_BLOCK) {
            if (s.isClosed()) throw new SocketClosedException("socket closed while blocked in sendmsg");
            if (!nb) throw new SocketTimeoutException("sendmsg timed out");
            return Socket.WOULD_BLOCK;
        }
        m.result = r;
        return r;
    }

    static long recvmsg(Socket s, Message m, int flags) throws IOException {
        Objects.requireNonNull(m, "message");
        m.checkOpen();
        for (int i = 0; i < m.bufferCount; i++) Buffers.writable(m.buffers[i]);
        m.received.clear();
        m.clearControl(); // the control area now receives
        m.flagsOut = 0;
        m.result = -1;
        flags |= Msg.MSG_CMSG_CLOEXEC;
        boolean nb = !s.isBlocking() || (flags & Msg.MSG_DONTWAIT) != 0;
        MemorySegment bounce = fillIov(m, false);
        MemorySegment h = m.hdr;
        SockAddrStorage a = m.address;
        h.set(PTR, Structs.MSG_NAME, a.addr.address());
        h.set(ValueLayout.JAVA_INT, Structs.MSG_NAMELEN, (int) Structs.SOCKADDR_STORAGE_SIZE);
        h.set(PTR, Structs.MSG_CONTROL, m.controlCapacity() == 0 ? 0 : m.ctl.address());
        h.set(PTR, Structs.MSG_CONTROLLEN, m.controlCapacity());
        h.set(ValueLayout.JAVA_INT, Structs.MSG_FLAGS, 0);
        a.len.set(ValueLayout.JAVA_INT, 0, 0);
        int fd = s.enter();
        long r;
        try {
            r = Sys.recvmsg(fd, h, flags, nb);
            if (r >= 0) received(m, r, bounce);
        } catch (ErrnoException e) {
            throw closedOr(s, e, "recvmsg");
        } finally {
            s.leave();
            Reference.reachabilityFence(bounce);
            Reference.reachabilityFence(m);
        }
        if (r == Sys.WOULD_BLOCK) {
            if (s.isClosed()) throw new SocketClosedException("socket closed while blocked in recvmsg");
            if (!nb) throw new SocketTimeoutException("recvmsg timed out");
            return Socket.WOULD_BLOCK;
        }
        m.result = r;
        if (r == 0 && m.capacity() > 0 && s.isClosed()) throw new SocketClosedException("socket closed while blocked in recvmsg");
        return r;
    }

    /** After a successful recvmsg: flags, address length, control data (descriptors owned at once), heap copies. */
    private static void received(Message m, long r, MemorySegment bounce) {
        MemorySegment h = m.hdr;
        m.flagsOut = h.get(ValueLayout.JAVA_INT, Structs.MSG_FLAGS) & ~Msg.MSG_CMSG_CLOEXEC; // echoed input flag
        int nl = h.get(ValueLayout.JAVA_INT, Structs.MSG_NAMELEN);
        m.address.len.set(ValueLayout.JAVA_INT, 0, Math.max(0, Math.min(nl, (int) Structs.SOCKADDR_STORAGE_SIZE)));
        long clen = m.controlCapacity() == 0 ? 0 : h.get(PTR, Structs.MSG_CONTROLLEN);
        Cmsgs.parse(m.ctl, clen, m.received);
        m.received.truncated = (m.flagsOut & Msg.MSG_CTRUNC) != 0;
        if (m.received.truncated) m.received.fds.discardAll();
        if (bounce != null) {
            // Scatter what landed in the bounce buffer back into the heap buffers, iovec by iovec.
            long left = r;
            long off = 0;
            for (int i = 0; i < m.bufferCount && left > 0; i++) {
                MemorySegment b = m.buffers[i];
                long n = Math.min(left, b.byteSize());
                if (!b.isNative()) {
                    MemorySegment.copy(bounce, off, b, 0, n);
                    off += b.byteSize();
                }
                left -= n;
            }
        }
    }

    /**
     * Writes the message's buffers into its iovec array. Heap buffers go through the per-thread
     * bounce buffer (returned, or null when all are native); for a send their bytes are copied in.
     */
    private static MemorySegment fillIov(Message m, boolean send) {
        long heap = 0;
        for (int i = 0; i < m.bufferCount; i++) {
            MemorySegment b = m.buffers[i];
            checkUsable(b);
            if (!b.isNative()) heap += b.byteSize();
        }
        MemorySegment bounce = heap == 0 ? null : Scratch.get().bounce(heap);
        long off = 0;
        MemorySegment iov = m.iov;
        for (int i = 0; i < m.bufferCount; i++) {
            MemorySegment b = m.buffers[i];
            long at = i * Structs.IOVEC_SIZE;
            long size = b.byteSize();
            if (b.isNative()) {
                iov.set(PTR, at + Structs.IOV_BASE, b.address());
            } else {
                if (send) MemorySegment.copy(b, 0, bounce, off, size);
                iov.set(PTR, at + Structs.IOV_BASE, bounce.address() + off);
                off += size;
            }
            iov.set(PTR, at + Structs.IOV_LEN, size);
        }
        MemorySegment h = m.hdr;
        h.set(PTR, Structs.MSG_IOV, m.bufferCount == 0 ? 0 : iov.address());
        h.set(PTR, Structs.MSG_IOVLEN, m.bufferCount);
        return bounce;
    }

    /**
     * A buffer whose memory is handed to the kernel by address must still be alive, and must not belong
     * to a confined arena of another thread (which could free it during the call).
     */
    private static void checkUsable(MemorySegment b) {
        if (!b.scope().isAlive()) throw new IllegalStateException("a buffer's arena is closed");
        if (!b.isAccessibleBy(Thread.currentThread())) {
            throw new WrongThreadException("a buffer belongs to a confined arena of another thread");
        }
    }

    // ---- sendmmsg / recvmmsg -------------------------------------------------------------------

    static int sendmmsg(Socket s, DatagramBatch b, int from, int count, int flags) throws IOException {
        Objects.requireNonNull(b, "batch");
        Objects.checkFromIndexSize(from, count, b.size());
        if (count == 0) return 0;
        flags |= Msg.MSG_NOSIGNAL;
        boolean nb = !s.isBlocking() || (flags & Msg.MSG_DONTWAIT) != 0;
        b.prepareSend(from, count);
        int fd = s.enter();
        int r;
        try {
            r = Sys.sendmmsg(fd, b.vecFrom[from], count, flags, nb);
        } catch (ErrnoException e) {
            throw closedOr(s, e, "sendmmsg");
        } finally {
            s.leave();
            Reference.reachabilityFence(b);
        }
        if (r == Sys.WOULD_BLOCK) {
            if (s.isClosed()) throw new SocketClosedException("socket closed while blocked in sendmmsg");
            if (!nb) throw new SocketTimeoutException("sendmmsg timed out");
            return Socket.WOULD_BLOCK;
        }
        b.afterSend(from, r);
        return r;
    }

    /** recvmmsg(2) into every slot without a time limit (blocking per the socket's mode and flags). */
    static int recvmmsg(Socket s, DatagramBatch b, int flags) throws IOException {
        Objects.requireNonNull(b, "batch");
        flags |= Msg.MSG_CMSG_CLOEXEC;
        boolean nb = !s.isBlocking() || (flags & Msg.MSG_DONTWAIT) != 0;
        b.prepareReceive(0);
        int fd = s.enter();
        int r;
        try {
            r = Sys.recvmmsg(fd, b.vec, b.size(), flags, MemorySegment.NULL, nb);
            if (r > 0) b.afterReceive(0, r);
        } catch (ErrnoException e) {
            b.receiveFailed(0);
            throw closedOr(s, e, "recvmmsg");
        } finally {
            s.leave();
            Reference.reachabilityFence(b);
        }
        if (r == Sys.WOULD_BLOCK) {
            b.receiveFailed(0);
            if (s.isClosed()) throw new SocketClosedException("socket closed while blocked in recvmmsg");
            if (!nb) throw new SocketTimeoutException("recvmmsg timed out");
            return Socket.WOULD_BLOCK;
        }
        if (r == 0) b.receiveFailed(0);
        return r;
    }

    /**
     * recvmmsg(2) with a real time limit: waits with poll(2) up to {@code timeout} for datagrams and takes
     * them with non-blocking recvmmsg calls until every slot is filled, the time is up, or (with
     * MSG_WAITFORONE) at least one arrived. The kernel's own recvmmsg timeout is not used: it is only
     * checked after a datagram arrives, so it cannot bound a wait on a quiet socket.
     */
    static int recvmmsg(Socket s, DatagramBatch b, int flags, Duration timeout) throws IOException {
        Objects.requireNonNull(b, "batch");
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative()) throw new IllegalArgumentException("negative timeout");
        boolean waitForOne = (flags & Msg.MSG_WAITFORONE) != 0;
        flags = (flags & ~Msg.MSG_WAITFORONE) | Msg.MSG_CMSG_CLOEXEC | Msg.MSG_DONTWAIT;
        long deadline = System.nanoTime() + Math.min(timeout.toNanos(), Long.MAX_VALUE / 4);
        int got = 0;
        b.prepareReceive(0);
        try {
            while (got < b.size()) {
                long leftNanos = deadline - System.nanoTime();
                int waitMillis = leftNanos <= 0 ? 0 : (int) Math.min(Integer.MAX_VALUE, (leftNanos + 999_999) / 1_000_000);
                int fd = s.enter();
                int r;
                try {
                    MemorySegment pfd = PollSet.one(fd, Poll.POLLIN);
                    int ready = Sys.poll(pfd, 1, waitMillis);
                    if (s.isClosed()) throw new SocketClosedException("socket closed while blocked in recvmmsg");
                    if (ready == 0) {
                        if (System.nanoTime() - deadline >= 0) break;
                        continue; // EINTR: recompute the time left
                    }
                    r = Sys.recvmmsg(fd, b.vecFrom[got], b.size() - got, flags, MemorySegment.NULL, true);
                    if (r > 0) b.afterReceive(got, r);
                } catch (ErrnoException e) {
                    if (got > 0) break; // report what arrived; the error (e.g. ICMP) stays pending for the next call
                    throw closedOr(s, e, "recvmmsg");
                } finally {
                    s.leave();
                }
                if (r > 0) {
                    got += r;
                    if (waitForOne) break;
                } else if (r == 0) {
                    break; // orderly shutdown of a connected datagram socket
                }
            }
        } finally {
            b.receiveFailed(got);
            Reference.reachabilityFence(b);
        }
        return got;
    }

    private static IOException closedOr(Socket s, IOException e, String call) {
        if (s.isClosed()) {
            SocketClosedException c = new SocketClosedException("socket closed while blocked in " + call);
            c.addSuppressed(e);
            return c;
        }
        return e;
    }
}
