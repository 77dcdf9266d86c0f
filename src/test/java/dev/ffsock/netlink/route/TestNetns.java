package dev.ffsock.netlink.route;

import dev.ffsock.netlink.Netlink;
import dev.ffsock.netlink.NetlinkConnection;
import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * A network namespace made for one test class ({@code ip netns add ffsock-chg-<random>}) and
 * deleted by {@link #close()}; runs {@code ip -n NS …} and parses {@code ip -j} output.
 */
public final class TestNetns implements AutoCloseable {
    public final String name;

    private TestNetns(String name) {
        this.name = name;
    }

    /** Creates a namespace named {@code ffsock-PREFIX-<random>}, or aborts the test with the reason it could not. */
    public static TestNetns create(String prefix) throws IOException, InterruptedException {
        String name = "ffsock-" + prefix + "-" + Long.toHexString(ThreadLocalRandom.current().nextLong() & 0xffffffffL);
        Result r = exec(List.of("ip", "netns", "add", name));
        Assumptions.assumeTrue(r.status == 0, "cannot create a network namespace (ip netns add): " + r.err.strip());
        TestNetns ns = new TestNetns(name);
        // lo up, so that the namespace behaves like a normal one (local routes, ::1)
        ns.ip("link", "set", "lo", "up");
        return ns;
    }

    /** {@return a new rtnetlink connection inside the namespace} */
    NetlinkConnection connect() throws IOException {
        return NetlinkConnection.open(Netlink.NETLINK_ROUTE, name);
    }

    /** Runs {@code ip -n NS ARGS…}, failing on a non-zero status; {@return its stdout} */
    public String ip(String... args) throws IOException, InterruptedException {
        Result r = ipResult(args);
        if (r.status != 0) throw new AssertionError("ip -n " + name + " " + String.join(" ", args) + ": status " + r.status + ": " + r.err);
        return r.out;
    }

    /** Runs {@code ip -n NS ARGS…}. */
    Result ipResult(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("ip", "-n", name));
        cmd.addAll(List.of(args));
        return exec(cmd);
    }

    /** Runs {@code ip -n NS -j ARGS…} and parses the array it prints. */
    List<Map<String, Object>> json(String... args) throws IOException, InterruptedException {
        List<String> a = new ArrayList<>(List.of("-j"));
        a.addAll(List.of(args));
        return dev.ffsock.testutil.Json.array(ip(a.toArray(String[]::new)).strip());
    }

    /** The outcome of a command. */
    public record Result(int status, String out, String err) {
    }

    public static Result exec(List<String> cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).start();
        p.getOutputStream().close();
        // ip's output is small except for big route tables: read stdout on this thread, stderr after.
        byte[] out = p.getInputStream().readAllBytes();
        byte[] err = p.getErrorStream().readAllBytes();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly().waitFor();
            throw new AssertionError("timed out: " + String.join(" ", cmd));
        }
        return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8), new String(err, StandardCharsets.UTF_8));
    }

    /** Deletes the namespace (and with it every link and route in it). */
    @Override
    public void close() throws IOException, InterruptedException {
        Result r = exec(List.of("ip", "netns", "del", name));
        if (r.status != 0) System.err.println("ip netns del " + name + ": " + r.err);
    }
}
