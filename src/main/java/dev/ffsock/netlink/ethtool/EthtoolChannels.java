package dev.ffsock.netlink.ethtool;

/**
 * A device's channel counts ({@code ETHTOOL_MSG_CHANNELS_GET}, {@code ethtool -l}); each value is null
 * when the kernel did not send it ({@code n/a}).
 *
 * @param header the device
 * @param rxMax the most RX-only channels
 * @param txMax the most TX-only channels
 * @param otherMax the most other channels
 * @param combinedMax the most combined channels
 * @param rx the RX-only channels
 * @param tx the TX-only channels
 * @param other the other channels
 * @param combined the combined channels
 */
public record EthtoolChannels(EthtoolHeader header, Long rxMax, Long txMax, Long otherMax, Long combinedMax,
        Long rx, Long tx, Long other, Long combined) {
}
