package dev.ffsock.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ffsock.netlink.netfilter.nft.NftNetns;
import dev.ffsock.testutil.Json;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code ffsock nft} against nft in a test namespace: a rule added by ffsock holds the same
 * expressions as the same rule text added by nft ({@code nft --debug=netlink} line for line);
 * {@code --json} prints what {@code nft -j} prints, object by object and key by key;
 * {@code --netlink} what {@code nft --debug=netlink} prints; mistakes exit 2 with one line,
 * refusals 1 with errno.
 */
class NftCommandTest {
    private NftNetns netns;
    private String ns;

    private record Result(int status, String out, String err) {
    }

    @BeforeEach
    void setUp() throws Exception {
        netns = NftNetns.create();
        ns = netns.name;
    }

    @AfterEach
    void tearDown() throws Exception {
        if (netns != null) netns.close();
    }

    private String nft(String stdin, String... args) throws Exception {
        return netns.nft(stdin, args);
    }

    private Result ffsock(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        List<String> a = new ArrayList<>(List.of("nft", "--netns", ns));
        a.addAll(List.of(args));
        int status = Main.run(a.toArray(String[]::new), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private void ok(String... args) {
        Result r = ffsock(args);
        assertEquals(0, r.status, "ffsock nft " + String.join(" ", args) + ": " + r.err);
    }

    /** The expression lines of every rule of a chain in nft's debug output, rule by rule. */
    private List<List<String>> ruleLines(String table, String chain) throws Exception {
        String out = nft(null, "--debug=netlink", "list", "chain", "inet", table, chain);
        List<List<String>> rules = new ArrayList<>();
        List<String> cur = null;
        for (String line : out.split("\n")) {
            if (line.startsWith("inet " + table + " " + chain + " ")) {
                cur = new ArrayList<>();
                rules.add(cur);
            } else if (cur != null && line.startsWith("  ")) {
                cur.add(line);
            } else if (line.startsWith("table ")) {
                break;
            }
        }
        return rules;
    }

    static final List<String> RULES = List.of(
            "ip saddr 10.0.0.1 tcp dport 22 counter accept comment \"ssh\"",
            "ip saddr 10.0.0.0/20 tcp sport 22 accept",
            "ip daddr 192.168.0.0/16 drop",
            "ip daddr != 1.2.3.4 udp dport != 53 return",
            "ip6 saddr 2001:db8::1 counter",
            "ip6 daddr 2001:db8::/32 accept",
            "tcp dport { 80, 443 } jump c2",
            "ip saddr { 1.1.1.1, 2.2.2.2 } goto c2",
            "udp dport 10-20 reject",
            "ct state established,related accept",
            "ct state new counter drop",
            "ct state != invalid accept",
            "iifname \"lo\" accept",
            "oifname \"eth*\" drop",
            "meta iifname != \"lo\" meta l4proto udp counter",
            "meta l4proto tcp tcp dport 8080 accept",
            "meta nfproto ipv6 counter",
            "log",
            "log prefix \"hi \" level warn",
            "limit rate 5/minute burst 3 packets accept",
            "limit rate over 10/second drop",
            "reject");

    @Test
    void rulesHoldTheExpressionsNftMakesOfTheSameText() throws Exception {
        nft("table inet n {\n chain c2 { }\n chain c { type filter hook input priority 0; }\n}\n", "-f", "-");
        ok("add", "table", "inet", "f");
        ok("add", "chain", "inet", "f", "c2");
        ok("add", "chain", "inet", "f", "c", "{ type filter hook input priority 0; }");
        for (String rule : RULES) {
            nft(null, "add", "rule", "inet", "n", "c", rule);
            List<String> args = new ArrayList<>(List.of("add", "rule", "inet", "f", "c"));
            args.addAll(NftTokens.split(rule));
            // the shell would take the quotes away; ffsock reads the words as nft does
            ok(args.toArray(String[]::new));
        }
        List<List<String>> theirs = ruleLines("n", "c"), ours = ruleLines("f", "c");
        assertEquals(RULES.size(), theirs.size());
        for (int i = 0; i < RULES.size(); i++) assertEquals(theirs.get(i), ours.get(i), RULES.get(i));
    }

    static final String RULESET = """
            table inet t {
              set s4 { type ipv4_addr; flags interval, timeout; timeout 1h; elements = { 10.0.0.0/8, 192.168.1.1 timeout 30m, 172.16.0.1-172.16.0.9 } }
              set p { type inet_service; elements = { 22, 80, 8080 } }
              set v6 { type ipv6_addr; flags interval; elements = { 2001:db8::/32, ::1, fe80::1-fe80::5 } }
              set cc { type ipv4_addr . inet_service; elements = { 1.2.3.4 . 80 } }
              set pr { type inet_proto; elements = { tcp, 17 } }
              set mk { type mark; elements = { 0x10, 7 } }
              set e { type ether_addr; elements = { 02:00:00:00:00:01 } }
              set n { type ifname; elements = { "lo", "eth0" } }
              set empty { type ipv4_addr; flags constant; }
              map vm { type inet_service : verdict; elements = { 22 : accept, 23 : jump c2, 24 : drop } }
              map dm { type ipv4_addr : ipv4_addr; elements = { 1.2.3.4 : 5.6.7.8 } }
              map im { type ifname : mark; elements = { "lo" : 5 } }
              chain c2 { }
              chain in { type filter hook input priority 0; policy drop;
                ip saddr 10.0.0.1 tcp dport 22 counter accept comment "ssh"
                tcp dport vmap @vm
              }
              chain pre { type nat hook prerouting priority dstnat; }
              chain out { type route hook output priority mangle; }
            }
            table netdev nd {
              chain ing { type filter hook ingress device "lo" priority -500; }
            }
            table ip x {
              chain y { }
            }
            """;

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> objects(String json) {
        return (List<Map<String, Object>>) ((Map<String, Object>) Json.parse(json)).get("nftables");
    }

    /** Removes {@code expires} (a countdown) at any depth. */
    @SuppressWarnings("unchecked")
    private static Object withoutExpires(Object o) {
        if (o instanceof Map<?, ?> m) {
            Map<String, Object> out = new LinkedHashMap<>();
            for (var e : ((Map<String, Object>) m).entrySet()) if (!e.getKey().equals("expires")) out.put(e.getKey(), withoutExpires(e.getValue()));
            return out;
        }
        if (o instanceof List<?> l) return l.stream().map(NftCommandTest::withoutExpires).toList();
        return o;
    }

    @Test
    void jsonIsWhatNftJsonPrints() throws Exception {
        nft(RULESET, "-f", "-");
        Result r = ffsock("list", "ruleset", "--json");
        assertEquals(0, r.status, r.err);
        List<Map<String, Object>> ours = objects(r.out), theirs = objects(nft(null, "-j", "list", "ruleset"));
        assertEquals(theirs.size(), ours.size(), "objects\nffsock: " + ours + "\nnft:    " + theirs);
        for (int i = 0; i < theirs.size(); i++) {
            Map<String, Object> t = new LinkedHashMap<>(theirs.get(i)), o = new LinkedHashMap<>(ours.get(i));
            String kind = t.keySet().iterator().next();
            assertEquals(kind, o.keySet().iterator().next(), "object " + i);
            Map<String, Object> tb = new LinkedHashMap<>((Map<String, Object>) t.get(kind));
            Map<String, Object> ob = new LinkedHashMap<>((Map<String, Object>) o.get(kind));
            if (kind.equals("metainfo")) {
                // nft's and ffsock's own version: excluded by name
                for (String k : List.of("version", "release_name")) {
                    tb.remove(k);
                    ob.remove(k);
                }
            }
            if (kind.equals("rule")) tb.remove("expr"); // ffsock does not decompile rules (compared with --netlink below)
            assertEquals(withoutExpires(tb), withoutExpires(ob), kind + " " + i);
        }
        Result tables = ffsock("list", "tables", "--json");
        assertEquals(0, tables.status, tables.err);
        assertEquals(objects(nft(null, "-j", "list", "tables")).subList(1, 4), objects(tables.out).subList(1, 4));
        Result table = ffsock("list", "table", "inet", "t", "--json");
        assertEquals(objects(nft(null, "-j", "list", "table", "inet", "t")).size(), objects(table.out).size());
    }

    /** The handles of a chain's rules in order, and their expressions. */
    private List<String> order(String table) throws Exception {
        List<String> out = new ArrayList<>();
        for (List<String> r : ruleLines(table, "c")) out.add(String.join("|", r));
        return out;
    }

    @Test
    void insertAndPositionPlaceRulesAsNftDoes() throws Exception {
        nft("table inet n {\n chain c { }\n}\ntable inet f {\n chain c { }\n}\n", "-f", "-");
        for (String table : List.of("n", "f")) {
            String[][] steps = {
                {"add", "rule", "inet", table, "c", "counter", "accept"},
                {"add", "rule", "inet", table, "c", "counter", "drop"},
                {"insert", "rule", "inet", table, "c", "log"},
            };
            for (String[] step : steps) {
                if (table.equals("n")) nft(null, step);
                else ok(step);
            }
        }
        // position: the handle of the second rule of each table
        for (String table : List.of("n", "f")) {
            String out = nft(null, "-a", "list", "chain", "inet", table, "c");
            String handle = out.lines().filter(l -> l.contains("counter packets 0 bytes 0 drop")).findFirst().orElseThrow()
                    .replaceAll(".*# handle ", "").strip();
            String[] add = {"add", "rule", "inet", table, "c", "position", handle, "reject"};
            String[] ins = {"insert", "rule", "inet", table, "c", "position", handle, "return"};
            if (table.equals("n")) {
                nft(null, add);
                nft(null, ins);
            } else {
                ok(add);
                ok(ins);
            }
        }
        assertEquals(order("n"), order("f"));
        assertEquals(5, order("f").size());
    }

    @Test
    void flushRulesetEmptiesAFamilyOrAll() throws Exception {
        nft(RULESET, "-f", "-");
        ok("flush", "ruleset", "netdev");
        assertEquals("table inet t\ntable ip x\n", nft(null, "list", "tables"));
        ok("flush", "ruleset");
        assertEquals("", nft(null, "list", "ruleset"));
    }

    @Test
    void netlinkIsWhatNftDebugPrints() throws Exception {
        nft(RULESET, "-f", "-");
        String out = nft(null, "--debug=netlink", "list", "ruleset");
        String debug = out.substring(0, out.indexOf("\ntable ") + 1);
        Result r = ffsock("list", "ruleset", "--netlink");
        assertEquals(0, r.status, r.err);
        // element dumps of hash sets come in the kernel's order, and nft fetches them once per listing
        assertEquals(debug.lines().sorted().toList(), r.out.lines().sorted().toList());
        assertEquals(debug.lines().filter(l -> !l.startsWith("\telement")).toList(),
                r.out.lines().filter(l -> !l.startsWith("\telement")).toList());
        Result tables = ffsock("list", "tables");
        assertEquals(nft(null, "list", "tables"), tables.out);
    }

    @Test
    void setsMapsAndElementsMadeByFfsockListAsNftMadeThem() throws Exception {
        String[][] cmds = {
            {"add", "table", "inet", "t"},
            {"add", "chain", "inet", "t", "c2"},
            {"add", "chain", "inet", "t", "in", "{ type filter hook input priority 0; policy drop; }"},
            {"add", "set", "inet", "t", "s4", "{ type ipv4_addr; flags interval; elements = { 10.0.0.0/8, 192.168.1.1, 172.16.0.1-172.16.0.9 } }"},
            {"add", "set", "inet", "t", "p", "{ type inet_service; elements = { 22, 80 } }"},
            {"add", "map", "inet", "t", "vm", "{ type inet_service : verdict; elements = { 22 : accept, 23 : jump c2 } }"},
            {"add", "map", "inet", "t", "dm", "{ type ipv4_addr : ipv4_addr; elements = { 1.2.3.4 : 5.6.7.8 } }"},
            {"add", "element", "inet", "t", "p", "{ 443, 8080 }"},
            {"delete", "element", "inet", "t", "p", "{ 80 }"},
            {"add", "table", "netdev", "nd"},
            {"add", "chain", "netdev", "nd", "ing", "{ type filter hook ingress device \"lo\" priority -500; }"},
        };
        for (String[] c : cmds) ok(c);
        String ffsockMade = nft(null, "-j", "list", "ruleset");
        nft(null, "flush", "ruleset");
        nft("""
                table inet t {
                  set s4 { type ipv4_addr; flags interval; elements = { 10.0.0.0/8, 192.168.1.1, 172.16.0.1-172.16.0.9 } }
                  set p { type inet_service; elements = { 22, 443, 8080 } }
                  map vm { type inet_service : verdict; elements = { 22 : accept, 23 : jump c2 } }
                  map dm { type ipv4_addr : ipv4_addr; elements = { 1.2.3.4 : 5.6.7.8 } }
                  chain c2 { }
                  chain in { type filter hook input priority 0; policy drop; }
                }
                table netdev nd {
                  chain ing { type filter hook ingress device "lo" priority -500; }
                }
                """, "-f", "-");
        String nftMade = nft(null, "-j", "list", "ruleset");
        assertEquals(strip(objects(nftMade)), strip(objects(ffsockMade)));
        ok("delete", "map", "inet", "t", "vm"); // the jump in its element holds c2
        ok("delete", "chain", "inet", "t", "c2");
        ok("delete", "table", "netdev", "nd");
        ok("delete", "table", "inet", "t");
        assertEquals("", nft(null, "list", "ruleset"));
    }

    /** nft's objects without handles (the kernel numbers them) and without metainfo. */
    @SuppressWarnings("unchecked")
    private static List<Object> strip(List<Map<String, Object>> objs) {
        List<Object> out = new ArrayList<>();
        for (Map<String, Object> o : objs) {
            String kind = o.keySet().iterator().next();
            if (kind.equals("metainfo")) continue;
            Map<String, Object> b = new LinkedHashMap<>((Map<String, Object>) o.get(kind));
            b.remove("handle");
            out.add(Map.of(kind, b));
        }
        out.sort(java.util.Comparator.comparing(Object::toString));
        return out;
    }

    /** How many sockets of the namespace have joined NFNLGRP_NFTABLES (/proc/net/netlink: protocol 12, group bit 7). */
    private int nftablesListeners() throws Exception {
        NftNetns.Result r = netns.in("cat", "/proc/net/netlink");
        int n = 0;
        for (String line : r.out().split("\n")) {
            String[] f = line.trim().split("\\s+");
            if (f.length > 3 && f[1].equals("12") && (Long.parseLong(f[3], 16) & (1 << 6)) != 0) n++;
        }
        return n;
    }

    @Test
    void monitorPrintsWhatNftMonitorPrints() throws Exception {
        Process nftMonitor = new ProcessBuilder("ip", "netns", "exec", ns, "nft", "monitor").start();
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        java.util.concurrent.atomic.AtomicInteger status = new java.util.concurrent.atomic.AtomicInteger(-1);
        Thread ffsockMonitor = Thread.ofPlatform().start(() -> status.set(Main.run(
                new String[] {"nft", "--netns", ns, "monitor", "--count", "15", "--timeout", "60"},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8))));
        try {
            long deadline = System.nanoTime() + 30_000_000_000L;
            while (nftablesListeners() < 2) {
                assertTrue(System.nanoTime() < deadline, "the monitors did not subscribe");
                Thread.sleep(50);
            }
            nft("table inet m {\n set s { type inet_service; elements = { 22 } }\n chain c2 { }\n"
                    + " chain c { type filter hook input priority 0; policy drop; tcp dport 22 accept; }\n}\n", "-f", "-");
            nft(null, "delete", "element", "inet", "m", "s", "{ 22 }");
            nft(null, "delete", "table", "inet", "m");
            ffsockMonitor.join(60_000);
            assertEquals(0, status.get(), err.toString(StandardCharsets.UTF_8));
            // nft monitor prints as it reads; give it the same events, then stop it
            String theirs = "";
            deadline = System.nanoTime() + 30_000_000_000L;
            while (System.nanoTime() < deadline) {
                Thread.sleep(100);
                if (nftMonitor.getInputStream().available() > 0) {
                    theirs += new String(nftMonitor.getInputStream().readNBytes(nftMonitor.getInputStream().available()), StandardCharsets.UTF_8);
                }
                if (theirs.lines().filter(l -> l.startsWith("# new generation")).count() >= 3) break;
            }
            List<String> ours = out.toString(StandardCharsets.UTF_8).lines().filter(l -> !l.startsWith("  [ ")).toList();
            // an added rule is the one line nft decompiles: compared by its head only
            List<String> nftLines = theirs.lines().map(l -> l.startsWith("add rule inet m c ") ? "add rule inet m c" : l).toList();
            assertEquals(nftLines, ours);
            assertTrue(out.toString(StandardCharsets.UTF_8).contains("add rule inet m c\n  [ meta load l4proto => reg 1 ]\n"), out.toString());
        } finally {
            nftMonitor.destroy();
            nftMonitor.waitFor();
        }
    }

    @Test
    void mistakesAndRefusals() throws Exception {
        Result bad = ffsock("add", "rule", "inet", "f", "c", "bogus");
        assertEquals(2, bad.status);
        assertEquals("ffsock: unknown or unsupported statement 'bogus' (see 'ffsock help nft')\n", bad.err);
        Result noType = ffsock("add", "chain", "inet", "f", "c", "{ hook input priority 0; }");
        assertEquals(2, noType.status);
        assertEquals(1, noType.err.lines().count(), noType.err);
        Result refused = ffsock("add", "chain", "inet", "missing", "c");
        assertEquals(1, refused.status);
        assertTrue(refused.err.startsWith("ffsock: message 0 (add chain inet missing c): ENOENT"), refused.err);
        assertEquals("", nft(null, "list", "ruleset"));
        Result help = ffsock("--help");
        assertEquals(0, help.status);
        assertTrue(help.out.startsWith("usage: ffsock nft"), help.out);
    }
}
