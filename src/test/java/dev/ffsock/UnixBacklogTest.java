package dev.ffsock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** AF_UNIX connect to a listener whose backlog is full: EAGAIN means "full", not "in progress". */
@Timeout(30)
class UnixBacklogTest {
    private static SockAddrUn name() {
        return SockAddrUn.abstractName("ffsock-backlog-" + ProcessHandle.current().pid() + "-"
                + ThreadLocalRandom.current().nextInt(1 << 30));
    }

    /** Fills the listener's queue with non-blocking connects until one is refused with EAGAIN. */
    private static List<Socket> fill(SockAddrUn addr) throws Exception {
        List<Socket> held = new ArrayList<>();
        for (int i = 0; i < 64; i++) {
            Socket c = Socket.open(Domain.AF_UNIX, Type.STREAM, Protocol.DEFAULT, Type.SOCK_NONBLOCK | Type.SOCK_CLOEXEC);
            try {
                c.connect(addr);
                held.add(c);
            } catch (ErrnoException e) {
                c.close();
                assertEquals(Errno.EAGAIN, e.errno(), e.getMessage());
                return held;
            }
        }
        throw new AssertionError("the listen backlog never filled up");
    }

    @Test
    void nonBlockingConnectToAFullBacklogThrowsEagain() throws Exception {
        SockAddrUn addr = name();
        try (Socket l = Socket.open(Domain.AF_UNIX, Type.STREAM)) {
            l.bind(addr);
            l.listen(0);
            List<Socket> held = fill(addr);
            try (Socket c = Socket.open(Domain.AF_UNIX, Type.STREAM, Protocol.DEFAULT, Type.SOCK_NONBLOCK | Type.SOCK_CLOEXEC)) {
                ErrnoException e = assertThrows(ErrnoException.class, () -> c.connect(addr));
                assertEquals("EAGAIN", e.errnoName());
                assertTrue(e.getMessage().startsWith("connect: EAGAIN"), e.getMessage());
            } finally {
                for (Socket s : held) s.close();
            }
        }
    }

    @Test
    void connectWithTimeoutToAFullBacklogTimesOutThenSucceedsOnceThereIsRoom() throws Exception {
        SockAddrUn addr = name();
        try (Socket l = Socket.open(Domain.AF_UNIX, Type.STREAM)) {
            l.bind(addr);
            l.listen(0);
            List<Socket> held = fill(addr);
            try {
                try (Socket c = Socket.open(Domain.AF_UNIX, Type.STREAM)) {
                    assertThrows(SocketTimeoutException.class, () -> c.connect(addr, Duration.ofMillis(150)));
                }
                // Make room: accept the queued connections; a connect with a time limit then succeeds.
                for (int i = 0; i < held.size(); i++) l.accept().close();
                try (Socket c = Socket.open(Domain.AF_UNIX, Type.STREAM)) {
                    c.connect(addr, Duration.ofSeconds(5));
                    assertTrue(c.isBlocking(), "blocking mode restored");
                    try (Socket a = l.accept()) {
                        c.send(new byte[] {42}, 0, 1, 0);
                        byte[] b = new byte[1];
                        assertEquals(1, a.recv(b, 0, 1, 0));
                        assertEquals(42, b[0]);
                    }
                }
            } finally {
                for (Socket s : held) s.close();
            }
        }
    }
}
