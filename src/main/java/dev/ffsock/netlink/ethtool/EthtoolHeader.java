package dev.ffsock.netlink.ethtool;

import dev.ffsock.netlink.Attributes;
import dev.ffsock.netlink.PayloadWriter;

import static dev.ffsock.netlink.ethtool.Ethnl.*;

/**
 * The request/reply header every ethtool message carries as attribute 1 ({@code ETHTOOL_A_*_HEADER},
 * a nest of {@code ETHTOOL_A_HEADER_*}): the device and the request flags.
 *
 * @param ifindex the device's index (0 when absent)
 * @param ifname the device's name (null when absent)
 */
public record EthtoolHeader(int ifindex, String ifname) {
    /** The attribute type every ethtool message's header has. */
    static final int ATTR = 1;

    /**
     * Writes a request header naming the device.
     *
     * @param w the writer
     * @param ifname the device's name (already checked)
     * @param flags {@code ETHTOOL_FLAG_*}
     */
    static void write(PayloadWriter w, String ifname, int flags) {
        write(w, ATTR, ifname, flags);
    }

    /** Writes a request header as attribute {@code type} (STATS_GET's is 2, after its pad attribute). */
    static void write(PayloadWriter w, int type, String ifname, int flags) {
        int nest = w.beginNested(type);
        if (ifname != null) w.attrString(ETHTOOL_A_HEADER_DEV_NAME, ifname);
        if (flags != 0) w.attrU32(ETHTOOL_A_HEADER_FLAGS, flags);
        w.endNested(nest);
    }

    /**
     * Reads a reply header nest.
     *
     * @param a the header's attributes
     * @return the header
     */
    static EthtoolHeader read(Attributes a) {
        int index = 0;
        String name = null;
        while (a.next()) {
            switch (a.type()) {
                case ETHTOOL_A_HEADER_DEV_INDEX -> index = a.u32();
                case ETHTOOL_A_HEADER_DEV_NAME -> name = a.string();
                default -> { }
            }
        }
        return new EthtoolHeader(index, name);
    }
}
