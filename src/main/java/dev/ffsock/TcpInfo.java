package dev.ffsock;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * TCP_INFO ({@code struct tcp_info}) as Linux 6.18 defines it, every field; times in microseconds
 * unless named otherwise, unsigned 32-bit values in {@code int}s (read them with
 * {@link Integer#toUnsignedLong}), rates in bytes per second. The same bytes come from
 * {@code getsockopt(TCP_INFO)} ({@link SockOpt#TCP_INFO}) and from sock_diag's INET_DIAG_INFO
 * ({@code ss -i}); {@link #parse(MemorySegment)} reads either.
 *
 * <p>An older kernel writes a shorter struct: fields past {@link #length()} are 0 (the field list
 * grows only at the end, so every field before it is where this layout says).
 *
 * @param state tcpi_state: TCP state (1 = ESTABLISHED, 10 = LISTEN, ... as in the kernel's tcp_states)
 * @param caState tcpi_ca_state: congestion-avoidance state (0 open, 1 disorder, 2 CWR, 3 recovery, 4 loss)
 * @param retransmits tcpi_retransmits: retransmits of the current segment
 * @param probes tcpi_probes: zero-window probes sent
 * @param backoff tcpi_backoff: exponential backoff
 * @param options tcpi_options: TCPI_OPT_* bits (timestamps 1, SACK 2, window scaling 4, ECN 8, ECN seen 16, SYN data 32, usec ts 64, TFO child 128)
 * @param sndWscale tcpi_snd_wscale: send window scale (tcpi_snd_wscale, 4 bits)
 * @param rcvWscale tcpi_rcv_wscale: receive window scale (tcpi_rcv_wscale, 4 bits)
 * @param deliveryRateAppLimited tcpi_delivery_rate_app_limited: 1 if the delivery rate sample was application-limited
 * @param fastopenClientFail tcpi_fastopen_client_fail: why a TCP Fast Open client attempt failed (0..3)
 * @param rto tcpi_rto: retransmission timeout
 * @param ato tcpi_ato: delayed-ACK timeout
 * @param sndMss tcpi_snd_mss: send maximum segment size
 * @param rcvMss tcpi_rcv_mss: receive maximum segment size
 * @param unacked tcpi_unacked: segments sent and not acknowledged (LISTEN: connections waiting for accept)
 * @param sacked tcpi_sacked: segments SACKed (LISTEN: the backlog)
 * @param lost tcpi_lost: segments deemed lost
 * @param retrans tcpi_retrans: segments retransmitted and not acknowledged
 * @param fackets tcpi_fackets: forward-acknowledged segments (always 0 since Linux 4.15)
 * @param lastDataSentMillis tcpi_last_data_sent: ms since the last data was sent
 * @param lastAckSentMillis tcpi_last_ack_sent: ms since the last ACK was sent (not remembered: 0)
 * @param lastDataRecvMillis tcpi_last_data_recv: ms since the last data was received
 * @param lastAckRecvMillis tcpi_last_ack_recv: ms since the last ACK was received
 * @param pmtu tcpi_pmtu: path MTU
 * @param rcvSsthresh tcpi_rcv_ssthresh: receive slow-start threshold
 * @param rtt tcpi_rtt: smoothed round-trip time
 * @param rttvar tcpi_rttvar: round-trip time variance
 * @param sndSsthresh tcpi_snd_ssthresh: send slow-start threshold (0x7fffffff: infinite)
 * @param sndCwnd tcpi_snd_cwnd: congestion window, in segments
 * @param advmss tcpi_advmss: advertised MSS
 * @param reordering tcpi_reordering: reordering metric
 * @param rcvRtt tcpi_rcv_rtt: receiver-side RTT estimate
 * @param rcvSpace tcpi_rcv_space: receive buffer space
 * @param totalRetrans tcpi_total_retrans: retransmitted segments over the connection's life
 * @param pacingRate tcpi_pacing_rate: pacing rate, bytes per second (~0: unlimited)
 * @param maxPacingRate tcpi_max_pacing_rate: SO_MAX_PACING_RATE, bytes per second (~0: unlimited)
 * @param bytesAcked tcpi_bytes_acked: bytes acknowledged (RFC 4898 tcpEStatsAppHCThruOctetsAcked)
 * @param bytesReceived tcpi_bytes_received: bytes received (RFC 4898 tcpEStatsAppHCThruOctetsReceived)
 * @param segsOut tcpi_segs_out: segments sent
 * @param segsIn tcpi_segs_in: segments received
 * @param notsentBytes tcpi_notsent_bytes: bytes written and not yet sent
 * @param minRtt tcpi_min_rtt: minimum RTT seen
 * @param dataSegsIn tcpi_data_segs_in: segments with data received
 * @param dataSegsOut tcpi_data_segs_out: segments with data sent
 * @param deliveryRate tcpi_delivery_rate: latest delivery rate sample, bytes per second
 * @param busyTime tcpi_busy_time: time busy sending data
 * @param rwndLimited tcpi_rwnd_limited: time limited by the receive window
 * @param sndbufLimited tcpi_sndbuf_limited: time limited by the send buffer
 * @param delivered tcpi_delivered: segments delivered (including retransmits)
 * @param deliveredCe tcpi_delivered_ce: segments delivered with ECN CE marks
 * @param bytesSent tcpi_bytes_sent: bytes sent, retransmits included (RFC 4898 tcpEStatsPerfHCDataOctetsOut)
 * @param bytesRetrans tcpi_bytes_retrans: bytes retransmitted (RFC 4898 tcpEStatsPerfOctetsRetrans)
 * @param dsackDups tcpi_dsack_dups: duplicate segments reported by DSACK
 * @param reordSeen tcpi_reord_seen: reordering events seen
 * @param rcvOoopack tcpi_rcv_ooopack: out-of-order packets received
 * @param sndWnd tcpi_snd_wnd: peer's advertised receive window after scaling, bytes
 * @param rcvWnd tcpi_rcv_wnd: local advertised receive window after scaling, bytes (Linux 6.2)
 * @param rehash tcpi_rehash: PLB or timeout triggered rehash attempts (Linux 6.2)
 * @param totalRto tcpi_total_rto: RTO timeouts, SYN/SYN-ACK and recurring ones included (Linux 6.7)
 * @param totalRtoRecoveries tcpi_total_rto_recoveries: RTO recoveries, an unfinished one included (Linux 6.7)
 * @param totalRtoTime tcpi_total_rto_time: ms spent in RTO recoveries (Linux 6.7)
 * @param receivedCe tcpi_received_ce: segments received with CE marks (Linux 6.18)
 * @param deliveredE1Bytes tcpi_delivered_e1_bytes: AccECN: bytes delivered ECT(1)-marked (Linux 6.18)
 * @param deliveredE0Bytes tcpi_delivered_e0_bytes: AccECN: bytes delivered ECT(0)-marked (Linux 6.18)
 * @param deliveredCeBytes tcpi_delivered_ce_bytes: AccECN: bytes delivered CE-marked (Linux 6.18)
 * @param receivedE1Bytes tcpi_received_e1_bytes: AccECN: bytes received ECT(1)-marked (Linux 6.18)
 * @param receivedE0Bytes tcpi_received_e0_bytes: AccECN: bytes received ECT(0)-marked (Linux 6.18)
 * @param receivedCeBytes tcpi_received_ce_bytes: AccECN: bytes received CE-marked (Linux 6.18)
 * @param ecnMode tcpi_ecn_mode: ECN mode negotiated: 0 disabled, 1 RFC 3168, 2 AccECN, 3 pending (Linux 6.18)
 * @param accecnOptSeen tcpi_accecn_opt_seen: AccECN option seen (Linux 6.18)
 * @param accecnFailMode tcpi_accecn_fail_mode: AccECN failure bits (Linux 6.18)
 * @param options2 tcpi_options2: further option and feature bits (tcpi_options2, Linux 6.18)
 * @param length the number of bytes the kernel wrote (280 on Linux 6.18; fields past it are 0)
 */
public record TcpInfo(int state, int caState, int retransmits, int probes, int backoff, int options, int sndWscale,
                      int rcvWscale, int deliveryRateAppLimited, int fastopenClientFail, int rto, int ato,
                      int sndMss, int rcvMss, int unacked, int sacked, int lost, int retrans, int fackets,
                      int lastDataSentMillis, int lastAckSentMillis, int lastDataRecvMillis, int lastAckRecvMillis,
                      int pmtu, int rcvSsthresh, int rtt, int rttvar, int sndSsthresh, int sndCwnd, int advmss,
                      int reordering, int rcvRtt, int rcvSpace, int totalRetrans, long pacingRate,
                      long maxPacingRate, long bytesAcked, long bytesReceived, int segsOut, int segsIn,
                      int notsentBytes, int minRtt, int dataSegsIn, int dataSegsOut, long deliveryRate,
                      long busyTime, long rwndLimited, long sndbufLimited, int delivered, int deliveredCe,
                      long bytesSent, long bytesRetrans, int dsackDups, int reordSeen, int rcvOoopack, int sndWnd,
                      int rcvWnd, int rehash, int totalRto, int totalRtoRecoveries, int totalRtoTime,
                      int receivedCe, int deliveredE1Bytes, int deliveredE0Bytes, int deliveredCeBytes,
                      int receivedE1Bytes, int receivedE0Bytes, int receivedCeBytes, int ecnMode, int accecnOptSeen,
                      int accecnFailMode, int options2,
                      int length) {
    /** {@code sizeof(struct tcp_info)} on Linux 6.18: the bytes this record reads. */
    public static final int SIZE = 280;

    /** TCPI_OPT_TIMESTAMPS: {@link #options()} bit for TCP timestamps. */
    public static final int OPT_TIMESTAMPS = 1;
    /** TCPI_OPT_SACK. */
    public static final int OPT_SACK = 2;
    /** TCPI_OPT_WSCALE. */
    public static final int OPT_WSCALE = 4;
    /** TCPI_OPT_ECN: ECN was negotiated. */
    public static final int OPT_ECN = 8;
    /** TCPI_OPT_ECN_SEEN: at least one ECT packet was received. */
    public static final int OPT_ECN_SEEN = 16;
    /** TCPI_OPT_SYN_DATA: SYN-ACK acknowledged data in SYN (TCP Fast Open). */
    public static final int OPT_SYN_DATA = 32;

    /**
     * {@return the fields of the {@code struct tcp_info} in {@code bytes}} Never fails: a short
     * struct (an older kernel, or a cut message) leaves the missing fields 0, a longer one (a newer
     * kernel) has its extra bytes ignored.
     *
     * @param bytes what the kernel wrote, from offset 0
     */
    public static TcpInfo parse(MemorySegment bytes) {
        long n = bytes.byteSize();
        MemorySegment s = MemorySegment.ofArray(new byte[SIZE]);
        MemorySegment.copy(bytes, 0, s, 0, Math.min(n, SIZE));
        return new TcpInfo(u8(s, 0),
                u8(s, 1),
                u8(s, 2),
                u8(s, 3),
                u8(s, 4),
                u8(s, 5),
                bits(u8(s, 6), 0, 4),
                bits(u8(s, 6), 4, 4),
                bits(u8(s, 7), 0, 1),
                bits(u8(s, 7), 1, 2),
                u32(s, 8),
                u32(s, 12),
                u32(s, 16),
                u32(s, 20),
                u32(s, 24),
                u32(s, 28),
                u32(s, 32),
                u32(s, 36),
                u32(s, 40),
                u32(s, 44),
                u32(s, 48),
                u32(s, 52),
                u32(s, 56),
                u32(s, 60),
                u32(s, 64),
                u32(s, 68),
                u32(s, 72),
                u32(s, 76),
                u32(s, 80),
                u32(s, 84),
                u32(s, 88),
                u32(s, 92),
                u32(s, 96),
                u32(s, 100),
                u64(s, 104),
                u64(s, 112),
                u64(s, 120),
                u64(s, 128),
                u32(s, 136),
                u32(s, 140),
                u32(s, 144),
                u32(s, 148),
                u32(s, 152),
                u32(s, 156),
                u64(s, 160),
                u64(s, 168),
                u64(s, 176),
                u64(s, 184),
                u32(s, 192),
                u32(s, 196),
                u64(s, 200),
                u64(s, 208),
                u32(s, 216),
                u32(s, 220),
                u32(s, 224),
                u32(s, 228),
                u32(s, 232),
                u32(s, 236),
                u16(s, 240),
                u16(s, 242),
                u32(s, 244),
                u32(s, 248),
                u32(s, 252),
                u32(s, 256),
                u32(s, 260),
                u32(s, 264),
                u32(s, 268),
                u32(s, 272),
                bits(u32(s, 276), 0, 2),
                bits(u32(s, 276), 2, 2),
                bits(u32(s, 276), 4, 4),
                bits(u32(s, 276), 8, 24),
                (int) Math.min(n, Integer.MAX_VALUE));
    }

    /**
     * {@return the fields of the {@code struct tcp_info} in {@code bytes}}, as {@link #parse(MemorySegment)}.
     *
     * @param bytes what the kernel wrote
     */
    public static TcpInfo parse(byte[] bytes) {
        return parse(MemorySegment.ofArray(bytes));
    }

    private static int u8(MemorySegment s, long off) {
        return Byte.toUnsignedInt(s.get(ValueLayout.JAVA_BYTE, off));
    }

    private static int u16(MemorySegment s, long off) {
        return Short.toUnsignedInt(s.get(ValueLayout.JAVA_SHORT_UNALIGNED, off));
    }

    private static int u32(MemorySegment s, long off) {
        return s.get(ValueLayout.JAVA_INT_UNALIGNED, off);
    }

    private static long u64(MemorySegment s, long off) {
        return s.get(ValueLayout.JAVA_LONG_UNALIGNED, off);
    }

    /** Bit-fields: the ABIs ffsock supports (x86_64, aarch64, little-endian) allocate them from bit 0. */
    private static int bits(int word, int from, int width) {
        return (word >>> from) & ((1 << width) - 1);
    }
}
