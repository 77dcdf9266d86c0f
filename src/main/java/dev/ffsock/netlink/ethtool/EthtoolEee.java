package dev.ffsock.netlink.ethtool;

/**
 * A device's Energy Efficient Ethernet state ({@code ETHTOOL_MSG_EEE_GET}, {@code ethtool --show-eee});
 * null when not sent.
 *
 * @param header the device
 * @param ours the link modes EEE is advertised for (supported in the mask, advertised in the value)
 * @param peer the link modes the link partner advertises
 * @param active whether EEE is active
 * @param enabled whether EEE is enabled
 * @param txLpiEnabled whether TX low power idle is enabled
 * @param txLpiTimer the TX LPI timer in microseconds
 */
public record EthtoolEee(EthtoolHeader header, EthtoolBitset ours, EthtoolBitset peer, Boolean active,
        Boolean enabled, Boolean txLpiEnabled, Long txLpiTimer) {
}
