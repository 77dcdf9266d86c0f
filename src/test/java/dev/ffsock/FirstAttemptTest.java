package dev.ffsock;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A platform thread's blocking-mode call first tries without waiting (internal.Blocking#call): what
 * a caller sees must not change. A stream send that finds room for only part of its bytes still
 * sends them all, as one blocking send(2) does; its time limit after progress ends it with what was
 * sent; MSG_WAITALL still waits for the whole length; and bytes arrive whole and in order.
 */
@Timeout(value = 20, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class FirstAttemptTest {
    private static final int BIG = 256 * 1024;

    /** A blocking AF_UNIX stream pair and the bytes already queued from {@code a} to {@code b}. */
    private record Pair(Socket a, Socket b, long queued) {
    }

    /**
     * {@return a blocking AF_UNIX stream pair whose first end's send buffer is full but for a few
     * KiB} so that a send of {@link #BIG} bytes finds room for only part of them.
     */
    private static Pair nearlyFullPair() throws IOException {
        Socket[] p = Socket.socketpair(Domain.AF_UNIX, Type.STREAM);
        p[0].setsockopt(SockOpt.SO_SNDBUF, 16 * 1024);
        byte[] chunk = new byte[1024];
        long filled = 0;
        long r;
        while ((r = p[0].send(chunk, 0, chunk.length, Msg.MSG_DONTWAIT)) > 0) filled += r;
        byte[] room = new byte[8 * 1024];
        int freed = 0;
        while (freed < room.length) freed += p[1].recv(room, freed, room.length - freed, 0);
        return new Pair(p[0], p[1], filled - freed);
    }

    private static byte[] pattern(int n) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) b[i] = (byte) (i * 31 + 7);
        return b;
    }

    /** Drains {@code s} after {@code delayMillis} until {@code skip + n} bytes arrived; returns the last {@code n}. */
    private static CompletableFuture<byte[]> drain(Socket s, long skip, int n, long delayMillis) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                Thread.sleep(delayMillis);
                byte[] junk = new byte[4096];
                long skipped = 0;
                while (skipped < skip) skipped += s.recv(junk, 0, (int) Math.min(junk.length, skip - skipped), 0);
                byte[] got = new byte[n];
                int have = 0;
                while (have < n) {
                    int r = s.recv(got, have, n - have, 0);
                    if (r <= 0) throw new IOException("end of stream after " + have);
                    have += r;
                }
                return got;
            } catch (Exception e) {
                throw new RuntimeException(e);
            }
        }, r -> Thread.ofPlatform().daemon().start(r));
    }

    @ParameterizedTest
    @ValueSource(strings = {"segment", "direct", "heap"})
    void streamSendThatFindsRoomForPartSendsItAll(String memory) throws Exception {
        Pair p = nearlyFullPair();
        try (Socket a = p.a(); Socket b = p.b(); Arena arena = Arena.ofConfined()) {
            long before = p.queued();
            byte[] data = pattern(BIG);
            CompletableFuture<byte[]> got = drain(b, before, BIG, 200);
            long sent = switch (memory) {
                case "segment" -> a.send(arena.allocate(BIG).copyFrom(MemorySegment.ofArray(data)));
                case "direct" -> a.send(ByteBuffer.allocateDirect(BIG).put(data).flip(), 0);
                default -> a.send(data, 0, data.length, 0);
            };
            assertEquals(BIG, sent, "one blocking send of a stream takes every byte");
            assertArrayEquals(data, got.get(10, TimeUnit.SECONDS));
        }
    }

    @Test
    void streamSendWhoseTimeLimitPassesAfterProgressReturnsWhatWasSent() throws Exception {
        Pair p = nearlyFullPair();
        try (Socket a = p.a(); Socket b = p.b()) {
            a.setsockopt(SockOpt.SO_SNDTIMEO, Duration.ofMillis(300));
            long before = p.queued();
            byte[] data = pattern(BIG);
            long sent = a.send(data, 0, data.length, 0);
            assertTrue(sent > 0 && sent < BIG, "part sent, then the time limit: " + sent);
            assertArrayEquals(java.util.Arrays.copyOf(data, (int) sent), drain(b, before, (int) sent, 0).get(10, TimeUnit.SECONDS));
        }
    }

    @Test
    void waitAllReceiveWaitsForTheWholeLength() throws Exception {
        Socket[] p = Socket.socketpair(Domain.AF_UNIX, Type.STREAM);
        try (Socket a = p[0]; Socket b = p[1]; Arena arena = Arena.ofConfined()) {
            a.send(new byte[] {1, 2, 3, 4, 5}, 0, 5, 0);
            Thread later = Thread.ofPlatform().start(() -> {
                try {
                    Thread.sleep(200);
                    a.send(new byte[] {6, 7, 8, 9, 10}, 0, 5, 0);
                } catch (Exception e) {
                    throw new RuntimeException(e);
                }
            });
            MemorySegment in = arena.allocate(10);
            assertEquals(10, b.recv(in, Msg.MSG_WAITALL));
            assertArrayEquals(new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10}, in.toArray(ValueLayout.JAVA_BYTE));
            later.join();
        }
    }

    @Test
    void receivesThatUsuallyWaitAndReceivesThatNeverDoBothGetTheirBytes() throws Exception {
        Socket[] p = Socket.socketpair(Domain.AF_UNIX, Type.STREAM);
        try (Socket a = p[0]; Socket b = p[1]) {
            // A blocking ping-pong (every receive waits), then a burst (every receive finds data):
            // the first attempts' hint changes course both ways without losing or reordering bytes.
            Thread echo = Thread.ofPlatform().start(() -> {
                byte[] one = new byte[1];
                try {
                    for (int i = 0; i < 100; i++) {
                        assertEquals(1, b.recv(one, 0, 1, 0));
                        b.send(one, 0, 1, 0);
                    }
                } catch (IOException e) {
                    throw new RuntimeException(e);
                }
            });
            byte[] one = new byte[1];
            for (int i = 0; i < 100; i++) {
                a.send(new byte[] {(byte) i}, 0, 1, 0);
                assertEquals(1, a.recv(one, 0, 1, 0));
                assertEquals((byte) i, one[0]);
            }
            echo.join();
            for (int i = 0; i < 100; i++) b.send(new byte[] {(byte) i}, 0, 1, 0);
            for (int i = 0; i < 100; i++) {
                assertEquals(1, a.recv(one, 0, 1, 0));
                assertEquals((byte) i, one[0]);
            }
        }
    }
}
