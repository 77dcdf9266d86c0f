package dev.ffsock;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link TunTap} and {@link NamespaceFd} arguments and errors that need no namespace (making devices
 * is LinkKindsTest's, inside a namespace of its own).
 */
class TunTapTest {
    @Test
    void badFlagsAndIdsAreRefusedBeforeAnyCall() {
        assertThrows(IllegalArgumentException.class, () -> TunTap.open(null, "t0", TunTap.IFF_NO_PI, -1, -1, false));
        assertThrows(IllegalArgumentException.class, () -> TunTap.open(null, "t0", TunTap.IFF_TUN | TunTap.IFF_TAP, -1, -1, false));
        assertThrows(IllegalArgumentException.class, () -> TunTap.open(null, "t0", TunTap.IFF_TAP | 0x8000, -1, -1, false));
        assertThrows(IllegalArgumentException.class, () -> TunTap.open(null, "t0", TunTap.IFF_TAP, -2, -1, false));
        assertThrows(IllegalArgumentException.class, () -> TunTap.open(null, "t0", TunTap.IFF_TAP, -1, 1L << 32, false));
    }

    @Test
    void namespaceFilesAndSockets() throws Exception {
        ErrnoException e = assertThrows(ErrnoException.class, () -> NamespaceFd.open(Path.of("/run/netns/ffsock-no-such-namespace")));
        assertEquals(Errno.ENOENT, e.errno());
        assertTrue(e.getMessage().contains("/run/netns/ffsock-no-such-namespace"), e.getMessage());
        try (NamespaceFd self = NamespaceFd.open(Path.of("/proc/self/ns/net"))) {
            assertTrue(self.fd() >= 0);
            self.close();
            assertThrows(IllegalStateException.class, self::fd);
        }
        Socket s = Socket.open(Domain.AF_UNIX, Type.DGRAM, Protocol.of(0));
        try (NamespaceFd ofSocket = NamespaceFd.of(s)) {
            assertTrue(ofSocket.fd() >= 0, "SIOCGSKNS gives the socket's namespace");
        } finally {
            s.close();
        }
        assertThrows(SocketClosedException.class, () -> NamespaceFd.of(s));
    }
}
