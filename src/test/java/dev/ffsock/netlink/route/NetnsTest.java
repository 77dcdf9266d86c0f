package dev.ffsock.netlink.route;

import dev.ffsock.ErrnoException;
import dev.ffsock.NamespaceFd;
import dev.ffsock.NetworkNamespaces;
import dev.ffsock.netlink.NetlinkConnection;
import dev.ffsock.netlink.NetlinkException;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code ip netns add|del|list|identify|set|list-id} done by ffsock and checked with iproute2, and the
 * other way round. Every namespace here has a unique {@code ffsock-nsX-…} name and is deleted at the end.
 */
class NetnsTest {
    private static String unique(String tag) {
        return "ffsock-ns" + tag + "-" + Long.toHexString(ThreadLocalRandom.current().nextLong() & 0xffffffffL);
    }

    private static TestNetns.Result run(String... cmd) throws IOException, InterruptedException {
        return TestNetns.exec(List.of(cmd));
    }

    private static List<String> ipNetnsNames() throws IOException, InterruptedException {
        List<String> names = new ArrayList<>();
        for (Map<String, Object> m : dev.ffsock.testutil.Json.array(run("ip", "-j", "netns", "list").out().strip())) {
            names.add((String) m.get("name"));
        }
        return names;
    }

    /** Descriptors of this process that refer to a network namespace (a NamespaceFd left open would be one). */
    private static long openNetnsFds() throws IOException {
        long n = 0;
        try (var s = Files.list(Path.of("/proc/self/fd"))) {
            for (Path p : (Iterable<Path>) s::iterator) {
                try {
                    if (Files.readSymbolicLink(p).toString().startsWith("net:[")) n++;
                } catch (IOException e) {
                    // closed meanwhile
                }
            }
        }
        return n;
    }

    private static void cleanup(String name) throws IOException, InterruptedException {
        if (Files.exists(NetworkNamespaces.RUN_DIR.resolve(name))) run("ip", "netns", "del", name);
    }

    @Test
    void addListIdentifyDeleteMatchIproute2() throws Exception {
        String name = unique("a");
        long fdsBefore = openNetnsFds();
        try {
            try {
                NetworkNamespaces.add(name);
            } catch (ErrnoException e) {
                Assumptions.assumeTrue(e.errno() != dev.ffsock.Errno.EPERM, "no CAP_SYS_ADMIN: " + e.getMessage());
                throw e;
            }
            assertTrue(ipNetnsNames().contains(name), "ip netns list shows " + name);
            assertTrue(NetworkNamespaces.list().contains(name));
            // a working, empty namespace: ip -n NAME link shows lo only
            TestNetns.Result links = run("ip", "-n", name, "-j", "link", "show");
            assertEquals(0, links.status(), links.err());
            List<Map<String, Object>> l = dev.ffsock.testutil.Json.array(links.out().strip());
            assertEquals(1, l.size(), links.out());
            assertEquals("lo", l.get(0).get("ifname"));
            // it is not this process's namespace
            assertFalse(NetworkNamespaces.identify((int) ProcessHandle.current().pid()).contains(name));
            // a process inside it is identified, by ffsock and by ip netns identify
            Process p = new ProcessBuilder("ip", "netns", "exec", name, "sleep", "60").start();
            try {
                List<String> found = List.of();
                for (int i = 0; i < 200 && !found.contains(name); i++) { // until ip netns exec has entered it
                    found = NetworkNamespaces.identify((int) p.pid());
                    if (!found.contains(name)) Thread.sleep(50);
                }
                assertEquals(List.of(name), found);
                assertEquals(name, run("ip", "netns", "identify", Long.toString(p.pid())).out().strip());
            } finally {
                p.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            }
            // a second add of the name is refused before anything changes
            ErrnoException dup = assertThrows(ErrnoException.class, () -> NetworkNamespaces.add(name));
            assertEquals("open", dup.call());
            assertEquals(dev.ffsock.Errno.EEXIST, dup.errno());
            assertEquals(0, run("ip", "-n", name, "link", "show").status(), "the existing namespace is untouched");

            NetworkNamespaces.delete(name);
            assertFalse(ipNetnsNames().contains(name));
            assertFalse(NetworkNamespaces.list().contains(name));
            ErrnoException gone = assertThrows(ErrnoException.class, () -> NetworkNamespaces.delete(name));
            assertEquals("unlink", gone.call());
            assertEquals(dev.ffsock.Errno.ENOENT, gone.errno());
            assertEquals(fdsBefore, openNetnsFds(), "no namespace descriptor left open");
        } finally {
            cleanup(name);
        }
    }

    @Test
    void namespaceMadeByIpIsListedAndDeletedByFfsock() throws Exception {
        String name = unique("b");
        try {
            TestNetns.Result r = run("ip", "netns", "add", name);
            Assumptions.assumeTrue(r.status() == 0, "ip netns add: " + r.err());
            assertTrue(NetworkNamespaces.list().contains(name));
            NetworkNamespaces.delete(name);
            assertFalse(ipNetnsNames().contains(name));
        } finally {
            cleanup(name);
        }
    }

    @Test
    void nsidsSetByFfsockAreWhatIpListsAndViceVersa() throws Exception {
        String home = unique("h"), peer = unique("p"), other = unique("o");
        try {
            NetworkNamespaces.add(home);
            NetworkNamespaces.add(peer);
            NetworkNamespaces.add(other);
            try (NetlinkConnection c = NetlinkConnection.open(dev.ffsock.netlink.Netlink.NETLINK_ROUTE, home)) {
                NetnsIds ids = new NetnsIds(c);
                assertEquals(-1, ids.get(peer), "no id yet");
                ids.set(peer, 7);
                assertEquals(7, ids.get(peer));
                // by pid: a process inside peer
                Process inside = new ProcessBuilder("ip", "netns", "exec", peer, "sleep", "60").start();
                try {
                    int got = -1;
                    for (int i = 0; i < 200 && got != 7; i++) { // until ip netns exec has entered it
                        got = ids.getByPid((int) inside.pid());
                        if (got != 7) Thread.sleep(50);
                    }
                    assertEquals(7, got);
                } finally {
                    inside.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
                }
                // ip reads it: ip -n HOME -j netns list-id / netns list
                List<Map<String, Object>> listId = dev.ffsock.testutil.Json.array(run("ip", "-n", home, "-j", "netns", "list-id").out().strip());
                assertEquals(List.of(Map.of("nsid", 7L, "name", peer)), listId.stream()
                        .filter(m -> m.get("nsid").equals(7L)).toList());
                // ip sets one, ffsock reads it (by name and in the list-id dump)
                assertEquals(0, run("ip", "-n", home, "netns", "set", other, "12").status());
                assertEquals(12, ids.get(other));
                List<NetnsId> dump = ids.list();
                assertTrue(dump.stream().anyMatch(n -> n.nsid() == 7), dump.toString());
                assertTrue(dump.stream().anyMatch(n -> n.nsid() == 12), dump.toString());
                assertEquals(2, dump.size(), dump.toString());
                // a taken id is the kernel's refusal
                NetlinkException taken = assertThrows(NetlinkException.class, () -> ids.set(other, 7));
                assertTrue(taken.getMessage().contains("RTM_NEWNSID"), taken.getMessage());
                assertThrows(IllegalArgumentException.class, () -> ids.set(other, -2));
                // "auto" assigns one
                String auto = unique("x");
                NetworkNamespaces.add(auto);
                try {
                    ids.set(auto, -1);
                    int got = ids.get(auto);
                    assertTrue(got >= 0 && got != 7 && got != 12, "auto nsid " + got);
                    try (NamespaceFd fd = NamespaceFd.ofName(auto)) {
                        assertEquals(got, ids.get(fd));
                    }
                } finally {
                    NetworkNamespaces.delete(auto);
                }
            }
        } finally {
            cleanup(home);
            cleanup(peer);
            cleanup(other);
        }
    }

    @Test
    void badNamesAreRefusedBeforeAnythingIsDone() {
        for (String bad : new String[] {"", "a/b", ".", "..", "x".repeat(256), "a\0b"}) {
            assertThrows(IllegalArgumentException.class, () -> NetworkNamespaces.add(bad), bad);
            assertThrows(IllegalArgumentException.class, () -> NetworkNamespaces.delete(bad), bad);
        }
        assertThrows(IllegalArgumentException.class, () -> NetworkNamespaces.identify(0));
    }
}
