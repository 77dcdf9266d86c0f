package dev.ffsock;

import dev.ffsock.nio.FfsockSelectorProvider;
import dev.ffsock.nio.FfsockSocketAddress;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A selector echo server written purely against java.nio.channels, on channels and a selector of
 * {@link FfsockSelectorProvider}: TCP (the JDK's own SocketChannel as client), AF_UNIX path (the
 * JDK's UNIX SocketChannel as client), AF_UNIX abstract name and seqpacket (ffsock channels as
 * clients), and UDP (the JDK's DatagramChannel as client).
 */
@Timeout(60)
class NioEchoTest {
    private static final FfsockSelectorProvider P = FfsockSelectorProvider.provider();
    private static final int CLIENTS = 3;
    private static final int ROUNDS = 50;

    /**
     * The echo loop: accepts, reads and writes back (with a pending-output buffer per connection,
     * OP_WRITE while it is not empty) until {@code clients} connections have ended.
     */
    private static void serve(Selector sel, ServerSocketChannel srv, int clients) throws IOException {
        srv.configureBlocking(false);
        srv.register(sel, SelectionKey.OP_ACCEPT);
        int ended = 0;
        while (ended < clients) {
            sel.select();
            Iterator<SelectionKey> it = sel.selectedKeys().iterator();
            while (it.hasNext()) {
                SelectionKey k = it.next();
                it.remove();
                if (k.isAcceptable()) {
                    SocketChannel c = srv.accept();
                    if (c == null) continue;
                    c.configureBlocking(false);
                    c.register(sel, SelectionKey.OP_READ, ByteBuffer.allocate(64 * 1024));
                    continue;
                }
                SocketChannel c = (SocketChannel) k.channel();
                ByteBuffer pending = (ByteBuffer) k.attachment();
                if (k.isReadable()) {
                    int n = c.read(pending);
                    if (n < 0) {
                        c.close();
                        ended++;
                        continue;
                    }
                }
                if (k.isValid() && pending.position() > 0) {
                    pending.flip();
                    c.write(pending);
                    pending.compact();
                    k.interestOps(pending.position() > 0 ? SelectionKey.OP_READ | SelectionKey.OP_WRITE : SelectionKey.OP_READ);
                }
            }
        }
    }

    /** Starts the echo server for {@code srv} on a new thread; completes when it has served every client. */
    private static CompletableFuture<Void> startServer(ServerSocketChannel srv) {
        return startServer(srv, CLIENTS);
    }

    private static CompletableFuture<Void> startServer(ServerSocketChannel srv, int clients) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        Thread.ofPlatform().daemon().start(() -> {
            try (Selector sel = P.openSelector(); srv) {
                serve(sel, srv, clients);
                done.complete(null);
            } catch (Throwable t) {
                done.completeExceptionally(t);
            }
        });
        return done;
    }

    /** Each client sends ROUNDS messages in blocking mode and reads each echo back whole. */
    private static void talk(SocketChannel c, int id, boolean records) throws IOException {
        try (c) {
            for (int i = 0; i < ROUNDS; i++) {
                byte[] msg = ("client " + id + " round " + i + " ").repeat(1 + i % 7).getBytes(StandardCharsets.UTF_8);
                ByteBuffer out = ByteBuffer.wrap(msg);
                while (out.hasRemaining()) c.write(out);
                ByteBuffer in = ByteBuffer.allocate(msg.length);
                while (in.hasRemaining()) {
                    if (c.read(in) < 0) throw new IOException("early end of stream");
                }
                assertEquals(new String(msg, StandardCharsets.UTF_8), new String(in.array(), StandardCharsets.UTF_8));
            }
            if (records) return;
            c.shutdownOutput();
            assertEquals(-1, c.read(ByteBuffer.allocate(1)), "end of stream after the echo");
        }
    }

    private interface Client {
        SocketChannel open(int id) throws IOException;
    }

    private static void run(ServerSocketChannel srv, Client client, boolean records) throws Exception {
        CompletableFuture<Void> server = startServer(srv);
        CompletableFuture<?>[] clients = new CompletableFuture<?>[CLIENTS];
        for (int i = 0; i < CLIENTS; i++) {
            int id = i;
            clients[i] = CompletableFuture.runAsync(() -> {
                try {
                    talk(client.open(id), id, records);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
        }
        CompletableFuture.allOf(clients).get(30, TimeUnit.SECONDS);
        server.get(30, TimeUnit.SECONDS);
    }

    @Test
    void tcpWithTheJdksChannelsAsClients() throws Exception {
        ServerSocketChannel srv = P.openServerSocketChannel(StandardProtocolFamily.INET);
        srv.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        InetSocketAddress at = assertInstanceOf(InetSocketAddress.class, srv.getLocalAddress());
        run(srv, id -> {
            SocketChannel c = SocketChannel.open(at); // the JDK's own provider
            assertTrue(!c.getClass().getName().startsWith("dev.ffsock"), c.getClass().getName());
            return c;
        }, false);
    }

    @Test
    void tcpDualStackWithFfsockClients() throws Exception {
        ServerSocketChannel srv = P.openServerSocketChannel(); // AF_INET6, taking IPv4 too
        srv.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0));
        InetSocketAddress at = (InetSocketAddress) srv.getLocalAddress();
        assertInstanceOf(java.net.Inet4Address.class, at.getAddress(), "IPv4-mapped comes back as IPv4");
        run(srv, id -> {
            SocketChannel c = P.openSocketChannel();
            c.connect(at);
            assertEquals(at, c.getRemoteAddress());
            return c;
        }, false);
    }

    @Test
    void unixPathWithTheJdksChannelsAsClients() throws Exception {
        Path dir = Files.createTempDirectory("ffsock-nio");
        UnixDomainSocketAddress addr = UnixDomainSocketAddress.of(dir.resolve("echo.sock"));
        try {
            ServerSocketChannel srv = P.openServerSocketChannel(StandardProtocolFamily.UNIX);
            srv.bind(addr);
            assertEquals(addr, srv.getLocalAddress());
            run(srv, id -> SocketChannel.open(addr), false);
        } finally {
            Files.deleteIfExists(addr.getPath());
            Files.deleteIfExists(dir);
        }
    }

    @Test
    void unixAbstractName() throws Exception {
        FfsockSocketAddress addr = FfsockSocketAddress.of(SockAddrUn.abstractName("ffsock-nio-echo-" + ProcessHandle.current().pid()));
        ServerSocketChannel srv = P.openServerSocketChannel(StandardProtocolFamily.UNIX);
        srv.bind(addr);
        assertEquals(addr, srv.getLocalAddress());
        run(srv, id -> {
            SocketChannel c = P.openSocketChannel(StandardProtocolFamily.UNIX);
            c.connect(addr);
            assertEquals(addr, c.getRemoteAddress());
            return c;
        }, false);
    }

    @Test
    void unixSeqpacket() throws Exception {
        FfsockSocketAddress addr = FfsockSocketAddress.of(SockAddrUn.abstractName("ffsock-nio-seq-" + ProcessHandle.current().pid()));
        ServerSocketChannel srv = P.openServerSocketChannel(Domain.AF_UNIX, Type.SEQPACKET);
        srv.bind(addr);
        run(srv, id -> {
            SocketChannel c = P.openSocketChannel(Domain.AF_UNIX, Type.SEQPACKET);
            c.connect(addr);
            assertEquals(Type.SEQPACKET, FfsockSelectorProvider.socketOf(c).type());
            return c;
        }, true);
    }

    /** Python's socket module (src/test/resources/interop/peer.py) as the client: TCP and abstract seqpacket. */
    @Test
    void pythonClients() throws Exception {
        ServerSocketChannel tcp = P.openServerSocketChannel(StandardProtocolFamily.INET);
        tcp.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        int port = ((InetSocketAddress) tcp.getLocalAddress()).getPort();
        CompletableFuture<Void> tcpServer = startServer(tcp, 1);
        python("inet", "stream", "127.0.0.1:" + port, "0", "1", "4096", "65536", "1048576");
        tcpServer.get(30, TimeUnit.SECONDS);

        String name = "ffsock-nio-py-" + ProcessHandle.current().pid();
        ServerSocketChannel seq = P.openServerSocketChannel(Domain.AF_UNIX, Type.SEQPACKET);
        seq.bind(FfsockSocketAddress.of(SockAddrUn.abstractName(name)));
        CompletableFuture<Void> seqServer = startServer(seq, 1);
        python("unix", "seqpacket", "@" + name, "1", "100", "4096", "60000");
        seqServer.get(30, TimeUnit.SECONDS);
    }

    private static void python(String... args) throws Exception {
        Path peer = Path.of(System.getProperty("ffsock.basedir", "."), "src/test/resources/interop/peer.py");
        java.util.List<String> cmd = new java.util.ArrayList<>(java.util.List.of("python3", peer.toString(), "client"));
        cmd.addAll(java.util.List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "python client did not finish");
        assertEquals(0, p.exitValue(), "python client " + String.join(" ", args) + ": " + out);
    }

    @Test
    void udpWithTheJdksDatagramChannelAsClient() throws Exception {
        DatagramChannel srv = P.openDatagramChannel(StandardProtocolFamily.INET);
        srv.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        SocketAddress at = srv.getLocalAddress();
        CompletableFuture<Void> server = new CompletableFuture<>();
        Thread.ofPlatform().daemon().start(() -> {
            try (Selector sel = P.openSelector(); srv) {
                srv.configureBlocking(false);
                srv.register(sel, SelectionKey.OP_READ);
                ByteBuffer b = ByteBuffer.allocate(2048);
                int echoed = 0;
                while (echoed < ROUNDS) {
                    sel.select();
                    sel.selectedKeys().clear();
                    SocketAddress from;
                    while ((from = srv.receive(b.clear())) != null) {
                        srv.send(b.flip(), from);
                        echoed++;
                    }
                }
                server.complete(null);
            } catch (Throwable t) {
                server.completeExceptionally(t);
            }
        });
        try (DatagramChannel c = DatagramChannel.open(StandardProtocolFamily.INET)) {
            c.connect(at);
            for (int i = 0; i < ROUNDS; i++) {
                byte[] msg = ("datagram " + i).getBytes(StandardCharsets.UTF_8);
                c.write(ByteBuffer.wrap(msg));
                ByteBuffer in = ByteBuffer.allocate(2048);
                c.read(in);
                assertEquals(new String(msg, StandardCharsets.UTF_8), new String(in.array(), 0, in.position(), StandardCharsets.UTF_8));
            }
        }
        server.get(30, TimeUnit.SECONDS);
    }
}
