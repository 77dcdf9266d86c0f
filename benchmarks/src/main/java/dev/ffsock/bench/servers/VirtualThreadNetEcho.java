package dev.ffsock.bench.servers;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;

/**
 * A java.net echo server: blocking {@link ServerSocket#accept()} on a platform thread, one virtual
 * thread per connection reading into its own 64 KiB array and writing back what it read.
 */
final class VirtualThreadNetEcho {
    private static final int CHUNK = 64 * 1024;

    private VirtualThreadNetEcho() {
    }

    /** Binds, starts the accept thread and {@return HOST:PORT} */
    static String start(String host, int port) throws IOException {
        ServerSocket ss = new ServerSocket();
        ss.setReuseAddress(true);
        ss.bind(new InetSocketAddress(host, port), 4096);
        Thread.ofPlatform().name("vt-net-accept").start(() -> {
            try {
                while (true) {
                    Socket s = ss.accept();
                    s.setTcpNoDelay(true);
                    Thread.ofVirtual().start(() -> serve(s));
                }
            } catch (IOException e) {
                System.err.println("vt-net: accept: " + e);
            }
        });
        return host + ":" + ss.getLocalPort();
    }

    private static void serve(Socket s) {
        try (s) {
            byte[] buf = new byte[CHUNK];
            InputStream in = s.getInputStream();
            OutputStream out = s.getOutputStream();
            for (int n; (n = in.read(buf)) > 0; ) out.write(buf, 0, n);
        } catch (IOException e) {
            // reset by the client: the connection is over
        }
    }
}
