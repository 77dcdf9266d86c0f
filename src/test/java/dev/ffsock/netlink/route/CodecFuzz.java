package dev.ffsock.netlink.route;

import dev.ffsock.netlink.NetlinkFormatException;
import dev.ffsock.netlink.NetlinkMessage;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.List;
import java.util.Random;
import java.util.function.Function;

/** The mutation fuzz loop of the codec tests: flipped bytes and truncations of real messages. */
final class CodecFuzz {
    private CodecFuzz() {
    }

    /** What one run saw. */
    record Outcome(int records, int formatErrors) {
    }

    /**
     * Decodes {@code rounds} mutated copies of {@code corpus} (1-8 bytes after the header changed,
     * a third of them cut short) with every decoder: each returns a record, null, or throws
     * {@link NetlinkFormatException}; anything else fails, naming the seed ({@code -Dffsock.fuzz.seed}
     * repeats a run).
     */
    static Outcome run(List<byte[]> corpus, List<Function<NetlinkMessage, Object>> decoders, int rounds) {
        long seed = Long.getLong("ffsock.fuzz.seed", System.nanoTime());
        Random rnd = new Random(seed);
        int formatErrors = 0, records = 0;
        for (int i = 0; i < rounds; i++) {
            byte[] b = corpus.get(rnd.nextInt(corpus.size())).clone();
            int flips = 1 + rnd.nextInt(8);
            for (int f = 0; f < flips; f++) {
                int at = 16 + rnd.nextInt(Math.max(1, b.length - 16));
                if (at < b.length) b[at] = (byte) (rnd.nextInt(4) == 0 ? 0xff : rnd.nextInt(256));
            }
            int len = rnd.nextInt(3) == 0 ? 16 + rnd.nextInt(b.length - 15) : b.length;
            byte[] cut = java.util.Arrays.copyOf(b, len);
            MemorySegment s = MemorySegment.ofArray(cut);
            s.set(ValueLayout.JAVA_INT_UNALIGNED, 0, len);
            NetlinkMessage m = NetlinkMessage.parse(s);
            for (var d : decoders) {
                try {
                    if (d.apply(m) != null) records++;
                } catch (NetlinkFormatException e) {
                    formatErrors++;
                } catch (RuntimeException e) {
                    throw new AssertionError("seed " + seed + ": " + e, e);
                }
            }
        }
        return new Outcome(records, formatErrors);
    }
}
