package dev.ffsock.netlink.route;

import dev.ffsock.netlink.MessageBuilder;
import dev.ffsock.netlink.MessageReader;
import dev.ffsock.netlink.NetlinkMessage;
import org.junit.jupiter.api.Test;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Route's compact layout keeps a record's behaviour; a dump's reused cursor decodes as a fresh one does. */
class RouteModelTest {

    private static byte[] route(int dstLast, boolean rare) {
        try (MessageBuilder b = new MessageBuilder(256, false)) {
            b.begin(Rtnl.RTM_NEWROUTE, 0);
            b.putU8(rare ? 10 : 2).putU8(rare ? 64 : 24).putU8(0).putU8(4).putU8(254).putU8(42).putU8(253).putU8(6)
                    .putU32(0x200);
            if (rare) {
                b.attrBytes(Rtnl.RTA_DST, new byte[] {0x20, 1, 0x0d, (byte) 0xb8, 0, 0, 0, (byte) dstLast, 0, 0, 0, 0, 0, 0, 0, 0});
                b.attrU32(Rtnl.RTA_MARK, 7);
                b.attrU32(Rtnl.RTA_NH_ID, 9);
                b.attrU32(4242, 1);
            } else {
                b.attrBytes(Rtnl.RTA_DST, new byte[] {10, 0, (byte) dstLast, 0});
                b.attrU32(Rtnl.RTA_PRIORITY, 0xfffffffe);
            }
            b.end();
            return b.segment().toArray(ValueLayout.JAVA_BYTE);
        }
    }

    @Test
    void readerReusedAcrossMessagesDecodesAsFreshDecodes() {
        List<byte[]> msgs = List.of(route(1, false), route(2, true), route(3, false));
        int total = msgs.stream().mapToInt(m -> (m.length + 3) & ~3).sum();
        MemorySegment buf = MemorySegment.ofArray(new byte[total]);
        long off = 0;
        for (byte[] m : msgs) {
            MemorySegment.copy(MemorySegment.ofArray(m), 0, buf, off, m.length);
            off += (m.length + 3) & ~3;
        }
        RouteCodec.Reader reader = new RouteCodec.Reader();
        List<Route> reused = new ArrayList<>();
        MessageReader r = new MessageReader(buf);
        while (r.hasNext()) reused.add(reader.decode(r.next()));
        for (int i = 0; i < msgs.size(); i++) {
            Route fresh = RouteCodec.decode(NetlinkMessage.parse(MemorySegment.ofArray(msgs.get(i))));
            assertEquals(fresh, reused.get(i));
            assertEquals(fresh.hashCode(), reused.get(i).hashCode());
            assertEquals(fresh.toString(), reused.get(i).toString());
        }
        Route v4 = reused.get(0), v6 = reused.get(1);
        assertEquals(2, v4.family());
        assertEquals(24, v4.dstLen());
        assertEquals(4, v4.tos());
        assertEquals(RouteProtocol.of(42), v4.protocol());
        assertEquals(Scope.LINK, v4.scope());
        assertEquals(RouteType.BLACKHOLE, v4.type());
        assertEquals(0x200, v4.flags());
        assertEquals(0xfffffffeL, v4.priority());
        assertEquals(-1, v4.mark());
        assertEquals(List.of(), v4.raw());
        assertNull(v4.src());
        assertEquals(10, v6.family());
        assertEquals(64, v6.dstLen());
        assertEquals(7, v6.mark());
        assertEquals(9, v6.nhId());
        assertEquals(-1, v6.priority());
        assertEquals(List.of(new RawAttribute(4242, new byte[] {1, 0, 0, 0})), v6.raw());
        assertNotEquals(v4, reused.get(2));
    }

    @Test
    void constructorKeepsEveryFieldAndRefusesOutOfRangeBytes() throws Exception {
        InetAddress dst = InetAddress.getByName("192.0.2.0");
        Route a = new Route(2, 24, 8, 1, 100, RouteProtocol.STATIC, Scope.UNIVERSE, RouteType.UNICAST, 0, dst,
                InetAddress.getByName("198.51.100.0"), 3, 4, InetAddress.getByName("192.0.2.1"), null, null, 5,
                Map.of(Rtnl.RTAX_MTU, 1400L), "cubic", null, null, 1, 6, 7, 8, null);
        assertEquals(8, a.srcLen());
        assertEquals(3, a.iif());
        assertEquals(4, a.oif());
        assertEquals(1400, a.metric(Rtnl.RTAX_MTU));
        assertEquals("cubic", a.congestionControl());
        assertEquals("high", a.prefName());
        assertEquals(7, a.flow());
        assertEquals(8, a.nhId());
        Route b = new Route(2, 24, 8, 1, 100, RouteProtocol.STATIC, Scope.UNIVERSE, RouteType.UNICAST, 0, dst,
                InetAddress.getByName("198.51.100.0"), 3, 4, InetAddress.getByName("192.0.2.1"), null, null, 5,
                Map.of(Rtnl.RTAX_MTU, 1400L), "cubic", List.of(), null, 1, 6, 7, 8, List.of());
        assertEquals(a, b);
        assertEquals(a.hashCode(), b.hashCode());
        assertTrue(a.toString().startsWith("Route[family=2, dstLen=24, srcLen=8, tos=1, table=100"));
        assertThrows(IllegalArgumentException.class, () -> new Route(2, 256, 0, 0, 254, RouteProtocol.STATIC,
                Scope.UNIVERSE, RouteType.UNICAST, 0, null, null, 0, 0, null, null, null, -1, null, null, null, null,
                -1, -1, 0, 0, null));
    }

    @Test
    void hostBitsMessageNamesTheNetworkInTheAddressFamilyGiven() throws Exception {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RouteSpec.to("2001:db8::1/64"));
        assertEquals("2001:db8::1/64 has host bits set: the network is 2001:db8::/64", e.getMessage());
        // An IPv4-mapped IPv6 destination stays IPv6 in the suggestion (a /120 is no IPv4 prefix).
        byte[] mapped = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) 0xff, (byte) 0xff, 10, 0, 0, 1};
        InetAddress dst = java.net.Inet6Address.getByAddress(null, mapped, -1);
        e = assertThrows(IllegalArgumentException.class, () -> RouteSpec.to(dst, 120));
        assertEquals("::ffff:10.0.0.1/120 has host bits set: the network is ::ffff:10.0.0.0/120", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> RouteSpec.to("10.1.2.3/8"));
        assertEquals("10.1.2.3/8 has host bits set: the network is 10.0.0.0/8", e.getMessage());
    }
}
