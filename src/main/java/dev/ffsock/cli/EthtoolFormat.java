package dev.ffsock.cli;

import dev.ffsock.EthtoolDriverInfo;
import dev.ffsock.EthtoolStat;
import dev.ffsock.netlink.ethtool.Ethnl;
import dev.ffsock.netlink.ethtool.EthtoolBitset;
import dev.ffsock.netlink.ethtool.EthtoolChannels;
import dev.ffsock.netlink.ethtool.EthtoolCoalesce;
import dev.ffsock.netlink.ethtool.EthtoolFeature;
import dev.ffsock.netlink.ethtool.EthtoolFeatures;
import dev.ffsock.netlink.ethtool.EthtoolLinkModes;
import dev.ffsock.netlink.ethtool.EthtoolPause;
import dev.ffsock.netlink.ethtool.EthtoolRings;
import dev.ffsock.netlink.ethtool.EthtoolStandardStats;
import dev.ffsock.netlink.ethtool.EthtoolStatsGroup;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The text {@code ethtool} (6.1) prints for {@code -k -g -l -c -a -i -S}, and its JSON for {@code -k} and
 * {@code -a}, from ffsock's records. Values the kernel did not send print as {@code n/a}.
 */
final class EthtoolFormat {
    private EthtoolFormat() {
    }

    private static String na(Object v) {
        return v == null ? "n/a" : v.toString();
    }

    private static String onOff(Boolean v) {
        return v == null ? "n/a" : v ? "on" : "off";
    }

    /** {@code ethtool -i}. */
    static String driverInfo(EthtoolDriverInfo d) {
        return "driver: " + d.driver() + "\n"
                + "version: " + d.version() + "\n"
                + "firmware-version: " + d.firmwareVersion() + "\n"
                + "expansion-rom-version: " + d.expansionRomVersion() + "\n"
                + "bus-info: " + d.busInfo() + "\n"
                + "supports-statistics: " + yesNo(d.statistics()) + "\n"
                + "supports-test: " + yesNo(d.testInfoLength()) + "\n"
                + "supports-eeprom-access: " + yesNo(d.eepromLength()) + "\n"
                + "supports-register-dump: " + yesNo(d.registerDumpLength()) + "\n"
                + "supports-priv-flags: " + yesNo(d.privFlags()) + "\n";
    }

    private static String yesNo(int n) {
        return n != 0 ? "yes" : "no";
    }

    /** {@code ethtool -S} (a non-empty list). */
    static String statistics(List<EthtoolStat> stats) {
        StringBuilder sb = new StringBuilder("NIC statistics:\n");
        for (EthtoolStat s : stats) sb.append("     ").append(s).append('\n');
        return sb.toString();
    }

    /** {@code ethtool -g}. */
    static String rings(String dev, EthtoolRings r) {
        return "Ring parameters for " + dev + ":\n"
                + "Pre-set maximums:\n"
                + "RX:\t\t" + na(r.rxMax()) + "\n"
                + "RX Mini:\t" + na(r.rxMiniMax()) + "\n"
                + "RX Jumbo:\t" + na(r.rxJumboMax()) + "\n"
                + "TX:\t\t" + na(r.txMax()) + "\n"
                + "Current hardware settings:\n"
                + "RX:\t\t" + na(r.rx()) + "\n"
                + "RX Mini:\t" + na(r.rxMini()) + "\n"
                + "RX Jumbo:\t" + na(r.rxJumbo()) + "\n"
                + "TX:\t\t" + na(r.tx()) + "\n"
                + "RX Buf Len:\t\t" + na(r.rxBufLen()) + "\n"
                + "CQE Size:\t\t" + na(r.cqeSize()) + "\n"
                + "TX Push:\t" + onOff(r.txPush()) + "\n"
                + "TCP data split:\t" + tcpDataSplit(r.tcpDataSplit()) + "\n";
    }

    private static String tcpDataSplit(Integer v) {
        return switch (v == null ? 0 : v) {
            case 0 -> "n/a";
            case 1 -> "off";
            case 2 -> "on";
            default -> "unknown(" + v + ")\n";
        };
    }

    /** {@code ethtool -l}. */
    static String channels(String dev, EthtoolChannels c) {
        return "Channel parameters for " + dev + ":\n"
                + "Pre-set maximums:\n"
                + "RX:\t\t" + na(c.rxMax()) + "\n"
                + "TX:\t\t" + na(c.txMax()) + "\n"
                + "Other:\t\t" + na(c.otherMax()) + "\n"
                + "Combined:\t" + na(c.combinedMax()) + "\n"
                + "Current hardware settings:\n"
                + "RX:\t\t" + na(c.rx()) + "\n"
                + "TX:\t\t" + na(c.tx()) + "\n"
                + "Other:\t\t" + na(c.other()) + "\n"
                + "Combined:\t" + na(c.combined()) + "\n";
    }

    /** {@code ethtool -c}. */
    static String coalesce(String dev, EthtoolCoalesce c) {
        return "Coalesce parameters for " + dev + ":\n"
                + "Adaptive RX: " + onOff(c.useAdaptiveRx()) + "  TX: " + onOff(c.useAdaptiveTx()) + "\n"
                + "stats-block-usecs: " + na(c.statsBlockUsecs()) + "\n"
                + "sample-interval: " + na(c.rateSampleInterval()) + "\n"
                + "pkt-rate-low: " + na(c.pktRateLow()) + "\n"
                + "pkt-rate-high: " + na(c.pktRateHigh()) + "\n"
                + "\n"
                + "rx-usecs: " + na(c.rxUsecs()) + "\n"
                + "rx-frames: " + na(c.rxMaxFrames()) + "\n"
                + "rx-usecs-irq: " + na(c.rxUsecsIrq()) + "\n"
                + "rx-frames-irq: " + na(c.rxMaxFramesIrq()) + "\n"
                + "\n"
                + "tx-usecs: " + na(c.txUsecs()) + "\n"
                + "tx-frames: " + na(c.txMaxFrames()) + "\n"
                + "tx-usecs-irq: " + na(c.txUsecsIrq()) + "\n"
                + "tx-frames-irq: " + na(c.txMaxFramesIrq()) + "\n"
                + "\n"
                + "rx-usecs-low: " + na(c.rxUsecsLow()) + "\n"
                + "rx-frame-low: " + na(c.rxMaxFramesLow()) + "\n"
                + "tx-usecs-low: " + na(c.txUsecsLow()) + "\n"
                + "tx-frame-low: " + na(c.txMaxFramesLow()) + "\n"
                + "\n"
                + "rx-usecs-high: " + na(c.rxUsecsHigh()) + "\n"
                + "rx-frame-high: " + na(c.rxMaxFramesHigh()) + "\n"
                + "tx-usecs-high: " + na(c.txUsecsHigh()) + "\n"
                + "tx-frame-high: " + na(c.txMaxFramesHigh()) + "\n"
                + "\n"
                + "CQE mode RX: " + onOff(c.useCqeModeRx()) + "  TX: " + onOff(c.useCqeModeTx()) + "\n"
                + "\n";
    }

    /**
     * {@code ethtool -a}: with autonegotiation on, the negotiated directions from the advertised and the link
     * partner's pause modes ({@code modes}, null when not asked), then a blank line.
     */
    static String pause(String dev, EthtoolPause p, EthtoolLinkModes modes) {
        StringBuilder sb = new StringBuilder("Pause parameters for " + dev + ":\n"
                + "Autonegotiate:\t" + onOff(p.autoneg()) + "\n"
                + "RX:\t\t" + onOff(p.rx()) + "\n"
                + "TX:\t\t" + onOff(p.tx()) + "\n");
        boolean[] n = negotiated(modes);
        if (n != null) sb.append("RX negotiated: ").append(onOff(n[0])).append("\nTX negotiated: ").append(onOff(n[1])).append('\n');
        return sb.append('\n').toString();
    }

    /**
     * {@return RX and TX pause as negotiated: both when both ends advertise symmetric pause; with asymmetric
     * pause on both ends, RX when this end advertises pause, else TX when the partner does; null without modes}
     */
    static boolean[] negotiated(EthtoolLinkModes modes) {
        if (modes == null || modes.ours() == null || modes.peer() == null) return null;
        EthtoolBitset ours = modes.ours(), peer = modes.peer();
        boolean rx = false, tx = false;
        if (ours.isSet(Ethnl.ETHTOOL_LINK_MODE_Pause_BIT) && peer.isSet(Ethnl.ETHTOOL_LINK_MODE_Pause_BIT)) {
            rx = tx = true;
        } else if (ours.isSet(Ethnl.ETHTOOL_LINK_MODE_Asym_Pause_BIT) && peer.isSet(Ethnl.ETHTOOL_LINK_MODE_Asym_Pause_BIT)) {
            if (ours.isSet(Ethnl.ETHTOOL_LINK_MODE_Pause_BIT)) rx = true;
            else if (peer.isSet(Ethnl.ETHTOOL_LINK_MODE_Pause_BIT)) tx = true;
        }
        return new boolean[] {rx, tx};
    }

    /** {@code ethtool --json -a}: the object's members. */
    static Map<String, Object> pauseJson(String dev, EthtoolPause p, EthtoolLinkModes modes) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("ifname", dev);
        if (p.autoneg() != null) m.put("autonegotiate", p.autoneg());
        if (p.rx() != null) m.put("rx", p.rx());
        if (p.tx() != null) m.put("tx", p.tx());
        boolean[] n = negotiated(modes);
        if (n != null) {
            Map<String, Object> neg = new LinkedHashMap<>();
            neg.put("rx", n[0]);
            neg.put("tx", n[1]);
            m.put("negotiated", neg);
        }
        return m;
    }

    /** One line or JSON member of {@code ethtool -k}: a name and its state (null members for a legacy group). */
    private record Shown(String name, String prefix, Boolean active, Boolean fixed, Boolean requested, String suffix) {
    }

    /**
     * The features as {@code ethtool -k} orders them: each legacy flag first (one feature: under the flag's
     * name; several or none: the flag, on if any is, then its features indented), then the rest in bit order.
     */
    private static List<Shown> shown(EthtoolFeatures f) {
        List<EthtoolFeature> all = f.features();
        int[] group = new int[all.size()];
        for (int i = 0; i < all.size(); i++) group[i] = EthtoolFeatureGroups.groupOf(all.get(i).name());
        List<Shown> out = new ArrayList<>();
        for (int g = 0; g < EthtoolFeatureGroups.GROUPS.size(); g++) {
            EthtoolFeatureGroups.Group flag = EthtoolFeatureGroups.GROUPS.get(g);
            if (flag.longName().equals(EthtoolFeatureGroups.UFO)) continue;
            List<EthtoolFeature> members = new ArrayList<>();
            for (int i = 0; i < all.size(); i++) if (group[i] == g) members.add(all.get(i));
            if (members.size() != 1) {
                boolean any = members.stream().anyMatch(EthtoolFeature::active);
                out.add(new Shown(flag.longName(), "", any, null, null, ""));
            }
            for (EthtoolFeature m : members) {
                out.add(feature(m, members.size() == 1 ? flag.longName() : m.name(), members.size() == 1 ? "" : "\t"));
            }
        }
        for (int i = 0; i < all.size(); i++) if (group[i] < 0) out.add(feature(all.get(i), all.get(i).name(), ""));
        return out;
    }

    private static Shown feature(EthtoolFeature f, String name, String prefix) {
        String suffix = f.fixed() ? " [fixed]"
                : f.active() != f.wanted() ? (f.wanted() ? " [requested on]" : " [requested off]") : "";
        return new Shown(name, prefix, f.active(), f.fixed(), f.wanted(), suffix);
    }

    /** {@code ethtool -k}. */
    static String features(String dev, EthtoolFeatures f) {
        StringBuilder sb = new StringBuilder("Features for ").append(dev).append(":\n");
        for (Shown s : shown(f)) {
            sb.append(s.prefix()).append(s.name()).append(": ").append(s.active() ? "on" : "off").append(s.suffix())
                    .append('\n');
        }
        return sb.toString();
    }

    /** {@code ethtool --json -k}: the object's members. */
    static Map<String, Object> featuresJson(String dev, EthtoolFeatures f) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("ifname", dev);
        for (Shown s : shown(f)) {
            Map<String, Object> v = new LinkedHashMap<>();
            v.put("active", s.active());
            v.put("fixed", s.fixed());
            v.put("requested", s.requested());
            m.put(s.name(), v);
        }
        return m;
    }

    /**
     * An array of one object the way ethtool's JSON writer prints it: {@code [ {}, members indented by 8
     * spaces, nested objects' by 12, closed by {@code     } ]}.
     */
    static String ethtoolJson(Map<String, Object> object) {
        StringBuilder sb = new StringBuilder("[ {\n");
        members(sb, object, "        ");
        sb.append("\n    } ]\n");
        return sb.toString();
    }

    private static void members(StringBuilder sb, Map<String, Object> object, String indent) {
        boolean first = true;
        for (Map.Entry<String, Object> e : object.entrySet()) {
            if (!first) sb.append(",\n");
            first = false;
            sb.append(indent).append(Json.write(e.getKey())).append(": ");
            if (e.getValue() instanceof Map<?, ?> nested && nested.isEmpty()) {
                sb.append("{}");
            } else if (e.getValue() instanceof Map<?, ?> nested) {
                sb.append("{\n");
                @SuppressWarnings("unchecked")
                Map<String, Object> n = (Map<String, Object>) nested;
                members(sb, n, indent + "    ");
                sb.append('\n').append(indent).append('}');
            } else if (e.getValue() instanceof List<?> list) {
                // an array of objects: "[ {", members two levels in, "},{", "} ]"
                sb.append("[ ");
                for (int i = 0; i < list.size(); i++) {
                    if (i > 0) sb.append(',');
                    @SuppressWarnings("unchecked")
                    Map<String, Object> n = (Map<String, Object>) list.get(i);
                    sb.append("{\n");
                    members(sb, n, indent + "        ");
                    sb.append('\n').append(indent).append("    }");
                }
                sb.append(" ]");
            } else if (e.getValue() instanceof java.math.BigInteger big) {
                sb.append(big); // an unsigned 64-bit counter above Long.MAX_VALUE
            } else {
                sb.append(Json.write(e.getValue()));
            }
        }
    }

    // ---- issue 11, ethtool leftovers: -S --all-groups / --groups ----------------------------------

    private static Object u64(long v) {
        return v >= 0 ? (Object) v : new java.math.BigInteger(Long.toUnsignedString(v));
    }

    /** {@code ethtool -S DEV --groups ...}: "Standard stats for DEV:", then GROUP-COUNTER lines and histogram buckets. */
    static String standardStats(String dev, EthtoolStandardStats s) {
        StringBuilder sb = new StringBuilder("Standard stats for ").append(dev).append(":\n");
        for (EthtoolStatsGroup g : s.groups()) {
            g.counters().forEach((k, v) -> sb.append(g.name()).append('-').append(k).append(": ")
                    .append(Long.toUnsignedString(v)).append('\n'));
            histogram(sb, g.name(), "rx", g.rxHistogram());
            histogram(sb, g.name(), "tx", g.txHistogram());
        }
        return sb.toString();
    }

    private static void histogram(StringBuilder sb, String group, String dir, List<EthtoolStatsGroup.Bucket> buckets) {
        for (EthtoolStatsGroup.Bucket b : buckets) {
            sb.append(dir).append('-').append(group).append("-etherStatsPkts");
            if (b.low() != 0 && b.high() != 0) sb.append(b.low()).append("to").append(b.high()).append("Octets");
            else if (b.high() != 0) sb.append(b.high()).append("Octets");
            else sb.append(b.low()).append("toMaxOctets"); // ethtool refuses a bucket without bounds; the kernel never sends one
            sb.append(": ").append(Long.toUnsignedString(b.value())).append('\n');
        }
    }

    /** {@code ethtool --json -S DEV --groups ...}: the object's members. */
    static Map<String, Object> standardStatsJson(String dev, EthtoolStandardStats s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("ifname", dev);
        for (EthtoolStatsGroup g : s.groups()) {
            Map<String, Object> grp = new LinkedHashMap<>();
            g.counters().forEach((k, v) -> grp.put(k, u64(v)));
            if (!g.rxHistogram().isEmpty()) grp.put("rx-pktsNtoM", buckets(g.rxHistogram()));
            if (!g.txHistogram().isEmpty()) grp.put("tx-pktsNtoM", buckets(g.txHistogram()));
            m.put(g.name(), grp);
        }
        return m;
    }

    private static List<Object> buckets(List<EthtoolStatsGroup.Bucket> buckets) {
        List<Object> l = new ArrayList<>();
        for (EthtoolStatsGroup.Bucket b : buckets) {
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("low", b.low());
            o.put("high", b.high());
            o.put("val", u64(b.value()));
            l.add(o);
        }
        return l;
    }
}
