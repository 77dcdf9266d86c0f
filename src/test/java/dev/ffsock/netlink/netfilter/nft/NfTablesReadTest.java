package dev.ffsock.netlink.netfilter.nft;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;

/**
 * Reads a ruleset {@code nft -f} made in a test namespace and compares it with what nft itself
 * prints: {@code nft --debug=netlink list ruleset} line for line (every set's elements and every
 * rule, expression by expression).
 */
class NfTablesReadTest {
    /** Every expression kind ffsock decodes, in rules nft 1.0.6 accepts on this kernel. */
    static final String RULESET = """
            table inet t {
              set s4 { type ipv4_addr; flags interval, timeout; timeout 1h; elements = { 10.0.0.0/8, 192.168.1.1 timeout 30m } }
              set p { type inet_service; elements = { 22, 80 } }
              map vm { type inet_service : verdict; elements = { 22 : accept, 23 : jump c2 } }
              map dm { type ipv4_addr : ipv4_addr; elements = { 1.2.3.4 : 5.6.7.8 } }
              set dyn { type ipv4_addr; flags dynamic, timeout; timeout 1m; }
              counter cnt { }
              chain c2 { }
              chain in { type filter hook input priority 0; policy drop;
                ip saddr 10.0.0.1 tcp dport 22 counter accept comment "ssh"
                ct state established,related accept
                meta iifname "lo" accept
                ip daddr @s4 drop
                tcp dport vmap @vm
                udp sport 53 limit rate 10/second log prefix "x " reject
                tcp dport { 80, 443 } jump c2
                ip saddr 1.2.3.0/24 goto c2
                meta l4proto icmp reject with icmp type host-unreachable
                tcp option maxseg size 1400 accept
                fib daddr type local accept
                ip6 nexthdr tcp counter
                ct mark set 0x10 quota 100 mbytes
                tcp dport 1000-2000 accept
                ip saddr != 10.0.0.0-10.0.0.9 log group 2 accept
                ct original ip saddr 1.1.1.1 counter
                meta mark & 0xff == 0x3 counter
                add @dyn { ip saddr timeout 10s } counter
                counter name "cnt"
                meta mark set ct mark
                ip dscp 10 counter
              }
              chain pre { type nat hook prerouting priority dstnat; tcp dport 8080 dnat ip to 10.0.0.2:80; }
              chain post { type nat hook postrouting priority srcnat; oifname "eth0" masquerade; }
              chain pre2 { type nat hook prerouting priority dstnat; tcp dport 99 redirect to :100; }
              chain out { type filter hook output priority -300; ip6 nexthdr tcp notrack; }
            }
            table netdev nd {
              chain ing { type filter hook ingress device "lo" priority -500; }
            }
            table ip x {
              flags dormant
              chain y { }
            }
            """;

    static NftNetns ns;

    @BeforeAll
    static void setUp() throws Exception {
        ns = NftNetns.create();
        ns.load(RULESET);
    }

    @AfterAll
    static void tearDown() throws Exception {
        if (ns != null) ns.close();
    }

    /** The debug part of {@code nft --debug=netlink list ruleset}: everything before the first {@code table} line. */
    static String nftNetlinkText(NftNetns ns) throws Exception {
        String out = ns.nft(null, "--debug=netlink", "list", "ruleset");
        int end = out.startsWith("table ") ? 0 : out.indexOf("\ntable ") + 1;
        return out.substring(0, end);
    }

    @Test
    void everyRuleAndElementPrintsAsNftPrintsIt() throws Exception {
        String nft = nftNetlinkText(ns);
        NftRuleset rs;
        try (NfTables t = NfTables.open(ns.name)) {
            rs = t.ruleset();
        }
        String ours = NftNetlinkText.ruleset(rs.sets(), rs.rules());
        assertEquals(nft, ours);
        assertTrue(rs.rules().size() >= 20, "rules read: " + rs.rules().size());
    }

    @Test
    void tablesChainsAndSetsAreTyped() throws Exception {
        try (NfTables t = NfTables.open(ns.name)) {
            NftRuleset rs = t.ruleset();
            NftTable x = rs.tables().stream().filter(tb -> tb.name().equals("x")).findFirst().orElseThrow();
            assertEquals(Nft.NFPROTO_IPV4, x.family());
            assertEquals(Nft.NFT_TABLE_F_DORMANT, x.flags() & Nft.NFT_TABLE_F_DORMANT);
            NftChain in = rs.chains().stream().filter(c -> c.name().equals("in")).findFirst().orElseThrow();
            assertEquals("filter", in.type());
            assertEquals(Nft.NF_INET_LOCAL_IN, in.hook());
            assertEquals(0, in.priority());
            assertEquals(Nft.NF_DROP, in.policy());
            NftChain ing = rs.chains().stream().filter(c -> c.name().equals("ing")).findFirst().orElseThrow();
            assertEquals(List.of("lo"), ing.devices());
            assertEquals(-500, ing.priority());
            assertFalse(rs.chains().stream().filter(c -> c.name().equals("c2")).findFirst().orElseThrow().isBase());
            NftSet vm = rs.sets().stream().filter(s -> s.name().equals("vm")).findFirst().orElseThrow();
            assertTrue(vm.isMap());
            assertEquals(2, vm.elements().size());
            assertTrue(vm.elements().stream().anyMatch(e -> e.data() instanceof NftData.Verdict v
                    && v.code() == Nft.NFT_JUMP && "c2".equals(v.chain())));
            NftRule ssh = rs.rules().stream().filter(r -> "ssh".equals(r.comment())).findFirst().orElseThrow();
            assertEquals("in", ssh.chain());
            assertTrue(ssh.exprs().get(ssh.exprs().size() - 1) instanceof NftExpr.Immediate i
                    && i.data().equals(NftData.accept()));
        }
    }
}
