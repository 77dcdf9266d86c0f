package dev.ffsock.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ffsock.Domain;
import dev.ffsock.NetworkNamespace;
import dev.ffsock.Protocol;
import dev.ffsock.SockAddr;
import dev.ffsock.SockAddrIn;
import dev.ffsock.SockAddrIn6;
import dev.ffsock.Socket;
import dev.ffsock.Type;
import dev.ffsock.netlink.uevent.TestNamespace;

import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A network namespace holding only sockets a test made, for comparing {@code ffsock sockets} with
 * {@code ss} run inside it: nothing else can add or remove a socket between the two reads.
 */
final class SsCompareNetns implements AutoCloseable {
    final TestNamespace ns;
    private final List<Socket> open = new ArrayList<>();

    private SsCompareNetns(TestNamespace ns) {
        this.ns = ns;
    }

    /** Makes the namespace with lo up and 10.1.2.3/8 on it, or skips the test with the reason. */
    static SsCompareNetns create(String test) throws Exception {
        TestNamespace.Result v = TestNamespace.run("ss", "-V");
        Assumptions.assumeTrue(v.status() == 0, () -> "no ss to compare with: " + v.output());
        TestNamespace.Result nsenter = TestNamespace.run("nsenter", "--version");
        Assumptions.assumeTrue(nsenter.status() == 0, () -> "no nsenter to run ss in the namespace: " + nsenter.output());
        TestNamespace ns = TestNamespace.create(test);
        SsCompareNetns n = new SsCompareNetns(ns);
        try {
            TestNamespace.Result up = ns.ip("link", "set", "lo", "up");
            Assumptions.assumeTrue(up.status() == 0, up::output);
            TestNamespace.Result addr = ns.ip("addr", "add", "10.1.2.3/8", "dev", "lo");
            Assumptions.assumeTrue(addr.status() == 0, addr::output);
        } catch (RuntimeException | Error e) {
            n.close();
            throw e;
        }
        return n;
    }

    /** {@return a new socket in the namespace, closed with it} */
    Socket socket(Domain d, Type t) throws IOException {
        return socket(d, t, Protocol.DEFAULT);
    }

    /** {@return a new socket of protocol {@code p} in the namespace, closed with it} */
    Socket socket(Domain d, Type t, Protocol p) throws IOException {
        Socket s = NetworkNamespace.open(ns.name(), d, t, p);
        open.add(s);
        return s;
    }

    static int port(Socket s) throws IOException {
        SockAddr a = s.getsockname();
        return a instanceof SockAddrIn in ? in.port() : ((SockAddrIn6) a).port();
    }

    /** {@return a listener on {@code addr}} */
    Socket listen(SockAddr addr, Domain d) throws IOException {
        Socket l = socket(d, Type.STREAM);
        l.bind(addr);
        l.listen(8);
        return l;
    }

    /** {@return [client, accepted] of a connection to {@code listener} at {@code to}} */
    Socket[] connect(Socket listener, SockAddr to, Domain d) throws IOException {
        Socket c = socket(d, Type.STREAM);
        c.connect(to);
        Socket a = listener.accept();
        open.add(a);
        return new Socket[] {c, a};
    }

    /**
     * {@return ss's standard output in the namespace, {@code ss -n ARGS}} Its standard error is left out:
     * ss reports tables this kernel has no diag module for (e.g. "RTNETLINK answers: Invalid argument")
     * and lists the rest. ss runs under {@code nsenter --net}, which enters only the network namespace:
     * {@code ip netns exec} also remounts /sys, where ss finds the cgroup paths {@code -e} prints.
     */
    String ss(List<String> args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("nsenter", "--net=/run/netns/" + ns.name(), "ss", "-n"));
        cmd.addAll(args);
        Path out = Files.createTempFile("ffsock-ss", ".out");
        try {
            Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            assertTrue(p.waitFor(20, TimeUnit.SECONDS), () -> cmd + ": timed out");
            assertEquals(0, p.exitValue(), () -> cmd + " failed");
            return Files.readString(out, StandardCharsets.UTF_8);
        } finally {
            Files.deleteIfExists(out);
        }
    }

    /** {@return ffsock's output for the namespace, {@code ffsock sockets --netns NS ARGS}} */
    String ffsock(List<String> args) {
        List<String> cmd = new ArrayList<>(List.of("sockets", "--netns", ns.name()));
        cmd.addAll(args);
        Cli.Result r = Cli.run(cmd.toArray(String[]::new));
        assertEquals(0, r.status(), r::toString);
        return r.out();
    }

    /** {@return the whitespace-separated words of each non-blank line} */
    static List<List<String>> lines(String out) {
        List<List<String>> r = new ArrayList<>();
        for (String l : out.split("\n")) if (!l.isBlank()) r.add(Arrays.asList(l.trim().split("\\s+")));
        return r;
    }

    @Override
    public void close() throws Exception {
        open.forEach(Socket::close);
        ns.close();
    }
}
