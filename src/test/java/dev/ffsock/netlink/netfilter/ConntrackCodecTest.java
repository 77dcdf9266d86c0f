package dev.ffsock.netlink.netfilter;

import dev.ffsock.netlink.MessageBuilder;
import dev.ffsock.netlink.Netlink;
import dev.ffsock.netlink.NetlinkFormatException;
import dev.ffsock.netlink.NetlinkMessage;
import org.junit.jupiter.api.Test;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The ctnetlink codec: entries and expectations written and read back equal, message types packed
 * as nfnetlink does, bad input refused before sending, and mutated or truncated messages decode or
 * throw {@link NetlinkFormatException}, nothing else.
 */
class ConntrackCodecTest {
    static final int CT_NEW = Nfnetlink.messageType(Nfnetlink.NFNL_SUBSYS_CTNETLINK, Ctnetlink.IPCTNL_MSG_CT_NEW);
    static final int CT_DELETE = Nfnetlink.messageType(Nfnetlink.NFNL_SUBSYS_CTNETLINK, Ctnetlink.IPCTNL_MSG_CT_DELETE);
    static final int EXP_NEW = Nfnetlink.messageType(Nfnetlink.NFNL_SUBSYS_CTNETLINK_EXP, Ctnetlink.IPCTNL_MSG_EXP_NEW);

    static InetAddress ip(String s) throws Exception {
        return InetAddress.getByName(s);
    }

    static List<ConntrackEntry> samples() throws Exception {
        BitSet labels = new BitSet();
        labels.set(3);
        labels.set(127);
        ConntrackTuple tcpO = ConntrackTuple.ports(6, ip("127.0.0.1"), 40000, ip("127.0.0.2"), 80);
        ConntrackTuple tcpR = ConntrackTuple.ports(6, ip("127.0.0.2"), 80, ip("127.0.0.1"), 40000);
        ConntrackTuple udp6O = ConntrackTuple.ports(17, ip("::1"), 5353, ip("2001:db8::1"), 53).withZone(4);
        ConntrackTuple udp6R = ConntrackTuple.ports(17, ip("2001:db8::1"), 53, ip("::1"), 5353);
        ConntrackTuple icmpO = ConntrackTuple.icmp(ip("10.0.0.1"), ip("10.0.0.2"), 4660, 8, 0);
        ConntrackTuple icmpR = ConntrackTuple.icmp(ip("10.0.0.2"), ip("10.0.0.1"), 4660, 0, 0);
        return List.of(
                new ConntrackEntry(2, tcpO, tcpR, 0x18e, 431999, TcpConntrackState.ESTABLISHED, 42, 7,
                        new ConntrackCounters(5, 270), new ConntrackCounters(3, 164), labels, 1, 0xfedcba98L, "ftp"),
                new ConntrackEntry(10, udp6O, udp6R, 0x8, 30, null, 0xffffffffL, -1, null, null, null, 1, 7, null),
                new ConntrackEntry(2, icmpO, icmpR, 0xa, 29, null, -1, -1, null, null, null, -1, -1, null),
                new ConntrackEntry(2, tcpO, null, -1, -1, TcpConntrackState.SYN_SENT2, -1, 0, null, null, null, -1, -1, null));
    }

    static byte[] message(int type, int flags, ConntrackEntry e) {
        try (MessageBuilder b = new MessageBuilder(512, false)) {
            b.begin(type, flags);
            ConntrackCodec.writeEntry(b, e);
            b.end();
            return b.segment().toArray(ValueLayout.JAVA_BYTE);
        }
    }

    static byte[] expectation() throws Exception {
        try (MessageBuilder b = new MessageBuilder(512, false)) {
            b.begin(EXP_NEW, 0);
            Nfnetlink.writeHeader(b, 2, 0);
            ConntrackCodec.writeTuple(b, Ctnetlink.CTA_EXPECT_MASTER, ConntrackTuple.ports(6, ip("10.0.0.1"), 40000, ip("10.0.0.2"), 21));
            ConntrackCodec.writeTuple(b, Ctnetlink.CTA_EXPECT_TUPLE, ConntrackTuple.ports(6, ip("10.0.0.1"), 0, ip("10.0.0.2"), 50000));
            ConntrackCodec.writeTuple(b, Ctnetlink.CTA_EXPECT_MASK, ConntrackTuple.ports(6, ip("255.255.255.255"), 0, ip("255.255.255.255"), 65535));
            b.attrBE32(Ctnetlink.CTA_EXPECT_TIMEOUT, 300);
            b.attrBE32(Ctnetlink.CTA_EXPECT_ID, 0x80000001);
            b.attrString(Ctnetlink.CTA_EXPECT_HELP_NAME, "ftp");
            b.attrBE16(Ctnetlink.CTA_EXPECT_ZONE, 3);
            b.attrBE32(Ctnetlink.CTA_EXPECT_FLAGS, Ctnetlink.NF_CT_EXPECT_PERMANENT);
            b.attrBE32(Ctnetlink.CTA_EXPECT_CLASS, 0);
            b.attrU32(999, 1); // unknown: skipped
            b.end();
            return b.segment().toArray(ValueLayout.JAVA_BYTE);
        }
    }

    static NetlinkMessage parse(byte[] b) {
        return NetlinkMessage.parse(MemorySegment.ofArray(b));
    }

    @Test
    void entriesRoundTrip() throws Exception {
        for (ConntrackEntry e : samples()) {
            assertEquals(e, ConntrackCodec.decodeEntry(parse(message(CT_NEW, 0, e))));
        }
        ConntrackEntry first = samples().get(0);
        assertEquals(Set.of(ConntrackStatus.SEEN_REPLY, ConntrackStatus.ASSURED, ConntrackStatus.CONFIRMED,
                ConntrackStatus.SRC_NAT_DONE, ConntrackStatus.DST_NAT_DONE), first.statusFlags());
        assertEquals(6, first.protocol());
    }

    @Test
    void eventTypesFollowMessageTypeAndCreateFlag() throws Exception {
        ConntrackEntry e = samples().get(1);
        assertEquals(new ConntrackEvent(ConntrackEvent.Type.NEW, e, 0), Conntrack.decodeEvent(parse(message(CT_NEW, Netlink.NLM_F_CREATE, e))));
        assertEquals(ConntrackEvent.Type.UPDATE, Conntrack.decodeEvent(parse(message(CT_NEW, 0, e))).type());
        assertEquals(ConntrackEvent.Type.DESTROY, Conntrack.decodeEvent(parse(message(CT_DELETE, 0, e))).type());
        assertNull(Conntrack.decodeEvent(parse(message(EXP_NEW, 0, e))));
        assertNull(ConntrackCodec.decodeExpectation(parse(message(CT_NEW, 0, e))));
    }

    @Test
    void expectationDecodes() throws Exception {
        ConntrackExpectation x = ConntrackCodec.decodeExpectation(parse(expectation()));
        assertEquals(new ConntrackExpectation(2, ConntrackTuple.ports(6, ip("10.0.0.1"), 40000, ip("10.0.0.2"), 21),
                ConntrackTuple.ports(6, ip("10.0.0.1"), 0, ip("10.0.0.2"), 50000),
                ConntrackTuple.ports(6, ip("255.255.255.255"), 0, ip("255.255.255.255"), 65535),
                300, 0x80000001L, "ftp", 3, Ctnetlink.NF_CT_EXPECT_PERMANENT, 0), x);
    }

    @Test
    void messageTypesPackAsNfnetlinkDoes() {
        assertEquals(0x0101, Nfnetlink.messageType(Nfnetlink.NFNL_SUBSYS_CTNETLINK, Ctnetlink.IPCTNL_MSG_CT_GET));
        assertEquals(Nfnetlink.NFNL_SUBSYS_CTNETLINK_EXP, Nfnetlink.subsystem(EXP_NEW));
        assertEquals(Ctnetlink.IPCTNL_MSG_CT_DELETE, Nfnetlink.message(CT_DELETE));
        assertThrows(IllegalArgumentException.class, () -> Nfnetlink.messageType(256, 0));
        assertThrows(IllegalArgumentException.class, () -> Nfnetlink.messageType(1, -1));
    }

    @Test
    void badTuplesAreRefusedBeforeSending() throws Exception {
        InetAddress v4 = ip("10.0.0.1"), v6 = ip("::1");
        assertThrows(IllegalArgumentException.class, () -> ConntrackTuple.ports(6, v4, 1, v6, 2));
        assertThrows(IllegalArgumentException.class, () -> ConntrackTuple.ports(6, v4, 65536, v4, 2));
        assertThrows(IllegalArgumentException.class, () -> ConntrackTuple.ports(256, v4, 1, v4, 2));
        assertThrows(IllegalArgumentException.class, () -> ConntrackTuple.ports(6, null, 1, v4, 2));
        assertThrows(IllegalArgumentException.class, () -> ConntrackTuple.icmp(v4, v4, 1, 300, 0));
        assertThrows(IllegalArgumentException.class, () -> ConntrackTuple.icmp(v4, v4, 1, 8, 0).withZone(70000));
        assertEquals(58, ConntrackTuple.icmp(v6, v6, 1, 128, 0).protocol());
    }

    @Test
    void aTupleWithoutAddressesIsAFormatError() {
        try (MessageBuilder b = new MessageBuilder(128, false)) {
            b.begin(CT_NEW, 0);
            Nfnetlink.writeHeader(b, 2, 0);
            int t = b.beginNested(Ctnetlink.CTA_TUPLE_ORIG);
            int p = b.beginNested(Ctnetlink.CTA_TUPLE_PROTO);
            b.attrU8(Ctnetlink.CTA_PROTO_NUM, 6);
            b.endNested(p);
            b.endNested(t);
            b.end();
            NetlinkMessage m = parse(b.segment().toArray(ValueLayout.JAVA_BYTE));
            NetlinkFormatException e = assertThrows(NetlinkFormatException.class, () -> ConntrackCodec.decodeEntry(m));
            assertTrue(e.getMessage().contains("conntrack tuple"), e.getMessage());
        }
    }

    /** Mutation fuzzing: every decoder returns or throws NetlinkFormatException. */
    @Test
    void mutatedMessagesDecodeOrThrowFormatErrors() throws Exception {
        List<byte[]> corpus = new ArrayList<>();
        for (ConntrackEntry e : samples()) {
            corpus.add(message(CT_NEW, Netlink.NLM_F_CREATE, e));
            corpus.add(message(CT_DELETE, 0, e));
        }
        corpus.add(expectation());
        fuzz(corpus);
    }

    /**
     * The shared mutation fuzz ({@link dev.ffsock.netlink.CodecFuzz}) with the conntrack decoders
     * (events decode entries); both outcomes must be reached.
     */
    static void fuzz(List<byte[]> corpus) {
        dev.ffsock.netlink.CodecFuzz.Counts c = dev.ffsock.netlink.CodecFuzz.run(corpus,
                List.of(Conntrack::decodeEvent, ConntrackCodec::decodeExpectation));
        assertTrue(c.formatErrors() > 0 && c.decoded() > 0, "the fuzzing reached both outcomes: " + c);
    }
}
