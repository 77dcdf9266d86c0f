package dev.ffsock.netlink.route;

import dev.ffsock.internal.bindings.ifaddrmsg;
import dev.ffsock.internal.bindings.ifinfomsg;
import dev.ffsock.internal.bindings.ndmsg;
import dev.ffsock.internal.bindings.nda_cacheinfo;
import dev.ffsock.internal.bindings.rta_cacheinfo;
import dev.ffsock.internal.bindings.rtmsg;
import dev.ffsock.internal.bindings.rtnexthop;
import dev.ffsock.internal.bindings.ifa_cacheinfo;
import dev.ffsock.netlink.CodecFuzz;
import dev.ffsock.netlink.Netlink;
import dev.ffsock.netlink.NetlinkConnection;
import dev.ffsock.netlink.NetlinkFormatException;
import dev.ffsock.netlink.NetlinkMessage;

import org.junit.jupiter.api.Test;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The decoders on real dumps, then on mutated and truncated copies: they return a record or throw
 * {@link NetlinkFormatException}, nothing else. Struct sizes hard-coded by the codecs are checked
 * against the generated bindings (from the kernel headers).
 */
class RouteCodecFuzzTest {
    @Test
    void structSizesMatchTheHeaders() {
        assertEquals(ifinfomsg.layout().byteSize(), LinkCodec.IFINFOMSG_SIZE);
        assertEquals(ifaddrmsg.layout().byteSize(), AddrCodec.IFADDRMSG_SIZE);
        assertEquals(ifa_cacheinfo.layout().byteSize(), AddrCodec.IFA_CACHEINFO_SIZE);
        assertEquals(rtmsg.layout().byteSize(), RouteCodec.RTMSG_SIZE);
        assertEquals(rtnexthop.layout().byteSize(), RouteCodec.RTNEXTHOP_SIZE);
        assertEquals(rta_cacheinfo.layout().byteSize(), RouteCacheInfo.SIZE);
        assertEquals(ndmsg.layout().byteSize(), NeighCodec.NDMSG_SIZE);
        assertEquals(nda_cacheinfo.layout().byteSize(), NeighCacheInfo.SIZE);
    }

    @Test
    void mutatedMessagesDecodeOrThrowFormatErrors() throws Exception {
        List<byte[]> corpus = new ArrayList<>();
        NetlinkConnection.Handler keep = m -> corpus.add(bytes(m));
        try (NetlinkConnection c = NetlinkConnection.open(Netlink.NETLINK_ROUTE)) {
            c.dump(Rtnl.RTM_GETLINK, LinkCodec.dumpRequest(), keep);
            c.dump(Rtnl.RTM_GETADDR, AddrCodec.dumpRequest(0, 0), keep);
            c.dump(Rtnl.RTM_GETROUTE, RouteCodec.dumpRequest(0, 0, 0, 0), keep);
            c.dump(Rtnl.RTM_GETNEIGH, NeighCodec.dumpRequest(0, 0), keep);
        }
        corpus.add(multipathRoute());
        List<Function<NetlinkMessage, Object>> decoders = List.of(LinkCodec::decode, AddrCodec::decode,
                RouteCodec::decode, NeighCodec::decode);
        CodecFuzz.Counts counts = CodecFuzz.run(corpus, decoders);
        assertTrue(counts.formatErrors() >= 0, counts::toString);
    }

    private static byte[] bytes(NetlinkMessage m) {
        return m.segment().toArray(ValueLayout.JAVA_BYTE);
    }

    /** An RTM_NEWROUTE with two next hops and metrics, built by hand. */
    private static byte[] multipathRoute() {
        try (var b = new dev.ffsock.netlink.MessageBuilder(256, false)) {
            b.begin(Rtnl.RTM_NEWROUTE, 0);
            b.putU8(2).putU8(24).putU8(0).putU8(0).putU8(100).putU8(3).putU8(0).putU8(1).putU32(0);
            b.attrBytes(Rtnl.RTA_DST, new byte[] {(byte) 198, 51, 100, 0});
            b.attrU32(Rtnl.RTA_TABLE, 100);
            int mx = b.beginNested(Rtnl.RTA_METRICS);
            b.attrU32(Rtnl.RTAX_MTU, 1400);
            b.attrString(Rtnl.RTAX_CC_ALGO, "cubic");
            b.endNested(mx);
            byte[] nh = {16, 0, 0, 1, 3, 0, 0, 0, 8, 0, 5, 0, (byte) 192, 0, 2, 10,
                16, 0, 1, 0, 4, 0, 0, 0, 8, 0, 5, 0, (byte) 192, 0, 2, 11};
            b.attrBytes(Rtnl.RTA_MULTIPATH, nh);
            b.attrU32(999, 7);
            b.end();
            byte[] out = b.segment().toArray(ValueLayout.JAVA_BYTE);
            Route r = RouteCodec.decode(NetlinkMessage.parse(MemorySegment.ofArray(out)));
            assertEquals(2, r.nextHops().size());
            assertEquals(2, r.nextHops().get(0).weight());
            assertEquals(4, r.nextHops().get(1).ifindex());
            assertEquals(Rtnl.RTNH_F_DEAD, r.nextHops().get(1).flags());
            assertEquals(1400, r.metric(Rtnl.RTAX_MTU));
            assertEquals("cubic", r.congestionControl());
            assertEquals(List.of(new RawAttribute(999, new byte[] {7, 0, 0, 0})), r.raw());
            return out;
        }
    }
}
