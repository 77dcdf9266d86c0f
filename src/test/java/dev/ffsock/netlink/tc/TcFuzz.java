package dev.ffsock.netlink.tc;

import dev.ffsock.netlink.CodecFuzz;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** Mutation fuzz of the tc decoders ({@link CodecFuzz}) over a corpus of messages, synthetic or dumped from a kernel. */
public final class TcFuzz {
    private TcFuzz() {
    }

    /**
     * Fuzzes {@link TcCodec#decodeQdisc}, {@link TcCodec#decodeClass} and {@link TcCodec#decodeFilter}; some
     * mutations must still decode and some must be format errors (else the mutations missed the decoders).
     *
     * @param corpus whole netlink messages (header included)
     */
    public static void run(List<byte[]> corpus) {
        CodecFuzz.Counts c = CodecFuzz.run(corpus, List.of(TcCodec::decodeQdisc, TcCodec::decodeClass, TcCodec::decodeFilter));
        assertTrue(c.formatErrors() > 0 && c.decoded() > 0, c::toString);
    }
}
