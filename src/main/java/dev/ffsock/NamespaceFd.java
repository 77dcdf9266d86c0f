package dev.ffsock;

import dev.ffsock.internal.Sys;
import dev.ffsock.internal.Tun;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.nio.file.Path;
import java.util.Objects;

/**
 * An open network-namespace file ({@code /run/netns/NAME}, {@code /proc/PID/ns/net}): the
 * descriptor that netlink requests naming a namespace by fd ({@code NETNSA_FD}, {@code
 * IFLA_NET_NS_FD}) carry. Close it when the request is done.
 */
public final class NamespaceFd implements AutoCloseable {
    private final int fd;
    private final Path path;
    private boolean closed;

    private NamespaceFd(int fd, Path path) {
        this.fd = fd;
        this.path = path;
    }

    /**
     * Opens a namespace file read-only ({@code open(2)} with O_RDONLY|O_CLOEXEC).
     *
     * @param path {@code /run/netns/NAME}, {@code /proc/PID/ns/net}, …
     * @return the open file
     * @throws ErrnoException {@code open} ENOENT (with the path) when there is no such file
     */
    public static NamespaceFd open(Path path) throws IOException {
        Objects.requireNonNull(path, "path");
        return new NamespaceFd(openFile(path, Sys.O_RDONLY | Sys.O_CLOEXEC), path);
    }

    /**
     * Opens the named namespace's file, as {@code ip netns exec NAME} does.
     *
     * @param name the namespace's name ({@code ip netns add NAME})
     * @return the open file
     * @throws ErrnoException {@code open} ENOENT (with the path) when there is no such namespace
     */
    public static NamespaceFd ofName(String name) throws IOException {
        return open(NetworkNamespace.path(name));
    }

    /**
     * Opens the namespace a process is in ({@code /proc/PID/ns/net}).
     *
     * @param pid a process id (positive)
     * @return the open file
     * @throws ErrnoException {@code open} ENOENT when there is no such process
     */
    public static NamespaceFd ofPid(int pid) throws IOException {
        if (pid <= 0) throw new IllegalArgumentException("pid must be positive: " + pid);
        return open(Path.of("/proc", Integer.toString(pid), "ns", "net"));
    }

    /**
     * The namespace a socket was created in ({@code ioctl(SIOCGSKNS)}).
     *
     * @param socket an open socket
     * @return the open namespace ({@link #path()} is null: it came from no file)
     * @throws SocketClosedException if the socket is closed
     * @throws ErrnoException {@code ioctl} EPERM without CAP_NET_ADMIN in the namespace
     */
    public static NamespaceFd of(Socket socket) throws IOException {
        Objects.requireNonNull(socket, "socket");
        int s = socket.fd();
        if (s < 0) throw new SocketClosedException("socket is closed");
        return new NamespaceFd(Tun.socketNamespace(s), null);
    }

    /**
     * Runs {@code task} on a short-lived platform thread that has entered this namespace
     * ({@code setns(2)}), and returns its result; the calling thread stays where it is.
     */
    <T> T inside(NetworkNamespace.Task<T> task) throws IOException {
        int f = fd();
        return NetworkNamespace.onOwnThread(() -> {
            Sys.setns(f, Sys.CLONE_NEWNET);
            return task.run();
        }, "entering a network namespace");
    }

    /** open(2) of {@code path} with {@code flags} (mode 0), the path named in the error. */
    static int openFile(Path path, int flags) throws ErrnoException {
        try (Arena a = Arena.ofConfined()) {
            return Sys.open(a.allocateFrom(path.toString()), flags);
        } catch (ErrnoException e) {
            throw new ErrnoException("open", e.errno(), path.toString());
        }
    }

    /** {@return the descriptor (valid until {@link #close()})} */
    public int fd() {
        if (closed) throw new IllegalStateException("closed: " + path);
        return fd;
    }

    /** {@return the file this was opened from, or null for {@link #of(Socket)}} */
    public Path path() {
        return path;
    }

    /** Closes the descriptor ({@code close(2)}); a second call does nothing. */
    @Override
    public void close() {
        if (closed) return;
        closed = true;
        try {
            Sys.close(fd);
        } catch (ErrnoException e) {
            // close(2) releases the descriptor even when it reports an error; nothing is left to release
        }
    }

    @Override
    public String toString() {
        return "NamespaceFd[" + path + (closed ? ", closed]" : ", fd " + fd + "]");
    }
}
