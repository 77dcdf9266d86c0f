package dev.ffsock;

import dev.ffsock.internal.Poller;

import org.junit.jupiter.api.Test;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EpollTest {

    @Test
    void readinessAndDataWord() throws Exception {
        int before = FdCount.open();
        Socket[] p = Socket.socketpair(Domain.AF_UNIX, Type.STREAM);
        try (Epoll ep = Epoll.open()) {
            EpollEvents ev = new EpollEvents(8);
            ep.add(p[1], Epoll.EPOLLIN | Epoll.EPOLLRDHUP, 0x1234_5678_9abc_def0L);
            assertEquals(0, ep.wait(ev, 0));
            assertEquals(0, ep.wait(ev, 20));
            p[0].send(new byte[] {1, 2, 3}, 0, 3, 0);
            assertEquals(1, ep.wait(ev, 1000));
            assertEquals(1, ev.count());
            assertEquals(0x1234_5678_9abc_def0L, ev.data(0));
            assertEquals(Epoll.EPOLLIN, ev.events(0) & Epoll.EPOLLIN);
            assertThrows(IndexOutOfBoundsException.class, () -> ev.events(1));
            ep.modify(p[1], Epoll.EPOLLOUT, 7);
            assertEquals(1, ep.wait(ev, 1000));
            assertEquals(7, ev.data(0));
            assertEquals(Epoll.EPOLLOUT, ev.events(0));
            ep.delete(p[1]);
            assertEquals(0, ep.wait(ev, 0));
            p[0].close();
            ep.add(p[1], Epoll.EPOLLRDHUP, 9);
            assertEquals(1, ep.wait(ev, 1000));
            assertTrue((ev.events(0) & Epoll.EPOLLRDHUP) != 0);
        } finally {
            p[0].close();
            p[1].close();
        }
        assertEquals(before, FdCount.open());
    }

    @Test
    void edgeTriggeredReportsOnce() throws Exception {
        Socket[] p = Socket.socketpair(Domain.AF_UNIX, Type.STREAM);
        try (Epoll ep = Epoll.open(); Arena arena = Arena.ofConfined()) {
            EpollEvents ev = new EpollEvents(4);
            ep.add(p[1], Epoll.EPOLLIN | Epoll.EPOLLET, 1);
            p[0].send(MemorySegment.ofArray(new byte[10]), 0);
            assertEquals(1, ep.wait(ev, 1000));
            assertEquals(0, ep.wait(ev, 0), "edge-triggered: no new edge");
            ep.modify(p[1], Epoll.EPOLLIN | Epoll.EPOLLONESHOT, 2);
            assertEquals(1, ep.wait(ev, 0));
            assertEquals(0, ep.wait(ev, 0), "one-shot: disabled after one event");
            assertEquals(10, p[1].recv(arena.allocate(64)));
        } finally {
            p[0].close();
            p[1].close();
        }
    }

    @Test
    void eventFdWakesWaiterAndCounts() throws Exception {
        int before = FdCount.open();
        try (Epoll ep = Epoll.open(); EventFd efd = EventFd.open(0, EventFd.EFD_CLOEXEC | EventFd.EFD_NONBLOCK)) {
            ep.add(efd, Epoll.EPOLLIN, 42);
            assertEquals(EventFd.WOULD_BLOCK, efd.read());
            EpollEvents ev = new EpollEvents(2);
            CompletableFuture<Integer> w = CompletableFuture.supplyAsync(() -> {
                try {
                    return ep.wait(ev, 10_000);
                } catch (Exception e) {
                    throw new RuntimeException(e);
                }
            });
            Thread.sleep(50);
            assertTrue(efd.signal());
            assertTrue(efd.write(4));
            assertEquals(1, w.get(5, TimeUnit.SECONDS));
            assertEquals(42, ev.data(0));
            assertEquals(5, efd.read());
            assertThrows(IllegalArgumentException.class, () -> efd.write(-1));
        }
        try (EventFd sem = EventFd.open(3, EventFd.EFD_SEMAPHORE | EventFd.EFD_NONBLOCK)) {
            assertEquals(1, sem.read());
            assertEquals(1, sem.read());
            assertEquals(1, sem.read());
            assertEquals(EventFd.WOULD_BLOCK, sem.read());
        }
        assertEquals(before, FdCount.open());
    }

    @Test
    void closeWakesBlockedWaitOnPlatformAndVirtualThreads() throws Exception {
        int before = FdCount.open();
        for (boolean virtual : new boolean[] {false, true}) {
            Epoll ep = Epoll.open();
            EventFd efd = EventFd.open();
            CompletableFuture<Throwable> waitResult = new CompletableFuture<>();
            CompletableFuture<Throwable> readResult = new CompletableFuture<>();
            Thread.Builder b = virtual ? Thread.ofVirtual() : Thread.ofPlatform();
            Thread t1 = b.start(() -> {
                try {
                    ep.wait(new EpollEvents(1), -1);
                    waitResult.complete(null);
                } catch (Throwable e) {
                    waitResult.complete(e);
                }
            });
            Thread t2 = b.start(() -> {
                try {
                    efd.read();
                    readResult.complete(null);
                } catch (Throwable e) {
                    readResult.complete(e);
                }
            });
            Thread.sleep(100);
            assertFalse(waitResult.isDone());
            ep.close();
            efd.close();
            assertTrue(waitResult.get(5, TimeUnit.SECONDS) instanceof SocketClosedException, "virtual=" + virtual);
            assertTrue(readResult.get(5, TimeUnit.SECONDS) instanceof SocketClosedException, "virtual=" + virtual);
            t1.join(5000);
            t2.join(5000);
            assertThrows(SocketClosedException.class, () -> ep.wait(new EpollEvents(1), 0));
            assertEquals(-1, ep.fd());
            ep.close();
        }
        assertEquals(0, Poller.registrations(), "no poller registration outlives its descriptor");
        assertEquals(before, FdCount.open());
    }

    @Test
    void virtualThreadWaitTimesOutAndReturnsOnInterrupt() throws Exception {
        try (Epoll ep = Epoll.open()) {
            CompletableFuture<Integer> r = new CompletableFuture<>();
            Thread t = Thread.ofVirtual().start(() -> {
                try {
                    r.complete(ep.wait(new EpollEvents(1), 50));
                } catch (Throwable e) {
                    r.completeExceptionally(e);
                }
            });
            assertEquals(0, r.get(5, TimeUnit.SECONDS));
            t.join();
            CompletableFuture<Boolean> interrupted = new CompletableFuture<>();
            Thread t2 = Thread.ofVirtual().start(() -> {
                try {
                    ep.wait(new EpollEvents(1), -1);
                    interrupted.complete(Thread.currentThread().isInterrupted());
                } catch (Throwable e) {
                    interrupted.completeExceptionally(e);
                }
            });
            Thread.sleep(50);
            t2.interrupt();
            assertTrue(interrupted.get(5, TimeUnit.SECONDS));
            assertFalse(ep.isClosed());
        }
    }
}
