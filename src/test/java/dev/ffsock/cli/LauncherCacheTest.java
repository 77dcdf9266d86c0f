package dev.ffsock.cli;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * {@code bin/ffsock}'s remembered JDK and start-up cache, as real processes: the launcher runs a jar
 * made here from {@code target/classes} ({@code FFSOCK_JAR}) with its cache in a temporary directory
 * ({@code FFSOCK_CACHE_DIR}), on the JDK running the tests. A stale, corrupt or unwritable cache must
 * never change what the command prints or its status, and costs at most one line on stderr.
 */
@Timeout(300)
class LauncherCacheTest {
    private static final Path BASEDIR = Path.of(System.getProperty("ffsock.basedir", "."));
    private static final Path JAVA_HOME = Path.of(System.getProperty("java.home"));
    private static final String KIND = Runtime.version().feature() >= 24 ? "aot" : "jsa";

    @TempDir
    Path dir;
    Path jar;
    Path cache;

    record Run(int status, String out, String err) {
    }

    @BeforeEach
    void jar() throws Exception {
        Path script = BASEDIR.resolve("bin/ffsock");
        Path classes = BASEDIR.resolve("target/classes");
        Assumptions.assumeTrue(Files.isExecutable(script), "no executable " + script);
        Assumptions.assumeTrue(Files.isRegularFile(classes.resolve("module-info.class")), "no " + classes);
        jar = dir.resolve("ffsock.jar");
        makeJar(jar);
        cache = dir.resolve("cache");
    }

    private void makeJar(Path to) throws Exception {
        Path tool = JAVA_HOME.resolve("bin/jar");
        Assumptions.assumeTrue(Files.isExecutable(tool), "no jar tool in " + JAVA_HOME);
        Files.deleteIfExists(to);
        Process p = new ProcessBuilder(tool.toString(), "--create", "--file", to.toString(),
                "-C", BASEDIR.resolve("target/classes").toString(), ".")
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), out);
    }

    private Run ffsock(Map<String, String> env, String... args) throws Exception {
        return launch(List.of("bash", BASEDIR.resolve("bin/ffsock").toString()), env, args);
    }

    /** Runs {@code prefix} + {@code args} with the test's JDK, jar, cache directory and trace on. */
    private Run launch(List<String> prefix, Map<String, String> env, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(prefix);
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectError(dir.resolve("err.txt").toFile());
        pb.environment().put("JAVA_HOME", JAVA_HOME.toString());
        pb.environment().put("FFSOCK_JAR", jar.toString());
        pb.environment().put("FFSOCK_CACHE_DIR", cache.toString());
        pb.environment().put("FFSOCK_TRACE", "1");
        pb.environment().putAll(env);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "bin/ffsock did not finish");
        return new Run(p.exitValue(), out, Files.readString(dir.resolve("err.txt")));
    }

    private Run ffsock(String... args) throws Exception {
        return ffsock(Map.of(), args);
    }

    /** stderr without the FFSOCK_TRACE line (the java command). */
    private static List<String> complaints(Run r) {
        return r.err().lines().filter(l -> !l.startsWith("ffsock: " + JAVA_HOME)).toList();
    }

    private static String command(Run r) {
        return r.err().lines().filter(l -> l.startsWith("ffsock: " + JAVA_HOME)).findFirst().orElse("");
    }

    /** Runs {@code addr --json} and checks it printed the JSON array, status 0, nothing else on stderr. */
    private Run addrJson() throws Exception {
        Run r = ffsock("addr", "--json");
        assertEquals(0, r.status(), r::toString);
        assertTrue(r.out().startsWith("[{\"ifindex\":"), r::toString);
        assertEquals(List.of(), complaints(r), r::toString);
        return r;
    }

    /** Waits until the background build has written the stamp for the current jar. */
    private void awaitCacheFor(Path jarNow) throws Exception {
        Path stamp = cache.resolve("ffsock." + KIND + ".stamp");
        String size = Long.toString(Files.size(jarNow));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(150);
        while (System.nanoTime() < deadline) {
            if (Files.exists(stamp) && Files.readString(stamp).startsWith(size + ".")
                    && !Files.exists(cache.resolve("ffsock." + KIND + ".lock"))) {
                return;
            }
            Path failed = cache.resolve("ffsock." + KIND + ".failed");
            if (Files.exists(failed)) fail("no cache made: " + read(cache.resolve("build.log")));
            Thread.sleep(200);
        }
        fail("no start-up cache after 150 s: " + read(cache.resolve("build.log")));
    }

    @Test
    void cacheIsMadeOnFirstUseThenUsed() throws Exception {
        Run first = addrJson();
        assertFalse(command(first).contains("-XX:AOTCache=") || command(first).contains("-XX:SharedArchiveFile="), first::toString);
        awaitCacheFor(jar);
        Run second = addrJson();
        assertTrue(command(second).contains(cache.resolve("ffsock." + KIND).toString()), second::toString);
        assertEquals(first.out().isEmpty(), second.out().isEmpty());
    }

    @Test
    void staleJarIsNotStartedFromTheOldCacheAndTheCacheIsRemade() throws Exception {
        addrJson();
        awaitCacheFor(jar);
        // A different jar: one more entry, a later time.
        Files.writeString(dir.resolve("extra.txt"), "x");
        Process p = new ProcessBuilder(JAVA_HOME.resolve("bin/jar").toString(), "--update", "--file", jar.toString(),
                "-C", dir.toString(), "extra.txt").redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        Files.setLastModifiedTime(jar, FileTime.fromMillis(System.currentTimeMillis() + 60_000));
        Run stale = addrJson();
        assertFalse(command(stale).contains("-XX:AOTCache=") || command(stale).contains("-XX:SharedArchiveFile="), stale::toString);
        awaitCacheFor(jar);
        Run fresh = addrJson();
        assertTrue(command(fresh).contains(cache.resolve("ffsock." + KIND).toString()), fresh::toString);
    }

    @Test
    void corruptCacheFileIsIgnoredThenRemade() throws Exception {
        addrJson();
        awaitCacheFor(jar);
        Path file = cache.resolve("ffsock." + KIND);
        FileTime time = Files.getLastModifiedTime(file);
        long size = Files.size(file);

        // Garbage of the same size and time: the stamp matches, so the JVM gets the file and must
        // ignore it without a word.
        byte[] junk = new byte[(int) size];
        new java.util.Random(1).nextBytes(junk);
        Files.write(file, junk);
        Files.setLastModifiedTime(file, time);
        Run same = addrJson();
        assertTrue(command(same).contains(file.toString()), same::toString);

        // Truncated: the stamp no longer matches, so it is not used, and it is made again.
        Files.write(file, new byte[] {1, 2, 3});
        Run truncated = addrJson();
        assertFalse(command(truncated).contains(file.toString()), truncated::toString);
        awaitCacheFor(jar);
        assertTrue(Files.size(file) > 1000);
        Run again = addrJson();
        assertTrue(command(again).contains(file.toString()), again::toString);
    }

    @Test
    void unwritableCacheDirectoryCostsOneLineOnStderr() throws Exception {
        // Under a regular file: no one, root included, can make that directory.
        Files.writeString(dir.resolve("a-file"), "");
        cache = dir.resolve("a-file/cache");
        Run r = ffsock("addr", "--json");
        assertEquals(0, r.status(), r::toString);
        assertTrue(r.out().startsWith("[{\"ifindex\":"), r::toString);
        assertEquals(1, complaints(r).size(), r::toString);
        assertTrue(complaints(r).get(0).startsWith("ffsock: no writable cache directory"), r::toString);
    }

    @Test
    void readOnlyCacheDirectoryIsReadNeverWritten() throws Exception {
        addrJson();
        awaitCacheFor(jar);
        Path file = cache.resolve("ffsock." + KIND);
        FileTime before = Files.getLastModifiedTime(file);

        // Another user's cache, or a read-only file system: a matching cache is used as it is.
        Run r = readOnly("addr", "--json");
        assertEquals(0, r.status(), r::toString);
        assertTrue(r.out().startsWith("[{\"ifindex\":"), r::toString);
        assertEquals(List.of(), complaints(r), r::toString);
        assertTrue(command(r).contains(file.toString()), r::toString);

        // A stale one there cannot be remade: not used, and one line says why.
        Files.delete(cache.resolve("ffsock." + KIND + ".stamp"));
        r = readOnly("addr", "--json");
        assertEquals(0, r.status(), r::toString);
        assertTrue(r.out().startsWith("[{\"ifindex\":"), r::toString);
        assertFalse(command(r).contains(file.toString()), r::toString);
        assertEquals(1, complaints(r).size(), r::toString);
        assertTrue(complaints(r).get(0).startsWith("ffsock: no writable cache directory"), r::toString);
        assertEquals(before, Files.getLastModifiedTime(file));
        try (var s = Files.list(cache)) {
            assertEquals(List.of(), s.filter(f -> f.getFileName().toString().contains(".lock")
                    || f.getFileName().toString().contains(".tmp")).toList());
        }
    }

    /**
     * Runs the launcher with the cache directory read-only: as root (whom permissions do not stop)
     * under a read-only bind mount in a mount namespace of its own, else with the write bits off.
     */
    private Run readOnly(String... args) throws Exception {
        boolean root = "root".equals(System.getProperty("user.name"));
        if (!root) {
            assertTrue(cache.toFile().setWritable(false, false));
            try {
                return ffsock(args);
            } finally {
                cache.toFile().setWritable(true, true);
            }
        }
        String script = "mount --bind \"$FFSOCK_CACHE_DIR\" \"$FFSOCK_CACHE_DIR\" && "
                + "mount -o remount,bind,ro \"$FFSOCK_CACHE_DIR\" && exec bash \"$0\" \"$@\"";
        Run r = launch(List.of("unshare", "-m", "sh", "-c", script, BASEDIR.resolve("bin/ffsock").toString()),
                Map.of(), args);
        Assumptions.assumeFalse(r.err().contains("unshare:") || r.err().contains("mount:"),
                "no read-only bind mount here: " + r.err());
        return r;
    }

    @Test
    void remembersTheJdkAndSearchesAgainWhenItDisappears() throws Exception {
        Map<String, String> noCache = Map.of("FFSOCK_NO_CACHE", "1");
        Run r = ffsock(noCache, "help");
        assertEquals(0, r.status(), r::toString);
        Path remembered = cache.resolve("java");
        List<String> lines = Files.readAllLines(remembered);
        assertEquals(List.of(JAVA_HOME.toString(), JAVA_HOME.resolve("bin/java").toString(),
                Integer.toString(Runtime.version().feature())), lines);

        // A remembered java that is gone: searched for again, and remembered anew.
        Files.write(remembered, List.of(JAVA_HOME.toString(), dir.resolve("gone/bin/java").toString(), "25"));
        r = ffsock(noCache, "help");
        assertEquals(0, r.status(), r::toString);
        assertTrue(r.out().startsWith("usage: ffsock"), r::toString);
        assertEquals(lines, Files.readAllLines(remembered));

        // A remembered java that still exists is used as it is (no search): a stand-in proves it.
        Path fake = dir.resolve("fake/bin/java");
        Files.createDirectories(fake.getParent());
        Files.writeString(fake, "#!/bin/sh\necho fake-java \"$@\"\n");
        assertTrue(fake.toFile().setExecutable(true));
        Files.write(remembered, List.of(JAVA_HOME.toString(), fake.toString(), "25"));
        r = ffsock(noCache, "help");
        assertTrue(r.out().startsWith("fake-java "), r::toString);
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            return "";
        }
    }
}
