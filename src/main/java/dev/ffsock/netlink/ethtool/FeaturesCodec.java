package dev.ffsock.netlink.ethtool;

import dev.ffsock.netlink.Attributes;
import dev.ffsock.netlink.NetlinkFormatException;
import dev.ffsock.netlink.PayloadWriter;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.ffsock.netlink.ethtool.Ethnl.*;

/**
 * The wire form of {@code ETHTOOL_MSG_FEATURES_GET_REPLY} (four bitsets: HW, WANTED, ACTIVE, NOCHANGE) and
 * of string set replies ({@code ETHTOOL_MSG_STRSET_GET_REPLY}). Only {@link NetlinkFormatException}
 * escapes a malformed reply.
 */
final class FeaturesCodec {
    private FeaturesCodec() {
    }

    /**
     * Decodes a features reply, naming bit {@code i} {@code names.get(i)} (or the name a verbose bitset
     * carries); bits without a name are left out, as ethtool leaves them out.
     */
    static EthtoolFeatures decode(Attributes a, List<String> names) {
        EthtoolHeader header = new EthtoolHeader(0, null);
        EthtoolBitset hw = null, wanted = null, active = null, nochange = null;
        while (a.next()) {
            switch (a.type()) {
                case ETHTOOL_A_FEATURES_HEADER -> header = EthtoolHeader.read(a.nested());
                case ETHTOOL_A_FEATURES_HW -> hw = BitsetCodec.decode(a.nested());
                case ETHTOOL_A_FEATURES_WANTED -> wanted = BitsetCodec.decode(a.nested());
                case ETHTOOL_A_FEATURES_ACTIVE -> active = BitsetCodec.decode(a.nested());
                case ETHTOOL_A_FEATURES_NOCHANGE -> nochange = BitsetCodec.decode(a.nested());
                default -> { }
            }
        }
        if (hw == null || wanted == null || active == null || nochange == null) {
            throw new NetlinkFormatException("features reply without its four bitsets", 0);
        }
        int count = hw.size();
        if (wanted.size() != count || active.size() != count || nochange.size() != count) {
            throw new NetlinkFormatException("features bitsets of different sizes", 0);
        }
        List<EthtoolFeature> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String name = i < names.size() ? names.get(i) : null;
            if (name == null || name.isEmpty()) name = firstName(i, hw, wanted, active, nochange);
            if (name == null || name.isEmpty()) continue;
            out.add(new EthtoolFeature(i, name, hw.isSet(i), wanted.isSet(i), active.isSet(i), nochange.isSet(i)));
        }
        return new EthtoolFeatures(header, out);
    }

    private static String firstName(int i, EthtoolBitset... sets) {
        for (EthtoolBitset s : sets) {
            String n = s.names().get(i);
            if (n != null) return n;
        }
        return null;
    }

    /** Writes a features reply as the kernel does (compact or verbose bitsets), for tests and fuzzing. */
    static void write(PayloadWriter w, EthtoolHeader h, EthtoolBitset hw, EthtoolBitset wanted, EthtoolBitset active,
            EthtoolBitset nochange, boolean compact) {
        int nest = w.beginNested(ETHTOOL_A_FEATURES_HEADER);
        w.attrU32(ETHTOOL_A_HEADER_DEV_INDEX, h.ifindex());
        if (h.ifname() != null) w.attrString(ETHTOOL_A_HEADER_DEV_NAME, h.ifname());
        w.endNested(nest);
        EthtoolBitset[] sets = {hw, wanted, active, nochange};
        int[] types = {ETHTOOL_A_FEATURES_HW, ETHTOOL_A_FEATURES_WANTED, ETHTOOL_A_FEATURES_ACTIVE,
                ETHTOOL_A_FEATURES_NOCHANGE};
        for (int i = 0; i < 4; i++) {
            if (compact) BitsetCodec.writeCompact(w, types[i], sets[i]);
            else BitsetCodec.writeVerbose(w, types[i], sets[i]);
        }
    }

    /**
     * Decodes the strings of set {@code id} from a string set reply, by index (unset indexes are null).
     */
    static List<String> strings(Attributes a, int id) {
        List<String> out = new ArrayList<>();
        while (a.next()) {
            if (a.type() != ETHTOOL_A_STRSET_STRINGSETS) continue;
            Attributes sets = a.nested();
            while (sets.next()) {
                if (sets.type() != ETHTOOL_A_STRINGSETS_STRINGSET) continue;
                Attributes set = sets.nested();
                if (!set.find(ETHTOOL_A_STRINGSET_ID) || set.u32() != id) continue;
                int count = set.find(ETHTOOL_A_STRINGSET_COUNT) ? set.u32() : 0;
                if (count < 0 || count > BitsetCodec.MAX_BITS) {
                    throw new NetlinkFormatException("string set count " + Integer.toUnsignedString(count), set.offset());
                }
                while (out.size() < count) out.add(null);
                if (!set.find(ETHTOOL_A_STRINGSET_STRINGS)) continue;
                Attributes strings = set.nested();
                while (strings.next()) {
                    if (strings.type() != ETHTOOL_A_STRINGS_STRING) continue;
                    Attributes s = strings.nested();
                    int index = -1;
                    String value = null;
                    while (s.next()) {
                        if (s.type() == ETHTOOL_A_STRING_INDEX) index = s.u32();
                        else if (s.type() == ETHTOOL_A_STRING_VALUE) value = s.string();
                    }
                    if (index < 0 || index >= count) {
                        throw new NetlinkFormatException("string index " + Integer.toUnsignedString(index)
                                + " outside count " + count, strings.offset());
                    }
                    out.set(index, value);
                }
            }
        }
        return out;
    }

    /** Writes a string set reply's STRINGSETS attribute, for tests and fuzzing. */
    static void writeStrings(PayloadWriter w, int id, List<String> strings) {
        int sets = w.beginNested(ETHTOOL_A_STRSET_STRINGSETS);
        int set = w.beginNested(ETHTOOL_A_STRINGSETS_STRINGSET);
        w.attrU32(ETHTOOL_A_STRINGSET_ID, id);
        w.attrU32(ETHTOOL_A_STRINGSET_COUNT, strings.size());
        int list = w.beginNested(ETHTOOL_A_STRINGSET_STRINGS);
        for (int i = 0; i < strings.size(); i++) {
            int s = w.beginNested(ETHTOOL_A_STRINGS_STRING);
            w.attrU32(ETHTOOL_A_STRING_INDEX, i);
            w.attrString(ETHTOOL_A_STRING_VALUE, strings.get(i));
            w.endNested(s);
        }
        w.endNested(list);
        w.endNested(set);
        w.endNested(sets);
    }

    /** Writes a STRSET_GET request for one global string set (an empty header: no device). */
    static void writeStringSetRequest(PayloadWriter w, int id) {
        EthtoolHeader.write(w, null, 0);
        int sets = w.beginNested(ETHTOOL_A_STRSET_STRINGSETS);
        int set = w.beginNested(ETHTOOL_A_STRINGSETS_STRINGSET);
        w.attrU32(ETHTOOL_A_STRINGSET_ID, id);
        w.endNested(set);
        w.endNested(sets);
    }

    /** Writes a FEATURES_SET request's WANTED bits by name. */
    static void writeWanted(PayloadWriter w, Map<String, Boolean> bits) {
        BitsetCodec.writeNamed(w, ETHTOOL_A_FEATURES_WANTED, bits);
    }
}
