package dev.ffsock.bench.servers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.channels.spi.SelectorProvider;

/**
 * An NIO echo server: one thread, one {@link Selector} of the given provider, non-blocking channels.
 * Every read goes into one shared direct buffer and is written straight back; what a write does not
 * take waits in the connection's own buffer (made on first need), with {@code OP_WRITE} instead of
 * {@code OP_READ} until it is out. Ready keys are handled through {@code select(Consumer)}, which
 * needs no iterator.
 */
final class NioEcho {
    private static final int CHUNK = 64 * 1024;

    private final Selector selector;
    private final ServerSocketChannel listener;
    private final ByteBuffer chunk = ByteBuffer.allocateDirect(CHUNK);

    private NioEcho(Selector selector, ServerSocketChannel listener) {
        this.selector = selector;
        this.listener = listener;
    }

    /** Binds, starts the selector thread and {@return HOST:PORT} */
    static String start(SelectorProvider provider, String host, int port) throws IOException {
        Selector sel = provider.openSelector();
        ServerSocketChannel ssc = provider.openServerSocketChannel();
        ssc.setOption(StandardSocketOptions.SO_REUSEADDR, true);
        ssc.bind(new InetSocketAddress(host, port), 4096);
        ssc.configureBlocking(false);
        ssc.register(sel, SelectionKey.OP_ACCEPT);
        NioEcho server = new NioEcho(sel, ssc);
        Thread.ofPlatform().name("nio-echo").start(server::loop);
        return host + ":" + ((InetSocketAddress) ssc.getLocalAddress()).getPort();
    }

    private void loop() {
        try {
            while (true) selector.select(this::ready);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void ready(SelectionKey key) {
        try {
            if (key.isAcceptable()) {
                acceptAll();
            } else if (key.isWritable()) {
                flush(key);
            } else if (key.isReadable()) {
                echo(key);
            }
        } catch (IOException e) {
            close(key);
        }
    }

    private void acceptAll() throws IOException {
        for (SocketChannel ch; (ch = listener.accept()) != null; ) {
            ch.configureBlocking(false);
            ch.setOption(StandardSocketOptions.TCP_NODELAY, true);
            ch.register(selector, SelectionKey.OP_READ, new Pending());
        }
    }

    private void echo(SelectionKey key) throws IOException {
        SocketChannel ch = (SocketChannel) key.channel();
        chunk.clear();
        if (ch.read(chunk) < 0) {
            close(key);
            return;
        }
        chunk.flip();
        ch.write(chunk);
        if (chunk.hasRemaining()) {
            ((Pending) key.attachment()).keep(chunk);
            key.interestOps(SelectionKey.OP_WRITE);
        }
    }

    private void flush(SelectionKey key) throws IOException {
        ByteBuffer rest = ((Pending) key.attachment()).buffer;
        ((SocketChannel) key.channel()).write(rest);
        if (!rest.hasRemaining()) {
            rest.clear();
            key.interestOps(SelectionKey.OP_READ);
        }
    }

    private static void close(SelectionKey key) {
        key.cancel();
        try {
            key.channel().close();
        } catch (IOException e) {
            // closing: nothing left to do
        }
    }

    /** The unsent bytes of one connection, ready to be written (position..limit). */
    private static final class Pending {
        ByteBuffer buffer;

        void keep(ByteBuffer rest) {
            if (buffer == null) buffer = ByteBuffer.allocateDirect(CHUNK);
            buffer.clear();
            buffer.put(rest);
            buffer.flip();
        }
    }
}
