package dev.ffsock.netlink.uevent;

import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/** A throw-away network namespace ({@code ip netns add ffsock-<test>-<random>}), deleted on close. */
public final class TestNamespace implements AutoCloseable {
    private final String name;

    private TestNamespace(String name) {
        this.name = name;
    }

    /** Creates one, or aborts the test with the reason if {@code ip} or the kernel refuses. */
    public static TestNamespace create(String test) throws IOException, InterruptedException {
        String name = "ffsock-" + test + "-" + Integer.toHexString(ThreadLocalRandom.current().nextInt(1 << 24));
        Result r = run("ip", "netns", "add", name);
        Assumptions.assumeTrue(r.status == 0, () -> "cannot create a network namespace: " + r.output);
        return new TestNamespace(name);
    }

    /** {@return the namespace's name} */
    public String name() {
        return name;
    }

    /** Runs {@code ip -n NAME args...}; returns its status and output. */
    public Result ip(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("ip", "-n", name));
        cmd.addAll(List.of(args));
        return run(cmd.toArray(String[]::new));
    }

    /** The outcome of a command. */
    public record Result(int status, String output) {
    }

    /** Runs a command for at most 10 seconds. */
    public static Result run(String... cmd) throws IOException, InterruptedException {
        // Output goes to a file, not a pipe: a command printing more than a pipe holds (ss on a busy
        // host) would otherwise block writing while this waits for it to exit.
        java.nio.file.Path out = java.nio.file.Files.createTempFile("ffsock-cmd", ".out");
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(out.toFile()).start();
            if (!p.waitFor(10, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return new Result(-1, String.join(" ", cmd) + ": timed out");
            }
            return new Result(p.exitValue(), java.nio.file.Files.readString(out, StandardCharsets.UTF_8));
        } finally {
            java.nio.file.Files.deleteIfExists(out);
        }
    }

    /** Deletes the namespace (and the devices in it). */
    @Override
    public void close() throws IOException, InterruptedException {
        run("ip", "netns", "del", name);
    }
}
