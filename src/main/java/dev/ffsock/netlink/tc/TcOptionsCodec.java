package dev.ffsock.netlink.tc;

import dev.ffsock.netlink.Attributes;
import dev.ffsock.netlink.PayloadWriter;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code TCA_OPTIONS} per kind: decodes htb (qdisc and class), tbf, pfifo/bfifo and u32, keeps other
 * kinds raw; encodes what {@link QdiscSpec}, {@link HtbClassSpec} and {@link U32FilterSpec} ask for, as tc
 * encodes it.
 */
final class TcOptionsCodec {
    /** {@code sizeof(struct tc_ratespec)}. */
    static final int TC_RATESPEC_SIZE = 12;
    /** {@code sizeof(struct tc_htb_glob)}. */
    static final int TC_HTB_GLOB_SIZE = 20;
    /** {@code sizeof(struct tc_htb_opt)}. */
    static final int TC_HTB_OPT_SIZE = 44;
    /** {@code sizeof(struct tc_tbf_qopt)}. */
    static final int TC_TBF_QOPT_SIZE = 36;
    /** {@code sizeof(struct tc_fifo_qopt)}. */
    static final int TC_FIFO_QOPT_SIZE = 4;
    /** {@code sizeof(struct tc_prio_qopt)}. */
    static final int TC_PRIO_QOPT_SIZE = 20;
    /** Priorities in a priomap: {@code TC_PRIO_MAX + 1}. */
    static final int PRIOMAP_SIZE = Tca.TC_PRIO_MAX + 1;
    /** {@code sizeof(struct tc_u32_sel)} without its keys. */
    static final int TC_U32_SEL_SIZE = 16;
    /** {@code sizeof(struct tc_u32_key)}. */
    static final int TC_U32_KEY_SIZE = 16;
    /** The kernel's default htb version, {@code TC_HTB_PROTOVER}. */
    private static final int HTB_VERSION = Tca.TC_HTB_PROTOVER;
    private static final ValueLayout.OfInt BE32 = ValueLayout.JAVA_INT_UNALIGNED.withOrder(ByteOrder.BIG_ENDIAN);
    private static final ValueLayout.OfShort BE16 = ValueLayout.JAVA_SHORT_UNALIGNED.withOrder(ByteOrder.BIG_ENDIAN);

    private TcOptionsCodec() {
    }

    // ---- decoding

    /** A qdisc's options from the value of TCA_OPTIONS ({@code o}), or null if there was none. */
    static TcOptions decodeQdisc(String kind, MemorySegment o) {
        if (o == null) return null;
        return switch (kind) {
            case "htb" -> htbQdisc(o);
            case "tbf" -> tbf(o);
            case "pfifo", "bfifo", "pfifo_head_drop" -> o.byteSize() >= TC_FIFO_QOPT_SIZE ? new FifoOptions(u32(o, 0)) : raw(o);
            case "prio", "pfifo_fast" -> prio(o);
            default -> raw(o);
        };
    }

    /** A class's options from the value of TCA_OPTIONS, or null if there was none. */
    static TcOptions decodeClass(String kind, MemorySegment o) {
        if (o == null) return null;
        return "htb".equals(kind) ? htbClass(o) : raw(o);
    }

    /** A filter's options from the value of TCA_OPTIONS, or null if there was none. */
    static TcOptions decodeFilter(String kind, MemorySegment o) {
        if (o == null) return null;
        return "u32".equals(kind) ? u32(o) : raw(o);
    }

    private static RawOptions raw(MemorySegment o) {
        return new RawOptions(o.toArray(ValueLayout.JAVA_BYTE));
    }

    /** The struct; current kernels send no attributes after it (the old TCA_PRIO_MQ is gone from the uapi headers). */
    private static TcOptions prio(MemorySegment o) {
        if (o.byteSize() < TC_PRIO_QOPT_SIZE) return raw(o);
        byte[] map = o.asSlice(4, PRIOMAP_SIZE).toArray(ValueLayout.JAVA_BYTE);
        return new PrioOptions(s32(o, 0), map);
    }

    private static TcOptions htbQdisc(MemorySegment o) {
        Attributes a = Attributes.of(o);
        MemorySegment glob = null;
        long directQlen = -1;
        boolean offload = false;
        while (a.next()) {
            switch (a.type()) {
                case Tca.TCA_HTB_INIT -> { if (a.length() >= TC_HTB_GLOB_SIZE) glob = a.segment(); }
                case Tca.TCA_HTB_DIRECT_QLEN -> { if (a.length() == 4) directQlen = Integer.toUnsignedLong(a.u32()); }
                case Tca.TCA_HTB_OFFLOAD -> offload = true;
                default -> { }
            }
        }
        if (glob == null) return raw(o);
        return new HtbQdiscOptions(s32(glob, 0), s32(glob, 4), s32(glob, 8), s32(glob, 12), u32(glob, 16), directQlen,
                offload);
    }

    private static TcOptions htbClass(MemorySegment o) {
        Attributes a = Attributes.of(o);
        MemorySegment p = null;
        long rate64 = -1, ceil64 = -1;
        while (a.next()) {
            switch (a.type()) {
                case Tca.TCA_HTB_PARMS -> { if (a.length() >= TC_HTB_OPT_SIZE) p = a.segment(); }
                case Tca.TCA_HTB_RATE64 -> { if (a.length() == 8) rate64 = a.u64(); }
                case Tca.TCA_HTB_CEIL64 -> { if (a.length() == 8) ceil64 = a.u64(); }
                default -> { }
            }
        }
        if (p == null) return raw(o);
        RateSpec rate = rateSpec(p, 0);
        RateSpec ceil = rateSpec(p, 12);
        return new HtbClassOptions(rate, ceil, u32(p, 24), u32(p, 28), u32(p, 32), u32(p, 36), u32(p, 40),
                rate64 >= 0 ? rate64 : rate.rate(), ceil64 >= 0 ? ceil64 : ceil.rate());
    }

    private static TcOptions tbf(MemorySegment o) {
        Attributes a = Attributes.of(o);
        MemorySegment p = null;
        long rate64 = -1, prate64 = -1;
        while (a.next()) {
            switch (a.type()) {
                case Tca.TCA_TBF_PARMS -> { if (a.length() >= TC_TBF_QOPT_SIZE) p = a.segment(); }
                case Tca.TCA_TBF_RATE64 -> { if (a.length() == 8) rate64 = a.u64(); }
                case Tca.TCA_TBF_PRATE64 -> { if (a.length() == 8) prate64 = a.u64(); }
                default -> { }
            }
        }
        if (p == null) return raw(o);
        RateSpec rate = rateSpec(p, 0);
        RateSpec peak = rateSpec(p, 12);
        return new TbfOptions(rate, peak, u32(p, 24), u32(p, 28), u32(p, 32), rate64 >= 0 ? rate64 : rate.rate(),
                prate64 >= 0 ? prate64 : peak.rate());
    }

    private static TcOptions u32(MemorySegment o) {
        Attributes a = Attributes.of(o);
        long divisor = -1, hash = -1, flags = -1;
        int classId = 0, link = 0;
        int selFlags = -1, hmask = 0, hoff = 0, off = 0, offoff = 0, offshift = 0, offmask = 0;
        String indev = null;
        List<U32Key> keys = new ArrayList<>();
        while (a.next()) {
            int len = a.length();
            switch (a.type()) {
                case Tca.TCA_U32_DIVISOR -> { if (len == 4) divisor = Integer.toUnsignedLong(a.u32()); }
                case Tca.TCA_U32_HASH -> { if (len == 4) hash = Integer.toUnsignedLong(a.u32()); }
                case Tca.TCA_U32_CLASSID -> { if (len == 4) classId = a.u32(); }
                case Tca.TCA_U32_LINK -> { if (len == 4) link = a.u32(); }
                case Tca.TCA_U32_FLAGS -> { if (len == 4) flags = Integer.toUnsignedLong(a.u32()); }
                case Tca.TCA_U32_INDEV -> indev = a.string();
                case Tca.TCA_U32_SEL -> {
                    MemorySegment s = a.segment();
                    if (len < TC_U32_SEL_SIZE) break;
                    int nkeys = Byte.toUnsignedInt(s.get(ValueLayout.JAVA_BYTE, 2));
                    if (len < TC_U32_SEL_SIZE + (long) nkeys * TC_U32_KEY_SIZE) break;
                    selFlags = Byte.toUnsignedInt(s.get(ValueLayout.JAVA_BYTE, 0));
                    offshift = Byte.toUnsignedInt(s.get(ValueLayout.JAVA_BYTE, 1));
                    offmask = Short.toUnsignedInt(s.get(BE16, 4));
                    off = Short.toUnsignedInt(s.get(ValueLayout.JAVA_SHORT_UNALIGNED, 6));
                    offoff = s.get(ValueLayout.JAVA_SHORT_UNALIGNED, 8);
                    hoff = s.get(ValueLayout.JAVA_SHORT_UNALIGNED, 10);
                    hmask = s.get(BE32, 12);
                    for (int i = 0; i < nkeys; i++) {
                        long k = TC_U32_SEL_SIZE + (long) i * TC_U32_KEY_SIZE;
                        keys.add(new U32Key(s.get(BE32, k), s.get(BE32, k + 4), s32(s, k + 8), s32(s, k + 12)));
                    }
                }
                default -> { }
            }
        }
        return new U32Options(divisor, hash, classId, link, flags, selFlags, keys, hmask, hoff, off, offoff, offshift,
                offmask, indev);
    }

    private static RateSpec rateSpec(MemorySegment s, long at) {
        return new RateSpec(Byte.toUnsignedInt(s.get(ValueLayout.JAVA_BYTE, at)),
                Byte.toUnsignedInt(s.get(ValueLayout.JAVA_BYTE, at + 1)),
                Short.toUnsignedInt(s.get(ValueLayout.JAVA_SHORT_UNALIGNED, at + 2)),
                s.get(ValueLayout.JAVA_SHORT_UNALIGNED, at + 4),
                Short.toUnsignedInt(s.get(ValueLayout.JAVA_SHORT_UNALIGNED, at + 6)), u32(s, at + 8));
    }

    private static int s32(MemorySegment s, long at) {
        return s.get(ValueLayout.JAVA_INT_UNALIGNED, at);
    }

    private static long u32(MemorySegment s, long at) {
        return Integer.toUnsignedLong(s32(s, at));
    }

    // ---- encoding

    /** Writes the options of {@code spec} (nothing for kinds without options). */
    static void encodeQdisc(PayloadWriter w, QdiscSpec spec) {
        switch (spec) {
            case QdiscSpec.Htb h -> {
                int n = w.beginNested(Tca.TCA_OPTIONS);
                w.attrBytes(Tca.TCA_HTB_INIT, htbGlob(h));
                if (h.directQlen() >= 0) w.attrU32(Tca.TCA_HTB_DIRECT_QLEN, (int) h.directQlen());
                w.endNested(n);
            }
            case QdiscSpec.Tbf t -> tbf(w, t);
            case QdiscSpec.Pfifo p -> { if (p.limit() >= 0) w.attrU32(Tca.TCA_OPTIONS, (int) p.limit()); }
            case QdiscSpec.Bfifo b -> { if (b.limit() >= 0) w.attrU32(Tca.TCA_OPTIONS, (int) b.limit()); }
            case QdiscSpec.Ingress i -> { }
            case QdiscSpec.Clsact c -> { }
            case QdiscSpec.OfKind k -> { }
        }
    }

    private static byte[] htbGlob(QdiscSpec.Htb h) {
        MemorySegment g = MemorySegment.ofArray(new byte[TC_HTB_GLOB_SIZE]);
        g.set(ValueLayout.JAVA_INT_UNALIGNED, 0, HTB_VERSION);
        g.set(ValueLayout.JAVA_INT_UNALIGNED, 4, (int) h.r2q());
        g.set(ValueLayout.JAVA_INT_UNALIGNED, 8, (int) h.defaultClass());
        return g.toArray(ValueLayout.JAVA_BYTE);
    }

    private static void tbf(PayloadWriter w, QdiscSpec.Tbf t) {
        long rate32 = Math.min(t.rate(), 0xffffffffL);
        long prate32 = Math.min(t.peakrate(), 0xffffffffL);
        long limit = t.limit();
        if (limit == 0) limit = (long) QdiscSpec.Tbf.limitFor(t.rate(), t.burst(), t.latencyUs(), t.peakrate(), t.mtu());
        int cellLog = RateTable.cellLog((int) t.mtu());
        byte[] q = new byte[TC_TBF_QOPT_SIZE];
        MemorySegment s = MemorySegment.ofArray(q);
        ratespec(s, 0, cellLog, rate32);
        long buffer = TcUnits.xmitTime(rate32, t.burst());
        long mtuTicks = 0;
        if (prate32 > 0) {
            ratespec(s, 12, cellLog, prate32);
            mtuTicks = TcUnits.xmitTime(prate32, t.mtu());
        }
        s.set(ValueLayout.JAVA_INT_UNALIGNED, 24, (int) limit);
        s.set(ValueLayout.JAVA_INT_UNALIGNED, 28, (int) buffer);
        s.set(ValueLayout.JAVA_INT_UNALIGNED, 32, (int) mtuTicks);
        int n = w.beginNested(Tca.TCA_OPTIONS);
        w.attrBytes(Tca.TCA_TBF_PARMS, q);
        w.attrU32(Tca.TCA_TBF_BURST, (int) t.burst());
        if (t.rate() > 0xffffffffL) w.attrU64(Tca.TCA_TBF_RATE64, t.rate());
        w.attrBytes(Tca.TCA_TBF_RTAB, table(rate32, cellLog));
        if (prate32 > 0) {
            if (t.peakrate() > 0xffffffffL) w.attrU64(Tca.TCA_TBF_PRATE64, t.peakrate());
            w.attrU32(Tca.TCA_TBF_PBURST, (int) t.mtu());
            w.attrBytes(Tca.TCA_TBF_PTAB, table(prate32, cellLog));
        }
        w.endNested(n);
    }

    /** Writes an htb class's options as {@code tc class add ... htb} does. */
    static void encodeHtbClass(PayloadWriter w, HtbClassSpec c) {
        long rate = c.rate();
        long ceil = c.ceil() == 0 ? rate : c.ceil();
        long burst = c.burst() != 0 ? c.burst() : rate / TcUnits.hz() + c.mtu();
        long cburst = c.cburst() != 0 ? c.cburst() : ceil / TcUnits.hz() + c.mtu();
        long buffer = TcUnits.xmitTime(rate, burst);
        long cbuffer = TcUnits.xmitTime(ceil, cburst);
        int cellLog = RateTable.cellLog(c.mtu());
        long rate32 = Math.min(rate, 0xffffffffL);
        long ceil32 = Math.min(ceil, 0xffffffffL);
        byte[] o = new byte[TC_HTB_OPT_SIZE];
        MemorySegment s = MemorySegment.ofArray(o);
        ratespec(s, 0, cellLog, rate32);
        ratespec(s, 12, cellLog, ceil32);
        s.set(ValueLayout.JAVA_INT_UNALIGNED, 24, (int) buffer);
        s.set(ValueLayout.JAVA_INT_UNALIGNED, 28, (int) cbuffer);
        s.set(ValueLayout.JAVA_INT_UNALIGNED, 32, (int) c.quantum());
        s.set(ValueLayout.JAVA_INT_UNALIGNED, 40, c.prio());
        int n = w.beginNested(Tca.TCA_OPTIONS);
        if (rate > 0xffffffffL) w.attrU64(Tca.TCA_HTB_RATE64, rate);
        if (ceil > 0xffffffffL) w.attrU64(Tca.TCA_HTB_CEIL64, ceil);
        w.attrBytes(Tca.TCA_HTB_PARMS, o);
        w.attrBytes(Tca.TCA_HTB_RTAB, table(rate32, cellLog));
        w.attrBytes(Tca.TCA_HTB_CTAB, table(ceil32, cellLog));
        w.endNested(n);
    }

    /** Writes a u32 filter's options as {@code tc filter add ... u32} does. */
    static void encodeU32(PayloadWriter w, U32FilterSpec f) {
        int n = w.beginNested(Tca.TCA_OPTIONS);
        if (f.classId() != 0) w.attrU32(Tca.TCA_U32_CLASSID, f.classId());
        List<U32Key> keys = f.keys();
        MemorySegment s = MemorySegment.ofArray(new byte[TC_U32_SEL_SIZE + keys.size() * TC_U32_KEY_SIZE]);
        s.set(ValueLayout.JAVA_BYTE, 0, (byte) (f.classId() != 0 ? Tca.TC_U32_TERMINAL : 0));
        s.set(ValueLayout.JAVA_BYTE, 2, (byte) keys.size());
        for (int i = 0; i < keys.size(); i++) {
            U32Key k = keys.get(i);
            long at = TC_U32_SEL_SIZE + (long) i * TC_U32_KEY_SIZE;
            s.set(BE32, at, k.mask());
            s.set(BE32, at + 4, k.value());
            s.set(ValueLayout.JAVA_INT_UNALIGNED, at + 8, k.off());
            s.set(ValueLayout.JAVA_INT_UNALIGNED, at + 12, k.offmask());
        }
        w.attrBytes(Tca.TCA_U32_SEL, s);
        w.endNested(n);
    }

    /** A tc_ratespec as tc_calc_rtable leaves it: cell_log, Ethernet, cell_align -1, the rate. */
    private static void ratespec(MemorySegment s, long at, int cellLog, long rate32) {
        s.set(ValueLayout.JAVA_BYTE, at, (byte) cellLog);
        s.set(ValueLayout.JAVA_BYTE, at + 1, (byte) Tca.TC_LINKLAYER_ETHERNET);
        s.set(ValueLayout.JAVA_SHORT_UNALIGNED, at + 4, (short) -1);
        s.set(ValueLayout.JAVA_INT_UNALIGNED, at + 8, (int) rate32);
    }

    private static byte[] table(long rate, int cellLog) {
        int[] t = RateTable.compute(rate, 0, cellLog);
        MemorySegment s = MemorySegment.ofArray(new byte[t.length * 4]);
        for (int i = 0; i < t.length; i++) s.set(ValueLayout.JAVA_INT_UNALIGNED, i * 4L, t[i]);
        return s.toArray(ValueLayout.JAVA_BYTE);
    }
}
