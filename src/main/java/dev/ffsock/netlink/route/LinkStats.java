package dev.ffsock.netlink.route;

/**
 * A link's 64-bit counters ({@code IFLA_STATS64}, {@code struct rtnl_link_stats64}), as
 * {@code ip -s link} prints them. Counters the running kernel does not send (older kernels send a
 * shorter struct) are 0. Values are unsigned bit patterns.
 *
 * @param rxPackets          packets received
 * @param txPackets          packets sent
 * @param rxBytes            bytes received
 * @param txBytes            bytes sent
 * @param rxErrors           bad packets received
 * @param txErrors           packet transmit problems
 * @param rxDropped          received packets dropped (no space, …)
 * @param txDropped          packets dropped on transmit
 * @param multicast          multicast packets received
 * @param collisions         collisions
 * @param rxLengthErrors     detailed rx errors: length
 * @param rxOverErrors       receiver ring buffer overflow
 * @param rxCrcErrors        CRC errors
 * @param rxFrameErrors      frame alignment errors
 * @param rxFifoErrors       receiver FIFO overrun
 * @param rxMissedErrors     missed by the receiver
 * @param txAbortedErrors    detailed tx errors: aborted
 * @param txCarrierErrors    carrier errors
 * @param txFifoErrors       FIFO errors
 * @param txHeartbeatErrors  heartbeat errors
 * @param txWindowErrors     window errors
 * @param rxCompressed       compressed packets received
 * @param txCompressed       compressed packets sent
 * @param rxNohandler        dropped, no handler for the protocol
 * @param rxOtherhostDropped dropped, destined for another host
 */
public record LinkStats(long rxPackets, long txPackets, long rxBytes, long txBytes, long rxErrors, long txErrors,
        long rxDropped, long txDropped, long multicast, long collisions, long rxLengthErrors, long rxOverErrors,
        long rxCrcErrors, long rxFrameErrors, long rxFifoErrors, long rxMissedErrors, long txAbortedErrors,
        long txCarrierErrors, long txFifoErrors, long txHeartbeatErrors, long txWindowErrors, long rxCompressed,
        long txCompressed, long rxNohandler, long rxOtherhostDropped) {
    /** Number of counters in the struct as this class knows it (25, 200 bytes). */
    public static final int COUNTERS = 25;

    /** {@return a record from up to {@link #COUNTERS} values in struct order; missing ones are 0} */
    static LinkStats of(long[] v) {
        long[] c = java.util.Arrays.copyOf(v, COUNTERS);
        return new LinkStats(c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7], c[8], c[9], c[10], c[11], c[12],
                c[13], c[14], c[15], c[16], c[17], c[18], c[19], c[20], c[21], c[22], c[23], c[24]);
    }
}
