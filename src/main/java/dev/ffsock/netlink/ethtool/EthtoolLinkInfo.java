package dev.ffsock.netlink.ethtool;

/**
 * A device's physical port ({@code ETHTOOL_MSG_LINKINFO_GET}, part of {@code ethtool DEV}); null when not sent.
 *
 * @param header the device
 * @param port {@code PORT_*} (e.g. 0xef other)
 * @param phyAddress the PHY address
 * @param tpMdix {@code ETH_TP_MDI*} state
 * @param tpMdixCtrl {@code ETH_TP_MDI*} control
 * @param transceiver {@code XCVR_*}
 */
public record EthtoolLinkInfo(EthtoolHeader header, Integer port, Integer phyAddress, Integer tpMdix,
        Integer tpMdixCtrl, Integer transceiver) {
}
