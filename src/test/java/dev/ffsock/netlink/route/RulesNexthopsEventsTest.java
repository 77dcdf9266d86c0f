package dev.ffsock.netlink.route;

import dev.ffsock.netlink.NetlinkConnection;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.EnumSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Typed events for rules ({@link RtnetlinkEvent.RuleEvent}) and nexthop objects
 * ({@link RtnetlinkEvent.NexthopEvent}) in a namespace of this test's own: each change made is
 * delivered once, in order, with the object as the kernel describes it.
 */
class RulesNexthopsEventsTest {
    private static final Duration WAIT = Duration.ofSeconds(20);

    @Test
    void rulesAndNexthopsAreDeliveredAsTypedEvents() throws Exception {
        try (TestNetns ns = TestNetns.create("rnev");
             NetlinkConnection conn = ns.connect();
             RtnetlinkEvents events = RtnetlinkEvents.open(ns.name, RtnetlinkEvents.Topic.RULE, RtnetlinkEvents.Topic.NEXTHOP)) {
            assertEquals(EnumSet.of(RtnetlinkEvents.Topic.RULE, RtnetlinkEvents.Topic.NEXTHOP), events.topics());
            RtnetlinkChanges ch = new RtnetlinkChanges(conn);
            ch.addRule(RuleSpec.ipv4().from("10.0.0.0/8").priority(100).table(1000));
            ch.addRule(RuleSpec.ipv6().to("2001:db8::/32").priority(200).action(RuleAction.PROHIBIT));
            ch.addNexthop(NexthopObjectSpec.id(7).blackhole());
            ch.addNexthop(NexthopObjectSpec.id(8).group(new NexthopGroupMember(7, 2)));
            ch.deleteRule(RuleSpec.ipv4().priority(100));
            ch.deleteNexthop(8);

            RtnetlinkEvent.RuleEvent r1 = assertInstanceOf(RtnetlinkEvent.RuleEvent.class, events.next(WAIT));
            assertFalse(r1.deleted());
            assertEquals(100, r1.rule().priority());
            assertEquals(1000, r1.rule().table());
            assertEquals(8, r1.rule().srcLen());
            RtnetlinkEvent.RuleEvent r2 = assertInstanceOf(RtnetlinkEvent.RuleEvent.class, events.next(WAIT));
            assertEquals(10, r2.rule().family());
            assertEquals(RuleAction.PROHIBIT, r2.rule().action());
            RtnetlinkEvent.NexthopEvent n1 = assertInstanceOf(RtnetlinkEvent.NexthopEvent.class, events.next(WAIT));
            assertFalse(n1.deleted());
            assertEquals(7, n1.nexthop().id());
            assertTrue(n1.nexthop().blackhole());
            RtnetlinkEvent.NexthopEvent n2 = assertInstanceOf(RtnetlinkEvent.NexthopEvent.class, events.next(WAIT));
            assertEquals(java.util.List.of(new NexthopGroupMember(7, 2)), n2.nexthop().group());
            RtnetlinkEvent.RuleEvent d1 = assertInstanceOf(RtnetlinkEvent.RuleEvent.class, events.next(WAIT));
            assertTrue(d1.deleted());
            assertEquals(100, d1.rule().priority());
            RtnetlinkEvent.NexthopEvent d2 = assertInstanceOf(RtnetlinkEvent.NexthopEvent.class, events.next(WAIT));
            assertTrue(d2.deleted());
            assertEquals(8, d2.nexthop().id());
            assertEquals(d2.nexthop(), d2.object());
            assertNull(events.next(Duration.ofMillis(200)), "nothing more");
            assertEquals("nexthop del id 8 group 7,2", EventLines.format(d2, i -> "?"));
            assertEquals("rule new 100: from 10.0.0.0/8 lookup 1000", EventLines.format(r1, i -> "?"));
            assertEquals("rule new inet6 200: from all to 2001:db8::/32 prohibit", EventLines.format(r2, i -> "?"));
        }
    }
}
