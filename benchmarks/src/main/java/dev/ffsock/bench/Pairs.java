package dev.ffsock.bench;

import dev.ffsock.Domain;
import dev.ffsock.SockAddrIn;
import dev.ffsock.SockOpt;
import dev.ffsock.Socket;
import dev.ffsock.Type;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.DatagramChannel;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;

/** Connected pairs of sockets for each library: element 0 is the benchmark side, 1 the echo side. */
final class Pairs {
    private Pairs() {
    }

    /**
     * {@return an AF_UNIX stream pair through ffsock} One socket of a throwaway pair is closed first:
     * the first close in a JVM links close(2)'s downcall handle (about 700 KB of generated method-handle
     * classes), and JMH counts a trial's tear-down inside its last measured iteration, so a trial whose
     * first close came at tear-down showed that one-time cost as 1-5 B/op in {@code -prof gc} (JFR's
     * allocation samples put it in Socket.close from SpinPairs' tear-down). The TCP pair closes its
     * listener while it is made, so it links close(2) there.
     */
    static Socket[] ffsockUnix() throws IOException {
        Socket[] warm = Socket.socketpair(Domain.AF_UNIX, Type.STREAM);
        warm[0].close();
        warm[1].close();
        return Socket.socketpair(Domain.AF_UNIX, Type.STREAM);
    }

    /** A loopback TCP connection through ffsock, TCP_NODELAY on both ends. */
    static Socket[] ffsockTcp() throws IOException {
        try (Socket listener = Socket.open(Domain.AF_INET, Type.STREAM)) {
            listener.setsockopt(SockOpt.SO_REUSEADDR, true);
            listener.bind(SockAddrIn.loopback(0));
            listener.listen(1);
            Socket client = Socket.open(Domain.AF_INET, Type.STREAM);
            client.connect(listener.getsockname());
            Socket server = listener.accept();
            client.setsockopt(SockOpt.TCP_NODELAY, true);
            server.setsockopt(SockOpt.TCP_NODELAY, true);
            return new Socket[] {client, server};
        }
    }

    /** A pair of ffsock UDP sockets bound to loopback ephemeral ports; {@code connect}: to each other. */
    static Socket[] ffsockUdp(boolean connect) throws IOException {
        Socket a = Socket.open(Domain.AF_INET, Type.DGRAM);
        Socket b = Socket.open(Domain.AF_INET, Type.DGRAM);
        a.bind(SockAddrIn.loopback(0));
        b.bind(SockAddrIn.loopback(0));
        if (connect) {
            a.connect(b.getsockname());
            b.connect(a.getsockname());
        }
        return new Socket[] {a, b};
    }

    /** A loopback TCP connection through NIO, TCP_NODELAY on both ends. */
    static SocketChannel[] nioTcp() throws IOException {
        try (ServerSocketChannel listener = ServerSocketChannel.open()) {
            listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            SocketChannel client = SocketChannel.open(listener.getLocalAddress());
            SocketChannel server = listener.accept();
            client.setOption(StandardSocketOptions.TCP_NODELAY, true);
            server.setOption(StandardSocketOptions.TCP_NODELAY, true);
            return new SocketChannel[] {client, server};
        }
    }

    /** An AF_UNIX stream connection through NIO (a path in a fresh temporary directory, removed at once). */
    static SocketChannel[] nioUnix() throws IOException {
        Path dir = Files.createTempDirectory("ffsock-bench");
        Path path = dir.resolve("s");
        try (ServerSocketChannel listener = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            listener.bind(UnixDomainSocketAddress.of(path));
            SocketChannel client = SocketChannel.open(UnixDomainSocketAddress.of(path));
            SocketChannel server = listener.accept();
            return new SocketChannel[] {client, server};
        } finally {
            Files.deleteIfExists(path);
            Files.deleteIfExists(dir);
        }
    }

    /** A pair of NIO datagram channels bound to loopback; {@code connect}: to each other. */
    static DatagramChannel[] nioUdp(boolean connect) throws IOException {
        DatagramChannel a = DatagramChannel.open(StandardProtocolFamily.INET);
        DatagramChannel b = DatagramChannel.open(StandardProtocolFamily.INET);
        a.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        b.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        if (connect) {
            a.connect(b.getLocalAddress());
            b.connect(a.getLocalAddress());
        }
        return new DatagramChannel[] {a, b};
    }

    /** A loopback TCP connection through java.net.Socket, TCP_NODELAY on both ends. */
    static java.net.Socket[] netTcp() throws IOException {
        try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            java.net.Socket client = new java.net.Socket(InetAddress.getLoopbackAddress(), listener.getLocalPort());
            java.net.Socket server = listener.accept();
            client.setTcpNoDelay(true);
            server.setTcpNoDelay(true);
            return new java.net.Socket[] {client, server};
        }
    }
}
