package dev.ffsock;

import dev.ffsock.internal.Sys;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Opens sockets inside another network namespace without moving the calling thread: a short-lived
 * platform thread enters the namespace with {@code setns(2)}, creates the socket and hands it back.
 * A socket keeps the namespace it was created in for its whole life, so one process can hold
 * sockets (netlink ones, say) in several namespaces at once.
 *
 * <p>Named namespaces are those of {@code ip netns add NAME}: {@code /run/netns/NAME}. Entering one
 * needs CAP_SYS_ADMIN.
 */
public final class NetworkNamespace {
    private static final int CLONE_NEWNET = 0x40000000;
    private static final int O_RDONLY = 0;
    private static final int O_CLOEXEC = 0x80000;

    private NetworkNamespace() {
    }

    /**
     * {@return the path of a named namespace: /run/netns/NAME}
     *
     * @param name the namespace's name, as {@code ip netns add NAME} made it
     */
    public static Path path(String name) {
        Objects.requireNonNull(name, "name");
        if (name.isEmpty() || name.contains("/") || name.equals(".") || name.equals("..")) {
            throw new IllegalArgumentException("bad namespace name: '" + name + "'");
        }
        return Path.of("/run/netns", name);
    }

    /**
     * socket(2) inside the named namespace ({@code ip netns add NAME}).
     *
     * @param name the namespace's name, as {@code ip netns add NAME} made it
     * @param domain the address family
     * @param type the socket type
     * @param protocol the protocol
     * @return the socket, living in that namespace
     * @throws IOException if the namespace cannot be opened or entered ({@code open}, {@code setns}) or
     *     {@code socket} fails
     */
    public static Socket open(String name, Domain domain, Type type, Protocol protocol) throws IOException {
        return open(path(name), domain, type, protocol);
    }

    /**
     * socket(2) inside the namespace a file refers to ({@code /run/netns/NAME},
     * {@code /proc/PID/ns/net}).
     *
     * @param namespace a namespace file ({@code /run/netns/NAME}, {@code /proc/PID/ns/net})
     * @param domain the address family
     * @param type the socket type
     * @param protocol the protocol
     * @throws ErrnoException {@code open} ENOENT when there is no such namespace, {@code setns} EPERM without
     *         CAP_SYS_ADMIN or EINVAL when the file is no network namespace (both with the path in brackets)
     * @return the socket, living in that namespace
     */
    public static Socket open(Path namespace, Domain domain, Type type, Protocol protocol) throws IOException {
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(domain, "domain");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(protocol, "protocol");
        return onOwnThread("ffsock-setns", () -> openHere(namespace, domain, type, protocol),
                "opening a socket in " + namespace);
    }

    /** Work done on a dedicated platform thread: it may change the thread's namespaces. */
    interface Task<T> {
        T run() throws IOException;
    }

    /** As {@link #onOwnThread(String, Task, String)} on a thread named {@code ffsock-setns}. */
    static <T> T onOwnThread(Task<T> task, String what) throws IOException {
        return onOwnThread("ffsock-setns", task, what);
    }

    /**
     * Runs {@code task} on a new platform thread that ends right after it (so a namespace it entered
     * or made dies with the thread, never leaking into a pooled one) and hands back its result or
     * exception; the caller waits, uninterruptibly (the interrupt is kept).
     */
    static <T> T onOwnThread(String threadName, Task<T> task, String what) throws IOException {
        AtomicReference<Object> result = new AtomicReference<>();
        Thread t = Thread.ofPlatform().name(threadName).daemon().unstarted(() -> {
            try {
                result.set(task.run());
            } catch (Throwable e) {
                result.set(new Failure(e));
            }
        });
        t.start();
        boolean interrupted = false;
        while (true) {
            try {
                t.join();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) Thread.currentThread().interrupt();
        Object r = result.get();
        if (!(r instanceof Failure f)) {
            @SuppressWarnings("unchecked")
            T value = (T) r;
            return value;
        }
        if (f.e() instanceof IOException e) throw e;
        if (f.e() instanceof RuntimeException e) throw e;
        if (f.e() instanceof Error e) throw e;
        throw new IOException(what + " failed", f.e());
    }

    /** A task's exception, told apart from a result that happens to be a Throwable. */
    private record Failure(Throwable e) {
    }

    /** Runs on the dedicated thread, which ends right after: its namespace is never restored. */
    private static Socket openHere(Path namespace, Domain domain, Type type, Protocol protocol) throws IOException {
        int nsfd = NamespaceFd.openFile(namespace, O_RDONLY | O_CLOEXEC);
        try {
            Sys.setns(nsfd, CLONE_NEWNET);
        } catch (ErrnoException e) {
            throw new ErrnoException("setns", e.errno(), namespace.toString());
        } finally {
            Sys.close(nsfd);
        }
        return Socket.open(domain, type, protocol);
    }
}
