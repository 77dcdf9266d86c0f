package dev.ffsock.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ffsock.netlink.netfilter.nft.Nft;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The nft syntax readers of {@code ffsock nft} (tokens, rule statements, values) on mutated rule
 * texts: each compiles or is a {@link UsageException}, nothing else. The seed is printed on failure;
 * {@code -Dffsock.fuzz.seed=N} repeats a run.
 */
class NftSyntaxFuzzTest {
    private static final String[] JUNK = {"{", "}", ",", ";", "!=", "==", "-", "/", "\"", "*", ":", ".", "0", "-1", "65536",
        "999.1.1.1", "::ffff:1.2.3.4", "1.2.3.4/33", "10-", "-20", "0x", "tcp", "ip", "ip6", "saddr", "dport", "ct", "state",
        "jump", "log", "prefix", "level", "limit", "rate", "1/fortnight", "burst", "comment", "\"" + "x".repeat(200) + "\""};

    @Test
    void mutatedRulesCompileOrAreUsageErrors() {
        long seed = Long.getLong("ffsock.fuzz.seed", System.nanoTime());
        Random rnd = new Random(seed);
        int ok = 0, usage = 0;
        for (int i = 0; i < 20_000; i++) {
            String base = NftCommandTest.RULES.get(rnd.nextInt(NftCommandTest.RULES.size()));
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
