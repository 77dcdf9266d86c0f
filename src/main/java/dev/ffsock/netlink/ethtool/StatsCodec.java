package dev.ffsock.netlink.ethtool;

import dev.ffsock.netlink.Attributes;
import dev.ffsock.netlink.NetlinkFormatException;
import dev.ffsock.netlink.PayloadWriter;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

import static dev.ffsock.netlink.ethtool.Ethnl.*;

/**
 * The wire form of {@code ETHTOOL_MSG_STATS_GET}: the request (header and the groups as a bitset) and
 * the reply (header, then one nest a group, each counter in a nest of its own whose one attribute's
 * type is the counter's index in the group's string set, histogram buckets in nests). A counter or
 * bucket of the wrong width, a group without its id or string set, or a counter nest not holding one
 * value is a {@link NetlinkFormatException}; unknown attributes are skipped.
 */
final class StatsCodec {
    private StatsCodec() {
    }

    /** Writes the request: header, and the groups to fetch as a compact bitset of {@code size} bits. */
    static void writeRequest(PayloadWriter w, String ifname, BitSet groups, int size) {
        EthtoolHeader.write(w, ETHTOOL_A_STATS_HEADER, ifname, ETHTOOL_FLAG_COMPACT_BITSETS);
        BitsetCodec.writeCompact(w, ETHTOOL_A_STATS_GROUPS, new EthtoolBitset(size, groups, null, Map.of()));
    }

    /** A reply as it came: counters by index in their group's string set, names not yet looked up. */
    record Raw(EthtoolHeader header, List<RawGroup> groups) {
    }

    /** One group as it came: {@code counters} holds {index, value} pairs. */
    record RawGroup(int id, int stringSet, List<long[]> counters, List<EthtoolStatsGroup.Bucket> rx,
                    List<EthtoolStatsGroup.Bucket> tx) {
    }

    /**
     * Decodes a reply (the counters' names come after, with {@link #named}: looking them up needs the
     * connection, which is busy with this reply).
     *
     * @param a the reply's attributes
     */
    static Raw decode(Attributes a) {
        EthtoolHeader header = null;
        List<RawGroup> groups = new ArrayList<>();
        while (a.next()) {
            switch (a.type()) {
                case ETHTOOL_A_STATS_HEADER -> header = EthtoolHeader.read(a.nested());
                case ETHTOOL_A_STATS_GRP -> groups.add(group(a.nested(), a.offset()));
                default -> { }
            }
        }
        return new Raw(header, groups);
    }

    /**
     * Names a decoded reply's groups and counters.
     *
     * @param groupNames   the ETH_SS_STATS_STD names, by group id
     * @param counterNames the names of a string set's entries, by index (null entries and short lists are
     *                     fine: such a counter is named {@code stat-N})
     * @throws NetlinkFormatException if two counters of a group get the same name
     */
    static EthtoolStandardStats named(Raw raw, List<String> groupNames, IntFunction<List<String>> counterNames) {
        List<EthtoolStatsGroup> groups = new ArrayList<>();
        for (RawGroup g : raw.groups()) {
            String name = g.id() < groupNames.size() && groupNames.get(g.id()) != null ? groupNames.get(g.id()) : "group-" + g.id();
            List<String> names = g.counters().isEmpty() ? List.of() : counterNames.apply(g.stringSet());
            Map<String, Long> named = new LinkedHashMap<>();
            for (long[] c : g.counters()) {
                int i = (int) c[0];
                String n = i < names.size() && names.get(i) != null ? names.get(i) : "stat-" + i;
                if (named.putIfAbsent(n, c[1]) != null) throw new NetlinkFormatException("counter '" + n + "' twice in " + name, 0);
            }
            groups.add(new EthtoolStatsGroup(g.id(), name, g.stringSet(), named, g.rx(), g.tx()));
        }
        return new EthtoolStandardStats(raw.header(), groups);
    }

    private static RawGroup group(Attributes g, long at) {
        long id = -1, ss = -1;
        List<long[]> counters = new ArrayList<>();
        List<EthtoolStatsGroup.Bucket> rx = new ArrayList<>(), tx = new ArrayList<>();
        while (g.next()) {
            switch (g.type()) {
                case ETHTOOL_A_STATS_GRP_ID -> id = Integer.toUnsignedLong(g.u32());
                case ETHTOOL_A_STATS_GRP_SS_ID -> ss = Integer.toUnsignedLong(g.u32());
                case ETHTOOL_A_STATS_GRP_STAT -> {
                    Attributes s = g.nested();
                    if (!s.next()) throw new NetlinkFormatException("empty statistics counter", g.offset());
                    long[] c = {s.type(), s.u64()};
                    if (s.next()) throw new NetlinkFormatException("a statistics counter with two values", s.offset());
                    counters.add(c);
                }
                case ETHTOOL_A_STATS_GRP_HIST_RX -> rx.add(bucket(g.nested(), g.offset()));
                case ETHTOOL_A_STATS_GRP_HIST_TX -> tx.add(bucket(g.nested(), g.offset()));
                default -> { }
            }
        }
        if (id < 0 || ss < 0) throw new NetlinkFormatException("statistics group without its id or string set", at);
        if (id > 0xffff || ss > 0xffff) throw new NetlinkFormatException("statistics group id " + id + ", string set " + ss, at);
        return new RawGroup((int) id, (int) ss, counters, rx, tx);
    }

    private static EthtoolStatsGroup.Bucket bucket(Attributes b, long at) {
        long low = -1, high = -1, value = 0;
        boolean hasValue = false;
        while (b.next()) {
            switch (b.type()) {
                case ETHTOOL_A_STATS_GRP_HIST_BKT_LOW -> low = Integer.toUnsignedLong(b.u32());
                case ETHTOOL_A_STATS_GRP_HIST_BKT_HI -> high = Integer.toUnsignedLong(b.u32());
                case ETHTOOL_A_STATS_GRP_HIST_VAL -> {
                    value = b.u64();
                    hasValue = true;
                }
                default -> { }
            }
        }
        if (low < 0 || high < 0 || !hasValue) throw new NetlinkFormatException("histogram bucket without low, high or value", at);
        return new EthtoolStatsGroup.Bucket(low, high, value);
    }
}
