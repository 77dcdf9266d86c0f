package dev.ffsock;

import dev.ffsock.nio.FfsockSelectorProvider;
import dev.ffsock.nio.FfsockSocketAddress;

import dev.ffsock.testutil.OnThread;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.net.BindException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.AlreadyConnectedException;
import java.nio.channels.AsynchronousCloseException;
import java.nio.channels.ClosedByInterruptException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.DatagramChannel;
import java.nio.channels.NotYetConnectedException;
import java.nio.channels.Pipe;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.channels.UnsupportedAddressTypeException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The channels of {@link FfsockSelectorProvider}: blocking mode, close, interrupt, addresses, options, leaks. */
@Timeout(120)
class NioChannelTest {
    private static final FfsockSelectorProvider P = FfsockSelectorProvider.provider();

    /** A connected TCP pair: an ffsock client and the channel the ffsock listener accepted. */
    private static SocketChannel[] tcpPair() throws Exception {
        try (ServerSocketChannel srv = P.openServerSocketChannel(StandardProtocolFamily.INET)) {
            srv.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1);
            SocketChannel c = P.openSocketChannel(StandardProtocolFamily.INET);
            assertTrue(c.connect(srv.getLocalAddress()), "a blocking connect completes");
            return new SocketChannel[] {c, srv.accept()};
        }
    }

    @Test
    void blockingModeScatterGatherAndShutdown() throws Exception {
        SocketChannel[] p = tcpPair();
        try {
            assertTrue(p[0].isBlocking() && p[1].isBlocking());
            assertEquals(p[0].getLocalAddress(), p[1].getRemoteAddress());
            assertEquals(p[1].getLocalAddress(), p[0].getRemoteAddress());
            ByteBuffer[] out = {ByteBuffer.wrap("ab".getBytes()), ByteBuffer.allocateDirect(3).put("cde".getBytes()).flip(),
                    ByteBuffer.wrap("fgh".getBytes())};
            assertEquals(8, p[0].write(out), "a blocking gathering write sends everything");
            ByteBuffer h = ByteBuffer.allocate(3);
            ByteBuffer t = ByteBuffer.allocateDirect(5);
            long got = 0;
            while (got < 8) got += p[1].read(new ByteBuffer[] {h, t});
            assertEquals("abc", new String(h.array(), StandardCharsets.US_ASCII));
            byte[] tail = new byte[5];
            t.flip().get(tail);
            assertEquals("defgh", new String(tail, StandardCharsets.US_ASCII));
            p[0].shutdownOutput();
            assertEquals(-1, p[1].read(ByteBuffer.allocate(4)), "end of stream after the peer's shutdownOutput");
            assertThrows(ClosedChannelException.class, () -> p[0].write(ByteBuffer.allocate(1)));
            p[1].shutdownInput();
            assertEquals(-1, p[1].read(ByteBuffer.allocate(4)));
            assertTrue(p[0].socket().isOutputShutdown() && p[1].socket().isInputShutdown());
        } finally {
            p[0].close();
            p[1].close();
        }
    }

    @Test
    void optionsMapOntoFfsockOptions() throws Exception {
        SocketChannel[] p = tcpPair();
        try {
            Socket s = FfsockSelectorProvider.socketOf(p[0]);
            p[0].setOption(StandardSocketOptions.TCP_NODELAY, true);
            assertTrue(s.getsockopt(SockOpt.TCP_NODELAY));
            assertTrue(p[0].getOption(StandardSocketOptions.TCP_NODELAY));
            p[0].setOption(StandardSocketOptions.SO_LINGER, 3);
            assertEquals(new Linger(true, 3), s.getsockopt(SockOpt.SO_LINGER));
            p[0].setOption(StandardSocketOptions.SO_LINGER, -1);
            assertEquals(-1, p[0].getOption(StandardSocketOptions.SO_LINGER));
            p[0].setOption(StandardSocketOptions.SO_SNDBUF, 65536);
            assertEquals(s.getsockopt(SockOpt.SO_SNDBUF), p[0].getOption(StandardSocketOptions.SO_SNDBUF));
            p[0].socket().setKeepAlive(true);
            assertTrue(s.getsockopt(SockOpt.SO_KEEPALIVE));
            assertThrows(UnsupportedOperationException.class, () -> p[0].getOption(StandardSocketOptions.SO_BROADCAST));
            assertThrows(IllegalArgumentException.class, () -> p[0].setOption(StandardSocketOptions.SO_RCVBUF, -1));
            assertEquals(InetAddress.getLoopbackAddress(), p[1].socket().getLocalAddress());
            assertEquals(((InetSocketAddress) p[0].getLocalAddress()).getPort(), p[1].socket().getPort());
        } finally {
            p[0].close();
            p[1].close();
        }
    }

    @Test
    void connectFailureClosesTheChannelAndBindFailureIsABindException() throws Exception {
        int port;
        try (ServerSocketChannel srv = P.openServerSocketChannel(StandardProtocolFamily.INET)) {
            srv.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            port = ((InetSocketAddress) srv.getLocalAddress()).getPort();
            try (ServerSocketChannel again = P.openServerSocketChannel(StandardProtocolFamily.INET)) {
                BindException e = assertThrows(BindException.class, () -> again.bind(srv.getLocalAddress()));
                assertTrue(e.getMessage().contains("EADDRINUSE"), e.getMessage());
            }
        }
        SocketChannel c = P.openSocketChannel(StandardProtocolFamily.INET);
        ConnectException e = assertThrows(ConnectException.class,
                () -> c.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port)));
        assertTrue(e.getMessage().contains("ECONNREFUSED"), e.getMessage());
        assertFalse(c.isOpen());
        try (SocketChannel u = P.openSocketChannel(StandardProtocolFamily.INET)) {
            assertThrows(UnsupportedAddressTypeException.class, () -> u.connect(UnixDomainSocketAddress.of("/x")));
            assertThrows(NotYetConnectedException.class, () -> u.read(ByteBuffer.allocate(1)));
            assertNull(u.getLocalAddress(), "not bound");
            assertNull(u.getRemoteAddress());
        }
    }

    @Test
    void closeWakesABlockedReaderAndAccept() throws Exception {
        for (boolean virtual : new boolean[] {false, true}) {
            SocketChannel[] p = tcpPair();
            CompletableFuture<Integer> read = OnThread.run(virtual, () -> p[1].read(ByteBuffer.allocate(8)));
            ServerSocketChannel srv = P.openServerSocketChannel(StandardProtocolFamily.INET);
            srv.bind(null);
            CompletableFuture<SocketChannel> acc = OnThread.run(virtual, srv::accept);
            Thread.sleep(200); // into the waits (a close before them is a ClosedChannelException, also failing below)
            p[1].close();
            srv.close();
            assertInstanceOf(AsynchronousCloseException.class, OnThread.failure(read), "virtual=" + virtual);
            assertInstanceOf(AsynchronousCloseException.class, OnThread.failure(acc), "virtual=" + virtual);
            p[0].close();
        }
    }

    @Test
    void interruptClosesTheChannel() throws Exception {
        for (boolean virtual : new boolean[] {false, true}) {
            SocketChannel[] p = tcpPair();
            CompletableFuture<Thread> me = new CompletableFuture<>();
            CompletableFuture<Integer> read = OnThread.run(virtual, () -> {
                me.complete(Thread.currentThread());
                return p[1].read(ByteBuffer.allocate(8));
            });
            Thread t = me.get(10, TimeUnit.SECONDS);
            NioSelectorTest.awaitBlocked(t);
            t.interrupt();
            assertInstanceOf(ClosedByInterruptException.class, OnThread.failure(read), "virtual=" + virtual);
            assertFalse(p[1].isOpen(), "the interrupt closed the channel");
            assertEquals(-1, p[0].read(ByteBuffer.allocate(1)), "the peer sees the close");
            p[0].close();
            CompletableFuture<Boolean> already = OnThread.run(virtual, () -> {
                Thread.currentThread().interrupt();
                Pipe pipe = P.openPipe();
                try {
                    pipe.source().read(ByteBuffer.allocate(1));
                    return false;
                } catch (ClosedByInterruptException e) {
                    return !pipe.source().isOpen() && Thread.currentThread().isInterrupted();
                } finally {
                    pipe.sink().close();
                    pipe.source().close();
                }
            });
            assertTrue(already.get(10, TimeUnit.SECONDS), "interrupt status set before the call: closed, status kept");
        }
    }

    @Test
    void unixAddressesAndAbstractNames() throws Exception {
        try (ServerSocketChannel srv = P.openServerSocketChannel(StandardProtocolFamily.UNIX)) {
            srv.bind(null);
            SocketAddress auto = srv.getLocalAddress();
            FfsockSocketAddress a = assertInstanceOf(FfsockSocketAddress.class, auto, "autobind: a kernel-chosen abstract name");
            assertEquals(SockAddrUn.Kind.ABSTRACT, ((SockAddrUn) a.sockAddr()).kind());
            try (SocketChannel c = P.openSocketChannel(StandardProtocolFamily.UNIX)) {
                c.connect(auto);
                assertEquals(auto, c.getRemoteAddress());
                assertEquals(UnixDomainSocketAddress.of(""), c.getLocalAddress(), "an unbound client is the unnamed address");
                try (SocketChannel s = srv.accept()) {
                    assertEquals(UnixDomainSocketAddress.of(""), s.getRemoteAddress());
                    UCred cred = FfsockSelectorProvider.socketOf(s).getsockopt(SockOpt.SO_PEERCRED);
                    assertEquals((int) ProcessHandle.current().pid(), cred.pid(), "ffsock-only calls on the socket under the channel");
                }
            }
        }
    }

    @Test
    void unixDatagramsWithAbstractNamesConnectAndDisconnect() throws Exception {
        FfsockSocketAddress an = FfsockSocketAddress.of(SockAddrUn.abstractName("ffsock-nio-dg-a-" + ProcessHandle.current().pid()));
        FfsockSocketAddress bn = FfsockSocketAddress.of(SockAddrUn.abstractName("ffsock-nio-dg-b-" + ProcessHandle.current().pid()));
        try (DatagramChannel a = P.openDatagramChannel(Domain.AF_UNIX); DatagramChannel b = P.openDatagramChannel(StandardProtocolFamily.UNIX)) {
            a.bind(an);
            b.bind(bn);
            assertEquals(5, b.send(ByteBuffer.wrap("hello".getBytes()), an));
            ByteBuffer in = ByteBuffer.allocate(3);
            assertEquals(bn, a.receive(in), "sender's abstract name");
            assertArrayEquals("hel".getBytes(), in.array(), "cut to the buffer, as the JDK does");
            a.connect(bn);
            assertTrue(a.isConnected());
            assertEquals(bn, a.getRemoteAddress());
            assertThrows(AlreadyConnectedException.class, () -> a.connect(bn));
            a.write(new ByteBuffer[] {ByteBuffer.wrap("ab".getBytes()), ByteBuffer.wrap("cd".getBytes())});
            ByteBuffer[] parts = {ByteBuffer.allocate(1), ByteBuffer.allocate(8)};
            assertEquals(an, b.receive(parts[1]), "one datagram from a gathering write");
            assertEquals(4, parts[1].position());
            a.disconnect();
            assertFalse(a.isConnected());
            assertThrows(NotYetConnectedException.class, () -> a.write(ByteBuffer.allocate(1)));
            a.configureBlocking(false);
            assertNull(a.receive(ByteBuffer.allocate(1)), "non-blocking: nothing there");
        }
    }

    @Test
    void udpDualStackAndJdkPeer() throws Exception {
        try (DatagramChannel ours = P.openDatagramChannel(); DatagramChannel jdk = DatagramChannel.open(StandardProtocolFamily.INET)) {
            ours.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            jdk.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            ours.send(ByteBuffer.wrap("x".getBytes()), jdk.getLocalAddress());
            ByteBuffer b = ByteBuffer.allocate(4);
            SocketAddress from = jdk.receive(b);
            assertEquals(ours.getLocalAddress(), from, "IPv4 on a dual-stack socket, seen the same on both sides");
            jdk.send(b.flip(), from);
            ByteBuffer c = ByteBuffer.allocate(4);
            assertEquals(jdk.getLocalAddress(), ours.receive(c));
            assertEquals(1, c.position());
        }
    }

    @Test
    void socketAdaptorsConnectAcceptAndStream() throws Exception {
        try (ServerSocketChannel srv = P.openServerSocketChannel(StandardProtocolFamily.INET)) {
            java.net.ServerSocket ss = srv.socket();
            ss.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 4);
            assertTrue(ss.isBound());
            assertEquals(srv.getLocalAddress(), ss.getLocalSocketAddress());
            try (SocketChannel c = P.openSocketChannel(StandardProtocolFamily.INET)) {
                java.net.Socket cs = c.socket();
                cs.connect(ss.getLocalSocketAddress(), 10_000);
                assertTrue(cs.isConnected() && c.isConnected());
                ss.setSoTimeout(10_000);
                try (java.net.Socket as = ss.accept()) {
                    assertEquals(cs.getLocalPort(), as.getPort());
                    cs.getOutputStream().write("adaptor".getBytes());
                    byte[] b = as.getInputStream().readNBytes(7);
                    assertEquals("adaptor", new String(b, StandardCharsets.US_ASCII));
                    as.setSoTimeout(100);
                    assertThrows(java.net.SocketTimeoutException.class, () -> as.getInputStream().read(),
                            "SO_TIMEOUT is the socket's SO_RCVTIMEO");
                }
            }
            try (DatagramChannel d = P.openDatagramChannel()) {
                assertThrows(UnsupportedOperationException.class, d::socket, "documented: no DatagramSocket adaptor");
            }
        }
    }

    @Test
    void multicastJoinAndDropOnLoopback() throws Exception {
        java.net.NetworkInterface lo = java.net.NetworkInterface.getByName("lo");
        InetAddress group = InetAddress.getByName("239.255.77.1");
        try (DatagramChannel r = P.openDatagramChannel(StandardProtocolFamily.INET);
             DatagramChannel s = P.openDatagramChannel(StandardProtocolFamily.INET)) {
            r.bind(new InetSocketAddress(0)); // the wildcard address, to receive the group's datagrams
            int port = ((InetSocketAddress) r.getLocalAddress()).getPort();
            java.nio.channels.MembershipKey k = r.join(group, lo);
            assertTrue(k.isValid());
            assertTrue(k == r.join(group, lo), "joining again returns the same key");
            s.setOption(StandardSocketOptions.IP_MULTICAST_IF, lo);
            assertEquals(lo, s.getOption(StandardSocketOptions.IP_MULTICAST_IF));
            s.send(ByteBuffer.wrap("m1".getBytes()), new InetSocketAddress(group, port));
            ByteBuffer b = ByteBuffer.allocate(8);
            InetSocketAddress from = (InetSocketAddress) r.receive(b);
            assertEquals(((InetSocketAddress) s.getLocalAddress()).getPort(), from.getPort(), "from the sender (bound implicitly)");
            assertEquals("m1", new String(b.array(), 0, b.position(), StandardCharsets.US_ASCII));
            k.drop();
            assertFalse(k.isValid());
            s.send(ByteBuffer.wrap("m2".getBytes()), new InetSocketAddress(group, port));
            r.configureBlocking(false);
            Thread.sleep(200); // a member would have it within microseconds on loopback
            assertNull(r.receive(b.clear()), "no datagram of the group after drop");
            assertThrows(UnsupportedOperationException.class, () -> r.join(group, lo, InetAddress.getLoopbackAddress()));
            java.nio.channels.MembershipKey k2 = r.join(group, lo);
            r.close();
            assertFalse(k2.isValid(), "closing the channel ends its memberships");
        }
    }

    @Test
    void socketDisconnectDissolvesADatagramAssociation() throws Exception {
        try (Socket s = Socket.open(Domain.AF_INET, Type.DGRAM)) {
            s.connect(SockAddrIn.loopback(9));
            assertEquals(SockAddrIn.loopback(9), s.getpeername());
            s.disconnect();
            ErrnoException e = assertThrows(ErrnoException.class, s::getpeername);
            assertEquals("ENOTCONN", e.errnoName());
        }
    }

    @Test
    void ipv6LoopbackOnTheDefaultFamily() throws Exception {
        try (ServerSocketChannel srv = P.openServerSocketChannel()) {
            srv.bind(new InetSocketAddress(InetAddress.getByName("::1"), 0));
            InetSocketAddress at = (InetSocketAddress) srv.getLocalAddress();
            assertInstanceOf(java.net.Inet6Address.class, at.getAddress());
            try (SocketChannel jdk = SocketChannel.open(at); SocketChannel s = srv.accept()) {
                assertEquals(jdk.getLocalAddress(), s.getRemoteAddress());
                jdk.write(ByteBuffer.wrap(new byte[] {7}));
                ByteBuffer b = ByteBuffer.allocate(1);
                assertEquals(1, s.read(b));
                assertEquals(7, b.get(0));
            }
        }
    }

    @Test
    void pipeCarriesBytesAndEndsWithTheSink() throws Exception {
        Pipe p = P.openPipe();
        try (Pipe.SourceChannel src = p.source(); Pipe.SinkChannel sink = p.sink()) {
            assertEquals(SelectionKey.OP_READ, src.validOps());
            assertEquals(SelectionKey.OP_WRITE, sink.validOps());
            sink.write(ByteBuffer.wrap("pipe".getBytes()));
            ByteBuffer b = ByteBuffer.allocate(8);
            assertEquals(4, src.read(b));
            sink.close();
            assertEquals(-1, src.read(b));
        }
    }

    @Test
    void noDescriptorLeaksOverManyCycles() throws Exception {
        for (int i = 0; i < 20; i++) cycle(); // warm up: the JDK's and ffsock's lazily made descriptors
        int before = FdCount.open();
        for (int i = 0; i < 300; i++) cycle();
        assertEquals(before, FdCount.awaitAtMost(before, 5000), "descriptors after 300 open/register/select/close cycles");
    }

    private static void cycle() throws Exception {
        Selector sel = P.openSelector();
        Pipe p = P.openPipe();
        SocketChannel[] tcp = tcpPair();
        DatagramChannel d = P.openDatagramChannel(StandardProtocolFamily.INET);
        p.source().configureBlocking(false).register(sel, SelectionKey.OP_READ);
        p.sink().configureBlocking(false).register(sel, SelectionKey.OP_WRITE);
        tcp[0].configureBlocking(false).register(sel, SelectionKey.OP_READ | SelectionKey.OP_WRITE);
        d.configureBlocking(false).register(sel, SelectionKey.OP_READ);
        sel.selectNow();
        tcp[0].close(); // closed while registered
        sel.selectNow();
        sel.close(); // deregisters the rest
        p.source().close();
        p.sink().close();
        tcp[1].close();
        d.close();
        try {
            P.openSocketChannel(StandardProtocolFamily.INET).connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), 1));
        } catch (ConnectException expected) {
            // a failed connect closes its channel
        }
    }
}
