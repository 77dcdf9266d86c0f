package dev.ffsock.cli;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code ffsock monitor} run in this JVM against a namespace of its own, changes made with {@code ip -n}. */
class MonitorCommandTest {
    private String ns;

    private static int exec(String... cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        assertTrue(p.waitFor(30, TimeUnit.SECONDS), String.join(" ", cmd));
        return p.exitValue();
    }

    private void ip(String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("ip", "-n", ns));
        cmd.addAll(List.of(args));
        assertEquals(0, exec(cmd.toArray(String[]::new)), String.join(" ", cmd));
    }

    @BeforeEach
    void createNamespace() throws Exception {
        ns = "ffsock-chg-" + Long.toHexString(ThreadLocalRandom.current().nextLong() & 0xffffffffL);
        Assumptions.assumeTrue(exec("ip", "netns", "add", ns) == 0, "cannot create a network namespace");
    }

    @AfterEach
    void deleteNamespace() throws Exception {
        exec("ip", "netns", "del", ns);
    }

    @Test
    void printsOneLinePerEventAndExitsAfterTheCount() throws Exception {
        Cli.Lines out = new Cli.Lines();
        Cli.Lines err = new Cli.Lines();
        AtomicInteger status = new AtomicInteger(-1);
        Thread t = Thread.ofPlatform().start(() -> status.set(Main.run(
                new String[] {"monitor", "link", "addr", "route", "--count", "6", "--timeout", "20", "--netns", ns},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8))));
        String ready = err.next(Duration.ofSeconds(10));
        assertEquals("ffsock: monitoring link addr route in " + ns + ", 6 events", ready);

        ip("link", "add", "veth0", "type", "veth", "peer", "name", "veth1");
        ip("route", "add", "blackhole", "198.51.100.0/24", "table", "7");
        ip("addr", "add", "192.0.2.1/24", "dev", "veth0");
        ip("route", "del", "blackhole", "198.51.100.0/24", "table", "7");
        // veth0 is down: its address brings only its local route (table local), not the prefix
        // and broadcast routes, which the kernel adds when the link is up

        t.join(30_000);
        assertEquals(0, status.get(), () -> "status; stdout:\n" + out.all() + "stderr:\n" + err.all());
        String[] lines = out.all().split("\n");
        assertEquals(6, lines.length, out.all());
        assertTrue(lines[0].matches("link new \\d+: veth1 DOWN mtu 1500 type veth"), lines[0]);
        assertTrue(lines[1].matches("link new \\d+: veth0 DOWN mtu 1500 type veth"), lines[1]);
        assertEquals("route new blackhole 198.51.100.0/24 table 7", lines[2]);
        assertTrue(lines[3].matches("addr new \\d+: inet 192.0.2.1/24 dev veth0"), lines[3]);
        assertEquals("route new local 192.0.2.1 dev veth0 table local", lines[4]);
        assertEquals("route del blackhole 198.51.100.0/24 table 7", lines[5]);
    }

    @Test
    void timesOutWithStatusOne() {
        Cli.Result r = Cli.run("monitor", "neigh", "--count", "1", "--timeout", "0.3", "--netns", ns);
        assertEquals(1, r.status(), r.toString());
        assertTrue(r.err().contains("ffsock: monitor: timed out after 0 of 1 events"), r.toString());
    }

    @Test
    void badArguments() {
        Cli.Result r = Cli.run("monitor", "links");
        assertEquals(2, r.status(), r.toString());
        assertTrue(r.err().startsWith("ffsock: unknown object 'links': link, addr, route, neigh, rule, nexthop, tc, fdb or nsid"), r.toString());
        assertEquals(2, Cli.run("monitor", "--count", "0").status());
        assertEquals(2, Cli.run("monitor", "--json").status());
        assertEquals(2, Cli.run("monitor", "--count", "1", "link").status());
        Cli.Result h = Cli.run("monitor", "--help");
        assertEquals(0, h.status());
        assertTrue(h.out().startsWith("usage: ffsock monitor"), h.out());
        Cli.Result none = Cli.run("monitor", "--count", "1", "--netns", "ffsock-no-such-namespace-x");
        assertEquals(1, none.status(), none.toString());
    }
}
