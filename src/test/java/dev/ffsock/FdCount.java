package dev.ffsock;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** Test helpers about this process's descriptors (/proc/self). */
final class FdCount {
    private FdCount() {
    }

    /**
     * {@return the number of open descriptors that a leak in ffsock could account for: every
     * /proc/self/fd entry except pipes (the pipes of child processes other tests started, which the
     * JDK closes when their Process objects are collected, at any moment) and the sockets the JVM opens
     * for itself ({@link #jvmSocket})}
     */
    static int open() {
        Map<String, String> kinds = null;
        int n = 0;
        for (String t : links().values()) {
            if (t.startsWith("pipe:")) continue;
            if (t.startsWith("socket:")) {
                if (kinds == null) kinds = socketKinds();
                if (jvmSocket(kinds.get(t))) continue;
            }
            n++;
        }
        return n;
    }

    /**
     * {@return the number of open sockets, epoll instances and eventfds (what ffsock opens), ignoring
     * files the JVM itself opens and closes (class files, JFR chunks) and the sockets the JVM opens for
     * itself (see {@link #jvmSocket})}
     */
    static int sockets() {
        Map<String, String> kinds = socketKinds();
        int n = 0;
        for (String t : links().values()) {
            if (t.startsWith("anon_inode:") || t.startsWith("socket:") && !jvmSocket(kinds.get(t))) n++;
        }
        return n;
    }

    /**
     * Whether a socket of this kind (see {@link #socketKinds()}) is one the JVM opens for itself, never
     * one an ffsock test opens: a netlink socket (JFR's periodic jdk.NetworkUtilization event calls
     * getifaddrs(3), which opens one for a moment, at whatever descriptor number is free) or an AF_UNIX
     * socket bound to a path under /tmp/.java_pid (the attach listener, which the JVM opens when
     * jcmd, jstack or any attach client first connects, and then keeps open, and its connections), and
     * the one dead socket ffsock keeps for waking closed descriptors' threads ({@code @ffsock-closed-…}).
     * The tests only open unnamed AF_UNIX socketpairs, TCP/UDP sockets and sockets bound to paths
     * of their own.
     */
    static boolean jvmSocket(String kind) {
        return kind != null && (kind.startsWith("netlink") || kind.startsWith("unix /tmp/.java_pid")
                || kind.startsWith("unix @" + dev.ffsock.internal.Wakeup.DEAD_SOCKET_NAME_PREFIX));
    }

    /** {@return /proc/self/fd: descriptor number to link target (entries closed meanwhile left out)} */
    static Map<Integer, String> links() {
        Map<Integer, String> m = new java.util.TreeMap<>();
        try (Stream<Path> s = Files.list(Path.of("/proc/self/fd"))) {
            for (Path p : s.toList()) {
                try {
                    m.put(Integer.parseInt(p.getFileName().toString()), Files.readSymbolicLink(p).toString());
                } catch (IOException e) {
                    // closed meanwhile (the listing's own descriptor)
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return m;
    }

    /**
     * {@return "socket:[inode]" to a short description ("unix PATH", "unix", "netlink", "tcp", ...) for
     * the sockets listed in this network namespace's /proc/self/net tables}
     */
    static Map<String, String> socketKinds() {
        Map<String, String> m = new HashMap<>();
        // /proc/net/unix: Num RefCount Protocol Flags Type St Inode [Path]
        for (String[] f : table("unix")) {
            if (f.length >= 7) m.put("socket:[" + f[6] + "]", f.length >= 8 ? "unix " + f[7] : "unix");
        }
        // /proc/net/netlink: sk Eth Pid Groups Rmem Wmem Dump Locks Drops Inode
        for (String[] f : table("netlink")) {
            if (f.length >= 10) m.put("socket:[" + f[9] + "]", "netlink " + f[1]);
        }
        // /proc/net/{tcp,tcp6,udp,udp6}: sl local rem st tx:rx tr:when retrnsmt uid timeout inode
        for (String proto : List.of("tcp", "tcp6", "udp", "udp6")) {
            for (String[] f : table(proto)) {
                if (f.length >= 10) m.put("socket:[" + f[9] + "]", proto + " " + f[1] + " " + f[2]);
            }
        }
        return m;
    }

    private static List<String[]> table(String name) {
        try {
            List<String> lines = Files.readAllLines(Path.of("/proc/self/net", name));
            return lines.stream().skip(1).map(l -> l.trim().split("\\s+")).toList();
        } catch (IOException e) {
            return List.of(); // table absent (protocol not built in)
        }
    }

    /** {@return the soft RLIMIT_NOFILE from /proc/self/limits, or Long.MAX_VALUE if unlimited/unknown} */
    static long limit() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/limits"))) {
                if (line.startsWith("Max open files")) {
                    String soft = line.substring("Max open files".length()).trim().split("\\s+")[0];
                    return soft.equals("unlimited") ? Long.MAX_VALUE : Long.parseLong(soft);
                }
            }
        } catch (IOException | NumberFormatException e) {
            // fall through
        }
        return Long.MAX_VALUE;
    }

    /** Waits (bounded) until the open count is back to at most {@code expected}; returns the last count. */
    static int awaitAtMost(int expected, long millis) throws InterruptedException {
        long end = System.nanoTime() + millis * 1_000_000L;
        int n;
        while ((n = open()) > expected && System.nanoTime() < end) Thread.sleep(10);
        return n;
    }
}
