package dev.ffsock.netlink;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;

/**
 * A throw-away named network namespace ({@code ip netns add ffsock-nl-RANDOM}) for the connection
 * tests, plus helpers that run {@code ip} against it. Closing deletes it (and everything in it).
 */
final class NetlinkTestNamespace implements AutoCloseable {
    final String name;

    private NetlinkTestNamespace(String name) {
        this.name = name;
    }

    /** Creates a namespace, or aborts the test (skip) with the reason when that is refused here. */
    static NetlinkTestNamespace create() throws IOException, InterruptedException {
        String name = "ffsock-nl-" + Integer.toHexString(ThreadLocalRandom.current().nextInt() & 0x7fffffff);
        Result r = run(null, "ip", "netns", "add", name);
        Assumptions.assumeTrue(r.status == 0, () -> "cannot create a network namespace: " + r.output);
        return new NetlinkTestNamespace(name);
    }

    /** Runs {@code ip -n NAME args...} and fails on a non-zero exit. */
    String ip(String... args) throws IOException, InterruptedException {
        String[] cmd = new String[args.length + 3];
        cmd[0] = "ip";
        cmd[1] = "-n";
        cmd[2] = name;
        System.arraycopy(args, 0, cmd, 3, args.length);
        Result r = run(null, cmd);
        if (r.status != 0) throw new IOException(String.join(" ", cmd) + " failed (" + r.status + "): " + r.output);
        return r.output;
    }

    /** Runs {@code ip -n NAME -batch FILE} over the given commands (one per line). */
    void batch(List<String> commands) throws IOException, InterruptedException {
        Path f = Files.createTempFile("ffsock-nl-batch", ".txt");
        try {
            Files.write(f, commands, StandardCharsets.UTF_8);
            ip("-batch", f.toString());
        } finally {
            Files.deleteIfExists(f);
        }
    }

    /** Number of non-empty lines {@code ip -n NAME args...} prints. */
    int lines(String... args) throws IOException, InterruptedException {
        return (int) ip(args).lines().filter(l -> !l.isBlank()).count();
    }

    @Override
    public void close() throws IOException, InterruptedException {
        Result r = run(null, "ip", "netns", "del", name);
        if (r.status != 0) throw new IOException("ip netns del " + name + ": " + r.output);
    }

    record Result(int status, String output) {
    }

    static Result run(Path dir, String... cmd) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        if (dir != null) pb.directory(dir.toFile());
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException(String.join(" ", cmd) + " did not finish");
        }
        return new Result(p.exitValue(), out);
    }
}
