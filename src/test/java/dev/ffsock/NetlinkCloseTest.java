package dev.ffsock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Netlink sockets have no shutdown(2), and close must not rely on one: a thread blocked in recv or
 * poll on a netlink socket is woken promptly by close (the descriptor number is detached and the
 * thread signalled), and the socket still behaves as blocking for its user.
 */
@Timeout(30)
class NetlinkCloseTest {
    private static Socket netlink() throws Exception {
        Socket s = Socket.open(Domain.AF_NETLINK, Type.RAW, Protocol.NETLINK_ROUTE);
        s.bind(new SockAddrNl(0, 0));
        return s;
    }

    private static long closeWhileBlocked(Socket s, CompletableFuture<Throwable> outcome, Thread t) throws Exception {
        Thread.sleep(200);
        assertTrue(t.isAlive(), "the call did not block");
        long t0 = System.nanoTime();
        s.close();
        Throwable e = outcome.get(5, TimeUnit.SECONDS);
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertInstanceOf(SocketClosedException.class, e, String.valueOf(e));
        return ms;
    }

    @Test
    void closeWakesABlockedRecvWithin100ms() throws Exception {
        Socket s = netlink();
        assertTrue(s.isBlocking(), "a netlink socket is blocking for its user");
        CompletableFuture<Throwable> outcome = new CompletableFuture<>();
        Thread t = Thread.ofPlatform().start(() -> {
            try (Arena a = Arena.ofConfined()) {
                MemorySegment buf = a.allocate(4096);
                s.recv(buf);
                outcome.complete(null);
            } catch (Throwable e) {
                outcome.complete(e);
            }
        });
        long ms = closeWhileBlocked(s, outcome, t);
        assertTrue(ms < 100, "woken after " + ms + " ms");
    }

    @Test
    void closeWakesABlockedPollWithin100ms() throws Exception {
        Socket s = netlink();
        CompletableFuture<Throwable> outcome = new CompletableFuture<>();
        Thread t = Thread.ofPlatform().start(() -> {
            try {
                s.poll(Poll.POLLIN, -1);
                outcome.complete(null);
            } catch (Throwable e) {
                outcome.complete(e);
            }
        });
        long ms = closeWhileBlocked(s, outcome, t);
        assertTrue(ms < 100, "woken after " + ms + " ms");
    }

    @Test
    void blockingRecvStillWaitsForDataAndHonoursSoRcvtimeo() throws Exception {
        try (Socket s = netlink()) {
            s.setsockopt(SockOpt.SO_RCVTIMEO, java.time.Duration.ofMillis(150));
            long t0 = System.nanoTime();
            try (Arena a = Arena.ofConfined()) {
                Throwable e = org.junit.jupiter.api.Assertions.assertThrows(java.net.SocketTimeoutException.class,
                        () -> s.recv(a.allocate(4096)));
                assertEquals("recv timed out", e.getMessage());
            }
            long ms = (System.nanoTime() - t0) / 1_000_000;
            assertTrue(ms >= 140 && ms < 2000, "timed out after " + ms + " ms");
        }
    }
}
