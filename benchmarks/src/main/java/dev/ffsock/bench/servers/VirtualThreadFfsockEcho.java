package dev.ffsock.bench.servers;

import dev.ffsock.Domain;
import dev.ffsock.SockAddrIn;
import dev.ffsock.SockOpt;
import dev.ffsock.Socket;
import dev.ffsock.Type;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.concurrent.ConcurrentLinkedDeque;

/**
 * An ffsock echo server in the virtual-thread style: blocking {@link Socket#accept()} on a platform
 * thread, one virtual thread per connection making ffsock's blocking {@code recv}/{@code send}
 * calls (which park the virtual thread instead of its carrier) on a 64 KiB direct {@link ByteBuffer}
 * (passed by address: no allocation per call; a segment would need a slice per echo to send just
 * what came). The buffers are pooled: a connection takes one and gives it back when it ends. A
 * fresh {@code ByteBuffer.allocateDirect} per connection is freed only when a collection runs its
 * cleaner, so at thousands of connections a second the C heap grew (an mprotect(2) per connection
 * here) and the 10,000-cycle churn ran at a quarter of java.net's rate; a fresh 64 KiB arena segment
 * per connection is zeroed and page-faulted in each time (70% of the server's JFR samples in the
 * churn). A {@code byte[]} per connection, as the java.net model has, does as well: on a virtual
 * thread ffsock hands the array to the kernel without a copy or an allocation.
 */
final class VirtualThreadFfsockEcho {
    private static final int CHUNK = 64 * 1024;
    /** Buffers of ended connections, for the next ones (most recently used first). */
    private static final ConcurrentLinkedDeque<ByteBuffer> POOL = new ConcurrentLinkedDeque<>();

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
        ByteBuffer buf = POOL.pollFirst();
        if (buf == null) buf = ByteBuffer.allocateDirect(CHUNK);
        try (s) {
            while (s.recv(buf.clear(), 0) > 0) {
                for (buf.flip(); buf.hasRemaining(); ) s.send(buf, 0);
            }
        } catch (IOException e) {
            // reset by the client: the connection is over
        } finally {
            POOL.offerFirst(buf);
        }
    }
}
