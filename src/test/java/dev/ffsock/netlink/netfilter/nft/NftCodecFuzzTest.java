package dev.ffsock.netlink.netfilter.nft;

import static dev.ffsock.netlink.netfilter.nft.Nft.*;
import static dev.ffsock.netlink.netfilter.nft.NftExpr.ABSENT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ffsock.netlink.CodecFuzz;
import dev.ffsock.netlink.MessageBuilder;
import dev.ffsock.netlink.NetlinkMessage;
import dev.ffsock.netlink.PayloadWriter;
import dev.ffsock.netlink.netfilter.Nfnetlink;
import org.junit.jupiter.api.Test;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The nf_tables codec: every object and expression kind written and read back equal; then those
 * messages mutated and truncated, which decode (and print as nft's debug text) or throw
 * {@link dev.ffsock.netlink.NetlinkFormatException}, nothing else.
 */
class NftCodecFuzzTest {
    private static NftData.Value v(int... b) {
        byte[] out = new byte[b.length];
        for (int i = 0; i < b.length; i++) out[i] = (byte) b[i];
        return new NftData.Value(out);
    }

    /** One of every expression kind. */
    static List<NftExpr> everyExpression() {
        return List.of(
                new NftExpr.Meta(NFT_META_L4PROTO, NFT_REG_1, ABSENT),
                new NftExpr.Meta(NFT_META_MARK, ABSENT, NFT_REG_1),
                NftExpr.Payload.load(NFT_PAYLOAD_NETWORK_HEADER, 12, 4, NFT_REG_1),
                new NftExpr.Payload(ABSENT, NFT_PAYLOAD_TRANSPORT_HEADER, 2, 2, NFT_REG_2, 1, 16, 1),
                new NftExpr.Cmp(NFT_REG_1, NFT_CMP_NEQ, v(1, 2, 3, 4, 5)),
                new NftExpr.Immediate(NFT_REG_1, v(10, 0, 0, 2)),
                NftExpr.Immediate.verdict(NftData.jump("c2")),
                new NftExpr.Bitwise(NFT_REG_1, NFT_REG_1, 4, NFT_BITWISE_BOOL, v(0, 0, 0, 0xff), v(0, 0, 0, 0), null),
                new NftExpr.Bitwise(NFT_REG_1, NFT_REG_2, 4, NFT_BITWISE_LSHIFT, null, null, v(8, 0, 0, 0)),
                new NftExpr.Counter(7, 900),
                new NftExpr.Ct(NFT_CT_STATE, NFT_REG_1, ABSENT, ABSENT),
                new NftExpr.Ct(NFT_CT_SRC_IP, NFT_REG_1, ABSENT, 0),
                new NftExpr.Ct(NFT_CT_MARK, ABSENT, NFT_REG_1, ABSENT),
                new NftExpr.Lookup("s", 3, NFT_REG_1, NFT_REG_VERDICT, NFT_LOOKUP_F_INV),
                new NftExpr.Nat(NFT_NAT_DNAT, NFPROTO_IPV4, NFT_REG_1, NFT_REG_1, NFT_REG_2, NFT_REG_2, 3),
                new NftExpr.Limit(10, 1, 5, NFT_LIMIT_PKTS, 0),
                new NftExpr.Log("x ", ABSENT, ABSENT, ABSENT, 4, ABSENT),
                new NftExpr.Log(null, 2, 64, 1, ABSENT, ABSENT),
                new NftExpr.Reject(NFT_REJECT_ICMPX_UNREACH, 1),
                new NftExpr.Range(NFT_REG_1, NFT_RANGE_NEQ, v(10, 0, 0, 0), v(10, 0, 0, 9)),
                new NftExpr.Masq(4, NFT_REG_1, NFT_REG_1),
                new NftExpr.Redir(NFT_REG_1, NFT_REG_1, 2),
                new NftExpr.Quota(100, 5, 1),
                new NftExpr.Byteorder(NFT_REG_1, NFT_REG_1, NFT_BYTEORDER_NTOH, 2, 2),
                new NftExpr.Exthdr(NFT_REG_1, 2, 2, 2, ABSENT, NFT_EXTHDR_OP_TCPOPT, ABSENT),
                new NftExpr.Fib(NFT_REG_1, NFT_FIB_RESULT_ADDRTYPE, NFTA_FIB_F_DADDR),
                new NftExpr.Notrack(),
                new NftExpr.Objref(1, "cnt", ABSENT, null, ABSENT),
                new NftExpr.Objref(ABSENT, null, NFT_REG_1, "om", ABSENT),
                new NftExpr.Dynset("dyn", ABSENT, NFT_DYNSET_OP_ADD, NFT_REG_1, ABSENT, 10000, ABSENT,
                        List.of(new NftExpr.Counter(0, 0))),
                new NftExpr.Unknown("tproxy", new byte[] {8, 0, 1, 0, 0, 0, 0, 2}));
    }

    private static byte[] message(int msg, int family, Consumer<PayloadWriter> body) {
        try (MessageBuilder b = new MessageBuilder(4096, false)) {
            b.begin(NfTables.type(msg), 0);
            Nfnetlink.writeHeader(b, family, 0);
            body.accept(b);
            b.end();
            return b.segment().toArray(ValueLayout.JAVA_BYTE);
        }
    }

    private static NetlinkMessage parse(byte[] b) {
        return NetlinkMessage.parse(MemorySegment.ofArray(b));
    }

    static List<byte[]> corpus() {
        List<byte[]> c = new ArrayList<>();
        c.add(message(NFT_MSG_NEWTABLE, NFPROTO_INET, w -> {
            NftCodec.encodeTable(w, "t", NFT_TABLE_F_DORMANT);
            w.attrBE32(NFTA_TABLE_USE, 3);
            ExprCodec.be64(w, NFTA_TABLE_HANDLE, 9);
        }));
        c.add(message(NFT_MSG_NEWCHAIN, NFPROTO_NETDEV, w -> NftCodec.encodeChain(w,
                new NftChain(NFPROTO_NETDEV, "nd", "ing", 4, 0, "filter", NF_NETDEV_INGRESS, -500, NF_ACCEPT, List.of("lo", "eth0"), 0))));
        c.add(message(NFT_MSG_NEWRULE, NFPROTO_INET, w -> NftCodec.encodeRule(w,
                new NftRule(NFPROTO_INET, "t", "in", 12, 11, everyExpression(), NftRule.commentUserdata("ssh")))));
        NftSet set = new NftSet(NFPROTO_INET, "t", "vm", 8, NFT_SET_MAP | NFT_SET_TIMEOUT, 13, 2, NftTypes.VERDICT, 16,
                ABSENT, NFT_SET_POL_MEMORY, 16, 3600000, 1000, NftTypes.setUserdata(2, 0), List.of());
        c.add(message(NFT_MSG_NEWSET, NFPROTO_INET, w -> NftCodec.encodeSet(w, set, 1)));
        c.add(message(NFT_MSG_NEWSETELEM, NFPROTO_INET, w -> NftCodec.encodeElements(w, "t", "vm", 0, List.of(
                NftSetElement.of(new byte[] {0, 22}, NftData.accept()),
                new NftSetElement(v(0, 23), v(0, 30), NftData.jump("c2"), NFT_SET_ELEM_INTERVAL_END, 1000, -1, null, new byte[] {1, 2}),
                new NftSetElement(v(1, 1, 1, 1), null, null, 0, -1, -1, "cnt", null)))));
        c.add(message(NFT_MSG_NEWFLOWTABLE, NFPROTO_INET, w -> {
            w.attrString(NFTA_FLOWTABLE_TABLE, "t");
            w.attrString(NFTA_FLOWTABLE_NAME, "f");
            int h = w.beginNested(NFTA_FLOWTABLE_HOOK);
            w.attrBE32(NFTA_FLOWTABLE_HOOK_NUM, NF_NETDEV_INGRESS);
            w.attrBE32(NFTA_FLOWTABLE_HOOK_PRIORITY, 0);
            int d = w.beginNested(NFTA_FLOWTABLE_HOOK_DEVS);
            w.attrString(NFTA_DEVICE_NAME, "lo");
            w.endNested(d);
            w.endNested(h);
        }));
        c.add(message(NFT_MSG_NEWGEN, 0, w -> {
            w.attrBE32(NFTA_GEN_ID, 77);
            w.attrBE32(NFTA_GEN_PROC_PID, 1234);
            w.attrString(NFTA_GEN_PROC_NAME, "nft");
        }));
        c.add(message(NFT_MSG_DELRULE, NFPROTO_IPV4, w -> NftCodec.encodeRule(w,
                new NftRule(NFPROTO_IPV4, "x", "y", 3, 0, List.of(new NftExpr.Counter(0, 0)), null))));
        return c;
    }

    @Test
    void everyKindRoundTrips() {
        List<byte[]> c = corpus();
        NftEvent.Rule rule = (NftEvent.Rule) NfTables.decodeEvent(parse(c.get(2)));
        assertEquals(everyExpression(), rule.rule().exprs());
        assertEquals("ssh", rule.rule().comment());
        assertEquals(11, rule.rule().position());
        NftEvent.Chain chain = (NftEvent.Chain) NfTables.decodeEvent(parse(c.get(1)));
        assertEquals(List.of("lo", "eth0"), chain.chain().devices());
        assertEquals(-500, chain.chain().priority());
        NftEvent.Set set = (NftEvent.Set) NfTables.decodeEvent(parse(c.get(3)));
        assertEquals(3600000, set.set().timeout());
        assertEquals(16, set.set().size());
        NftEvent.Elements el = (NftEvent.Elements) NfTables.decodeEvent(parse(c.get(4)));
        assertEquals(3, el.elements().size());
        assertEquals(NftData.jump("c2"), el.elements().get(1).data());
        assertEquals(v(0, 30), el.elements().get(1).keyEnd());
        assertEquals(new NftEvent.Generation(77, 1234, "nft"), NfTables.decodeEvent(parse(c.get(6))));
        NftEvent.Flowtable ft = (NftEvent.Flowtable) NfTables.decodeEvent(parse(c.get(5)));
        assertEquals(List.of("lo"), ft.flowtable().devices());
        String text = NftNetlinkText.rule(rule.rule());
        assertTrue(text.startsWith("inet t in 12 11\n  [ meta load l4proto => reg 1 ]\n"), text);
        assertTrue(text.contains("  [ immediate reg 0 jump -> c2 ]\n"), text);
        assertTrue(text.contains("  [ dynset add reg_key 1 set dyn timeout 10000ms expr [ counter pkts 0 bytes 0 ] ]\n"), text);
        assertTrue(text.endsWith("  userdata = { \\x00\\x04ssh\\x00 }\n"), text);
    }

    @Test
    void mutatedMessagesDecodeOrThrowTheFormatException() {
        Function<NetlinkMessage, Object> decodeAndPrint = m -> {
            NftEvent e = NfTables.decodeEvent(m);
            if (e instanceof NftEvent.Rule r) return NftNetlinkText.rule(r.rule());
            if (e instanceof NftEvent.Elements el) {
                return NftNetlinkText.setElements(new NftSet(el.family(), el.table(), el.set(), 0, 0, 0, 0, ABSENT, ABSENT,
                        ABSENT, ABSENT, ABSENT, -1, ABSENT, null, el.elements()));
            }
            return e;
        };
        CodecFuzz.Counts counts = CodecFuzz.run(corpus(), List.of(decodeAndPrint));
        assertTrue(counts.decoded() > 1000, counts.toString());
        assertTrue(counts.formatErrors() > 1000, counts.toString());
    }
}
