package dev.ffsock;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The layers know only the one below: the generated bindings are used by the syscall layer
 * ({@code dev.ffsock.internal}) alone; the syscall layer by the socket API ({@code dev.ffsock}) alone;
 * netlink and the CLI by neither.
 */
class LayeringTest {
    private static final Path SRC = Path.of(System.getProperty("ffsock.basedir", "."), "src", "main", "java", "dev", "ffsock");

    private static List<String> violations(Path dir, String forbidden, boolean recurse) throws IOException {
        List<String> bad = new ArrayList<>();
        try (Stream<Path> files = recurse ? Files.walk(dir) : Files.list(dir)) {
            for (Path f : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".java"))::iterator) {
                List<String> lines = Files.readAllLines(f);
                for (int i = 0; i < lines.size(); i++) {
                    String l = lines.get(i).trim();
                    if ((l.startsWith("import ") || l.contains(forbidden + ".")) && l.contains(forbidden)
                            && !l.startsWith("*") && !l.startsWith("//")) {
                        bad.add(SRC.relativize(f) + ":" + (i + 1) + ": " + l);
                    }
                }
            }
        }
        return bad;
    }

    @Test
    void onlyTheSyscallLayerUsesTheBindings() throws IOException {
        List<String> bad = new ArrayList<>();
        bad.addAll(violations(SRC, "dev.ffsock.internal.bindings", false));
        bad.addAll(violations(SRC.resolve("netlink"), "dev.ffsock.internal.bindings", true));
        bad.addAll(violations(SRC.resolve("cli"), "dev.ffsock.internal.bindings", true));
        assertTrue(bad.isEmpty(), "bindings used outside dev.ffsock.internal:\n" + String.join("\n", bad));
    }

    @Test
    void netlinkAndCliDoNotReachIntoInternal() throws IOException {
        List<String> bad = new ArrayList<>();
        bad.addAll(violations(SRC.resolve("netlink"), "dev.ffsock.internal", true));
        bad.addAll(violations(SRC.resolve("cli"), "dev.ffsock.internal", true));
        assertTrue(bad.isEmpty(), "netlink/CLI code using dev.ffsock.internal:\n" + String.join("\n", bad));
    }

    @Test
    void theModuleDoesNotExportInternal() throws IOException {
        String info = Files.readString(SRC.getParent().getParent().resolve("module-info.java"));
        assertTrue(info.contains("exports dev.ffsock;"), info);
        assertTrue(!info.matches("(?s).*exports\\s+dev\\.ffsock\\.internal.*"), "internal is exported:\n" + info);
        assertTrue(!info.matches("(?s).*exports\\s+dev\\.ffsock\\.cli.*"), "cli is exported:\n" + info);
    }
}
