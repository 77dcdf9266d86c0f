package dev.ffsock.netlink.tc;

import dev.ffsock.internal.bindings.gnet_stats_basic;
import dev.ffsock.internal.bindings.gnet_stats_queue;
import dev.ffsock.internal.bindings.gnet_stats_rate_est;
import dev.ffsock.internal.bindings.gnet_stats_rate_est64;
import dev.ffsock.internal.bindings.tc_fifo_qopt;
import dev.ffsock.internal.bindings.tc_htb_glob;
import dev.ffsock.internal.bindings.tc_htb_opt;
import dev.ffsock.internal.bindings.tc_htb_xstats;
import dev.ffsock.internal.bindings.tc_prio_qopt;
import dev.ffsock.internal.bindings.tc_ratespec;
import dev.ffsock.internal.bindings.tc_tbf_qopt;
import dev.ffsock.internal.bindings.tc_u32_key;
import dev.ffsock.internal.bindings.tc_u32_sel;
import dev.ffsock.internal.bindings.tcmsg;
import dev.ffsock.netlink.MessageBuilder;
import dev.ffsock.netlink.NetlinkConnection;
import dev.ffsock.netlink.NetlinkFormatException;
import dev.ffsock.netlink.NetlinkMessage;
import dev.ffsock.netlink.route.RawAttribute;
import dev.ffsock.netlink.route.Rtnl;
import org.junit.jupiter.api.Test;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.net.InetAddress;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The tc codec without a kernel: struct sizes and every field offset against the generated bindings
 * (themselves checked against gcc by BindingsProbeTest), each request encoded and decoded again, and
 * mutated and truncated messages decoding to a record or a {@link NetlinkFormatException}, nothing else.
 */
class TcCodecTest {
    private static final Arena ARENA = Arena.ofAuto();

    @Test
    void structSizesMatchTheHeaders() {
        assertEquals(tcmsg.sizeof(), TcCodec.TCMSG_SIZE);
        assertEquals(tcmsg.tcm_ifindex$offset(), TcCodec.TCM_IFINDEX);
        assertEquals(tcmsg.tcm_handle$offset(), TcCodec.TCM_HANDLE);
        assertEquals(tcmsg.tcm_parent$offset(), TcCodec.TCM_PARENT);
        assertEquals(tcmsg.tcm_info$offset(), TcCodec.TCM_INFO);
        assertEquals(tc_ratespec.sizeof(), TcOptionsCodec.TC_RATESPEC_SIZE);
        assertEquals(tc_htb_glob.sizeof(), TcOptionsCodec.TC_HTB_GLOB_SIZE);
        assertEquals(tc_htb_opt.sizeof(), TcOptionsCodec.TC_HTB_OPT_SIZE);
        assertEquals(tc_tbf_qopt.sizeof(), TcOptionsCodec.TC_TBF_QOPT_SIZE);
        assertEquals(tc_fifo_qopt.sizeof(), TcOptionsCodec.TC_FIFO_QOPT_SIZE);
        assertEquals(tc_prio_qopt.sizeof(), TcOptionsCodec.TC_PRIO_QOPT_SIZE);
        assertEquals(tc_prio_qopt.priomap$layout().byteSize(), TcOptionsCodec.PRIOMAP_SIZE);
        assertEquals(tc_prio_qopt.priomap$offset(), 4);
        assertEquals(tc_u32_sel.sizeof(), TcOptionsCodec.TC_U32_SEL_SIZE);
        assertEquals(tc_u32_key.sizeof(), TcOptionsCodec.TC_U32_KEY_SIZE);
        assertEquals(gnet_stats_basic.layout().select(
                java.lang.foreign.MemoryLayout.PathElement.groupElement("packets")).byteSize()
                + gnet_stats_basic.packets$offset(), TcStatsCodec.GNET_STATS_BASIC_MIN);
        assertEquals(gnet_stats_queue.sizeof(), TcStatsCodec.GNET_STATS_QUEUE_SIZE);
        assertEquals(gnet_stats_rate_est.sizeof(), TcStatsCodec.GNET_STATS_RATE_EST_SIZE);
        assertEquals(gnet_stats_rate_est64.sizeof(), TcStatsCodec.GNET_STATS_RATE_EST64_SIZE);
        assertEquals(tc_htb_xstats.sizeof(), TcStatsCodec.TC_HTB_XSTATS_SIZE);
        assertEquals(RateTable.ENTRIES * 4, 1024);
    }

    // ---- messages built from the bindings' own setters: every offset the decoder reads

    private static MemorySegment rate(MemorySegment r, int cellLog, int linklayer, int overhead, int mpu, int rate) {
        tc_ratespec.cell_log(r, (byte) cellLog);
        tc_ratespec.linklayer(r, (byte) linklayer);
        tc_ratespec.overhead(r, (short) overhead);
        tc_ratespec.cell_align(r, (short) -1);
        tc_ratespec.mpu(r, (short) mpu);
        tc_ratespec.rate(r, rate);
        return r;
    }

    private static byte[] message(int type, int ifindex, int handle, int parent, int info, NetlinkConnection.Encoder attrs) {
        try (MessageBuilder b = new MessageBuilder(4096, false)) {
            b.begin(type, 0);
            MemorySegment t = ARENA.allocate(tcmsg.layout());
            tcmsg.tcm_ifindex(t, ifindex);
            tcmsg.tcm_handle(t, handle);
            tcmsg.tcm_parent(t, parent);
            tcmsg.tcm_info(t, info);
            b.putBytes(t);
            attrs.encode(b);
            b.end();
            return b.segment().toArray(ValueLayout.JAVA_BYTE);
        }
    }

    private static NetlinkMessage parse(byte[] b) {
        return NetlinkMessage.parse(MemorySegment.ofArray(b));
    }

    static byte[] htbClassMessage() {
        MemorySegment o = ARENA.allocate(tc_htb_opt.layout());
        rate(tc_htb_opt.rate(o), 3, 1, 4, 64, 125000);
        rate(tc_htb_opt.ceil(o), 2, 1, 4, 64, 250000);
        tc_htb_opt.buffer(o, 200000);
        tc_htb_opt.cbuffer(o, 100000);
        tc_htb_opt.quantum(o, 1500);
        tc_htb_opt.level(o, 7);
        tc_htb_opt.prio(o, 3);
        MemorySegment stats = ARENA.allocate(gnet_stats_basic.layout());
        gnet_stats_basic.bytes(stats, 1L << 40);
        gnet_stats_basic.packets(stats, 12345);
        MemorySegment queue = ARENA.allocate(gnet_stats_queue.layout());
        gnet_stats_queue.qlen(queue, 1);
        gnet_stats_queue.backlog(queue, 2);
        gnet_stats_queue.drops(queue, 3);
        gnet_stats_queue.requeues(queue, 4);
        gnet_stats_queue.overlimits(queue, 5);
        MemorySegment est = ARENA.allocate(gnet_stats_rate_est64.layout());
        gnet_stats_rate_est64.bps(est, 999);
        gnet_stats_rate_est64.pps(est, 9);
        MemorySegment x = ARENA.allocate(tc_htb_xstats.layout());
        tc_htb_xstats.lends(x, 10);
        tc_htb_xstats.borrows(x, 11);
        tc_htb_xstats.giants(x, 12);
        tc_htb_xstats.tokens(x, -13);
        tc_htb_xstats.ctokens(x, 14);
        return message(Rtnl.RTM_NEWTCLASS, 7, 0x10010, 0x10001, 0x20000, w -> {
            w.attrString(Tca.TCA_KIND, "htb");
            int n = w.beginNested(Tca.TCA_OPTIONS);
            w.attrBytes(Tca.TCA_HTB_PARMS, o);
            w.attrU64(Tca.TCA_HTB_CEIL64, 1L << 33);
            w.endNested(n);
            int s = w.beginNested(Tca.TCA_STATS2);
            w.attrBytes(Tca.TCA_STATS_BASIC, stats.asSlice(0, TcStatsCodec.GNET_STATS_BASIC_MIN));
            w.attrBytes(Tca.TCA_STATS_QUEUE, queue);
            w.attrBytes(Tca.TCA_STATS_RATE_EST64, est);
            w.attrBytes(Tca.TCA_STATS_APP, x);
            w.endNested(s);
            w.attrU32(999, 1);
        });
    }

    @Test
    void htbClassFromTheBindingsLayout() {
        TcClass c = TcCodec.decodeClass(parse(htbClassMessage()));
        assertEquals(7, c.ifindex());
        assertEquals(0x10010, c.handle());
        assertEquals(0x10001, c.parent());
        assertEquals(0x20000, c.leaf());
        HtbClassOptions o = assertInstanceOf(HtbClassOptions.class, c.options());
        assertEquals(new RateSpec(3, 1, 4, -1, 64, 125000), o.rate());
        assertEquals(new RateSpec(2, 1, 4, -1, 64, 250000), o.ceil());
        assertEquals(200000, o.buffer());
        assertEquals(100000, o.cbuffer());
        assertEquals(1500, o.quantum());
        assertEquals(7, o.level());
        assertEquals(3, o.prio());
        assertEquals(125000, o.rate64());
        assertEquals(1L << 33, o.ceil64());
        TcStats s = c.stats();
        assertEquals(1L << 40, s.bytes());
        assertEquals(12345, s.packets());
        assertEquals(List.of(1L, 2L, 3L, 4L, 5L), List.of(s.qlen(), s.backlog(), s.drops(), s.requeues(), s.overlimits()));
        assertEquals(999, s.bps());
        assertEquals(9, s.pps());
        assertEquals(new HtbXstats(10, 11, 12, -13, 14), c.xstats());
        assertEquals(List.of(new RawAttribute(999, new byte[] {1, 0, 0, 0})), c.raw());
    }

    static byte[] htbTbfFifoQdiscs(List<byte[]> out) {
        MemorySegment g = ARENA.allocate(tc_htb_glob.layout());
        tc_htb_glob.version(g, 0x30011);
        tc_htb_glob.rate2quantum(g, 10);
        tc_htb_glob.defcls(g, 0x10);
        tc_htb_glob.debug(g, 1);
        tc_htb_glob.direct_pkts(g, 42);
        out.add(message(Rtnl.RTM_NEWQDISC, 3, 0x10000, Tca.TC_H_ROOT, 2, w -> {
            w.attrString(Tca.TCA_KIND, "htb");
            int n = w.beginNested(Tca.TCA_OPTIONS);
            w.attrBytes(Tca.TCA_HTB_INIT, g);
            w.attrU32(Tca.TCA_HTB_DIRECT_QLEN, 1000);
            w.endNested(n);
            w.attrU8(Tca.TCA_HW_OFFLOAD, 0);
        }));
        MemorySegment t = ARENA.allocate(tc_tbf_qopt.layout());
        rate(tc_tbf_qopt.rate(t), 0, 1, 0, 0, 125000);
        rate(tc_tbf_qopt.peakrate(t), 0, 1, 0, 0, 250000);
        tc_tbf_qopt.limit(t, 16490);
        tc_tbf_qopt.buffer(t, 1280000);
        tc_tbf_qopt.mtu(t, 100000);
        out.add(message(Rtnl.RTM_NEWQDISC, 3, 0x80050000, Tca.TC_H_ROOT, 2, w -> {
            w.attrString(Tca.TCA_KIND, "tbf");
            int n = w.beginNested(Tca.TCA_OPTIONS);
            w.attrBytes(Tca.TCA_TBF_PARMS, t);
            w.endNested(n);
        }));
        MemorySegment f = ARENA.allocate(tc_fifo_qopt.layout());
        tc_fifo_qopt.limit(f, 100);
        out.add(message(Rtnl.RTM_DELQDISC, 3, 0x30000, 0x10010, 1, w -> {
            w.attrString(Tca.TCA_KIND, "pfifo");
            w.attrBytes(Tca.TCA_OPTIONS, f);
        }));
        MemorySegment p = ARENA.allocate(tc_prio_qopt.layout());
        tc_prio_qopt.bands(p, 3);
        for (int i = 0; i < 16; i++) tc_prio_qopt.priomap(p, i, (byte) (i % 3));
        out.add(message(Rtnl.RTM_NEWQDISC, 3, 0, 0x50001, 1, w -> {
            w.attrString(Tca.TCA_KIND, "pfifo_fast");
            w.attrBytes(Tca.TCA_OPTIONS, p);
        }));
        return out.get(0);
    }

    @Test
    void qdiscsFromTheBindingsLayout() {
        List<byte[]> m = new ArrayList<>();
        htbTbfFifoQdiscs(m);
        Qdisc htb = TcCodec.decodeQdisc(parse(m.get(0)));
        assertEquals(new HtbQdiscOptions(0x30011, 10, 0x10, 1, 42, 1000, false), htb.options());
        assertTrue(htb.isRoot());
        assertEquals(2, htb.refcnt());
        Qdisc tbf = TcCodec.decodeQdisc(parse(m.get(1)));
        TbfOptions t = assertInstanceOf(TbfOptions.class, tbf.options());
        assertEquals(16490, t.limit());
        assertEquals(1280000, t.buffer());
        assertEquals(100000, t.mtu());
        assertEquals(250000, t.prate64());
        assertEquals(0x80050000, tbf.handle());
        Qdisc fifo = TcCodec.decodeQdisc(parse(m.get(2)));
        assertEquals(new FifoOptions(100), fifo.options());
        assertEquals(0x10010, fifo.parent());
        assertNull(TcCodec.decodeClass(parse(m.get(2))));
        PrioOptions prio = assertInstanceOf(PrioOptions.class, TcCodec.decodeQdisc(parse(m.get(3))).options());
        assertEquals(3, prio.bands());
        assertEquals(List.of(0, 1, 2, 0, 1, 2, 0, 1, 2, 0, 1, 2, 0, 1, 2, 0),
                java.util.stream.IntStream.range(0, 16).mapToObj(i -> (int) prio.priomap()[i]).toList());
    }

    static byte[] u32Message() {
        MemorySegment s = ARENA.allocate(tc_u32_sel.sizeof() + 2 * tc_u32_key.sizeof());
        tc_u32_sel.flags(s, (byte) Tca.TC_U32_TERMINAL);
        tc_u32_sel.offshift(s, (byte) 6);
        tc_u32_sel.nkeys(s, (byte) 2);
        tc_u32_sel.offmask(s, Short.reverseBytes((short) 0x0f00));
        tc_u32_sel.off(s, (short) 20);
        tc_u32_sel.offoff(s, (short) -2);
        tc_u32_sel.hoff(s, (short) 8);
        tc_u32_sel.hmask(s, Integer.reverseBytes(0xff000000));
        MemorySegment k = tc_u32_sel.asSlice(s, 0).asSlice(tc_u32_sel.keys$offset());
        for (int i = 0; i < 2; i++) {
            MemorySegment key = tc_u32_key.asSlice(k, i);
            tc_u32_key.mask(key, Integer.reverseBytes(0xffffff00));
            tc_u32_key.val(key, Integer.reverseBytes(0x0a000100 + i));
            tc_u32_key.off(key, 12 + 4 * i);
            tc_u32_key.offmask(key, 0);
        }
        return message(Rtnl.RTM_NEWTFILTER, 4, 0x80000800, 0x10000, TcCodec.filterInfo(5, Tca.ETH_P_IP), w -> {
            w.attrString(Tca.TCA_KIND, "u32");
            w.attrU32(Tca.TCA_CHAIN, 0);
            int n = w.beginNested(Tca.TCA_OPTIONS);
            w.attrBytes(Tca.TCA_U32_SEL, s);
            w.attrU32(Tca.TCA_U32_HASH, 0x80000000);
            w.attrU32(Tca.TCA_U32_CLASSID, 0x10010);
            w.attrU32(Tca.TCA_U32_FLAGS, Tca.TCA_CLS_FLAGS_NOT_IN_HW);
            w.endNested(n);
        });
    }

    @Test
    void u32FromTheBindingsLayout() {
        TcFilter f = TcCodec.decodeFilter(parse(u32Message()));
        assertEquals(Tca.ETH_P_IP, f.protocol());
        assertEquals(5, f.pref());
        assertEquals(0, f.chain());
        assertEquals("800::800", TcHandle.u32Handle(f.handle()));
        U32Options u = assertInstanceOf(U32Options.class, f.options());
        assertEquals(List.of(new U32Key(0xffffff00, 0x0a000100, 12, 0), new U32Key(0xffffff00, 0x0a000101, 16, 0)), u.keys());
        assertEquals(Tca.TC_U32_TERMINAL, u.selFlags());
        assertEquals(6, u.offshift());
        assertEquals(0x0f00, u.offmask());
        assertEquals(20, u.off());
        assertEquals(-2, u.offoff());
        assertEquals(8, u.hoff());
        assertEquals(0xff000000, u.hmask());
        assertEquals(0x80000000L, u.hash());
        assertEquals(0x10010, u.classId());
        assertEquals(Tca.TCA_CLS_FLAGS_NOT_IN_HW, u.flags());
        assertEquals(ByteOrder.nativeOrder() == ByteOrder.LITTLE_ENDIAN ? 0x0008 : 0x0800,
                TcCodec.filterInfo(0, Tca.ETH_P_IP));
    }

    // ---- round trips: what the requests encode decodes to what was asked

    private static byte[] encode(int type, NetlinkConnection.Encoder e) {
        try (MessageBuilder b = new MessageBuilder(4096, false)) {
            b.begin(type, 0);
            e.encode(b);
            b.end();
            return b.segment().toArray(ValueLayout.JAVA_BYTE);
        }
    }

    static List<byte[]> requests() throws Exception {
        List<byte[]> l = new ArrayList<>();
        l.add(encode(Rtnl.RTM_NEWQDISC, TcCodec.qdiscRequest(2, Tca.TC_H_ROOT, 0x10000, new QdiscSpec.Htb(0x20, 5, 64))));
        l.add(encode(Rtnl.RTM_NEWQDISC, TcCodec.qdiscRequest(2, Tca.TC_H_ROOT, 0,
                new QdiscSpec.Tbf(125000, 10240, 0, 50000, 250000, 2000))));
        l.add(encode(Rtnl.RTM_NEWQDISC, TcCodec.qdiscRequest(2, Tca.TC_H_ROOT, 0x30000, new QdiscSpec.Bfifo(9000))));
        l.add(encode(Rtnl.RTM_NEWQDISC, TcCodec.qdiscRequest(2, Tca.TC_H_INGRESS, Tc.INGRESS_HANDLE, new QdiscSpec.Clsact())));
        l.add(encode(Rtnl.RTM_NEWTCLASS, TcCodec.classRequest(2, 0x10000, 0x10010,
                new HtbClassSpec(125000, 1L << 33, 20000, 0, 4, 3000, 1600))));
        l.add(encode(Rtnl.RTM_NEWTFILTER, TcCodec.filterRequest(2, 0x10000, new U32FilterSpec(Tca.ETH_P_ALL, 9, 0, 3,
                0x10010, new U32Match().ip(false, InetAddress.getByName("192.0.2.0"), 24).u16(80, 0xffff, 22).keys()))));
        return l;
    }

    @Test
    void requestsDecodeToWhatWasAsked() throws Exception {
        List<byte[]> r = requests();
        Qdisc htb = TcCodec.decodeQdisc(parse(r.get(0)));
        assertEquals(new HtbQdiscOptions(Tca.TC_HTB_PROTOVER, 5, 0x20, 0, 0, 64, false), htb.options());
        assertEquals(0x10000, htb.handle());
        assertEquals("htb", htb.kind());

        TbfOptions t = (TbfOptions) TcCodec.decodeQdisc(parse(r.get(1))).options();
        assertEquals(125000, t.rate64());
        assertEquals(250000, t.prate64());
        assertEquals(10240, t.burstBytes());
        assertEquals(2000, (long) Math.rint(TcUnits.xmitSize(250000, t.mtu())));
        assertEquals(50000, Math.rint(t.latencyMicros()));
        assertEquals(Math.min(125000 * 0.05 + 10240, 250000 * 0.05 + 2000), t.limit());
        assertEquals(new RateSpec(RateTable.cellLog(2000), Tca.TC_LINKLAYER_ETHERNET, 0, -1, 0, 125000), t.rate());

        assertEquals(new FifoOptions(9000), TcCodec.decodeQdisc(parse(r.get(2))).options());
        Qdisc clsact = TcCodec.decodeQdisc(parse(r.get(3)));
        assertEquals("clsact", clsact.kind());
        assertNull(clsact.options());
        assertEquals(Tca.TC_H_INGRESS, clsact.parent());

        TcClass c = TcCodec.decodeClass(parse(r.get(4)));
        HtbClassOptions o = (HtbClassOptions) c.options();
        assertEquals(125000, o.rate64());
        assertEquals(1L << 33, o.ceil64());
        assertEquals(0xffffffffL, o.ceil().rate());
        assertEquals(20000, o.burstBytes());
        // the default cburst, ceil / HZ + mtu, in ticks (one tick at 2^33 B/s is ~550 bytes: tc loses the same)
        assertEquals(TcUnits.xmitTime(1L << 33, (1L << 33) / TcUnits.hz() + 1600), o.cbuffer());
        assertEquals(4, o.prio());
        assertEquals(3000, o.quantum());
        assertEquals(new RateSpec(3, 1, 0, -1, 0, 125000), o.rate());

        TcFilter f = TcCodec.decodeFilter(parse(r.get(5)));
        assertEquals(3, f.chain());
        assertEquals(9, f.pref());
        assertEquals(Tca.ETH_P_ALL, f.protocol());
        U32Options u = (U32Options) f.options();
        assertEquals(List.of(new U32Key(0xffffff00, 0xc0000200, 12, 0), new U32Key(0xffff, 80, 20, 0)), u.keys());
        assertEquals(0x10010, u.classId());
        assertEquals(Tca.TC_U32_TERMINAL, u.selFlags());
    }

    @Test
    void rateTableIsTcs() {
        // tc_calc_rtable for 1mbit (125000 B/s), mtu 1600 -> cell_log 3; entry i = ceil(1e6 * (i+1)*8 / 125000 * ticks/us)
        int[] t = RateTable.compute(125000, 0, RateTable.cellLog(1600));
        assertEquals(3, RateTable.cellLog(1600));
        assertEquals(3, RateTable.cellLog(2047));
        assertEquals(3, RateTable.cellLog(0));
        assertEquals(0, RateTable.cellLog(255));
        assertEquals((long) Math.ceil(64.0 * TcUnits.ticksPerMicrosecond()), t[0]);
        assertEquals((long) Math.ceil(16384.0 * TcUnits.ticksPerMicrosecond()), t[255]);
    }

    // ---- fuzz

    @Test
    void mutatedMessagesDecodeOrThrowFormatErrors() throws Exception {
        List<byte[]> corpus = new ArrayList<>(requests());
        htbTbfFifoQdiscs(corpus);
        corpus.add(htbClassMessage());
        corpus.add(u32Message());
        TcFuzz.run(corpus);
    }
}
