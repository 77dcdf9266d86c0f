package dev.ffsock.netlink.ethtool;

import dev.ffsock.netlink.Attributes;
import dev.ffsock.netlink.CodecFuzz;
import dev.ffsock.netlink.MessageBuilder;
import dev.ffsock.netlink.NetlinkFormatException;
import dev.ffsock.netlink.NetlinkMessage;
import dev.ffsock.netlink.genl.GenericNetlink;
import dev.ffsock.netlink.genl.GenlMessage;

import org.junit.jupiter.api.Test;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;
import java.util.function.Function;

import static dev.ffsock.netlink.ethtool.Ethnl.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The ethtool codecs: bitsets (compact and verbose), features and string set replies and every settings
 * reply written and read back; then real and written replies mutated and truncated, which decode or throw
 * {@link NetlinkFormatException}, nothing else.
 */
class EthtoolCodecFuzzTest {
    private static final List<String> NAMES = List.of("tx-scatter-gather", "tx-checksum-ipv4", "", "rx-gro",
            "rx-lro", "highdma", "tx-nocache-copy", "loopback", "rx-fcs", "rx-all", "tx-vlan-stag-hw-insert",
            "rx-vlan-stag-hw-parse", "l2-fwd-offload", "hw-tc-offload", "esp-hw-offload", "rx-gro-list",
            "macsec-hw-offload", "rx-udp-gro-forwarding", "hsr-tag-ins-offload", "hsr-tag-rm-offload",
            "hsr-fwd-offload", "hsr-dup-offload", "netns-local", "fcoe-mtu", "tx-gso-list", "b25", "b26", "b27",
            "b28", "b29", "b30", "b31", "b32", "b33", "b34");

    /** A reply: genlmsghdr then what {@code body} writes. */
    private static byte[] reply(int cmd, Consumer<MessageBuilder> body) {
        try (MessageBuilder b = new MessageBuilder(1024, false)) {
            b.begin(0x20, 0);
            b.putU8(cmd).putU8(1).putU16(0);
            body.accept(b);
            b.end();
            return b.segment().toArray(ValueLayout.JAVA_BYTE);
        }
    }

    private static Attributes attrs(byte[] msg) {
        return new GenlMessage(NetlinkMessage.parse(MemorySegment.ofArray(msg)), 0).attributes();
    }

    private static BitSet random(Random rnd, int size) {
        BitSet b = new BitSet();
        for (int i = 0; i < size; i++) if (rnd.nextBoolean()) b.set(i);
        return b;
    }

    @Test
    void bitsetsRoundTripCompactAndVerbose() {
        Random rnd = new Random(11);
        for (int size : new int[] {0, 1, 31, 32, 33, 64, 65, 100}) {
            BitSet mask = random(rnd, size);
            BitSet value = random(rnd, size);
            value.and(mask);
            Map<Integer, String> names = new java.util.HashMap<>();
            for (int i = mask.nextSetBit(0); i >= 0; i = mask.nextSetBit(i + 1)) names.put(i, "bit" + i);
            for (EthtoolBitset b : List.of(new EthtoolBitset(size, value, mask, Map.of()),
                    new EthtoolBitset(size, value, null, Map.of()))) {
                EthtoolBitset c = BitsetCodec.decode(nest(w -> BitsetCodec.writeCompact(w, 1, b)));
                assertEquals(b, c, "compact, size " + size);
                EthtoolBitset named = new EthtoolBitset(size, b.value(), b.mask(),
                        b.mask() == null ? Map.of() : names);
                EthtoolBitset v = BitsetCodec.decode(nest(w -> BitsetCodec.writeVerbose(w, 1, named)));
                assertEquals(named.value(), v.value(), "verbose value, size " + size);
                assertEquals(named.mask(), v.mask(), "verbose mask, size " + size);
                assertEquals(named.names(), v.names(), "verbose names, size " + size);
            }
        }
    }

    /** The attributes inside the nest {@code write} makes (type 1). */
    private static Attributes nest(Consumer<MessageBuilder> write) {
        Attributes a = attrs(reply(0, write));
        assertTrue(a.next());
        return a.nested();
    }

    @Test
    void malformedBitsetsAreFormatErrors() {
        // size beyond the value's words
        assertThrows(NetlinkFormatException.class, () -> BitsetCodec.decode(nest(w -> {
            int n = w.beginNested(1);
            w.attrFlag(ETHTOOL_A_BITSET_NOMASK);
            w.attrU32(ETHTOOL_A_BITSET_SIZE, 64);
            w.attrBytes(ETHTOOL_A_BITSET_VALUE, new byte[4]);
            w.endNested(n);
        })));
        // verbose bit outside the size
        assertThrows(NetlinkFormatException.class, () -> BitsetCodec.decode(nest(w -> {
            int n = w.beginNested(1);
            w.attrU32(ETHTOOL_A_BITSET_SIZE, 4);
            int bits = w.beginNested(ETHTOOL_A_BITSET_BITS);
            int bit = w.beginNested(ETHTOOL_A_BITSET_BITS_BIT);
            w.attrU32(ETHTOOL_A_BITSET_BIT_INDEX, 4);
            w.endNested(bit);
            w.endNested(bits);
            w.endNested(n);
        })));
        // no size
        assertThrows(NetlinkFormatException.class, () -> BitsetCodec.decode(nest(w -> {
            int n = w.beginNested(1);
            w.attrBytes(ETHTOOL_A_BITSET_VALUE, new byte[4]);
            w.endNested(n);
        })));
    }

    private static byte[] featuresReply(Random rnd, boolean compact) {
        int size = NAMES.size();
        BitSet hw = random(rnd, size), wanted = random(rnd, size), active = random(rnd, size), nochange = random(rnd, size);
        return reply(ETHTOOL_MSG_FEATURES_GET_REPLY, w -> FeaturesCodec.write(w, new EthtoolHeader(7, "eth7"),
                EthtoolBitset.of(size, hw), EthtoolBitset.of(size, wanted), EthtoolBitset.of(size, active),
                EthtoolBitset.of(size, nochange), compact));
    }

    @Test
    void featuresAndStringsRoundTrip() {
        byte[] compact = featuresReply(new Random(3), true);
        byte[] verbose = featuresReply(new Random(3), false);
        EthtoolFeatures c = FeaturesCodec.decode(attrs(compact), NAMES);
        assertEquals(c, FeaturesCodec.decode(attrs(verbose), NAMES));
        assertEquals(new EthtoolHeader(7, "eth7"), c.header());
        assertEquals(NAMES.size() - 1, c.features().size(), "the nameless bit is left out");
        Random again = new Random(3);
        BitSet hw = random(again, NAMES.size()), wanted = random(again, NAMES.size());
        BitSet active = random(again, NAMES.size()), nochange = random(again, NAMES.size());
        for (EthtoolFeature f : c.features()) {
            assertEquals(NAMES.get(f.index()), f.name());
            assertEquals(hw.get(f.index()), f.hw());
            assertEquals(wanted.get(f.index()), f.wanted());
            assertEquals(active.get(f.index()), f.active());
            assertEquals(nochange.get(f.index()), f.nochange());
            assertEquals(!f.hw() || f.nochange(), f.fixed());
        }
        byte[] strings = reply(ETHTOOL_MSG_STRSET_GET_REPLY, w -> FeaturesCodec.writeStrings(w, ETH_SS_FEATURES,
                NAMES));
        assertEquals(NAMES, FeaturesCodec.strings(attrs(strings), ETH_SS_FEATURES));
        assertEquals(List.of(), FeaturesCodec.strings(attrs(strings), ETH_SS_STATS));
    }

    /** A settings reply's shape: the attribute types in record component order (after the header) and kinds. */
    private record Shape(String name, int cmd, Function<Attributes, Record> decode, int[] types, char[] kinds) {
    }

    private static final List<Shape> SHAPES = List.of(
            new Shape("rings", ETHTOOL_MSG_RINGS_GET_REPLY, SettingsCodec::rings, range(2, 13),
                    "uuuuuuuuu8uB".toCharArray()),
            new Shape("channels", ETHTOOL_MSG_CHANNELS_GET_REPLY, SettingsCodec::channels, range(2, 9),
                    "uuuuuuuu".toCharArray()),
            new Shape("coalesce", ETHTOOL_MSG_COALESCE_GET_REPLY, SettingsCodec::coalesce, range(2, 25),
                    "uuuuuuuuuBBuuuuuuuuuuuBB".toCharArray()),
            new Shape("pause", ETHTOOL_MSG_PAUSE_GET_REPLY, SettingsCodec::pause, range(2, 4), "BBB".toCharArray()),
            new Shape("eee", ETHTOOL_MSG_EEE_GET_REPLY, SettingsCodec::eee, range(2, 7), "bbBBBu".toCharArray()),
            new Shape("linkinfo", ETHTOOL_MSG_LINKINFO_GET_REPLY, SettingsCodec::linkInfo, range(2, 6),
                    "88888".toCharArray()),
            new Shape("linkmodes", ETHTOOL_MSG_LINKMODES_GET_REPLY, SettingsCodec::linkModes,
                    new int[] {2, 3, 4, 5, 6, 9}, "8bbu8u".toCharArray()),
            new Shape("linkstate", ETHTOOL_MSG_LINKSTATE_GET_REPLY, SettingsCodec::linkState, range(2, 6),
                    "Buu88".toCharArray()));

    private static int[] range(int from, int to) {
        int[] r = new int[to - from + 1];
        for (int i = 0; i < r.length; i++) r[i] = from + i;
        return r;
    }

    /** Writes every attribute of {@code s} with random values (some left out); {@return the values, null for absent} */
    private static Object[] writeRandom(MessageBuilder w, Shape s, Random rnd) {
        Object[] v = new Object[s.types().length];
        int h = w.beginNested(EthtoolHeader.ATTR);
        w.attrU32(ETHTOOL_A_HEADER_DEV_INDEX, 3);
        w.attrString(ETHTOOL_A_HEADER_DEV_NAME, "v0");
        w.endNested(h);
        w.attrU32(200, 1); // a newer kernel's attribute: skipped
        for (int i = 0; i < v.length; i++) {
            if (rnd.nextInt(4) == 0) continue;
            int t = s.types()[i];
            switch (s.kinds()[i]) {
                case 'u' -> {
                    int x = rnd.nextInt(5) == 0 ? -1 : rnd.nextInt(100_000);
                    w.attrU32(t, x);
                    v[i] = Integer.toUnsignedLong(x);
                }
                case '8' -> {
                    int x = rnd.nextInt(256);
                    w.attrU8(t, x);
                    v[i] = (long) x;
                }
                case 'B' -> {
                    int x = rnd.nextInt(3);
                    w.attrU8(t, x);
                    v[i] = x != 0 ? 1L : 0L;
                }
                default -> {
                    EthtoolBitset b = new EthtoolBitset(70, random(rnd, 70), random(rnd, 70), Map.of());
                    BitsetCodec.writeCompact(w, t, b);
                    v[i] = b;
                }
            }
        }
        return v;
    }

    private static Object comparable(Object component) {
        return switch (component) {
            case null -> null;
            case Integer i -> Integer.toUnsignedLong(i);
            case Boolean b -> b ? 1L : 0L;
            default -> component;
        };
    }

    @Test
    void settingsRoundTrip() throws Exception {
        Random rnd = new Random(7);
        for (Shape s : SHAPES) {
            for (int round = 0; round < 50; round++) {
                Object[][] written = new Object[1][];
                byte[] msg = reply(1, w -> written[0] = writeRandom(w, s, rnd));
                Record r = s.decode().apply(attrs(msg));
                RecordComponent[] comps = r.getClass().getRecordComponents();
                assertEquals(s.types().length + 1, comps.length, s.name());
                assertEquals(new EthtoolHeader(3, "v0"), comps[0].getAccessor().invoke(r), s.name());
                for (int i = 0; i < s.types().length; i++) {
                    assertEquals(written[0][i], comparable(comps[i + 1].getAccessor().invoke(r)),
                            s.name() + "." + comps[i + 1].getName());
                }
            }
        }
        // an attribute of the wrong width is a format error
        byte[] bad = reply(1, w -> w.attrU8(ETHTOOL_A_CHANNELS_RX_MAX, 1));
        assertThrows(NetlinkFormatException.class, () -> SettingsCodec.channels(attrs(bad)));
        assertNull(SettingsCodec.channels(attrs(reply(1, w -> { }))).rx());
    }

    @Test
    void coalesceIsWrittenAsTheSetRequestTakesIt() {
        Random rnd = new Random(9);
        for (int round = 0; round < 50; round++) {
            Map<String, Object> values = new java.util.HashMap<>();
            for (String p : EthtoolCoalesce.PARAMETERS) {
                if (rnd.nextBoolean()) continue;
                values.put(p, EthtoolCoalesce.isSwitch(p) ? (Object) rnd.nextBoolean()
                        : (Object) (rnd.nextInt(4) == 0 ? 0xffff_ffffL : (long) rnd.nextInt(1_000_000)));
            }
            EthtoolCoalesce c = EthtoolCoalesce.of(values);
            byte[] attrs = SettingsCodec.coalesceAttributes(c);
            EthtoolCoalesce back = SettingsCodec.coalesce(attrs(reply(1, w -> w.putBytes(attrs))));
            assertEquals(new EthtoolHeader(0, null), back.header());
            assertEquals(c, EthtoolCoalesce.of(values));
            for (RecordComponent rc : EthtoolCoalesce.class.getRecordComponents()) {
                if (rc.getName().equals("header")) continue;
                try {
                    assertEquals(rc.getAccessor().invoke(c), rc.getAccessor().invoke(back), rc.getName());
                } catch (ReflectiveOperationException e) {
                    throw new AssertionError(e);
                }
            }
        }
    }

    @Test
    void channelCountsAreWrittenAsTheSetRequestTakesThem() {
        byte[] msg = reply(1, w -> SettingsCodec.writeChannelCounts(w,
                new EthtoolChannels(null, 9L, 9L, 9L, 9L, 2L, null, null, 4L)));
        EthtoolChannels back = SettingsCodec.channels(attrs(msg));
        assertEquals(new EthtoolChannels(new EthtoolHeader(0, null), null, null, null, null, 2L, null, null, 4L), back);
    }

    /** A decoder of the replies with genl command {@code cmd} (null for the others). */
    private static Function<NetlinkMessage, Object> byCmd(int cmd, Function<Attributes, Object> decode) {
        return m -> {
            GenlMessage g = new GenlMessage(m, 0);
            return g.cmd() == cmd ? decode.apply(g.attributes()) : null;
        };
    }

    @Test
    void mutatedRepliesDecodeOrThrowFormatErrors() throws Exception {
        List<byte[]> corpus = new ArrayList<>();
        Random gen = new Random(1);
        corpus.add(featuresReply(gen, true));
        corpus.add(featuresReply(gen, false));
        corpus.add(reply(ETHTOOL_MSG_STRSET_GET_REPLY, w -> FeaturesCodec.writeStrings(w, ETH_SS_FEATURES, NAMES)));
        for (Shape s : SHAPES) corpus.add(reply(s.cmd(), w -> writeRandom(w, s, gen)));
        corpus.addAll(liveReplies());
        List<Function<NetlinkMessage, Object>> decoders = new ArrayList<>();
        decoders.add(byCmd(ETHTOOL_MSG_FEATURES_GET_REPLY, a -> FeaturesCodec.decode(a, NAMES)));
        decoders.add(byCmd(ETHTOOL_MSG_STRSET_GET_REPLY, a -> FeaturesCodec.strings(a, ETH_SS_FEATURES)));
        for (Shape s : SHAPES) decoders.add(byCmd(s.cmd(), s.decode()::apply));
        CodecFuzz.Counts c = CodecFuzz.run(corpus, decoders);
        assertTrue(c.formatErrors() > 0 && c.decoded() > 0, c.toString());
    }

    /** Real replies from this host's loopback (read-only): features both ways, the feature names, link state. */
    private static List<byte[]> liveReplies() throws Exception {
        List<byte[]> out = new ArrayList<>();
        try (GenericNetlink genl = GenericNetlink.open()) {
            int id = genl.family(ETHTOOL_GENL_NAME).id();
            int[][] asks = {{ETHTOOL_MSG_FEATURES_GET, ETHTOOL_FLAG_COMPACT_BITSETS}, {ETHTOOL_MSG_FEATURES_GET, 0},
                    {ETHTOOL_MSG_LINKSTATE_GET, 0}};
            for (int[] ask : asks) {
                genl.connection().request(id, 0, w -> {
                    w.putU8(ask[0]).putU8(ETHTOOL_GENL_VERSION).putU16(0);
                    EthtoolHeader.write(w, "lo", ask[1]);
                }, m -> out.add(m.segment().toArray(ValueLayout.JAVA_BYTE)));
            }
            genl.connection().request(id, 0, w -> {
                w.putU8(ETHTOOL_MSG_STRSET_GET).putU8(ETHTOOL_GENL_VERSION).putU16(0);
                FeaturesCodec.writeStringSetRequest(w, ETH_SS_FEATURES);
            }, m -> out.add(m.segment().toArray(ValueLayout.JAVA_BYTE)));
        }
        assertTrue(out.size() >= 4, "live replies: " + out.size());
        return out;
    }
}
