package dev.ffsock.netlink.ethtool;

import java.util.Objects;

/**
 * One netdev feature as {@code ETHTOOL_MSG_FEATURES_GET} reports it ({@code ethtool -k}).
 *
 * @param index the feature's bit (its index in string set {@code ETH_SS_FEATURES})
 * @param name the feature's name, e.g. {@code rx-gro}
 * @param hw whether the device can change it (set in {@code ETHTOOL_A_FEATURES_HW})
 * @param wanted whether it was requested on ({@code ETHTOOL_A_FEATURES_WANTED})
 * @param active whether it is on ({@code ETHTOOL_A_FEATURES_ACTIVE})
 * @param nochange whether the kernel never lets it change ({@code ETHTOOL_A_FEATURES_NOCHANGE})
 */
public record EthtoolFeature(int index, String name, boolean hw, boolean wanted, boolean active, boolean nochange) {
    /** Checks the name is there. */
    public EthtoolFeature {
        Objects.requireNonNull(name, "name");
    }

    /** {@return whether it cannot be changed: not in hw, or nochange ({@code [fixed]} in ethtool's output)} */
    public boolean fixed() {
        return !hw || nochange;
    }
}
