package dev.ffsock.bench.servers;

import dev.ffsock.Domain;
import dev.ffsock.SockAddrIn;
import dev.ffsock.SockOpt;
import dev.ffsock.Socket;
import dev.ffsock.Type;

import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * An ffsock echo server in the virtual-thread style: blocking {@link Socket#accept()} on a platform
 * thread, one virtual thread per connection making ffsock's blocking {@code recv}/{@code send}
 * calls (which park the virtual thread instead of its carrier) on its own 64 KiB direct
 * {@link ByteBuffer} (passed by address: no allocation per call; a segment would need a slice per
 * echo to send just what came).
 */
final class VirtualThreadFfsockEcho {
    private static final int CHUNK = 64 * 1024;

    private VirtualThreadFfsockEcho() {
    }

    /** Binds, starts the accept thread and {@return HOST:PORT} */
    static String start(String host, int port) throws IOException {
        Socket ls = Socket.open(Domain.AF_INET, Type.STREAM);
        ls.setsockopt(SockOpt.SO_REUSEADDR, true);
        ls.bind(SockAddrIn.of(host, port));
        ls.listen(4096);
        Thread.ofPlatform().name("vt-ffsock-accept").start(() -> {
            try {
                while (true) {
                    Socket s = ls.accept();
                    s.setsockopt(SockOpt.TCP_NODELAY, true);
                    Thread.ofVirtual().start(() -> serve(s));
                }
            } catch (IOException e) {
                System.err.println("vt-ffsock: accept: " + e);
            }
        });
        return host + ":" + ((SockAddrIn) ls.getsockname()).port();
    }

    private static void serve(Socket s) {
        ByteBuffer buf = ByteBuffer.allocateDirect(CHUNK);
        try (s) {
            while (s.recv(buf.clear(), 0) > 0) {
                for (buf.flip(); buf.hasRemaining(); ) s.send(buf, 0);
            }
        } catch (IOException e) {
            // reset by the client: the connection is over
        }
    }
}
