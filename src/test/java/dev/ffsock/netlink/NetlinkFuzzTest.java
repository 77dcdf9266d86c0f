package dev.ffsock.netlink;

import static dev.ffsock.netlink.Netlink.NLMSGERR_ATTR_COOKIE;
import static dev.ffsock.netlink.Netlink.NLMSGERR_ATTR_MISS_NEST;
import static dev.ffsock.netlink.Netlink.NLMSGERR_ATTR_MISS_TYPE;
import static dev.ffsock.netlink.Netlink.NLMSGERR_ATTR_MSG;
import static dev.ffsock.netlink.Netlink.NLMSGERR_ATTR_OFFS;
import static dev.ffsock.netlink.Netlink.NLMSGERR_ATTR_POLICY;
import static dev.ffsock.netlink.Netlink.NLMSG_DONE;
import static dev.ffsock.netlink.Netlink.NLMSG_ERROR;
import static dev.ffsock.netlink.Netlink.NLM_F_ACK;
import static dev.ffsock.netlink.Netlink.NLM_F_ACK_TLVS;
import static dev.ffsock.netlink.Netlink.NLM_F_CAPPED;
import static dev.ffsock.netlink.Netlink.NLM_F_DUMP;
import static dev.ffsock.netlink.Netlink.NLM_F_MULTI;
import static dev.ffsock.netlink.Netlink.NLM_F_REQUEST;
import static dev.ffsock.netlink.TestBytes.bytes;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;

/**
 * Mutation fuzzing of the parsing side: valid messages get bit flips, length-field rewrites,
 * truncation, extension and splices, and then everything is walked (messages, errors, attributes
 * recursively, every getter). The only exception allowed out of the codec is {@link
 * NetlinkFormatException}, with an offset inside the buffer.
 *
 * <p>Runs the fixed seed and three random ones, for at most ~5 seconds and 200k iterations in
 * all. A failure names the seed, iteration and mutations; rerun one seed with
 * {@code mvn verify -Dtest=NetlinkFuzzTest -Dffsock.fuzz.seed=0x...} (surefire passes the
 * property on to the test JVM).
 */
class NetlinkFuzzTest {
    private static final long FIXED_SEED = 0x6e65746c696e6bL;
    private static final long BUDGET_NANOS = 5_000_000_000L;
    private static final int MAX_ITERATIONS = 200_000;
    private static final int[] HEADER_LENGTHS = {0, 1, 4, 16, 20};

    private static final List<Consumer<Attributes>> GETTERS = List.of(
            Attributes::flag, Attributes::u8, Attributes::s8, Attributes::u16, Attributes::s16, Attributes::u32,
            Attributes::s32, Attributes::u64, Attributes::s64, Attributes::uint, Attributes::sint, Attributes::be16,
            Attributes::be32, Attributes::be64, Attributes::inetAddress);

    private SplittableRandom walkRandom = new SplittableRandom(1);
    private long bufferSize;
    private long clean;
    private long rejected;
    private long getterErrors;

    @Test
    void mutatedMessagesOnlyEverThrowNetlinkFormatException() throws Exception {
        List<byte[]> corpus = corpus();
        for (int i = 0; i < corpus.size(); i++) {
            try {
                walkChecked(MemorySegment.ofArray(corpus.get(i)));
            } catch (Throwable t) {
                fail("unmutated corpus entry " + i + ": " + t, t);
            }
        }
        assertTrue(rejected == 0, "the unmutated corpus parses cleanly");

        long[] seeds;
        String property = System.getProperty("ffsock.fuzz.seed");
        if (property != null) {
            String p = property.strip().toLowerCase(java.util.Locale.ROOT);
            seeds = new long[] {p.startsWith("0x") ? Long.parseUnsignedLong(p.substring(2), 16) : Long.parseLong(p)};
        } else {
            SplittableRandom r = new SplittableRandom();
            seeds = new long[] {FIXED_SEED, r.nextLong(), r.nextLong(), r.nextLong()};
        }
        long start = System.nanoTime();
        int iterations = 0;
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment nativeBuf = arena.allocate(1 << 16, 8);
            for (int s = 0; s < seeds.length; s++) {
                long seed = seeds[s];
                long deadline = start + BUDGET_NANOS * (s + 1) / seeds.length;
                SplittableRandom rnd = new SplittableRandom(seed);
                walkRandom = rnd.split();
                for (int i = 0; i < MAX_ITERATIONS / seeds.length && System.nanoTime() < deadline; i++) {
                    int which = rnd.nextInt(corpus.size());
                    StringBuilder log = new StringBuilder();
                    byte[] data = mutate(corpus.get(which), rnd, log);
                    MemorySegment seg;
                    if ((i & 3) == 0 && data.length + 8 <= nativeBuf.byteSize()) {
                        // native memory at an unaligned address
                        seg = nativeBuf.asSlice(1 + rnd.nextInt(7), data.length);
                        MemorySegment.copy(MemorySegment.ofArray(data), 0, seg, 0, data.length);
                    } else {
                        seg = MemorySegment.ofArray(data);
                    }
                    try {
                        walkChecked(seg);
                    } catch (Throwable t) {
                        fail(String.format("seed=0x%x iteration=%d corpus=%d mutations=[%s] bytes=%s: %s",
                                seed, i, which, log, HexFormat.of().formatHex(data), t), t);
                    }
                    iterations++;
                }
            }
        }
        System.out.printf("netlink fuzz: %d iterations in %d ms, seeds %s; %d clean, %d rejected by the reader, "
                        + "%d getter/decoder format errors%n", iterations, (System.nanoTime() - start) / 1_000_000,
                java.util.Arrays.stream(seeds).mapToObj(x -> "0x" + Long.toHexString(x)).toList(),
                clean, rejected, getterErrors);
        assertTrue(iterations >= 1000, "fuzzer ran too few iterations: " + iterations);
        assertTrue(clean > iterations / 20 && rejected > iterations / 20,
                "mutations should both pass and fail the reader: clean=" + clean + " rejected=" + rejected);
    }

    // ---- Walking ----

    private void walkChecked(MemorySegment seg) {
        bufferSize = seg.byteSize();
        MessageReader reader = new MessageReader(seg);
        try {
            while (reader.hasNext()) {
                visit(reader.next());
            }
            clean++;
        } catch (NetlinkFormatException e) {
            check(e);
            rejected++;
        }
    }

    private void visit(NetlinkMessage m) {
        m.type();
        m.flags();
        m.seq();
        m.pid();
        m.length();
        m.payload();
        m.isMulti();
        m.isControl();
        m.hasFlags(NLM_F_ACK_TLVS);
        m.toString();
        if (m.isError()) {
            guard(() -> {
                NetlinkError e = m.error();
                e.toString();
                e.originalPayload();
                e.extAck().hashCode();
            });
        }
        if (m.isDone()) {
            guard(() -> NetlinkError.parseDone(m).toString());
        }
        // the real fixed header length is unknown after mutation: try one at random (often a wrong one)
        int h = HEADER_LENGTHS[walkRandom.nextInt(HEADER_LENGTHS.length)];
        guard(() -> {
            m.payloadHeader(h);
            walk(m.attributes(h), 0);
        });
    }

    private void walk(Attributes a, int depth) {
        while (a.next()) {
            a.type();
            a.rawType();
            a.isNested();
            a.isNetByteOrder();
            a.segment();
            a.bytes();
            a.string();
            a.toString();
            if (a.offset() < 0 || a.offset() + 4 + a.length() > bufferSize) {
                fail("attribute outside the buffer: offset " + a.offset() + " length " + a.length());
            }
            // getters matching the length must succeed; one random other one may fail
            switch (a.length()) {
                case 0 -> a.flag();
                case 1 -> {
                    a.u8();
                    a.s8();
                }
                case 2 -> {
                    a.u16();
                    a.s16();
                    a.be16();
                }
                case 4 -> {
                    a.u32();
                    a.s32();
                    a.uint();
                    a.sint();
                    a.be32();
                    a.inetAddress();
                }
                case 8 -> {
                    a.u64();
                    a.s64();
                    a.uint();
                    a.sint();
                    a.be64();
                }
                case 16 -> a.inetAddress();
                default -> {
                }
            }
            Consumer<Attributes> getter = GETTERS.get(walkRandom.nextInt(GETTERS.size()));
            guard(() -> getter.accept(a));
            // descend into flagged nests, and now and then into anything else
            if (depth < 4 && (a.isNested() || walkRandom.nextInt(4) == 0)) {
                guard(() -> walk(a.nested(), depth + 1));
            }
            if (walkRandom.nextInt(8) == 0) {
                guard(() -> ExtAck.parse(a.nested()).toString());
                guard(() -> a.nested().find(1));
            }
        }
    }

    private void guard(Runnable r) {
        try {
            r.run();
        } catch (NetlinkFormatException e) {
            check(e);
            getterErrors++;
        }
    }

    private void check(NetlinkFormatException e) {
        if (e.getMessage() == null || e.offset() < 0 || e.offset() > bufferSize) {
            fail("bad exception (offset " + e.offset() + " in " + bufferSize + " bytes): " + e.getMessage(), e);
        }
    }

    // ---- Mutations ----

    private static final int[] INTERESTING = {0, 1, 2, 3, 4, 5, 7, 8, 15, 16, 17, 19, 20, 21, 24, 0x7f, 0x80, 0xff,
        0x100, 0x3fff, 0x4000, 0x7fff, 0x8000, 0xfffc, 0xffff, 0x10000, Integer.MAX_VALUE, Integer.MIN_VALUE, -1, -4};

    private static byte[] mutate(byte[] base, SplittableRandom rnd, StringBuilder log) {
        byte[] d = base.clone();
        int n = 1 + rnd.nextInt(3);
        for (int k = 0; k < n; k++) {
            d = mutateOnce(d, rnd, log);
        }
        return d;
    }

    private static byte[] mutateOnce(byte[] d, SplittableRandom rnd, StringBuilder log) {
        int len = d.length;
        ByteBuffer b = ByteBuffer.wrap(d).order(ByteOrder.nativeOrder());
        switch (rnd.nextInt(9)) {
            case 0 -> {
                if (len == 0) {
                    return d;
                }
                int bits = 1 + rnd.nextInt(4);
                for (int i = 0; i < bits; i++) {
                    int pos = rnd.nextInt(len);
                    int bit = rnd.nextInt(8);
                    d[pos] ^= (byte) (1 << bit);
                    log.append("flip ").append(pos).append('.').append(bit).append("; ");
                }
            }
            case 1 -> {
                if (len == 0) {
                    return d;
                }
                int pos = rnd.nextInt(len);
                d[pos] = (byte) rnd.nextInt(256);
                log.append("byte ").append(pos).append("; ");
            }
            case 2, 3 -> { // a 16-bit field at an even offset: nla_len, nla_type, nlmsg_type/flags
                if (len < 2) {
                    return d;
                }
                int pos = rnd.nextInt(len / 2) * 2;
                int v = interesting(rnd, len - pos);
                b.putShort(pos, (short) v);
                log.append("u16@").append(pos).append('=').append(v & 0xffff).append("; ");
            }
            case 4 -> { // a 32-bit field at an aligned offset: nlmsg_len, error, echoed length, values
                if (len < 4) {
                    return d;
                }
                int pos = rnd.nextInt(len / 4) * 4;
                int v = interesting(rnd, len - pos);
                b.putInt(pos, v);
                log.append("u32@").append(pos).append('=').append(Integer.toUnsignedString(v)).append("; ");
            }
            case 5 -> {
                int newLen = len == 0 ? 0 : rnd.nextInt(len);
                log.append("truncate ").append(newLen).append("; ");
                return java.util.Arrays.copyOf(d, newLen);
            }
            case 6 -> {
                int extra = 1 + rnd.nextInt(64);
                byte[] e = java.util.Arrays.copyOf(d, len + extra);
                if (rnd.nextBoolean()) {
                    for (int i = len; i < e.length; i++) {
                        e[i] = (byte) rnd.nextInt(256);
                    }
                }
                log.append("extend ").append(extra).append("; ");
                return e;
            }
            case 7 -> { // copy a chunk over another place (duplicates headers)
                if (len < 8) {
                    return d;
                }
                int from = rnd.nextInt(len);
                int to = rnd.nextInt(len);
                int count = rnd.nextInt(Math.min(len - from, len - to) + 1);
                System.arraycopy(d.clone(), from, d, to, count);
                log.append("splice ").append(from).append("->").append(to).append('x').append(count).append("; ");
            }
            default -> { // retype a message header as ERROR/DONE with reply flags
                if (len < 16) {
                    return d;
                }
                int[] types = {NLMSG_ERROR, NLMSG_DONE, 0x10};
                int type = types[rnd.nextInt(types.length)];
                int flags = rnd.nextInt(4) << 8 | (rnd.nextBoolean() ? NLM_F_MULTI : 0);
                b.putShort(4, (short) type).putShort(6, (short) flags);
                log.append("retype ").append(type).append('/').append(Integer.toHexString(flags)).append("; ");
            }
        }
        return d;
    }

    private static int interesting(SplittableRandom rnd, int remaining) {
        return switch (rnd.nextInt(4)) {
            case 0 -> remaining + rnd.nextInt(9) - 4;
            case 1 -> rnd.nextInt();
            default -> INTERESTING[rnd.nextInt(INTERESTING.length)];
        };
    }

    // ---- Corpus: valid messages built with MessageBuilder ----

    private static byte[] build(Consumer<MessageBuilder> body) {
        try (MessageBuilder b = new MessageBuilder(64, false)) {
            body.accept(b);
            return bytes(b.segment());
        }
    }

    private static List<byte[]> corpus() throws Exception {
        InetAddress v4 = InetAddress.getByName("198.51.100.7");
        InetAddress v6 = InetAddress.getByName("2001:db8::7");
        List<byte[]> c = new ArrayList<>();
        // every attribute kind, 3-deep nesting, after a 16-byte fixed header
        c.add(build(b -> {
            b.begin(16, NLM_F_REQUEST | NLM_F_ACK);
            b.putU8(10).putU8(0).putU16(1).putU32(3).putU32(0x1003).putU32(0);
            b.attrU8(1, 1).attrU16(2, 2).attrU32(3, 3).attrU64(4, 4).attrBE16(5, 5).attrBE32(6, 6);
            b.attrString(7, "eth0").attrBytes(8, new byte[] {1, 2, 3, 4, 5}).attrFlag(9);
            b.attrInetAddress(10, v4).attrInetAddress(11, v6);
            int n1 = b.beginNested(12);
            b.attrU32(1, 1);
            int n2 = b.beginNested(2);
            b.attrString(1, "inner");
            int n3 = b.beginNested(3);
            b.attrU64(1, -1L).attrU8(2, 2);
            b.endNested(n3);
            b.endNested(n2);
            b.attrU16(3, 3);
            b.endNested(n1);
            b.end();
        }));
        // a batch with fixed headers of 0, 1 and 4 bytes
        c.add(build(b -> {
            b.begin(0x20, NLM_F_REQUEST | NLM_F_DUMP);
            b.attrU32(1, 1).attrString(2, "x");
            b.end();
            b.begin(0x21, NLM_F_REQUEST);
            b.putU8(2);
            b.attrBytes(3, new byte[7]);
            b.end();
            b.begin(0x22, NLM_F_REQUEST);
            b.putU32(9);
            int n = b.beginNested(4);
            b.attrFlag(1).attrU16(2, 7);
            b.endNested(n);
            b.end();
        }));
        // a dump: two multipart messages and DONE with an error and extended ack
        c.add(build(b -> {
            for (int i = 0; i < 2; i++) {
                b.begin(16, NLM_F_MULTI);
                b.putZeros(16);
                b.attrString(3, "lo" + i).attrU32(4, 65536);
                b.end();
            }
            b.begin(NLMSG_DONE, NLM_F_MULTI | NLM_F_ACK_TLVS);
            b.putU32(-4);
            b.attrString(NLMSGERR_ATTR_MSG, "dump interrupted");
            b.end();
        }));
        // an uncapped error echoing an odd-length request, with every extended ack field
        c.add(build(b -> {
            b.begin(NLMSG_ERROR, NLM_F_ACK_TLVS);
            b.putU32(-22);
            b.putU32(37).putU16(16).putU16(NLM_F_REQUEST | NLM_F_ACK).putU32(5).putU32(0);
            b.putZeros(21).putZeros(3);
            b.attrString(NLMSGERR_ATTR_MSG, "Unknown device type");
            b.attrU32(NLMSGERR_ATTR_OFFS, 32);
            b.attrU32(NLMSGERR_ATTR_MISS_TYPE, 3);
            b.attrU32(NLMSGERR_ATTR_MISS_NEST, 36);
            b.attrBytes(NLMSGERR_ATTR_COOKIE, new byte[] {1, 2, 3});
            int p = b.beginNested(NLMSGERR_ATTR_POLICY);
            b.attrU32(1, 4).attrU64(4, 0).attrU64(5, 255);
            b.endNested(p);
            b.end();
        }));
        // a capped error with message and offset, followed by an ACK
        c.add(build(b -> {
            b.begin(NLMSG_ERROR, NLM_F_CAPPED | NLM_F_ACK_TLVS);
            b.putU32(-19);
            b.putU32(52).putU16(16).putU16(NLM_F_REQUEST | NLM_F_ACK).putU32(6).putU32(0);
            b.attrString(NLMSGERR_ATTR_MSG, "No such device");
            b.attrU32(NLMSGERR_ATTR_OFFS, 36);
            b.end();
            b.begin(NLMSG_ERROR, NLM_F_CAPPED);
            b.putU32(0);
            b.putU32(32).putU16(16).putU16(NLM_F_REQUEST | NLM_F_ACK).putU32(7).putU32(0);
            b.end();
        }));
        return c;
    }
}
