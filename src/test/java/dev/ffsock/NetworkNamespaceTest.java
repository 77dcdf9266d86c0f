package dev.ffsock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ffsock.netlink.Attributes;
import dev.ffsock.netlink.Netlink;
import dev.ffsock.netlink.NetlinkConnection;
import dev.ffsock.netlink.route.Rtnl;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Sockets opened inside named namespaces: they see that namespace only, the calling thread stays
 * where it is, several namespaces at once, errors for missing namespaces and bad names, no
 * descriptor left behind.
 */
class NetworkNamespaceTest {
    private static String nsA;
    private static String nsB;

    private static String run(String... cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException(String.join(" ", cmd) + " did not finish");
        }
        if (p.exitValue() != 0) throw new IOException(String.join(" ", cmd) + ": " + out);
        return out;
    }

    private static String newNamespace() throws InterruptedException {
        String name = "ffsock-nl-" + Integer.toHexString(ThreadLocalRandom.current().nextInt() & 0x7fffffff);
        try {
            run("ip", "netns", "add", name);
        } catch (IOException e) {
            Assumptions.abort("cannot create a network namespace: " + e.getMessage());
        }
        return name;
    }

    @BeforeAll
    static void setUp() throws Exception {
        nsA = newNamespace();
        nsB = newNamespace();
        run("ip", "-n", nsA, "link", "add", "ffa0", "type", "veth", "peer", "name", "ffa1");
        run("ip", "-n", nsB, "link", "add", "ffb0", "type", "bridge");
    }

    @AfterAll
    static void tearDown() throws Exception {
        for (String ns : new String[] {nsA, nsB}) {
            if (ns != null) run("ip", "netns", "del", ns);
        }
    }

    private static Set<String> links(NetlinkConnection c) throws IOException {
        List<String> names = c.dumpAll(Rtnl.RTM_GETLINK, w -> w.putZeros(16), m -> {
            Attributes a = m.attributes(16);
            return a.find(Rtnl.IFLA_IFNAME) ? a.string() : null;
        });
        return new HashSet<>(names);
    }

    private static String threadNamespace() throws IOException {
        return Files.readSymbolicLink(Path.of("/proc/thread-self/ns/net")).toString();
    }

    /**
     * Descriptors of this process that are sockets or files these tests open (a namespace opened
     * through its /run/netns bind mount reads back as that path; /proc/self/ns/uts as uts:[inode]).
     */
    private static int socketAndNamespaceFds() throws IOException {
        int n = 0;
        try (Stream<Path> s = Files.list(Path.of("/proc/self/fd"))) {
            for (Path p : s.toList()) {
                try {
                    String t = Files.readSymbolicLink(p).toString();
                    if (t.startsWith("socket:") || t.startsWith("/run/netns/") || t.startsWith("net:[") || t.startsWith("uts:[")) n++;
                } catch (IOException e) {
                    // the listing's own descriptor, closed meanwhile
                }
            }
        }
        return n;
    }

    @Test
    void socketSeesOnlyItsNamespaceAndTheThreadStays() throws Exception {
        String before = threadNamespace();
        try (NetlinkConnection a = NetlinkConnection.open(Netlink.NETLINK_ROUTE, nsA);
             NetlinkConnection b = NetlinkConnection.open(Netlink.NETLINK_ROUTE, nsB);
             NetlinkConnection here = NetlinkConnection.open(Netlink.NETLINK_ROUTE)) {
            assertEquals(before, threadNamespace(), "the calling thread did not move");
            assertEquals(Set.of("lo", "ffa0", "ffa1"), links(a));
            assertEquals(Set.of("lo", "ffb0"), links(b));
            Set<String> mine = links(here);
            assertTrue(mine.contains("lo"));
            assertTrue(!mine.contains("ffa0") && !mine.contains("ffb0"), mine.toString());
            assertEquals(before, threadNamespace());
        }
    }

    @Test
    void pathVariantAndPlainSockets() throws Exception {
        String before = threadNamespace();
        try (NetlinkConnection a = NetlinkConnection.open(Netlink.NETLINK_ROUTE, Path.of("/run/netns", nsA));
             Socket own = NetworkNamespace.open(Path.of("/proc/self/ns/net"), Domain.AF_INET, Type.DGRAM, Protocol.UDP);
             Socket inB = NetworkNamespace.open(nsB, Domain.AF_INET, Type.DGRAM, Protocol.UDP)) {
            assertEquals(Set.of("lo", "ffa0", "ffa1"), links(a));
            own.bind(SockAddrIn.loopback(0)); // this namespace's lo is up
            // in nsB lo is down, so 127.0.0.1 cannot be reached: the socket is really over there
            ErrnoException e = assertThrows(ErrnoException.class, () -> inB.connect(SockAddrIn.loopback(9)));
            assertEquals(Errno.ENETUNREACH, e.errno(), e.getMessage());
        }
        assertEquals(before, threadNamespace());
    }

    @Test
    void missingNamespaceIsEnoent() {
        ErrnoException e = assertThrows(ErrnoException.class,
                () -> NetworkNamespace.open("ffsock-nl-nosuch", Domain.AF_NETLINK, Type.RAW, Protocol.NETLINK_ROUTE));
        assertEquals(Errno.ENOENT, e.errno());
        assertEquals("open: ENOENT (No such file or directory) [/run/netns/ffsock-nl-nosuch]", e.getMessage());
        assertThrows(ErrnoException.class, () -> NetlinkConnection.open(Netlink.NETLINK_ROUTE, "ffsock-nl-nosuch"));
    }

    @Test
    void fileThatIsNoNetworkNamespaceIsEinval() {
        for (String p : new String[] {"/proc/self/ns/uts", "/etc/hostname"}) {
            ErrnoException e = assertThrows(ErrnoException.class,
                    () -> NetworkNamespace.open(Path.of(p), Domain.AF_INET, Type.DGRAM, Protocol.UDP));
            assertEquals("setns", e.call(), e.getMessage());
            assertEquals(Errno.EINVAL, e.errno(), e.getMessage());
            assertTrue(e.getMessage().endsWith("[" + p + "]"), e.getMessage());
        }
    }

    @Test
    void badNamesAreRefused() {
        for (String bad : new String[] {"a/b", "..", ".", "", "/", "a\0b"}) {
            assertThrows(IllegalArgumentException.class,
                    () -> NetworkNamespace.open(bad, Domain.AF_INET, Type.DGRAM, Protocol.UDP), "'" + bad + "'");
            assertThrows(IllegalArgumentException.class, () -> NetworkNamespace.path(bad), "'" + bad + "'");
        }
        assertThrows(NullPointerException.class, () -> NetworkNamespace.path(null));
        assertEquals(Path.of("/run/netns/x"), NetworkNamespace.path("x"));
    }

    @Test
    void noDescriptorLeaks() throws Exception {
        int before = socketAndNamespaceFds();
        for (int i = 0; i < 20; i++) {
            NetworkNamespace.open(nsA, Domain.AF_NETLINK, Type.RAW, Protocol.NETLINK_ROUTE).close();
            NetlinkConnection.open(Netlink.NETLINK_ROUTE, nsB).close();
            assertThrows(ErrnoException.class,
                    () -> NetworkNamespace.open("ffsock-nl-nosuch", Domain.AF_INET, Type.DGRAM, Protocol.UDP));
            assertThrows(ErrnoException.class,
                    () -> NetworkNamespace.open(Path.of("/proc/self/ns/uts"), Domain.AF_INET, Type.DGRAM, Protocol.UDP));
            // socket(2) itself fails inside the namespace: the namespace file must still be closed
            assertThrows(ErrnoException.class,
                    () -> NetworkNamespace.open(nsA, Domain.AF_NETLINK, Type.RAW, Protocol.of(31)));
        }
        assertEquals(before, socketAndNamespaceFds());
    }

    @Test
    void worksFromVirtualAndInterruptedThreads() throws Exception {
        AtomicReference<Object> out = new AtomicReference<>();
        Thread v = Thread.ofVirtual().start(() -> {
            try (NetlinkConnection c = NetlinkConnection.open(Netlink.NETLINK_ROUTE, nsB)) {
                out.set(links(c));
            } catch (Throwable e) {
                out.set(e);
            }
        });
        v.join(10_000);
        assertEquals(Set.of("lo", "ffb0"), out.get());

        Thread.currentThread().interrupt();
        try (Socket s = NetworkNamespace.open(nsA, Domain.AF_INET, Type.DGRAM, Protocol.UDP)) {
            assertTrue(Thread.interrupted(), "the interrupt is kept for the caller");
            assertNotEquals(-1, s.fd());
        } finally {
            Thread.interrupted();
        }
    }
}
