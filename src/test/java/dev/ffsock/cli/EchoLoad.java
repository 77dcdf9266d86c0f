package dev.ffsock.cli;

import dev.ffsock.Domain;
import dev.ffsock.SockAddr;
import dev.ffsock.Socket;
import dev.ffsock.Type;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The load the one-thread echo servers' tests ({@link EpollEcho}, {@link UringEcho}) put on them:
 * the server serving {@code 2 * clients} connections on its own platform thread, half the clients
 * on a TCP listener and half on an AF_UNIX one, each client a virtual thread sending messages of
 * random size (1 byte .. 64 KiB, log-uniform) and checking every echoed byte.
 */
final class EchoLoad {
    private EchoLoad() {
    }

    /** The server's loop: serves {@code count} connections, then returns. */
    interface Loop {
        void run(int count) throws IOException;
    }

    /**
     * Runs the load and checks the server's own counts against it: every connection accepted, every
     * byte the clients had echoed counted as echoed.
     *
     * @return the bytes echoed and checked
     */
    static long run(String serverName, Loop loop, LongSupplier accepted, LongSupplier bytesEchoed,
                    SockAddr tcp, SockAddr unix, int clients, int messages, int seconds) throws Exception {
        AtomicLong bytes = new AtomicLong();
        int total = 2 * clients;
        CompletableFuture<Void> server = CompletableFuture.runAsync(() -> {
            try {
                loop.run(total);
            } catch (IOException e) {
                throw new RuntimeException(e);
            }
        }, r -> Thread.ofPlatform().name(serverName).start(r));
        List<CompletableFuture<Void>> done = new ArrayList<>();
        for (int i = 0; i < total; i++) {
            SockAddr to = i % 2 == 0 ? tcp : unix;
            Domain d = i % 2 == 0 ? Domain.AF_INET : Domain.AF_UNIX;
            long seed = i;
            CompletableFuture<Void> f = new CompletableFuture<>();
            Thread.ofVirtual().start(() -> {
                try {
                    client(d, to, seed, messages, bytes);
                    f.complete(null);
                } catch (Throwable t) {
                    f.completeExceptionally(t);
                }
            });
            done.add(f);
        }
        CompletableFuture.allOf(done.toArray(CompletableFuture[]::new)).get(seconds, TimeUnit.SECONDS);
        server.get(30, TimeUnit.SECONDS);
        assertEquals(total, accepted.getAsLong());
        assertEquals(bytes.get(), bytesEchoed.getAsLong());
        return bytes.get();
    }

    /** Sends messages of random size (1 byte .. 64 KiB, log-uniform) and checks every echoed byte. */
    private static void client(Domain d, SockAddr to, long seed, int messages, AtomicLong bytes) throws IOException {
        SplittableRandom rnd = new SplittableRandom(seed);
        byte[] out = new byte[64 * 1024];
        byte[] in = new byte[64 * 1024];
        try (Socket s = Socket.open(d, Type.STREAM)) {
            s.connect(to);
            for (int m = 0; m < messages; m++) {
                int len = (int) Math.min(out.length, Math.exp(rnd.nextDouble() * Math.log(out.length + 1)));
                for (int i = 0; i < len; i++) out[i] = (byte) rnd.nextInt();
                int sent = 0;
                while (sent < len) sent += s.send(out, sent, len - sent, 0);
                int got = 0;
                while (got < len) {
                    int n = s.recv(in, got, len - got, 0);
                    assertTrue(n > 0, "early end of stream");
                    got += n;
                }
                assertEquals(-1, Arrays.mismatch(out, 0, len, in, 0, len), "echoed bytes differ");
                bytes.addAndGet(len);
            }
        }
    }
}
