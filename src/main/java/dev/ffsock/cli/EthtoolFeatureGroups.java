package dev.ffsock.cli;

import java.util.List;

/**
 * ethtool's legacy feature flags ({@code ethtool -k}/{@code -K}): each short and long name stands for the
 * kernel features its pattern matches (at most one {@code *}, standing for any text). {@code ethtool -k}
 * shows each flag first, with the features it groups; {@code -K} accepts either name and changes all of them.
 */
final class EthtoolFeatureGroups {
    /** One legacy flag. */
    record Group(String shortName, String longName, String pattern) {
        /** {@return whether the kernel feature {@code name} belongs to this flag} */
        boolean matches(String name) {
            int star = pattern.indexOf('*');
            if (star < 0) return name.equals(pattern);
            String prefix = pattern.substring(0, star), suffix = pattern.substring(star + 1);
            return name.length() + 1 >= pattern.length() && name.startsWith(prefix) && name.endsWith(suffix);
        }
    }

    /** The flags in the order ethtool shows them (udp-fragmentation-offload: no netlink kernel has it). */
    static final List<Group> GROUPS = List.of(
            new Group("rx", "rx-checksumming", "rx-checksum"),
            new Group("tx", "tx-checksumming", "tx-checksum-*"),
            new Group("sg", "scatter-gather", "tx-scatter-gather*"),
            new Group("tso", "tcp-segmentation-offload", "tx-tcp*-segmentation"),
            new Group("ufo", "udp-fragmentation-offload", "tx-udp-fragmentation"),
            new Group("gso", "generic-segmentation-offload", "tx-generic-segmentation"),
            new Group("gro", "generic-receive-offload", "rx-gro"),
            new Group("lro", "large-receive-offload", "rx-lro"),
            new Group("rxvlan", "rx-vlan-offload", "rx-vlan-hw-parse"),
            new Group("txvlan", "tx-vlan-offload", "tx-vlan-hw-insert"),
            new Group("ntuple", "ntuple-filters", "rx-ntuple-filter"),
            new Group("rxhash", "receive-hashing", "rx-hashing"));

    /** The flag ethtool skips when showing features: no kernel with the netlink interface has UFO. */
    static final String UFO = "udp-fragmentation-offload";

    private EthtoolFeatureGroups() {
    }

    /** {@return the index of the first flag whose pattern matches kernel feature {@code name}, or -1} */
    static int groupOf(String name) {
        for (int i = 0; i < GROUPS.size(); i++) if (GROUPS.get(i).matches(name)) return i;
        return -1;
    }

    /** {@return the flag named {@code name} (short or long), or null} */
    static Group byName(String name) {
        for (Group g : GROUPS) if (g.shortName().equals(name) || g.longName().equals(name)) return g;
        return null;
    }
}
