package dev.ffsock.netlink.route;

import dev.ffsock.internal.bindings.LinuxC;
import dev.ffsock.internal.bindings.ifinfomsg;
import dev.ffsock.internal.bindings.ifla_bridge_id;
import dev.ffsock.internal.bindings.br_boolopt_multi;
import dev.ffsock.internal.bindings.ifla_vxlan_port_range;
import dev.ffsock.netlink.Attributes;
import dev.ffsock.netlink.MessageBuilder;
import dev.ffsock.netlink.Netlink;
import dev.ffsock.netlink.NetlinkConnection;
import dev.ffsock.netlink.NetlinkFormatException;
import dev.ffsock.netlink.NetlinkMessage;
import dev.ffsock.netlink.PayloadWriter;
import org.junit.jupiter.api.Test;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The link requests' bytes against the uapi layout (constants and struct sizes from the generated
 * bindings, i.e. from linux/if_link.h, veth.h, if_bonding.h), for every kind, including those this
 * kernel lacks (vlan, bond, dummy); spec → bytes → {@link Link#details()} round trips; and the
 * details decoder on real and mutated dumps of every kind: a record or {@link NetlinkFormatException}.
 */
class LinkCodecKindsTest {
    private static final LinkRequestCodec.Resolved NONE = LinkRequestCodec.Resolved.NONE;

    private static byte[] message(int type, Consumer<PayloadWriter> payload) {
        try (MessageBuilder b = new MessageBuilder(512, false)) {
            b.begin(type, Netlink.NLM_F_REQUEST);
            payload.accept(b);
            b.end();
            return b.segment().toArray(ValueLayout.JAVA_BYTE);
        }
    }

    private static byte[] newLink(LinkSpec s, LinkRequestCodec.Resolved r) {
        return message(Rtnl.RTM_NEWLINK, w -> LinkRequestCodec.newLink(w, s, r));
    }

    /** The top-level attributes of a link message, by type (values copied). */
    private static Map<Integer, byte[]> attrs(byte[] msg) {
        NetlinkMessage m = NetlinkMessage.parse(MemorySegment.ofArray(msg));
        return attrs(m.attributes((int) ifinfomsg.layout().byteSize()));
    }

    private static Map<Integer, byte[]> attrs(Attributes a) {
        Map<Integer, byte[]> out = new LinkedHashMap<>();
        while (a.next()) out.put(a.type(), a.bytes());
        return out;
    }

    private static Map<Integer, byte[]> nest(byte[] value) {
        return attrs(Attributes.of(MemorySegment.ofArray(value)));
    }

    private static Map<Integer, byte[]> infoData(byte[] msg) {
        return nest(nest(attrs(msg).get(LinuxC.IFLA_LINKINFO())).get(LinuxC.IFLA_INFO_DATA()));
    }

    private static String kind(byte[] msg) {
        byte[] k = nest(attrs(msg).get(LinuxC.IFLA_LINKINFO())).get(LinuxC.IFLA_INFO_KIND());
        return new String(k, 0, k.length - 1, java.nio.charset.StandardCharsets.US_ASCII);
    }

    private static int u32(byte[] b) {
        assertEquals(4, b.length);
        return MemorySegment.ofArray(b).get(ValueLayout.JAVA_INT_UNALIGNED, 0);
    }

    private static int u16(byte[] b) {
        assertEquals(2, b.length);
        return Short.toUnsignedInt(MemorySegment.ofArray(b).get(ValueLayout.JAVA_SHORT_UNALIGNED, 0));
    }

    @Test
    void structSizesMatchTheHeaders() {
        assertEquals(ifla_bridge_id.layout().byteSize(), BridgeId.SIZE);
        assertEquals(8, br_boolopt_multi.layout().byteSize(), "decoded as two u32");
        assertEquals(4, ifla_vxlan_port_range.layout().byteSize(), "decoded as two be16");
        assertEquals(ifinfomsg.layout().byteSize(), RtnetlinkChanges.IFINFOMSG_SIZE);
        for (int m = 0; m < BondSpec.MODES.size(); m++) assertEquals(m, BondSpec.mode(BondSpec.MODES.get(m)).mode());
        assertEquals(LinuxC.BOND_MODE_8023AD(), BondSpec.mode("802.3ad").mode());
        assertEquals(LinuxC.BOND_MODE_ALB(), BondSpec.mode("balance-alb").mode());
        assertEquals(LinuxC.BOND_MODE_ACTIVEBACKUP(), BondSpec.mode("active-backup").mode());
    }

    @Test
    void vlanBondAndDummyAreLaidOutAsTheHeadersSay() {
        byte[] vlan = newLink(LinkSpec.of("e0.5", new VlanSpec("e0", 5, 0x88a8)), new LinkRequestCodec.Resolved(0, 7, 0, -1, -1, -1, -1));
        assertEquals("vlan", kind(vlan));
        assertEquals(7, u32(attrs(vlan).get(LinuxC.IFLA_LINK())));
        assertEquals(5, u16(infoData(vlan).get(LinuxC.IFLA_VLAN_ID())));
        assertArrayEquals(new byte[] {(byte) 0x88, (byte) 0xa8}, infoData(vlan).get(LinuxC.IFLA_VLAN_PROTOCOL()), "big-endian");

        byte[] bond = newLink(LinkSpec.of("bond0", BondSpec.mode("active-backup")), NONE);
        assertEquals("bond", kind(bond));
        assertArrayEquals(new byte[] {(byte) LinuxC.BOND_MODE_ACTIVEBACKUP()}, infoData(bond).get(LinuxC.IFLA_BOND_MODE()));

        byte[] dummy = newLink(LinkSpec.of("d0", PlainKind.DUMMY).mtu(9000).txqlen(10), NONE);
        assertEquals("dummy", kind(dummy));
        assertNull(nest(attrs(dummy).get(LinuxC.IFLA_LINKINFO())).get(LinuxC.IFLA_INFO_DATA()), "no data for a plain kind");
        assertEquals(9000, u32(attrs(dummy).get(LinuxC.IFLA_MTU())));
        assertEquals(10, u32(attrs(dummy).get(LinuxC.IFLA_TXQLEN())));
        assertArrayEquals("d0\0".getBytes(), attrs(dummy).get(LinuxC.IFLA_IFNAME()));
        byte[] header = Arrays.copyOfRange(dummy, 16, 16 + (int) ifinfomsg.layout().byteSize());
        assertArrayEquals(new byte[header.length], header, "a zeroed ifinfomsg");
    }

    @Test
    void vethPeerNestCarriesItsOwnIfinfomsgAndNamespace() {
        byte[] veth = newLink(LinkSpec.of("va", new VethSpec("vb", NetnsRef.fd(9))).master("br0").address(new byte[] {2, 0, 0, 0, 0, 1}),
                new LinkRequestCodec.Resolved(4, 0, 0, -1, 321, 9, -1));
        assertEquals(4, u32(attrs(veth).get(LinuxC.IFLA_MASTER())));
        assertEquals(321, u32(attrs(veth).get(LinuxC.IFLA_NET_NS_PID())));
        assertArrayEquals(new byte[] {2, 0, 0, 0, 0, 1}, attrs(veth).get(LinuxC.IFLA_ADDRESS()));
        byte[] peer = infoData(veth).get(LinuxC.VETH_INFO_PEER());
        int hdr = (int) ifinfomsg.layout().byteSize();
        assertArrayEquals(new byte[hdr], Arrays.copyOf(peer, hdr));
        Map<Integer, byte[]> p = attrs(Attributes.of(MemorySegment.ofArray(peer).asSlice(hdr)));
        assertArrayEquals("vb\0".getBytes(), p.get(LinuxC.IFLA_IFNAME()));
        assertEquals(9, u32(p.get(LinuxC.IFLA_NET_NS_FD())));
    }

    @Test
    void vxlanAndBridgeAttributes() throws Exception {
        byte[] vx = newLink(LinkSpec.of("vx6", VxlanSpec.id(0xABCDEF).dstport(4789).remote(InetAddress.ofLiteral("2001:db8::1"))
                .local(InetAddress.ofLiteral("2001:db8::2")).ttl(9).learning(true).checksums(true, false, true)),
                new LinkRequestCodec.Resolved(0, 0, 3, -1, -1, -1, -1));
        Map<Integer, byte[]> d = infoData(vx);
        assertEquals(0xABCDEF, u32(d.get(LinuxC.IFLA_VXLAN_ID())));
        assertArrayEquals(InetAddress.ofLiteral("2001:db8::1").getAddress(), d.get(LinuxC.IFLA_VXLAN_GROUP6()));
        assertArrayEquals(InetAddress.ofLiteral("2001:db8::2").getAddress(), d.get(LinuxC.IFLA_VXLAN_LOCAL6()));
        assertFalse(d.containsKey(LinuxC.IFLA_VXLAN_GROUP()));
        assertEquals(3, u32(d.get(LinuxC.IFLA_VXLAN_LINK())));
        assertArrayEquals(new byte[] {0x12, (byte) 0xb5}, d.get(LinuxC.IFLA_VXLAN_PORT()), "4789 big-endian");
        assertArrayEquals(new byte[] {9}, d.get(LinuxC.IFLA_VXLAN_TTL()));
        assertArrayEquals(new byte[] {1}, d.get(LinuxC.IFLA_VXLAN_LEARNING()));
        assertArrayEquals(new byte[] {0}, d.get(LinuxC.IFLA_VXLAN_UDP_ZERO_CSUM6_TX()));

        byte[] br = newLink(LinkSpec.of("br0", BridgeSpec.defaults().stp(true).forwardDelay(1500).ageingTime(30000)
                .vlanFiltering(true).vlanDefaultPvid(7).mcastSnooping(false)), NONE);
        d = infoData(br);
        assertEquals(1, u32(d.get(LinuxC.IFLA_BR_STP_STATE())));
        assertEquals(1500, u32(d.get(LinuxC.IFLA_BR_FORWARD_DELAY())));
        assertEquals(30000, u32(d.get(LinuxC.IFLA_BR_AGEING_TIME())));
        assertArrayEquals(new byte[] {1}, d.get(LinuxC.IFLA_BR_VLAN_FILTERING()));
        assertEquals(7, u16(d.get(LinuxC.IFLA_BR_VLAN_DEFAULT_PVID())));
        assertArrayEquals(new byte[] {0}, d.get(LinuxC.IFLA_BR_MCAST_SNOOPING()));
        assertEquals(LinuxC.MACVLAN_MODE_PASSTHRU(), u32(infoData(newLink(LinkSpec.of("m", MacvlanSpec.macvlan("e0",
                MacvlanMode.PASSTHRU)), NONE)).get(LinuxC.IFLA_MACVLAN_MODE())));
    }

    @Test
    void linkSetCarriesFlagsAndOneAttributePerChange() {
        LinkChange c = LinkChange.none().up(true).promisc(false).arp(false).mtu(1280).name("n1").alias("a").txqlen(5).group(0xFFFFFFFFL);
        byte[] m = message(Rtnl.RTM_NEWLINK, w -> LinkRequestCodec.setLink(w, 12, c, 0, 5, -1));
        MemorySegment h = MemorySegment.ofArray(m).asSlice(16);
        assertEquals(12, h.get(ValueLayout.JAVA_INT_UNALIGNED, ifinfomsg.layout().byteOffset(
                java.lang.foreign.MemoryLayout.PathElement.groupElement("ifi_index"))));
        int flags = h.get(ValueLayout.JAVA_INT_UNALIGNED, 8), change = h.get(ValueLayout.JAVA_INT_UNALIGNED, 12);
        assertEquals(LinuxC.IFF_UP() | LinuxC.IFF_PROMISC() | LinuxC.IFF_NOARP(), change);
        assertEquals(LinuxC.IFF_UP() | LinuxC.IFF_NOARP(), flags);
        Map<Integer, byte[]> a = attrs(m);
        assertEquals(1280, u32(a.get(LinuxC.IFLA_MTU())));
        assertArrayEquals("n1\0".getBytes(), a.get(LinuxC.IFLA_IFNAME()));
        assertArrayEquals("a\0".getBytes(), a.get(LinuxC.IFLA_IFALIAS()));
        assertEquals(5, u32(a.get(LinuxC.IFLA_TXQLEN())));
        assertEquals(-1, u32(a.get(LinuxC.IFLA_GROUP())));
        assertEquals(0, u32(a.get(LinuxC.IFLA_MASTER())), "nomaster");
        assertEquals(5, u32(a.get(LinuxC.IFLA_NET_NS_FD())));
        byte[] none = message(Rtnl.RTM_NEWLINK, w -> LinkRequestCodec.setLink(w, 12, LinkChange.none(), -1, -1, -1));
        assertTrue(attrs(none).isEmpty(), "nothing changed, nothing sent");
    }

    /** A request's IFLA_LINKINFO, read back as the kernel's message would be: the spec round-trips. */
    private static LinkInfo roundTrip(LinkSpec s) {
        byte[] req = newLink(s, new LinkRequestCodec.Resolved(0, 0, 2, -1, -1, -1, -1));
        Link l = LinkCodec.decode(NetlinkMessage.parse(MemorySegment.ofArray(req)));
        return l.details().info();
    }

    @Test
    void specsRoundTripThroughTheDetailsDecoder() throws Exception {
        BridgeInfo b = assertInstanceOf(BridgeInfo.class, roundTrip(LinkSpec.of("br0", BridgeSpec.defaults().stp(true).forwardDelay(300)
                .ageingTime(4000).vlanFiltering(true).vlanDefaultPvid(9).mcastSnooping(true))).data());
        assertEquals(List.of(1L, 300L, 4000L, 1L, 9L, 1L), List.of(b.stpState(), b.forwardDelay(), b.ageingTime(), b.vlanFiltering(),
                b.vlanDefaultPvid(), b.mcastSnooping()));
        assertEquals(-1, b.helloTime(), "absent");
        VxlanInfo v = assertInstanceOf(VxlanInfo.class, roundTrip(LinkSpec.of("vx", VxlanSpec.id(77).dstport(8472)
                .group(InetAddress.ofLiteral("239.2.2.2")).local(InetAddress.ofLiteral("192.0.2.9")).dev("e0").ttl(3).learning(false)
                .checksums(false, true, false))).data());
        assertEquals(77, v.id());
        assertEquals(8472, v.port());
        assertEquals(InetAddress.ofLiteral("239.2.2.2"), v.group());
        assertEquals(InetAddress.ofLiteral("192.0.2.9"), v.local());
        assertEquals(2, v.link());
        assertEquals(3, v.ttl());
        assertEquals(List.of(false, false, true, false), List.of(v.learning(), v.udpCsum(), v.udpZeroCsum6Tx(), v.udpZeroCsum6Rx()));
        MacvlanInfo m = assertInstanceOf(MacvlanInfo.class, roundTrip(LinkSpec.of("mt", MacvlanSpec.macvtap("e0", MacvlanMode.SOURCE))).data());
        assertEquals(MacvlanMode.SOURCE.value(), m.mode());
        OtherKindInfo vlan = assertInstanceOf(OtherKindInfo.class, roundTrip(LinkSpec.of("e0.9", new VlanSpec("e0", 9, null))).data());
        assertEquals(List.of(new RawAttribute(LinuxC.IFLA_VLAN_ID(), new byte[] {9, 0})), vlan.attributes());
        LinkInfo ifb = roundTrip(LinkSpec.of("i", PlainKind.IFB));
        assertEquals("ifb", ifb.kind());
        assertNull(ifb.data());
    }

    @Test
    void bridgeIdPrintsAsIpDoes() {
        assertEquals("8000.e:c7:9d:59:7b:57", BridgeId.of(new byte[] {(byte) 0x80, 0, 0x0e, (byte) 0xc7, (byte) 0x9d, 0x59, 0x7b, 0x57})
                .toString());
    }

    @Test
    void mutatedDumpsOfEveryKindDecodeOrThrowFormatErrors() throws Exception {
        List<byte[]> corpus = new ArrayList<>();
        try (TestNetns ns = TestNetns.create("kfuzz")) {
            ns.ip("link", "add", "v0", "type", "veth", "peer", "name", "v1");
            ns.ip("link", "add", "br0", "type", "bridge");
            ns.ip("link", "set", "v0", "master", "br0");
            ns.ip("link", "add", "vx0", "type", "vxlan", "id", "5", "remote", "192.0.2.1", "dstport", "4789");
            ns.ip("link", "add", "link", "v1", "name", "mv0", "type", "macvlan", "mode", "source");
            ns.ip("link", "set", "mv0", "type", "macvlan", "macaddr", "add", "02:00:00:00:00:09");
            ns.ip("tuntap", "add", "dev", "t0", "mode", "tap", "multi_queue");
            ns.ip("link", "add", "ifb0", "type", "ifb");
            try (NetlinkConnection c = ns.connect()) {
                c.dump(Rtnl.RTM_GETLINK, LinkCodec.dumpRequest(), m -> corpus.add(m.segment().toArray(ValueLayout.JAVA_BYTE)));
            }
        }
        int kinds = 0;
        for (byte[] b : corpus) {
            LinkDetails d = LinkCodec.decode(NetlinkMessage.parse(MemorySegment.ofArray(b))).details();
            if (d.info() != null && (d.info().data() != null || d.info().slaveData() != null)) kinds++;
        }
        assertTrue(kinds >= 5, "bridge, port, vxlan, macvlan, tun data in the corpus: " + kinds);
        corpus.add(newLink(LinkSpec.of("va", new VethSpec("vb", NetnsRef.fd(3))), new LinkRequestCodec.Resolved(1, 2, 3, 4, -1, 5, -1)));
        // the decoder under test: the link and its details (kind data, slave data, AF_SPEC) together
        dev.ffsock.netlink.CodecFuzz.Counts c = dev.ffsock.netlink.CodecFuzz.run(corpus, List.of(m -> {
            Link l = LinkCodec.decode(m);
            return l == null ? null : l.details();
        }));
        assertTrue(c.formatErrors() > 0 && c.decoded() > 0, "mutations decoded and structure errors reported: " + c);
    }
}
