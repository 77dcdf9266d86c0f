package dev.ffsock.netlink.netfilter.nft;

import static dev.ffsock.netlink.netfilter.nft.Nft.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ffsock.Errno;
import dev.ffsock.netlink.BatchException;
import dev.ffsock.testutil.Json;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Changes a test namespace's ruleset in ffsock batches and reads it back with nft: {@code nft -j
 * list ruleset} lists the tables, chains, sets, maps and elements made, key by key, and nft
 * decompiles the rules built from typed expressions into the rule text they stand for. A batch
 * with a refused change names it and leaves the ruleset as it was.
 */
class NftBatchTest {
    private NftNetns ns;

    @BeforeEach
    void setUp() throws Exception {
        ns = NftNetns.create();
    }

    @AfterEach
    void tearDown() throws Exception {
        if (ns != null) ns.close();
    }

    private static NftData.Value v(int... b) {
        byte[] out = new byte[b.length];
        for (int i = 0; i < b.length; i++) out[i] = (byte) b[i];
        return new NftData.Value(out);
    }

    /** ip saddr 10.0.0.1 tcp dport 22 counter accept comment "ssh", in an inet table, as nft builds it. */
    static List<NftExpr> sshRule() {
        return List.of(
                new NftExpr.Meta(NFT_META_NFPROTO, NFT_REG_1, NftExpr.ABSENT),
                new NftExpr.Cmp(NFT_REG_1, NFT_CMP_EQ, v(NFPROTO_IPV4)),
                NftExpr.Payload.load(NFT_PAYLOAD_NETWORK_HEADER, 12, 4, NFT_REG_1),
                new NftExpr.Cmp(NFT_REG_1, NFT_CMP_EQ, v(10, 0, 0, 1)),
                new NftExpr.Meta(NFT_META_L4PROTO, NFT_REG_1, NftExpr.ABSENT),
                new NftExpr.Cmp(NFT_REG_1, NFT_CMP_EQ, v(6)),
                NftExpr.Payload.load(NFT_PAYLOAD_TRANSPORT_HEADER, 2, 2, NFT_REG_1),
                new NftExpr.Cmp(NFT_REG_1, NFT_CMP_EQ, v(0, 22)),
                new NftExpr.Counter(0, 0),
                NftExpr.Immediate.verdict(NftData.accept()));
    }

    @Test
    void aBatchMakesWhatNftLists() throws Exception {
        int inet = NFPROTO_INET;
        NftSet s = new NftSet(inet, "fft", "s", 0, 0, NftTypes.id("ipv4_addr"), 4, NftExpr.ABSENT, NftExpr.ABSENT,
                NftExpr.ABSENT, NftExpr.ABSENT, NftExpr.ABSENT, -1, NftExpr.ABSENT,
                NftTypes.setUserdata(NftTypes.NETWORK_ORDER, -1),
                List.of(NftSetElement.of(new byte[] {10, 0, 0, 1}), NftSetElement.of(new byte[] {10, 0, 0, 2})));
        NftSet vm = new NftSet(inet, "fft", "vm", 0, NFT_SET_MAP, NftTypes.id("inet_service"), 2, NftTypes.VERDICT, 0,
                NftExpr.ABSENT, NftExpr.ABSENT, NftExpr.ABSENT, -1, NftExpr.ABSENT,
                NftTypes.setUserdata(NftTypes.NETWORK_ORDER, 0),
                List.of(NftSetElement.of(new byte[] {0, 22}, NftData.accept()), NftSetElement.of(new byte[] {0, 23}, NftData.jump("c2"))));
        try (NfTables t = NfTables.open(ns.name)) {
            NftBatch b = t.batch()
                    .addTable(inet, "fft", 0)
                    .addChain(new NftChain(inet, "fft", "c2", 0, 0, null, NftExpr.ABSENT, 0, NftExpr.ABSENT, List.of(), 0))
                    .addChain(new NftChain(inet, "fft", "in", 0, 0, "filter", NF_INET_LOCAL_IN, 0, NF_DROP, List.of(), 0))
                    .addSet(s)
                    .addSet(vm)
                    .addRule(new NftRule(inet, "fft", "in", 0, 0, sshRule(), NftRule.commentUserdata("ssh")))
                    .addRule(new NftRule(inet, "fft", "in", 0, 0, List.of(
                            new NftExpr.Meta(NFT_META_NFPROTO, NFT_REG_1, NftExpr.ABSENT),
                            new NftExpr.Cmp(NFT_REG_1, NFT_CMP_EQ, v(NFPROTO_IPV4)),
                            NftExpr.Payload.load(NFT_PAYLOAD_NETWORK_HEADER, 16, 4, NFT_REG_1),
                            new NftExpr.Lookup("s", NftExpr.ABSENT, NFT_REG_1, NftExpr.ABSENT, 0),
                            NftExpr.Immediate.verdict(NftData.drop())), null))
                    .addRule(new NftRule(inet, "fft", "in", 0, 0, List.of(
                            new NftExpr.Meta(NFT_META_L4PROTO, NFT_REG_1, NftExpr.ABSENT),
                            new NftExpr.Cmp(NFT_REG_1, NFT_CMP_EQ, v(6)),
                            NftExpr.Payload.load(NFT_PAYLOAD_TRANSPORT_HEADER, 2, 2, NFT_REG_1),
                            new NftExpr.Lookup("vm", NftExpr.ABSENT, NFT_REG_1, NFT_REG_VERDICT, 0)), null));
            assertEquals(10, b.size()); // two sets with their elements: four changes
            b.commit();
        }

        List<Map<String, Object>> objects = nftObjects(ns.nft(null, "-j", "list", "ruleset"));
        assertEquals(List.of(Map.of("family", "inet", "name", "fft")), strip(objects, "table", "handle"));
        assertEquals(List.of(
                Map.of("family", "inet", "table", "fft", "name", "c2"),
                Map.of("family", "inet", "table", "fft", "name", "in", "type", "filter", "hook", "input", "prio", 0L, "policy", "drop")),
                strip(objects, "chain", "handle"));
        assertEquals(List.of(Map.of("family", "inet", "name", "s", "table", "fft", "type", "ipv4_addr",
                "elem", List.of("10.0.0.1", "10.0.0.2"))), strip(objects, "set", "handle"));
        Map<String, Object> accept = new LinkedHashMap<>();
        accept.put("accept", null); // nft -j: {"accept": null}
        assertEquals(List.of(Map.of("family", "inet", "name", "vm", "table", "fft", "type", "inet_service", "map", "verdict",
                "elem", List.of(List.of(22L, accept), List.of(23L, Map.of("jump", Map.of("target", "c2")))))),
                strip(objects, "map", "handle"));
        // nft decompiles the rules built from typed expressions into the text they stand for
        String text = ns.nft(null, "list", "chain", "inet", "fft", "in");
        assertTrue(text.contains("ip saddr 10.0.0.1 tcp dport 22 counter packets 0 bytes 0 accept comment \"ssh\"\n"), text);
        assertTrue(text.contains("ip daddr @s drop\n"), text);
        assertTrue(text.contains("tcp dport vmap @vm\n"), text);
    }

    @Test
    void aRefusedChangeIsNamedAndNothingIsApplied() throws Exception {
        try (NfTables t = NfTables.open(ns.name)) {
            NftBatch b = t.batch()
                    .addTable(NFPROTO_IPV4, "keep", 0)
                    .addChain(new NftChain(NFPROTO_IPV4, "keep", "c", 0, 0, null, NftExpr.ABSENT, 0, NftExpr.ABSENT, List.of(), 0))
                    .addRule(new NftRule(NFPROTO_IPV4, "keep", "missing", 0, 0, List.of(new NftExpr.Counter(0, 0)), null))
                    .addTable(NFPROTO_IPV4, "other", 0);
            BatchException e = assertThrows(BatchException.class, b::commit);
            assertEquals(2, e.index());
            assertEquals("add rule ip keep missing", e.description());
            assertEquals(Errno.ENOENT, e.errno());
            assertTrue(e.getMessage().startsWith("message 2 (add rule ip keep missing): ENOENT"), e.getMessage());
            assertEquals(List.of(), t.tables(NfTables.ALL_FAMILIES), "a refused batch changes nothing");
            assertThrows(IllegalStateException.class, b::commit);
        }
        assertEquals("", ns.nft(null, "list", "ruleset"));
    }

    @Test
    void deletionsInABatch() throws Exception {
        ns.nft("table ip d {\n set s { type inet_service; elements = { 1, 2, 3 }; }\n chain c {\n counter\n counter\n }\n}\n", "-f", "-");
        try (NfTables t = NfTables.open(ns.name)) {
            List<NftRule> rules = t.rules(NFPROTO_IPV4);
            assertEquals(2, rules.size());
            t.batch().deleteRule(NFPROTO_IPV4, "d", "c", rules.get(0).handle())
                    .deleteElements(NFPROTO_IPV4, "d", "s", List.of(NftSetElement.of(new byte[] {0, 2})))
                    .commit();
            assertEquals(List.of(rules.get(1).handle()), t.rules(NFPROTO_IPV4).stream().map(NftRule::handle).toList());
            List<Map<String, Object>> sets = strip(nftObjects(ns.nft(null, "-j", "list", "ruleset")), "set", "handle");
            assertEquals(List.of(1L, 3L), sets.get(0).get("elem"));
            t.batch().deleteTable(NFPROTO_IPV4, "d").commit();
        }
        assertEquals("", ns.nft(null, "list", "ruleset"));
    }

    @Test
    void badInputIsRefusedBeforeTheSend() throws Exception {
        try (NfTables t = NfTables.open(ns.name)) {
            NftBatch b = t.batch();
            assertThrows(IllegalArgumentException.class, () -> b.addTable(300, "t", 0));
            assertThrows(IllegalArgumentException.class, () -> b.addTable(NFPROTO_IPV4, "", 0));
            assertThrows(IllegalArgumentException.class, () -> b.addTable(NFPROTO_IPV4, "x".repeat(256), 0));
            assertThrows(IllegalArgumentException.class, () -> b.addChain(new NftChain(NFPROTO_NETDEV, "t", "c", 0, 0, "filter",
                    NF_NETDEV_INGRESS, 0, NF_ACCEPT, List.of("a-very-long-device-name"), 0)));
            assertThrows(IllegalArgumentException.class, () -> b.addElements(NFPROTO_IPV4, "t", "s", List.of()));
            assertThrows(IllegalArgumentException.class, () -> b.deleteRule(NFPROTO_IPV4, "t", "c", 0));
            assertThrows(IllegalArgumentException.class, () -> b.addRule(new NftRule(NFPROTO_IPV4, "t", "c", 0, 0,
                    List.of(new NftExpr.Counter(0, 0)), new byte[300])));
            assertThrows(IllegalArgumentException.class, () -> t.elements(NFPROTO_IPV4, "t", ""));
            assertEquals(0, b.size());
            assertThrows(IllegalStateException.class, b::commit);
        }
    }

    @Test
    void largeElementListsGoInSeveralMessages() throws Exception {
        List<NftSetElement> many = new ArrayList<>();
        for (int i = 0; i < 250; i++) many.add(NftSetElement.of(new byte[] {10, 1, (byte) (i >> 8), (byte) i}));
        try (NfTables t = NfTables.open(ns.name)) {
            NftBatch b = t.batch().addTable(NFPROTO_IPV4, "big", 0)
                    .addSet(new NftSet(NFPROTO_IPV4, "big", "s", 0, 0, NftTypes.id("ipv4_addr"), 4, NftExpr.ABSENT, NftExpr.ABSENT,
                            NftExpr.ABSENT, NftExpr.ABSENT, NftExpr.ABSENT, -1, NftExpr.ABSENT,
                            NftTypes.setUserdata(NftTypes.NETWORK_ORDER, -1), many));
            assertEquals(5, b.size()); // table, set, three element messages
            b.commit();
            assertEquals(250, t.elements(NFPROTO_IPV4, "big", "s").size());
        }
        List<Map<String, Object>> sets = strip(nftObjects(ns.nft(null, "-j", "list", "ruleset")), "set", "handle");
        assertEquals(250, ((List<?>) sets.get(0).get("elem")).size());
    }

    /** The objects of {@code nft -j} output: [{"table": {...}}, ...]. */
    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> nftObjects(String json) {
        Map<String, Object> top = (Map<String, Object>) Json.parse(json);
        return (List<Map<String, Object>>) top.get("nftables");
    }

    /** The bodies of one kind of object, without the keys named (handles, which the kernel picks). */
    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> strip(List<Map<String, Object>> objects, String kind, String... drop) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Map<String, Object> o : objects) {
            if (!o.containsKey(kind)) continue;
            Map<String, Object> m = new LinkedHashMap<>((Map<String, Object>) o.get(kind));
            for (String d : drop) m.remove(d);
            out.add(m);
        }
        return out;
    }
}
