package dev.ffsock.internal.nio;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.SocketAddress;
import java.net.SocketImpl;

/**
 * The {@link SocketImpl} under the socket adaptors: {@link java.net.ServerSocket} requires one, but
 * the adaptors override every method they support, so anything that reaches it is a method they do
 * not, and fails with {@link UnsupportedOperationException}.
 */
final class NoSocketImpl extends SocketImpl {
    private static UnsupportedOperationException unsupported() {
        return new UnsupportedOperationException("not supported by ffsock's socket adaptor; use the channel");
    }

    @Override
    protected void create(boolean stream) {
        throw unsupported();
    }

    @Override
    protected void connect(String host, int port) {
        throw unsupported();
    }

    @Override
    protected void connect(InetAddress address, int port) {
        throw unsupported();
    }

    @Override
    protected void connect(SocketAddress address, int timeout) {
        throw unsupported();
    }

    @Override
    protected void bind(InetAddress host, int port) {
        throw unsupported();
    }

    @Override
    protected void listen(int backlog) {
        throw unsupported();
    }

    @Override
    protected void accept(SocketImpl s) {
        throw unsupported();
    }

    @Override
    protected InputStream getInputStream() {
        throw unsupported();
    }

    @Override
    protected OutputStream getOutputStream() {
        throw unsupported();
    }

    @Override
    protected int available() {
        throw unsupported();
    }

    @Override
    protected void close() {
        throw unsupported();
    }

    @Override
    protected void sendUrgentData(int data) {
        throw unsupported();
    }

    @Override
    public void setOption(int optID, Object value) {
        throw unsupported();
    }

    @Override
    public Object getOption(int optID) {
        throw unsupported();
    }
}
