package dev.ffsock.netlink.route;

import dev.ffsock.Errno;
import dev.ffsock.netlink.NetlinkConnection;
import dev.ffsock.netlink.NetlinkException;
import dev.ffsock.netlink.tc.FifoOptions;
import dev.ffsock.netlink.tc.HtbClassOptions;
import dev.ffsock.netlink.tc.HtbClassSpec;
import dev.ffsock.netlink.tc.HtbQdiscOptions;
import dev.ffsock.netlink.tc.PrioOptions;
import dev.ffsock.netlink.tc.Qdisc;
import dev.ffsock.netlink.tc.QdiscSpec;
import dev.ffsock.netlink.tc.TbfOptions;
import dev.ffsock.netlink.tc.Tc;
import dev.ffsock.netlink.tc.TcClass;
import dev.ffsock.netlink.tc.TcCodec;
import dev.ffsock.netlink.tc.TcFilter;
import dev.ffsock.netlink.tc.TcFuzz;
import dev.ffsock.netlink.tc.TcHandle;
import dev.ffsock.netlink.tc.TcUnits;
import dev.ffsock.netlink.tc.Tca;
import dev.ffsock.netlink.tc.U32FilterSpec;
import dev.ffsock.netlink.tc.U32Key;
import dev.ffsock.netlink.tc.U32Match;
import dev.ffsock.netlink.tc.U32Options;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link Tc} against {@code tc -j} in a namespace of its own, on veth pairs made per test: each kind made
 * with ffsock and read back with tc, and made with tc and read with ffsock; the kernel's refusals come
 * back with its extended-ack text.
 */
class TcTest {
    private static TestNetns ns;
    private static Tc tc;
    private static final AtomicInteger PAIRS = new AtomicInteger();

    @BeforeAll
    static void setUp() throws Exception {
        ns = TestNetns.create("tc");
        tc = Tc.open(ns.name);
    }

    @AfterAll
    static void tearDown() throws Exception {
        if (tc != null) tc.close();
        if (ns != null) ns.close();
    }

    /** A new veth pair; {@return the name of its first end} */
    private static String veth() throws Exception {
        String a = "tv" + PAIRS.incrementAndGet();
        ns.ip("link", "add", a, "type", "veth", "peer", "name", a + "p");
        return a;
    }

    /** Runs {@code tc -n NS ARGS}, failing on a non-zero status; {@return stdout} */
    static String tc(String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("tc", "-n", ns.name));
        cmd.addAll(List.of(args));
        TestNetns.Result r = TestNetns.exec(cmd);
        if (r.status() != 0) throw new AssertionError(String.join(" ", cmd) + ": " + r.err());
        return r.out();
    }

    static List<Map<String, Object>> tcJson(String... args) throws Exception {
        List<String> a = new ArrayList<>(List.of("-j"));
        a.addAll(List.of(args));
        return dev.ffsock.testutil.Json.array(tc(a.toArray(String[]::new)).strip());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> options(Map<String, Object> o) {
        return (Map<String, Object>) o.get("options");
    }

    private static <T> T only(List<T> l) {
        assertEquals(1, l.size(), l::toString);
        return l.get(0);
    }

    @Test
    void htbMadeByFfsockReadByTc() throws Exception {
        String dev = veth();
        int i = tc.ifindex(dev);
        tc.addQdisc(i, Tca.TC_H_ROOT, TcHandle.parseQdiscHandle("1:"), QdiscSpec.Htb.withDefault(0x10));
        tc.addClass(i, TcHandle.parseClassId("1:"), TcHandle.parseClassId("1:10"),
                HtbClassSpec.of(TcUnits.parseRate("1mbit"), TcUnits.parseRate("2mbit")));
        tc.addClass(i, TcHandle.parseClassId("1:"), TcHandle.parseClassId("1:20"), new HtbClassSpec(
                TcUnits.parseRate("500kbit"), 0, TcUnits.parseSize("15k"), TcUnits.parseSize("3k"), 2, 1500, 1600));

        Map<String, Object> q = only(tcJson("qdisc", "show", "dev", dev));
        assertEquals("htb", q.get("kind"));
        assertEquals("1:", q.get("handle"));
        assertEquals(true, q.get("root"));
        assertEquals(Map.of("r2q", 10L, "default", "0x10", "direct_packets_stat", 0L, "direct_qlen", 1000L), options(q));

        // tc 6.1 prints classes as text even with -j: compare the line.
        String classes = tc("class", "show", "dev", dev);
        assertTrue(classes.contains("class htb 1:10 root prio 0 rate 1Mbit ceil 2Mbit burst 1600b cburst 1600b"), classes);
        assertTrue(classes.contains("class htb 1:20 root prio 2 rate 500Kbit ceil 500Kbit burst 15Kb cburst 3Kb"), classes);
        String details = tc("-d", "class", "show", "dev", dev);
        assertTrue(details.contains("class htb 1:20 root prio 2 quantum 1500 rate 500Kbit ceil 500Kbit linklayer ethernet"
                + " burst 15Kb/1 mpu 0b cburst 3Kb/1 mpu 0b level 0"), details);

        // and ffsock reads the same
        List<TcClass> cls = tc.classes(i);
        assertEquals(2, cls.size(), cls::toString);
        TcClass c = cls.stream().filter(x -> x.handle() == 0x10020).findFirst().orElseThrow();
        HtbClassOptions o = assertInstanceOf(HtbClassOptions.class, c.options());
        assertEquals(62500, o.rate64());
        assertEquals(15360, o.burstBytes());
        assertEquals(3072, o.cburstBytes());
        assertEquals(2, o.prio());
        assertEquals(1500, o.quantum());
        assertEquals(Tca.TC_H_ROOT, c.parent());
    }

    @Test
    void rates64Bit() throws Exception {
        // beyond 2^32-1 bytes/s the rate goes in TCA_HTB_RATE64/CEIL64 and TCA_TBF_RATE64, as tc sends it
        String dev = veth();
        int i = tc.ifindex(dev);
        tc.addQdisc(i, Tca.TC_H_ROOT, TcHandle.make(1, 0), QdiscSpec.Htb.withDefault(0));
        tc.addClass(i, TcHandle.make(1, 0), TcHandle.make(1, 1),
                HtbClassSpec.of(TcUnits.parseRate("40gbit"), TcUnits.parseRate("100gbit")));
        String text = tc("class", "show", "dev", dev);
        assertTrue(text.contains("rate 40Gbit ceil 100Gbit"), text);
        HtbClassOptions o = (HtbClassOptions) only(tc.classes(i)).options();
        assertEquals(5_000_000_000L, o.rate64());
        assertEquals(12_500_000_000L, o.ceil64());
        String dev2 = veth();
        tc("qdisc", "add", "dev", dev2, "root", "tbf", "rate", "50gbit", "burst", "1mb", "latency", "1ms");
        assertEquals(6_250_000_000L, ((TbfOptions) only(tc.qdiscs(tc.ifindex(dev2))).options()).rate64());
        String dev3 = veth();
        tc.addQdisc(tc.ifindex(dev3), Tca.TC_H_ROOT, 0, new QdiscSpec.Tbf(TcUnits.parseRate("50gbit"),
                TcUnits.parseSize("1mb"), 0, TcUnits.parseTime("1ms"), 0, 0));
        assertEquals(only(tcJson("qdisc", "show", "dev", dev2)).get("options"),
                only(tcJson("qdisc", "show", "dev", dev3)).get("options"));
    }

    @Test
    void htbMadeByTcReadByFfsock() throws Exception {
        String dev = veth();
        tc("qdisc", "add", "dev", dev, "root", "handle", "2:", "htb", "default", "20", "r2q", "5", "direct_qlen", "77");
        tc("class", "add", "dev", dev, "parent", "2:", "classid", "2:1", "htb", "rate", "10mbit", "ceil", "20mbit",
                "burst", "20k", "cburst", "30k", "prio", "3", "quantum", "3000");
        tc("class", "add", "dev", dev, "parent", "2:1", "classid", "2:20", "htb", "rate", "1mbit", "ceil", "10mbit");
        int i = tc.ifindex(dev);
        Qdisc q = only(tc.qdiscs(i));
        assertEquals("htb", q.kind());
        assertEquals(0x20000, q.handle());
        HtbQdiscOptions g = assertInstanceOf(HtbQdiscOptions.class, q.options());
        assertEquals(5, g.r2q());
        assertEquals(0x20, g.defaultClass());
        assertEquals(77, g.directQlen());
        assertEquals(0x30011, g.version()); // the kernel reports its own, 3.17 (tc -d prints "ver 3.17")
        List<TcClass> cls = tc.classes(i);
        TcClass top = cls.stream().filter(c -> c.handle() == 0x20001).findFirst().orElseThrow();
        TcClass leaf = cls.stream().filter(c -> c.handle() == 0x20020).findFirst().orElseThrow();
        HtbClassOptions t = (HtbClassOptions) top.options();
        assertEquals(1_250_000, t.rate64());
        assertEquals(2_500_000, t.ceil64());
        assertEquals(20480, t.burstBytes());
        assertEquals(30720, t.cburstBytes());
        assertEquals(7, t.level()); // an inner class under the root: TC_HTB_MAXDEPTH - 1
        assertTrue(tc("-d", "class", "show", "dev", dev, "classid", "2:1").contains(" level 7"));
        assertEquals(0x20001, leaf.parent());
        assertEquals(0, ((HtbClassOptions) leaf.options()).level());
        assertEquals(3, ((HtbClassOptions) top.options()).prio());
    }

    @Test
    void tbfBothWays() throws Exception {
        String dev = veth();
        int i = tc.ifindex(dev);
        tc.addQdisc(i, Tca.TC_H_ROOT, 0, new QdiscSpec.Tbf(TcUnits.parseRate("1mbit"), TcUnits.parseSize("10k"), 0,
                TcUnits.parseTime("50ms"), 0, 0));
        Map<String, Object> q = only(tcJson("qdisc", "show", "dev", dev));
        assertEquals("tbf", q.get("kind"));
        assertEquals(Map.of("rate", 125000L, "burst", 10240L, "lat", 50000L), options(q));
        TbfOptions o = assertInstanceOf(TbfOptions.class, only(tc.qdiscs(i)).options());
        assertEquals(125000, o.rate64());
        assertEquals(10240, o.burstBytes());
        assertEquals(50000, (long) o.latencyMicros());

        String dev2 = veth();
        tc("qdisc", "add", "dev", dev2, "root", "handle", "5:", "tbf", "rate", "8mbit", "burst", "32k", "limit", "100k");
        Qdisc t = only(tc.qdiscs(tc.ifindex(dev2)));
        TbfOptions o2 = (TbfOptions) t.options();
        assertEquals(1_000_000, o2.rate64());
        assertEquals(32768, o2.burstBytes());
        assertEquals(102400, o2.limit());
        assertEquals(0x50000, t.handle());
    }

    @Test
    void fifoIngressClsactBothWays() throws Exception {
        String dev = veth();
        int i = tc.ifindex(dev);
        tc.addQdisc(i, Tca.TC_H_ROOT, TcHandle.make(3, 0), new QdiscSpec.Pfifo(100));
        tc.addQdisc(i, Tca.TC_H_INGRESS, 0, new QdiscSpec.Ingress());
        List<Map<String, Object>> l = tcJson("qdisc", "show", "dev", dev);
        assertEquals(2, l.size(), l::toString);
        assertEquals(Map.of("limit", 100L), options(l.get(0)));
        assertEquals("ingress", l.get(1).get("kind"));
        assertEquals("ffff:", l.get(1).get("handle"));
        assertEquals("ffff:fff1", l.get(1).get("parent"));
        // replace at the same handle with another kind is refused (by tc too); without a handle it swaps
        NetlinkException sameHandle = assertThrows(NetlinkException.class,
                () -> tc.replaceQdisc(i, Tca.TC_H_ROOT, TcHandle.make(3, 0), new QdiscSpec.Bfifo(10000)));
        assertEquals("Invalid qdisc name: must match existing qdisc", sameHandle.extAck().message());
        tc.replaceQdisc(i, Tca.TC_H_ROOT, 0, new QdiscSpec.Bfifo(10000));
        assertEquals(Map.of("limit", 10000L), options(tcJson("qdisc", "show", "dev", dev).get(0)));
        assertEquals("bfifo", tcJson("qdisc", "show", "dev", dev).get(0).get("kind"));
        tc.deleteQdisc(i, Tca.TC_H_INGRESS, 0);
        tc.deleteQdisc(i, Tca.TC_H_ROOT, 0);
        // the default noqueue is built in: neither tc nor the kernel's dump shows it
        assertEquals(List.of(), tc.qdiscs(i));
        assertEquals(List.of(), tcJson("qdisc", "show", "dev", dev));

        String dev2 = veth();
        tc("qdisc", "add", "dev", dev2, "clsact");
        tc("qdisc", "add", "dev", dev2, "root", "pfifo", "limit", "7");
        List<Qdisc> qs = tc.qdiscs(tc.ifindex(dev2));
        Qdisc clsact = qs.stream().filter(x -> x.kind().equals("clsact")).findFirst().orElseThrow();
        assertEquals(Tc.INGRESS_HANDLE, clsact.handle());
        assertEquals(Tca.TC_H_CLSACT, clsact.parent());
        Qdisc fifo = qs.stream().filter(x -> x.kind().equals("pfifo")).findFirst().orElseThrow();
        assertEquals(7, ((FifoOptions) fifo.options()).limit());
        assertTrue(fifo.isRoot());
    }

    @Test
    void u32FilterBothWays() throws Exception {
        String dev = veth();
        int i = tc.ifindex(dev);
        tc.addQdisc(i, Tca.TC_H_ROOT, TcHandle.make(1, 0), QdiscSpec.Htb.withDefault(0x10));
        tc.addClass(i, TcHandle.make(1, 0), TcHandle.make(1, 0x10), HtbClassSpec.of(125000, 0));
        List<U32Key> keys = new U32Match().ip(true, InetAddress.getByName("10.0.0.1"), 32).keys();
        tc.addFilter(i, TcHandle.make(1, 0), new U32FilterSpec(Tca.ETH_P_IP, 1, 0, -1, TcHandle.make(1, 0x10), keys));
        // two keys: tc -j prints "match" twice in one object (not JSON a parser keeps), so that one is read as text
        List<U32Key> two = new U32Match().u32(0x0a000002, 0xffffffffL, 12).u8(5, 0xff, 3).keys();
        tc.addFilter(i, TcHandle.make(1, 0), new U32FilterSpec(Tca.ETH_P_IP, 2, 0, -1, TcHandle.make(1, 0x10), two));
        List<Map<String, Object>> l = tcJson("filter", "show", "dev", dev, "parent", "1:", "pref", "1");
        assertEquals(3, l.size(), l::toString);
        Map<String, Object> node = l.get(2);
        assertEquals("ip", node.get("protocol"));
        assertEquals(null, node.get("pref")); // tc leaves out what the request filtered on
        assertEquals("u32", node.get("kind"));
        Map<String, Object> o = options(node);
        assertEquals("800::800", o.get("fh"));
        assertEquals("1:10", o.get("flowid"));
        assertTrue(tc("filter", "show", "dev", dev, "parent", "1:").contains("*flowid 1:10"));
        String text = tc("filter", "show", "dev", dev, "parent", "1:");
        assertTrue(text.contains("match 0a000001/ffffffff at 16"), text);
        assertTrue(text.contains("match 0a000002/ffffffff at 12"), text);
        assertTrue(text.contains("match 00000005/000000ff at 0"), text);

        List<TcFilter> fs = tc.filters(i, TcHandle.make(1, 0));
        assertEquals(6, fs.size(), fs::toString);
        TcFilter f = fs.stream().filter(x -> x.pref() == 1 && x.options() instanceof U32Options uo && uo.hasSelector())
                .findFirst().orElseThrow();
        assertEquals(Tca.ETH_P_IP, f.protocol());
        assertEquals(1, f.pref());
        assertEquals(0, f.chain());
        U32Options u = assertInstanceOf(U32Options.class, f.options());
        assertEquals(keys, u.keys());
        assertEquals(0x10010, u.classId());
        assertEquals(Tca.TC_U32_TERMINAL, u.selFlags() & Tca.TC_U32_TERMINAL);
        assertTrue(fs.stream().anyMatch(x -> x.pref() == 2 && x.options() instanceof U32Options uo && uo.keys().equals(two)));

        tc("filter", "add", "dev", dev, "parent", "1:", "protocol", "all", "prio", "7", "u32", "match", "u16", "0x1234",
                "0xffff", "at", "2", "classid", "1:10");
        TcFilter g = tc.filters(i, TcHandle.make(1, 0)).stream()
                .filter(x -> x.pref() == 7 && x.options() instanceof U32Options uo && uo.hasSelector())
                .findFirst().orElseThrow();
        assertEquals(Tca.ETH_P_ALL, g.protocol());
        assertEquals(List.of(new U32Key(0xffff, 0x1234, 0, 0)), ((U32Options) g.options()).keys());

        // replace the key node in place (handle 800::800 at pref 1): the kernel takes the new class and keeps
        // the node's selector (u32 changes no keys of an existing node; tc's replace does the same)
        tc.replaceFilter(i, TcHandle.make(1, 0), new U32FilterSpec(Tca.ETH_P_IP, 1, 0x80000800, -1, TcHandle.make(1, 0x20),
                new U32Match().ip(true, InetAddress.getByName("10.9.9.9"), 32).keys()));
        String replaced = tc("filter", "show", "dev", dev, "parent", "1:", "pref", "1");
        assertTrue(replaced.contains("*flowid 1:20") && replaced.contains("match 0a000001/ffffffff at 16"), replaced);

        // the kernel's own messages, mutated: only NetlinkFormatException may come out of the decoders
        List<byte[]> corpus = new ArrayList<>();
        NetlinkConnection.Handler keep = m -> corpus.add(m.segment().toArray(java.lang.foreign.ValueLayout.JAVA_BYTE));
        tc.connection().dump(Rtnl.RTM_GETQDISC, TcCodec.dumpRequest(0, 0), keep);
        tc.connection().dump(Rtnl.RTM_GETTCLASS, TcCodec.dumpRequest(i, 0), keep);
        tc.connection().dump(Rtnl.RTM_GETTFILTER, TcCodec.dumpRequest(i, TcHandle.make(1, 0)), keep);
        assertTrue(corpus.size() >= 8, "dumped " + corpus.size());
        TcFuzz.run(corpus);

        tc.deleteFilter(i, TcHandle.make(1, 0), Tca.ETH_P_IP, 1, 0, null);
        assertEquals(6, tc.filters(i, TcHandle.make(1, 0)).size());
        tc.deleteFilter(i, TcHandle.make(1, 0), 0, 0, 0, null);
        assertEquals(0, tc.filters(i, TcHandle.make(1, 0)).size());
    }

    @Test
    void kernelRefusalsComeBackWithExtAck() throws Exception {
        String dev = veth();
        int i = tc.ifindex(dev);
        NetlinkException e = assertThrows(NetlinkException.class,
                () -> tc.addQdisc(i, Tca.TC_H_ROOT, 0, new QdiscSpec.OfKind("fq_codel_nope")));
        assertEquals("Specified qdisc kind is unknown", e.extAck().message(), e::toString);
        tc.addQdisc(i, Tca.TC_H_ROOT, TcHandle.make(1, 0), QdiscSpec.Htb.withDefault(0));
        NetlinkException dup = assertThrows(NetlinkException.class,
                () -> tc.addQdisc(i, Tca.TC_H_ROOT, TcHandle.make(1, 0), QdiscSpec.Htb.withDefault(0)));
        assertEquals(Errno.EEXIST, dup.errno(), dup::toString);
        NetlinkException cls = assertThrows(NetlinkException.class,
                () -> tc.addFilter(i, TcHandle.make(1, 0), "nosuchcls", Tca.ETH_P_ALL, 1));
        assertEquals("TC classifier not found", cls.extAck().message(), cls::toString);
        NetlinkException noClass = assertThrows(NetlinkException.class,
                () -> tc.addQdisc(i, TcHandle.make(1, 5), 0, new QdiscSpec.Pfifo(-1)));
        assertEquals("Specified class not found", noClass.extAck().message(), noClass::toString);
        NetlinkException gone = assertThrows(NetlinkException.class, () -> tc.deleteClass(i, 0, TcHandle.make(1, 9)));
        assertEquals(Errno.ENOENT, gone.errno(), gone::toString);
    }

    @Test
    void mqOnAMultiQueueVethAndItsRefusalOnLo() throws Exception {
        ns.ip("link", "add", "tmq", "numtxqueues", "2", "type", "veth", "peer", "name", "tmqp");
        int i = tc.ifindex("tmq");
        tc.addQdisc(i, Tca.TC_H_ROOT, TcHandle.make(5, 0), new QdiscSpec.OfKind("mq"));
        List<Map<String, Object>> l = tcJson("qdisc", "show", "dev", "tmq");
        List<Qdisc> qs = tc.qdiscs(i);
        assertEquals(l.size(), qs.size(), l::toString);
        assertEquals(3, qs.size(), qs::toString);
        for (int k = 0; k < qs.size(); k++) {
            Qdisc q = qs.get(k);
            assertEquals(l.get(k).get("kind"), q.kind());
            assertEquals(l.get(k).get("handle"), TcHandle.qdiscHandle(q.handle()));
            if (q.kind().equals("pfifo_fast")) {
                PrioOptions p = assertInstanceOf(PrioOptions.class, q.options());
                assertEquals(options(l.get(k)).get("bands"), (long) p.bands());
                List<Long> map = new ArrayList<>();
                for (byte b : p.priomap()) map.add((long) b);
                assertEquals(options(l.get(k)).get("priomap"), map);
                assertEquals(l.get(k).get("parent"), TcHandle.classId(q.parent()));
            }
        }
        // lo has one queue: mq refuses it (EOPNOTSUPP, without an ext-ack text on this kernel)
        NetlinkException e = assertThrows(NetlinkException.class,
                () -> tc.addQdisc(1, Tca.TC_H_ROOT, 0, new QdiscSpec.OfKind("mq")));
        assertEquals(Errno.EOPNOTSUPP, e.errno(), e::toString);
    }

    @Test
    void statsAfterTrafficAreTcs() throws Exception {
        // a link pair up with IPv6 off and a permanent neighbour: only the datagrams sent here pass the qdisc
        // (to 192.0.2.99, not an address of the namespace, so they leave through tst rather than lo)
        ns.ip("link", "add", "tst", "type", "veth", "peer", "name", "tstp");
        TestNetns.Result v6 = TestNetns.exec(List.of("ip", "netns", "exec", ns.name, "sysctl", "-q", "-w",
                "net.ipv6.conf.tst.disable_ipv6=1"));
        assertEquals(0, v6.status(), v6.err());
        ns.ip("addr", "add", "192.0.2.1/24", "dev", "tst");
        String mac = (String) ns.json("link", "show", "dev", "tstp").get(0).get("address");
        ns.ip("neigh", "add", "192.0.2.99", "lladdr", mac, "dev", "tst", "nud", "permanent");
        int i = tc.ifindex("tst");
        tc.addQdisc(i, Tca.TC_H_ROOT, TcHandle.make(1, 0), QdiscSpec.Htb.withDefault(0x10));
        tc.addClass(i, TcHandle.make(1, 0), TcHandle.make(1, 0x10), HtbClassSpec.of(TcUnits.parseRate("100mbit"), 0));
        ns.ip("link", "set", "tst", "up");
        ns.ip("link", "set", "tstp", "up");
        TestNetns.Result send = TestNetns.exec(List.of("ip", "netns", "exec", ns.name, "python3", "-c",
                "import socket\ns = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)\ns.bind(('192.0.2.1', 0))\n"
                        + "for _ in range(5): s.sendto(b'x' * 100, ('192.0.2.99', 9))"));
        assertEquals(0, send.status(), send.err());

        Map<String, Object> q = only(tcJson("-s", "qdisc", "show", "dev", "tst"));
        Qdisc mine = only(tc.qdiscs(i));
        assertEquals(5L, q.get("packets"), q::toString);
        assertEquals(q.get("packets"), mine.stats().packets());
        assertEquals(q.get("bytes"), mine.stats().bytes());
        assertEquals(5 * (100 + 28 + 14), mine.stats().bytes());
        for (String k : new String[] {"drops", "overlimits", "requeues", "backlog", "qlen"}) {
            long v = switch (k) {
                case "drops" -> mine.stats().drops();
                case "overlimits" -> mine.stats().overlimits();
                case "requeues" -> mine.stats().requeues();
                case "backlog" -> mine.stats().backlog();
                default -> mine.stats().qlen();
            };
            assertEquals(q.get(k), v, k);
        }
        TcClass c = only(tc.classes(i));
        String text = tc("-s", "class", "show", "dev", "tst");
        assertTrue(text.contains(" Sent " + c.stats().bytes() + " bytes " + c.stats().packets() + " pkt (dropped "
                + c.stats().drops() + ", overlimits " + c.stats().overlimits() + " requeues " + c.stats().requeues() + ")"),
                text);
        assertEquals(5, c.stats().packets());
        assertTrue(text.contains(" lended: " + c.xstats().lends() + " borrowed: " + c.xstats().borrows() + " giants: "
                + c.xstats().giants()), text);
    }

    @Test
    void badInputIsRefusedBeforeSending() {
        assertEquals(0x80000800, TcHandle.parseU32Handle("800::800"));
        assertEquals(0x80000000, TcHandle.parseU32Handle("800:"));
        assertEquals("800::800", TcHandle.u32Handle(TcHandle.parseU32Handle("800::800")));
        assertThrows(IllegalArgumentException.class, () -> TcHandle.parseU32Handle("1000::1"));
        assertThrows(IllegalArgumentException.class, () -> TcHandle.parseU32Handle("1:2:3:4"));
        assertThrows(IllegalArgumentException.class, () -> new HtbClassSpec(1, 0, 0xffffffffL, 0, 0, 0, 1600));
        assertThrows(IllegalArgumentException.class, () -> new QdiscSpec.Tbf(1L << 40, 10240, 0, 0xfffffffL, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> TcUnits.parseRate("1mbpx"));
        assertThrows(IllegalArgumentException.class, () -> TcUnits.parseRate("0mbit"));
        assertThrows(IllegalArgumentException.class, () -> HtbClassSpec.of(0, 0));
        assertThrows(IllegalArgumentException.class, () -> TcHandle.parseQdiscHandle("10000:"));
        assertThrows(IllegalArgumentException.class, () -> TcHandle.parseClassId("1:10000"));
        assertThrows(IllegalArgumentException.class, () -> new QdiscSpec.Tbf(125000, 10240, 0, 0, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> tc.addQdisc(1, Tca.TC_H_ROOT, TcHandle.make(1, 2),
                new QdiscSpec.Pfifo(1)));
        assertThrows(IllegalArgumentException.class, () -> tc.addQdisc(1, Tca.TC_H_ROOT, 0, new QdiscSpec.Ingress()));
        assertThrows(IllegalArgumentException.class, () -> tc.addClass(1, TcHandle.make(1, 0), TcHandle.make(2, 1),
                HtbClassSpec.of(1000, 0)));
        assertThrows(IllegalArgumentException.class, () -> new U32Match().u16(1, 0xffff, 3));
        assertThrows(IllegalArgumentException.class, () -> new U32Match().u8(1, 0xff, 0).u8(2, 0xff, 0));
        assertThrows(IllegalArgumentException.class, () -> new QdiscSpec.OfKind("a kind with spaces"));
        assertThrows(IllegalArgumentException.class, () -> tc.ifindex("x".repeat(16)));
        assertNotNull(tc);
    }
}
