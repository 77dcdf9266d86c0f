package dev.ffsock.netlink.route;

import dev.ffsock.netlink.route.RtnetlinkEvent.QdiscEvent;
import dev.ffsock.netlink.route.RtnetlinkEvent.TcClassEvent;
import dev.ffsock.netlink.route.RtnetlinkEvent.TcFilterEvent;
import dev.ffsock.netlink.tc.HtbClassSpec;
import dev.ffsock.netlink.tc.QdiscSpec;
import dev.ffsock.netlink.tc.Tc;
import dev.ffsock.netlink.tc.TcHandle;
import dev.ffsock.netlink.tc.Tca;
import dev.ffsock.netlink.tc.U32FilterSpec;
import dev.ffsock.netlink.tc.U32Match;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * Typed tc events ({@link RtnetlinkEvents.Topic#TC}, RTNLGRP_TC) for qdisc, class and filter changes made
 * after subscribing, in a namespace of its own; and a subscription to links alone sees none of them.
 */
class TcEventsTest {
    private static final Duration STEP = Duration.ofSeconds(5);
    private TestNetns ns;
    private RtnetlinkEvents events;
    private RtnetlinkEvents linksOnly;
    private Tc tc;

    @BeforeEach
    void setUp() throws Exception {
        ns = TestNetns.create("tcev");
        ns.ip("link", "add", "te0", "type", "veth", "peer", "name", "te1");
        events = RtnetlinkEvents.open(ns.name, RtnetlinkEvents.Topic.TC);
        linksOnly = RtnetlinkEvents.open(ns.name, RtnetlinkEvents.Topic.LINK);
        tc = Tc.open(ns.name);
    }

    @AfterEach
    void tearDown() throws Exception {
        if (tc != null) tc.close();
        if (events != null) events.close();
        if (linksOnly != null) linksOnly.close();
        if (ns != null) ns.close();
    }

    /** The events until none comes for a short while (the kernel sends a change's notification before its ack). */
    private List<RtnetlinkEvent> drain() throws Exception {
        List<RtnetlinkEvent> l = new ArrayList<>();
        RtnetlinkEvent e;
        while ((e = events.next(l.isEmpty() ? STEP : Duration.ofMillis(200))) != null) l.add(e);
        return l;
    }

    @Test
    void qdiscClassAndFilterEvents() throws Exception {
        int i = tc.ifindex("te0");
        tc.addQdisc(i, Tca.TC_H_ROOT, TcHandle.make(1, 0), QdiscSpec.Htb.withDefault(0x10));
        List<RtnetlinkEvent> add = drain();
        assertEquals(1, add.size(), add::toString);
        QdiscEvent q = assertInstanceOf(QdiscEvent.class, add.get(0));
        assertEquals(false, q.deleted());
        assertEquals("htb", q.qdisc().kind());
        assertEquals(0x10000, q.qdisc().handle());
        assertEquals(i, q.qdisc().ifindex());
        assertEquals("qdisc new htb 1: dev te0 parent root", EventLines.format(q, Map.of(i, "te0")::get));

        tc.addClass(i, TcHandle.make(1, 0), TcHandle.make(1, 0x10), HtbClassSpec.of(125000, 0));
        List<RtnetlinkEvent> cls = drain();
        assertEquals(1, cls.size(), cls::toString);
        TcClassEvent c = assertInstanceOf(TcClassEvent.class, cls.get(0));
        assertEquals(0x10010, c.tcClass().handle());
        assertEquals("class new htb 1:10 dev te0 parent root", EventLines.format(c, Map.of(i, "te0")::get));

        tc.addFilter(i, TcHandle.make(1, 0), new U32FilterSpec(Tca.ETH_P_ALL, 3, 0, -1, TcHandle.make(1, 0x10),
                new U32Match().u32(0, 0, 0).keys()));
        List<RtnetlinkEvent> f = drain();
        assertEquals(1, f.size(), f::toString);
        TcFilterEvent fe = assertInstanceOf(TcFilterEvent.class, f.get(0));
        assertEquals("u32", fe.filter().kind());
        assertEquals(3, fe.filter().pref());

        tc.deleteFilter(i, TcHandle.make(1, 0), 0, 0, 0, null);
        List<RtnetlinkEvent> fdel = drain();
        assertEquals(true, fdel.stream().anyMatch(e -> e instanceof TcFilterEvent x && x.deleted()), fdel::toString);
        tc.deleteClass(i, 0, TcHandle.make(1, 0x10));
        List<RtnetlinkEvent> del = drain();
        assertEquals(true, del.stream().anyMatch(e -> e instanceof TcClassEvent ce && ce.deleted()), del::toString);
        tc.deleteQdisc(i, Tca.TC_H_ROOT, 0);
        List<RtnetlinkEvent> qdel = drain();
        assertEquals(true, qdel.stream().anyMatch(e -> e instanceof QdiscEvent qe && qe.deleted()
                && qe.qdisc().kind().equals("htb")), qdel::toString);

        assertNull(linksOnly.next(Duration.ofMillis(200)), "a LINK subscription sees no tc event");
    }
}
