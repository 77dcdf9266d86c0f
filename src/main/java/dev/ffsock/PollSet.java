package dev.ffsock;

import dev.ffsock.internal.Blocking;
import dev.ffsock.internal.FdGuard;
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
    private final List<Socket> sockets = new ArrayList<>();
    private MemorySegment fds = MemorySegment.NULL;
    /** The sockets' guards and events, kept for the waits (no allocation per poll). */
    private FdGuard[] guards = new FdGuard[8];
    private int[] wanted = new int[8];

    /** An empty set. */
    public PollSet() {
    }

    /**
     * {@return the new entry's index (entries are numbered 0, 1, … in the order added)} Adds a socket
     * with the {@link Poll} events to wait for. No system call; the socket is not owned by the set,
     * and is entered (checked open) only by {@link #poll(int)}.
     *
     * @param socket the socket to watch
     * @param events the {@link Poll} bits to wait for
     */
    public int add(Socket socket, int events) {
        Objects.requireNonNull(socket, "socket");
        int i = sockets.size();
        if (fds.byteSize() < (i + 1) * Structs.Pollfd.SIZE) {
            MemorySegment bigger = Arena.ofAuto().allocate(Math.max(8, 2L * (i + 1)) * Structs.Pollfd.SIZE, 8);
            if (i > 0) MemorySegment.copy(fds, 0, bigger, 0, i * Structs.Pollfd.SIZE);
            fds = bigger;
        }
        sockets.add(socket);
        if (i == guards.length) {
            guards = java.util.Arrays.copyOf(guards, 2 * i);
            wanted = java.util.Arrays.copyOf(wanted, 2 * i);
        }
        guards[i] = socket.guard();
        setEvents(i, events);
        return i;
    }

    /**
     * Changes the events wanted for entry {@code index}, from the next {@link #poll(int)} on.
     *
     * @param index the entry's index, as {@link #add(Socket, int)} returned it
     * @param events the {@link Poll} bits to wait for
     * @throws IndexOutOfBoundsException if {@code index} is not below {@link #size()}
     */
    public void setEvents(int index, int events) {
        Objects.checkIndex(index, sockets.size());
        fds.set(ValueLayout.JAVA_SHORT, index * Structs.Pollfd.SIZE + Structs.Pollfd.EVENTS, (short) events);
        wanted[index] = events & 0xffff;
    }

    /** {@return the number of entries} */
    public int size() {
        return sockets.size();
    }

    /**
     * {@return the socket at {@code index}}
     *
     * @param index the entry's index, as {@link #add(Socket, int)} returned it
     * @throws IndexOutOfBoundsException if {@code index} is not below {@link #size()}
     */
    public Socket socket(int index) {
        return sockets.get(index);
    }

    /**
     * {@return the events the last poll returned for entry {@code index}} 0 when it was not ready;
     * POLLERR, POLLHUP and POLLNVAL may be set without being asked for.
     *
     * @param index the entry's index, as {@link #add(Socket, int)} returned it
     * @throws IndexOutOfBoundsException if {@code index} is not below {@link #size()}
     */
    public int revents(int index) {
        Objects.checkIndex(index, sockets.size());
        return fds.get(ValueLayout.JAVA_SHORT, index * Structs.Pollfd.SIZE + Structs.Pollfd.REVENTS) & 0xffff;
    }

    /**
     * poll(2): waits until one socket is ready or the timeout passes. On a platform thread this is
     * one poll(2) call; a virtual thread parks on ffsock's poller instead (its carrier stays free).
     * Closing any of the sockets wakes the wait. A virtual thread interrupted while waiting returns
     * early (0) with its interrupt status set, like {@link java.nio.channels.Selector}, and no socket
     * is closed; a platform thread blocked in poll(2) is not woken by an interrupt.
     *
     * @param timeoutMillis -1 to wait forever, 0 to check without waiting
     * @return the number of entries with events, 0 on timeout
     * @throws IllegalArgumentException if {@code timeoutMillis} is less than -1
     * @throws SocketClosedException if one of the sockets is (or gets) closed
     * @throws ErrnoException if poll(2) fails
     */
    public int poll(int timeoutMillis) throws IOException {
        if (timeoutMillis < -1) throw new IllegalArgumentException("timeout must be -1 or more: " + timeoutMillis);
        int n = sockets.size();
        int entered = 0;
        try {
            for (; entered < n; entered++) {
                FdGuard g = guards[entered];
                // Listed on every socket: closing any of them interrupts the wait.
                int fd = timeoutMillis == 0 ? g.begin() : g.beginBlocking();
                fds.set(ValueLayout.JAVA_INT, entered * Structs.Pollfd.SIZE + Structs.Pollfd.FD, fd);
            }
            return Blocking.ready(POLL, this, -1, 0, timeoutMillis);
        } finally {
            for (int i = 0; i < entered; i++) {
                if (timeoutMillis == 0) guards[i].end(); else guards[i].endBlocking();
            }
        }
    }

    /** poll(2) of the whole set, for {@link Blocking#ready}. */
    private static final Blocking.Ready POLL = new Blocking.Ready() {
        @Override
        public int check(Object target, int fd, int events, int millis) throws IOException {
            PollSet set = (PollSet) target;
            int n = set.sockets.size();
            for (int i = 0; i < n; i++) set.fds.set(ValueLayout.JAVA_SHORT, i * Structs.Pollfd.SIZE + Structs.Pollfd.REVENTS, (short) 0);
            int r = Sys.poll(set.fds, n, millis);
            for (int i = 0; i < n; i++) {
                if (set.guards[i].closing()) throw set.guards[i].closedWhileBlocked("poll");
            }
            return r;
        }

        @Override
        public boolean park(Object target, int fd, int events, long deadline, boolean virtual) throws IOException {
            if (Thread.currentThread().isInterrupted()) return false; // like Selector: early, status kept
            PollSet set = (PollSet) target;
            if (virtual) Blocking.awaitAny(set.guards, set.wanted, set.sockets.size(), deadline);
            return true;
        }
    };
}
