package dev.ffsock;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The Java example in README.md (between {@code <!-- example:start -->} and {@code <!-- example:end -->})
 * compiles against the built module and runs, in a JVM of its own, with the output it promises.
 */
class ReadmeExampleTest {
    private static final Pattern EXAMPLE = Pattern.compile(
            "<!-- example:start -->\\s*```java\\n(.*?)```\\s*<!-- example:end -->", Pattern.DOTALL);
    private static final Pattern CLASS_NAME = Pattern.compile("public\\s+(?:final\\s+)?class\\s+(\\w+)");

    @TempDir
    Path dir;

    @Test
    void readmeExampleCompilesAndRuns() throws Exception {
        Path base = Path.of(System.getProperty("ffsock.basedir", ".")).toAbsolutePath();
        String readme = Files.readString(base.resolve("README.md"));
        Matcher m = EXAMPLE.matcher(readme);
        assertTrue(m.find(), "README.md has no ```java block between <!-- example:start --> and <!-- example:end -->");
        String source = m.group(1);
        Matcher name = CLASS_NAME.matcher(source);
        assertTrue(name.find(), "the README example declares no public class");
        String className = name.group(1);
        Path modulePath = base.resolve("target/classes");
        assertTrue(Files.isRegularFile(modulePath.resolve("module-info.class")), "module not built: " + modulePath);

        Path src = dir.resolve("src").resolve(className + ".java");
        Path classes = dir.resolve("classes");
        Files.createDirectories(src.getParent());
        Files.createDirectories(classes);
        Files.writeString(src, source);

        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        assertNotNull(javac, "no system Java compiler (a JRE, not a JDK?)");
        ByteArrayOutputStream diagnostics = new ByteArrayOutputStream();
        int rc = javac.run(null, diagnostics, diagnostics, "--release", "22", "-Xlint:all", "-Werror",
                "--module-path", modulePath.toString(), "--add-modules", "dev.ffsock",
                "-d", classes.toString(), src.toString());
        assertEquals(0, rc, () -> "README example does not compile:\n" + diagnostics.toString(StandardCharsets.UTF_8));

        String java = ProcessHandle.current().info().command().orElseThrow();
        Process p = new ProcessBuilder(List.of(java, "--module-path", modulePath.toString(), "--add-modules", "dev.ffsock",
                "--enable-native-access=dev.ffsock", "-cp", classes.toString(), className))
                .redirectErrorStream(true).start();
        p.getOutputStream().close();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            fail("README example did not finish in 60 s");
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), () -> "README example exited " + p.exitValue() + ":\n" + out);
        assertTrue(out.contains("got 5 bytes: hello"), () -> "unexpected output:\n" + out);
        assertTrue(out.contains("peer pid is ours: true"), () -> "unexpected output:\n" + out);
        assertTrue(!out.contains("WARNING"), () -> "the example printed warnings:\n" + out);
    }
}
