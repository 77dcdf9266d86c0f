package dev.ffsock.bench;

import dev.ffsock.Domain;
import dev.ffsock.Socket;
import dev.ffsock.Type;
import org.newsclub.net.unix.AFSocketType;
import org.newsclub.net.unix.AFUNIXDatagramChannel;
import org.newsclub.net.unix.AFUNIXSocketPair;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.TearDown;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;

/**
 * States shared by the AF_UNIX message-oriented ping-pong cases (SOCK_SEQPACKET and SOCK_DGRAM):
 * a connected socketpair whose second end echoes each message back.
 */
final class UnixMessages {
    private UnixMessages() {
    }

    /** ffsock: socketpair(2) of the given type, one send/recv per message, native segments. */
    public abstract static class Ffsock extends Sized {
        Socket client;
        MemorySegment msg;
        private Arena arena;
        private Echo echo;

        abstract Type type();

        @Setup(Level.Trial)
        public void setUp() throws IOException {
            Socket[] p = Socket.socketpair(Domain.AF_UNIX, type());
            client = p[0];
            Socket server = p[1];
            arena = Arena.ofConfined();
            msg = Io.segment(arena, size);
            echo = Echo.start("echo-ffsock-unix-msg", e -> {
                MemorySegment echoBuf = Io.segment(e.arena(), size);
                while (e.running()) {
                    long n = server.recv(echoBuf);
                    if (n != size) throw new IOException("echo got " + n + " bytes");
                    server.send(echoBuf);
                }
            }, client, server);
        }

        @TearDown(Level.Trial)
        public void tearDown() throws Exception {
            echo.close();
            arena.close();
        }

        MemorySegment roundTrip() throws IOException {
            client.send(msg);
            if (client.recv(msg) != size) throw new IOException("short reply");
            return msg;
        }
    }

    /** junixsocket: AFUNIXSocketPair.openDatagram of the given type, direct buffers. */
    public abstract static class Junix extends Sized {
        AFUNIXDatagramChannel client;
        ByteBuffer msg;
        private Echo echo;

        abstract AFSocketType type();

        @Setup(Level.Trial)
        public void setUp() throws IOException {
            AFUNIXSocketPair<AFUNIXDatagramChannel> p = AFUNIXSocketPair.openDatagram(type());
            client = p.getSocket1();
            AFUNIXDatagramChannel server = p.getSocket2();
            msg = Io.direct(size);
            ByteBuffer echoBuf = Io.direct(size);
            echo = Echo.start("echo-junix-unix-msg", e -> {
                while (e.running()) {
                    echoBuf.clear();
                    if (server.read(echoBuf) != size) throw new IOException("echo got a short message");
                    echoBuf.flip();
                    server.write(echoBuf);
                }
            }, client, server);
        }

        @TearDown(Level.Trial)
        public void tearDown() throws Exception {
            echo.close();
        }

        ByteBuffer roundTrip() throws IOException {
            msg.clear();
            client.write(msg);
            msg.clear();
            if (client.read(msg) != size) throw new IOException("short reply");
            return msg;
        }
    }
}
