package dev.ffsock;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs a test main in a forked JVM of the running JDK, on the class path (target/classes and
 * target/test-classes), for settings that must be in place before the JVM starts (the virtual-thread
 * scheduler's size, JFR). Output goes to a file, not a pipe, so a chatty child never blocks.
 */
final class ChildJvm {
    private ChildJvm() {
    }

    /** What the child did: whether it finished in time, its exit status and its output. */
    record Result(boolean finished, int status, String output) {
    }

    static Path target() {
        return Path.of(System.getProperty("ffsock.basedir", ".")).toAbsolutePath().resolve("target");
    }

    /**
     * Runs {@code main} with {@code jvmOptions} and {@code args}, writing its output to
     * target/{@code logName}; kills it after {@code timeoutSeconds}.
     */
    static Result run(Class<?> main, List<String> jvmOptions, List<String> args, String logName, int timeoutSeconds)
            throws Exception {
        Path target = target();
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("--enable-native-access=ALL-UNNAMED");
        cmd.addAll(jvmOptions);
        cmd.addAll(List.of("-cp", target.resolve("classes") + File.pathSeparator + target.resolve("test-classes"),
                main.getName()));
        cmd.addAll(args);
        Path log = target.resolve(logName);
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        boolean done = p.waitFor(timeoutSeconds, TimeUnit.SECONDS);
        if (!done) p.destroyForcibly().waitFor();
        String out = Files.readString(log, StandardCharsets.UTF_8);
        System.out.println(out);
        return new Result(done, done ? p.exitValue() : -1, out);
    }

    /**
     * Runs {@code main} in a JVM whose virtual-thread scheduler has one carrier that cannot be
     * replaced ({@code parallelism=1}, {@code maxPoolSize=1}) and asserts that it finished within 90 s,
     * exited 0 and printed {@code OK}; its output goes to target/{@code logName}.
     */
    static void assertOkOnOneCarrier(Class<?> main, String logName) throws Exception {
        Result r = run(main, List.of("-Djdk.virtualThreadScheduler.parallelism=1",
                "-Djdk.virtualThreadScheduler.maxPoolSize=1"), List.of(), logName, 90);
        org.junit.jupiter.api.Assertions.assertTrue(r.finished(), "child JVM did not finish:\n" + r.output());
        org.junit.jupiter.api.Assertions.assertEquals(0, r.status(), r.output());
        org.junit.jupiter.api.Assertions.assertTrue(r.output().contains("OK"), r.output());
    }
}
