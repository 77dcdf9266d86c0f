package dev.ffsock.netlink.ethtool;

/**
 * A device's link state ({@code ETHTOOL_MSG_LINKSTATE_GET}, {@code Link detected:} in {@code ethtool DEV});
 * null when not sent.
 *
 * @param header the device
 * @param link whether the link is up
 * @param sqi the signal quality index
 * @param sqiMax the largest signal quality index
 * @param extState {@code ETHTOOL_LINK_EXT_STATE_*}
 * @param extSubstate the state's substate
 */
public record EthtoolLinkState(EthtoolHeader header, Boolean link, Long sqi, Long sqiMax, Integer extState,
        Integer extSubstate) {
}
