package dev.ffsock.netlink.ethtool;

import java.util.List;
import java.util.Optional;

/**
 * A device's netdev features ({@code ETHTOOL_MSG_FEATURES_GET}, {@code ethtool -k}), named from string set
 * {@code ETH_SS_FEATURES}, in bit order.
 *
 * @param header the device
 * @param features every feature bit the kernel has, named (those without a name left out)
 */
public record EthtoolFeatures(EthtoolHeader header, List<EthtoolFeature> features) {
    /** Copies the list. */
    public EthtoolFeatures {
        features = List.copyOf(features);
    }

    /**
     * {@return the feature with this name, if the kernel has it}
     *
     * @param name a feature's name, e.g. {@code rx-gro}
     */
    public Optional<EthtoolFeature> feature(String name) {
        return features.stream().filter(f -> f.name().equals(name)).findFirst();
    }
}
