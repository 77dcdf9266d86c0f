package dev.ffsock.netlink.route;

import dev.ffsock.internal.bindings.fib_rule_hdr;
import dev.ffsock.internal.bindings.fib_rule_port_range;
import dev.ffsock.internal.bindings.fib_rule_uid_range;
import dev.ffsock.internal.bindings.nexthop_grp;
import dev.ffsock.internal.bindings.nhmsg;
import dev.ffsock.netlink.MessageBuilder;
import dev.ffsock.netlink.NetlinkConnection;
import dev.ffsock.netlink.NetlinkFormatException;
import dev.ffsock.netlink.NetlinkMessage;
import dev.ffsock.netlink.PayloadWriter;
import org.junit.jupiter.api.Test;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The rule, nexthop-object and route-get codecs: struct sizes against the generated bindings, each
 * encoder's output decoded back to what was asked, then real dumps (from a namespace with rules and
 * nexthops in it) and the encoded messages mutated and truncated: the decoders return a record or
 * throw {@link NetlinkFormatException}, nothing else.
 */
class RuleNexthopCodecTest {
    @Test
    void structSizesMatchTheHeaders() {
        assertEquals(fib_rule_hdr.layout().byteSize(), RuleCodec.FIB_RULE_HDR_SIZE);
        assertEquals(fib_rule_uid_range.layout().byteSize(), RuleCodec.UID_RANGE_SIZE);
        assertEquals(fib_rule_port_range.layout().byteSize(), RuleCodec.PORT_RANGE_SIZE);
        assertEquals(nhmsg.layout().byteSize(), NexthopCodec.NHMSG_SIZE);
        assertEquals(nexthop_grp.layout().byteSize(), NexthopCodec.NEXTHOP_GRP_SIZE);
        assertEquals(fib_rule_hdr.action$offset(), 7);
        assertEquals(fib_rule_hdr.flags$offset(), 8);
        assertEquals(nhmsg.nh_flags$offset(), 4);
        assertEquals(nexthop_grp.weight$offset(), 4);
    }

    private static byte[] message(int type, Consumer<PayloadWriter> body) {
        try (MessageBuilder b = new MessageBuilder(512, false)) {
            b.begin(type, 0);
            body.accept(b);
            b.end();
            return b.segment().toArray(ValueLayout.JAVA_BYTE);
        }
    }

    private static NetlinkMessage parse(byte[] b) {
        return NetlinkMessage.parse(MemorySegment.ofArray(b));
    }

    private static byte[] fullRule() {
        RuleSpec s = RuleSpec.ipv4().not().from("10.0.0.0/8").to("10.1.0.0/16").fwmark(0x10, 0xff).iif("lo").oif("v0")
                .uidRange(UidRange.of(1, 10)).sport(PortRange.of(100, 200)).dport(PortRange.of(300, 300)).ipProto(6)
                .tos(0x10).protocol(99).priority(1100).table(1000).suppressPrefixLength(0).suppressIfgroup(5);
        return message(Rtnl.RTM_NEWRULE, w -> RuleCodec.encode(w, s, true));
    }

    @Test
    void ruleRoundTrip() {
        Rule r = RuleCodec.decode(parse(fullRule()));
        assertEquals(2, r.family());
        assertTrue(r.inverted());
        assertEquals("10.0.0.0", r.src().getHostAddress());
        assertEquals(8, r.srcLen());
        assertEquals("10.1.0.0", r.dst().getHostAddress());
        assertEquals(16, r.dstLen());
        assertEquals(0x10, r.fwmark());
        assertEquals(0xff, r.fwmask());
        assertEquals("lo", r.iifName());
        assertEquals("v0", r.oifName());
        assertEquals(new UidRange(1, 10), r.uidRange());
        assertEquals(new PortRange(100, 200), r.sportRange());
        assertEquals(new PortRange(300, 300), r.dportRange());
        assertEquals(6, r.ipProto());
        assertEquals(0x10, r.tos());
        assertEquals(99, r.protocol());
        assertEquals(1100, r.priority());
        assertEquals(1000, r.table());
        assertEquals(0, r.suppressPrefixLen());
        assertEquals(5, r.suppressIfgroup());
        assertEquals(RuleAction.TO_TBL, r.action());
        assertEquals(List.of(), r.raw());

        Rule g = RuleCodec.decode(parse(message(Rtnl.RTM_NEWRULE,
                w -> RuleCodec.encode(w, RuleSpec.ipv6().priority(5).goTo(10), true))));
        assertEquals(10, g.family());
        assertEquals(RuleAction.GOTO, g.action());
        assertEquals(10, g.gotoTarget());
        assertEquals(0, g.table(), "a goto rule has no table");
        Rule main = RuleCodec.decode(parse(message(Rtnl.RTM_NEWRULE, w -> RuleCodec.encode(w, RuleSpec.ipv4(), true))));
        assertEquals(Rtnl.RT_TABLE_MAIN, main.table(), "ip's default: lookup main, in the header");
        Rule del = RuleCodec.decode(parse(message(Rtnl.RTM_DELRULE, w -> RuleCodec.encode(w, RuleSpec.ipv4().priority(7), false))));
        assertEquals(FibRules.FR_ACT_UNSPEC, del.action().value(), "a delete matches any action");
        assertEquals(0, del.table());
        assertNull(RuleCodec.decode(parse(message(Rtnl.RTM_NEWROUTE, w -> w.putZeros(12)))));
    }

    private static byte[] groupNexthop() {
        NexthopObjectSpec s = NexthopObjectSpec.id(10).group(new NexthopGroupMember(1, 1), new NexthopGroupMember(2, 256))
                .resilient(8, 60, 5);
        return message(Rtnl.RTM_NEWNEXTHOP, w -> NexthopCodec.encode(w, s, 0));
    }

    @Test
    void nexthopRoundTrip() {
        Nexthop g = NexthopCodec.decode(parse(groupNexthop()));
        assertEquals(10, g.id());
        assertEquals(0, g.family());
        assertEquals(List.of(new NexthopGroupMember(1, 1), new NexthopGroupMember(2, 256)), g.group());
        assertEquals(NexthopConstants.NEXTHOP_GRP_TYPE_RES, g.groupType());
        assertEquals(new NexthopResilience(8, 6000, 500, 0), g.resilience());
        NexthopObjectSpec s = NexthopObjectSpec.id(0xffff_fffeL).via("2001:db8::2").dev("v0").onlink().protocol(4);
        Nexthop n = NexthopCodec.decode(parse(message(Rtnl.RTM_NEWNEXTHOP, w -> NexthopCodec.encode(w, s, 7))));
        assertEquals(0xffff_fffeL, Integer.toUnsignedLong(n.id()));
        assertEquals(10, n.family());
        assertEquals("2001:db8:0:0:0:0:0:2", n.gateway().getHostAddress());
        assertEquals(7, n.oif());
        assertEquals(Rtnl.RTNH_F_ONLINK, n.flags());
        assertEquals(4, n.protocol().value());
        Nexthop b = NexthopCodec.decode(parse(message(Rtnl.RTM_NEWNEXTHOP,
                w -> NexthopCodec.encode(w, NexthopObjectSpec.id(3).blackhole().family(10), 0))));
        assertTrue(b.blackhole());
        assertEquals(10, b.family());
        Nexthop f = NexthopCodec.decode(parse(message(Rtnl.RTM_NEWNEXTHOP,
                w -> NexthopCodec.encode(w, NexthopObjectSpec.id(4).via("192.0.2.1").fdb(), 0))));
        assertTrue(f.fdb());
        assertEquals(List.of(), f.raw());
        // a group whose length is not a multiple of nexthop_grp stays raw
        Nexthop bad = NexthopCodec.decode(parse(message(Rtnl.RTM_NEWNEXTHOP, w -> {
            w.putZeros(NexthopCodec.NHMSG_SIZE);
            w.attrBytes(NexthopConstants.NHA_GROUP, new byte[] {1, 0, 0, 0, 0});
        })));
        assertTrue(bad.group().isEmpty());
        assertEquals(1, bad.raw().size());
    }

    @Test
    void routeQueryEncodesWhatIpRouteGetSends() {
        RouteQuery q = RouteQuery.to("198.51.100.7").from("192.0.2.1").mark(5).uid(7).tos(0x10).fibMatch();
        Route r = RouteCodec.decode(parse(message(Rtnl.RTM_NEWROUTE, w -> q.encode(w, 3, 4))));
        assertEquals("198.51.100.7", r.dst().getHostAddress());
        assertEquals(32, r.dstLen());
        assertEquals("192.0.2.1", r.src().getHostAddress());
        assertEquals(32, r.srcLen());
        assertEquals(3, r.iif());
        assertEquals(4, r.oif());
        assertEquals(5, r.mark());
        assertEquals(7, r.uid());
        assertEquals(0x10, r.tos());
        assertEquals(Rtnl.RTM_F_LOOKUP_TABLE | Rtnl.RTM_F_FIB_MATCH, r.flags());
    }

    @Test
    void mutatedMessagesDecodeOrThrowFormatErrors() throws Exception {
        List<byte[]> corpus = new ArrayList<>(List.of(fullRule(), groupNexthop()));
        try (TestNetns ns = TestNetns.create("nhfuzz"); NetlinkConnection c = ns.connect()) {
            ns.ip("link", "add", "v0", "type", "veth", "peer", "name", "v1");
            ns.ip("link", "set", "v0", "up");
            ns.ip("link", "set", "v1", "up");
            ns.ip("addr", "add", "192.0.2.1/24", "dev", "v0");
            ns.ip("nexthop", "add", "id", "1", "via", "192.0.2.2", "dev", "v0");
            ns.ip("nexthop", "add", "id", "2", "blackhole");
            ns.ip("nexthop", "add", "id", "3", "group", "1,3");
            ns.ip("nexthop", "add", "id", "4", "group", "1", "type", "resilient", "buckets", "4");
            ns.ip("rule", "add", "from", "10.0.0.0/8", "fwmark", "1/3", "uidrange", "1-2", "sport", "5-6", "pref", "10", "table", "300");
            NetlinkConnection.Handler keep = m -> corpus.add(m.segment().toArray(ValueLayout.JAVA_BYTE));
            c.dump(Rtnl.RTM_GETRULE, RuleCodec.dumpRequest(0), keep);
            c.dump(Rtnl.RTM_GETNEXTHOP, NexthopCodec.dumpRequest(0), keep);
        }
        assertTrue(corpus.size() > 10, "corpus of " + corpus.size());
        List<Function<NetlinkMessage, Object>> decoders = List.of(RuleCodec::decode, NexthopCodec::decode);
        for (byte[] b : corpus) {
            int decoded = 0;
            for (var d : decoders) if (d.apply(parse(b)) != null) decoded++;
            assertEquals(1, decoded, "one decoder per message type");
        }
        long seed = Long.getLong("ffsock.fuzz.seed", System.nanoTime());
        Random rnd = new Random(seed);
        int records = 0;
        for (int i = 0; i < 30_000; i++) {
            byte[] b = corpus.get(rnd.nextInt(corpus.size())).clone();
            int flips = 1 + rnd.nextInt(8);
            for (int f = 0; f < flips; f++) {
                int at = 16 + rnd.nextInt(Math.max(1, b.length - 16));
                if (at < b.length) b[at] = (byte) (rnd.nextInt(4) == 0 ? 0xff : rnd.nextInt(256));
            }
            int len = rnd.nextInt(3) == 0 ? 16 + rnd.nextInt(b.length - 15) : b.length;
            byte[] cut = Arrays.copyOf(b, len);
            MemorySegment s = MemorySegment.ofArray(cut);
            s.set(ValueLayout.JAVA_INT_UNALIGNED, 0, len);
            NetlinkMessage m = NetlinkMessage.parse(s);
            for (var d : decoders) {
                try {
                    if (d.apply(m) != null) records++;
                } catch (NetlinkFormatException e) {
                    // the one exception allowed
                } catch (RuntimeException e) {
                    throw new AssertionError("seed " + seed + ": " + e + " on " + java.util.HexFormat.of().formatHex(cut), e);
                }
            }
        }
        assertTrue(records > 1000, "most mutations still decode: " + records);
    }
}
