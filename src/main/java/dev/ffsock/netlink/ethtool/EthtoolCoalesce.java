package dev.ffsock.netlink.ethtool;

import java.util.List;
import java.util.Map;
import java.util.Set;

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
    /** ethtool's name of each value ({@code ethtool -C}), in component order after the header. */
    public static final List<String> PARAMETERS = List.of("rx-usecs", "rx-frames", "rx-usecs-irq", "rx-frames-irq",
            "tx-usecs", "tx-frames", "tx-usecs-irq", "tx-frames-irq", "stats-block-usecs", "adaptive-rx",
            "adaptive-tx", "pkt-rate-low", "rx-usecs-low", "rx-frames-low", "tx-usecs-low", "tx-frames-low",
            "pkt-rate-high", "rx-usecs-high", "rx-frames-high", "tx-usecs-high", "tx-frames-high", "sample-interval",
            "cqe-mode-tx", "cqe-mode-rx");

    /** The parameters that are on/off, the others being unsigned 32-bit numbers. */
    private static final Set<String> SWITCHES = Set.of("adaptive-rx", "adaptive-tx", "cqe-mode-tx", "cqe-mode-rx");

    /**
     * {@return whether {@code parameter} is an on/off one ({@code adaptive-rx}, …), not a number}
     *
     * @param parameter one of {@link #PARAMETERS}
     */
    public static boolean isSwitch(String parameter) {
        return SWITCHES.contains(parameter);
    }

    /**
     * Values to change by ethtool's parameter names, the others null: what {@code ethtool -C DEV rx-usecs 8
     * adaptive-rx on} asks for, to hand to {@link Ethtool#setCoalesce}.
     *
     * @param values numbers ({@link Long}, 0..2^32-1) and switches ({@link Boolean}) by name from {@link #PARAMETERS}
     * @return the record, without header
     * @throws IllegalArgumentException for an unknown name, a value of the wrong type or out of range
     */
    public static EthtoolCoalesce of(Map<String, ?> values) {
        Object[] v = new Object[PARAMETERS.size()];
        for (Map.Entry<String, ?> e : values.entrySet()) {
            int i = PARAMETERS.indexOf(e.getKey());
            if (i < 0) throw new IllegalArgumentException("no coalescing parameter '" + e.getKey() + "'");
            Object x = e.getValue();
            boolean ok = isSwitch(e.getKey()) ? x instanceof Boolean
                    : x instanceof Long l && l >= 0 && l <= 0xffff_ffffL;
            if (!ok) throw new IllegalArgumentException("bad value for " + e.getKey() + ": " + x);
            v[i] = x;
        }
        return new EthtoolCoalesce(null, (Long) v[0], (Long) v[1], (Long) v[2], (Long) v[3], (Long) v[4], (Long) v[5],
                (Long) v[6], (Long) v[7], (Long) v[8], (Boolean) v[9], (Boolean) v[10], (Long) v[11], (Long) v[12],
                (Long) v[13], (Long) v[14], (Long) v[15], (Long) v[16], (Long) v[17], (Long) v[18], (Long) v[19],
                (Long) v[20], (Long) v[21], (Boolean) v[22], (Boolean) v[23]);
    }
}
