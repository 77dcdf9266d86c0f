package dev.ffsock.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Cgroup ids (INET_DIAG_CGROUP_ID) as paths under the cgroup2 mount, as {@code ss -e} prints them
 * ({@code cgroup:/system.slice/x.service}): a cgroup's id is its directory's inode number. Read once,
 * the first time one is asked for.
 */
final class CgroupPaths {
    private static final Path ROOT = Path.of("/sys/fs/cgroup");
    private Map<Long, String> byId;

    /** {@return the cgroup's path, or ss's {@code unreachable:HEX} when no directory has that id} */
    String path(long id) {
        if (byId == null) byId = scan();
        String p = byId.get(id);
        return p != null ? p : "unreachable:" + Long.toHexString(id);
    }

    private static Map<Long, String> scan() {
        Map<Long, String> m = new HashMap<>();
        try (Stream<Path> dirs = Files.walk(ROOT)) {
            dirs.filter(Files::isDirectory).forEach(d -> {
                try {
                    Object ino = Files.getAttribute(d, "unix:ino");
                    m.putIfAbsent(((Number) ino).longValue(), "/" + ROOT.relativize(d).toString().replace('\\', '/'));
                } catch (IOException | RuntimeException e) {
                    // removed while walking
                }
            });
        } catch (IOException | RuntimeException e) {
            // no cgroup2 mount: every id is unreachable
        }
        return m;
    }
}
