package dev.ffsock.cli;

import static dev.ffsock.netlink.diag.SocketInodes.inode;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ffsock.Domain;
import dev.ffsock.NetworkNamespace;
import dev.ffsock.SockAddr;
import dev.ffsock.SockAddrIn;
import dev.ffsock.SockAddrIn6;
import dev.ffsock.SockAddrUn;
import dev.ffsock.Socket;
import dev.ffsock.Type;
import dev.ffsock.netlink.uevent.TestNamespace;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** {@code ffsock sockets} and {@code ffsock genl} in-process, checked against {@code ss} for sockets the test opened. */
class SocketsCommandTest {
    private static final List<Socket> open = new ArrayList<>();

    @BeforeAll
    static void needSs() throws Exception {
        TestNamespace.Result r = TestNamespace.run("ss", "-V");
        Assumptions.assumeTrue(r.status() == 0, () -> "no ss to compare with: " + r.output());
    }

    @AfterAll
    static void closeAll() {
        open.forEach(Socket::close);
    }

    private static Socket keep(Socket s) {
        open.add(s);
        return s;
    }

    /** Rows of whitespace-separated cells. */
    private static List<String[]> rows(String out) {
        List<String[]> r = new ArrayList<>();
        for (String line : out.split("\n")) if (!line.isBlank()) r.add(line.trim().split("\\s+"));
        return r;
    }

    private static int port(Socket s) throws IOException {
        SockAddr a = s.getsockname();
        return a instanceof SockAddrIn in ? in.port() : ((SockAddrIn6) a).port();
    }

    /**
     * ffsock's and ss's listings with {@code args} in the test's namespace, line for line (sorted: the
     * order of sockets within one dump is the kernel's hash order, the same for both but not worth
     * depending on); info lines (-i, -m) are compared key by key with {@link SsInfoCompare}.
     */
    private static void sameAsSs(SsCompareNetns n, String... args) throws Exception {
        List<String> a = new ArrayList<>(List.of(args));
        a.add("-H");
        SsInfoCompare.assertSame(n.ss(a), n.ffsock(a), String.join(" ", args));
    }

    @Test
    void inetListingsMatchSs() throws Exception {
        try (SsCompareNetns n = SsCompareNetns.create("sockets")) {
            Socket v4 = n.listen(SockAddrIn.loopback(0), Domain.AF_INET);
            Socket v6only = n.socket(Domain.AF_INET6, Type.STREAM);
            v6only.setsockoptInt(41, 26, 1);
            v6only.bind(SockAddrIn6.any(0));
            v6only.listen(3);
            Socket dual = n.socket(Domain.AF_INET6, Type.STREAM);
            dual.setsockoptInt(41, 26, 0);
            dual.bind(SockAddrIn6.any(0));
            dual.listen(4);
            Socket l = n.listen(SockAddrIn6.loopback(0), Domain.AF_INET6);
            Socket[] c = n.connect(l, SockAddrIn6.loopback(SsCompareNetns.port(l)), Domain.AF_INET6);
            c[0].send(new byte[] {1, 2, 3, 4}, 0, 4, 0);
            Socket u = n.socket(Domain.AF_INET, Type.DGRAM);
            u.bind(SockAddrIn.loopback(0));
            Socket uc = n.socket(Domain.AF_INET6, Type.DGRAM);
            uc.connect(SockAddrIn6.loopback(9));
            waitForUnread(n, "4");

            for (String[] args : List.of(new String[] {"-t", "-l"}, new String[] {"-t"}, new String[] {"-t", "-a"},
                    new String[] {"-u", "-l"}, new String[] {"-u"}, new String[] {"-t", "-u", "-a"},
                    new String[] {"-t", "-l", "-6"}, new String[] {"-t", "-a", "-4"}, new String[] {"-tua"},
                    new String[] {"-a", "-f", "inet6"}, new String[] {"-l", "-f", "inet"})) {
                sameAsSs(n, args);
            }
            List<List<String>> rows = SsCompareNetns.lines(n.ffsock(List.of("-t", "-l", "-H")));
            assertTrue(rows.contains(List.of("LISTEN", "0", "8", "127.0.0.1:" + SsCompareNetns.port(v4), "0.0.0.0:*")),
                    rows::toString);
            assertTrue(rows.contains(List.of("LISTEN", "0", "3", "[::]:" + SsCompareNetns.port(v6only), "[::]:*")), rows::toString);
            assertTrue(rows.contains(List.of("LISTEN", "0", "4", "*:" + SsCompareNetns.port(dual), "*:*")), rows::toString);
            String server = "[::1]:" + SsCompareNetns.port(l), client = "[::1]:" + SsCompareNetns.port(c[0]);
            assertTrue(SsCompareNetns.lines(n.ffsock(List.of("-t", "-H"))).contains(List.of("ESTAB", "4", "0", server, client)),
                    "4 unread bytes on the accepted end");
        }
    }

    /** Loopback delivers in the sender's call, but the test does not rely on it. */
    private static void waitForUnread(SsCompareNetns n, String bytes) throws Exception {
        for (int i = 0; i < 100; i++) {
            if (SsCompareNetns.lines(n.ss(List.of("-t", "-H"))).stream().anyMatch(r -> r.get(1).equals(bytes))) return;
            Thread.sleep(50);
        }
        throw new AssertionError("the sent bytes never arrived");
    }

    @Test
    void unixListingsMatchSs(@TempDir Path dir) throws Exception {
        try (SsCompareNetns n = SsCompareNetns.create("sockets-unix")) {
            Path path = dir.resolve("cli.sock");
            Socket l = n.socket(Domain.AF_UNIX, Type.STREAM);
            l.bind(SockAddrUn.path(path));
            l.listen(6);
            Socket c = n.socket(Domain.AF_UNIX, Type.STREAM);
            c.connect(SockAddrUn.path(path));
            Socket a = l.accept();
            c.send(new byte[] {9, 9}, 0, 2, 0);
            String abs = "ffsock-cli-" + ProcessHandle.current().pid() + "-" + System.nanoTime();
            Socket d = n.socket(Domain.AF_UNIX, Type.DGRAM);
            d.bind(SockAddrUn.abstractName(abs));
            Socket q = n.socket(Domain.AF_UNIX, Type.SEQPACKET);
            q.bind(SockAddrUn.abstractName(abs + "-seq"));
            q.listen(1);
            for (String[] args : List.of(new String[] {"-x", "-a"}, new String[] {"-x"}, new String[] {"-x", "-l"},
                    new String[] {"-f", "unix", "-a"}, new String[] {"-x", "-a", "-m"}, new String[] {"-x", "-a", "-e"},
                    new String[] {"-x", "state", "listening"}, new String[] {"-x", "exclude", "established"},
                    new String[] {"-x", "-a", "-p"})) {
                sameAsSs(n, args);
            }
            List<List<String>> rows = SsCompareNetns.lines(n.ffsock(List.of("-x", "-a", "-H")));
            String ino = Long.toString(inode(l));
            assertTrue(rows.contains(List.of("u_str", "LISTEN", "0", "6", path.toString(), ino, "*", "0")), rows::toString);
            assertTrue(rows.contains(List.of("u_str", "ESTAB", "2", "0", path.toString(), Long.toString(inode(a)), "*",
                    Long.toString(inode(c)))), rows::toString);
            assertTrue(rows.stream().anyMatch(r -> r.get(0).equals("u_dgr") && r.get(4).equals("@" + abs)), rows::toString);
            assertTrue(rows.stream().anyMatch(r -> r.get(0).equals("u_seq") && r.get(4).equals("@" + abs + "-seq")), rows::toString);
            a.close();
        }
    }

    @Test
    void headerAndUsageErrors() {
        Cli.Result r = Cli.run("sockets", "-x", "-l");
        assertEquals(0, r.status(), r::toString);
        assertTrue(r.out().startsWith("Netid State"), r::toString);
        // The columns are as wide as the widest address listed (other tests' sockets may be open).
        assertTrue(r.out().lines().findFirst().orElseThrow().matches(".*Local Address:Port +Peer Address:Port"), r::toString);
        assertEquals(2, Cli.run("sockets", "-4", "-6").status());
        assertEquals(2, Cli.run("sockets", "--bogus").status());
        assertEquals(2, Cli.run("sockets", "-t=1").status());
        Cli.Result badFilter = Cli.run("sockets", "-t", "state", "nosuch");
        assertEquals(2, badFilter.status(), badFilter::toString);
        assertTrue(badFilter.err().startsWith("ffsock: wrong state name: nosuch"), badFilter::toString);
        assertEquals(1, badFilter.err().lines().count(), badFilter::toString);
        assertEquals(2, Cli.run("sockets", "-t", "dport", ">", ":70000").status());
        assertEquals(2, Cli.run("sockets", "-f", "bogus").status());
        Cli.Result ns = Cli.run("sockets", "--netns", "ffsock-no-such-netns");
        assertEquals(1, ns.status(), ns::toString);
        assertTrue(ns.err().contains("ENOENT"), ns::toString);
        assertTrue(Cli.run("help", "sockets").out().contains("--netns NAME"));
    }

    @Test
    void socketsAndGenlInANamespace() throws Exception {
        try (TestNamespace ns = TestNamespace.create("cli")) {
            TestNamespace.Result up = ns.ip("link", "set", "lo", "up");
            Assumptions.assumeTrue(up.status() == 0, up::output);
            Socket l = keep(NetworkNamespace.open(ns.name(), Domain.AF_INET, Type.STREAM, dev.ffsock.Protocol.DEFAULT));
            l.bind(SockAddrIn.loopback(0));
            l.listen(1);
            String local = "127.0.0.1:" + port(l);
            Cli.Result in = Cli.run("sockets", "-t", "-l", "-H", "--netns", ns.name());
            List<List<String>> inside = SsCompareNetns.lines(in.out());
            assertEquals(1, inside.size(), in::toString);
            assertEquals(local, inside.getFirst().get(3), "State Recv-Q Send-Q Local Peer: " + inside);
            Cli.Result here = Cli.run("sockets", "-t", "-l", "-H");
            assertTrue(SsCompareNetns.lines(here.out()).stream().noneMatch(r -> r.contains(local)), "not in this namespace");
            Cli.Result g = Cli.run("genl", "--netns", ns.name());
            assertEquals(0, g.status(), g::toString);
            assertTrue(g.out().contains("\n16 "), g::toString);
            l.close();
        }
    }

    @Test
    void genlDescribesNlctrl() {
        Cli.Result r = Cli.run("genl", "nlctrl");
        assertEquals(0, r.status(), r::toString);
        List<String[]> rows = rows(r.out());
        assertEquals(List.of("ID", "NAME", "VERSION", "OPS", "GROUPS"), List.of(rows.get(0)));
        assertEquals(List.of("16", "nlctrl", "2"), List.of(rows.get(1)).subList(0, 3));
        assertTrue(rows.get(1)[4].contains("notify:"), r::toString);
        assertTrue(r.out().contains("\n  op 3 do,dump\n"), r::toString);
        assertTrue(r.out().contains("\n  group notify "), r::toString);
        assertEquals(Integer.parseInt(rows.get(1)[3]), (int) r.out().lines().filter(x -> x.startsWith("  op ")).count());

        Cli.Result all = Cli.run("genl");
        assertEquals(0, all.status(), all::toString);
        assertTrue(all.out().contains("\n16 "), all::toString);

        Cli.Result missing = Cli.run("genl", "ffsock-nosuch");
        assertEquals(1, missing.status(), missing::toString);
        assertEquals("ffsock: generic netlink family \"ffsock-nosuch\": ENOENT (No such file or directory)\n", missing.err());
        assertEquals(2, Cli.run("genl", "a", "b").status());
        assertEquals(2, Cli.run("genl", "--netns").status());
        assertEquals(2, Cli.run("genl", "-x").status());
        assertTrue(Cli.run("genl", "--help").out().startsWith("usage: ffsock genl"));
    }
}
