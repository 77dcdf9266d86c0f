package dev.ffsock;

import org.junit.jupiter.api.Test;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Runs {@link VirtualStressMain} (10,000 virtual threads in recv, 1,000 in accept plus 1,000
 * connecting) in a forked JVM with {@code -Djdk.virtualThreadScheduler.parallelism=2} and
 * {@code maxPoolSize=2}: the scheduler settings must be in place before the first virtual thread
 * starts, which cannot be arranged inside Surefire's shared JVM without slowing every other test,
 * and a pool that cannot grow makes any carrier blocked in a system call show up as a stalled
 * ticker. The child also runs with JFR, and no {@code jdk.VirtualThreadPinned} event may be
 * recorded. The child runs on the class path (target/classes and target/test-classes).
 */
class VirtualThreadStressTest {

    @Test
    void tenThousandBlockedVirtualThreadsOnTwoCarriers() throws Exception {
        Path target = ChildJvm.target();
        Path jfr = target.resolve("virtual-stress.jfr");
        Files.deleteIfExists(jfr);
        ChildJvm.Result r = ChildJvm.run(VirtualStressMain.class, List.of(
                "-Djdk.virtualThreadScheduler.parallelism=2",
                "-Djdk.virtualThreadScheduler.maxPoolSize=2",
                "-XX:StartFlightRecording=filename=" + jfr + ",settings=default",
                "-Xlog:jfr=warning"), List.of("10000", "1000"), "virtual-stress.out", 150);
        assertTrue(r.finished(), "child JVM did not finish in time:\n" + r.output());
        assertEquals(0, r.status(), r.output());
        assertTrue(r.output().contains("OK"), r.output());

        String javaHome = System.getProperty("java.home");
        Process print = new ProcessBuilder(Path.of(javaHome, "bin", "jfr").toString(), "print", "--events",
                "jdk.VirtualThreadPinned", jfr.toString()).redirectErrorStream(true).start();
        assertTrue(print.waitFor(60, TimeUnit.SECONDS), "jfr print did not finish");
        String pinned = new String(print.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, print.exitValue(), pinned);
        System.out.println("jdk.VirtualThreadPinned events: " + (pinned.isBlank() ? "none" : "\n" + pinned));
        assertFalse(pinned.contains("jdk.VirtualThreadPinned"), pinned);
    }
}
