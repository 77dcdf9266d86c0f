package dev.ffsock.cli;

import dev.ffsock.netlink.tc.FifoOptions;
import dev.ffsock.netlink.tc.HtbClassOptions;
import dev.ffsock.netlink.tc.HtbQdiscOptions;
import dev.ffsock.netlink.tc.HtbXstats;
import dev.ffsock.netlink.tc.PrioOptions;
import dev.ffsock.netlink.tc.Qdisc;
import dev.ffsock.netlink.tc.TbfOptions;
import dev.ffsock.netlink.tc.TcClass;
import dev.ffsock.netlink.tc.TcFilter;
import dev.ffsock.netlink.tc.TcHandle;
import dev.ffsock.netlink.tc.TcStats;
import dev.ffsock.netlink.tc.TcUnits;
import dev.ffsock.netlink.tc.Tca;
import dev.ffsock.netlink.tc.U32Key;
import dev.ffsock.netlink.tc.U32Options;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;

/** tc objects as {@code tc qdisc|class|filter show} prints them (iproute2 6.1's text output). */
final class TcText {
    private TcText() {
    }

    /** {@return a qdisc's lines, each ending in a newline} */
    static String qdisc(Qdisc q, IpJson.Links links, TcJson.Shown s) {
        StringBuilder b = new StringBuilder("qdisc ").append(q.kind()).append(' ').append(TcHandle.qdiscHandle(q.handle())).append(' ');
        if (s.dev()) b.append("dev ").append(links.name(q.ifindex())).append(' ');
        if (q.parent() == Tca.TC_H_ROOT) b.append("root ");
        else if (q.parent() != 0) b.append("parent ").append(TcHandle.classId(q.parent())).append(' ');
        if (q.refcnt() != 1) b.append("refcnt ").append(Integer.toUnsignedString(q.refcnt())).append(' ');
        switch (q.options()) {
            case HtbQdiscOptions h -> {
                b.append("r2q ").append(h.r2q()).append(" default ").append(TcJson.hex0x(Integer.toUnsignedLong(h.defaultClass())))
                        .append(" direct_packets_stat ").append(h.directPackets());
                if (s.details()) b.append(" ver ").append(h.version() >> 16).append('.').append(h.version() & 0xffff);
                if (h.directQlen() >= 0) b.append(" direct_qlen ").append(h.directQlen());
            }
            case TbfOptions t -> {
                b.append("rate ").append(TcUnits.formatRate(t.rate64())).append(" burst ")
                        .append(TcUnits.formatSize(TcJson.u32(TcUnits.xmitSize(t.rate64(), t.buffer())))).append(' ');
                if (t.prate64() != 0) {
                    b.append("peakrate ").append(TcUnits.formatRate(t.prate64())).append(' ');
                    if (t.mtu() != 0) {
                        b.append("minburst ").append(TcUnits.formatSize(TcJson.u32(TcUnits.xmitSize(t.prate64(), t.mtu()))))
                                .append(' ');
                    }
                }
                double lat = t.latencyMicros();
                if (lat >= 0) b.append("lat ").append(time((long) lat)).append(' ');
                else b.append("limit ").append(TcUnits.formatSize(t.limit())).append(' ');
            }
            case FifoOptions f -> b.append("limit ").append(q.kind().equals("bfifo") ? TcUnits.formatSize(f.limit()) : f.limit() + "p");
            case PrioOptions p -> {
                b.append("bands ").append(Integer.toUnsignedString(p.bands())).append(" priomap");
                for (byte m : p.priomap()) b.append(' ').append(Byte.toUnsignedInt(m));
            }
            case null, default -> { }
        }
        b.append('\n');
        if (s.stats() && q.stats() != null) stats(b, q.stats());
        return b.toString();
    }

    /** {@return a class's lines as {@code tc [-s] [-d] class show dev DEV} prints them} */
    static String tcClass(TcClass c, IpJson.Links links, TcJson.Shown s) {
        StringBuilder b = new StringBuilder("class ").append(c.kind()).append(' ')
                .append(c.handle() == 0 ? "" : TcHandle.classId(c.handle())).append(' ');
        if (s.dev()) b.append("dev ").append(links.name(c.ifindex())).append(' ');
        if (c.parent() == Tca.TC_H_ROOT) b.append("root ");
        else b.append("parent ").append(TcHandle.classId(c.parent())).append(' ');
        if (c.leaf() != 0) b.append("leaf ").append(Integer.toHexString(c.leaf() >>> 16)).append(": ");
        if (c.options() instanceof HtbClassOptions h) {
            if (h.level() == 0) {
                b.append("prio ").append((int) h.prio()).append(' ');
                if (s.details()) b.append("quantum ").append((int) h.quantum()).append(' ');
            }
            b.append("rate ").append(TcUnits.formatRate(h.rate64())).append(' ');
            if (h.rate().overhead() != 0) b.append("overhead ").append(h.rate().overhead()).append(' ');
            b.append("ceil ").append(TcUnits.formatRate(h.ceil64())).append(' ');
            int ll = h.rate().linkLayer() & Tca.TC_LINKLAYER_MASK;
            if (ll > Tca.TC_LINKLAYER_ETHERNET || s.details()) b.append("linklayer ").append(TcJson.linkLayer(ll)).append(' ');
            String burst = TcUnits.formatSize(TcJson.u32(TcUnits.xmitSize(h.rate64(), h.buffer())));
            String cburst = TcUnits.formatSize(TcJson.u32(TcUnits.xmitSize(h.ceil64(), h.cbuffer())));
            if (s.details()) {
                b.append("burst ").append(burst).append('/').append(1 << h.rate().cellLog()).append(' ')
                        .append("mpu ").append(TcUnits.formatSize(h.rate().mpu())).append(' ')
                        .append("cburst ").append(cburst).append('/').append(1 << h.ceil().cellLog()).append(' ')
                        .append("mpu ").append(TcUnits.formatSize(h.ceil().mpu())).append(' ')
                        .append("level ").append((int) h.level()).append(' ');
            } else {
                b.append("burst ").append(burst).append(' ').append("cburst ").append(cburst).append(' ');
            }
        }
        b.append('\n');
        if (s.stats()) {
            if (c.stats() != null) stats(b, c.stats());
            HtbXstats x = c.xstats();
            if (x != null) {
                b.append(" lended: ").append(x.lends()).append(" borrowed: ").append(x.borrows()).append(" giants: ")
                        .append(x.giants()).append('\n').append(" tokens: ").append(x.tokens()).append(" ctokens: ")
                        .append(x.ctokens()).append('\n').append('\n');
            }
        }
        return b.toString();
    }

    /** {@return a filter's lines, close to {@code tc filter show}} */
    static String filter(TcFilter f, IpJson.Links links, TcJson.Shown s) {
        StringBuilder b = new StringBuilder("filter ");
        if (s.dev()) b.append("dev ").append(links.name(f.ifindex())).append(' ');
        if (s.parent()) b.append("parent ").append(TcHandle.classId(f.parent())).append(' ');
        if (f.protocol() != 0 && s.protocol()) b.append("protocol ").append(TcArgs.protocolName(f.protocol())).append(' ');
        if (f.pref() != 0 && s.pref()) b.append("pref ").append(f.pref()).append(' ');
        b.append(f.kind()).append(' ');
        if (f.chain() >= 0) b.append("chain ").append(f.chain()).append(' ');
        if (f.options() instanceof U32Options u) {
            if (f.handle() != 0) b.append("fh ").append(TcHandle.u32Handle(f.handle())).append(' ');
            if ((f.handle() & 0xfff) != 0) b.append("order ").append(f.handle() & 0xfff).append(' ');
            if (u.divisor() >= 0) b.append("ht divisor ").append(u.divisor()).append(' ');
            else if (u.hash() >= 0) {
                b.append("key ht ").append(Long.toHexString((u.hash() >>> 20) & 0xfff)).append(" bkt ")
                        .append(Long.toHexString((u.hash() >>> 12) & 0xff)).append(' ');
            }
            if (u.classId() != 0) {
                if ((u.selFlags() & Tca.TC_U32_TERMINAL) != 0 && u.hasSelector()) b.append('*');
                b.append("flowid ").append(TcHandle.classId(u.classId())).append(' ');
            }
            if (u.flags() >= 0 && (u.flags() & Tca.TCA_CLS_FLAGS_NOT_IN_HW) != 0) b.append("not_in_hw ");
            for (U32Key k : u.keys()) {
                b.append("\n  match ").append(String.format(Locale.ROOT, "%08x/%08x ", k.value(), k.mask())).append("at ")
                        .append(k.offmask() != 0 ? "nexthdr+" : "").append(k.off());
            }
        }
        b.append('\n');
        if (s.stats() && f.stats() != null) stats(b, f.stats());
        return b.toString();
    }

    private static void stats(StringBuilder b, TcStats s) {
        b.append(" Sent ").append(s.bytes()).append(" bytes ").append(s.packets()).append(" pkt");
        if (s.hasQueue()) {
            b.append(" (dropped ").append(s.drops()).append(", overlimits ").append(s.overlimits()).append(" requeues ")
                    .append(s.requeues()).append(") ");
        }
        if (s.hasRate()) b.append("\n rate ").append(TcUnits.formatRate(s.bps())).append(' ').append(s.pps()).append("pps ");
        if (s.hasQueue()) {
            b.append("\n backlog ").append(TcUnits.formatSize(s.backlog())).append(' ').append(s.qlen()).append("p requeues ")
                    .append(s.requeues());
        }
        b.append('\n');
    }

    /** A time as tc prints it ({@code sprint_time}: {@code %.3g} seconds or milliseconds, else microseconds). */
    static String time(long us) {
        if (us >= 1_000_000) return g3(us / 1e6) + "s";
        if (us >= 1000) return g3(us / 1e3) + "ms";
        return us + "us";
    }

    private static String g3(double v) {
        return new BigDecimal(v).round(new MathContext(3)).stripTrailingZeros().toPlainString();
    }
}
