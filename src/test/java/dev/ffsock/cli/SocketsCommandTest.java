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

    private static int port(Socket s) throws IOException {
        SockAddr a = s.getsockname();
        return a instanceof SockAddrIn in ? in.port() : ((SockAddrIn6) a).port();
    }

    /** Rows of whitespace-separated cells. */
    private static List<String[]> rows(String out) {
        List<String[]> r = new ArrayList<>();
        for (String line : out.split("\n")) if (!line.isBlank()) r.add(line.trim().split("\\s+"));
        return r;
    }

    private static List<String[]> ffsock(String... args) {
        Cli.Result r = Cli.run(args);
        assertEquals(0, r.status(), r::toString);
        return rows(r.out());
    }

    private static List<String[]> ss(String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("ss", "-H", "-n"));
        cmd.addAll(List.of(args));
        TestNamespace.Result r = TestNamespace.run(cmd.toArray(String[]::new));
        assertEquals(0, r.status(), r::output);
        return rows(r.output());
    }

    /** The one row whose cell {@code col} (negative: from the end) is {@code value}, or null. */
    private static String[] find(List<String[]> rows, int col, String value) {
        String[] hit = null;
        for (String[] r : rows) {
            int c = col >= 0 ? col : r.length + col;
            if (c >= 0 && c < r.length && r[c].equals(value)) {
                assertNull(hit, () -> "two rows with " + value);
                hit = r;
            }
        }
        return hit;
    }

    /**
     * The one inet row (netid state rq wq local peer) of protocol {@code netid} with exactly this local
     * and peer address, or null. Inet rows carry no inode, and a local address alone does not name a
     * socket in a listing of several protocols or states: TCP and UDP number their ports separately (the
     * test's UDP socket and another test's or process's TCP connection can both be 127.0.0.1:P, as seen
     * with a busy machine), and connect(2) reuses a local TCP port towards another peer.
     */
    private static String[] inetRow(List<String[]> rows, String netid, String local, String peer) {
        String[] hit = null;
        for (String[] r : rows) {
            if (r.length >= 6 && r[0].equals(netid) && r[4].equals(local) && r[5].equals(peer)) {
                assertNull(hit, () -> "two " + netid + " rows " + local + " " + peer);
                hit = r;
            }
        }
        return hit;
    }

    /**
     * Checks ffsock's inet row against ss's row with the same local and peer address; ss is asked for
     * one protocol, so its rows have no netid column (state rq wq local peer).
     */
    private static void sameInetRow(String[] mine, List<String[]> ss, String local) {
        assertNotNull(mine, "ffsock has no row for " + local);
        assertEquals(local, mine[4]);
        String[] theirs = null;
        for (String[] r : ss) {
            if (r.length >= 5 && r[3].equals(mine[4]) && r[4].equals(mine[5])) {
                assertNull(theirs, () -> "two ss rows " + mine[4] + " " + mine[5]);
                theirs = r;
            }
        }
        assertNotNull(theirs, "ss has no row for " + local + " " + mine[5]);
        assertEquals(List.of(theirs).subList(0, 5), Arrays.asList(mine).subList(1, 6), local);
    }

    @Test
    void tcpListenersMatchSs() throws Exception {
        Socket v4 = keep(Socket.open(Domain.AF_INET, Type.STREAM));
        v4.bind(SockAddrIn.loopback(0));
        v4.listen(9);
        Socket v6only = keep(Socket.open(Domain.AF_INET6, Type.STREAM));
        v6only.setsockoptInt(41, 26, 1);
        v6only.bind(SockAddrIn6.any(0));
        v6only.listen(3);
        Socket dual = keep(Socket.open(Domain.AF_INET6, Type.STREAM));
        dual.setsockoptInt(41, 26, 0);
        dual.bind(SockAddrIn6.any(0));
        dual.listen(4);

        List<String[]> mine = ffsock("sockets", "-t", "-l", "-H");
        List<String[]> theirs = ss("-t", "-l");
        String l4 = "127.0.0.1:" + port(v4), l6 = "[::]:" + port(v6only), ld = "*:" + port(dual);
        sameInetRow(find(mine, 4, l4), theirs, l4);
        sameInetRow(find(mine, 4, l6), theirs, l6);
        sameInetRow(find(mine, 4, ld), theirs, ld);
        assertEquals(List.of("tcp", "LISTEN", "0", "9", l4, "0.0.0.0:*"), List.of(find(mine, 4, l4)));
        assertEquals("[::]:*", find(mine, 4, l6)[5]);
        assertEquals("*:*", find(mine, 4, ld)[5]);
        assertNull(find(ffsock("sockets", "-t", "-l", "-H", "-6"), 4, l4), "-6 hides IPv4");
        assertNull(find(ffsock("sockets", "-t", "-H"), 4, l4), "listeners are not shown by default");
    }

    @Test
    void connectedTcpAndUdpMatchSs() throws Exception {
        Socket l = keep(Socket.open(Domain.AF_INET6, Type.STREAM));
        l.bind(SockAddrIn6.loopback(0));
        l.listen(2);
        Socket c = keep(Socket.open(Domain.AF_INET6, Type.STREAM));
        c.connect(SockAddrIn6.loopback(port(l)));
        Socket a = keep(l.accept());
        c.send(new byte[] {1, 2, 3, 4}, 0, 4, 0);
        Socket u = keep(Socket.open(Domain.AF_INET, Type.DGRAM));
        u.bind(SockAddrIn.loopback(0));

        // Rows are matched by protocol and full address pair (inetRow), never by port alone.
        String client = "[::1]:" + port(c);
        String server = "[::1]:" + port(l);
        List<String[]> tcp = ffsock("sockets", "-t", "-H");
        String[] con = inetRow(tcp, "tcp", client, server);
        sameInetRow(con, ss("-t"), client);
        assertEquals("ESTAB", con[1]);
        // The accepted end shares the listener's local address: tell them apart by peer.
        String[] acc = inetRow(tcp, "tcp", server, client);
        assertNotNull(acc, "ffsock has no row for the accepted end");
        assertEquals(List.of("tcp", "ESTAB", "4"), List.of(acc).subList(0, 3), "4 unread bytes");

        String ul = "127.0.0.1:" + port(u);
        String unconnected = "0.0.0.0:*";
        List<String[]> udp = ffsock("sockets", "-u", "-l", "-H");
        sameInetRow(inetRow(udp, "udp", ul, unconnected), ss("-u", "-l"), ul);
        assertEquals("UNCONN", inetRow(udp, "udp", ul, unconnected)[1]);
        assertNull(inetRow(ffsock("sockets", "-u", "-H"), "udp", ul, unconnected), "unconnected UDP is not shown by default");
        List<String[]> all = ffsock("sockets", "-a", "-H");
        assertNotNull(inetRow(all, "udp", ul, unconnected), "-a shows everything");
        assertNotNull(inetRow(all, "tcp", client, server), "-a shows everything");
    }

    @Test
    void unixSocketsMatchSs(@TempDir Path dir) throws Exception {
        Path path = dir.resolve("cli.sock");
        Socket l = keep(Socket.open(Domain.AF_UNIX, Type.STREAM));
        l.bind(SockAddrUn.path(path));
        l.listen(6);
        Socket c = keep(Socket.open(Domain.AF_UNIX, Type.STREAM));
        c.connect(SockAddrUn.path(path));
        Socket a = keep(l.accept());
        c.send(new byte[] {9, 9}, 0, 2, 0);
        String abs = "ffsock-cli-" + ProcessHandle.current().pid() + "-" + System.nanoTime();
        Socket d = keep(Socket.open(Domain.AF_UNIX, Type.DGRAM));
        d.bind(SockAddrUn.abstractName(abs));
        Socket q = keep(Socket.open(Domain.AF_UNIX, Type.SEQPACKET));
        q.bind(SockAddrUn.abstractName(abs + "-seq"));
        q.listen(1);

        List<String[]> mine = ffsock("sockets", "-x", "-a", "-H");
        List<String[]> theirs = ss("-x", "-a");
        for (Socket s : List.of(l, c, a, d, q)) {
            String ino = Long.toString(inode(s));
            String[] m = find(mine, 5, ino);
            String[] t = find(theirs, 5, ino);
            assertNotNull(m, "ffsock misses inode " + ino);
            assertNotNull(t, "ss misses inode " + ino);
            assertEquals(List.of(t).subList(0, 8), List.of(m), "inode " + ino);
        }
        assertEquals(List.of("u_str", "LISTEN", "0", "6", path.toString()), List.of(find(mine, 5, Long.toString(inode(l)))).subList(0, 5));
        assertEquals(Long.toString(inode(c)), find(mine, 5, Long.toString(inode(a)))[7], "peer inode");
        assertEquals("2", find(mine, 5, Long.toString(inode(a)))[2], "unread bytes");
        assertEquals("@" + abs, find(mine, 5, Long.toString(inode(d)))[4]);
        assertEquals("u_dgr", find(mine, 5, Long.toString(inode(d)))[0]);
        assertEquals("u_seq", find(mine, 5, Long.toString(inode(q)))[0]);
        assertNull(find(ffsock("sockets", "-x", "-H"), 5, Long.toString(inode(l))), "default: no listeners");
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
            List<String[]> inside = ffsock("sockets", "-t", "-l", "-H", "--netns", ns.name());
            assertEquals(1, inside.size(), () -> "only the test's listener: " + inside.stream().map(Arrays::toString).toList());
            assertEquals(local, inside.getFirst()[4]);
            assertNull(find(ffsock("sockets", "-t", "-l", "-H"), 4, local), "not in this namespace");
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
