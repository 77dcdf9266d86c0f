package dev.ffsock.cli;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code ffsock} as a real process: signal handling, and the {@code bin/ffsock} launcher. */
@Timeout(120)
class ProcessTest {
    private static final Path BASEDIR = Path.of(System.getProperty("ffsock.basedir", "."));
    private static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();

    @TempDir
    Path dir;

    @Test
    void sigtermStopsEchoWithStatus0AndRemovesTheSocketFile() throws Exception {
        Path classes = BASEDIR.resolve("target/classes");
        Assumptions.assumeTrue(Files.isRegularFile(classes.resolve("module-info.class")), "no " + classes);
        Path sock = dir.resolve("echo.sock");
        Process p = new ProcessBuilder(JAVA, "--enable-native-access=dev.ffsock", "-p", classes.toString(),
                "-m", "dev.ffsock/dev.ffsock.cli.Main", "echo", "--unix", sock.toString())
                .redirectError(dir.resolve("err.txt").toFile())
                .start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
            assertEquals("listening on " + sock, out.readLine(), () -> read(dir.resolve("err.txt")));
            assertTrue(Files.exists(sock));
            Cli.Result r = Cli.run("ping", "--unix", sock.toString(), "-n", "3");
            assertEquals(0, r.status(), r::toString);
            p.destroy(); // SIGTERM
            assertTrue(p.waitFor(30, TimeUnit.SECONDS), "echo did not stop on SIGTERM");
            assertEquals(0, p.exitValue(), () -> read(dir.resolve("err.txt")));
            assertFalse(Files.exists(sock), "socket file left behind");
            assertEquals("", read(dir.resolve("err.txt")));
        } finally {
            p.destroyForcibly();
        }
    }

    @Test
    void launcherHelp() throws Exception {
        Path script = BASEDIR.resolve("bin/ffsock");
        Assumptions.assumeTrue(Files.isExecutable(script), "no executable " + script);
        // The launcher builds the jar when it is missing or stale; a build from inside this build
        // would race with it (in 'mvn verify' the jar is made after the tests), so only run it
        // against an up-to-date jar.
        Path jar;
        try (Stream<Path> s = Files.list(BASEDIR.resolve("target"))) {
            jar = s.filter(f -> f.getFileName().toString().matches("ffsock-.*\\.jar")).findFirst().orElse(null);
        } catch (IOException e) {
            jar = null;
        }
        Assumptions.assumeTrue(jar != null, "no target/ffsock-*.jar yet (built after the tests in 'mvn verify')");
        FileTime built = Files.getLastModifiedTime(jar);
        Assumptions.assumeFalse(newerThan(BASEDIR.resolve("src/main"), built) || newerThan(BASEDIR.resolve("pom.xml"), built),
                "target/ffsock-*.jar is older than the sources; the launcher would rebuild it");
        ProcessBuilder pb = new ProcessBuilder("bash", script.toString(), "--help")
                .redirectError(dir.resolve("err.txt").toFile());
        pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), () -> out + read(dir.resolve("err.txt")));
        assertTrue(out.startsWith("usage: ffsock <command> [options]\n"), out);
        assertEquals("", read(dir.resolve("err.txt")));
    }

    private static boolean newerThan(Path root, FileTime t) throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            return s.anyMatch(f -> {
                try {
                    return Files.getLastModifiedTime(f).compareTo(t) > 0;
                } catch (IOException e) {
                    return true;
                }
            });
        }
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            return "";
        }
    }
}
