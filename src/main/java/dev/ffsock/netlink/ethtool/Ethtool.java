package dev.ffsock.netlink.ethtool;

import dev.ffsock.Domain;
import dev.ffsock.Errno;
import dev.ffsock.EthtoolDriverInfo;
import dev.ffsock.EthtoolIoctl;
import dev.ffsock.EthtoolStat;
import dev.ffsock.NetworkNamespace;
import dev.ffsock.Protocol;
import dev.ffsock.Socket;
import dev.ffsock.Type;
import dev.ffsock.netlink.Attributes;
import dev.ffsock.netlink.NetlinkException;
import dev.ffsock.netlink.genl.GenericNetlink;
import dev.ffsock.netlink.genl.GenlFamilyClient;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

import static dev.ffsock.netlink.ethtool.Ethnl.*;

/**
 * A client of the ethtool generic netlink family, the {@code ethtool} command's queries and changes, in
 * one network namespace. Each get names the device and returns one typed record; values the device
 * does not report are null. An operation the device does not support fails with the kernel's
 * {@link NetlinkException} (EOPNOTSUPP, with its extended-ack text when it gave one), as ethtool's
 * "netlink error: Operation not supported".
 * {@snippet :
 * try (Ethtool ethtool = Ethtool.open()) {
 *     EthtoolFeatures f = ethtool.features("eth0");          // ethtool -k eth0
 *     ethtool.setFeatures("eth0", Map.of("rx-gro", false));  // ethtool -K eth0 rx-gro off
 *     EthtoolChannels c = ethtool.channels("eth0");          // ethtool -l eth0
 * }
 * }
 * Driver information and statistics ({@code ethtool -i}, {@code -S}) have no netlink request on every
 * kernel; {@link #driverInfo} and {@link #statistics} ask them with the {@code SIOCETHTOOL} ioctl
 * ({@link EthtoolIoctl}) on a socket in the same namespace. Not thread-safe: one thread at a time.
 */
public final class Ethtool extends GenlFamilyClient implements AutoCloseable {
    private final GenericNetlink genl;
    private final String namespace;
    private List<String> featureNames;
    /** String sets read for STATS_GET (group names, counter names), by set. */
    private final Map<Integer, List<String>> statsStrings = new java.util.HashMap<>();

    private Ethtool(GenericNetlink genl, String namespace) throws IOException {
        super(genl, ETHTOOL_GENL_NAME, ETHTOOL_GENL_VERSION);
        this.genl = genl;
        this.namespace = namespace;
    }

    /**
     * {@return a client in this process's network namespace}
     *
     * @throws IOException if the netlink socket cannot be made, or the kernel has no ethtool family
     *     ({@link NetlinkException} ENOENT)
     */
    public static Ethtool open() throws IOException {
        return open(null);
    }

    /**
     * {@return a client in the named network namespace ({@code /run/netns/NAME}); null means this process's}
     *
     * @param namespace the namespace's name, as {@code ip netns add NAME} made it, or null
     * @throws IOException if the namespace cannot be entered, the socket cannot be made, or the kernel has
     *     no ethtool family ({@link NetlinkException} ENOENT)
     */
    public static Ethtool open(String namespace) throws IOException {
        return openOwn(namespace, genl -> new Ethtool(genl, namespace));
    }

    /** Closes the netlink connection. */
    @Override
    public void close() {
        genl.close();
    }

    @Override
    protected String commandName(int cmd) {
        return switch (cmd) {
            case ETHTOOL_MSG_STRSET_GET -> "STRSET_GET";
            case ETHTOOL_MSG_LINKINFO_GET -> "LINKINFO_GET";
            case ETHTOOL_MSG_LINKMODES_GET -> "LINKMODES_GET";
            case ETHTOOL_MSG_LINKSTATE_GET -> "LINKSTATE_GET";
            case ETHTOOL_MSG_FEATURES_GET -> "FEATURES_GET";
            case ETHTOOL_MSG_FEATURES_SET -> "FEATURES_SET";
            case ETHTOOL_MSG_RINGS_GET -> "RINGS_GET";
            case ETHTOOL_MSG_CHANNELS_GET -> "CHANNELS_GET";
            case ETHTOOL_MSG_CHANNELS_SET -> "CHANNELS_SET";
            case ETHTOOL_MSG_COALESCE_GET -> "COALESCE_GET";
            case ETHTOOL_MSG_COALESCE_SET -> "COALESCE_SET";
            case ETHTOOL_MSG_PAUSE_GET -> "PAUSE_GET";
            case ETHTOOL_MSG_EEE_GET -> "EEE_GET";
            case ETHTOOL_MSG_RINGS_SET -> "RINGS_SET";
            case ETHTOOL_MSG_PAUSE_SET -> "PAUSE_SET";
            case ETHTOOL_MSG_EEE_SET -> "EEE_SET";
            case ETHTOOL_MSG_STATS_GET -> "STATS_GET";
            default -> super.commandName(cmd);
        };
    }

    /**
     * The strings of a global string set ({@code ETHTOOL_MSG_STRSET_GET}), by index: for
     * {@link Ethnl#ETH_SS_FEATURES} the feature names {@code ethtool -k} shows (ethtool asks for them first).
     *
     * @param stringSet {@code ETH_SS_*}
     * @return the strings, index {@code i} for bit or entry {@code i} (null where the kernel sent none)
     * @throws IOException if the kernel refuses ({@link NetlinkException}) or the socket fails
     */
    public List<String> strings(int stringSet) throws IOException {
        if (stringSet < 0) throw new IllegalArgumentException("negative string set " + stringSet);
        return one(ETHTOOL_MSG_STRSET_GET, request(ETHTOOL_MSG_STRSET_GET,
                w -> FeaturesCodec.writeStringSetRequest(w, stringSet),
                m -> FeaturesCodec.strings(m.attributes(), stringSet)));
    }

    /**
     * The device's features ({@code ETHTOOL_MSG_FEATURES_GET} with compact bitsets, named from
     * {@code ETH_SS_FEATURES}): {@code ethtool -k DEV}.
     *
     * @param ifname the device's name
     * @return every named feature, in bit order
     * @throws IllegalArgumentException if {@code ifname} cannot be an interface name
     * @throws IOException ENODEV if there is no such device ({@link NetlinkException}), or the socket fails
     */
    public EthtoolFeatures features(String ifname) throws IOException {
        return features(ifname, true);
    }

    /**
     * The device's features, asking for compact or verbose bitsets: {@code ethtool -k DEV}.
     *
     * @param ifname the device's name
     * @param compact whether to ask for compact bitsets ({@code ETHTOOL_FLAG_COMPACT_BITSETS}); the verbose
     *     form names each bit it lists
     * @return every named feature, in bit order
     * @throws IllegalArgumentException if {@code ifname} cannot be an interface name
     * @throws IOException ENODEV if there is no such device ({@link NetlinkException}), or the socket fails
     */
    public EthtoolFeatures features(String ifname, boolean compact) throws IOException {
        List<String> names = featureNames();
        return get(ETHTOOL_MSG_FEATURES_GET, ifname, compact ? ETHTOOL_FLAG_COMPACT_BITSETS : 0,
                a -> FeaturesCodec.decode(a, names));
    }

    private List<String> featureNames() throws IOException {
        if (featureNames == null) featureNames = List.copyOf(strings(ETH_SS_FEATURES).stream()
                .map(s -> s == null ? "" : s).toList());
        return featureNames;
    }

    /**
     * Turns features on or off by name ({@code ETHTOOL_MSG_FEATURES_SET}): {@code ethtool -K DEV NAME on|off ...}.
     * The kernel changes what it can; a fixed feature keeps its state without an error, so compare the
     * returned features with what was asked.
     *
     * @param ifname the device's name
     * @param wanted the kernel's feature names ({@code rx-gro}, not ethtool's legacy {@code gro}) and their states
     * @return the device's features afterwards ({@code ethtool -k DEV})
     * @throws IllegalArgumentException if {@code ifname} cannot be an interface name, {@code wanted} is
     *     empty or names a feature the kernel does not have
     * @throws IOException EPERM without CAP_NET_ADMIN, ENODEV for no such device ({@link NetlinkException}
     *     with the kernel's text), or the socket fails
     */
    public EthtoolFeatures setFeatures(String ifname, Map<String, Boolean> wanted) throws IOException {
        EthtoolIoctl.checkName(ifname);
        if (wanted.isEmpty()) throw new IllegalArgumentException("no features to change");
        List<String> names = featureNames();
        Map<String, Boolean> bits = new LinkedHashMap<>();
        for (Map.Entry<String, Boolean> e : wanted.entrySet()) {
            if (!names.contains(e.getKey())) {
                throw new IllegalArgumentException("no feature named '" + e.getKey() + "' (see ethtool -k)");
            }
            bits.put(e.getKey(), Objects.requireNonNull(e.getValue(), e.getKey()));
        }
        execute(ETHTOOL_MSG_FEATURES_SET, 0, w -> {
            EthtoolHeader.write(w, ifname, ETHTOOL_FLAG_COMPACT_BITSETS | ETHTOOL_FLAG_OMIT_REPLY);
            FeaturesCodec.writeWanted(w, bits);
        });
        return features(ifname);
    }

    /**
     * {@return the device's ring sizes ({@code ETHTOOL_MSG_RINGS_GET}): {@code ethtool -g DEV}}
     *
     * @param ifname the device's name
     * @throws IOException EOPNOTSUPP if the device has no ring settings, ENODEV ({@link NetlinkException})
     */
    public EthtoolRings rings(String ifname) throws IOException {
        return get(ETHTOOL_MSG_RINGS_GET, ifname, 0, SettingsCodec::rings);
    }

    /**
     * {@return the device's channel counts ({@code ETHTOOL_MSG_CHANNELS_GET}): {@code ethtool -l DEV}}
     *
     * @param ifname the device's name
     * @throws IOException EOPNOTSUPP if the device has no channel settings, ENODEV ({@link NetlinkException})
     */
    public EthtoolChannels channels(String ifname) throws IOException {
        return get(ETHTOOL_MSG_CHANNELS_GET, ifname, 0, SettingsCodec::channels);
    }

    /**
     * Sets channel counts ({@code ETHTOOL_MSG_CHANNELS_SET}): {@code ethtool -L DEV rx N tx N other N combined N}.
     *
     * @param ifname the device's name
     * @param rx RX-only channels, or null to keep
     * @param tx TX-only channels, or null to keep
     * @param other other channels, or null to keep
     * @param combined combined channels, or null to keep
     * @return the channels afterwards ({@code ethtool -l DEV})
     * @throws IllegalArgumentException if nothing is to change or a count is negative or above 2^32-1
     * @throws IOException EINVAL with the kernel's text for a count above the maximum, EOPNOTSUPP, EPERM
     *     ({@link NetlinkException})
     */
    public EthtoolChannels setChannels(String ifname, Long rx, Long tx, Long other, Long combined) throws IOException {
        EthtoolIoctl.checkName(ifname);
        if (rx == null && tx == null && other == null && combined == null) {
            throw new IllegalArgumentException("no channel count to change");
        }
        for (Long v : new Long[] {rx, tx, other, combined}) {
            if (v != null && (v < 0 || v > 0xffff_ffffL)) throw new IllegalArgumentException("bad channel count " + v);
        }
        EthtoolChannels counts = new EthtoolChannels(null, null, null, null, null, rx, tx, other, combined);
        execute(ETHTOOL_MSG_CHANNELS_SET, 0, w -> {
            EthtoolHeader.write(w, ifname, 0);
            SettingsCodec.writeChannelCounts(w, counts);
        });
        return channels(ifname);
    }

    /**
     * {@return the device's interrupt coalescing ({@code ETHTOOL_MSG_COALESCE_GET}): {@code ethtool -c DEV}}
     *
     * @param ifname the device's name
     * @throws IOException EOPNOTSUPP if the device has no coalescing settings, ENODEV ({@link NetlinkException})
     */
    public EthtoolCoalesce coalesce(String ifname) throws IOException {
        return get(ETHTOOL_MSG_COALESCE_GET, ifname, 0, SettingsCodec::coalesce);
    }

    /**
     * Changes interrupt coalescing ({@code ETHTOOL_MSG_COALESCE_SET}): {@code ethtool -C DEV rx-usecs N ...}.
     *
     * @param ifname the device's name
     * @param changes the values to set; null components (and the header) are left unchanged
     * @return the coalescing afterwards ({@code ethtool -c DEV})
     * @throws IllegalArgumentException if nothing is to change or a value is outside 0..2^32-1
     * @throws IOException EINVAL with the kernel's text for a parameter the device does not support,
     *     EOPNOTSUPP, EPERM ({@link NetlinkException})
     */
    public EthtoolCoalesce setCoalesce(String ifname, EthtoolCoalesce changes) throws IOException {
        EthtoolIoctl.checkName(ifname);
        byte[] attrs = SettingsCodec.coalesceAttributes(changes); // checks every value before anything is sent
        if (attrs.length == 0) throw new IllegalArgumentException("no coalescing parameter to change");
        execute(ETHTOOL_MSG_COALESCE_SET, 0, w -> {
            EthtoolHeader.write(w, ifname, 0);
            w.putBytes(attrs);
        });
        return coalesce(ifname);
    }

    /**
     * {@return the device's pause settings ({@code ETHTOOL_MSG_PAUSE_GET}): {@code ethtool -a DEV}}
     *
     * @param ifname the device's name
     * @throws IOException EOPNOTSUPP if the device has no pause settings, ENODEV ({@link NetlinkException})
     */
    public EthtoolPause pause(String ifname) throws IOException {
        return get(ETHTOOL_MSG_PAUSE_GET, ifname, 0, SettingsCodec::pause);
    }

    /**
     * {@return the device's EEE state ({@code ETHTOOL_MSG_EEE_GET}): {@code ethtool --show-eee DEV}}
     *
     * @param ifname the device's name
     * @throws IOException EOPNOTSUPP if the device has no EEE, ENODEV ({@link NetlinkException})
     */
    public EthtoolEee eee(String ifname) throws IOException {
        return get(ETHTOOL_MSG_EEE_GET, ifname, ETHTOOL_FLAG_COMPACT_BITSETS, SettingsCodec::eee);
    }

    /**
     * {@return the device's port information ({@code ETHTOOL_MSG_LINKINFO_GET}): the {@code Port:},
     * {@code PHYAD:}, {@code Transceiver:} lines of {@code ethtool DEV}}
     *
     * @param ifname the device's name
     * @throws IOException EOPNOTSUPP if the device does not report it, ENODEV ({@link NetlinkException})
     */
    public EthtoolLinkInfo linkInfo(String ifname) throws IOException {
        return get(ETHTOOL_MSG_LINKINFO_GET, ifname, 0, SettingsCodec::linkInfo);
    }

    /**
     * {@return the device's link modes, speed and duplex ({@code ETHTOOL_MSG_LINKMODES_GET}): the
     * {@code Speed:}, {@code Duplex:}, {@code Auto-negotiation:} and link mode lines of {@code ethtool DEV}}
     *
     * @param ifname the device's name
     * @throws IOException EOPNOTSUPP if the device does not report them, ENODEV ({@link NetlinkException})
     */
    public EthtoolLinkModes linkModes(String ifname) throws IOException {
        return get(ETHTOOL_MSG_LINKMODES_GET, ifname, ETHTOOL_FLAG_COMPACT_BITSETS, SettingsCodec::linkModes);
    }

    /**
     * {@return the device's link state ({@code ETHTOOL_MSG_LINKSTATE_GET}): {@code Link detected:} in {@code ethtool DEV}}
     *
     * @param ifname the device's name
     * @throws IOException ENODEV ({@link NetlinkException}), or the socket fails
     */
    public EthtoolLinkState linkState(String ifname) throws IOException {
        return get(ETHTOOL_MSG_LINKSTATE_GET, ifname, 0, SettingsCodec::linkState);
    }

    /**
     * {@return the driver's description ({@code ETHTOOL_GDRVINFO} ioctl): {@code ethtool -i DEV}}
     *
     * @param ifname the device's name
     * @throws IOException {@code ioctl} ENODEV, EOPNOTSUPP ({@link dev.ffsock.ErrnoException})
     */
    public EthtoolDriverInfo driverInfo(String ifname) throws IOException {
        EthtoolIoctl.checkName(ifname);
        try (Socket s = inetSocket()) {
            return EthtoolIoctl.driverInfo(s, ifname);
        }
    }

    /**
     * {@return the driver's statistics ({@code ETHTOOL_GSTATS} ioctl), empty when it has none: {@code ethtool -S DEV}}
     *
     * @param ifname the device's name
     * @throws IOException {@code ioctl} ENODEV, EOPNOTSUPP ({@link dev.ffsock.ErrnoException})
     */
    public List<EthtoolStat> statistics(String ifname) throws IOException {
        EthtoolIoctl.checkName(ifname);
        try (Socket s = inetSocket()) {
            return EthtoolIoctl.statistics(s, ifname);
        }
    }

    // ---- issue 11, ethtool leftovers: -G, -A, --set-eee, -S --groups --------------------------------

    /**
     * Sets ring sizes ({@code ETHTOOL_MSG_RINGS_SET}): {@code ethtool -G DEV rx N rx-mini N rx-jumbo N tx N}.
     *
     * @param ifname the device's name
     * @param rx the RX ring size, or null to keep
     * @param rxMini the RX mini ring size, or null to keep
     * @param rxJumbo the RX jumbo ring size, or null to keep
     * @param tx the TX ring size, or null to keep
     * @return the ring sizes afterwards ({@code ethtool -g DEV})
     * @throws IllegalArgumentException if nothing is to change or a size is outside 0..2^32-1
     * @throws IOException EOPNOTSUPP for a device without ring settings, EINVAL with the kernel's text for
     *     a size above the maximum, EPERM ({@link NetlinkException})
     */
    public EthtoolRings setRings(String ifname, Long rx, Long rxMini, Long rxJumbo, Long tx) throws IOException {
        EthtoolIoctl.checkName(ifname);
        Long[] v = {rx, rxMini, rxJumbo, tx};
        int[] types = {ETHTOOL_A_RINGS_RX, ETHTOOL_A_RINGS_RX_MINI, ETHTOOL_A_RINGS_RX_JUMBO, ETHTOOL_A_RINGS_TX};
        if (rx == null && rxMini == null && rxJumbo == null && tx == null) throw new IllegalArgumentException("no ring size to change");
        checkU32s(v, "ring size");
        execute(ETHTOOL_MSG_RINGS_SET, 0, w -> {
            EthtoolHeader.write(w, ifname, 0);
            for (int i = 0; i < v.length; i++) if (v[i] != null) w.attrU32(types[i], (int) (long) v[i]);
        });
        return rings(ifname);
    }

    /**
     * Sets pause frame use ({@code ETHTOOL_MSG_PAUSE_SET}): {@code ethtool -A DEV autoneg on|off rx on|off tx on|off}.
     *
     * @param ifname the device's name
     * @param autoneg whether to autonegotiate pause, or null to keep
     * @param rx whether to honour received pause frames, or null to keep
     * @param tx whether to send pause frames, or null to keep
     * @return the pause settings afterwards ({@code ethtool -a DEV})
     * @throws IllegalArgumentException if nothing is to change
     * @throws IOException EOPNOTSUPP for a device without pause settings, EPERM ({@link NetlinkException})
     */
    public EthtoolPause setPause(String ifname, Boolean autoneg, Boolean rx, Boolean tx) throws IOException {
        EthtoolIoctl.checkName(ifname);
        if (autoneg == null && rx == null && tx == null) throw new IllegalArgumentException("no pause setting to change");
        execute(ETHTOOL_MSG_PAUSE_SET, 0, w -> {
            EthtoolHeader.write(w, ifname, 0);
            if (autoneg != null) w.attrU8(ETHTOOL_A_PAUSE_AUTONEG, autoneg ? 1 : 0);
            if (rx != null) w.attrU8(ETHTOOL_A_PAUSE_RX, rx ? 1 : 0);
            if (tx != null) w.attrU8(ETHTOOL_A_PAUSE_TX, tx ? 1 : 0);
        });
        return pause(ifname);
    }

    /**
     * Sets Energy Efficient Ethernet ({@code ETHTOOL_MSG_EEE_SET}): {@code ethtool --set-eee DEV eee on|off
     * tx-lpi on|off tx-timer N}.
     *
     * @param ifname the device's name
     * @param enabled whether EEE is on, or null to keep
     * @param txLpiEnabled whether TX low power idle is on, or null to keep
     * @param txLpiTimer the TX LPI timer in microseconds, or null to keep
     * @return the EEE state afterwards ({@code ethtool --show-eee DEV})
     * @throws IllegalArgumentException if nothing is to change or the timer is outside 0..2^32-1
     * @throws IOException EOPNOTSUPP for a device without EEE, EPERM ({@link NetlinkException})
     */
    public EthtoolEee setEee(String ifname, Boolean enabled, Boolean txLpiEnabled, Long txLpiTimer) throws IOException {
        EthtoolIoctl.checkName(ifname);
        if (enabled == null && txLpiEnabled == null && txLpiTimer == null) throw new IllegalArgumentException("no EEE setting to change");
        checkU32s(new Long[] {txLpiTimer}, "tx-timer");
        execute(ETHTOOL_MSG_EEE_SET, 0, w -> {
            EthtoolHeader.write(w, ifname, 0);
            if (enabled != null) w.attrU8(ETHTOOL_A_EEE_ENABLED, enabled ? 1 : 0);
            if (txLpiEnabled != null) w.attrU8(ETHTOOL_A_EEE_TX_LPI_ENABLED, txLpiEnabled ? 1 : 0);
            if (txLpiTimer != null) w.attrU32(ETHTOOL_A_EEE_TX_LPI_TIMER, (int) (long) txLpiTimer);
        });
        return eee(ifname);
    }

    /**
     * {@return the names of the standard statistics groups ({@code ETH_SS_STATS_STD}), by group id: the
     * names {@code ethtool -S --groups} takes}
     *
     * @throws IOException if the kernel refuses ({@link NetlinkException}) or the socket fails
     */
    public List<String> statsGroupNames() throws IOException {
        return statsStrings(ETH_SS_STATS_STD);
    }

    /**
     * The device's standard statistics ({@code ETHTOOL_MSG_STATS_GET}): {@code ethtool -S DEV --groups NAME...},
     * or {@code --all-groups} for an empty list. Every group asked for comes back, empty when the device
     * has none of its counters.
     *
     * @param ifname the device's name
     * @param groups group names from {@link #statsGroupNames()}, or empty for all
     * @return the groups, in the kernel's order
     * @throws IllegalArgumentException for a group name the kernel does not have
     * @throws IOException ENODEV ({@link NetlinkException}), or the socket fails
     */
    public EthtoolStandardStats standardStatistics(String ifname, List<String> groups) throws IOException {
        EthtoolIoctl.checkName(ifname);
        List<String> names = statsGroupNames();
        java.util.BitSet bits = new java.util.BitSet();
        if (groups.isEmpty()) bits.set(0, names.size());
        for (String g : groups) {
            int i = names.indexOf(g);
            if (i < 0) throw new IllegalArgumentException("no statistics group '" + g + "' (groups: " + names + ")");
            bits.set(i);
        }
        StatsCodec.Raw raw = one(ETHTOOL_MSG_STATS_GET, request(ETHTOOL_MSG_STATS_GET,
                w -> StatsCodec.writeRequest(w, ifname, bits, names.size()), m -> StatsCodec.decode(m.attributes())));
        for (StatsCodec.RawGroup g : raw.groups()) if (!g.counters().isEmpty()) statsStrings(g.stringSet());
        return StatsCodec.named(raw, names, set -> statsStrings.getOrDefault(set, List.of()));
    }

    private List<String> statsStrings(int set) throws IOException {
        List<String> l = statsStrings.get(set);
        if (l == null) {
            l = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(strings(set)));
            statsStrings.put(set, l);
        }
        return l;
    }

    /** Checks that each value given is an unsigned 32-bit one. */
    private static void checkU32s(Long[] values, String what) {
        for (Long v : values) {
            if (v != null && (v < 0 || v > 0xffff_ffffL)) throw new IllegalArgumentException("bad " + what + " " + v + " (0 to 4294967295)");
        }
    }

    private Socket inetSocket() throws IOException {
        return namespace == null ? Socket.open(Domain.AF_INET, Type.DGRAM)
                : NetworkNamespace.open(namespace, Domain.AF_INET, Type.DGRAM, Protocol.DEFAULT);
    }

    private <T> T get(int cmd, String ifname, int flags, Function<Attributes, T> decode) throws IOException {
        EthtoolIoctl.checkName(ifname);
        return one(cmd, request(cmd, w -> EthtoolHeader.write(w, ifname, flags), m -> decode.apply(m.attributes())));
    }

    private <T> T one(int cmd, List<T> replies) throws NetlinkException {
        if (replies.size() != 1) {
            throw new NetlinkException(ETHTOOL_GENL_NAME + " " + commandName(cmd) + " (" + replies.size() + " replies)",
                    Errno.EPROTO, null);
        }
        return replies.getFirst();
    }
}
