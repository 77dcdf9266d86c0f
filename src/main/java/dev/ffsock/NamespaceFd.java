package dev.ffsock;

import dev.ffsock.internal.Sys;
import dev.ffsock.internal.Tun;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.nio.file.Path;
import java.util.Objects;

/**
 * An open descriptor of a network namespace: what {@code ip link set DEV netns NAME} sends as
 * {@code IFLA_NET_NS_FD}, and what a thread enters with {@code setns(2)}. Made from a namespace file
 * ({@code /run/netns/NAME}, {@code /proc/PID/ns/net}) or from a socket (the namespace it lives in,
 * {@code SIOCGSKNS}). Closing it closes the descriptor; the namespace lives on as long as anything
 * else holds it.
 */
public final class NamespaceFd implements AutoCloseable {
    private static final int CLONE_NEWNET = 0x40000000;
    private final int fd;
    private boolean closed;

    private NamespaceFd(int fd) {
        this.fd = fd;
    }

    /**
     * open(2) of a namespace file, read-only and close-on-exec.
     *
     * @param namespace {@code /run/netns/NAME} ({@link NetworkNamespace#path(String)}) or {@code /proc/PID/ns/net}
     * @return the open namespace
     * @throws ErrnoException {@code open} ENOENT when there is no such file (with the path in brackets)
     */
    public static NamespaceFd open(Path namespace) throws IOException {
        Objects.requireNonNull(namespace, "namespace");
        try (Arena a = Arena.ofConfined()) {
            return new NamespaceFd(Sys.open(a.allocateFrom(namespace.toString()), Tun.O_CLOEXEC));
        } catch (ErrnoException e) {
            throw new ErrnoException("open", e.errno(), namespace.toString());
        }
    }

    /**
     * The namespace a socket was created in ({@code ioctl(SIOCGSKNS)}).
     *
     * @param socket an open socket
     * @return the open namespace
     * @throws ErrnoException {@code ioctl} EPERM without CAP_NET_ADMIN in the namespace
     */
    public static NamespaceFd of(Socket socket) throws IOException {
        Objects.requireNonNull(socket, "socket");
        int s = socket.fd();
        if (s < 0) throw new SocketClosedException("socket is closed");
        return new NamespaceFd(Tun.socketNamespace(s));
    }

    /** {@return the descriptor number; -1 once closed} */
    public synchronized int fd() {
        return closed ? -1 : fd;
    }

    /**
     * Runs {@code task} on a short-lived platform thread that has entered this namespace
     * ({@code setns(2)}), and returns its result; the calling thread stays where it is.
     */
    <T> T inside(NetworkNamespace.Task<T> task) throws IOException {
        int f = fd();
        if (f < 0) throw new IOException("namespace descriptor is closed");
        return NetworkNamespace.onOwnThread(() -> {
            Sys.setns(f, CLONE_NEWNET);
            return task.run();
        }, "entering a network namespace");
    }

    /** close(2), once. */
    @Override
    public synchronized void close() {
        if (closed) return;
        closed = true;
        try {
            Sys.close(fd);
        } catch (ErrnoException e) {
            // the descriptor is gone either way
        }
    }
}
