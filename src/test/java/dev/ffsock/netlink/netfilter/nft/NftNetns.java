package dev.ffsock.netlink.netfilter.nft;

import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * A network namespace for nf_tables tests ({@code ffsock-nft-<random>}, deleted by {@link #close()},
 * and its ruleset with it), with loopback up. Tests skip, with the reason, when there is no root,
 * no {@code nft}, or the namespace cannot be made. The host's ruleset is never touched.
 */
public final class NftNetns implements AutoCloseable {
    /** The namespace's name. */
    public final String name;

    private NftNetns(String name) {
        this.name = name;
    }

    /** The outcome of a command. */
    public record Result(int status, String out, String err) {
    }

    /** Creates the namespace, or aborts the test with the reason it cannot. */
    public static NftNetns create() throws Exception {
        Assumptions.assumeTrue(exec(List.of("sh", "-c", "command -v nft"), null).status == 0,
                "nft is not installed (.ci/run installs it; apt-get install nftables)");
        String name = "ffsock-nft-" + Long.toHexString(ThreadLocalRandom.current().nextLong() & 0xffffffffL);
        Result r = exec(List.of("ip", "netns", "add", name), null);
        Assumptions.assumeTrue(r.status == 0, "cannot create a network namespace (ip netns add): " + r.err.strip());
        NftNetns ns = new NftNetns(name);
        try {
            ns.nft(null, "list", "ruleset");
        } catch (Throwable t) {
            ns.close();
            Assumptions.abort("nft cannot run in a namespace: " + t.getMessage());
        }
        return ns;
    }

    /** Runs {@code nft ARGS} in the namespace (with {@code stdin} fed to it) and fails unless it succeeds; {@return its stdout} */
    public String nft(String stdin, String... args) throws IOException, InterruptedException {
        Result r = nftResult(stdin, args);
        if (r.status != 0) throw new AssertionError("nft " + String.join(" ", args) + " in " + name + ": status " + r.status + ": " + r.err);
        return r.out;
    }

    /** Runs {@code nft ARGS} in the namespace; {@return its outcome} */
    public Result nftResult(String stdin, String... args) throws IOException, InterruptedException {
        List<String> c = new ArrayList<>(List.of("ip", "netns", "exec", name, "nft"));
        c.addAll(List.of(args));
        return exec(c, stdin);
    }

    /** Loads a ruleset with {@code nft -f -}, or aborts the test when the kernel refuses a feature. */
    public void load(String ruleset) throws IOException, InterruptedException {
        Result r = nftResult(ruleset, "-f", "-");
        Assumptions.assumeTrue(r.status == 0, "the kernel refuses the test ruleset: " + r.err.strip());
    }

    /** Runs a command inside the namespace ({@code ip netns exec}); {@return its outcome} */
    public Result in(String... cmd) throws IOException, InterruptedException {
        List<String> c = new ArrayList<>(List.of("ip", "netns", "exec", name));
        c.addAll(List.of(cmd));
        return exec(c, null);
    }

    static Result exec(List<String> cmd, String stdin) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).start();
        if (stdin != null) p.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
        p.getOutputStream().close();
        byte[] out = p.getInputStream().readAllBytes();
        byte[] err = p.getErrorStream().readAllBytes();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly().waitFor();
            throw new AssertionError("timed out: " + String.join(" ", cmd));
        }
        return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8), new String(err, StandardCharsets.UTF_8));
    }

    /** Deletes the namespace, and with it its ruleset. */
    @Override
    public void close() throws IOException, InterruptedException {
        Result r = exec(List.of("ip", "netns", "del", name), null);
        if (r.status != 0) System.err.println("ip netns del " + name + ": " + r.err);
    }
}
