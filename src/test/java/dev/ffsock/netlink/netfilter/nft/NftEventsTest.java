package dev.ffsock.netlink.netfilter.nft;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ffsock.netlink.NetlinkEvents;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * {@link NfTables#events}: the changes nft makes in a test namespace arrive typed, each transaction
 * closed by its generation, and the objects they carry are those the ruleset then holds.
 */
class NftEventsTest {
    /** The events up to and including the {@code n}-th generation event. */
    private static List<NftEvent> upToGeneration(NetlinkEvents<NftEvent> ev, int n) throws Exception {
        List<NftEvent> out = new ArrayList<>();
        int gens = 0;
        while (gens < n) {
            NftEvent e = ev.next(Duration.ofSeconds(20));
            assertNotNull(e, "events so far: " + out);
            out.add(e);
            if (e instanceof NftEvent.Generation) gens++;
        }
        return out;
    }

    @Test
    void nftChangesArriveTyped() throws Exception {
        try (NftNetns ns = NftNetns.create(); NetlinkEvents<NftEvent> ev = NfTables.events(ns.name)) {
            ns.nft("table inet ev {\n set s { type inet_service; elements = { 22 } }\n chain c { type filter hook input priority 0; tcp dport @s counter accept; }\n}\n", "-f", "-");
            List<NftEvent> first = upToGeneration(ev, 1);
            NftEvent.Table table = (NftEvent.Table) first.stream().filter(e -> e instanceof NftEvent.Table).findFirst().orElseThrow();
            assertTrue(table.added());
            assertEquals("ev", table.table().name());
            assertEquals(Nft.NFPROTO_INET, table.table().family());
            NftEvent.Chain chain = (NftEvent.Chain) first.stream().filter(e -> e instanceof NftEvent.Chain).findFirst().orElseThrow();
            assertEquals("c", chain.chain().name());
            assertEquals(Nft.NF_INET_LOCAL_IN, chain.chain().hook());
            NftEvent.Set set = (NftEvent.Set) first.stream().filter(e -> e instanceof NftEvent.Set).findFirst().orElseThrow();
            assertEquals("s", set.set().name());
            NftEvent.Elements el = (NftEvent.Elements) first.stream().filter(e -> e instanceof NftEvent.Elements).findFirst().orElseThrow();
            assertEquals(List.of(NftSetElement.of(new byte[] {0, 22})), el.elements().stream()
                    .map(x -> NftSetElement.of(x.key().bytes())).toList());
            NftEvent.Rule rule = (NftEvent.Rule) first.stream().filter(e -> e instanceof NftEvent.Rule).findFirst().orElseThrow();

            List<NftRule> rules;
            long gen;
            try (NfTables t = NfTables.open(ns.name)) {
                rules = t.rules(NfTables.ALL_FAMILIES);
                gen = t.generation();
            }
            assertEquals(rules.get(0).exprs(), rule.rule().exprs());
            assertEquals(rules.get(0).handle(), rule.rule().handle());
            assertEquals(gen, ((NftEvent.Generation) first.get(first.size() - 1)).id());

            ns.nft(null, "delete", "rule", "inet", "ev", "c", "handle", Long.toString(rules.get(0).handle()));
            List<NftEvent> second = upToGeneration(ev, 1);
            assertEquals(2, second.size(), second.toString());
            NftEvent.Rule del = (NftEvent.Rule) second.get(0);
            assertTrue(!del.added());
            assertEquals(rules.get(0).handle(), del.rule().handle());
            assertEquals(gen + 1, ((NftEvent.Generation) second.get(1)).id());
        }
    }
}
