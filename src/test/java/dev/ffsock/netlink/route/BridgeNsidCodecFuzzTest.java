package dev.ffsock.netlink.route;

import dev.ffsock.internal.bindings.bridge_vlan_info;
import dev.ffsock.internal.bindings.rtgenmsg;
import dev.ffsock.netlink.MessageBuilder;
import dev.ffsock.netlink.NetlinkConnection;
import dev.ffsock.netlink.NetlinkMessage;
import org.junit.jupiter.api.Test;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The issue-10 codecs: bridge ports and VLANs ({@link BridgeCodec}), fdb entries (AF_BRIDGE
 * {@link NeighCodec}) and nsids ({@link NsidCodec}). Requests encoded and decoded back (round trip),
 * then real and hand-made messages mutated and truncated: a decoder returns a record or throws
 * {@link NetlinkFormatException}, nothing else.
 */
class BridgeNsidCodecFuzzTest {
    private static byte[] build(int type, NetlinkConnection.Encoder e) {
        try (MessageBuilder b = new MessageBuilder(256, false)) {
            b.begin(type, 0);
            e.encode(b);
            b.end();
            return b.segment().toArray(ValueLayout.JAVA_BYTE);
        }
    }

    private static NetlinkMessage parse(byte[] b) {
        return NetlinkMessage.parse(MemorySegment.ofArray(b));
    }

    @Test
    void structSizesMatchTheHeaders() {
        assertEquals(bridge_vlan_info.layout().byteSize(), BridgeCodec.BRIDGE_VLAN_INFO_SIZE);
        assertEquals(bridge_vlan_info.layout().byteOffset(java.lang.foreign.MemoryLayout.PathElement.groupElement("vid")), 2);
        assertEquals((rtgenmsg.layout().byteSize() + 3) & ~3, NsidCodec.HEADER_SIZE);
    }

    @Test
    void requestsDecodeBackToWhatWasAsked() throws Exception {
        BridgePort set = BridgeCodec.decodePort(parse(build(Rtnl.RTM_NEWLINK, BridgeCodec.portSetRequest(5, 3, 7, 55))));
        assertEquals(5, set.link().index());
        assertEquals(3, set.state());
        assertEquals(7, set.priority());
        assertEquals(55, set.cost());
        BridgePort flagged = BridgeCodec.decodePort(parse(build(Rtnl.RTM_NEWLINK, BridgeCodec.portSetRequest(5, -1, -1, -1,
                java.util.Map.of(BridgePortFlag.GUARD, true, BridgePortFlag.LEARNING, false, BridgePortFlag.LOCKED, true)))));
        assertEquals(java.util.Map.of(BridgePortFlag.GUARD, true, BridgePortFlag.LEARNING, false, BridgePortFlag.LOCKED, true), flagged.flags());
        BridgePort partial = BridgeCodec.decodePort(parse(build(Rtnl.RTM_NEWLINK, BridgeCodec.portSetRequest(5, -1, -1, 9))));
        assertEquals(-1, partial.state());
        assertEquals(-1, partial.priority());
        assertEquals(9, partial.cost());

        BridgeVlan one = BridgeVlan.of(10, true, true);
        assertEquals(List.of(one), BridgeCodec.decodePort(parse(build(Rtnl.RTM_DELLINK, BridgeCodec.vlanRequest(4, one, false)))).vlans());
        BridgeVlan range = new BridgeVlan(20, 25, BridgeCodec.BRIDGE_VLAN_INFO_UNTAGGED);
        assertEquals(List.of(range), BridgeCodec.decodePort(parse(build(Rtnl.RTM_DELLINK, BridgeCodec.vlanRequest(4, range, true)))).vlans());

        FdbSpec f = FdbSpec.of("02:00:00:00:00:07", "p0").vlan(12).dst(InetAddress.ofLiteral("192.0.2.9")).master().kind(FdbSpec.Kind.STATIC);
        Neigh n = NeighCodec.decode(parse(build(Rtnl.RTM_NEWNEIGH, BridgeCodec.fdbRequest(6, f))));
        assertEquals(BridgeCodec.AF_BRIDGE, n.family());
        assertEquals(6, n.ifindex());
        assertArrayEquals(f.mac(), n.lladdr());
        assertEquals(12, n.vlan());
        assertEquals(InetAddress.ofLiteral("192.0.2.9"), n.dst());
        assertEquals(Rtnl.NUD_NOARP | Rtnl.NUD_REACHABLE, n.state().bits());
        assertEquals(Rtnl.NTF_MASTER, n.flags());
        assertEquals(Rtnl.NTF_SELF, FdbSpec.of("02:00:00:00:00:07", "p0").ndmFlags(), "self unless master, as bridge fdb");

        NetnsId id = NsidCodec.decode(parse(build(Rtnl.RTM_NEWNSID, NsidCodec.setRequest(9, 42))));
        assertEquals(42, id.nsid());
        assertNull(id.currentNsid());
        assertEquals(1, id.raw().size(), "NETNSA_FD kept raw");
        NeighSpec proxy = NeighSpec.of("n0", InetAddress.ofLiteral("2001:db8::1")).proxy().router();
        assertEquals(Rtnl.NTF_PROXY | Rtnl.NTF_ROUTER, proxy.flags());
    }

    @Test
    void badValuesAreRefusedBeforeEncoding() {
        for (int vid : new int[] {0, 4095, -1, 65536}) {
            assertThrows(() -> BridgeVlan.of(vid, false, false));
            assertThrows(() -> FdbSpec.of("02:00:00:00:00:07", "p0").vlan(vid));
        }
        assertThrows(() -> FdbSpec.of("02:00:00:00:07", "p0"));
        assertThrows(() -> FdbSpec.of("02:00:00:00:00:07:08", "p0"));
        assertThrows(() -> FdbSpec.of("02:00:00:00:00:zz", "p0"));
        assertThrows(() -> BridgeCodec.portSetRequest(1, 5, -1, -1));
        assertThrows(() -> BridgeCodec.portSetRequest(1, -1, -1, 65536));
        assertThrows(() -> BridgeCodec.vlanRequest(1, new BridgeVlan(2, 3, BridgeCodec.BRIDGE_VLAN_INFO_PVID), false));
    }

    private static void assertThrows(Runnable r) {
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, r::run);
    }

    /** An AF_BRIDGE port as the kernel sends it with RTEXT_FILTER_BRVLAN (this kernel has no VLAN filtering to dump one). */
    private static byte[] handMadePort() {
        return build(Rtnl.RTM_NEWLINK, w -> {
            LinkCodec.header(w, BridgeCodec.AF_BRIDGE, 4);
            w.attrString(Rtnl.IFLA_IFNAME, "p0");
            w.attrU32(Rtnl.IFLA_MASTER, 2);
            w.attrU32(Rtnl.IFLA_MTU, 1500);
            int p = w.beginNested(Rtnl.IFLA_PROTINFO);
            w.attrU8(BridgeCodec.IFLA_BRPORT_STATE, 3);
            w.attrU16(BridgeCodec.IFLA_BRPORT_PRIORITY, 32);
            w.attrU32(BridgeCodec.IFLA_BRPORT_COST, 2);
            w.attrU8(BridgePortFlag.LEARNING.attribute(), 1);
            w.attrU8(BridgeCodec.IFLA_BRPORT_MULTICAST_ROUTER, 1);
            w.attrU16(31, 0); // IFLA_BRPORT_GROUP_FWD_MASK: kept raw
            w.endNested(p);
            int s = w.beginNested(Rtnl.IFLA_AF_SPEC);
            w.attrBytes(BridgeCodec.IFLA_BRIDGE_VLAN_INFO, new byte[] {6, 0, 1, 0});
            w.attrBytes(BridgeCodec.IFLA_BRIDGE_VLAN_INFO, new byte[] {8, 0, 20, 0});
            w.attrBytes(BridgeCodec.IFLA_BRIDGE_VLAN_INFO, new byte[] {16, 0, 25, 0});
            w.endNested(s);
        });
    }

    @Test
    void mutatedMessagesDecodeOrThrowFormatErrors() throws Exception {
        List<byte[]> corpus = new ArrayList<>();
        byte[] port = handMadePort();
        BridgePort decoded = BridgeCodec.decodePort(parse(port));
        assertEquals(List.of(new BridgeVlan(1, 1, 6), new BridgeVlan(20, 25, 0)), decoded.vlans());
        assertEquals(1, decoded.protinfo().size());
        assertEquals(java.util.Map.of(BridgePortFlag.LEARNING, true), decoded.flags());
        assertEquals(1, decoded.multicastRouter());
        corpus.add(port);
        corpus.add(build(Rtnl.RTM_NEWNEIGH, BridgeCodec.fdbRequest(6, FdbSpec.of("02:00:00:00:00:07", "p0").vlan(12))));
        corpus.add(build(Rtnl.RTM_NEWNSID, w -> {
            w.putU8(0).putU8(0).putU16(0);
            w.attrU32(NsidCodec.NETNSA_NSID, 3);
            w.attrU32(NsidCodec.NETNSA_CURRENT_NSID, 1);
        }));
        NetlinkConnection.Handler keep = m -> corpus.add(m.segment().toArray(ValueLayout.JAVA_BYTE));
        try (TestNetns ns = TestNetns.create("brfuzz")) {
            ns.ip("link", "add", "br0", "type", "bridge");
            ns.ip("link", "add", "p0", "type", "veth", "peer", "name", "q0");
            ns.ip("link", "set", "p0", "master", "br0");
            ns.ip("link", "set", "p0", "up");
            try (NetlinkConnection c = ns.connect()) {
                c.dump(Rtnl.RTM_GETLINK, BridgeCodec.portDumpRequest(BridgeCodec.RTEXT_FILTER_BRVLAN), keep);
                c.dump(Rtnl.RTM_GETNEIGH, NeighCodec.dumpRequest(BridgeCodec.AF_BRIDGE, 0), keep);
                c.dump(Rtnl.RTM_GETNSID, NsidCodec.dumpRequest(), keep);
            }
        }
        assertTrue(corpus.size() > 5, "corpus of " + corpus.size());
        List<Function<NetlinkMessage, Object>> decoders = List.of(BridgeCodec::decodePort, NeighCodec::decode, NsidCodec::decode);
        dev.ffsock.netlink.CodecFuzz.Counts o = dev.ffsock.netlink.CodecFuzz.run(corpus, decoders);
        int records = o.decoded(), formatErrors = o.formatErrors();
        assertTrue(records > 1000 && formatErrors > 100, records + " records, " + formatErrors + " format errors");
    }
}
