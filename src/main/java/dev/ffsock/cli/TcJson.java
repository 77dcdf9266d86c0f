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
import dev.ffsock.netlink.tc.TcOptions;
import dev.ffsock.netlink.tc.TcStats;
import dev.ffsock.netlink.tc.TcUnits;
import dev.ffsock.netlink.tc.Tca;
import dev.ffsock.netlink.tc.U32Key;
import dev.ffsock.netlink.tc.U32Options;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * tc objects as {@code tc -j} prints them: the same keys, in the same order, with the same values
 * (rates in bytes per second, sizes in bytes, times in microseconds, handles and hex fields as strings).
 */
final class TcJson {
    private TcJson() {
    }

    /** What the request filtered on: tc leaves those keys out (its {@code filter_*} variables). */
    record Shown(boolean dev, boolean parent, boolean details, boolean stats, boolean protocol, boolean pref) {
        /** Everything but the filters' protocol and pref shown as the flags say. */
        Shown(boolean dev, boolean parent, boolean details, boolean stats) {
            this(dev, parent, details, stats, true, true);
        }
    }

    /** {@return a qdisc as one element of {@code tc -j qdisc show}} */
    static Map<String, Object> qdisc(Qdisc q, IpJson.Links links, Shown s) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("kind", q.kind());
        o.put("handle", TcHandle.qdiscHandle(q.handle()));
        if (s.dev()) o.put("dev", links.name(q.ifindex()));
        if (q.parent() == Tca.TC_H_ROOT) o.put("root", true);
        else if (q.parent() != 0) o.put("parent", TcHandle.classId(q.parent()));
        if (q.refcnt() != 1) o.put("refcnt", Integer.toUnsignedLong(q.refcnt()));
        if (q.hwOffload()) o.put("offloaded", true);
        if (q.ingressBlock() != 0) o.put("ingress_block", Integer.toUnsignedLong(q.ingressBlock()));
        if (q.egressBlock() != 0) o.put("egress_block", Integer.toUnsignedLong(q.egressBlock()));
        Map<String, Object> opt = new JsonObject(); // tbf -d prints "mpu" twice
        switch (q.options()) {
            case HtbQdiscOptions h -> htbQdisc(opt, h, s.details());
            case TbfOptions t -> tbf(opt, t, s.details());
            case FifoOptions f -> opt.put("limit", f.limit());
            case PrioOptions p -> {
                opt.put("bands", Integer.toUnsignedLong(p.bands()));
                List<Object> map = new ArrayList<>();
                for (byte b : p.priomap()) map.add(Byte.toUnsignedInt(b));
                opt.put("priomap", map);
                opt.put("multiqueue", false); // tc: only TCA_PRIO_MQ, which current kernels never send, makes it true
            }
            case null, default -> { }
        }
        o.put("options", opt);
        if (s.stats() && q.stats() != null) stats(o, q.stats());
        return o;
    }

    private static void htbQdisc(Map<String, Object> o, HtbQdiscOptions h, boolean details) {
        o.put("r2q", h.r2q());
        o.put("default", hex0x(Integer.toUnsignedLong(h.defaultClass())));
        o.put("direct_packets_stat", h.directPackets());
        if (details) o.put("ver", (h.version() >> 16) + "." + (h.version() & 0xffff));
        if (h.directQlen() >= 0) o.put("direct_qlen", h.directQlen());
        if (h.offload()) o.put("offload", null);
    }

    private static void tbf(Map<String, Object> o, TbfOptions t, boolean details) {
        o.put("rate", t.rate64());
        long burst = u32(TcUnits.xmitSize(t.rate64(), t.buffer()));
        if (details) {
            o.put("burst", TcUnits.formatSize(burst) + "/" + (1 << t.rate().cellLog()));
            o.put("mpu", (long) t.rate().mpu());
        } else {
            o.put("burst", burst);
        }
        if (t.prate64() != 0 && (t.mtu() != 0 || t.peakrate().mpu() != 0)) {
            long mtu = u32(TcUnits.xmitSize(t.prate64(), t.mtu()));
            if (details) {
                o.put("mtu", TcUnits.formatSize(mtu) + "/" + (1 << t.peakrate().cellLog()));
                o.put("mpu", (long) t.peakrate().mpu());
            } else {
                o.put("minburst", mtu);
            }
        }
        double lat = t.latencyMicros();
        if (lat >= 0) o.put("lat", (long) lat);
        else o.put("limit", t.limit());
        if (t.rate().overhead() != 0) o.put("overhead", t.rate().overhead());
        int ll = t.rate().linkLayer() & Tca.TC_LINKLAYER_MASK;
        if (ll > Tca.TC_LINKLAYER_ETHERNET || details) o.put("linklayer", linkLayer(ll));
    }

    /** {@return a class as current iproute2 prints it with {@code -j} (iproute2 6.1 prints classes as text only)} */
    static Map<String, Object> tcClass(TcClass c, IpJson.Links links, Shown s) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("class", c.kind());
        o.put("handle", c.handle() == 0 ? "" : TcHandle.classId(c.handle()));
        if (s.dev()) o.put("dev", links.name(c.ifindex()));
        if (c.parent() == Tca.TC_H_ROOT) o.put("root", true);
        else o.put("parent", TcHandle.classId(c.parent()));
        if (c.leaf() != 0) o.put("leaf", hex0x(Integer.toUnsignedLong(c.leaf()) >>> 16));
        if (c.options() instanceof HtbClassOptions h) htbClass(o, h, s.details());
        if (s.stats()) {
            Map<String, Object> st = new LinkedHashMap<>();
            if (c.stats() != null) stats(st, c.stats());
            HtbXstats x = c.xstats();
            if (x != null) {
                st.put("lended", x.lends());
                st.put("borrowed", x.borrows());
                st.put("giants", x.giants());
                st.put("tokens", x.tokens());
                st.put("ctokens", x.ctokens());
            }
            o.put("stats", st);
        }
        return o;
    }

    private static void htbClass(Map<String, Object> o, HtbClassOptions h, boolean details) {
        if (h.level() == 0) {
            o.put("prio", (int) h.prio());
            if (details) o.put("quantum", (int) h.quantum());
        }
        o.put("rate", h.rate64());
        if (h.rate().overhead() != 0) o.put("overhead", h.rate().overhead());
        o.put("ceil", h.ceil64());
        int ll = h.rate().linkLayer() & Tca.TC_LINKLAYER_MASK;
        if (ll > Tca.TC_LINKLAYER_ETHERNET || details) o.put("linklayer", linkLayer(ll));
        o.put("burst", u32(TcUnits.xmitSize(h.rate64(), h.buffer())));
        if (details) {
            o.put("burst_cell", 1L << h.rate().cellLog());
            o.put("mpu_rate", (long) h.rate().mpu());
        }
        o.put("cburst", u32(TcUnits.xmitSize(h.ceil64(), h.cbuffer())));
        if (details) {
            o.put("cburst_cell", 1L << h.ceil().cellLog());
            o.put("mpu_ceil", (long) h.ceil().mpu());
            o.put("level", (int) h.level());
        }
    }

    /** {@return a filter as one element of {@code tc -j filter show}} */
    static Map<String, Object> filter(TcFilter f, IpJson.Links links, Shown s) {
        JsonObject o = new JsonObject();
        if (s.dev()) o.add("dev", links.name(f.ifindex()));
        if (s.parent()) {
            int p = f.parent();
            if (p == Tca.TC_H_ROOT) o.add("root", true);
            else if (p == (Tca.TC_H_CLSACT & Tca.TC_H_MAJ_MASK | Tca.TC_H_MIN_INGRESS)) o.add("ingress", true);
            else if (p == (Tca.TC_H_CLSACT & Tca.TC_H_MAJ_MASK | Tca.TC_H_MIN_EGRESS)) o.add("egress", true);
            else o.add("parent", TcHandle.classId(p));
        }
        if (f.protocol() != 0 && s.protocol()) o.add("protocol", TcArgs.protocolName(f.protocol()));
        if (f.pref() != 0 && s.pref()) o.add("pref", f.pref());
        o.add("kind", f.kind());
        if (f.chain() >= 0) o.add("chain", f.chain());
        TcOptions opt = f.options();
        if (opt != null) {
            JsonObject u = new JsonObject();
            if (opt instanceof U32Options u32) u32(u, u32, f.handle());
            o.add("options", u);
        }
        if (s.stats() && f.stats() != null) stats(o, f.stats());
        return o;
    }

    private static void u32(JsonObject o, U32Options u, int handle) {
        if (handle != 0) o.add("fh", TcHandle.u32Handle(handle));
        if ((handle & 0xfff) != 0) o.add("order", handle & 0xfff);
        if (u.divisor() >= 0) {
            o.add("ht_divisor", (int) u.divisor());
        } else if (u.hash() >= 0) {
            o.add("key_ht", Long.toHexString((u.hash() >>> 20) & 0xfff));
            o.add("bkt", Long.toHexString((u.hash() >>> 12) & 0xff));
        }
        if (u.classId() != 0) o.add("flowid", TcHandle.classId(u.classId()));
        if (u.link() != 0) o.add("link", TcHandle.u32Handle(u.link()));
        if (u.flags() >= 0) {
            long fl = u.flags();
            if ((fl & Tca.TCA_CLS_FLAGS_SKIP_HW) != 0) o.add("skip_hw", true);
            if ((fl & Tca.TCA_CLS_FLAGS_SKIP_SW) != 0) o.add("skip_sw", true);
            if ((fl & Tca.TCA_CLS_FLAGS_IN_HW) != 0) o.add("in_hw", true);
            else if ((fl & Tca.TCA_CLS_FLAGS_NOT_IN_HW) != 0) o.add("not_in_hw", true);
        }
        for (U32Key k : u.keys()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("value", Integer.toHexString(k.value()));
            m.put("mask", Integer.toHexString(k.mask()));
            m.put("offmask", k.offmask() != 0 ? "nexthdr+" : "");
            m.put("off", k.off());
            o.add("match", m);
        }
        if (u.hasSelector() && (u.selFlags() & (Tca.TC_U32_VAROFFSET | Tca.TC_U32_OFFSET)) != 0) {
            if ((u.selFlags() & Tca.TC_U32_VAROFFSET) != 0) {
                o.add("offset_mask", Integer.toHexString(u.offmask()));
                o.add("offset_shift", u.offshift());
                o.add("offset_off", u.offoff());
            }
            if (u.off() != 0) o.add("plus", u.off());
        }
        if (u.hasSelector() && u.hmask() != 0) {
            o.add("hash_mask", Integer.toHexString(u.hmask()));
            o.add("hash_off", u.hoff());
        }
        if (u.indev() != null) o.add("input_dev", u.indev());
    }

    /** The {@code tc -s} keys, flat as tc prints them into the object. */
    static void stats(Map<String, Object> o, TcStats s) {
        if (s.hasBasic()) {
            o.put("bytes", s.bytes());
            o.put("packets", s.packets());
        }
        if (s.hasQueue()) {
            o.put("drops", s.drops());
            o.put("overlimits", s.overlimits());
            o.put("requeues", s.requeues());
        }
        if (s.hasRate()) {
            o.put("rate", s.bps());
            o.put("pps", s.pps());
        }
        if (s.hasQueue()) {
            o.put("backlog", s.backlog());
            o.put("qlen", s.qlen());
        }
    }

    /** C's {@code %#llx}: {@code 0} for zero, else {@code 0x…}. */
    static String hex0x(long v) {
        return v == 0 ? "0" : "0x" + Long.toHexString(v);
    }

    /** A size tc prints from a double through a {@code __u32} parameter. */
    static long u32(double v) {
        return v >= 0x1p32 ? 0xffffffffL : (long) v;
    }

    static String linkLayer(int ll) {
        return switch (ll) {
            case 0 -> "unspec";
            case 1 -> "ethernet";
            case 2 -> "atm";
            default -> "unknown";
        };
    }
}
