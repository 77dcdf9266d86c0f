package dev.ffsock;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.IllegalBlockingModeException;
import java.util.Objects;

/**
 * The java.io views of a {@link Socket} ({@link Socket#inputStream()}, {@link Socket#outputStream()}):
 * thin wrappers over recv/send on a blocking stream socket. End of stream (recv returning 0) reads as
 * -1; closing either stream closes the socket. Timeouts, close and interrupts behave as for the
 * socket's own calls. On a non-blocking socket they throw {@link IllegalBlockingModeException}, as
 * {@link java.nio.channels.Channels#newInputStream} does.
 */
final class SocketStreams {
    private SocketStreams() {
    }

    static final class In extends InputStream {
        private final Socket socket;

        In(Socket socket) {
            this.socket = socket;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            Objects.checkFromIndexSize(off, len, b.length);
            if (len == 0) return 0;
            if (!socket.isBlocking()) throw new IllegalBlockingModeException();
            int n = socket.recv(b, off, len, 0);
            if (n == Socket.WOULD_BLOCK) throw new IllegalBlockingModeException();
            return n == 0 ? -1 : n;
        }

        @Override
        public void close() {
            socket.close();
        }

        @Override
        public String toString() {
            return "InputStream of " + socket;
        }
    }

    static final class Out extends OutputStream {
        private final Socket socket;

        Out(Socket socket) {
            this.socket = socket;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            Objects.checkFromIndexSize(off, len, b.length);
            if (!socket.isBlocking()) throw new IllegalBlockingModeException();
            int done = 0;
            while (done < len) {
                int n = socket.send(b, off + done, len - done, 0);
                if (n == Socket.WOULD_BLOCK) throw new IllegalBlockingModeException();
                done += n;
            }
        }

        @Override
        public void close() {
            socket.close();
        }

        @Override
        public String toString() {
            return "OutputStream of " + socket;
        }
    }
}
