package dev.ffsock.netlink.ethtool;

/**
 * A device's link modes ({@code ETHTOOL_MSG_LINKMODES_GET}, part of {@code ethtool DEV}); null when not sent.
 *
 * @param header the device
 * @param autoneg {@code AUTONEG_*}
 * @param ours the supported link modes (mask) and the advertised ones (value)
 * @param peer the link partner's advertised modes
 * @param speed the speed in Mb/s, an unsigned bit pattern ({@code SPEED_UNKNOWN} is -1)
 * @param duplex {@code DUPLEX_*} (0xff unknown)
 * @param lanes the lane count
 */
public record EthtoolLinkModes(EthtoolHeader header, Integer autoneg, EthtoolBitset ours, EthtoolBitset peer,
        Integer speed, Integer duplex, Long lanes) {
}
