package dev.ffsock.cli;

import dev.ffsock.netlink.route.PopulatedNetns;
import dev.ffsock.testutil.Json;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code ffsock addr add|replace|del|flush} against {@code ip -j addr}, in a namespace of the test's
 * own with a veth pair (IPv6 autoconfiguration off, so only the test's addresses exist): addresses
 * made with ffsock are what ip lists, key by key for the keys ffsock's own {@code addr --json} prints.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AddrCommandsTest {
    private String ns;

    @BeforeAll
    void setUp() throws Exception {
        ns = "ffsock-cliaddr-" + Long.toHexString(ThreadLocalRandom.current().nextLong() & 0xffffffL);
        String err = PopulatedNetns.run("ip", "netns", "add", ns);
        Assumptions.assumeTrue(err == null, "cannot create a network namespace: " + err);
        ip("link", "add", "a0", "type", "veth", "peer", "name", "a1");
        PopulatedNetns.run("ip", "netns", "exec", ns, "sysctl", "-qw", "net.ipv6.conf.all.disable_ipv6=0");
        PopulatedNetns.run("ip", "netns", "exec", ns, "sysctl", "-qw", "net.ipv6.conf.a0.addr_gen_mode=1");
        ip("link", "set", "a0", "up");
        ip("link", "set", "a1", "up");
    }

    @AfterAll
    void tearDown() throws Exception {
        if (ns != null) PopulatedNetns.run("ip", "netns", "del", ns);
    }

    private void ip(String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("ip", "-n", ns));
        cmd.addAll(List.of(args));
        assertNull(PopulatedNetns.run(cmd.toArray(String[]::new)), String.join(" ", cmd));
    }

    private Cli.Result ffsock(String... args) {
        List<String> a = new ArrayList<>(List.of(args));
        a.addAll(List.of("--netns", ns));
        return Cli.run(a.toArray(String[]::new));
    }

    private void ok(String... args) {
        Cli.Result r = ffsock(args);
        assertEquals(0, r.status(), () -> String.join(" ", args) + ": " + r);
    }

    /** The addr_info of a0 as ip prints it. */
    private List<Map<String, Object>> ipAddrs() throws Exception {
        List<Map<String, Object>> links = Json.array(PopulatedNetns.output("ip", "-n", ns, "-j", "addr", "show", "dev", "a0").strip());
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> info = (List<Map<String, Object>>) links.get(0).get("addr_info");
        return info;
    }

    /** The addr_info of a0 as ffsock prints it. */
    private List<Map<String, Object>> ffsockAddrs() {
        Cli.Result r = ffsock("addr", "--json");
        assertEquals(0, r.status(), r::toString);
        for (Map<String, Object> l : Json.array(r.out().strip())) {
            if ("a0".equals(l.get("ifname"))) {
                @SuppressWarnings("unchecked")
                List<Map<String, Object>> info = (List<Map<String, Object>>) l.get("addr_info");
                return info;
            }
        }
        throw new AssertionError("no a0 in " + r.out());
    }

    private static String local(Map<String, Object> a) {
        return a.get("local") + "/" + a.get("prefixlen");
    }

    @Test
    void addReplaceDeleteAndFlushAsIpDoes() throws Exception {
        ok("addr", "add", "192.0.2.1/24", "dev", "a0", "broadcast", "192.0.2.255", "label", "a0:x");
        ok("addr", "add", "198.51.100.1/32", "dev", "a0", "peer", "198.51.100.2", "scope", "link");
        ok("addr", "add", "2001:db8::1/64", "dev", "a0", "nodad", "valid_lft", "3600", "preferred_lft", "1800");
        ok("addr", "add", "2001:db8:1::1/64", "dev", "a0", "noprefixroute");

        List<Map<String, Object>> theirs = ipAddrs();
        List<Map<String, Object>> mine = ffsockAddrs();
        assertEquals(theirs.size(), mine.size(), () -> "ip: " + theirs + "\nffsock: " + mine);
        for (int i = 0; i < theirs.size(); i++) {
            Map<String, Object> t = theirs.get(i), m = mine.get(i);
            for (String k : t.keySet()) {
                if (k.equals("valid_life_time") || k.equals("preferred_life_time")) continue; // counting down
                assertEquals(t.get(k), m.get(k), "key " + k + " of " + local(t));
            }
        }
        Map<String, Map<String, Object>> byLocal = new java.util.HashMap<>();
        for (Map<String, Object> a : theirs) byLocal.put(local(a), a);
        assertEquals("192.0.2.255", byLocal.get("192.0.2.1/24").get("broadcast"));
        assertEquals("a0:x", byLocal.get("192.0.2.1/24").get("label"));
        assertEquals("198.51.100.2", byLocal.get("198.51.100.1/32").get("address"));
        assertEquals("link", byLocal.get("198.51.100.1/32").get("scope"));
        assertEquals(Boolean.TRUE, byLocal.get("2001:db8::1/64").get("nodad"));
        assertTrue(((Number) byLocal.get("2001:db8::1/64").get("valid_life_time")).longValue() <= 3600);
        assertEquals(Boolean.TRUE, byLocal.get("2001:db8:1::1/64").get("noprefixroute"));

        // replace: the lifetimes change, the address stays
        ok("addr", "replace", "2001:db8::1/64", "dev", "a0", "nodad", "valid_lft", "forever", "preferred_lft", "forever");
        for (Map<String, Object> a : ipAddrs()) {
            if (local(a).equals("2001:db8::1/64")) assertEquals(4294967295L, ((Number) a.get("valid_life_time")).longValue());
        }

        // a second add of the same address is the kernel's EEXIST: exit 1 with the errno
        Cli.Result dup = ffsock("addr", "add", "192.0.2.1/24", "dev", "a0");
        assertEquals(1, dup.status(), dup::toString);
        assertTrue(dup.err().contains("EEXIST"), dup::toString);

        ok("addr", "del", "198.51.100.1/32", "dev", "a0", "peer", "198.51.100.2");
        assertTrue(ipAddrs().stream().noneMatch(a -> local(a).equals("198.51.100.1/32")));

        ok("addr", "flush", "dev", "a0", "-6");
        List<Map<String, Object>> left = ipAddrs();
        assertTrue(left.stream().noneMatch(a -> "inet6".equals(a.get("family"))), left::toString);
        assertTrue(left.stream().anyMatch(a -> local(a).equals("192.0.2.1/24")), left::toString);
        ok("addr", "flush", "dev", "a0");
        assertEquals(List.of(), ipAddrs());
    }

    @Test
    void badInputIsAUsageErrorBeforeAnythingIsSent() throws Exception {
        for (String[] bad : new String[][] {
                {"addr", "add", "192.0.2.9/33", "dev", "a1"},
                {"addr", "add", "192.0.2.9/24"},
                {"addr", "add", "192.0.2.9/24", "dev", "a1", "valid_lft", "-1"},
                {"addr", "add", "192.0.2.9/24", "dev", "a1", "shiny"},
                {"addr", "add", "192.0.2.9/24", "dev", "this-name-is-too-long"},
                {"addr", "flush"}}) {
            Cli.Result r = ffsock(bad);
            assertEquals(2, r.status(), () -> String.join(" ", bad) + ": " + r);
            assertEquals(1, r.err().lines().count(), () -> "one line: " + r.err());
            assertTrue(r.err().startsWith("ffsock: ") && r.err().contains("(see 'ffsock help addr')"), r::toString);
        }
        assertEquals(List.of(), Json.array(PopulatedNetns.output("ip", "-n", ns, "-j", "-4", "addr", "show", "dev", "a1").strip())
                .stream().flatMap(l -> ((List<?>) l.get("addr_info")).stream()).toList());
    }
}
