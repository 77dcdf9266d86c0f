package dev.ffsock.cli;

import dev.ffsock.Epoll;
import dev.ffsock.EpollEvents;
import dev.ffsock.ErrnoException;
import dev.ffsock.EventFd;
import dev.ffsock.Socket;
import dev.ffsock.Type;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.Arrays;
import java.util.Objects;

/**
 * An echo server for stream sockets (TCP, AF_UNIX) serving every client from one thread with
 * epoll: the listeners and all connections are non-blocking. Listeners are edge-triggered and
 * drained; connections are level-triggered with one recv(2) per readiness report (draining until
 * EAGAIN would cost every request a third system call: the measured many-connection benchmark ran
 * at about two thirds of NIO's rate that way), what was read is sent back at once, and unsent bytes
 * wait in the connection's own pending buffer with EPOLLOUT requested only while it is not empty. A
 * connection is closed at end of stream (after its pending bytes are sent) or on any error. Reading
 * from a connection pauses (EPOLLIN is not requested) while its pending buffer holds more than
 * {@link #MAX_PENDING} bytes, so a client that does not read cannot make the server buffer without
 * bound.
 *
 * <p>Serving a request allocates nothing once the loop is warm: connections are found by their
 * epoll data word in an array (ids are reused), and the view of the receive buffer that is sent
 * back is kept per length ({@link #received(long)}).
 *
 * <p>Usage: {@code new EpollEcho(listeningSocket).run(n)} serves until {@code n} connections have
 * been accepted and closed ({@code -1}: until {@link #stop()}). The listeners stay the caller's to
 * close; they are switched to non-blocking mode.
 */
public final class EpollEcho implements AutoCloseable {
    /** Bytes buffered per connection before its reading pauses. */
    public static final int MAX_PENDING = 1 << 20;
    private static final int CHUNK = 64 * 1024;
    /** Entries of the direct-mapped cache of views of {@link #chunk} by length (a power of two). */
    private static final int VIEWS = 256;
    /** Data words: connections are 0, 1, 2...; listener i is -1-i; the stop eventfd is STOP. */
    private static final long STOP = Long.MIN_VALUE;
    private static final int READ_EVENTS = Epoll.EPOLLIN | Epoll.EPOLLRDHUP;

    private final Socket[] listeners;
    private final Epoll epoll;
    private final EventFd stop;
    private final EpollEvents events = new EpollEvents(256);
    /**
     * The receive buffer, from an automatic arena: a shared arena's segment costs every recv and send
     * an atomic acquire and release of the arena, an automatic one's nothing (the GC frees it).
     */
    private final MemorySegment chunk = Arena.ofAuto().allocate(CHUNK);
    private final MemorySegment[] views = new MemorySegment[VIEWS];
    /** Open connections by id; the ids in {@code free[0..freeCount)} are unused. */
    private Conn[] conns = new Conn[64];
    private int[] free = new int[0];
    private int freeCount;
    private int nextId;
    private long accepted;
    private long closed;
    private long bytesEchoed;

    /** A client connection and the bytes it has sent that could not be echoed yet. */
    private static final class Conn {
        final int id;
        final Socket socket;
        MemorySegment pending = MemorySegment.NULL;
        long start;
        long end;
        /** The events registered for it now. */
        int interest = READ_EVENTS;
        boolean eof;

        Conn(int id, Socket socket) {
            this.id = id;
            this.socket = socket;
        }

        long pendingBytes() {
            return end - start;
        }
    }

    /**
     * An echo server on one or more listening stream sockets (e.g. a TCP one and an AF_UNIX one),
     * all served by the same thread.
     */
    public EpollEcho(Socket listener, Socket... more) throws IOException {
        Objects.requireNonNull(listener, "listener");
        this.listeners = new Socket[1 + more.length];
        listeners[0] = listener;
        for (int i = 0; i < more.length; i++) listeners[i + 1] = Objects.requireNonNull(more[i], "listener");
        Epoll ep = Epoll.open();
        EventFd ev = null;
        try {
            ev = EventFd.open(0, EventFd.EFD_CLOEXEC | EventFd.EFD_NONBLOCK);
            for (int i = 0; i < listeners.length; i++) {
                listeners[i].setBlocking(false);
                ep.add(listeners[i], Epoll.EPOLLIN | Epoll.EPOLLET, -1 - i);
            }
            ep.add(ev, Epoll.EPOLLIN, STOP);
        } catch (IOException | RuntimeException e) {
            ep.close();
            if (ev != null) ev.close();
            throw e;
        }
        this.epoll = ep;
        this.stop = ev;
    }

    /** Makes {@link #run(int)} return soon (from any thread). */
    public void stop() throws IOException {
        stop.signal();
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
     * Serves until {@code count} connections have been accepted and closed, or {@link #stop()}.
     * Connections still open when it returns are closed.
     *
     * @param count connections to serve, or -1 for no limit
     */
    public void run(int count) throws IOException {
        if (count < -1) throw new IllegalArgumentException("count must be -1 or more: " + count);
        try {
            while (count < 0 || closed < count) {
                int n = epoll.wait(events, -1);
                for (int i = 0; i < n; i++) {
                    long data = events.data(i);
                    int ev = events.events(i);
                    if (data == STOP) {
                        stop.read();
                        return;
                    }
                    if (data < 0) {
                        acceptAll(listeners[(int) (-1 - data)], count);
                        continue;
                    }
                    Conn c = data < conns.length ? conns[(int) data] : null;
                    if (c == null) continue;
                    serve(c, ev);
                }
            }
        } finally {
            closeAll();
        }
    }

    private void acceptAll(Socket listener, int count) throws IOException {
        while (count < 0 || accepted < count) {
            Socket s;
            try {
                s = listener.accept(Type.SOCK_NONBLOCK | Type.SOCK_CLOEXEC);
            } catch (ErrnoException e) {
                continue; // ECONNABORTED and the like: that client is gone, the listener is fine
            }
            if (s == null) return;
            accepted++;
            Conn c = new Conn(freeCount > 0 ? free[--freeCount] : nextId++, s);
            try {
                epoll.add(s, READ_EVENTS, c.id);
            } catch (IOException e) {
                s.close();
                closed++;
                release(c.id);
                continue;
            }
            if (c.id >= conns.length) conns = Arrays.copyOf(conns, Math.max(conns.length * 2, c.id + 1));
            conns[c.id] = c; // data that came before the registration is reported (level-triggered)
        }
    }

    private void serve(Conn c, int ev) {
        try {
            if ((ev & (Epoll.EPOLLOUT | Epoll.EPOLLERR | Epoll.EPOLLHUP)) != 0 && c.pendingBytes() > 0) flush(c);
            if ((ev & (Epoll.EPOLLIN | Epoll.EPOLLRDHUP | Epoll.EPOLLERR | Epoll.EPOLLHUP)) != 0
                    && !c.eof && c.pendingBytes() <= MAX_PENDING) {
                readOnce(c);
            }
            if (c.eof && c.pendingBytes() == 0) {
                drop(c);
                return;
            }
            // Level-triggered: ask only for what can be acted on (no EPOLLIN after end of stream or
            // while reading is paused, EPOLLOUT only while bytes wait).
            int want = (c.eof || c.pendingBytes() > MAX_PENDING ? 0 : READ_EVENTS)
                    | (c.pendingBytes() > 0 ? Epoll.EPOLLOUT : 0);
            if (want != c.interest) {
                epoll.modify(c.socket, want, c.id);
                c.interest = want;
            }
        } catch (IOException e) {
            drop(c);
        }
    }

    /** One recv(2), echoing what it can at once; the rest waits in the pending buffer. */
    private void readOnce(Conn c) throws IOException {
        long n = c.socket.recv(chunk, 0);
        if (n == Socket.WOULD_BLOCK) return;
        if (n == 0) {
            c.eof = true;
            return;
        }
        MemorySegment data = received(n);
        long sent = 0;
        if (c.pendingBytes() == 0) {
            sent = c.socket.send(data, 0);
            if (sent == Socket.WOULD_BLOCK) sent = 0;
            bytesEchoed += sent;
        }
        if (sent < n) append(c, data.asSlice(sent));
    }

    /**
     * {@return the first {@code n} bytes of the receive buffer} A view is made once per length and
     * kept in a small direct-mapped cache, so echoing messages of lengths seen before allocates
     * nothing; a length evicted by another one costs one view again.
     */
    private MemorySegment received(long n) {
        int i = (int) (n & (VIEWS - 1));
        MemorySegment v = views[i];
        if (v == null || v.byteSize() != n) views[i] = v = chunk.asSlice(0, n);
        return v;
    }

    private void append(Conn c, MemorySegment data) {
        long need = c.pendingBytes() + data.byteSize();
        if (c.pending.byteSize() - c.end < data.byteSize()) {
            if (c.pending.byteSize() < need) {
                long cap = Math.max(CHUNK, Long.highestOneBit(need) << 1);
                MemorySegment bigger = Arena.ofAuto().allocate(cap);
                MemorySegment.copy(c.pending, c.start, bigger, 0, c.pendingBytes());
                c.pending = bigger;
            } else {
                MemorySegment.copy(c.pending, c.start, c.pending, 0, c.pendingBytes());
            }
            c.end -= c.start;
            c.start = 0;
        }
        MemorySegment.copy(data, 0, c.pending, c.end, data.byteSize());
        c.end += data.byteSize();
    }

    private void flush(Conn c) throws IOException {
        while (c.pendingBytes() > 0) {
            long n = c.socket.send(c.pending.asSlice(c.start, c.pendingBytes()), 0);
            if (n == Socket.WOULD_BLOCK) return;
            c.start += n;
            bytesEchoed += n;
        }
        c.start = c.end = 0;
    }

    private void drop(Conn c) {
        conns[c.id] = null;
        release(c.id);
        c.socket.close(); // also leaves the epoll set
        closed++;
    }

    private void release(int id) {
        if (freeCount == free.length) free = Arrays.copyOf(free, Math.max(16, free.length * 2));
        free[freeCount++] = id;
    }

    private void closeAll() {
        for (int i = 0; i < conns.length; i++) {
            if (conns[i] == null) continue;
            conns[i].socket.close();
            conns[i] = null;
            release(i);
        }
    }

    /** Closes the epoll instance and its stop eventfd (connections are closed when run returns). */
    @Override
    public void close() {
        closeAll();
        epoll.close();
        stop.close();
    }
}
