package dev.ffsock.netlink.ethtool;

/**
 * A device's interrupt coalescing ({@code ETHTOOL_MSG_COALESCE_GET}, {@code ethtool -c}); each value is
 * null when the kernel did not send it (the driver does not support it: {@code n/a}).
 *
 * @param header the device
 * @param rxUsecs {@code rx-usecs}
 * @param rxMaxFrames {@code rx-frames}
 * @param rxUsecsIrq {@code rx-usecs-irq}
 * @param rxMaxFramesIrq {@code rx-frames-irq}
 * @param txUsecs {@code tx-usecs}
 * @param txMaxFrames {@code tx-frames}
 * @param txUsecsIrq {@code tx-usecs-irq}
 * @param txMaxFramesIrq {@code tx-frames-irq}
 * @param statsBlockUsecs {@code stats-block-usecs}
 * @param useAdaptiveRx {@code Adaptive RX}
 * @param useAdaptiveTx {@code Adaptive TX}
 * @param pktRateLow {@code pkt-rate-low}
 * @param rxUsecsLow {@code rx-usecs-low}
 * @param rxMaxFramesLow {@code rx-frame-low}
 * @param txUsecsLow {@code tx-usecs-low}
 * @param txMaxFramesLow {@code tx-frame-low}
 * @param pktRateHigh {@code pkt-rate-high}
 * @param rxUsecsHigh {@code rx-usecs-high}
 * @param rxMaxFramesHigh {@code rx-frame-high}
 * @param txUsecsHigh {@code tx-usecs-high}
 * @param txMaxFramesHigh {@code tx-frame-high}
 * @param rateSampleInterval {@code sample-interval}
 * @param useCqeModeTx {@code CQE mode TX}
 * @param useCqeModeRx {@code CQE mode RX}
 */
public record EthtoolCoalesce(EthtoolHeader header, Long rxUsecs, Long rxMaxFrames, Long rxUsecsIrq,
        Long rxMaxFramesIrq, Long txUsecs, Long txMaxFrames, Long txUsecsIrq, Long txMaxFramesIrq,
        Long statsBlockUsecs, Boolean useAdaptiveRx, Boolean useAdaptiveTx, Long pktRateLow, Long rxUsecsLow,
        Long rxMaxFramesLow, Long txUsecsLow, Long txMaxFramesLow, Long pktRateHigh, Long rxUsecsHigh,
        Long rxMaxFramesHigh, Long txUsecsHigh, Long txMaxFramesHigh, Long rateSampleInterval,
        Boolean useCqeModeTx, Boolean useCqeModeRx) {
}
