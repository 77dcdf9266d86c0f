package dev.ffsock;

/**
 * The main fields of TCP_INFO ({@code struct tcp_info}); times in microseconds unless named otherwise.
 *
 * @param state          TCP state (1 = ESTABLISHED, 10 = LISTEN, … as in the kernel's tcp_states)
 * @param caState        congestion-avoidance state
 * @param retransmits    retransmits of the current segment
 * @param probes         zero-window probes sent
 * @param backoff        exponential backoff
 * @param options        TCPI_OPT_* bits (timestamps, SACK, window scaling, ECN…)
 * @param rto            retransmission timeout
 * @param ato            delayed-ACK timeout
 * @param sndMss         send maximum segment size
 * @param rcvMss         receive maximum segment size
 * @param unacked        segments sent and not acknowledged
 * @param sacked         segments SACKed
 * @param lost           segments deemed lost
 * @param retrans        segments retransmitted and not acknowledged
 * @param lastDataSentMillis ms since the last data was sent
 * @param lastDataRecvMillis ms since the last data was received
 * @param lastAckRecvMillis  ms since the last ACK was received
 * @param pmtu           path MTU
 * @param rcvSsthresh    receive slow-start threshold
 * @param rtt            smoothed round-trip time
 * @param rttvar         round-trip time variance
 * @param sndSsthresh    send slow-start threshold
 * @param sndCwnd        congestion window, in segments
 * @param advmss         advertised MSS
 * @param reordering     reordering metric
 * @param rcvRtt         receiver-side RTT estimate
 * @param rcvSpace       receive buffer space
 * @param totalRetrans   retransmitted segments over the connection's life
 */
public record TcpInfo(int state, int caState, int retransmits, int probes, int backoff, int options,
                      int rto, int ato, int sndMss, int rcvMss, int unacked, int sacked, int lost, int retrans,
                      int lastDataSentMillis, int lastDataRecvMillis, int lastAckRecvMillis, int pmtu,
                      int rcvSsthresh, int rtt, int rttvar, int sndSsthresh, int sndCwnd, int advmss,
                      int reordering, int rcvRtt, int rcvSpace, int totalRetrans) {
}
