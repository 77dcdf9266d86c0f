package dev.ffsock;

import dev.ffsock.internal.Sys;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * SCM_RIGHTS interop with CPython's {@code socket.send_fds} / {@code socket.recv_fds} over an AF_UNIX
 * stream socket, both directions, the passed descriptor used for real (a file read through it).
 */
class PythonFdInteropTest {
    private static Path script;

    @TempDir
    Path dir;

    @BeforeAll
    static void python(@TempDir Path tmp) throws Exception {
        try {
            Process p = new ProcessBuilder("python3", "-c", "import socket; socket.send_fds; socket.recv_fds")
                    .redirectErrorStream(true).start();
            boolean done = p.waitFor(20, TimeUnit.SECONDS);
            Assumptions.assumeTrue(done && p.exitValue() == 0, "python3 with socket.send_fds (3.9+) not available");
        } catch (IOException e) {
            Assumptions.abort("python3 not available: " + e.getMessage());
        }
        script = tmp.resolve("fds.py");
        try (InputStream in = PythonFdInteropTest.class.getResourceAsStream("/interop/fds.py")) {
            Assumptions.assumeTrue(in != null, "interop/fds.py resource missing");
            Files.write(script, in.readAllBytes());
        }
    }

    private Process start(String... args) throws IOException {
        List<String> cmd = new java.util.ArrayList<>(List.of("python3", script.toString()));
        cmd.addAll(List.of(args));
        return new ProcessBuilder(cmd).redirectErrorStream(true).start();
    }

    private static String finish(Process p) throws Exception {
        if (!p.waitFor(20, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("python peer did not finish");
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), "python peer failed: " + out);
        return out;
    }

    private static Socket acceptOne(Socket listener, Process peer) throws Exception {
        for (int i = 0; i < 200; i++) {
            if (listener.poll(Poll.POLLIN, 100) != 0) return listener.accept();
            if (!peer.isAlive()) throw new AssertionError("python peer exited: " + finish(peer));
        }
        peer.destroyForcibly();
        throw new AssertionError("python peer never connected");
    }

    private Socket listen(Path path) throws IOException {
        Socket l = Socket.open(Domain.AF_UNIX, Type.STREAM);
        l.bind(SockAddr.parse(path.toString()));
        l.listen(1);
        return l;
    }

    @Test
    void receiveFileDescriptorFromPython() throws Exception {
        Path file = dir.resolve("from-python.txt");
        String content = "opened by python, read by ffsock through the passed descriptor\n";
        Files.writeString(file, content);
        Path sock = dir.resolve("s1");
        try (Socket l = listen(sock); Arena a = Arena.ofConfined(); Message in = new Message(1, Message.space(16))) {
            Process p = start("send", sock.toString(), file.toString());
            try (Socket c = acceptOne(l, p)) {
                in.addBuffer(a.allocate(16));
                assertEquals(1, c.recvmsg(in, 0));
                assertEquals('P', in.buffer(0).get(ValueLayout.JAVA_BYTE, 0));
                assertEquals(1, in.control().fdCount(), in.control().toString());
                int fd = in.control().takeFd(0);
                try {
                    MemorySegment buf = a.allocate(4096);
                    ByteArrayOutputStream got = new ByteArrayOutputStream();
                    long n;
                    while ((n = Sys.read(fd, buf, buf.byteSize())) > 0) got.write(buf.asSlice(0, n).toArray(ValueLayout.JAVA_BYTE));
                    assertEquals(content, got.toString(StandardCharsets.UTF_8));
                } finally {
                    Sys.close(fd);
                }
                c.send(new byte[] {'A'}, 0, 1, 0);
            }
            finish(p);
        }
    }

    @Test
    void sendFileDescriptorToPython() throws Exception {
        Path file = dir.resolve("from-java.txt");
        String content = "opened by ffsock, read by python through the passed descriptor\n".repeat(100);
        Files.writeString(file, content);
        Path sock = dir.resolve("s2");
        try (Socket l = listen(sock); Arena a = Arena.ofConfined(); Message out = new Message(1, Message.space(4))) {
            int fd = Sys.open(a.allocateFrom(file.toString()), 0x80000 /* O_RDONLY | O_CLOEXEC */);
            Process p = start("recv", sock.toString());
            try (Socket c = acceptOne(l, p)) {
                out.addBuffer(MemorySegment.ofArray(new byte[] {'J'})).addFds(fd);
                assertEquals(1, c.sendmsg(out, 0));
                Sys.close(fd); // python holds its own copy now
                ByteArrayOutputStream got = new ByteArrayOutputStream();
                byte[] buf = new byte[8192];
                int n;
                while ((n = c.recv(buf, 0, buf.length, 0)) > 0) got.write(buf, 0, n);
                assertEquals(content, got.toString(StandardCharsets.UTF_8));
            }
            finish(p);
        }
        assertTrue(Files.exists(file));
    }
}
