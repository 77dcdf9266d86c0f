package dev.ffsock.netlink.tc;

import dev.ffsock.netlink.NetlinkFormatException;
import dev.ffsock.netlink.NetlinkMessage;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Mutation fuzz of the tc decoders over a corpus of messages (synthetic or dumped from a kernel). */
public final class TcFuzz {
    private TcFuzz() {
    }

    /**
     * Checks each message decodes with exactly one decoder, then decodes 30000 mutated and truncated copies:
     * each must give a record or a {@link NetlinkFormatException}, nothing else.
     *
     * @param corpus whole netlink messages (header included)
     */
    public static void run(List<byte[]> corpus) {
        List<Function<NetlinkMessage, Object>> decoders = List.of(TcCodec::decodeQdisc, TcCodec::decodeClass,
                TcCodec::decodeFilter);
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
        assertTrue(formatErrors > 0 && decoded > 0, "seed " + seed + ": " + formatErrors + " format errors, "
                + decoded + " decoded");
    }
}
