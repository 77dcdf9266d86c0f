package dev.ffsock.cli;

import dev.ffsock.EthtoolIoctl;
import dev.ffsock.EthtoolStat;
import dev.ffsock.netlink.ethtool.Ethnl;
import dev.ffsock.netlink.ethtool.Ethtool;
import dev.ffsock.netlink.ethtool.EthtoolCoalesce;
import dev.ffsock.netlink.ethtool.EthtoolFeature;
import dev.ffsock.netlink.ethtool.EthtoolFeatures;
import dev.ffsock.netlink.ethtool.EthtoolLinkModes;
import dev.ffsock.netlink.ethtool.EthtoolPause;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code ffsock ethtool}: device settings through the ethtool netlink family, printed as ethtool prints them. */
final class EthtoolCommand implements Command {
    @Override
    public String name() {
        return "ethtool";
    }

    @Override
    public String summary() {
        return "show or change a network device's settings, like ethtool";
    }

    @Override
    public String usage() {
        return """
                usage: ffsock ethtool -k|-g|-l|-c|-a|-i|-S DEV [--json] [--netns NAME]
                       ffsock ethtool -S DEV --all-groups|--groups GROUP... [--json] [--netns NAME]
                       ffsock ethtool -G DEV [rx N] [rx-mini N] [rx-jumbo N] [tx N] [--netns NAME]
                       ffsock ethtool -A DEV [autoneg on|off] [rx on|off] [tx on|off] [--netns NAME]
                       ffsock ethtool --set-eee DEV [eee on|off] [tx-lpi on|off] [tx-timer N] [--netns NAME]
                       ffsock ethtool -K DEV FEATURE on|off [FEATURE on|off]... [--netns NAME]
                       ffsock ethtool -L DEV [rx N] [tx N] [other N] [combined N] [--netns NAME]
                       ffsock ethtool -C DEV PARAMETER N|on|off... [--netns NAME]

                Prints what ethtool prints for the same option:
                  -k  features (offloads)       -K  turn features on or off (ethtool's names,
                  -g  ring sizes                    such as gro or tso, or the kernel's, such as rx-gro)
                  -l  channels                  -L  set channel counts
                  -c  interrupt coalescing      -C  change it (rx-usecs N, adaptive-rx on, ...)
                  -i  driver information
                  -a  pause parameters          -S  driver statistics; with --all-groups or
                  -G  set ring sizes                    --groups eth-phy|eth-mac|eth-ctrl|rmon|...
                  -A  set pause parameters              the standard statistics (STATS_GET)
                  --set-eee  set Energy Efficient Ethernet
                A device that does not support the request fails with the kernel's error
                (EOPNOTSUPP and its message; exit status 1).

                options:
                  --json        ethtool's JSON (-k, -a and -S with groups, as ethtool has it for those)
                  --netns NAME  ask in network namespace NAME (/run/netns/NAME)
                  -h, --help    show this help
                """;
    }

    @Override
    public int run(String[] args, Io io) throws Exception {
        String mode = null, dev = null, netns = null;
        boolean json = false;
        List<String> rest = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "-h", "--help" -> {
                    io.out().print(usage());
                    return 0;
                }
                case "--json", "-j" -> json = true;
                case "--netns" -> {
                    if (++i == args.length) throw new UsageException("option --netns needs a value");
                    netns = args[i];
                }
                case "--all-groups" -> rest.add(a);
                case "--groups" -> {
                    rest.add(a);
                    if (i + 1 == args.length || args[i + 1].startsWith("-")) throw new UsageException("--groups needs group names");
                }
                case "-k", "-K", "-g", "-l", "-L", "-c", "-C", "-a", "-i", "-S", "-G", "-A", "--set-eee" -> {
                    if (mode != null) throw new UsageException("one of -k -K -g -G -l -L -c -C -a -A -i -S --set-eee at a time");
                    mode = a;
                    if (++i == args.length) throw new UsageException("option " + a + " needs a device name");
                    dev = args[i];
                }
                default -> {
                    if (a.startsWith("--netns=")) netns = a.substring("--netns=".length());
                    else if (a.startsWith("-")) throw new UsageException("unknown option '" + a + "'");
                    else rest.add(a);
                }
            }
        }
        if (mode == null) throw new UsageException("missing -k, -K, -g, -G, -l, -L, -c, -C, -a, -A, -i, -S or --set-eee");
        try {
            EthtoolIoctl.checkName(dev);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        if (netns != null && netns.isEmpty()) throw new UsageException("empty namespace name");
        boolean groups = mode.equals("-S") && !rest.isEmpty();
        if (!mode.equals("-S") && (rest.contains("--all-groups") || rest.contains("--groups"))) {
            throw new UsageException("--all-groups and --groups go with -S");
        }
        if (json && !mode.equals("-k") && !mode.equals("-a") && !groups) {
            throw new UsageException("--json goes with -k and -a (ethtool has no JSON for " + mode + ")");
        }
        if (!rest.isEmpty() && !List.of("-K", "-L", "-C", "-G", "-A", "--set-eee", "-S").contains(mode)) {
            throw new UsageException("unexpected argument '" + rest.getFirst() + "'");
        }
        try (Ethtool ethtool = Ethtool.open(netns)) {
            return switch (mode) {
                case "-k" -> print(io, json ? EthtoolFormat.ethtoolJson(EthtoolFormat.featuresJson(dev, ethtool.features(dev)))
                        : EthtoolFormat.features(dev, ethtool.features(dev)));
                case "-K" -> setFeatures(ethtool, dev, rest, io);
                case "-g" -> print(io, EthtoolFormat.rings(dev, ethtool.rings(dev)));
                case "-l" -> print(io, EthtoolFormat.channels(dev, ethtool.channels(dev)));
                case "-L" -> setChannels(ethtool, dev, rest);
                case "-c" -> print(io, EthtoolFormat.coalesce(dev, ethtool.coalesce(dev)));
                case "-C" -> setCoalesce(ethtool, dev, rest);
                case "-a" -> pause(ethtool, dev, json, io);
                case "-i" -> print(io, EthtoolFormat.driverInfo(ethtool.driverInfo(dev)));
                case "-G" -> setRings(ethtool, dev, rest);
                case "-A" -> setPause(ethtool, dev, rest);
                case "--set-eee" -> setEee(ethtool, dev, rest);
                default -> groups ? standardStats(ethtool, dev, rest, json, io) : statistics(ethtool.statistics(dev), io);
            };
        }
    }

    private static int print(Io io, String text) {
        io.out().print(text);
        return 0;
    }

    /** {@code -a}: with autonegotiation on, the link modes too, for the negotiated directions. */
    private static int pause(Ethtool ethtool, String dev, boolean json, Io io) throws Exception {
        EthtoolPause p = ethtool.pause(dev);
        EthtoolLinkModes modes = Boolean.TRUE.equals(p.autoneg()) ? ethtool.linkModes(dev) : null;
        return print(io, json ? EthtoolFormat.ethtoolJson(EthtoolFormat.pauseJson(dev, p, modes))
                : EthtoolFormat.pause(dev, p, modes));
    }

    private static int statistics(List<EthtoolStat> stats, Io io) {
        if (stats.isEmpty()) {
            io.err().println("no stats available");
            return 1;
        }
        return print(io, EthtoolFormat.statistics(stats));
    }

    /**
     * {@code -K}: legacy flags stand for every feature their pattern matches; afterwards, as ethtool,
     * "Actual changes:" when the result differs from the request, and status 1 when nothing could change.
     */
    private static int setFeatures(Ethtool ethtool, String dev, List<String> args, Io io) throws Exception {
        if (args.isEmpty() || args.size() % 2 != 0) throw new UsageException("-K takes FEATURE on|off pairs");
        List<String> names = ethtool.strings(Ethnl.ETH_SS_FEATURES);
        Map<String, Boolean> wanted = new LinkedHashMap<>();
        for (int i = 0; i < args.size(); i += 2) {
            String value = args.get(i + 1);
            if (!value.equals("on") && !value.equals("off")) {
                throw new UsageException("feature '" + args.get(i) + "' is not followed by 'on' or 'off'");
            }
            EthtoolFeatureGroups.Group g = EthtoolFeatureGroups.byName(args.get(i));
            if (g == null) {
                if (!names.contains(args.get(i))) throw new UsageException("no feature named '" + args.get(i) + "'");
                wanted.put(args.get(i), value.equals("on"));
            } else {
                for (String n : names) if (n != null && g.matches(n)) wanted.put(n, value.equals("on"));
            }
        }
        if (wanted.isEmpty()) throw new UsageException("the device has none of the features named");
        EthtoolFeatures before = ethtool.features(dev);
        EthtoolFeatures after = ethtool.setFeatures(dev, wanted);
        List<String> lines = new ArrayList<>();
        int refused = 0;
        boolean diff = false;
        for (EthtoolFeature f : after.features()) {
            Boolean asked = wanted.get(f.name());
            boolean changed = before.feature(f.name()).map(b -> b.active() != f.active()).orElse(false);
            if (asked != null && f.wanted() != asked) {
                refused++;
                diff = true;
                lines.add(f.name() + ": " + (asked ? "off" : "on") + " [requested " + (asked ? "on" : "off") + "]");
            } else if (changed) {
                if (asked == null) diff = true;
                lines.add(f.name() + ": " + (f.active() ? "on" : "off") + (asked == null ? " [not requested]" : ""));
            }
        }
        if (diff) {
            io.out().println("Actual changes:");
            for (String l : lines) io.out().println(l);
        }
        if (refused == wanted.size()) {
            io.err().println("Could not change any device features");
            return 1;
        }
        return 0;
    }

    private static int setCoalesce(Ethtool ethtool, String dev, List<String> args) throws Exception {
        if (args.isEmpty() || args.size() % 2 != 0) throw new UsageException("-C takes PARAMETER VALUE pairs");
        Map<String, Object> values = new LinkedHashMap<>();
        for (int i = 0; i < args.size(); i += 2) {
            String p = args.get(i), v = args.get(i + 1);
            if (!EthtoolCoalesce.PARAMETERS.contains(p)) throw new UsageException("unknown coalescing parameter '" + p + "'");
            if (EthtoolCoalesce.isSwitch(p)) {
                if (!v.equals("on") && !v.equals("off")) throw new UsageException(p + " takes on or off: '" + v + "'");
                values.put(p, v.equals("on"));
            } else {
                try {
                    long n = Long.parseLong(v);
                    if (n < 0 || n > 0xffff_ffffL) throw new NumberFormatException();
                    values.put(p, n);
                } catch (NumberFormatException e) {
                    throw new UsageException("bad number for " + p + ": '" + v + "' (0 to 4294967295)");
                }
            }
        }
        ethtool.setCoalesce(dev, EthtoolCoalesce.of(values));
        return 0;
    }

    private static int setChannels(Ethtool ethtool, String dev, List<String> args) throws Exception {
        if (args.isEmpty() || args.size() % 2 != 0) throw new UsageException("-L takes rx|tx|other|combined N pairs");
        Long[] v = new Long[4];
        List<String> keys = List.of("rx", "tx", "other", "combined");
        for (int i = 0; i < args.size(); i += 2) {
            int k = keys.indexOf(args.get(i));
            if (k < 0) throw new UsageException("unknown channel type '" + args.get(i) + "'");
            try {
                v[k] = Long.parseLong(args.get(i + 1));
            } catch (NumberFormatException e) {
                throw new UsageException("bad number for " + args.get(i) + ": '" + args.get(i + 1) + "'");
            }
            if (v[k] < 0 || v[k] > 0xffff_ffffL) throw new UsageException(args.get(i) + " must be 0 to 4294967295");
        }
        ethtool.setChannels(dev, v[0], v[1], v[2], v[3]);
        return 0;
    }

    // ---- issue 11, ethtool leftovers ---------------------------------------------------------------

    /** {@code -S DEV --all-groups | --groups NAME...}: the standard statistics. */
    private static int standardStats(Ethtool ethtool, String dev, List<String> args, boolean json, Io io) throws Exception {
        List<String> wanted;
        if (args.getFirst().equals("--all-groups")) {
            if (args.size() > 1) throw new UsageException("--all-groups takes no group names");
            wanted = List.of();
        } else if (!args.getFirst().equals("--groups")) {
            throw new UsageException("unexpected argument '" + args.getFirst() + "'");
        } else {
            wanted = args.subList(1, args.size());
            if (wanted.contains("--all-groups") || wanted.contains("--groups")) throw new UsageException("one of --all-groups and --groups");
            List<String> known = ethtool.statsGroupNames();
            for (String g : wanted) if (!known.contains(g)) throw new UsageException("unknown statistics group '" + g + "' (" + String.join(", ", known) + ")");
        }
        var stats = ethtool.standardStatistics(dev, wanted);
        return print(io, json ? EthtoolFormat.ethtoolJson(EthtoolFormat.standardStatsJson(dev, stats))
                : EthtoolFormat.standardStats(dev, stats));
    }

    /** Reads KEY VALUE pairs of {@code keys}; values are numbers (0..2^32-1) or, for {@code switches}, on/off. */
    private static Map<String, Object> pairs(String option, List<String> args, List<String> keys, List<String> switches)
            throws UsageException {
        if (args.isEmpty() || args.size() % 2 != 0) throw new UsageException(option + " takes " + String.join("|", keys) + " VALUE pairs");
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < args.size(); i += 2) {
            String k = args.get(i), v = args.get(i + 1);
            if (!keys.contains(k)) throw new UsageException("unknown " + option + " parameter '" + k + "'");
            if (switches.contains(k)) {
                if (!v.equals("on") && !v.equals("off")) throw new UsageException(k + " takes on or off: '" + v + "'");
                m.put(k, v.equals("on"));
            } else {
                try {
                    long n = Long.parseLong(v);
                    if (n < 0 || n > 0xffff_ffffL) throw new NumberFormatException();
                    m.put(k, n);
                } catch (NumberFormatException e) {
                    throw new UsageException("bad number for " + k + ": '" + v + "' (0 to 4294967295)");
                }
            }
        }
        return m;
    }

    private static int setRings(Ethtool ethtool, String dev, List<String> args) throws Exception {
        Map<String, Object> m = pairs("-G", args, List.of("rx", "rx-mini", "rx-jumbo", "tx"), List.of());
        ethtool.setRings(dev, (Long) m.get("rx"), (Long) m.get("rx-mini"), (Long) m.get("rx-jumbo"), (Long) m.get("tx"));
        return 0;
    }

    private static int setPause(Ethtool ethtool, String dev, List<String> args) throws Exception {
        List<String> keys = List.of("autoneg", "rx", "tx");
        Map<String, Object> m = pairs("-A", args, keys, keys);
        ethtool.setPause(dev, (Boolean) m.get("autoneg"), (Boolean) m.get("rx"), (Boolean) m.get("tx"));
        return 0;
    }

    private static int setEee(Ethtool ethtool, String dev, List<String> args) throws Exception {
        Map<String, Object> m = pairs("--set-eee", args, List.of("eee", "tx-lpi", "tx-timer"), List.of("eee", "tx-lpi"));
        ethtool.setEee(dev, (Boolean) m.get("eee"), (Boolean) m.get("tx-lpi"), (Long) m.get("tx-timer"));
        return 0;
    }
}
