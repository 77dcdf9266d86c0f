package dev.ffsock.internal.nio;

import dev.ffsock.SockOpt;

import java.io.IOException;
import java.net.SocketAddress;
import java.net.SocketException;
import java.net.SocketOption;
import java.nio.channels.NetworkChannel;
import java.time.Duration;

/**
 * What {@link SocketAdaptor} and {@link ServerSocketAdaptor} share: the channel's calls in the forms
 * java.net's classes give them (a {@link SocketException}, or null for an address that cannot be
 * read), and SO_TIMEOUT as the socket's SO_RCVTIMEO.
 */
final class Adaptors {
    private Adaptors() {
    }

    /** {@return {@code e} as a {@link SocketException} (itself if it is one)} */
    static SocketException socketException(IOException e) {
        if (e instanceof SocketException s) return s;
        SocketException s = new SocketException(e.getMessage());
        s.initCause(e);
        return s;
    }

    /** Sets a channel option; a failure as a {@link SocketException}. */
    static <T> void set(NetworkChannel ch, SocketOption<T> name, T value) throws SocketException {
        try {
            ch.setOption(name, value);
        } catch (IOException e) {
            throw socketException(e);
        }
    }

    /** {@return a channel option} A failure as a {@link SocketException}. */
    static <T> T get(NetworkChannel ch, SocketOption<T> name) throws SocketException {
        try {
            return ch.getOption(name);
        } catch (IOException e) {
            throw socketException(e);
        }
    }

    /** {@return the channel's local address, null if closed or unbound} */
    static SocketAddress localAddress(NetworkChannel ch) {
        try {
            return ch.getLocalAddress();
        } catch (IOException e) {
            return null;
        }
    }

    /** SO_TIMEOUT: SO_RCVTIMEO of the channel's socket, which bounds its blocking reads and accepts. */
    static void setSoTimeout(FfsockChannel ch, int timeout) throws SocketException {
        try {
            ch.core().socket.setsockopt(SockOpt.SO_RCVTIMEO, Duration.ofMillis(timeout));
        } catch (IOException e) {
            throw socketException(e);
        }
    }

    /** {@return SO_TIMEOUT in milliseconds: SO_RCVTIMEO of the channel's socket} */
    static int getSoTimeout(FfsockChannel ch) throws SocketException {
        try {
            return (int) Math.min(Integer.MAX_VALUE, ch.core().socket.getsockopt(SockOpt.SO_RCVTIMEO).toMillis());
        } catch (IOException e) {
            throw socketException(e);
        }
    }
}
