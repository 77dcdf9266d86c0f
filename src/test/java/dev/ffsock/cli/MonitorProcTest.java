package dev.ffsock.cli;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code ffsock monitor proc --pid P}: a shell the test starts waits on its stdin, then forks a
 * child and exits; the monitor prints exactly its fork and its exit. Needs root; skips otherwise.
 */
class MonitorProcTest {
    @Test
    void printsAProcesssForkAndExit() throws Exception {
        Process sh = new ProcessBuilder("sh", "-c", "read x; sh -c 'exit 5'; exit 0").start();
        try {
            long p = sh.pid();
            Cli.Lines out = new Cli.Lines();
            Cli.Lines err = new Cli.Lines();
            AtomicInteger status = new AtomicInteger(-1);
            Thread t = Thread.ofPlatform().start(() -> status.set(Main.run(
                    new String[] {"monitor", "proc", "--pid", Long.toString(p), "--count", "2", "--timeout", "30"},
                    new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8))));
            String ready = err.next(Duration.ofSeconds(20));
            Assumptions.assumeTrue(ready.startsWith("ffsock: monitoring proc"), "cannot subscribe to process events: " + ready);
            assertEquals("ffsock: monitoring proc of " + p + ", 2 events", ready);
            try (OutputStream in = sh.getOutputStream()) {
                in.write('\n');
            }
            assertTrue(sh.waitFor(30, TimeUnit.SECONDS));
            t.join(30_000);
            assertEquals(0, status.get(), () -> out.all() + err.all());
            String[] lines = out.all().split("\n");
            assertEquals(2, lines.length, out.all());
            assertTrue(lines[0].matches("fork " + p + "/" + p + " child (\\d+)/\\1"), lines[0]);
            assertTrue(lines[1].matches("exit " + p + "/" + p + " status 0 signal 17 parent " + ProcessHandle.current().pid() + "/\\d+"),
                    lines[1]);
        } finally {
            sh.destroy();
        }
    }

    @Test
    void badArguments() {
        assertEquals(2, Cli.run("monitor", "proc", "--pid", "0").status());
        assertEquals(2, Cli.run("monitor", "proc", "--json").status());
        Cli.Result h = Cli.run("monitor", "proc", "--help");
        assertEquals(0, h.status());
        assertTrue(h.out().startsWith("usage: ffsock monitor proc"), h.out());
    }
}
