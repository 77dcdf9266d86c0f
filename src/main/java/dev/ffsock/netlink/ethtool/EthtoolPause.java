package dev.ffsock.netlink.ethtool;

/**
 * A device's pause frame settings ({@code ETHTOOL_MSG_PAUSE_GET}, {@code ethtool -a}); null when not sent.
 *
 * @param header the device
 * @param autoneg whether pause is autonegotiated
 * @param rx whether RX pause is on
 * @param tx whether TX pause is on
 */
public record EthtoolPause(EthtoolHeader header, Boolean autoneg, Boolean rx, Boolean tx) {
}
