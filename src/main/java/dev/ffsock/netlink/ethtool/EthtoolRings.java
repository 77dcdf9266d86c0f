package dev.ffsock.netlink.ethtool;

/**
 * A device's ring sizes ({@code ETHTOOL_MSG_RINGS_GET}, {@code ethtool -g}); each value is null when the
 * kernel did not send it ({@code n/a} in ethtool's output).
 *
 * @param header the device
 * @param rxMax the largest RX ring
 * @param rxMiniMax the largest RX mini ring
 * @param rxJumboMax the largest RX jumbo ring
 * @param txMax the largest TX ring
 * @param rx the RX ring size
 * @param rxMini the RX mini ring size
 * @param rxJumbo the RX jumbo ring size
 * @param tx the TX ring size
 * @param rxBufLen the RX buffer length
 * @param tcpDataSplit {@code ETHTOOL_TCP_DATA_SPLIT_*} (0 unknown, 1 disabled, 2 enabled)
 * @param cqeSize the completion queue event size
 * @param txPush whether TX push is on
 */
public record EthtoolRings(EthtoolHeader header, Long rxMax, Long rxMiniMax, Long rxJumboMax, Long txMax,
        Long rx, Long rxMini, Long rxJumbo, Long tx, Long rxBufLen, Integer tcpDataSplit, Long cqeSize,
        Boolean txPush) {
}
