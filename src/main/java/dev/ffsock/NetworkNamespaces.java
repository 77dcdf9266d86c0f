package dev.ffsock;

import dev.ffsock.internal.Sys;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Named network namespaces, made and removed as {@code ip netns add|del|list|identify} do: a
 * namespace is kept alive by a bind mount of its {@code nsfs} file onto {@code /run/netns/NAME}.
 *
 * <p>{@link #add(String)} makes {@code /run/netns} a shared mount point (bind-mounting it onto itself
 * first when it is none), creates the empty file {@code /run/netns/NAME}, and on a dedicated platform
 * thread calls {@code unshare(CLONE_NEWNET)} and bind-mounts {@code /proc/self/task/TID/ns/net} onto
 * the file; the thread goes back to its namespace ({@code setns}) and ends. {@link #delete(String)}
 * is {@code umount2(MNT_DETACH)} and {@code unlink}. Both need CAP_SYS_ADMIN.
 */
public final class NetworkNamespaces {
    /** Where named namespaces live ({@code NETNS_RUN_DIR} of iproute2). */
    public static final Path RUN_DIR = Path.of("/run/netns");
    /** NAME_MAX: the longest file name, in bytes. */
    private static final int NAME_MAX = 255;

    private NetworkNamespaces() {
    }

    /**
     * {@return {@code /run/netns/NAME}, after checking the name}
     *
     * @param name a namespace name: not empty, no '/', not "." or "..", at most 255 bytes, no NUL
     * @throws IllegalArgumentException for a bad name
     */
    public static Path checkedPath(String name) {
        Path p = NetworkNamespace.path(name);
        if (name.getBytes(StandardCharsets.UTF_8).length > NAME_MAX || name.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("bad namespace name: '" + name + "' (at most " + NAME_MAX
                    + " bytes, no NUL)");
        }
        return p;
    }

    /**
     * {@code ip netns add NAME}: a new, empty network namespace (only {@code lo}, down), kept by the
     * bind mount {@code /run/netns/NAME}.
     *
     * @param name the namespace's name
     * @throws IllegalArgumentException for a bad name (see {@link #checkedPath(String)})
     * @throws ErrnoException {@code open} EEXIST (with the path) if the name is taken; {@code mount},
     *     {@code unshare} EPERM without CAP_SYS_ADMIN. A failure after the file was made removes it.
     */
    public static void add(String name) throws IOException {
        Path file = checkedPath(name);
        makeRunDirShared();
        Sys.close(NamespaceFd.openFile(file, Sys.O_RDONLY | Sys.O_CREAT | Sys.O_EXCL));
        try {
            NetworkNamespace.onOwnThread("ffsock-netns-add", () -> bindNewNamespace(file), "ip netns add " + name);
        } catch (IOException | RuntimeException | Error e) {
            try {
                unmountAndUnlink(file);
            } catch (IOException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw e;
        }
    }

    /**
     * {@code ip netns del NAME}: detaches the bind mount and removes the file. The namespace itself
     * lives on while a process or socket is in it.
     *
     * @param name the namespace's name
     * @throws IllegalArgumentException for a bad name
     * @throws ErrnoException {@code unlink} ENOENT (with the path) if there is no such namespace
     */
    public static void delete(String name) throws IOException {
        unmountAndUnlink(checkedPath(name));
    }

    /**
     * {@return the names in {@code /run/netns}, in directory order ({@code ip netns list}); empty
     * when the directory does not exist}
     *
     * @throws IOException if the directory cannot be read
     */
    public static List<String> list() throws IOException {
        List<String> names = new ArrayList<>();
        try (DirectoryStream<Path> d = Files.newDirectoryStream(RUN_DIR)) {
            for (Path p : d) names.add(p.getFileName().toString());
        } catch (NoSuchFileException e) {
            return List.of();
        }
        return List.copyOf(names);
    }

    /**
     * {@code ip netns identify PID}: the names whose file is the namespace process {@code pid} is in
     * (same device and inode as {@code /proc/PID/ns/net}); empty if none.
     *
     * @param pid a process id
     * @return the names, in {@link #list()} order
     * @throws IOException if {@code /proc/PID/ns/net} cannot be read (no such process: NoSuchFileException)
     */
    public static List<String> identify(int pid) throws IOException {
        if (pid <= 0) throw new IllegalArgumentException("pid must be positive: " + pid);
        Object[] target = inode(Path.of("/proc", Integer.toString(pid), "ns", "net"));
        List<String> out = new ArrayList<>();
        for (String n : list()) {
            try {
                if (java.util.Arrays.equals(target, inode(RUN_DIR.resolve(n)))) out.add(n);
            } catch (IOException e) {
                // an entry that vanished or cannot be read is no match, as for ip netns identify
            }
        }
        return List.copyOf(out);
    }

    private static Object[] inode(Path p) throws IOException {
        Map<String, Object> a = Files.readAttributes(p, "unix:dev,ino");
        return new Object[] {a.get("dev"), a.get("ino")};
    }

    /** mkdir /run/netns 0755 if missing; mount --make-rshared, after binding it onto itself if it is no mount point. */
    private static void makeRunDirShared() throws IOException {
        if (!Files.isDirectory(RUN_DIR)) {
            try {
                Files.createDirectories(RUN_DIR, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
            } catch (java.nio.file.FileAlreadyExistsException e) {
                // made meanwhile
            }
        }
        try (Arena a = Arena.ofConfined()) {
            MemorySegment dir = a.allocateFrom(RUN_DIR.toString());
            MemorySegment none = a.allocateFrom("none");
            MemorySegment empty = a.allocateFrom("");
            try {
                Sys.mount(empty, dir, none, Sys.MS_SHARED | Sys.MS_REC, MemorySegment.NULL);
            } catch (ErrnoException e) {
                if (e.errno() != Errno.EINVAL) throw new ErrnoException("mount", e.errno(), "--make-rshared " + RUN_DIR);
                // not a mount point yet: bind it onto itself, then make that shared
                try {
                    Sys.mount(dir, dir, none, Sys.MS_BIND | Sys.MS_REC, MemorySegment.NULL);
                    Sys.mount(empty, dir, none, Sys.MS_SHARED | Sys.MS_REC, MemorySegment.NULL);
                } catch (ErrnoException e2) {
                    throw new ErrnoException("mount", e2.errno(), RUN_DIR.toString());
                }
            }
        }
    }

    /** On the dedicated thread: a new namespace for it, bound onto {@code file}; then back to the old one. */
    private static Boolean bindNewNamespace(Path file) throws IOException {
        Path own = Path.of("/proc/self/task", Integer.toString(Sys.gettid()), "ns", "net");
        int saved = NamespaceFd.openFile(own, Sys.O_RDONLY | Sys.O_CLOEXEC);
        try (Arena a = Arena.ofConfined()) {
            Sys.unshare(Sys.CLONE_NEWNET);
            try {
                Sys.mount(a.allocateFrom(own.toString()), a.allocateFrom(file.toString()), a.allocateFrom("none"),
                        Sys.MS_BIND, MemorySegment.NULL);
            } catch (ErrnoException e) {
                throw new ErrnoException("mount", e.errno(), "--bind " + own + " " + file);
            } finally {
                Sys.setns(saved, Sys.CLONE_NEWNET); // the thread ends next anyway; leave it where it was
            }
        } finally {
            Sys.close(saved);
        }
        return Boolean.TRUE;
    }

    private static void unmountAndUnlink(Path file) throws IOException {
        try (Arena a = Arena.ofConfined()) {
            MemorySegment p = a.allocateFrom(file.toString());
            try {
                Sys.umount2(p, Sys.MNT_DETACH);
            } catch (ErrnoException e) {
                // EINVAL: not mounted (a half-made entry); ENOENT: unlink below says so
                if (e.errno() != Errno.EINVAL && e.errno() != Errno.ENOENT) {
                    throw new ErrnoException("umount2", e.errno(), file.toString());
                }
            }
            try {
                Sys.unlink(p);
            } catch (ErrnoException e) {
                throw new ErrnoException("unlink", e.errno(), file.toString());
            }
        }
    }
}
