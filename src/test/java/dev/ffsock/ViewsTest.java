package dev.ffsock;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.OutputStreamWriter;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.channels.AsynchronousCloseException;
import java.nio.channels.ByteChannel;
import java.nio.channels.Channels;
import java.nio.channels.ClosedByInterruptException;
import java.nio.channels.ClosedChannelException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Existing java.io / java.nio code running over ffsock sockets. */
class ViewsTest {

    private static byte[] random(int n, long seed) {
        byte[] b = new byte[n];
        new Random(seed).nextBytes(b);
        return b;
    }

    @Test
    void bufferedReaderLineProtocolOverAbstractUnixSocket() throws Exception {
        SockAddr name = SockAddr.parse("@ffsock-lines-" + ProcessHandle.current().pid() + "-" + System.nanoTime());
        try (Socket l = Socket.open(Domain.AF_UNIX, Type.STREAM)) {
            l.bind(name);
            l.listen(4);
            CompletableFuture<Integer> server = CompletableFuture.supplyAsync(() -> {
                try (Socket s = l.accept();
                     BufferedReader in = new BufferedReader(new InputStreamReader(s.inputStream(), StandardCharsets.UTF_8));
                     PrintWriter out = new PrintWriter(new OutputStreamWriter(s.outputStream(), StandardCharsets.UTF_8), true)) {
                    int lines = 0;
                    for (String line; (line = in.readLine()) != null; lines++) out.println(line.toUpperCase());
                    return lines;
                } catch (Exception e) {
                    throw new RuntimeException(e);
                }
            });
            try (Socket c = Socket.open(Domain.AF_UNIX, Type.STREAM)) {
                c.connect(name);
                PrintWriter out = new PrintWriter(new OutputStreamWriter(c.outputStream(), StandardCharsets.UTF_8), true);
                BufferedReader in = new BufferedReader(Channels.newReader(c.channel(), StandardCharsets.UTF_8));
                for (int i = 0; i < 100; i++) {
                    out.println("line " + i + " grüße");
                    assertEquals(("line " + i + " grüße").toUpperCase(), in.readLine());
                }
                c.shutdown(Shutdown.WRITE);
                assertNull(in.readLine());
            }
            assertEquals(100, server.get(10, TimeUnit.SECONDS));
        }
    }

    @Test
    void transferToAndFilesCopy(@TempDir Path dir) throws Exception {
        byte[] data = random(3 << 20, 42);
        for (int round = 0; round < 2; round++) {
            Socket[] p = Socket.socketpair(Domain.AF_UNIX, Type.STREAM);
            CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
                try (OutputStream o = p[0].outputStream()) {
                    for (int off = 0; off < data.length; off += 10_000) o.write(data, off, Math.min(10_000, data.length - off));
                } catch (Exception e) {
                    throw new RuntimeException(e);
                }
            });
            try (InputStream in = p[1].inputStream()) {
                if (round == 0) {
                    ByteArrayOutputStream bo = new ByteArrayOutputStream();
                    assertEquals(data.length, in.transferTo(bo));
                    assertArrayEquals(data, bo.toByteArray());
                } else {
                    Path f = dir.resolve("copy.bin");
                    assertEquals(data.length, Files.copy(in, f));
                    assertArrayEquals(data, Files.readAllBytes(f));
                }
            }
            writer.get(10, TimeUnit.SECONDS);
            assertTrue(p[0].isClosed() && p[1].isClosed(), "closing a stream closes the socket");
        }
    }

    @Test
    void channelReadsWritesAndCloses() throws Exception {
        Socket[] p = Socket.socketpair(Domain.AF_UNIX, Type.STREAM);
        ByteChannel a = p[0].channel();
        ByteChannel b = p[1].channel();
        byte[] data = random(100_000, 7);
        CompletableFuture<Integer> w = CompletableFuture.supplyAsync(() -> {
            try {
                return a.write(ByteBuffer.wrap(data));
            } catch (Exception e) {
                throw new RuntimeException(e);
            }
        });
        ByteBuffer in = ByteBuffer.allocateDirect(data.length);
        while (in.hasRemaining()) assertTrue(b.read(in) > 0);
        assertEquals(data.length, w.get(10, TimeUnit.SECONDS), "a blocking write sends everything");
        byte[] got = new byte[data.length];
        in.flip().get(got);
        assertArrayEquals(data, got);
        a.close();
        assertFalse(a.isOpen());
        assertTrue(p[0].isClosed());
        assertEquals(-1, b.read(ByteBuffer.allocate(4)));
        assertThrows(ClosedChannelException.class, () -> a.read(ByteBuffer.allocate(4)));
        p[1].setBlocking(false);
        assertEquals(0, p[1].channel().write(ByteBuffer.allocate(0)));
        b.close();
        assertThrows(ClosedChannelException.class, () -> b.write(ByteBuffer.allocate(1)));
    }

    @Test
    void viewsHonourTimeoutCloseAndInterrupt() throws Exception {
        for (boolean virtual : new boolean[] {false, true}) {
            Socket[] p = Socket.socketpair(Domain.AF_UNIX, Type.STREAM);
            try {
                p[1].setsockopt(SockOpt.SO_RCVTIMEO, Duration.ofMillis(50));
                assertInstanceOf(SocketTimeoutException.class, failure(virtual, () -> p[1].inputStream().read()));
                assertInstanceOf(SocketTimeoutException.class,
                        failure(virtual, () -> p[1].channel().read(ByteBuffer.allocate(1))));
                p[1].setsockopt(SockOpt.SO_RCVTIMEO, Duration.ZERO);
                CompletableFuture<Throwable> blocked = async(virtual, () -> p[1].channel().read(ByteBuffer.allocate(1)));
                Thread.sleep(100);
                p[1].close();
                assertInstanceOf(AsynchronousCloseException.class, blocked.get(10, TimeUnit.SECONDS), "virtual=" + virtual);
                assertInstanceOf(ClosedByInterruptException.class, failure(virtual, () -> {
                    Thread.currentThread().interrupt();
                    return p[0].inputStream().read();
                }));
                assertTrue(p[0].isClosed());
            } finally {
                p[0].close();
                p[1].close();
            }
        }
    }

    private interface Body {
        Object run() throws Exception;
    }

    private static CompletableFuture<Throwable> async(boolean virtual, Body body) {
        CompletableFuture<Throwable> f = new CompletableFuture<>();
        (virtual ? Thread.ofVirtual() : Thread.ofPlatform().daemon()).start(() -> {
            try {
                body.run();
                f.complete(null);
            } catch (Throwable t) {
                f.complete(t);
            }
        });
        return f;
    }

    private static Throwable failure(boolean virtual, Body body) throws InterruptedException, ExecutionException {
        try {
            return async(virtual, body).get(10, TimeUnit.SECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("call did not return", e);
        }
    }
}
