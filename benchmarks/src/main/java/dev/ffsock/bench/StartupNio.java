package dev.ffsock.bench;

import java.net.InetSocketAddress;
import java.nio.channels.SocketChannel;

/**
 * Case startup.first_socket, contender nio: {@code SocketChannel.open()}, bind to 127.0.0.1:0,
 * close, timed from main's first line in a fresh JVM (see {@link StartupFfsock}).
 */
public final class StartupNio {
    private StartupNio() {}

    public static void main(String[] args) throws Exception {
        long t0 = System.nanoTime();
        SocketChannel ch = SocketChannel.open();
        long t1 = System.nanoTime();
        ch.bind(new InetSocketAddress("127.0.0.1", 0));
        long t2 = System.nanoTime();
        ch.close();
        long t3 = System.nanoTime();
        StartupFfm.report(t0, t1, t2, t3);
    }
}
