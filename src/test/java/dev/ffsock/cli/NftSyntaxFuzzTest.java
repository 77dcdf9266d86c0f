package dev.ffsock.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ffsock.netlink.netfilter.nft.Nft;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The nft syntax readers of {@code ffsock nft} (tokens, rule statements, chain and set
 * declarations, element lists, values) on mutated texts: each parses or is a {@link UsageException},
 * nothing else. The seed is printed on failure;
 * {@code -Dffsock.fuzz.seed=N} repeats a run.
 */
class NftSyntaxFuzzTest {
    private static final String[] JUNK = {"{", "}", ",", ";", "!=", "==", "-", "/", "\"", "*", ":", ".", "0", "-1", "65536",
        "999.1.1.1", "::ffff:1.2.3.4", "1.2.3.4/33", "10-", "-20", "0x", "tcp", "ip", "ip6", "saddr", "dport", "ct", "state",
        "jump", "log", "prefix", "level", "limit", "rate", "1/fortnight", "burst", "comment", "\"" + "x".repeat(200) + "\""};

    private static final List<String> DECLARATIONS = List.of(
            "{ type filter hook input priority 0; policy drop; }",
            "{ type nat hook prerouting priority dstnat; }",
            "{ type filter hook ingress device \"lo\" priority -500; }",
            "{ type ipv4_addr; flags interval, timeout; timeout 1h; elements = { 10.0.0.0/8, 192.168.1.1, 172.16.0.1-172.16.0.9 } }",
            "{ type inet_service : verdict; elements = { 22 : accept, 23 : jump c2 } }",
            "{ type ifname : mark; elements = { \"lo\" : 5 } }",
            "{ type ipv6_addr; flags interval; elements = { 2001:db8::/32, ::1 } }",
            "{ type ether_addr; elements = { 02:00:00:00:00:01 } }");

    /** Chain and set declarations and their element lists, mutated: parsed or usage errors. */
    @Test
    void mutatedDeclarationsParseOrAreUsageErrors() {
        long seed = Long.getLong("ffsock.fuzz.seed", System.nanoTime());
        Random rnd = new Random(seed);
        int ok = 0, usage = 0;
        for (int i = 0; i < 20_000; i++) {
            int which = rnd.nextInt(DECLARATIONS.size());
            List<String> words = mutate(rnd, DECLARATIONS.get(which), seed);
            int family = which == 2 ? Nft.NFPROTO_NETDEV : Nft.NFPROTO_INET;
            try {
                NftTokens t = new NftTokens(words);
                if (which < 3) NftObjectSyntax.chain(t, family, "t", "c");
                else NftObjectSyntax.set(t, family, "t", "s", which == 4 || which == 5);
                ok++;
            } catch (UsageException e) {
                usage++;
            } catch (RuntimeException e) {
                throw new AssertionError("seed " + seed + ": " + words + ": " + e, e);
            }
        }
        assertTrue(ok > 100 && usage > 100, "parsed " + ok + ", usage errors " + usage);
    }

    private static List<String> mutate(Random rnd, String base, long seed) {
        List<String> words;
        try {
            words = new ArrayList<>(NftTokens.split(base));
        } catch (UsageException e) {
            throw new AssertionError("seed " + seed + ": " + base, e);
        }
        int edits = 1 + rnd.nextInt(4);
        for (int k = 0; k < edits && !words.isEmpty(); k++) {
            int at = rnd.nextInt(words.size());
            switch (rnd.nextInt(4)) {
                case 0 -> words.remove(at);
                case 1 -> words.add(at, JUNK[rnd.nextInt(JUNK.length)]);
                case 2 -> words.set(at, JUNK[rnd.nextInt(JUNK.length)]);
                default -> {
                    String w = words.get(at);
                    if (!w.isEmpty()) {
                        char[] c = w.toCharArray();
                        c[rnd.nextInt(c.length)] = (char) (0x20 + rnd.nextInt(0x5f));
                        words.set(at, new String(c));
                    }
                }
            }
        }
        return words;
    }

    @Test
    void mutatedRulesCompileOrAreUsageErrors() {
        long seed = Long.getLong("ffsock.fuzz.seed", System.nanoTime());
        Random rnd = new Random(seed);
        int ok = 0, usage = 0;
        for (int i = 0; i < 20_000; i++) {
            List<String> words = mutate(rnd, NftCommandTest.RULES.get(rnd.nextInt(NftCommandTest.RULES.size())), seed);
            int family = new int[] {Nft.NFPROTO_IPV4, Nft.NFPROTO_IPV6, Nft.NFPROTO_INET}[rnd.nextInt(3)];
            try {
                new NftRuleCompiler(family, "t", set -> 1).compile(new NftTokens(words));
                ok++;
            } catch (UsageException e) {
                usage++;
            } catch (RuntimeException e) {
                throw new AssertionError("seed " + seed + ": " + words + ": " + e, e);
            }
        }
        assertTrue(ok > 100 && usage > 100, "compiled " + ok + ", usage errors " + usage);
    }
}
