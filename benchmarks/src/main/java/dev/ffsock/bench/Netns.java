package dev.ffsock.bench;

import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * Base of the netlink cases' states. {@code net} only labels where the fork runs: benchmarks/run
 * starts a separate JMH run inside a populated namespace ({@code ip netns exec NS java …}) and passes
 * {@code -p net=<label>}, so the report can tell the host's numbers from the namespace's.
 */
@State(Scope.Thread)
public abstract class Netns {
    /** Where this JVM runs: {@code host}, or the label of the namespace benchmarks/run made. */
    @Param({"host"})
    public String net;

    /** Scratch buffer for draining a child's output. */
    private final byte[] drain = new byte[1 << 16];

    /**
     * Runs {@code command} (e.g. {@code ip -j addr}), reads all its output and waits for it: what
     * a Java program calling the tool per query pays. Fails on a non-zero exit.
     *
     * @return the bytes of output
     */
    long run(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        long bytes = 0;
        try (InputStream in = p.getInputStream()) {
            for (int n; (n = in.read(drain)) >= 0; ) bytes += n;
        }
        int rc = p.waitFor();
        if (rc != 0) throw new IOException(command + " exited with " + rc);
        return bytes;
    }
}
