package dev.ffsock.cli;

import dev.ffsock.Domain;
import dev.ffsock.SockAddrIn;
import dev.ffsock.SockAddrUn;
import dev.ffsock.Socket;
import dev.ffsock.Type;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A failing system call: exit status 1 and the errno form, no usage, no stack trace. */
class ErrnoExitTest {
    @Test
    void connectionRefused() throws Exception {
        // A bound socket that does not listen holds a port nobody accepts on.
        try (Socket s = Socket.open(Domain.AF_INET, Type.STREAM)) {
            s.bind(SockAddrIn.loopback(0));
            Cli.Result r = Cli.run("ping", "--tcp", s.getsockname().toString(), "-n", "1");
            assertEquals(1, r.status(), r::toString);
            assertEquals("ffsock: connect: ECONNREFUSED (Connection refused)\n", r.err());
            assertEquals("", r.out());
        }
    }

    @Test
    void unixSocketFileMissing(@TempDir Path dir) {
        Cli.Result r = Cli.run("ping", "--unix", dir.resolve("none").toString());
        assertEquals(1, r.status(), r::toString);
        assertEquals("ffsock: connect: ENOENT (No such file or directory)\n", r.err());
    }

    @Test
    void addressInUse() throws Exception {
        try (Socket s = Socket.open(Domain.AF_UNIX, Type.STREAM)) {
            SockAddrUn name = SockAddrUn.abstractName("ffsock-test-inuse-" + ProcessHandle.current().pid());
            s.bind(name);
            Cli.Result r = Cli.run("echo", "--unix", name.toString());
            assertEquals(1, r.status(), r::toString);
            assertEquals("ffsock: bind: EADDRINUSE (Address already in use)\n", r.err());
        }
    }
}
