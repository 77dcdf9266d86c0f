package dev.ffsock.netlink.uevent;

import dev.ffsock.Domain;
import dev.ffsock.Errno;
import dev.ffsock.ErrnoException;
import dev.ffsock.Msg;
import dev.ffsock.NetworkNamespace;
import dev.ffsock.Poll;
import dev.ffsock.Protocol;
import dev.ffsock.SockAddrNl;
import dev.ffsock.SockAddrStorage;
import dev.ffsock.SockOpt;
import dev.ffsock.Socket;
import dev.ffsock.Type;
import dev.ffsock.netlink.EventsLostException;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Receives kernel uevents: a NETLINK_KOBJECT_UEVENT socket bound to multicast group 1 (the
 * kernel's events; udevd re-broadcasts on group 2 in its own format). Only datagrams from the
 * kernel (port 0) are parsed; others, udev-format messages, malformed and truncated ones are
 * dropped and counted.
 *
 * <p>Events about network devices are delivered only to listeners in the device's network
 * namespace, so {@link #open(String)} listens in a named one.
 * {@snippet :
 * try (UeventListener l = UeventListener.open()) {
 *     Uevent e = l.next(5000);    // null if nothing within 5 s
 * }
 * }
 * Thread-safe: one receive at a time.
 */
public final class UeventListener implements AutoCloseable {
    /** The kernel's group. */
    public static final int GROUP_KERNEL = 1;
    /** The buffer each datagram is received into; the kernel's events are at most a few KiB. */
    public static final int BUFFER_SIZE = 16384;

    private final Socket socket;
    private final Arena arena = Arena.ofShared();
    private final MemorySegment buffer;
    private final SockAddrStorage from = new SockAddrStorage();
    private final ReentrantLock lock = new ReentrantLock();
    private long dropped;

    private UeventListener(Socket socket) throws IOException {
        this.socket = socket;
        try {
            this.buffer = arena.allocate(BUFFER_SIZE);
            try {
                socket.setsockopt(SockOpt.SO_RCVBUFFORCE, 1 << 20);
            } catch (ErrnoException e) {
                socket.setsockopt(SockOpt.SO_RCVBUF, 1 << 20);
            }
            socket.bind(new SockAddrNl(0, GROUP_KERNEL));
        } catch (IOException | RuntimeException e) {
            socket.close();
            arena.close();
            throw e;
        }
    }

    /**
     * {@return a listener in this process's network namespace}
     *
     * @throws IOException if {@code socket(AF_NETLINK, …)} or {@code bind} fails
     *     ({@link dev.ffsock.ErrnoException})
     */
    public static UeventListener open() throws IOException {
        return new UeventListener(Socket.open(Domain.AF_NETLINK, Type.DGRAM, Protocol.NETLINK_KOBJECT_UEVENT));
    }

    /**
     * {@return a listener in the named network namespace ({@code /run/netns/NAME}); null means this process's}
     *
     * @param namespace the network namespace's name, as {@code ip netns add NAME} made it (a file under
     *     {@code /run/netns})
     * @throws IOException if the namespace cannot be opened or entered ({@code open}, {@code setns}) or
     *     {@code socket}/{@code bind} fails ({@link dev.ffsock.ErrnoException})
     */
    public static UeventListener open(String namespace) throws IOException {
        if (namespace == null) return open();
        return new UeventListener(NetworkNamespace.open(namespace, Domain.AF_NETLINK, Type.DGRAM,
                Protocol.NETLINK_KOBJECT_UEVENT));
    }

    /** {@return the underlying socket} */
    public Socket socket() {
        return socket;
    }

    /** {@return how many datagrams were dropped: not from the kernel, udev format, malformed or truncated} */
    public long dropped() {
        return dropped;
    }

    /**
     * Waits for the next kernel uevent ({@code recv}; what {@code udevadm monitor --kernel} prints).
     *
     * @param timeoutMillis how long to wait in all, -1 for ever
     * @return the event, or null when the time ran out
     * @throws EventsLostException if the kernel dropped events (receive buffer full); receiving may go on
     */
    public Uevent next(int timeoutMillis) throws IOException {
        long deadline = timeoutMillis < 0 ? Long.MAX_VALUE : System.nanoTime() + timeoutMillis * 1_000_000L;
        lock.lock();
        try {
            while (true) {
                int wait = -1;
                if (timeoutMillis >= 0) {
                    long left = deadline - System.nanoTime();
                    if (left <= 0) return null;
                    wait = (int) Math.max(1, (left + 999_999) / 1_000_000);
                }
                if (socket.poll(Poll.POLLIN, wait) == 0) continue;
                long n;
                try {
                    n = socket.recvfrom(buffer, Msg.MSG_TRUNC | Msg.MSG_DONTWAIT, from);
                } catch (ErrnoException e) {
                    if (e.errno() == Errno.ENOBUFS) throw new EventsLostException();
                    throw e;
                }
                if (n == Socket.WOULD_BLOCK) continue;
                if (n > buffer.byteSize() || !(from.get() instanceof SockAddrNl nl) || nl.pid() != 0) {
                    dropped++;
                    continue;
                }
                Uevent e = Uevent.parse(buffer, n);
                if (e == null) {
                    dropped++;
                    continue;
                }
                return e;
            }
        } finally {
            lock.unlock();
        }
    }

    /** Closes the socket ({@code close(2)}). Idempotent. */
    @Override
    public void close() {
        socket.close();
        lock.lock();
        try {
            if (arena.scope().isAlive()) arena.close();
        } finally {
            lock.unlock();
        }
    }
}
