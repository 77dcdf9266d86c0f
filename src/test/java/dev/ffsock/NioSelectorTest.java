package dev.ffsock;

import dev.ffsock.nio.FfsockSelectorProvider;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.nio.ByteBuffer;
import java.nio.channels.CancelledKeyException;
import java.nio.channels.ClosedSelectorException;
import java.nio.channels.IllegalSelectorException;
import java.nio.channels.Pipe;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The epoll Selector of {@link FfsockSelectorProvider} against {@link Selector}'s specification. */
@Timeout(60)
class NioSelectorTest {
    private static final FfsockSelectorProvider P = FfsockSelectorProvider.provider();

    private static Pipe pipe() throws Exception {
        Pipe p = P.openPipe();
        p.source().configureBlocking(false);
        p.sink().configureBlocking(false);
        return p;
    }

    @Test
    void readySetIsReplacedWhenAddedAndUnitedWhenAlreadySelected() throws Exception {
        try (Selector sel = P.openSelector(); Pair pair = pair()) {
            SocketChannel a = pair.a();
            SelectionKey k = a.register(sel, SelectionKey.OP_READ | SelectionKey.OP_WRITE);
            assertEquals(1, sel.selectNow());
            assertTrue(sel.selectedKeys().contains(k));
            assertEquals(SelectionKey.OP_WRITE, k.readyOps(), "writable, nothing to read");
            pair.b().write(ByteBuffer.wrap(new byte[] {1}));
            assertEquals(1, waitForUpdate(sel), "OP_READ is new: the key counts");
            assertEquals(SelectionKey.OP_READ | SelectionKey.OP_WRITE, k.readyOps(), "kept OP_WRITE, added OP_READ");
            assertEquals(0, sel.selectNow(), "nothing new for a key already selected");
            a.read(ByteBuffer.allocate(8));
            assertEquals(0, sel.selectNow(), "the ready set is not reduced while the key stays selected");
            assertEquals(SelectionKey.OP_READ | SelectionKey.OP_WRITE, k.readyOps());
            sel.selectedKeys().clear();
            assertEquals(1, sel.selectNow());
            assertEquals(SelectionKey.OP_WRITE, k.readyOps(), "added afresh: exactly what is ready now");
            assertThrows(UnsupportedOperationException.class, () -> sel.selectedKeys().add(k));
            assertThrows(UnsupportedOperationException.class, () -> sel.keys().remove(k));
        }
    }

    /** Selects (bounded) until a selection updates a key; returns that selection's count. */
    private static int waitForUpdate(Selector sel) throws Exception {
        for (int i = 0; i < 100; i++) {
            int n = sel.select(100);
            if (n > 0) return n;
        }
        return 0;
    }

    @Test
    void consumerVariantsLeaveTheSelectedSetAlone() throws Exception {
        try (Selector sel = P.openSelector(); Pair pair = pair()) {
            SelectionKey k = pair.a().register(sel, SelectionKey.OP_WRITE);
            List<SelectionKey> seen = new ArrayList<>();
            assertEquals(1, sel.selectNow(seen::add));
            assertEquals(List.of(k), seen);
            assertEquals(SelectionKey.OP_WRITE, k.readyOps());
            assertTrue(sel.selectedKeys().isEmpty());
            seen.clear();
            assertEquals(1, sel.select(seen::add, 1000));
            assertEquals(1, sel.select(seen::add));
            assertEquals(2, seen.size());
        }
    }

    @Test
    void interestChangesApplyAtTheNextSelection() throws Exception {
        try (Selector sel = P.openSelector(); Pair pair = pair()) {
            SelectionKey k = pair.a().register(sel, 0);
            assertEquals(0, sel.selectNow(), "no interest, nothing ready");
            k.interestOps(SelectionKey.OP_WRITE);
            assertEquals(1, sel.selectNow());
            sel.selectedKeys().clear();
            k.interestOps(SelectionKey.OP_READ);
            assertEquals(0, sel.selectNow(), "writable no longer counts");
            assertThrows(IllegalArgumentException.class, () -> k.interestOps(SelectionKey.OP_ACCEPT));
        }
    }

    @Test
    void cancelledKeysGoAtTheNextSelection() throws Exception {
        try (Selector sel = P.openSelector(); Pair pair = pair()) {
            SelectionKey k = pair.a().register(sel, SelectionKey.OP_WRITE);
            k.cancel();
            assertFalse(k.isValid());
            assertThrows(CancelledKeyException.class, k::readyOps);
            assertTrue(pair.a().isRegistered(), "still registered until the next selection");
            assertEquals(0, sel.selectNow());
            assertFalse(pair.a().isRegistered());
            assertFalse(sel.keys().contains(k));
            SelectionKey again = pair.a().register(sel, SelectionKey.OP_WRITE);
            assertEquals(1, sel.selectNow(), "re-registered after deregistration");
            assertTrue(sel.selectedKeys().contains(again));
        }
    }

    @Test
    void closingAChannelCancelsItsKey() throws Exception {
        try (Selector sel = P.openSelector(); Pair pair = pair()) {
            SelectionKey k = pair.a().register(sel, SelectionKey.OP_READ);
            pair.b().close(); // the peer's end of stream would make a readable
            pair.a().close();
            assertFalse(k.isValid());
            assertEquals(0, sel.selectNow(), "a closed channel is never selected");
            assertTrue(sel.keys().isEmpty());
        }
    }

    @Test
    void otherProvidersChannelsAreRefusedBothWays() throws Exception {
        try (Selector sel = P.openSelector(); SocketChannel jdk = SocketChannel.open();
             Selector jdkSel = Selector.open(); SocketChannel ours = P.openSocketChannel()) {
            jdk.configureBlocking(false);
            ours.configureBlocking(false);
            assertThrows(IllegalSelectorException.class, () -> jdk.register(sel, SelectionKey.OP_READ));
            assertThrows(IllegalSelectorException.class, () -> ours.register(jdkSel, SelectionKey.OP_READ));
        }
    }

    @Test
    void wakeupBeforeSelectReturnsAtOnceAndSelectNowClearsIt() throws Exception {
        try (Selector sel = P.openSelector()) {
            sel.wakeup();
            long t0 = System.nanoTime();
            assertEquals(0, sel.select(30_000));
            assertTrue(System.nanoTime() - t0 < 20_000_000_000L, "returned on the wake-up, not the timeout");
            sel.wakeup();
            sel.selectNow();
            t0 = System.nanoTime();
            assertEquals(0, sel.select(200), "selectNow cleared the wake-up");
            assertTrue(System.nanoTime() - t0 >= 150_000_000L, "waited out the timeout");
        }
    }

    @Test
    void wakeupCloseAndInterruptEndABlockedSelect() throws Exception {
        for (String how : List.of("wakeup", "close", "interrupt")) {
            for (boolean virtual : new boolean[] {false, true}) {
                Selector sel = P.openSelector();
                Pipe p = pipe();
                p.source().register(sel, SelectionKey.OP_READ);
                CompletableFuture<Boolean> ended = new CompletableFuture<>();
                Thread t = (virtual ? Thread.ofVirtual() : Thread.ofPlatform().daemon()).start(() -> {
                    try {
                        sel.select();
                        ended.complete(Thread.currentThread().isInterrupted());
                    } catch (Throwable e) {
                        ended.completeExceptionally(e);
                    }
                });
                awaitBlocked(t);
                switch (how) {
                    case "wakeup" -> sel.wakeup();
                    case "close" -> sel.close();
                    default -> t.interrupt();
                }
                boolean interrupted = ended.get(10, TimeUnit.SECONDS);
                assertEquals(how.equals("interrupt"), interrupted, how + " virtual=" + virtual);
                if (how.equals("close")) {
                    assertFalse(p.source().isRegistered(), "close deregistered the channel");
                    assertThrows(ClosedSelectorException.class, sel::selectNow);
                    assertThrows(ClosedSelectorException.class, sel::keys);
                } else {
                    assertTrue(sel.isOpen(), "the selector stays open");
                }
                sel.close();
                p.source().close();
                p.sink().close();
            }
        }
    }

    /** Waits (bounded) until {@code t} is waiting (parked or in the kernel). */
    static void awaitBlocked(Thread t) throws InterruptedException {
        long end = System.nanoTime() + 10_000_000_000L;
        while (System.nanoTime() < end) {
            Thread.State s = t.getState();
            if (s == Thread.State.WAITING || s == Thread.State.TIMED_WAITING
                    || (s == Thread.State.RUNNABLE && !t.isVirtual() && inNative(t))) {
                Thread.sleep(50); // into the wait itself
                return;
            }
            Thread.sleep(5);
        }
        throw new AssertionError("thread never blocked: " + t.getState());
    }

    private static boolean inNative(Thread t) {
        // a platform thread waiting in the kernel is RUNNABLE inside one of the syscall layer's downcalls
        return java.util.Arrays.stream(t.getStackTrace()).anyMatch(e -> e.getClassName().equals("dev.ffsock.internal.Sys"));
    }

    @Test
    void readinessOfEachChannelKind() throws Exception {
        try (Selector sel = P.openSelector(); var srv = P.openServerSocketChannel(StandardProtocolFamily.INET)) {
            srv.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0)).configureBlocking(false);
            SelectionKey acc = srv.register(sel, SelectionKey.OP_ACCEPT);
            SocketChannel c = P.openSocketChannel(StandardProtocolFamily.INET);
            c.configureBlocking(false);
            c.connect(srv.getLocalAddress());
            SelectionKey con = c.register(sel, SelectionKey.OP_CONNECT);
            boolean accepted = false;
            boolean connected = false;
            for (int i = 0; i < 100 && !(accepted && connected); i++) {
                sel.select(100);
                for (SelectionKey k : sel.selectedKeys()) {
                    if (k == acc && k.isAcceptable()) accepted = true;
                    if (k == con && k.isConnectable()) connected = c.finishConnect();
                }
                sel.selectedKeys().clear();
            }
            assertTrue(accepted && connected, "OP_ACCEPT and OP_CONNECT reported");
            assertTrue(c.isConnected());
            try (SocketChannel s = srv.accept()) {
                assertTrue(s != null && s.isBlocking(), "accepted channels start blocking");
            }
            c.close();
        }
    }

    /** Two connected non-blocking channels of the provider (a socket pair). */
    private static SocketChannel[] pairArray() throws Exception {
        Socket[] s = Socket.socketpair(Domain.AF_UNIX, Type.STREAM);
        SocketChannel a = P.socketChannel(s[0]);
        SocketChannel b = P.socketChannel(s[1]);
        a.configureBlocking(false);
        b.configureBlocking(false);
        return new SocketChannel[] {a, b};
    }

    /** A closeable pair of connected channels. */
    private record Pair(SocketChannel a, SocketChannel b) implements AutoCloseable {
        @Override
        public void close() throws Exception {
            a.close();
            b.close();
        }
    }

    private static Pair pair() throws Exception {
        SocketChannel[] p = pairArray();
        return new Pair(p[0], p[1]);
    }
}
