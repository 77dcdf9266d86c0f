package dev.ffsock.netlink;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Mutation fuzz of a family's decoders: each message of the corpus must be decoded by exactly one of them,
 * and mutated and truncated copies must give a record (or null) or a {@link NetlinkFormatException}, nothing
 * else. The seed is printed on failure; {@code -Dffsock.fuzz.seed=N} repeats a run.
 */
public final class CodecFuzz {
    private CodecFuzz() {
    }

    /** What a run saw. */
    public record Counts(long seed, int decoded, int formatErrors) {
    }

    /**
     * Runs 30000 mutations.
     *
     * @param corpus   whole netlink messages (header included)
     * @param decoders the family's decoders (each returns null for a type it does not decode)
     * @return how many mutations decoded and how many were format errors
     */
    public static Counts run(List<byte[]> corpus, List<Function<NetlinkMessage, Object>> decoders) {
        for (byte[] b : corpus) {
            NetlinkMessage m = NetlinkMessage.parse(MemorySegment.ofArray(b));
            int decoded = 0;
            for (var d : decoders) if (d.apply(m) != null) decoded++;
            assertEquals(1, decoded, "one decoder per message type");
        }
        long seed = Long.getLong("ffsock.fuzz.seed", System.nanoTime());
        Random rnd = new Random(seed);
        int formatErrors = 0, decoded = 0;
        for (int i = 0; i < 30_000; i++) {
            byte[] b = corpus.get(rnd.nextInt(corpus.size())).clone();
            int flips = 1 + rnd.nextInt(8);
            for (int f = 0; f < flips; f++) {
                int at = 16 + rnd.nextInt(Math.max(1, b.length - 16));
                if (at < b.length) b[at] = (byte) (rnd.nextInt(4) == 0 ? 0xff : rnd.nextInt(256));
            }
            int len = rnd.nextInt(3) == 0 ? 16 + rnd.nextInt(b.length - 15) : b.length;
            byte[] cut = Arrays.copyOf(b, len);
            MemorySegment s = MemorySegment.ofArray(cut);
            s.set(ValueLayout.JAVA_INT_UNALIGNED, 0, len);
            NetlinkMessage m = NetlinkMessage.parse(s);
            for (var d : decoders) {
                try {
                    if (d.apply(m) != null) decoded++;
                } catch (NetlinkFormatException e) {
                    formatErrors++;
                } catch (RuntimeException e) {
                    throw new AssertionError("seed " + seed + ": " + e, e);
                }
            }
        }
        return new Counts(seed, decoded, formatErrors);
    }
}
