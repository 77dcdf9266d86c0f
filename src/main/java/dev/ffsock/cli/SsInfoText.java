package dev.ffsock.cli;

import dev.ffsock.TcpInfo;
import dev.ffsock.netlink.diag.BbrInfo;
import dev.ffsock.MptcpInfo;

import java.math.BigDecimal;
import java.math.MathContext;

/**
 * The {@code ss -i} text for a TCP socket ({@code ts sack cubic wscale:7,7 rto:204 rtt:0.03/0.015 …}),
 * key for key and in iproute2's order (tcp_show_info / tcp_stats_print), with its number formats:
 * C's {@code %g} for times in milliseconds, {@code %.0f} for rates in bits per second (as with -n).
 */
final class SsInfoText {
    private SsInfoText() {
    }

    /**
     * {@return the words after the skmem part of ss's info line, each with a leading space}
     *
     * @param i the socket's tcp_info
     * @param congestion INET_DIAG_CONG, or null
     * @param bbr INET_DIAG_BBRINFO, or null
     * @param listen whether the socket is listening (ss leaves out {@code sacked:}, which is the backlog then)
     * @param options whether to print the negotiated options (ts sack ecn ecnseen fastopen), as ss does with -o or -e
     */
    static String tcp(TcpInfo i, String congestion, BbrInfo bbr, boolean listen, boolean options) {
        StringBuilder o = new StringBuilder();
        int opt = options ? i.options() : 0;
        if ((opt & TcpInfo.OPT_TIMESTAMPS) != 0) o.append(" ts");
        if ((opt & TcpInfo.OPT_SACK) != 0) o.append(" sack");
        if ((opt & TcpInfo.OPT_ECN) != 0) o.append(" ecn");
        if ((opt & TcpInfo.OPT_ECN_SEEN) != 0) o.append(" ecnseen");
        if ((opt & TcpInfo.OPT_SYN_DATA) != 0) o.append(" fastopen");
        if (congestion != null && !congestion.isEmpty()) o.append(' ').append(congestion);
        if ((i.options() & TcpInfo.OPT_WSCALE) != 0) o.append(" wscale:").append(i.sndWscale()).append(',').append(i.rcvWscale());
        if (i.rto() != 0 && i.rto() != 3000000) o.append(" rto:").append(g(u(i.rto()) / 1000.0));
        if (i.backoff() != 0) o.append(" backoff:").append(i.backoff());
        if (i.rtt() != 0) o.append(" rtt:").append(g(u(i.rtt()) / 1000.0)).append('/').append(g(u(i.rttvar()) / 1000.0));
        if (i.ato() != 0) o.append(" ato:").append(g(u(i.ato()) / 1000.0));
        put(o, "mss", i.sndMss());
        put(o, "pmtu", i.pmtu());
        put(o, "rcvmss", i.rcvMss());
        put(o, "advmss", i.advmss());
        put(o, "cwnd", i.sndCwnd());
        if (u(i.sndSsthresh()) < 0xffff) put(o, "ssthresh", i.sndSsthresh());
        put64(o, "bytes_sent", i.bytesSent());
        put64(o, "bytes_retrans", i.bytesRetrans());
        put64(o, "bytes_acked", i.bytesAcked());
        put64(o, "bytes_received", i.bytesReceived());
        put(o, "segs_out", i.segsOut());
        put(o, "segs_in", i.segsIn());
        put(o, "data_segs_out", i.dataSegsOut());
        put(o, "data_segs_in", i.dataSegsIn());
        if (bbr != null) {
            o.append(" bbr:(bw:").append(bw(bbr.bandwidth() * 8.0)).append("bps,mrtt:").append(g(bbr.minRtt() / 1000.0));
            if (bbr.pacingGain() != 0) o.append(",pacing_gain:").append(g(bbr.pacingGain() / 256.0));
            if (bbr.cwndGain() != 0) o.append(",cwnd_gain:").append(g(bbr.cwndGain() / 256.0));
            o.append(')');
        }
        if (i.rtt() != 0 && i.sndMss() != 0 && i.sndCwnd() != 0) {
            o.append(" send ").append(bw(u(i.sndCwnd()) * (double) u(i.sndMss()) * 8000000.0 / u(i.rtt()))).append("bps");
        }
        put(o, "lastsnd", i.lastDataSentMillis());
        put(o, "lastrcv", i.lastDataRecvMillis());
        put(o, "lastack", i.lastAckRecvMillis());
        if (i.pacingRate() != 0 && i.pacingRate() != -1) {
            o.append(" pacing_rate ").append(bw(unsigned(i.pacingRate()) * 8.0)).append("bps");
            if (i.maxPacingRate() != 0 && i.maxPacingRate() != -1) o.append('/').append(bw(unsigned(i.maxPacingRate()) * 8.0)).append("bps");
        }
        if (i.deliveryRate() != 0) o.append(" delivery_rate ").append(bw(unsigned(i.deliveryRate()) * 8.0)).append("bps");
        put(o, "delivered", i.delivered());
        put(o, "delivered_ce", i.deliveredCe());
        if (i.deliveryRateAppLimited() != 0) o.append(" app_limited");
        if (i.busyTime() != 0) {
            o.append(" busy:").append(Long.divideUnsigned(i.busyTime(), 1000)).append("ms");
            if (i.rwndLimited() != 0) limited(o, "rwnd_limited", i.rwndLimited(), i.busyTime());
            if (i.sndbufLimited() != 0) limited(o, "sndbuf_limited", i.sndbufLimited(), i.busyTime());
        }
        put(o, "unacked", i.unacked());
        if (i.retrans() != 0 || i.totalRetrans() != 0) o.append(" retrans:").append(u(i.retrans())).append('/').append(u(i.totalRetrans()));
        put(o, "lost", i.lost());
        if (!listen) put(o, "sacked", i.sacked());
        put(o, "dsack_dups", i.dsackDups());
        put(o, "fackets", i.fackets());
        if (i.reordering() != 3) o.append(" reordering:").append(i.reordering());
        if (i.reordSeen() != 0) o.append(" reord_seen:").append(i.reordSeen());
        if (i.rcvRtt() != 0) o.append(" rcv_rtt:").append(g(u(i.rcvRtt()) / 1000.0));
        if (i.rcvSpace() != 0) o.append(" rcv_space:").append(i.rcvSpace());
        put(o, "rcv_ssthresh", i.rcvSsthresh());
        put(o, "notsent", i.notsentBytes());
        if (i.minRtt() != 0) o.append(" minrtt:").append(g(u(i.minRtt()) / 1000.0));
        put(o, "rcv_ooopack", i.rcvOoopack());
        put(o, "snd_wnd", i.sndWnd());
        return o.toString();
    }

    /** {@return ss's MPTCP info words ({@code subflows:1 … token:… write_seq:…}), each with a leading space} */
    static String mptcp(MptcpInfo m) {
        StringBuilder o = new StringBuilder();
        put(o, "subflows", m.subflows());
        put(o, "add_addr_signal", m.addAddrSignal());
        put(o, "add_addr_accepted", m.addAddrAccepted());
        put(o, "subflows_max", m.subflowsMax());
        put(o, "add_addr_signal_max", m.addAddrSignalMax());
        put(o, "add_addr_accepted_max", m.addAddrAcceptedMax());
        if ((m.flags() & MptcpInfo.FLAG_FALLBACK) != 0) o.append(" fallback");
        if ((m.flags() & MptcpInfo.FLAG_REMOTE_KEY_RECEIVED) != 0) o.append(" remote_key");
        if (m.token() != 0) o.append(" token:").append(Long.toHexString(m.token()));
        if (m.writeSeq() != 0) o.append(" write_seq:").append(Long.toHexString(m.writeSeq()));
        if (m.sndUna() != 0) o.append(" snd_una:").append(Long.toHexString(m.sndUna()));
        if (m.rcvNxt() != 0) o.append(" rcv_nxt:").append(Long.toHexString(m.rcvNxt()));
        put(o, "local_addr_used", m.localAddrUsed());
        put(o, "local_addr_max", m.localAddrMax());
        put(o, "csum_enabled", m.csumEnabled());
        return o.toString();
    }

    private static void limited(StringBuilder o, String key, long v, long busy) {
        o.append(' ').append(key).append(':').append(Long.divideUnsigned(v, 1000)).append("ms(")
                .append(String.format(java.util.Locale.ROOT, "%.1f", 100.0 * unsigned(v) / unsigned(busy))).append("%)");
    }

    private static void put(StringBuilder o, String key, int v) {
        if (v != 0) o.append(' ').append(key).append(':').append(u(v));
    }

    private static void put64(StringBuilder o, String key, long v) {
        if (v != 0) o.append(' ').append(key).append(':').append(Long.toUnsignedString(v));
    }

    private static long u(int v) {
        return Integer.toUnsignedLong(v);
    }

    private static double unsigned(long v) {
        return v >= 0 ? v : (v >>> 1) * 2.0 + (v & 1);
    }

    /** {@return ss's sprint_bw with -n: the rate as an integer, {@code %.0f}} */
    static String bw(double bitsPerSecond) {
        return new BigDecimal(bitsPerSecond).setScale(0, java.math.RoundingMode.HALF_EVEN).toPlainString();
    }

    /** {@return {@code v} as C's {@code printf("%g")}: six significant digits, trailing zeros dropped} */
    static String g(double v) {
        if (v == 0) return "0";
        if (Double.isNaN(v) || Double.isInfinite(v)) return Double.isNaN(v) ? "nan" : v > 0 ? "inf" : "-inf";
        BigDecimal r = new BigDecimal(v).round(new MathContext(6, java.math.RoundingMode.HALF_EVEN));
        int exp = r.precision() - r.scale() - 1;
        if (exp < -4 || exp >= 6) {
            BigDecimal m = r.movePointLeft(exp).stripTrailingZeros();
            String e = (exp < 0 ? "-" : "+") + (Math.abs(exp) < 10 ? "0" : "") + Math.abs(exp);
            return m.toPlainString() + "e" + e;
        }
        String s = r.stripTrailingZeros().toPlainString();
        return s;
    }

    /** {@return ss's {@code timer:(on,1.200ms,0)} text for a pending timer, with a leading space} */
    static String timer(String kind, long expiresMillis, int retransmits) {
        long secs = expiresMillis / 1000, minutes = secs / 60, msecs = expiresMillis % 1000;
        secs %= 60;
        StringBuilder b = new StringBuilder();
        if (minutes != 0) {
            msecs = 0;
            b.append(minutes).append("min");
            if (minutes > 9) secs = 0;
        }
        if (secs != 0) {
            if (secs > 9) msecs = 0;
            b.append(secs).append(msecs != 0 ? "." : "sec");
        }
        if (msecs != 0) b.append(String.format(java.util.Locale.ROOT, "%03dms", msecs));
        return " timer:(" + kind + "," + b + "," + retransmits + ")";
    }
}
