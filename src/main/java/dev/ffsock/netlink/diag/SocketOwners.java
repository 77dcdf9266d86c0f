package dev.ffsock.netlink.diag;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Which processes hold which sockets: one pass over {@code /proc/*}{@code /fd}, matching the
 * {@code socket:[INODE]} links to the inodes sock_diag reports ({@link InetSocket#inode()},
 * {@link UnixSocket#inode()}, …) — what {@code ss -p} does. Processes that exit or fds that close
 * during the pass are skipped; other users' processes are visible only to root (CAP_SYS_PTRACE).
 */
public final class SocketOwners {
    private final Map<Long, List<SocketOwner>> byInode;

    private SocketOwners(Map<Long, List<SocketOwner>> byInode) {
        this.byInode = byInode;
    }

    /** {@return the owners of every socket visible in {@code /proc} now} */
    public static SocketOwners scan() {
        return scan(Path.of("/proc"));
    }

    static SocketOwners scan(Path proc) {
        Map<Long, List<SocketOwner>> m = new HashMap<>();
        try (DirectoryStream<Path> pids = Files.newDirectoryStream(proc, p -> isNumber(p.getFileName().toString()))) {
            for (Path p : pids) process(p, m);
        } catch (IOException | RuntimeException e) {
            // no /proc: nobody is known
        }
        return new SocketOwners(m);
    }

    private static void process(Path dir, Map<Long, List<SocketOwner>> m) {
        int pid = Integer.parseInt(dir.getFileName().toString());
        String comm = null;
        try (DirectoryStream<Path> fds = Files.newDirectoryStream(dir.resolve("fd"))) {
            for (Path fd : fds) {
                String name = fd.getFileName().toString();
                if (!isNumber(name)) continue;
                String target;
                try {
                    target = Files.readSymbolicLink(fd).toString();
                } catch (IOException e) {
                    continue;
                }
                if (!target.startsWith("socket:[") || !target.endsWith("]")) continue;
                long ino;
                try {
                    ino = Long.parseLong(target.substring(8, target.length() - 1));
                } catch (NumberFormatException e) {
                    continue;
                }
                if (comm == null) comm = comm(dir);
                m.computeIfAbsent(ino, k -> new ArrayList<>()).add(new SocketOwner(comm, pid, Integer.parseInt(name)));
            }
        } catch (IOException | RuntimeException e) {
            // gone, or not ours to read
        }
    }

    /** The command name between the first '(' and the last ')' of /proc/PID/stat (it may hold ')' itself). */
    private static String comm(Path dir) {
        try {
            String stat = Files.readString(dir.resolve("stat"), StandardCharsets.UTF_8);
            int open = stat.indexOf('('), close = stat.lastIndexOf(')');
            return open >= 0 && close > open ? stat.substring(open + 1, close) : "";
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }

    private static boolean isNumber(String s) {
        if (s.isEmpty() || s.length() > 9) return false;
        for (int i = 0; i < s.length(); i++) if (s.charAt(i) < '0' || s.charAt(i) > '9') return false;
        return true;
    }

    /**
     * {@return the processes holding the socket with this inode, in the order of the pass (empty if none)}
     *
     * @param inode the socket's inode
     */
    public List<SocketOwner> of(long inode) {
        return List.copyOf(byInode.getOrDefault(inode, List.of()));
    }
}
