package dev.ffsock;

import dev.ffsock.internal.Structs;
import dev.ffsock.internal.Sys;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * poll(2) over several sockets: add sockets with the events wanted, call {@link #poll(int)}, read
 * each entry's {@link #revents(int)}. The pollfd array is native memory owned by the set and reused
 * by every poll. Not thread-safe.
 */
public final class PollSet {
    private static final ThreadLocal<MemorySegment> ONE =
            ThreadLocal.withInitial(() -> Arena.ofAuto().allocate(Structs.POLLFD_SIZE, 8));

    private final List<Socket> sockets = new ArrayList<>();
    private MemorySegment fds = MemorySegment.NULL;

    /** An empty set. */
    public PollSet() {
    }

    /** {@return a thread-local pollfd for one descriptor} */
    static MemorySegment one(int fd, int events) {
        MemorySegment p = ONE.get();
        p.set(ValueLayout.JAVA_INT, Structs.POLLFD_FD, fd);
        p.set(ValueLayout.JAVA_SHORT, Structs.POLLFD_EVENTS, (short) events);
        p.set(ValueLayout.JAVA_SHORT, Structs.POLLFD_REVENTS, (short) 0);
        return p;
    }

    static int revents(MemorySegment pfd) {
        return pfd.get(ValueLayout.JAVA_SHORT, Structs.POLLFD_REVENTS) & 0xffff;
    }

    /** Adds a socket with the {@link Poll} events to wait for; returns its index. */
    public int add(Socket socket, int events) {
        Objects.requireNonNull(socket, "socket");
        int i = sockets.size();
        if (fds.byteSize() < (i + 1) * Structs.POLLFD_SIZE) {
            MemorySegment bigger = Arena.ofAuto().allocate(Math.max(8, 2L * (i + 1)) * Structs.POLLFD_SIZE, 8);
            if (i > 0) MemorySegment.copy(fds, 0, bigger, 0, i * Structs.POLLFD_SIZE);
            fds = bigger;
        }
        sockets.add(socket);
        setEvents(i, events);
        return i;
    }

    /** Changes the events wanted for entry {@code index}. */
    public void setEvents(int index, int events) {
        Objects.checkIndex(index, sockets.size());
        fds.set(ValueLayout.JAVA_SHORT, index * Structs.POLLFD_SIZE + Structs.POLLFD_EVENTS, (short) events);
    }

    /** {@return the number of entries} */
    public int size() {
        return sockets.size();
    }

    /** {@return the socket at {@code index}} */
    public Socket socket(int index) {
        return sockets.get(index);
    }

    /** {@return the events the last poll returned for entry {@code index}} */
    public int revents(int index) {
        Objects.checkIndex(index, sockets.size());
        return fds.get(ValueLayout.JAVA_SHORT, index * Structs.POLLFD_SIZE + Structs.POLLFD_REVENTS) & 0xffff;
    }

    /**
     * poll(2): waits until one socket is ready or the timeout passes.
     *
     * @param timeoutMillis -1 to wait forever, 0 to check without waiting
     * @return the number of entries with events, 0 on timeout
     * @throws SocketClosedException if one of the sockets is (or gets) closed
     */
    public int poll(int timeoutMillis) throws IOException {
        if (timeoutMillis < -1) throw new IllegalArgumentException("timeout must be -1 or more: " + timeoutMillis);
        int n = sockets.size();
        int entered = 0;
        try {
            for (; entered < n; entered++) {
                int fd = sockets.get(entered).enter();
                long at = entered * Structs.POLLFD_SIZE;
                fds.set(ValueLayout.JAVA_INT, at + Structs.POLLFD_FD, fd);
                fds.set(ValueLayout.JAVA_SHORT, at + Structs.POLLFD_REVENTS, (short) 0);
            }
            int r = Sys.poll(fds, n, timeoutMillis);
            for (int i = 0; i < n; i++) {
                if (sockets.get(i).isClosed()) throw new SocketClosedException("socket closed while blocked in poll");
            }
            return r;
        } finally {
            for (int i = 0; i < entered; i++) sockets.get(i).leave();
        }
    }
}
