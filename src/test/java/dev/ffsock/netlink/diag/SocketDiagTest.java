package dev.ffsock.netlink.diag;

import static dev.ffsock.netlink.diag.SocketInodes.inode;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ffsock.Domain;
import dev.ffsock.Protocol;
import dev.ffsock.SockAddr;
import dev.ffsock.SockAddrIn;
import dev.ffsock.SockAddrIn6;
import dev.ffsock.SockAddrUn;
import dev.ffsock.Socket;
import dev.ffsock.Type;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/** Opens sockets of every kind and finds each in the kernel's tables with the right fields. */
class SocketDiagTest {
    private static final List<Socket> open = new ArrayList<>();
    private static SocketDiag diag;

    @BeforeAll
    static void connect() throws IOException {
        diag = SocketDiag.open();
    }

    @AfterAll
    static void closeAll() {
        for (Socket s : open) s.close();
        if (diag != null) diag.close();
    }

    private static Socket keep(Socket s) {
        open.add(s);
        return s;
    }

    private static int port(Socket s) throws IOException {
        SockAddr a = s.getsockname();
        return a instanceof SockAddrIn in ? in.port() : ((SockAddrIn6) a).port();
    }

    private static <T> T only(List<T> list, Predicate<T> p, String what) {
        List<T> hits = list.stream().filter(p).toList();
        assertEquals(1, hits.size(), () -> what + ": " + hits + " in " + list.size() + " sockets");
        return hits.getFirst();
    }

    private static InetSocket byInode(InetRequest r, long inode) throws IOException {
        return only(diag.inet(r), s -> s.inode() == inode, "inode " + inode);
    }

    private static UnixSocket byInode(UnixRequest r, long inode) throws IOException {
        return only(diag.unix(r), s -> s.inode() == inode, "inode " + inode);
    }

    @Test
    void tcpListenerV4() throws IOException {
        Socket l = keep(Socket.open(Domain.AF_INET, Type.STREAM));
        l.bind(SockAddrIn.loopback(0));
        l.listen(7);
        InetSocket s = byInode(InetRequest.tcp(Domain.AF_INET).states(SocketState.LISTEN), inode(l));
        assertEquals(SocketState.LISTEN, s.state());
        assertEquals(Domain.AF_INET, s.family());
        assertEquals(Protocol.TCP, s.protocol());
        assertEquals(InetAddress.getByName("127.0.0.1"), s.localAddress());
        assertEquals(port(l), s.localPort());
        assertEquals(InetAddress.getByName("0.0.0.0"), s.remoteAddress());
        assertEquals(0, s.remotePort());
        assertEquals(0, s.rqueue(), "nothing waiting for accept");
        assertEquals(7, s.wqueue(), "a listener's wqueue is its backlog");
        assertEquals(((Number) Files.getAttribute(Path.of("/proc/self"), "unix:uid")).longValue(), s.uid());
        assertTrue(s.cookie() != 0);
        assertEquals(-1, s.v6Only(), "SKV6ONLY is IPv6-only");
        assertTrue(s.shutdown() >= 0, "INET_DIAG_SHUTDOWN is always sent");
    }

    @Test
    void tcpListenerV6IsV6Only() throws IOException {
        Socket l = keep(Socket.open(Domain.AF_INET6, Type.STREAM));
        l.setsockoptInt(41, 26, 1); // IPPROTO_IPV6, IPV6_V6ONLY
        l.bind(SockAddrIn6.loopback(0));
        l.listen(3);
        InetSocket s = byInode(InetRequest.tcp(Domain.AF_INET6).states(SocketState.LISTEN), inode(l));
        assertEquals(Domain.AF_INET6, s.family());
        assertEquals(InetAddress.getByName("::1"), s.localAddress());
        assertEquals(port(l), s.localPort());
        assertEquals(1, s.v6Only());
        // Not in the IPv4 table.
        assertTrue(diag.inet(InetRequest.tcp(Domain.AF_INET)).stream().noneMatch(x -> x.localPort() == s.localPort()
                && x.inode() == s.inode()));
    }

    @Test
    void tcpConnectedPairWithQueueAndExtensions() throws Exception {
        Socket l = keep(Socket.open(Domain.AF_INET, Type.STREAM));
        l.bind(SockAddrIn.loopback(0));
        l.listen(4);
        Socket c = keep(Socket.open(Domain.AF_INET, Type.STREAM));
        c.connect(SockAddrIn.loopback(port(l)));
        Socket a = keep(l.accept());
        byte[] msg = "hello".getBytes(StandardCharsets.US_ASCII);
        assertEquals(5, c.send(msg, 0, 5, 0));

        InetRequest estab = InetRequest.tcp(Domain.AF_INET).states(SocketState.ESTABLISHED)
                .withExtensions(SockDiag.INET_DIAG_INFO, SockDiag.INET_DIAG_MEMINFO, SockDiag.INET_DIAG_CONG);
        InetSocket client = byInode(estab, inode(c));
        assertEquals(SocketState.ESTABLISHED, client.state());
        assertEquals(port(c), client.localPort());
        assertEquals(port(l), client.remotePort());
        assertEquals(InetAddress.getByName("127.0.0.1"), client.remoteAddress());
        assertNotNull(client.tcpInfo());
        assertTrue(client.tcpInfo().length() >= 104, "struct tcp_info: " + client.tcpInfo().length());
        assertEquals(SocketState.ESTABLISHED.code(), client.tcpInfo().state(), "tcpi_state");
        assertNotNull(client.memInfo());
        assertNotNull(client.congestion());
        assertFalse(client.congestion().isEmpty());

        // Loopback delivers at once, but give the receiver a bounded moment.
        InetSocket server = null;
        for (int i = 0; i < 100; i++) {
            server = byInode(estab, inode(a));
            if (server.rqueue() == 5) break;
            Thread.sleep(10);
        }
        assertEquals(5, server.rqueue(), "bytes sent and not read");
        assertEquals(port(l), server.localPort());
        assertEquals(port(c), server.remotePort());

        // The kernel filters by state: a LISTEN-only dump has neither end.
        List<InetSocket> listening = diag.inet(InetRequest.tcp(Domain.AF_INET).states(SocketState.LISTEN));
        assertTrue(listening.stream().allMatch(x -> x.state() == SocketState.LISTEN));
        assertTrue(listening.stream().noneMatch(x -> x.inode() == client.inode()));
        int lport = port(l);
        assertNull(only(listening, x -> x.localPort() == lport, "listener").tcpInfo(), "no extension asked");
    }

    @Test
    void udpBoundAndConnected() throws IOException {
        Socket u = keep(Socket.open(Domain.AF_INET, Type.DGRAM));
        u.bind(SockAddrIn.loopback(0));
        InetSocket s = byInode(InetRequest.udp(Domain.AF_INET), inode(u));
        assertEquals(Protocol.UDP, s.protocol());
        assertEquals(SocketState.CLOSE, s.state());
        assertEquals("UNCONN", s.state().ssName());
        assertEquals(port(u), s.localPort());

        Socket v = keep(Socket.open(Domain.AF_INET6, Type.DGRAM));
        v.bind(SockAddrIn6.loopback(0));
        v.connect(SockAddrIn6.loopback(port(v)));
        InetSocket t = byInode(InetRequest.udp(Domain.AF_INET6).states(SocketState.ESTABLISHED), inode(v));
        assertEquals(SocketState.ESTABLISHED, t.state());
        assertEquals(port(v), t.remotePort());
        long uino = inode(u);
        assertTrue(diag.inet(Protocol.UDP, SocketState.ALL).stream().anyMatch(x -> x.inode() == uino));
    }

    @Test
    void unixStreamListenerAndConnectedPair(@TempDir Path dir) throws Exception {
        Path path = dir.resolve("diag.sock");
        Socket l = keep(Socket.open(Domain.AF_UNIX, Type.STREAM));
        l.bind(SockAddrUn.path(path));
        l.listen(5);
        Socket c = keep(Socket.open(Domain.AF_UNIX, Type.STREAM));
        c.connect(SockAddrUn.path(path));

        UnixRequest all = UnixRequest.all().show(UnixRequest.DEFAULT_SHOW | SockDiag.UDIAG_SHOW_ICONS);
        UnixSocket listener = byInode(all, inode(l));
        assertEquals(UnixType.STREAM, listener.type());
        assertEquals(SocketState.LISTEN, listener.state());
        assertEquals(SockAddrUn.Kind.PATH, listener.nameKind());
        assertEquals(path.toString(), listener.displayName());
        assertEquals(SockAddrUn.path(path), listener.address());
        assertNotNull(listener.vfs());
        assertEquals(((Number) Files.getAttribute(path, "unix:ino")).longValue(), listener.vfs().inode());
        assertEquals(1, listener.rqueue(), "one connection waiting for accept");
        assertEquals(5, listener.wqueue(), "backlog");
        assertEquals(1, listener.pendingInodes().length);
        assertEquals(0, listener.peerInode());

        Socket a = keep(l.accept());
        assertEquals(3, c.send("abc".getBytes(StandardCharsets.US_ASCII), 0, 3, 0));
        UnixSocket client = byInode(all, inode(c));
        UnixSocket server = byInode(all, inode(a));
        assertEquals(SocketState.ESTABLISHED, client.state());
        assertEquals(inode(a), client.peerInode());
        assertEquals(inode(c), server.peerInode());
        assertEquals(SockAddrUn.Kind.UNNAMED, client.nameKind());
        assertEquals("*", client.displayName());
        assertEquals(path.toString(), server.displayName(), "an accepted socket carries the listener's name");
        assertEquals(3, server.rqueue(), "unread bytes on the receiver");
        assertEquals(0, client.rqueue());
        assertTrue(client.uid() >= 0);
        assertNull(client.vfs());
    }

    @Test
    void unixDgramSeqpacketAbstractAndTypeFilter() throws IOException {
        String base = "ffsock-diag-" + ProcessHandle.current().pid() + "-" + System.nanoTime();
        Socket d = keep(Socket.open(Domain.AF_UNIX, Type.DGRAM));
        d.bind(SockAddrUn.abstractName(base + "-dgram"));
        Socket q = keep(Socket.open(Domain.AF_UNIX, Type.SEQPACKET));
        q.bind(SockAddrUn.abstractName(base + "-seq"));
        q.listen(2);
        Socket[] pair = Socket.socketpair(Domain.AF_UNIX, Type.SEQPACKET);
        keep(pair[0]);
        keep(pair[1]);

        UnixSocket dg = byInode(UnixRequest.all(), inode(d));
        assertEquals(UnixType.DGRAM, dg.type());
        assertEquals("u_dgr", dg.type().netid());
        assertEquals(SocketState.CLOSE, dg.state());
        assertEquals(SockAddrUn.Kind.ABSTRACT, dg.nameKind());
        assertEquals("@" + base + "-dgram", dg.displayName());
        assertArrayEquals((base + "-dgram").getBytes(StandardCharsets.UTF_8), dg.name());
        assertEquals(SockAddrUn.abstractName(base + "-dgram"), dg.address());
        assertNull(dg.vfs(), "abstract names have no file");

        UnixSocket seq = byInode(UnixRequest.all().states(SocketState.LISTEN), inode(q));
        assertEquals(UnixType.SEQPACKET, seq.type());
        assertEquals("u_seq", seq.type().netid());
        assertEquals("@" + base + "-seq", seq.displayName());

        UnixSocket p0 = byInode(UnixRequest.all(), inode(pair[0]));
        assertEquals(inode(pair[1]), p0.peerInode());
        assertEquals(SocketState.ESTABLISHED, p0.state());

        // The type filter runs here, the state filter in the kernel.
        List<UnixSocket> dgrams = diag.unix(UnixRequest.all().types(UnixType.DGRAM));
        assertTrue(dgrams.stream().allMatch(x -> x.type() == UnixType.DGRAM));
        assertTrue(dgrams.stream().anyMatch(x -> x.inode() == dg.inode()));
        List<UnixSocket> listeners = diag.unix(UnixRequest.all().states(SocketState.LISTEN));
        assertTrue(listeners.stream().allMatch(x -> x.state() == SocketState.LISTEN));
        assertTrue(listeners.stream().noneMatch(x -> x.inode() == dg.inode()));
        // Nothing asked, nothing decoded.
        UnixSocket bare = byInode(UnixRequest.all().show(0), inode(d));
        assertEquals(SockAddrUn.Kind.UNNAMED, bare.nameKind());
        assertEquals(-1, bare.rqueue());
        assertEquals(-1, bare.peerInode());
    }
}
