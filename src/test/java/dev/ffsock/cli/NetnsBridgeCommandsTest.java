package dev.ffsock.cli;

import dev.ffsock.netlink.route.PopulatedNetns;
import dev.ffsock.testutil.JsonCompare;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code ffsock netns|neigh|fdb|bridge} against {@code ip -j} and {@code bridge -j}: objects made with
 * the command are read back with iproute2, objects made with iproute2 are printed by the command, key
 * by key. Everything happens in namespaces this class creates (a bridge br0 with veth ports p0, p1 and
 * a veth n0 for neighbours) and deletes.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NetnsBridgeCommandsTest {
    private String ns;

    private static String unique(String tag) {
        return "ffsock-cli" + tag + "-" + Long.toHexString(ThreadLocalRandom.current().nextLong() & 0xffffffffL);
    }

    /** Runs a command, failing on a non-zero status; {@return its stdout} */
    private static String sh(String... cmd) throws Exception {
        return PopulatedNetns.output(cmd);
    }

    @BeforeAll
    void setUp() throws Exception {
        ns = unique("n");
        Assumptions.assumeTrue(PopulatedNetns.run("ip", "netns", "add", ns) == null, "cannot create a namespace");
        // no IPv6: its autoconfiguration would add multicast fdb entries (33:33:…) and neighbours on
        // its own schedule, while the tests compare whole tables and count events
        sh("ip", "netns", "exec", ns, "sysctl", "-qw", "net.ipv6.conf.all.disable_ipv6=1", "net.ipv6.conf.default.disable_ipv6=1");
        String[][] setup = {
            {"link", "add", "br0", "type", "bridge"},
            {"link", "add", "p0", "type", "veth", "peer", "name", "q0"},
            {"link", "add", "p1", "type", "veth", "peer", "name", "q1"},
            {"link", "set", "p0", "master", "br0"},
            {"link", "set", "p1", "master", "br0"},
            {"link", "add", "n0", "type", "veth", "peer", "name", "n1"},
            {"link", "set", "br0", "up"}, {"link", "set", "p0", "up"}, {"link", "set", "q0", "up"},
            {"link", "set", "n0", "up"}, {"link", "set", "n1", "up"},
            {"addr", "add", "10.78.0.1/24", "dev", "n0"},
        };
        for (String[] s : setup) {
            List<String> cmd = new ArrayList<>(List.of("ip", "-n", ns));
            cmd.addAll(List.of(s));
            sh(cmd.toArray(String[]::new));
        }
        for (String kv : new String[] {"base_reachable_time_ms=3600000", "delay_first_probe_time=3600", "retrans_time_ms=3600000"}) {
            sh("ip", "netns", "exec", ns, "sysctl", "-qw", "net.ipv4.neigh.n0." + kv);
        }
    }

    @AfterAll
    void tearDown() throws Exception {
        if (ns != null) PopulatedNetns.run("ip", "netns", "del", ns);
    }

    private static List<Map<String, Object>> json(String text) {
        String t = text.strip();
        return t.isEmpty() ? List.of() : dev.ffsock.testutil.Json.array(t);
    }

    private static String ffsock(String... args) {
        Cli.Result r = Cli.run(args);
        assertEquals(0, r.status(), () -> String.join(" ", args) + ": " + r);
        return r.out();
    }

    /** Same objects (by key) in both lists, each of the tool's keys in ffsock's with an equal value. */
    private static void compare(List<Map<String, Object>> mine, List<Map<String, Object>> tool,
            Function<Map<String, Object>, String> key, Set<String> volatileKeys, String what) {
        Map<String, Map<String, Object>> m = new LinkedHashMap<>();
        for (var o : mine) m.put(key.apply(o), o);
        Map<String, Map<String, Object>> t = new LinkedHashMap<>();
        for (var o : tool) t.put(key.apply(o), o);
        assertEquals(t.keySet(), m.keySet(), what + ": objects\nffsock: " + mine + "\ntool:   " + tool);
        for (var e : t.entrySet()) JsonCompare.assertCovers(m.get(e.getKey()), e.getValue(), volatileKeys, what + " " + e.getKey());
    }

    @Test
    void netnsAddListSetIdentifyDelete() throws Exception {
        String a = unique("a"), b = unique("b");
        try {
            ffsock("netns", "add", a);
            assertTrue(json(sh("ip", "-j", "netns", "list")).stream().anyMatch(m -> a.equals(m.get("name"))));
            assertTrue(sh("ip", "-n", a, "-j", "link", "show").contains("\"lo\""), "ip -n works in the new namespace");
            assertEquals(null, PopulatedNetns.run("ip", "netns", "add", b));
            // ids set inside ns, by ffsock and by ip; list-id and list compared with ip's, for our names
            ffsock("netns", "set", a, "31", "--netns", ns);
            sh("ip", "-n", ns, "netns", "set", b, "32");
            compare(json(ffsock("netns", "list-id", "--json", "--netns", ns)), json(sh("ip", "-n", ns, "-j", "netns", "list-id")),
                    o -> String.valueOf(o.get("nsid")), Set.of(), "netns list-id");
            Function<List<Map<String, Object>>, List<Map<String, Object>>> ours =
                    l -> l.stream().filter(o -> a.equals(o.get("name")) || b.equals(o.get("name"))).toList();
            List<Map<String, Object>> mine = ours.apply(json(ffsock("netns", "list", "--json", "--netns", ns)));
            compare(mine, ours.apply(json(sh("ip", "-n", ns, "-j", "netns", "list"))), o -> (String) o.get("name"), Set.of(), "netns list");
            assertEquals(2, mine.size());
            assertEquals("", ffsock("netns", "identify").lines().filter(l -> l.equals(a)).findAny().orElse(""));
            ffsock("netns", "del", a);
            assertFalse(Files.exists(Path.of("/run/netns", a)));
            assertFalse(json(sh("ip", "-j", "netns", "list")).stream().anyMatch(m -> a.equals(m.get("name"))));
            Cli.Result again = Cli.run("netns", "del", a);
            assertEquals(1, again.status(), again.toString());
            assertTrue(again.err().contains("ENOENT"), again.toString());
        } finally {
            PopulatedNetns.run("ip", "netns", "del", a);
            PopulatedNetns.run("ip", "netns", "del", b);
        }
    }

    @Test
    void neighboursBothWays() throws Exception {
        ffsock("neigh", "add", "10.78.0.2", "lladdr", "02:00:00:00:78:02", "dev", "n0", "nud", "stale", "--netns", ns);
        ffsock("neigh", "add", "10.78.0.3", "lladdr", "02:00:00:00:78:03", "dev", "n0", "router", "--netns", ns);
        ffsock("neigh", "add", "proxy", "10.78.0.4", "dev", "n0", "--netns", ns);
        sh("ip", "-n", ns, "neigh", "add", "10.78.0.5", "lladdr", "02:00:00:00:78:05", "dev", "n0", "nud", "reachable");
        sh("ip", "-n", ns, "neigh", "add", "10.78.0.6", "dev", "n0", "nud", "incomplete");
        try {
            Function<Map<String, Object>, String> key = o -> o.get("dev") + "|" + o.get("dst");
            compare(json(ffsock("neigh", "--json", "--netns", ns, "-4")), json(sh("ip", "-n", ns, "-4", "-j", "neigh", "show")),
                    key, Set.of(), "neigh");
            compare(json(ffsock("neigh", "show", "proxy", "--json", "--netns", ns)), json(sh("ip", "-n", ns, "-j", "neigh", "show", "proxy")),
                    key, Set.of(), "neigh proxy");
            compare(json(ffsock("neigh", "show", "dev", "n0", "-4", "--json", "--netns", ns)),
                    json(sh("ip", "-n", ns, "-4", "-j", "neigh", "show", "dev", "n0")), key, Set.of(), "neigh dev n0");
            ffsock("neigh", "replace", "10.78.0.2", "lladdr", "02:00:00:00:78:22", "dev", "n0", "nud", "permanent", "--netns", ns);
            assertTrue(sh("ip", "-n", ns, "neigh", "show", "10.78.0.2").contains("02:00:00:00:78:22 PERMANENT"));
            ffsock("neigh", "flush", "dev", "n0", "-4", "--netns", ns);
            String left = sh("ip", "-n", ns, "-4", "neigh", "show", "dev", "n0", "nud", "all");
            assertTrue(left.contains("10.78.0.2 ") && left.contains("10.78.0.3 ") && !left.contains("10.78.0.5 ")
                    && !left.contains("10.78.0.6 "), left);
            ffsock("neigh", "del", "proxy", "10.78.0.4", "dev", "n0", "--netns", ns);
            assertEquals("", sh("ip", "-n", ns, "neigh", "show", "proxy").strip());
        } finally {
            PopulatedNetns.run("ip", "-n", ns, "neigh", "flush", "dev", "n0", "nud", "all");
            PopulatedNetns.run("ip", "-n", ns, "neigh", "del", "proxy", "10.78.0.4", "dev", "n0");
        }
    }

    @Test
    void fdbBothWays() throws Exception {
        ffsock("fdb", "add", "02:00:00:00:dd:01", "dev", "p0", "master", "static", "--netns", ns);
        ffsock("bridge", "fdb", "add", "02:00:00:00:dd:02", "dev", "p1", "--netns", ns);
        ffsock("fdb", "add", "02:00:00:00:dd:03", "dev", "p0", "master", "dynamic", "sticky", "--netns", ns);
        sh("bridge", "-n", ns, "fdb", "add", "02:00:00:00:dd:04", "dev", "p1", "master", "static");
        try {
            Function<Map<String, Object>, String> key = o -> o.get("mac") + "|" + o.get("ifname") + "|" + o.get("flags") + "|" + o.get("vlan");
            compare(json(ffsock("fdb", "--json", "--netns", ns)), json(sh("bridge", "-n", ns, "-j", "fdb", "show")), key, Set.of(), "fdb");
            compare(json(ffsock("fdb", "show", "brport", "p0", "--json", "--netns", ns)),
                    json(sh("bridge", "-n", ns, "-j", "fdb", "show", "brport", "p0")), key, Set.of(), "fdb brport p0");
            compare(json(ffsock("bridge", "fdb", "show", "br", "br0", "--json", "--netns", ns)),
                    json(sh("bridge", "-n", ns, "-j", "fdb", "show", "br", "br0")), key, Set.of(), "fdb br br0");
            ffsock("fdb", "del", "02:00:00:00:dd:01", "dev", "p0", "master", "--netns", ns);
            assertFalse(sh("bridge", "-n", ns, "fdb", "show").contains("02:00:00:00:dd:01"));
            Cli.Result gone = Cli.run("fdb", "del", "02:00:00:00:dd:01", "dev", "p0", "master", "--netns", ns);
            assertEquals(1, gone.status(), gone.toString());
            assertTrue(gone.err().startsWith("ffsock: RTM_DELNEIGH: ENOENT"), gone.toString());
        } finally {
            for (String mac : List.of("02:00:00:00:dd:01", "02:00:00:00:dd:03")) PopulatedNetns.run("bridge", "-n", ns, "fdb", "del", mac, "dev", "p0", "master");
            PopulatedNetns.run("bridge", "-n", ns, "fdb", "del", "02:00:00:00:dd:02", "dev", "p1", "self");
            PopulatedNetns.run("bridge", "-n", ns, "fdb", "del", "02:00:00:00:dd:04", "dev", "p1", "master");
        }
    }

    @Test
    void bridgeLinkAndVlan() throws Exception {
        ffsock("bridge", "link", "set", "dev", "p0", "priority", "9", "cost", "77", "--netns", ns);
        ffsock("bridge", "link", "set", "dev", "p0", "state", "blocking", "--netns", ns);
        // p1 is down: the kernel refuses a state change there, and the command says so (exit 1, errno)
        Cli.Result down = Cli.run("bridge", "link", "set", "dev", "p1", "state", "forwarding", "--netns", ns);
        assertEquals(1, down.status(), down.toString());
        assertTrue(down.err().startsWith("ffsock: RTM_SETLINK: ENETDOWN"), down.toString());
        sh("bridge", "-n", ns, "link", "set", "dev", "p1", "cost", "5");
        compare(json(ffsock("bridge", "link", "--json", "--netns", ns)), json(sh("bridge", "-n", ns, "-j", "link", "show")),
                o -> String.valueOf(o.get("ifindex")), Set.of(), "bridge link");
        assertTrue(sh("bridge", "-n", ns, "link", "show", "dev", "p0").contains("priority 9 cost 77"));
        ffsock("bridge", "link", "set", "dev", "p0", "guard", "on", "learning", "off", "--netns", ns);
        sh("bridge", "-n", ns, "link", "set", "dev", "p1", "hairpin", "on", "isolated", "on");
        compare(json(ffsock("bridge", "link", "show", "-d", "--json", "--netns", ns)), json(sh("bridge", "-n", ns, "-d", "-j", "link", "show")),
                o -> String.valueOf(o.get("ifindex")), Set.of(), "bridge -d link");
        compare(json(ffsock("bridge", "vlan", "show", "--json", "--netns", ns)), json(sh("bridge", "-n", ns, "-j", "vlan", "show")),
                o -> (String) o.get("ifname"), Set.of(), "bridge vlan");
        Cli.Result add = Cli.run("bridge", "vlan", "add", "vid", "10", "dev", "p0", "pvid", "untagged", "--netns", ns);
        String tool = PopulatedNetns.run("bridge", "-n", ns, "vlan", "add", "vid", "11", "dev", "p0");
        if (add.status() == 0) {
            assertEquals(null, tool, "ffsock could add a VLAN, so can bridge");
            compare(json(ffsock("bridge", "vlan", "--json", "--netns", ns)), json(sh("bridge", "-n", ns, "-j", "vlan", "show")),
                    o -> (String) o.get("ifname"), Set.of(), "bridge vlan after add");
        } else {
            // this kernel lacks bridge VLAN filtering: the kernel's refusal, exit 1 with its errno, as bridge gets
            assertEquals(1, add.status(), add.toString());
            assertTrue(add.err().startsWith("ffsock: RTM_SETLINK: EOPNOTSUPP"), add.toString());
            assertTrue(tool != null && tool.contains("Operation not supported"), String.valueOf(tool));
        }
    }

    @Test
    void monitorPrintsFdbEvents() throws Exception {
        Cli.Lines out = new Cli.Lines();
        Cli.Lines err = new Cli.Lines();
        java.util.concurrent.atomic.AtomicInteger status = new java.util.concurrent.atomic.AtomicInteger(-1);
        Thread t = Thread.ofPlatform().start(() -> status.set(Main.run(
                new String[] {"monitor", "fdb", "--count", "2", "--timeout", "30", "--netns", ns},
                new java.io.PrintStream(out, true, java.nio.charset.StandardCharsets.UTF_8),
                new java.io.PrintStream(err, true, java.nio.charset.StandardCharsets.UTF_8))));
        assertEquals("ffsock: monitoring fdb in " + ns + ", 2 events", err.next(java.time.Duration.ofSeconds(10)));
        sh("bridge", "-n", ns, "fdb", "add", "02:00:00:00:ee:07", "dev", "p0", "master", "static");
        sh("bridge", "-n", ns, "fdb", "del", "02:00:00:00:ee:07", "dev", "p0", "master");
        t.join(40_000);
        assertEquals(0, status.get(), () -> "status; stdout:\n" + out.all() + "stderr:\n" + err.all());
        assertEquals(List.of("fdb new 02:00:00:00:ee:07 dev p0 master br0 static", "fdb del 02:00:00:00:ee:07 dev p0 master br0 static"),
                List.of(out.all().split("\n")));
    }

    @Test
    void badInputIsAUsageErrorBeforeAnythingIsSent() throws Exception {
        String[][] bad = {
            {"fdb", "add", "02:00:00:00:00", "dev", "p0"},
            {"fdb", "add", "02:00:00:00:00:01", "dev", "p0", "vlan", "4095"},
            {"fdb", "add", "02:00:00:00:00:01", "dev", "p0", "vlan", "0"},
            {"bridge", "vlan", "add", "vid", "4095", "dev", "p0"},
            {"bridge", "vlan", "add", "vid", "0", "dev", "p0"},
            {"bridge", "vlan", "add", "vid", "20-10", "dev", "p0"},
            {"bridge", "link", "set", "dev", "p0", "priority", "64"},
            {"bridge", "link", "set", "dev", "p0", "state", "sleeping"},
            {"bridge", "link", "set", "dev", "p0"},
            {"bridge", "link", "set", "dev", "p0", "guard", "maybe"},
            {"netns", "add", "a/b"},
            {"netns", "add", ".."},
            {"netns", "set", "x", "-5"},
            {"neigh", "add", "10.78.0.9", "lladdr", "02:00:00:00:00", "dev", "n0"},
            {"neigh", "add", "10.78.0.9", "dev", "n0", "nud", "sleepy"},
            {"neigh", "add", "224.0.0.1", "dev", "n0"},
            {"neigh", "frobnicate"},
            {"bridge", "mdb"},
        };
        for (String[] args : bad) {
            List<String> a = new ArrayList<>(List.of(args));
            a.addAll(List.of("--netns", ns));
            Cli.Result r = Cli.run(a.toArray(String[]::new));
            assertEquals(2, r.status(), () -> String.join(" ", args) + ": " + r);
            assertTrue(r.err().startsWith("ffsock: ") && !r.err().contains("internal error"), r.toString());
        }
        assertFalse(sh("ip", "-n", ns, "neigh", "show", "nud", "all").contains("10.78.0.9"));
    }
}
