package dev.ffsock;

import dev.ffsock.internal.Blocking;
import dev.ffsock.internal.FdGuard;
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
        boolean block = s.blocking(flags);
        if (block) Blocking.checkInterrupt(s.guard());
        MemorySegment bounce = fillIov(m, true);
        MemorySegment h = m.hdr;
        int alen = m.address.length();
        h.set(PTR, Structs.MSG_NAME, alen == 0 ? 0 : m.address.addr.address());
        h.set(ValueLayout.JAVA_INT, Structs.MSG_NAMELEN, alen);
        h.set(PTR, Structs.MSG_CONTROL, m.controlLength == 0 ? 0 : m.ctl.address());
        h.set(PTR, Structs.MSG_CONTROLLEN, m.controlLength);
        h.set(ValueLayout.JAVA_INT, Structs.MSG_FLAGS, 0);
        m.result = -1;
        long r;
        try {
            r = Blocking.call(s.guard(), block, flags, Poll.POLLOUT, Blocking.UNSET, Sys.SO_SNDTIMEO, "sendmsg",
                    SENDMSG, h, 0, null);
        } finally {
            Reference.reachabilityFence(bounce);
            Reference.reachabilityFence(m);
        }
        if (r == Sys.WOULD_BLOCK) return Socket.WOULD_BLOCK;
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
        boolean block = s.blocking(flags);
        if (block) Blocking.checkInterrupt(s.guard());
        MemorySegment bounce = fillIov(m, false);
        MemorySegment h = m.hdr;
        SockAddrStorage a = m.address;
        h.set(PTR, Structs.MSG_NAME, a.addr.address());
        h.set(ValueLayout.JAVA_INT, Structs.MSG_NAMELEN, (int) Structs.SOCKADDR_STORAGE_SIZE);
        h.set(PTR, Structs.MSG_CONTROL, m.controlCapacity() == 0 ? 0 : m.ctl.address());
        h.set(PTR, Structs.MSG_CONTROLLEN, m.controlCapacity());
        h.set(ValueLayout.JAVA_INT, Structs.MSG_FLAGS, 0);
        a.len.set(ValueLayout.JAVA_INT, 0, 0);
        long r;
        try {
            r = Blocking.call(s.guard(), block, flags, Poll.POLLIN, Blocking.UNSET, Sys.SO_RCVTIMEO, "recvmsg",
                    RECVMSG, h, 0, null);
            if (r >= 0) received(m, r, bounce);
        } finally {
            Reference.reachabilityFence(bounce);
            Reference.reachabilityFence(m);
        }
        if (r == Sys.WOULD_BLOCK) return Socket.WOULD_BLOCK;
        m.result = r;
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
        boolean block = s.blocking(flags);
        if (block) Blocking.checkInterrupt(s.guard());
        b.prepareSend(from, count);
        int r;
        try {
            r = (int) Blocking.call(s.guard(), block, flags, Poll.POLLOUT, Blocking.UNSET, Sys.SO_SNDTIMEO, "sendmmsg",
                    SENDMMSG, b.vecFrom[from], count, null);
        } finally {
            Reference.reachabilityFence(b);
        }
        if (r == Sys.WOULD_BLOCK) return Socket.WOULD_BLOCK;
        b.afterSend(from, r);
        return r;
    }

    /** recvmmsg(2) into every slot without a time limit (blocking per the socket's mode and flags). */
    static int recvmmsg(Socket s, DatagramBatch b, int flags) throws IOException {
        Objects.requireNonNull(b, "batch");
        flags |= Msg.MSG_CMSG_CLOEXEC;
        boolean block = s.blocking(flags);
        if (block) Blocking.checkInterrupt(s.guard());
        b.prepareReceive(0);
        int r = Sys.WOULD_BLOCK;
        try {
            r = (int) Blocking.call(s.guard(), block, flags, Poll.POLLIN, Blocking.UNSET, Sys.SO_RCVTIMEO, "recvmmsg",
                    RECVMMSG, b.vec, b.size(), null);
            if (r > 0) b.afterReceive(0, r);
        } finally {
            if (r <= 0) b.receiveFailed(0);
            Reference.reachabilityFence(b);
        }
        return r == Sys.WOULD_BLOCK ? Socket.WOULD_BLOCK : r;
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
        // Always MSG_DONTWAIT: the waits happen in Blocking.await, bounded by the deadline.
        flags = (flags & ~Msg.MSG_WAITFORONE) | Msg.MSG_CMSG_CLOEXEC | Msg.MSG_DONTWAIT;
        Blocking.checkInterrupt(s.guard());
        boolean wait = !timeout.isZero();
        long deadline = Blocking.deadline(timeout);
        int got = 0;
        b.prepareReceive(0);
        try {
            while (got < b.size()) {
                int r;
                try {
                    r = (int) Blocking.call(s.guard(), wait, flags, Poll.POLLIN, deadline, Blocking.NO_OPTION,
                            "recvmmsg", RECVMMSG, b.vecFrom[got], b.size() - got, null);
                } catch (SocketTimeoutException e) {
                    break;
                } catch (ErrnoException e) {
                    if (got > 0) break; // report what arrived; the error (e.g. ICMP) stays pending for the next call
                    throw e;
                }
                if (r == Sys.WOULD_BLOCK || r == 0) break; // nothing now (zero timeout), or orderly shutdown
                b.afterReceive(got, r);
                got += r;
                if (waitForOne) break;
            }
        } finally {
            b.receiveFailed(got);
            Reference.reachabilityFence(b);
        }
        return got;
    }

    private static final Blocking.Call SENDMSG = (fd, h, n, f, x) -> Sys.sendmsg(fd, h, f);
    private static final Blocking.Call RECVMSG = (fd, h, n, f, x) -> Sys.recvmsg(fd, h, f);
    private static final Blocking.Call SENDMMSG = (fd, v, n, f, x) -> Sys.sendmmsg(fd, v, (int) n, f);
    private static final Blocking.Call RECVMMSG = (fd, v, n, f, x) -> Sys.recvmmsg(fd, v, (int) n, f, MemorySegment.NULL);

}
