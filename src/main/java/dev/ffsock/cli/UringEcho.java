package dev.ffsock.cli;

import dev.ffsock.Socket;
import dev.ffsock.SocketClosedException;
import dev.ffsock.Type;
import dev.ffsock.uring.BufferRing;
import dev.ffsock.uring.Completion;
import dev.ffsock.uring.CompletionHandler;
import dev.ffsock.uring.IoUring;
import dev.ffsock.uring.UringMessage;
import dev.ffsock.uring.UringOptions;

import java.io.IOException;
import java.util.Arrays;
import java.util.Objects;

/**
 * An echo server for stream sockets (TCP, AF_UNIX) as one io_uring event loop on one thread: a
 * multishot accept on the listener, a multishot receive per connection taking buffers from one
 * provided-buffer ring, and a send back of what was received (one sendmsg gathers the buffers queued
 * so far; the rest of a short send goes next), one send in flight per connection so that bytes go
 * back in order. A buffer returns to the
 * ring when its bytes are sent. When the ring runs dry (clients that do not read), a receive ends
 * with ENOBUFS and the connection waits until buffers are recycled, then receives again: a slow
 * client holds buffers, never unbounded memory. A connection is closed (IORING_OP_CLOSE) at end of
 * stream once its bytes are sent, or on an error.
 *
 * <p>Connections live in slots reused through a free list, and user data encodes the kind of
 * operation and the slot: once warm, serving a request allocates nothing. The ring is set up with
 * SINGLE_ISSUER, DEFER_TASKRUN and COOP_TASKRUN where the kernel has them (when run on a platform
 * thread, which then owns it).
 *
 * <p>Usage: {@code new UringEcho(listener).run(n)} serves until {@code n} connections have been
 * accepted and closed ({@code -1}: until {@link #stop()}). The listeners stay the caller's.
 */
public final class UringEcho implements AutoCloseable, CompletionHandler {
    private static final int BUFFERS = 16384;
    private static final int BUFFER_SIZE = 4096;
    /** Queued buffers one send gathers (IORING_OP_SENDMSG). */
    private static final int GATHER = 32;
    private static final long ACCEPT = 1L << 56;
    private static final long RECV = 2L << 56;
    private static final long SEND = 3L << 56;
    private static final long CLOSE = 4L << 56;
    private static final long KIND = 0xffL << 56;

    private final Socket[] listeners;
    /** The ring and its buffers, made by {@link #run} on the thread that drives them (SINGLE_ISSUER). */
    private volatile IoUring ring;
    private BufferRing buffers;
    private Conn[] conns = new Conn[64];
    private int[] free = new int[64];
    private int freeCount;
    private int used;
    /** Connections whose receive ended for want of buffers, waiting for one to be recycled. */
    private int[] starved = new int[64];
    private int starvedCount;
    /** Connections to send to once the current batch of completions is handled (so a send gathers the batch). */
    private int[] ready = new int[64];
    private int readyCount;
    private long accepted;
    private long closed;
    private long bytesEchoed;
    private volatile boolean stopping;

    /** One client connection: its descriptor, and the received buffers waiting to be sent back, in order. */
    private static final class Conn {
        final UringMessage msg;
        int fd = -1;
        int[] bids = new int[16];
        int[] lens = new int[16];
        int qHead;
        int qSize;
        /** Bytes of the first queued buffer already sent. */
        int sentOfHead;
        boolean sending;
        /** Listed in {@code ready}: has queued bytes and a send to start after this batch. */
        boolean listed;
        boolean receiving;
        boolean eof;

        Conn(UringMessage msg) {
            this.msg = msg;
        }

        void reset(int fd) {
            this.fd = fd;
            qHead = qSize = sentOfHead = 0;
            sending = listed = receiving = eof = false;
        }

        void push(int bid, int len) {
            if (qSize == bids.length) {
                int[] b = new int[bids.length * 2];
                int[] l = new int[bids.length * 2];
                for (int i = 0; i < qSize; i++) {
                    b[i] = bids[(qHead + i) % bids.length];
                    l[i] = lens[(qHead + i) % bids.length];
                }
                bids = b;
                lens = l;
                qHead = 0;
            }
            int at = (qHead + qSize) % bids.length;
            bids[at] = bid;
            lens[at] = len;
            qSize++;
        }
    }

    /**
     * An echo server on one or more listening stream sockets (e.g. a TCP one and an AF_UNIX one),
     * all served by the same thread.
     */
    public UringEcho(Socket listener, Socket... more) {
        this.listeners = new Socket[1 + more.length];
        listeners[0] = Objects.requireNonNull(listener, "listener");
        for (int i = 0; i < more.length; i++) listeners[i + 1] = Objects.requireNonNull(more[i], "listener");
    }

    /** Makes {@link #run(int)} return soon (from any thread): closes the ring, which wakes the loop. */
    public void stop() {
        stopping = true;
        IoUring r = ring;
        if (r != null) r.close();
    }

    /** Opens the ring on this thread: SINGLE_ISSUER, DEFER_TASKRUN and COOP_TASKRUN where the kernel has them. */
    private IoUring open() throws IOException {
        boolean platform = !Thread.currentThread().isVirtual();
        UringOptions o = UringOptions.builder().entries(2048).cqEntries(16384)
                .singleIssuer(platform).deferTaskrun(platform).coopTaskrun(true).submitAll(true)
                .fallback(true).build();
        IoUring r = IoUring.open(o);
        try {
            buffers = r.registerBufferRing(0, BUFFERS, BUFFER_SIZE);
        } catch (IOException | RuntimeException e) {
            r.close();
            throw e;
        }
        return r;
    }

    /** {@return connections accepted so far} */
    public long accepted() {
        return accepted;
    }

    /** {@return bytes echoed so far} */
    public long bytesEchoed() {
        return bytesEchoed;
    }

    /**
     * Serves until {@code count} connections have been accepted and closed, or {@link #stop()}. The
     * ring is opened by (and belongs to) the calling thread, and closed, with the connections still
     * open, when it returns.
     *
     * @param count connections to serve, or -1 for no limit
     */
    public void run(int count) throws IOException {
        if (count < -1) throw new IllegalArgumentException("count must be -1 or more: " + count);
        if (ring != null) throw new IllegalStateException("already run");
        ring = open();
        try {
            if (stopping) return;
            for (int i = 0; i < listeners.length; i++) acceptOn(i);
            while (count < 0 || closed < count) {
                ring.submitAndWait(1);
                ring.complete(this);
                startSends();
            }
        } catch (SocketClosedException e) {
            if (!stopping) throw e;
        } finally {
            close();
        }
    }

    @Override
    public void complete(long userData, int res, int flags) throws IOException {
        long kind = userData & KIND;
        int slot = (int) userData;
        if (kind == ACCEPT) {
            accepted(slot, res, flags);
        } else if (kind == RECV) {
            received(conns[slot], slot, res, flags);
        } else if (kind == SEND) {
            sent(conns[slot], slot, res);
        } else if (kind == CLOSE) {
            release(slot);
        }
    }

    private void acceptOn(int listener) throws IOException {
        ring.acceptMultishot(listeners[listener].fd(), Type.SOCK_CLOEXEC, ACCEPT | listener);
    }

    private void accepted(int listener, int res, int flags) throws IOException {
        if (!Completion.more(flags)) acceptOn(listener);
        if (res < 0) return; // ECONNABORTED, EMFILE: that client is gone, the listener is fine
        accepted++;
        int slot = allocate();
        Conn c = conns[slot];
        c.reset(res);
        receive(c, slot);
    }

    private void receive(Conn c, int slot) throws IOException {
        c.receiving = true;
        ring.recvMultishot(c.fd, buffers, 0, RECV | slot);
    }

    private void received(Conn c, int slot, int res, int flags) throws IOException {
        boolean more = Completion.more(flags);
        if (!more) c.receiving = false;
        if (res > 0) {
            c.push(Completion.bufferId(flags), res);
            sendLater(c, slot);
            if (!more && !c.eof) receive(c, slot);
        } else if (res == -Completion.ENOBUFS && !c.eof) {
            if (starvedCount == starved.length) starved = Arrays.copyOf(starved, starved.length * 2);
            starved[starvedCount++] = slot; // received again once a buffer is recycled
        } else if (!more) {
            c.eof = true; // end of stream, a reset, or a cancel
            closeIfDone(c, slot);
        }
    }

    private void sendLater(Conn c, int slot) {
        if (c.listed || c.sending) return;
        c.listed = true;
        if (readyCount == ready.length) ready = Arrays.copyOf(ready, ready.length * 2);
        ready[readyCount++] = slot;
    }

    private void startSends() throws IOException {
        for (int i = 0; i < readyCount; i++) {
            Conn c = conns[ready[i]];
            c.listed = false;
            if (!c.sending && c.qSize > 0 && c.fd >= 0) sendHead(c, ready[i]);
        }
        readyCount = 0;
    }

    /** Sends the queued buffers (up to {@link #GATHER} at once, the first from where the last send stopped). */
    private void sendHead(Conn c, int slot) throws IOException {
        UringMessage m = c.msg.clearBuffers();
        for (int i = 0, n = Math.min(c.qSize, GATHER); i < n; i++) {
            int at = (c.qHead + i) % c.bids.length;
            int from = i == 0 ? c.sentOfHead : 0;
            m.addBuffer(buffers.buffer(c.bids[at]), from, c.lens[at] - from);
        }
        c.sending = true;
        ring.sendmsg(c.fd, m, 0, SEND | slot);
    }

    private void sent(Conn c, int slot, int res) throws IOException {
        c.sending = false;
        if (res < 0) {
            // The client is gone: drop what it would have been sent, stop receiving, close.
            while (c.qSize > 0) recycleHead(c);
            c.eof = true;
            if (c.receiving) ring.cancel(RECV | slot, 0);
            closeIfDone(c, slot);
            return;
        }
        bytesEchoed += res;
        int left = res;
        while (left > 0) {
            int rest = c.lens[c.qHead] - c.sentOfHead;
            if (left < rest) {
                c.sentOfHead += left; // a short send: the rest goes next
                break;
            }
            left -= rest;
            recycleHead(c);
        }
        if (c.qSize > 0) {
            sendLater(c, slot);
        } else {
            closeIfDone(c, slot);
        }
    }

    private void recycleHead(Conn c) throws IOException {
        buffers.recycle(c.bids[c.qHead]);
        c.qHead = (c.qHead + 1) % c.bids.length;
        c.qSize--;
        c.sentOfHead = 0;
        while (starvedCount > 0) {
            int s = starved[--starvedCount];
            Conn w = conns[s];
            if (!w.eof && !w.receiving && w.fd >= 0) receive(w, s);
        }
    }

    private void closeIfDone(Conn c, int slot) throws IOException {
        if (c.eof && !c.sending && !c.receiving && c.qSize == 0 && c.fd >= 0) {
            ring.close(c.fd, CLOSE | slot);
            c.fd = -1;
        }
    }

    private int allocate() throws IOException {
        if (freeCount > 0) return free[--freeCount];
        if (used == conns.length) conns = Arrays.copyOf(conns, used * 2);
        conns[used] = new Conn(ring.message(GATHER, 0));
        return used++;
    }

    private void release(int slot) {
        if (freeCount == free.length) free = Arrays.copyOf(free, free.length * 2);
        free[freeCount++] = slot;
        closed++;
    }

    /** Closes the ring (cancelling what is in flight) and the connections still open. */
    @Override
    public void close() {
        IoUring r = ring;
        if (r != null) r.close();
        for (int i = 0; i < used; i++) {
            Conn c = conns[i];
            if (c.fd < 0) continue;
            try {
                Socket.adopt(c.fd).close();
            } catch (IOException e) {
                // not a socket any more: nothing of ours to close
            }
            c.fd = -1;
        }
    }
}
