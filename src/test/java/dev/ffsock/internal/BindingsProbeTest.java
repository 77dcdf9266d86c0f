package dev.ffsock.internal;

import dev.ffsock.internal.bindings.LinuxC;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.lang.foreign.GroupLayout;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.PaddingLayout;
import java.lang.foreign.SequenceLayout;
import java.lang.foreign.StructLayout;
import java.lang.foreign.UnionLayout;
import java.lang.module.ModuleReader;
import java.lang.module.ResolvedModule;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static java.lang.foreign.MemoryLayout.PathElement.groupElement;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Proves that every struct size, field offset and constant the Java side uses is what gcc says on
 * this machine: the generated bindings (every struct, union and constant named in
 * {@code native/includes.txt}), the hand-written Java constants that share a C name (e.g.
 * {@code dev.ffsock.Errno.ECONNREFUSED}) and {@link ArchLayouts}.
 *
 * <p>The test writes one macro call per item to {@code target/probe/probe_items.h}, compiles
 * {@code native/probe.c} around it with gcc and {@code -D_GNU_SOURCE} (so the hand-declared GNU-only
 * items in ffsock.h are checked against glibc's real ones), runs it and compares. All mismatches are
 * collected and reported together. gcc is a build requirement: without it the test fails.
 */
class BindingsProbeTest {

    private static final String BINDINGS = "dev.ffsock.internal.bindings";

    /** One Java-side value to compare with the probe's line {@code key}. */
    private record Check(String key, long value, int bits, String source) {
        /** Equal, or (for a negative value) equal to the same bits read as unsigned. */
        boolean matches(long c) {
            if (c == value) return true;
            return bits < 64 && value < 0 && c == (value & ((1L << bits) - 1));
        }
    }

    private final Path nativeDir = Path.of(System.getProperty("ffsock.native.dir", "native")).toAbsolutePath();
    private final Path baseDir = Path.of(System.getProperty("ffsock.basedir", ".")).toAbsolutePath();
    private final Path probeDir = baseDir.resolve("target").resolve("probe");

    /** Probe lines to emit, in order, without duplicates. */
    private final Set<String> items = new LinkedHashSet<>();
    private final List<Check> checks = new ArrayList<>();
    private final List<String> problems = new ArrayList<>();
    private int structs, offsets, memberSizes, constants, javaConstants, skippedConstants;

    @Test
    void bindingsMatchGcc() throws Exception {
        List<String> lines = Files.readAllLines(nativeDir.resolve("includes.txt"));
        Set<String> constantNames = new TreeSet<>();
        for (String raw : lines) {
            String[] f = raw.trim().split("\\s+");
            if (f.length != 2) continue;
            switch (f[0]) {
                case "--include-struct" -> group(f[1], false);
                case "--include-union" -> group(f[1], true);
                case "--include-constant" -> {
                    constantNames.add(f[1]);
                    generatedConstant(f[1]);
                }
                default -> { }
            }
        }
        handWrittenConstants(constantNames);
        archLayouts();
        handWrittenLayouts();
        procConnector(); // issue 11

        Map<String, Long> gcc = runProbe();
        for (Check c : checks) {
            Long v = gcc.get(c.key());
            if (v == null) {
                problems.add(c.key() + ": probe printed nothing (" + c.source() + ")");
            } else if (!c.matches(v)) {
                problems.add(c.key() + ": Java " + c.value() + " (" + c.source() + "), gcc " + v);
            }
        }

        String summary = "BindingsProbeTest: " + structs + " structs/unions, " + offsets + " field offsets, "
                + memberSizes + " field sizes, " + constants + " generated constants (" + skippedConstants
                + " string/pointer constants skipped), " + javaConstants + " hand-written Java constants; "
                + checks.size() + " checks, " + problems.size() + " mismatches";
        System.out.println(summary);
        Files.writeString(probeDir.resolve("summary.txt"), summary + "\n" + String.join("\n", problems) + "\n");
        if (!problems.isEmpty()) {
            fail(problems.size() + " mismatches between the Java side and gcc:\n  " + String.join("\n  ", problems)
                    + "\n" + summary);
        }
        // Not vacuous: includes.txt names ~50 structs and ~1240 constants.
        assertTrue(structs > 40, summary);
        assertTrue(offsets > 250, summary);
        assertTrue(constants > 1000, summary);
        assertTrue(javaConstants > 30, summary);
    }

    // ---- structs and unions -------------------------------------------------------------------

    private void group(String tag, boolean union) {
        GroupLayout layout;
        try {
            Class<?> cls = Class.forName(BINDINGS + "." + tag);
            layout = (GroupLayout) cls.getMethod("layout").invoke(null);
        } catch (ReflectiveOperationException | LinkageError e) {
            problems.add((union ? "union " : "struct ") + tag + ": no generated layout (" + describe(e) + ")");
            return;
        }
        if ((layout instanceof UnionLayout) != union) {
            problems.add(tag + ": includes.txt says " + (union ? "union" : "struct") + ", layout is " + layout);
        }
        String kind = union ? "union" : "struct";
        structs++;
        item((union ? "USIZE(" : "SIZE(") + tag + ")");
        checks.add(new Check("size " + kind + "_" + tag, layout.byteSize(), 64, tag + ".layout()"));
        members(tag, union ? "U" : "", "", layout, 0);
    }

    /**
     * Emits an offset (and a size) check for every named member of {@code g}, recursively. Unnamed
     * groups (anonymous C members) are descended into with the same path prefix, as C's offsetof
     * names their fields directly; padding and other unnamed members are skipped.
     */
    private void members(String tag, String macroPrefix, String path, GroupLayout g, long base) {
        long offset = 0;
        for (MemoryLayout m : g.memberLayouts()) {
            long at = base + (g instanceof StructLayout ? offset : 0);
            offset += m.byteSize();
            if (m instanceof PaddingLayout) continue;
            String name = m.name().orElse("");
            if (name.isEmpty() || name.startsWith("$anon")) {
                if (m instanceof GroupLayout inner) members(tag, macroPrefix, path, inner, at);
                continue;
            }
            String p = path.isEmpty() ? name : path + "." + name;
            String src = tag + ".layout() member " + p;
            item(macroPrefix + "OFF(" + tag + ", " + p + ")");
            checks.add(new Check("offset " + tag + "." + p, at, 64, src));
            offsets++;
            // sizeof a flexible array member (a zero-length sequence) is not valid C.
            if (!(m instanceof SequenceLayout s && s.elementCount() == 0)) {
                item(macroPrefix + "MSIZE(" + tag + ", " + p + ")");
                checks.add(new Check("msize " + tag + "." + p, m.byteSize(), 64, src));
                memberSizes++;
            }
            if (m instanceof GroupLayout inner) members(tag, macroPrefix, p, inner, at);
        }
    }

    private static String describe(Throwable e) {
        return e.getCause() == null ? e.toString() : e + ", caused by " + e.getCause();
    }

    // ---- constants -----------------------------------------------------------------------------

    private void generatedConstant(String name) {
        Object v;
        try {
            Method m = LinuxC.class.getMethod(name);
            m.setAccessible(true); // declared in a package-private superclass (LinuxC_1)
            v = m.invoke(null);
        } catch (ReflectiveOperationException | LinkageError e) {
            problems.add("const " + name + ": no LinuxC." + name + "() (" + describe(e) + ")");
            return;
        }
        if (v instanceof MemorySegment) {
            skippedConstants++;
            return;
        }
        if (!constant(name, v, "LinuxC." + name + "()")) {
            problems.add("const " + name + ": LinuxC." + name + "() returns " + v.getClass().getName());
            return;
        }
        constants++;
    }

    private boolean constant(String name, Object v, String source) {
        long value;
        int bits;
        switch (v) {
            case Integer i -> { value = i; bits = 32; }
            case Long l -> { value = l; bits = 64; }
            case Short s -> { value = s; bits = 16; }
            case Byte b -> { value = b; bits = 8; }
            case Character ch -> { value = ch; bits = 16; }
            default -> { return false; }
        }
        item("CONST(" + name + ")");
        checks.add(new Check("const " + name, value, bits, source));
        return true;
    }

    /**
     * The static final int/long fields of the module's own classes (every package but the generated
     * bindings) whose name is a constant in includes.txt: hand-written copies of C constants.
     */
    private void handWrittenConstants(Set<String> constantNames) throws Exception {
        Module module = getClass().getModule();
        Set<String> packages = new TreeSet<>();
        for (String p : module.getPackages()) {
            if (!p.contains(".internal.bindings")) packages.add(p);
        }
        assertTrue(packages.contains("dev.ffsock"), "module packages: " + module.getPackages());
        for (String className : mainClassNames(module)) {
            int dot = className.lastIndexOf('.');
            if (dot < 0 || !packages.contains(className.substring(0, dot))) continue;
            Class<?> cls = Class.forName(className, false, getClass().getClassLoader());
            for (Field f : cls.getDeclaredFields()) {
                int mod = f.getModifiers();
                if (!Modifier.isStatic(mod) || !Modifier.isFinal(mod)) continue;
                if (f.getType() != int.class && f.getType() != long.class) continue;
                if (!constantNames.contains(f.getName())) continue;
                f.setAccessible(true);
                String src = cls.getName() + "." + f.getName();
                constant(f.getName(), f.get(null), src);
                javaConstants++;
            }
        }
    }

    /** The module's main classes: from its module reader, or target/classes when run unnamed. */
    private List<String> mainClassNames(Module module) throws IOException {
        List<String> resources;
        if (module.isNamed() && module.getLayer() != null) {
            ResolvedModule rm = module.getLayer().configuration().findModule(module.getName()).orElseThrow();
            try (ModuleReader reader = rm.reference().open(); Stream<String> s = reader.list()) {
                resources = s.toList();
            }
        } else {
            Path classes = baseDir.resolve("target").resolve("classes");
            try (Stream<Path> s = Files.walk(classes)) {
                resources = s.filter(Files::isRegularFile)
                        .map(p -> classes.relativize(p).toString().replace('\\', '/')).toList();
            }
        }
        return resources.stream()
                .filter(n -> n.endsWith(".class") && !n.endsWith("module-info.class"))
                .map(n -> n.substring(0, n.length() - ".class".length()).replace('/', '.'))
                .sorted().toList();
    }

    // ---- architecture-dependent layouts --------------------------------------------------------

    private void archLayouts() {
        String src = "ArchLayouts.EPOLL_EVENT (os.arch " + System.getProperty("os.arch") + ")";
        checks.add(new Check("size struct_epoll_event", ArchLayouts.EPOLL_EVENT_SIZE, 64, src));
        checks.add(new Check("offset epoll_event.events", ArchLayouts.EPOLL_EVENT_EVENTS, 64, src));
        checks.add(new Check("offset epoll_event.data", ArchLayouts.EPOLL_EVENT_DATA, 64, src));
        checks.add(new Check("msize epoll_event.data",
                ArchLayouts.EPOLL_EVENT.select(groupElement("data")).byteSize(), 64, src));
        assertEquals(ArchLayouts.EPOLL_EVENT_SIZE, ArchLayouts.EPOLL_EVENT.byteSize());

        // The natural-alignment layout ArchLayouts picks for aarch64 and the other 64-bit
        // architectures, against the same members without the packed attribute.
        StructLayout natural = ArchLayouts.epollEvent("aarch64");
        String nat = "ArchLayouts.epollEvent(\"aarch64\")";
        item("SIZE(ffsock_epoll_event_natural)");
        item("OFF(ffsock_epoll_event_natural, events)");
        item("OFF(ffsock_epoll_event_natural, data)");
        checks.add(new Check("size struct_ffsock_epoll_event_natural", natural.byteSize(), 64, nat));
        checks.add(new Check("offset ffsock_epoll_event_natural.events",
                natural.byteOffset(groupElement("events")), 64, nat));
        checks.add(new Check("offset ffsock_epoll_event_natural.data",
                natural.byteOffset(groupElement("data")), 64, nat));
    }

    /** Layouts written by hand in the Java side (not in the generated bindings): struct sigaction. */
    private void handWrittenLayouts() {
        String src = "Wakeup (struct sigaction)";
        item("SIZE(sigaction)");
        checks.add(new Check("size struct_sigaction", Wakeup.SIGACTION_SIZE, 64, src));
        for (String[] f : new String[][] {{"sa_handler", "SA_HANDLER_OFFSET"}, {"sa_mask", "SA_MASK_OFFSET"},
                {"sa_flags", "SA_FLAGS_OFFSET"}}) {
            item("OFF(sigaction, " + f[0] + ")");
            long value = switch (f[1]) {
                case "SA_HANDLER_OFFSET" -> Wakeup.SA_HANDLER_OFFSET;
                case "SA_MASK_OFFSET" -> Wakeup.SA_MASK_OFFSET;
                default -> Wakeup.SA_FLAGS_OFFSET;
            };
            checks.add(new Check("offset sigaction." + f[0], value, 64, "Wakeup." + f[1]));
        }
        item("CONST(SIG_DFL)");
        checks.add(new Check("const SIG_DFL", Wakeup.SIG_DFL, 64, "Wakeup.SIG_DFL"));
        item("CONST(SIG_IGN)");
        checks.add(new Check("const SIG_IGN", Wakeup.SIG_IGN, 64, "Wakeup.SIG_IGN"));
        javaConstants += 6;
    }

    // ---- issue 11: the proc connector's hand-written layouts and enum proc_event.what ----------

    /**
     * dev.ffsock.netlink.connector.ProcConnector: struct cn_msg and struct proc_event offsets and
     * sizes, and the PROC_EVENT_* values (an enum inside struct proc_event, which jextract does not
     * emit as constants, so they are not in includes.txt).
     */
    private void procConnector() {
        String src = "ProcConnector";
        long d = dev.ffsock.netlink.connector.ProcConnector.PROC_EVENT_DATA;
        Object[][] items = {
            {"SIZE(cn_msg)", "size struct_cn_msg", dev.ffsock.netlink.connector.ProcConnector.CN_MSG_SIZE},
            {"OFF(cn_msg, id.idx)", "offset cn_msg.id.idx", dev.ffsock.netlink.connector.ProcConnector.CN_MSG_IDX},
            {"OFF(cn_msg, id.val)", "offset cn_msg.id.val", dev.ffsock.netlink.connector.ProcConnector.CN_MSG_VAL},
            {"OFF(cn_msg, seq)", "offset cn_msg.seq", dev.ffsock.netlink.connector.ProcConnector.CN_MSG_SEQ},
            {"OFF(cn_msg, ack)", "offset cn_msg.ack", dev.ffsock.netlink.connector.ProcConnector.CN_MSG_ACK},
            {"OFF(cn_msg, len)", "offset cn_msg.len", dev.ffsock.netlink.connector.ProcConnector.CN_MSG_LEN},
            {"OFF(cn_msg, flags)", "offset cn_msg.flags", dev.ffsock.netlink.connector.ProcConnector.CN_MSG_FLAGS},
            {"SIZE(proc_event)", "size struct_proc_event", dev.ffsock.netlink.connector.ProcConnector.PROC_EVENT_SIZE},
            {"OFF(proc_event, what)", "offset proc_event.what", dev.ffsock.netlink.connector.ProcConnector.PROC_EVENT_WHAT},
            {"OFF(proc_event, cpu)", "offset proc_event.cpu", dev.ffsock.netlink.connector.ProcConnector.PROC_EVENT_CPU},
            {"OFF(proc_event, timestamp_ns)", "offset proc_event.timestamp_ns", dev.ffsock.netlink.connector.ProcConnector.PROC_EVENT_TIMESTAMP},
            {"OFF(proc_event, event_data)", "offset proc_event.event_data", d},
            {"OFF(proc_event, event_data.ack.err)", "offset proc_event.event_data.ack.err", d},
            {"OFF(proc_event, event_data.fork.parent_pid)", "offset proc_event.event_data.fork.parent_pid", d + dev.ffsock.netlink.connector.ProcConnector.EVENT_PID},
            {"OFF(proc_event, event_data.fork.parent_tgid)", "offset proc_event.event_data.fork.parent_tgid", d + dev.ffsock.netlink.connector.ProcConnector.EVENT_TGID},
            {"OFF(proc_event, event_data.fork.child_pid)", "offset proc_event.event_data.fork.child_pid", d + dev.ffsock.netlink.connector.ProcConnector.EVENT_THIRD},
            {"OFF(proc_event, event_data.fork.child_tgid)", "offset proc_event.event_data.fork.child_tgid", d + dev.ffsock.netlink.connector.ProcConnector.EVENT_FOURTH},
            {"OFF(proc_event, event_data.exec.process_tgid)", "offset proc_event.event_data.exec.process_tgid", d + dev.ffsock.netlink.connector.ProcConnector.EVENT_TGID},
            {"OFF(proc_event, event_data.id.r.ruid)", "offset proc_event.event_data.id.r.ruid", d + dev.ffsock.netlink.connector.ProcConnector.EVENT_THIRD},
            {"OFF(proc_event, event_data.id.e.egid)", "offset proc_event.event_data.id.e.egid", d + dev.ffsock.netlink.connector.ProcConnector.EVENT_FOURTH},
            {"OFF(proc_event, event_data.ptrace.tracer_tgid)", "offset proc_event.event_data.ptrace.tracer_tgid", d + dev.ffsock.netlink.connector.ProcConnector.EVENT_FOURTH},
            {"OFF(proc_event, event_data.comm.comm)", "offset proc_event.event_data.comm.comm", d + dev.ffsock.netlink.connector.ProcConnector.EVENT_THIRD},
            {"MSIZE(proc_event, event_data.comm.comm)", "msize proc_event.event_data.comm.comm", dev.ffsock.netlink.connector.ProcConnector.COMM_SIZE},
            {"OFF(proc_event, event_data.coredump.parent_tgid)", "offset proc_event.event_data.coredump.parent_tgid", d + dev.ffsock.netlink.connector.ProcConnector.EVENT_FOURTH},
            {"OFF(proc_event, event_data.exit.exit_code)", "offset proc_event.event_data.exit.exit_code", d + dev.ffsock.netlink.connector.ProcConnector.EVENT_THIRD},
            {"OFF(proc_event, event_data.exit.exit_signal)", "offset proc_event.event_data.exit.exit_signal", d + dev.ffsock.netlink.connector.ProcConnector.EVENT_FOURTH},
            {"OFF(proc_event, event_data.exit.parent_pid)", "offset proc_event.event_data.exit.parent_pid", d + dev.ffsock.netlink.connector.ProcConnector.EXIT_PARENT_PID},
            {"OFF(proc_event, event_data.exit.parent_tgid)", "offset proc_event.event_data.exit.parent_tgid", d + dev.ffsock.netlink.connector.ProcConnector.EXIT_PARENT_TGID},
        };
        for (Object[] i : items) {
            item((String) i[0]);
            checks.add(new Check((String) i[1], ((Number) i[2]).longValue(), 64, src));
        }
        for (String name : List.of("PROC_EVENT_NONE", "PROC_EVENT_FORK", "PROC_EVENT_EXEC", "PROC_EVENT_UID", "PROC_EVENT_GID",
                "PROC_EVENT_SID", "PROC_EVENT_PTRACE", "PROC_EVENT_COMM", "PROC_EVENT_COREDUMP", "PROC_EVENT_EXIT")) {
            try {
                Field f = dev.ffsock.netlink.connector.ProcConnector.class.getField(name);
                constant(name, f.get(null), src + "." + name);
                javaConstants++;
            } catch (ReflectiveOperationException e) {
                problems.add(name + ": no ProcConnector." + name);
            }
        }
    }

    @Test
    void epollEventLayoutPerArchitecture() {
        for (String arch : List.of("amd64", "x86_64")) {
            StructLayout l = ArchLayouts.epollEvent(arch);
            assertEquals(12, l.byteSize(), arch);
            assertEquals(0, l.byteOffset(groupElement("events")), arch);
            assertEquals(4, l.byteOffset(groupElement("data")), arch);
        }
        for (String arch : List.of("aarch64", "riscv64", "ppc64le", "s390x", "loongarch64")) {
            StructLayout l = ArchLayouts.epollEvent(arch);
            assertEquals(16, l.byteSize(), arch);
            assertEquals(0, l.byteOffset(groupElement("events")), arch);
            assertEquals(8, l.byteOffset(groupElement("data")), arch);
            assertEquals(8, l.select(groupElement("data")).byteSize(), arch);
            assertEquals(8, l.byteAlignment(), arch);
        }
        for (String arch : new String[] {"x86", "i386", "arm", "ppc", null}) {
            UnsupportedOperationException e = assertThrows(UnsupportedOperationException.class,
                    () -> ArchLayouts.epollEvent(arch), String.valueOf(arch));
            assertTrue(e.getMessage().contains("64-bit") || e.getMessage().contains("os.arch"), e.getMessage());
        }
    }

    // ---- the probe -----------------------------------------------------------------------------

    private void item(String macroCall) {
        items.add(macroCall);
    }

    private Map<String, Long> runProbe() throws Exception {
        Files.createDirectories(probeDir);
        StringBuilder h = new StringBuilder("/* Generated by BindingsProbeTest: one probe item a line. */\n");
        for (String i : items) h.append(i).append('\n');
        Files.writeString(probeDir.resolve("probe_items.h"), h);

        Path exe = probeDir.resolve("probe");
        Files.deleteIfExists(exe);
        List<String> cc = List.of("gcc", "-O0", "-D_GNU_SOURCE", "-I" + nativeDir, "-I" + probeDir,
                nativeDir.resolve("probe.c").toString(), "-o", exe.toString());
        String ccOut;
        try {
            ccOut = run(cc, 120);
        } catch (IOException e) {
            return fail("cannot run gcc (" + e.getMessage() + "). gcc is a build requirement of ffsock: "
                    + "BindingsProbeTest compiles native/probe.c to check the bindings against this machine's "
                    + "C headers. Install gcc and the C library headers (e.g. apt-get install gcc libc6-dev).");
        }
        if (!Files.isExecutable(exe)) {
            return fail("gcc failed to compile native/probe.c with target/probe/probe_items.h:\n" + String.join(" ", cc)
                    + "\n" + ccOut);
        }
        String out = run(List.of(exe.toString()), 60);
        Files.writeString(probeDir.resolve("probe.out"), out);
        Map<String, Long> values = new HashMap<>();
        for (String line : out.split("\n")) {
            if (line.isBlank()) continue;
            int sp = line.lastIndexOf(' ');
            try {
                values.put(line.substring(0, sp), Long.parseLong(line.substring(sp + 1)));
            } catch (RuntimeException e) {
                problems.add("unparseable probe line: " + line);
            }
        }
        return values;
    }

    /** Runs {@code cmd}, returns its stdout and stderr; fails the test if it exits non-zero. */
    private static String run(List<String> cmd, int timeoutSeconds) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        byte[] bytes = p.getInputStream().readAllBytes();
        if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail(String.join(" ", cmd) + ": timed out after " + timeoutSeconds + " s");
        }
        String out = new String(bytes, StandardCharsets.UTF_8);
        if (p.exitValue() != 0) {
            fail(String.join(" ", cmd) + ": exit status " + p.exitValue() + "\n" + out);
        }
        return out;
    }
}
