package dev.ffsock.netlink.route;

import dev.ffsock.Errno;
import dev.ffsock.netlink.NetlinkConnection;
import dev.ffsock.netlink.NetlinkException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Policy-routing rules ({@code ip rule}) in a namespace of this class's own: made with
 * {@link RtnetlinkChanges#addRule} and read back with {@code ip -j rule}; made with {@code ip rule add}
 * and read with {@link Rtnetlink#rules}; deleted; bad input refused before sending.
 */
class RtnetlinkRulesTest {
    private static ChangesNetns net;
    private static TestNetns ns;
    private static RtnetlinkChanges ch;
    private static Rtnetlink rt;

    @BeforeAll
    static void setUp() throws Exception {
        net = ChangesNetns.create("rule");
        ns = net.ns;
        ch = net.ch;
        rt = net.rt;
    }

    @AfterAll
    static void tearDown() throws Exception {
        if (net != null) net.close();
    }

    private static Map<String, Object> ipRule(String fam, long prio) throws Exception {
        for (Map<String, Object> m : ns.json(fam, "rule", "show")) {
            if (((Long) m.get("priority")) == prio) return m;
        }
        throw new AssertionError("ip " + fam + " rule has no priority " + prio);
    }

    private static Rule rule(int family, long prio) throws Exception {
        for (Rule r : rt.rules(family)) if (r.priority() == prio) return r;
        throw new AssertionError("ffsock finds no rule of priority " + prio);
    }

    @Test
    void everySelectorMadeWithFfsockIsWhatIpReads() throws Exception {
        ch.addRule(RuleSpec.ipv4().from("10.0.0.0/8").to("10.1.0.0/16").fwmark(0x10, 0xff).iif("lo").oif("lo")
                .uidRange(UidRange.of(1, 10)).sport(PortRange.of(100, 200)).dport(PortRange.of(300, 300)).ipProto(6)
                .tos(0x10).protocol(99).priority(1100).table(1000));
        Map<String, Object> m = ipRule("-4", 1100);
        assertEquals("10.0.0.0", m.get("src"));
        assertEquals(8L, m.get("srclen"));
        assertEquals("10.1.0.0", m.get("dst"));
        assertEquals(16L, m.get("dstlen"));
        assertEquals("0x10", m.get("fwmark"));
        assertEquals("0xff", m.get("fwmask"));
        assertEquals("lo", m.get("iif"));
        assertEquals("lo", m.get("oif"));
        assertEquals(1L, m.get("uid_start"));
        assertEquals(10L, m.get("uid_end"));
        assertEquals("tcp", m.get("ipproto"));
        assertEquals(100L, m.get("sport_start"));
        assertEquals(200L, m.get("sport_end"));
        assertEquals(300L, m.get("dport"));
        assertEquals("0x10", m.get("tos"));
        assertEquals("openr", m.get("protocol"));
        assertEquals("1000", m.get("table"), "a table above 255 goes in FRA_TABLE");

        ch.addRule(RuleSpec.ipv4().not().from("192.0.2.4").priority(1050).goTo(1200));
        ch.addRule(RuleSpec.ipv4().priority(1200).action(RuleAction.NOP));
        ch.addRule(RuleSpec.ipv4().priority(1300).l3mdev());
        ch.addRule(RuleSpec.ipv4().priority(1400).table(Rtnl.RT_TABLE_MAIN).suppressPrefixLength(0).suppressIfgroup(5));
        ch.addRule(RuleSpec.ipv4().priority(1500).to("198.51.100.0/24").action(RuleAction.BLACKHOLE));
        ch.addRule(RuleSpec.ipv4().priority(1501).to("198.51.101.0/24").action(RuleAction.UNREACHABLE));
        ch.addRule(RuleSpec.ipv4().priority(1502).to("198.51.102.0/24").action(RuleAction.PROHIBIT));
        Map<String, Object> not = ipRule("-4", 1050);
        assertTrue(not.containsKey("not"), not::toString);
        assertEquals("192.0.2.4", not.get("src"));
        assertFalse(not.containsKey("srclen"), "a host prefix prints no srclen");
        assertEquals(1200L, not.get("goto"));
        assertTrue(ipRule("-4", 1200).containsKey("nop"));
        assertTrue(ipRule("-4", 1300).containsKey("l3mdev"));
        Map<String, Object> sup = ipRule("-4", 1400);
        assertEquals("main", sup.get("table"));
        assertEquals(0L, sup.get("suppress_prefixlen"));
        assertEquals("5", sup.get("suppress_ifgroup"));
        assertEquals("blackhole", ipRule("-4", 1500).get("action"));
        assertEquals("unreachable", ipRule("-4", 1501).get("action"));
        assertEquals("prohibit", ipRule("-4", 1502).get("action"));

        ch.addRule(RuleSpec.ipv6().from("2001:db8::/32").to("2001:db8:1::/48").priority(1100).table(300));
        Map<String, Object> v6 = ipRule("-6", 1100);
        assertEquals("2001:db8::", v6.get("src"));
        assertEquals(32L, v6.get("srclen"));
        assertEquals("2001:db8:1::", v6.get("dst"));
        assertEquals(48L, v6.get("dstlen"));
        assertEquals("300", v6.get("table"));

        // and ffsock reads back what it made
        Rule r = rule(2, 1100);
        assertEquals(1000, r.table());
        assertEquals(0x10, r.fwmark());
        assertEquals(0xff, r.fwmask());
        assertEquals(new UidRange(1, 10), r.uidRange());
        assertEquals(new PortRange(100, 200), r.sportRange());
        assertEquals(new PortRange(300, 300), r.dportRange());
        assertEquals(6, r.ipProto());
        assertEquals(99, r.protocol());
        assertEquals("lo", r.iifName());
        assertEquals("lo", r.oifName());
        assertEquals(RuleAction.TO_TBL, r.action());
        Rule g = rule(2, 1050);
        assertTrue(g.inverted());
        assertEquals(RuleAction.GOTO, g.action());
        assertEquals(1200, g.gotoTarget());
        assertTrue(rule(2, 1300).l3mdev());
        assertEquals(0, rule(2, 1400).suppressPrefixLen());
        assertEquals(5, rule(2, 1400).suppressIfgroup());
        assertEquals(-1, rule(2, 1300).suppressPrefixLen(), "unset is -1");
        assertEquals(RuleAction.PROHIBIT, rule(2, 1502).action());
        assertEquals(300, rule(10, 1100).table());
    }

    @Test
    void rulesMadeWithIpAreReadByFfsock() throws Exception {
        ns.ip("rule", "add", "from", "203.0.113.0/24", "to", "203.0.114.0/24", "fwmark", "0x20/0xf0", "iif", "lo",
                "uidrange", "100-200", "sport", "1000-2000", "dport", "53", "ipproto", "udp", "pref", "2100", "table", "2000");
        ns.ip("-6", "rule", "add", "not", "to", "2001:db8:5::/48", "pref", "2100", "prohibit");
        Rule r = rule(2, 2100);
        Map<String, Object> m = ipRule("-4", 2100);
        assertEquals(m.get("src"), r.src().getHostAddress());
        assertEquals(m.get("srclen"), (long) r.srcLen());
        assertEquals(m.get("dst"), r.dst().getHostAddress());
        assertEquals(m.get("dstlen"), (long) r.dstLen());
        assertEquals(m.get("fwmark"), "0x" + Long.toHexString(r.fwmark()));
        assertEquals(m.get("fwmask"), "0x" + Long.toHexString(r.fwmask()));
        assertEquals(m.get("iif"), r.iifName());
        assertEquals(m.get("uid_start"), r.uidRange().start());
        assertEquals(m.get("uid_end"), r.uidRange().end());
        assertEquals(m.get("sport_start"), (long) r.sportRange().start());
        assertEquals(m.get("sport_end"), (long) r.sportRange().end());
        assertEquals(m.get("dport"), (long) r.dportRange().start());
        assertEquals(17, r.ipProto());
        assertEquals(m.get("table"), r.tableName());
        Rule v6 = rule(10, 2100);
        assertTrue(v6.inverted());
        assertEquals(RuleAction.PROHIBIT, v6.action());
        assertEquals(48, v6.dstLen());
        assertEquals(0, v6.table());
        // the defaults every namespace has
        List<Rule> defaults = rt.rules(2);
        assertTrue(defaults.stream().anyMatch(x -> x.priority() == 32766 && x.table() == Rtnl.RT_TABLE_MAIN), defaults::toString);
        assertTrue(defaults.stream().anyMatch(x -> x.priority() == 0 && x.table() == Rtnl.RT_TABLE_LOCAL), defaults::toString);
    }

    @Test
    void deleteMatchesWhatIsSetAndIsRefusedWhenNothingMatches() throws Exception {
        ch.addRule(RuleSpec.ipv4().from("192.0.2.0/24").priority(3100).table(3000));
        NetlinkException dup = assertThrows(NetlinkException.class,
                () -> ch.addRule(RuleSpec.ipv4().from("192.0.2.0/24").priority(3100).table(3000)));
        assertEquals(Errno.EEXIST, dup.errno(), dup.getMessage());
        ch.deleteRule(RuleSpec.ipv4().priority(3100));
        assertTrue(rt.rules(2).stream().noneMatch(x -> x.priority() == 3100));
        NetlinkException gone = assertThrows(NetlinkException.class, () -> ch.deleteRule(RuleSpec.ipv4().priority(3100)));
        assertEquals(Errno.ENOENT, gone.errno(), gone.getMessage());
        assertTrue(gone.getMessage().startsWith("RTM_DELRULE: ENOENT"), gone.getMessage());
    }

    @Test
    void kernelRefusalComesBackWithItsExtAck() throws Exception {
        // no priority of its own: the kernel gives it one, then refuses the backward goto
        NetlinkException e = assertThrows(NetlinkException.class, () -> ch.addRule(RuleSpec.ipv4().goTo(0)));
        assertEquals(Errno.EINVAL, e.errno(), e.getMessage());
        assertTrue(e.getMessage().startsWith("RTM_NEWRULE: EINVAL"), e.getMessage());
        assertTrue(e.getMessage().contains("kernel: "), "the kernel's ext-ack text: " + e.getMessage());
    }

    @Test
    void badInputIsRefusedBeforeSending() {
        assertThrows(IllegalArgumentException.class, () -> RuleSpec.ipv4().table(0));
        assertThrows(IllegalArgumentException.class, () -> RuleSpec.ipv4().table(1L << 32));
        assertThrows(IllegalArgumentException.class, () -> RuleSpec.ipv4().priority(-1));
        assertThrows(IllegalArgumentException.class, () -> PortRange.of(200, 100));
        assertThrows(IllegalArgumentException.class, () -> PortRange.of(0, 100));
        assertThrows(IllegalArgumentException.class, () -> PortRange.of(1, 65535));
        assertThrows(IllegalArgumentException.class, () -> UidRange.of(10, 1));
        assertThrows(IllegalArgumentException.class, () -> RuleSpec.ipv4().from("10.0.0.0/33"));
        assertThrows(IllegalArgumentException.class, () -> RuleSpec.ipv4().from("2001:db8::/32"));
        assertThrows(IllegalArgumentException.class, () -> RuleSpec.ipv6().to("10.0.0.0/8"));
        assertThrows(IllegalArgumentException.class, () -> RuleSpec.ipv4().suppressPrefixLength(33));
        assertThrows(IllegalArgumentException.class, () -> RuleSpec.ipv4().iif("a-name-of-16-byt"));
        assertThrows(IllegalArgumentException.class, () -> RuleSpec.ipv4().tos(256));
        assertThrows(IllegalArgumentException.class, () -> RuleSpec.ipv4().fwmark(-2, -1));
        assertThrows(IllegalArgumentException.class, () -> RuleSpec.ipv4().table(5).l3mdev());
        assertThrows(IllegalArgumentException.class, () -> RuleSpec.ipv4().action(RuleAction.TO_TBL));
        assertThrows(IllegalArgumentException.class, () -> ch.addRule(RuleSpec.ipv4().priority(50).goTo(40)));
        assertNull(RuleSpec.ipv4().action());
    }
}
