package dev.ffsock.cli;

import dev.ffsock.netlink.route.PopulatedNetns;
import dev.ffsock.testutil.Json;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code ffsock qdisc|class|filter} against {@code tc} in a namespace of its own: objects made with
 * the CLI and with tc on veth pairs (down: no traffic, so no counter moves), then every listing compared
 * with tc's — the JSON arrays key by key and value by value (for filters the exact text, since tc -j
 * repeats the "match" key), and the text of {@code tc class show} (tc 6.1 prints classes as text even
 * with -j). Volatile keys, excluded where statistics are compared: {@value #VOLATILE_NOTE}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TcCommandsTest {
    static final String VOLATILE_NOTE = "bytes, packets, drops, overlimits, requeues, backlog, qlen, rate, pps";
    private static final Set<String> VOLATILE = Set.of(VOLATILE_NOTE.split(", "));
    private String ns;

    @BeforeAll
    void setUp() throws Exception {
        ns = "ffsock-tccli-" + Long.toHexString(ThreadLocalRandom.current().nextLong() & 0xffffffffL);
        String err = PopulatedNetns.run("ip", "netns", "add", ns);
        Assumptions.assumeTrue(err == null, "cannot create a network namespace: " + err);
        for (String l : new String[] {"a", "b", "c", "d"}) ip("link", "add", "t" + l, "type", "veth", "peer", "name", "t" + l + "p");
        // made with ffsock
        ok("qdisc", "add", "dev", "ta", "root", "handle", "1:", "htb", "default", "10", "r2q", "5");
        ok("class", "add", "dev", "ta", "parent", "1:", "classid", "1:1", "htb", "rate", "10mbit", "ceil", "20mbit");
        ok("class", "add", "dev", "ta", "parent", "1:1", "classid", "1:10", "htb", "rate", "1mbit", "ceil", "2mbit",
                "burst", "15k", "prio", "2");
        ok("qdisc", "add", "dev", "ta", "parent", "1:10", "handle", "10:", "pfifo", "limit", "50");
        ok("qdisc", "add", "dev", "ta", "ingress");
        ok("filter", "add", "dev", "ta", "parent", "1:", "protocol", "ip", "prio", "1", "u32", "match", "ip", "dst",
                "10.0.0.1/32", "flowid", "1:10");
        ok("filter", "add", "dev", "ta", "parent", "1:", "protocol", "ip", "prio", "2", "u32", "match", "ip", "src",
                "192.0.2.0/24", "match", "u8", "6", "0xff", "at", "9", "classid", "1:10");
        ok("qdisc", "add", "dev", "tb", "root", "tbf", "rate", "1mbit", "burst", "10k", "latency", "50ms");
        ok("qdisc", "add", "dev", "tc", "clsact");
        ip("link", "add", "te", "numtxqueues", "2", "type", "veth", "peer", "name", "tep");
        ok("qdisc", "add", "dev", "te", "root", "handle", "5:", "mq");
        ok("filter", "add", "dev", "tc", "egress", "u32", "match", "u16", "0x800", "0xffff", "at", "12");
        ok("filter", "add", "dev", "tc", "ingress", "protocol", "ipv6", "pref", "4", "chain", "3", "u32", "match", "u8",
                "0x11", "0xff", "at", "6", "flowid", "1:1");
        // made with tc
        tc("qdisc", "add", "dev", "td", "root", "handle", "2:", "htb");
        tc("class", "add", "dev", "td", "parent", "2:", "classid", "2:5", "htb", "rate", "300kbit", "cburst", "4k",
                "quantum", "1514");
        tc("qdisc", "add", "dev", "td", "parent", "2:5", "bfifo", "limit", "30k");
        tc("qdisc", "add", "dev", "tap", "root", "tbf", "rate", "8mbit", "burst", "32k", "limit", "100k", "peakrate",
                "10mbit", "mtu", "2000");
        tc("qdisc", "add", "dev", "tbp", "clsact");
        tc("filter", "add", "dev", "td", "parent", "2:", "protocol", "arp", "pref", "9", "u32", "match", "u32", "0", "0",
                "flowid", "2:5");
    }

    @AfterAll
    void tearDown() throws Exception {
        if (ns != null) PopulatedNetns.run("ip", "netns", "del", ns);
    }

    private void ip(String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("ip", "-n", ns));
        cmd.addAll(List.of(args));
        String err = PopulatedNetns.run(cmd.toArray(String[]::new));
        assertEquals(null, err, String.join(" ", cmd));
    }

    private String tc(String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("tc", "-n", ns));
        cmd.addAll(List.of(args));
        return PopulatedNetns.output(cmd.toArray(String[]::new));
    }

    private Cli.Result ffsock(String... args) {
        List<String> a = new ArrayList<>(List.of(args));
        a.add("--netns");
        a.add(ns);
        return Cli.run(a.toArray(String[]::new));
    }

    private void ok(String... args) {
        Cli.Result r = ffsock(args);
        assertEquals(0, r.status(), r::toString);
        assertEquals("", r.out() + r.err(), r::toString);
    }

    /** tc's and ffsock's arrays: the same objects, in order, each with the same keys and values (volatile ones aside). */
    private void sameJson(List<String> ffsockArgs, String... tcArgs) throws Exception {
        Cli.Result r = ffsock(ffsockArgs.toArray(String[]::new));
        assertEquals(0, r.status(), r::toString);
        List<Map<String, Object>> mine = Json.array(r.out().strip());
        List<Map<String, Object>> theirs = Json.array(tc(tcArgs).strip());
        assertEquals(theirs.size(), mine.size(), () -> "tc: " + theirs + "\nffsock: " + mine);
        assertTrue(!theirs.isEmpty(), "nothing to compare");
        for (int i = 0; i < theirs.size(); i++) {
            Map<String, Object> t = theirs.get(i), m = mine.get(i);
            assertEquals(t.keySet(), m.keySet(), "keys of object " + i + ": tc " + t + ", ffsock " + m);
            for (String k : t.keySet()) {
                if (VOLATILE.contains(k)) continue;
                assertEquals(t.get(k), m.get(k), "key " + k + " of object " + i + ": tc " + t + ", ffsock " + m);
            }
        }
    }

    @Test
    void qdiscJsonIsTcs() throws Exception {
        sameJson(List.of("qdisc", "show", "--json"), "-j", "qdisc", "show");
        sameJson(List.of("qdisc", "show", "--json", "-s"), "-j", "-s", "qdisc", "show");
        // with -d and a peak rate tc prints "mpu" twice in one object: compared as text
        assertEquals(tc("-j", "-d", "qdisc", "show"), ffsock("qdisc", "show", "--json", "-d").out());
        for (String dev : new String[] {"ta", "tb", "tc", "td", "te", "tap", "tbp"}) {
            sameJson(List.of("qdisc", "show", "dev", dev, "--json"), "-j", "qdisc", "show", "dev", dev);
        }
    }

    @Test
    void classTextIsTcs() throws Exception {
        for (String dev : new String[] {"ta", "td"}) {
            assertEquals(tc("class", "show", "dev", dev), ffsock("class", "show", "dev", dev).out());
            assertEquals(tc("-s", "class", "show", "dev", dev), ffsock("class", "show", "dev", dev, "-s").out());
            assertEquals(tc("-d", "class", "show", "dev", dev), ffsock("class", "show", "dev", dev, "-d").out());
        }
    }

    @Test
    void classJsonCarriesTcsValues() throws Exception {
        List<Map<String, Object>> l = Json.array(ffsock("class", "show", "dev", "ta", "--json").out().strip());
        assertEquals(2, l.size(), l::toString);
        Map<String, Object> top = l.stream().filter(m -> m.get("handle").equals("1:1")).findFirst().orElseThrow();
        Map<String, Object> leaf = l.stream().filter(m -> m.get("handle").equals("1:10")).findFirst().orElseThrow();
        assertEquals(Map.of("class", "htb", "handle", "1:1", "root", true, "rate", 1250000L, "ceil", 2500000L,
                "burst", 1600L, "cburst", 1600L), top);
        assertEquals(Map.of("class", "htb", "handle", "1:10", "parent", "1:1", "leaf", "0x10", "prio", 2L,
                "rate", 125000L, "ceil", 250000L, "burst", 15360L, "cburst", 1600L), leaf);
        String text = tc("class", "show", "dev", "ta");
        assertTrue(text.contains("class htb 1:10 parent 1:1 leaf 10: prio 2 rate 1Mbit ceil 2Mbit burst 15Kb cburst 1600b"), text);
    }

    @Test
    void filterOutputIsTcs() throws Exception {
        // byte for byte: tc -j prints one "match" per key in the same object, and so does ffsock
        assertEquals(tc("-j", "filter", "show", "dev", "ta", "parent", "1:"),
                ffsock("filter", "show", "dev", "ta", "parent", "1:", "--json").out());
        assertEquals(tc("-j", "filter", "show", "dev", "ta"), ffsock("filter", "show", "dev", "ta", "--json").out());
        assertEquals(tc("-j", "filter", "show", "dev", "tc", "egress"), ffsock("filter", "show", "dev", "tc", "egress", "--json").out());
        assertEquals(tc("-j", "filter", "show", "dev", "tc", "ingress", "chain", "3"),
                ffsock("filter", "show", "dev", "tc", "ingress", "--json").out().replace(",\"chain\":3", ""));
        assertTrue(tc("filter", "show", "dev", "tc", "ingress", "chain", "3").contains("match 00001100/0000ff00 at 4"));
        assertEquals(tc("-j", "filter", "show", "dev", "td"), ffsock("filter", "show", "dev", "td", "--json").out());
        assertEquals(tc("-j", "filter", "show", "dev", "ta", "parent", "1:", "pref", "2", "protocol", "ip"),
                ffsock("filter", "show", "dev", "ta", "parent", "1:", "pref", "2", "protocol", "ip", "--json").out());
        assertEquals(tc("-j", "-s", "filter", "show", "dev", "ta"), ffsock("filter", "show", "dev", "ta", "-s", "--json").out());
        assertEquals(tc("filter", "show", "dev", "ta"), ffsock("filter", "show", "dev", "ta").out());
    }

    @Test
    void changesAndRefusals() throws Exception {
        ok("qdisc", "add", "dev", "tb", "ingress");
        ok("qdisc", "replace", "dev", "tb", "root", "pfifo", "limit", "9");
        assertTrue(tc("qdisc", "show", "dev", "tb").contains("qdisc pfifo 8"), tc("qdisc", "show", "dev", "tb"));
        ok("qdisc", "del", "dev", "tb", "ingress");
        ok("qdisc", "del", "dev", "tb", "root");
        assertEquals("", tc("qdisc", "show", "dev", "tb"));
        ok("class", "replace", "dev", "td", "parent", "2:", "classid", "2:5", "htb", "rate", "400kbit");
        assertTrue(tc("class", "show", "dev", "td").contains("rate 400Kbit"));
        ok("filter", "del", "dev", "td", "parent", "2:", "pref", "9", "protocol", "arp");
        assertEquals("", tc("filter", "show", "dev", "td", "parent", "2:"));
        ok("class", "del", "dev", "td", "classid", "2:5");
        ok("qdisc", "change", "dev", "tap", "root", "tbf", "rate", "4mbit", "burst", "32k", "limit", "100k", "peakrate",
                "10mbit", "mtu", "2000");
        assertTrue(tc("qdisc", "show", "dev", "tap").contains("rate 4Mbit"), tc("qdisc", "show", "dev", "tap"));
        // a new pref gets a hash table of its own: node 7 in it, then deleted by the handle tc shows
        ok("filter", "add", "dev", "ta", "parent", "1:", "protocol", "ip", "pref", "7", "handle", "::7", "u32", "match",
                "u32", "0", "0", "at", "0", "flowid", "1:10");
        java.util.regex.Matcher fh = java.util.regex.Pattern.compile("fh ([0-9a-f]+::7) order 7 ")
                .matcher(tc("filter", "show", "dev", "ta", "parent", "1:", "pref", "7"));
        assertTrue(fh.find(), tc("filter", "show", "dev", "ta", "parent", "1:", "pref", "7"));
        ok("filter", "del", "dev", "ta", "parent", "1:", "protocol", "ip", "pref", "7", "handle", fh.group(1), "u32");
        assertTrue(!tc("filter", "show", "dev", "ta", "parent", "1:", "pref", "7").contains(fh.group(1)));
        assertEquals("", tc("class", "show", "dev", "td"));

        Cli.Result kind = ffsock("qdisc", "add", "dev", "tb", "root", "fq_codel");
        assertEquals(1, kind.status(), kind::toString);
        assertEquals("ffsock: RTM_NEWQDISC: ENOENT (No such file or directory) [kernel: Specified qdisc kind is unknown]\n",
                kind.err());
        Cli.Result cls = ffsock("filter", "add", "dev", "ta", "parent", "1:", "flower");
        assertEquals(1, cls.status(), cls::toString);
        assertTrue(cls.err().startsWith("ffsock: RTM_NEWTFILTER: ENOENT (No such file or directory) [kernel: TC classifier not found]"),
                cls::toString);
        Cli.Result dup = ffsock("qdisc", "add", "dev", "ta", "root", "handle", "1:", "htb");
        assertEquals(1, dup.status(), dup::toString);
        assertTrue(dup.err().startsWith("ffsock: RTM_NEWQDISC: EEXIST"), dup::toString);
        Cli.Result nodev = ffsock("qdisc", "show", "dev", "nosuchdev");
        assertEquals(1, nodev.status(), nodev::toString);
        assertTrue(nodev.err().startsWith("ffsock: RTM_GETLINK: ENODEV"), nodev::toString);
    }

    @Test
    void monitorPrintsTcEvents() throws Exception {
        ip("link", "add", "tm", "type", "veth", "peer", "name", "tmp");
        Cli.Lines out = new Cli.Lines();
        Cli.Lines err = new Cli.Lines();
        AtomicInteger status = new AtomicInteger(-1);
        Thread t = Thread.ofPlatform().start(() -> status.set(Main.run(
                new String[] {"monitor", "tc", "--count", "2", "--timeout", "20", "--netns", ns},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8))));
        assertEquals("ffsock: monitoring tc in " + ns + ", 2 events", err.next(Duration.ofSeconds(10)));
        tc("qdisc", "add", "dev", "tm", "root", "handle", "7:", "pfifo");
        tc("qdisc", "del", "dev", "tm", "root");
        assertEquals("qdisc new pfifo 7: dev tm parent root", out.next(Duration.ofSeconds(10)));
        assertEquals("qdisc del pfifo 7: dev tm parent root", out.next(Duration.ofSeconds(10)));
        t.join(20_000);
        assertEquals(0, status.get());
    }

    @Test
    void badArgumentsExit2BeforeSending() throws Exception {
        String before = tc("qdisc", "show") + tc("class", "show", "dev", "ta") + tc("filter", "show", "dev", "ta");
        usage("rate: unknown rate unit 'mbpx' in '1mbpx'", "class", "add", "dev", "ta", "parent", "1:", "classid", "1:30",
                "htb", "rate", "1mbpx");
        usage("rate: rate '0mbit' must be at least 8bit", "class", "add", "dev", "ta", "parent", "1:", "classid", "1:30",
                "htb", "rate", "0mbit");
        usage("handle: invalid qdisc handle '10000:'", "qdisc", "add", "dev", "ta", "root", "handle", "10000:", "htb");
        usage("classid: invalid class id '1:10000'", "class", "add", "dev", "ta", "parent", "1:", "classid", "1:10000",
                "htb", "rate", "1mbit");
        usage("htb ceil 1000 is below the rate 125000", "class", "add", "dev", "ta", "parent", "1:", "classid", "1:30",
                "htb", "rate", "1mbit", "ceil", "8kbit");
        usage("htb: 'rate' is required", "class", "add", "dev", "ta", "parent", "1:", "classid", "1:30", "htb");
        usage("tbf needs exactly one of limit and latency", "qdisc", "add", "dev", "tb", "root", "tbf", "rate", "1mbit",
                "burst", "10k");
        usage("qdisc add needs 'dev DEV'", "qdisc", "add", "root", "htb");
        usage("qdisc add needs root, parent ID, ingress or clsact", "qdisc", "add", "dev", "ta", "htb");
        usage("unknown verb 'frob': show, add, replace, change or del", "qdisc", "frob");
        usage("u16 match offset 3 is odd", "filter", "add", "dev", "ta", "parent", "1:", "u32", "match", "u16", "1", "0xffff",
                "at", "3");
        usage("prefix length 33 outside 0..32", "filter", "add", "dev", "ta", "parent", "1:", "u32", "match", "ip", "dst",
                "10.0.0.0/33");
        usage("unknown option '--bogus'", "class", "show", "dev", "ta", "--bogus");
        usage("invalid u32 handle '1000::1'", "filter", "del", "dev", "ta", "parent", "1:", "pref", "7", "handle", "1000::1",
                "u32");
        assertEquals(before, tc("qdisc", "show") + tc("class", "show", "dev", "ta") + tc("filter", "show", "dev", "ta"));
    }

    private void usage(String message, String... args) {
        Cli.Result r = ffsock(args);
        assertEquals(2, r.status(), r::toString);
        assertTrue(r.err().startsWith("ffsock: " + message), r::toString);
        assertEquals(1, r.err().lines().count(), r::toString);
        assertTrue(r.err().contains("(see 'ffsock help " + args[0] + "')"), r::toString);
    }
}
