package dev.ffsock.netlink.route;

import dev.ffsock.netlink.Attributes;
import dev.ffsock.netlink.NetlinkFormatException;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;

/**
 * Decodes what {@code ip -d link} shows from a {@link Link}'s uninterpreted attributes
 * ({@link Link#raw()}): {@code IFLA_LINKINFO} typed per kind ({@link BridgeInfo}, {@link VxlanInfo},
 * {@link MacvlanInfo}, {@link TunInfo}, {@link BridgePortInfo}) and the queue/offload limits. Known
 * attributes of an unexpected length stay absent; a structurally malformed nest throws
 * {@link NetlinkFormatException}.
 */
final class LinkInfoCodec {
    private static final ValueLayout.OfInt U32 = ValueLayout.JAVA_INT_UNALIGNED;
    private static final ValueLayout.OfShort BE16 = ValueLayout.JAVA_SHORT_UNALIGNED.withOrder(java.nio.ByteOrder.BIG_ENDIAN);
    private static final ValueLayout.OfInt BE32 = ValueLayout.JAVA_INT_UNALIGNED.withOrder(java.nio.ByteOrder.BIG_ENDIAN);
    private static final int AF_INET6 = 10;

    private LinkInfoCodec() {
    }

    /** {@return the details of a link, from its raw attributes} */
    static LinkDetails details(Link l) {
        LinkInfo info = null;
        long allmulti = -1, tx = -1, rx = -1, gsoSize = -1, gsoSegs = -1, tsoSize = -1, tsoSegs = -1, gro = -1;
        long carrier = -1;
        int genMode = -1;
        for (RawAttribute r : l.raw()) {
            byte[] v = r.value();
            long u32 = v.length == 4 ? Integer.toUnsignedLong(MemorySegment.ofArray(v).get(U32, 0)) : -1;
            switch (r.type()) {
                case Rtnl.IFLA_LINKINFO -> info = linkInfo(Attributes.of(MemorySegment.ofArray(v)));
                case Rtnl.IFLA_AF_SPEC -> genMode = addrGenMode(Attributes.of(MemorySegment.ofArray(v)));
                case Rtnl.IFLA_ALLMULTI -> allmulti = u32;
                case Rtnl.IFLA_NUM_TX_QUEUES -> tx = u32;
                case Rtnl.IFLA_NUM_RX_QUEUES -> rx = u32;
                case Rtnl.IFLA_GSO_MAX_SIZE -> gsoSize = u32;
                case Rtnl.IFLA_GSO_MAX_SEGS -> gsoSegs = u32;
                case Rtnl.IFLA_TSO_MAX_SIZE -> tsoSize = u32;
                case Rtnl.IFLA_TSO_MAX_SEGS -> tsoSegs = u32;
                case Rtnl.IFLA_GRO_MAX_SIZE -> gro = u32;
                case Rtnl.IFLA_CARRIER_CHANGES -> carrier = u32;
                default -> { }
            }
        }
        return new LinkDetails(info, allmulti, tx, rx, gsoSize, gsoSegs, tsoSize, tsoSegs, gro, genMode, carrier);
    }

    /** Decodes the attributes inside {@code IFLA_LINKINFO}. */
    static LinkInfo linkInfo(Attributes a) {
        String kind = null, slaveKind = null;
        MemorySegment data = null, slaveData = null;
        while (a.next()) {
            switch (a.type()) {
                case Rtnl.IFLA_INFO_KIND -> kind = a.string();
                case Rtnl.IFLA_INFO_SLAVE_KIND -> slaveKind = a.string();
                case Rtnl.IFLA_INFO_DATA -> data = a.segment();
                case Rtnl.IFLA_INFO_SLAVE_DATA -> slaveData = a.segment();
                default -> { }
            }
        }
        return new LinkInfo(kind, data == null ? null : kindData(kind, Attributes.of(data)), slaveKind,
                slaveData == null ? null : slaveData(slaveKind, Attributes.of(slaveData)));
    }

    private static KindInfo kindData(String kind, Attributes a) {
        return switch (kind == null ? "" : kind) {
            case "bridge" -> bridgeInfo(a);
            case "vxlan" -> vxlanInfo(a);
            case "macvlan", "macvtap" -> macvlanInfo(a);
            case "tun" -> tunInfo(a);
            default -> other(a);
        };
    }

    private static KindInfo slaveData(String slaveKind, Attributes a) {
        return "bridge".equals(slaveKind) ? bridgePortInfo(a) : other(a);
    }

    private static OtherKindInfo other(Attributes a) {
        List<RawAttribute> out = new ArrayList<>();
        while (a.next()) out.add(new RawAttribute(a.type(), a.bytes()));
        return new OtherKindInfo(out);
    }

    /** {@code IFLA_INET6_ADDR_GEN_MODE} inside {@code IFLA_AF_SPEC/AF_INET6}, or -1. */
    private static int addrGenMode(Attributes a) {
        while (a.next()) {
            if (a.type() != AF_INET6) continue;
            Attributes in6 = a.nested();
            while (in6.next()) {
                if (in6.type() == KindAttrs.IFLA_INET6_ADDR_GEN_MODE && in6.length() == 1) return in6.u8();
            }
        }
        return -1;
    }

    /** The 6-byte {@code IFLA_MACVLAN_MACADDR} entries of a {@code IFLA_MACVLAN_MACADDR_DATA} nest. */
    private static List<byte[]> macaddrs(Attributes n) {
        List<byte[]> out = new ArrayList<>();
        while (n.next()) {
            if (n.type() == KindAttrs.IFLA_MACVLAN_MACADDR && n.length() >= LinkSpec.ETH_ALEN) out.add(n.bytes());
        }
        return out;
    }

    private static long u32(Attributes a, int offset) {
        return Integer.toUnsignedLong(a.segment().get(U32, offset));
    }

    private static int be16(Attributes a, int offset) {
        return Short.toUnsignedInt(a.segment().get(BE16, offset));
    }

    private static long be16(Attributes a) {
        return be16(a, 0);
    }

    /** Decodes the attributes of an {@code IFLA_BR_*} nest; fields of an unexpected length stay absent. */
    static BridgeInfo bridgeInfo(Attributes a) {
        long forwardDelay = -1;
        long helloTime = -1;
        long maxAge = -1;
        long ageingTime = -1;
        long stpState = -1;
        long priority = -1;
        long vlanFiltering = -1;
        long vlanProtocol = -1;
        BridgeId bridgeId = null;
        BridgeId rootId = null;
        long rootPort = -1;
        long rootPathCost = -1;
        long topologyChange = -1;
        long topologyChangeDetected = -1;
        long helloTimer = -1;
        long tcnTimer = -1;
        long topologyChangeTimer = -1;
        long gcTimer = -1;
        long vlanDefaultPvid = -1;
        long vlanStatsEnabled = -1;
        long vlanStatsPerPort = -1;
        long groupFwdMask = -1;
        byte[] groupAddr = null;
        long mcastSnooping = -1;
        long[] multiBoolopt = null;
        long mcastRouter = -1;
        long mcastQueryUseIfaddr = -1;
        long mcastQuerier = -1;
        long mcastHashElasticity = -1;
        long mcastHashMax = -1;
        long mcastLastMemberCnt = -1;
        long mcastStartupQueryCnt = -1;
        long mcastLastMemberIntvl = -1;
        long mcastMembershipIntvl = -1;
        long mcastQuerierIntvl = -1;
        long mcastQueryIntvl = -1;
        long mcastQueryResponseIntvl = -1;
        long mcastStartupQueryIntvl = -1;
        long mcastStatsEnabled = -1;
        long mcastIgmpVersion = -1;
        long mcastMldVersion = -1;
        long nfCallIptables = -1;
        long nfCallIp6tables = -1;
        long nfCallArptables = -1;
        while (a.next()) {
            int len = a.length();
            switch (a.type()) {
                case KindAttrs.IFLA_BR_FORWARD_DELAY -> { if (len == 4) forwardDelay = Integer.toUnsignedLong(a.u32()); }
                case KindAttrs.IFLA_BR_HELLO_TIME -> { if (len == 4) helloTime = Integer.toUnsignedLong(a.u32()); }
                case KindAttrs.IFLA_BR_MAX_AGE -> { if (len == 4) maxAge = Integer.toUnsignedLong(a.u32()); }
                case KindAttrs.IFLA_BR_AGEING_TIME -> { if (len == 4) ageingTime = Integer.toUnsignedLong(a.u32()); }
                case KindAttrs.IFLA_BR_STP_STATE -> { if (len == 4) stpState = Integer.toUnsignedLong(a.u32()); }
                case KindAttrs.IFLA_BR_PRIORITY -> { if (len == 2) priority = a.u16(); }
                case KindAttrs.IFLA_BR_VLAN_FILTERING -> { if (len == 1) vlanFiltering = a.u8(); }
                case KindAttrs.IFLA_BR_VLAN_PROTOCOL -> { if (len == 2) vlanProtocol = be16(a); }
                case KindAttrs.IFLA_BR_BRIDGE_ID -> { if (len == 8) bridgeId = BridgeId.of(a.bytes()); }
                case KindAttrs.IFLA_BR_ROOT_ID -> { if (len == 8) rootId = BridgeId.of(a.bytes()); }
                case KindAttrs.IFLA_BR_ROOT_PORT -> { if (len == 2) rootPort = a.u16(); }
                case KindAttrs.IFLA_BR_ROOT_PATH_COST -> { if (len == 4) rootPathCost = Integer.toUnsignedLong(a.u32()); }
                case KindAttrs.IFLA_BR_TOPOLOGY_CHANGE -> { if (len == 1) topologyChange = a.u8(); }
                case KindAttrs.IFLA_BR_TOPOLOGY_CHANGE_DETECTED -> { if (len == 1) topologyChangeDetected = a.u8(); }
                case KindAttrs.IFLA_BR_HELLO_TIMER -> { if (len == 8) helloTimer = a.u64(); }
                case KindAttrs.IFLA_BR_TCN_TIMER -> { if (len == 8) tcnTimer = a.u64(); }
                case KindAttrs.IFLA_BR_TOPOLOGY_CHANGE_TIMER -> { if (len == 8) topologyChangeTimer = a.u64(); }
                case KindAttrs.IFLA_BR_GC_TIMER -> { if (len == 8) gcTimer = a.u64(); }
                case KindAttrs.IFLA_BR_VLAN_DEFAULT_PVID -> { if (len == 2) vlanDefaultPvid = a.u16(); }
                case KindAttrs.IFLA_BR_VLAN_STATS_ENABLED -> { if (len == 1) vlanStatsEnabled = a.u8(); }
                case KindAttrs.IFLA_BR_VLAN_STATS_PER_PORT -> { if (len == 1) vlanStatsPerPort = a.u8(); }
                case KindAttrs.IFLA_BR_GROUP_FWD_MASK -> { if (len == 2) groupFwdMask = a.u16(); }
                case KindAttrs.IFLA_BR_GROUP_ADDR -> { groupAddr = a.bytes(); }
                case KindAttrs.IFLA_BR_MCAST_SNOOPING -> { if (len == 1) mcastSnooping = a.u8(); }
                case KindAttrs.IFLA_BR_MULTI_BOOLOPT -> { if (len == 8) multiBoolopt = new long[] {u32(a, 0), u32(a, 4)}; }
                case KindAttrs.IFLA_BR_MCAST_ROUTER -> { if (len == 1) mcastRouter = a.u8(); }
                case KindAttrs.IFLA_BR_MCAST_QUERY_USE_IFADDR -> { if (len == 1) mcastQueryUseIfaddr = a.u8(); }
                case KindAttrs.IFLA_BR_MCAST_QUERIER -> { if (len == 1) mcastQuerier = a.u8(); }
                case KindAttrs.IFLA_BR_MCAST_HASH_ELASTICITY -> { if (len == 4) mcastHashElasticity = Integer.toUnsignedLong(a.u32()); }
                case KindAttrs.IFLA_BR_MCAST_HASH_MAX -> { if (len == 4) mcastHashMax = Integer.toUnsignedLong(a.u32()); }
                case KindAttrs.IFLA_BR_MCAST_LAST_MEMBER_CNT -> { if (len == 4) mcastLastMemberCnt = Integer.toUnsignedLong(a.u32()); }
                case KindAttrs.IFLA_BR_MCAST_STARTUP_QUERY_CNT -> { if (len == 4) mcastStartupQueryCnt = Integer.toUnsignedLong(a.u32()); }
                case KindAttrs.IFLA_BR_MCAST_LAST_MEMBER_INTVL -> { if (len == 8) mcastLastMemberIntvl = a.u64(); }
                case KindAttrs.IFLA_BR_MCAST_MEMBERSHIP_INTVL -> { if (len == 8) mcastMembershipIntvl = a.u64(); }
                case KindAttrs.IFLA_BR_MCAST_QUERIER_INTVL -> { if (len == 8) mcastQuerierIntvl = a.u64(); }
                case KindAttrs.IFLA_BR_MCAST_QUERY_INTVL -> { if (len == 8) mcastQueryIntvl = a.u64(); }
                case KindAttrs.IFLA_BR_MCAST_QUERY_RESPONSE_INTVL -> { if (len == 8) mcastQueryResponseIntvl = a.u64(); }
                case KindAttrs.IFLA_BR_MCAST_STARTUP_QUERY_INTVL -> { if (len == 8) mcastStartupQueryIntvl = a.u64(); }
                case KindAttrs.IFLA_BR_MCAST_STATS_ENABLED -> { if (len == 1) mcastStatsEnabled = a.u8(); }
                case KindAttrs.IFLA_BR_MCAST_IGMP_VERSION -> { if (len == 1) mcastIgmpVersion = a.u8(); }
                case KindAttrs.IFLA_BR_MCAST_MLD_VERSION -> { if (len == 1) mcastMldVersion = a.u8(); }
                case KindAttrs.IFLA_BR_NF_CALL_IPTABLES -> { if (len == 1) nfCallIptables = a.u8(); }
                case KindAttrs.IFLA_BR_NF_CALL_IP6TABLES -> { if (len == 1) nfCallIp6tables = a.u8(); }
                case KindAttrs.IFLA_BR_NF_CALL_ARPTABLES -> { if (len == 1) nfCallArptables = a.u8(); }
                default -> { }
            }
        }
        return new BridgeInfo(forwardDelay, helloTime, maxAge, ageingTime, stpState, priority, vlanFiltering, vlanProtocol, bridgeId, rootId, rootPort, rootPathCost, topologyChange, topologyChangeDetected, helloTimer, tcnTimer, topologyChangeTimer, gcTimer, vlanDefaultPvid, vlanStatsEnabled, vlanStatsPerPort, groupFwdMask, groupAddr, mcastSnooping, multiBoolopt, mcastRouter, mcastQueryUseIfaddr, mcastQuerier, mcastHashElasticity, mcastHashMax, mcastLastMemberCnt, mcastStartupQueryCnt, mcastLastMemberIntvl, mcastMembershipIntvl, mcastQuerierIntvl, mcastQueryIntvl, mcastQueryResponseIntvl, mcastStartupQueryIntvl, mcastStatsEnabled, mcastIgmpVersion, mcastMldVersion, nfCallIptables, nfCallIp6tables, nfCallArptables);
    }

    /** Decodes the attributes of an {@code IFLA_BRPORT_*} nest; fields of an unexpected length stay absent. */
    static BridgePortInfo bridgePortInfo(Attributes a) {
        long state = -1;
        long priority = -1;
        long cost = -1;
        Boolean hairpin = null;
        Boolean guard = null;
        Boolean rootBlock = null;
        Boolean fastLeave = null;
        Boolean learning = null;
        Boolean flood = null;
        long id = -1;
        long no = -1;
        long designatedPort = -1;
        long designatedCost = -1;
        BridgeId bridgeId = null;
        BridgeId rootId = null;
        long holdTimer = -1;
        long messageAgeTimer = -1;
        long forwardDelayTimer = -1;
        long topologyChangeAck = -1;
        long configPending = -1;
        Boolean proxyArp = null;
        Boolean proxyArpWifi = null;
        long multicastRouter = -1;
        Boolean mcastFlood = null;
        Boolean bcastFlood = null;
        Boolean mcastToUnicast = null;
        Boolean neighSuppress = null;
        long groupFwdMask = -1;
        Boolean vlanTunnel = null;
        Boolean isolated = null;
        Boolean locked = null;
        long backupPort = -1;
        while (a.next()) {
            int len = a.length();
            switch (a.type()) {
                case BridgeCodec.IFLA_BRPORT_STATE -> { if (len == 1) state = a.u8(); }
                case BridgeCodec.IFLA_BRPORT_PRIORITY -> { if (len == 2) priority = a.u16(); }
                case BridgeCodec.IFLA_BRPORT_COST -> { if (len == 4) cost = Integer.toUnsignedLong(a.u32()); }
                case BridgeCodec.IFLA_BRPORT_MODE -> { if (len == 1) hairpin = a.u8() != 0; }
                case BridgeCodec.IFLA_BRPORT_GUARD -> { if (len == 1) guard = a.u8() != 0; }
                case BridgeCodec.IFLA_BRPORT_PROTECT -> { if (len == 1) rootBlock = a.u8() != 0; }
                case BridgeCodec.IFLA_BRPORT_FAST_LEAVE -> { if (len == 1) fastLeave = a.u8() != 0; }
                case BridgeCodec.IFLA_BRPORT_LEARNING -> { if (len == 1) learning = a.u8() != 0; }
                case BridgeCodec.IFLA_BRPORT_UNICAST_FLOOD -> { if (len == 1) flood = a.u8() != 0; }
                case KindAttrs.IFLA_BRPORT_ID -> { if (len == 2) id = a.u16(); }
                case KindAttrs.IFLA_BRPORT_NO -> { if (len == 2) no = a.u16(); }
                case KindAttrs.IFLA_BRPORT_DESIGNATED_PORT -> { if (len == 2) designatedPort = a.u16(); }
                case KindAttrs.IFLA_BRPORT_DESIGNATED_COST -> { if (len == 2) designatedCost = a.u16(); }
                case KindAttrs.IFLA_BRPORT_BRIDGE_ID -> { if (len == 8) bridgeId = BridgeId.of(a.bytes()); }
                case KindAttrs.IFLA_BRPORT_ROOT_ID -> { if (len == 8) rootId = BridgeId.of(a.bytes()); }
                case KindAttrs.IFLA_BRPORT_HOLD_TIMER -> { if (len == 8) holdTimer = a.u64(); }
                case KindAttrs.IFLA_BRPORT_MESSAGE_AGE_TIMER -> { if (len == 8) messageAgeTimer = a.u64(); }
                case KindAttrs.IFLA_BRPORT_FORWARD_DELAY_TIMER -> { if (len == 8) forwardDelayTimer = a.u64(); }
                case KindAttrs.IFLA_BRPORT_TOPOLOGY_CHANGE_ACK -> { if (len == 1) topologyChangeAck = a.u8(); }
                case KindAttrs.IFLA_BRPORT_CONFIG_PENDING -> { if (len == 1) configPending = a.u8(); }
                case KindAttrs.IFLA_BRPORT_PROXYARP -> { if (len == 1) proxyArp = a.u8() != 0; }
                case KindAttrs.IFLA_BRPORT_PROXYARP_WIFI -> { if (len == 1) proxyArpWifi = a.u8() != 0; }
                case BridgeCodec.IFLA_BRPORT_MULTICAST_ROUTER -> { if (len == 1) multicastRouter = a.u8(); }
                case BridgeCodec.IFLA_BRPORT_MCAST_FLOOD -> { if (len == 1) mcastFlood = a.u8() != 0; }
                case BridgeCodec.IFLA_BRPORT_BCAST_FLOOD -> { if (len == 1) bcastFlood = a.u8() != 0; }
                case BridgeCodec.IFLA_BRPORT_MCAST_TO_UCAST -> { if (len == 1) mcastToUnicast = a.u8() != 0; }
                case BridgeCodec.IFLA_BRPORT_NEIGH_SUPPRESS -> { if (len == 1) neighSuppress = a.u8() != 0; }
                case KindAttrs.IFLA_BRPORT_GROUP_FWD_MASK -> { if (len == 2) groupFwdMask = a.u16(); }
                case BridgeCodec.IFLA_BRPORT_VLAN_TUNNEL -> { if (len == 1) vlanTunnel = a.u8() != 0; }
                case BridgeCodec.IFLA_BRPORT_ISOLATED -> { if (len == 1) isolated = a.u8() != 0; }
                case BridgeCodec.IFLA_BRPORT_LOCKED -> { if (len == 1) locked = a.u8() != 0; }
                case KindAttrs.IFLA_BRPORT_BACKUP_PORT -> { if (len == 4) backupPort = Integer.toUnsignedLong(a.u32()); }
                default -> { }
            }
        }
        return new BridgePortInfo(state, priority, cost, hairpin, guard, rootBlock, fastLeave, learning, flood, id, no, designatedPort, designatedCost, bridgeId, rootId, holdTimer, messageAgeTimer, forwardDelayTimer, topologyChangeAck, configPending, proxyArp, proxyArpWifi, multicastRouter, mcastFlood, bcastFlood, mcastToUnicast, neighSuppress, groupFwdMask, vlanTunnel, isolated, locked, backupPort);
    }

    /** Decodes the attributes of an {@code IFLA_VXLAN_*} nest; fields of an unexpected length stay absent. */
    static VxlanInfo vxlanInfo(Attributes a) {
        long id = -1;
        InetAddress group = null;
        InetAddress group6 = null;
        InetAddress local = null;
        InetAddress local6 = null;
        long link = -1;
        int[] portRange = null;
        long port = -1;
        Boolean learning = null;
        Boolean proxy = null;
        Boolean rsc = null;
        Boolean l2miss = null;
        Boolean l3miss = null;
        long tos = -1;
        long ttl = -1;
        Boolean ttlInherit = null;
        long df = -1;
        long label = -1;
        long ageing = -1;
        long limit = -1;
        Boolean udpCsum = null;
        Boolean udpZeroCsum6Tx = null;
        Boolean udpZeroCsum6Rx = null;
        Boolean remcsumTx = null;
        Boolean remcsumRx = null;
        boolean gbp = false;
        boolean gpe = false;
        Boolean collectMetadata = null;
        while (a.next()) {
            int len = a.length();
            switch (a.type()) {
                case KindAttrs.IFLA_VXLAN_ID -> { if (len == 4) id = Integer.toUnsignedLong(a.u32()); }
                case KindAttrs.IFLA_VXLAN_GROUP -> { if (len == 4) group = a.inetAddress(); }
                case KindAttrs.IFLA_VXLAN_GROUP6 -> { if (len == 16) group6 = a.inetAddress(); }
                case KindAttrs.IFLA_VXLAN_LOCAL -> { if (len == 4) local = a.inetAddress(); }
                case KindAttrs.IFLA_VXLAN_LOCAL6 -> { if (len == 16) local6 = a.inetAddress(); }
                case KindAttrs.IFLA_VXLAN_LINK -> { if (len == 4) link = Integer.toUnsignedLong(a.u32()); }
                case KindAttrs.IFLA_VXLAN_PORT_RANGE -> { if (len == 4) portRange = new int[] {be16(a, 0), be16(a, 2)}; }
                case KindAttrs.IFLA_VXLAN_PORT -> { if (len == 2) port = be16(a); }
                case KindAttrs.IFLA_VXLAN_LEARNING -> { if (len == 1) learning = a.u8() != 0; }
                case KindAttrs.IFLA_VXLAN_PROXY -> { if (len == 1) proxy = a.u8() != 0; }
                case KindAttrs.IFLA_VXLAN_RSC -> { if (len == 1) rsc = a.u8() != 0; }
                case KindAttrs.IFLA_VXLAN_L2MISS -> { if (len == 1) l2miss = a.u8() != 0; }
                case KindAttrs.IFLA_VXLAN_L3MISS -> { if (len == 1) l3miss = a.u8() != 0; }
                case KindAttrs.IFLA_VXLAN_TOS -> { if (len == 1) tos = a.u8(); }
                case KindAttrs.IFLA_VXLAN_TTL -> { if (len == 1) ttl = a.u8(); }
                case KindAttrs.IFLA_VXLAN_TTL_INHERIT -> { if (len == 1) ttlInherit = a.u8() != 0; }
                case KindAttrs.IFLA_VXLAN_DF -> { if (len == 1) df = a.u8(); }
                case KindAttrs.IFLA_VXLAN_LABEL -> { if (len == 4) label = Integer.toUnsignedLong(a.segment().get(BE32, 0)); }
                case KindAttrs.IFLA_VXLAN_AGEING -> { if (len == 4) ageing = Integer.toUnsignedLong(a.u32()); }
                case KindAttrs.IFLA_VXLAN_LIMIT -> { if (len == 4) limit = Integer.toUnsignedLong(a.u32()); }
                case KindAttrs.IFLA_VXLAN_UDP_CSUM -> { if (len == 1) udpCsum = a.u8() != 0; }
                case KindAttrs.IFLA_VXLAN_UDP_ZERO_CSUM6_TX -> { if (len == 1) udpZeroCsum6Tx = a.u8() != 0; }
                case KindAttrs.IFLA_VXLAN_UDP_ZERO_CSUM6_RX -> { if (len == 1) udpZeroCsum6Rx = a.u8() != 0; }
                case KindAttrs.IFLA_VXLAN_REMCSUM_TX -> { if (len == 1) remcsumTx = a.u8() != 0; }
                case KindAttrs.IFLA_VXLAN_REMCSUM_RX -> { if (len == 1) remcsumRx = a.u8() != 0; }
                case KindAttrs.IFLA_VXLAN_GBP -> { gbp = true; }
                case KindAttrs.IFLA_VXLAN_GPE -> { gpe = true; }
                case KindAttrs.IFLA_VXLAN_COLLECT_METADATA -> { if (len == 1) collectMetadata = a.u8() != 0; }
                default -> { }
            }
        }
        return new VxlanInfo(id, group, group6, local, local6, link, portRange, port, learning, proxy, rsc, l2miss, l3miss, tos, ttl, ttlInherit, df, label, ageing, limit, udpCsum, udpZeroCsum6Tx, udpZeroCsum6Rx, remcsumTx, remcsumRx, gbp, gpe, collectMetadata);
    }

    /** Decodes the attributes of an {@code IFLA_MACVLAN_*} nest; fields of an unexpected length stay absent. */
    static MacvlanInfo macvlanInfo(Attributes a) {
        long mode = -1;
        long flags = -1;
        long macaddrCount = -1;
        long bcQueueLen = -1;
        long bcQueueLenUsed = -1;
        List<byte[]> macaddrData = null;
        while (a.next()) {
            int len = a.length();
            switch (a.type()) {
                case KindAttrs.IFLA_MACVLAN_MODE -> { if (len == 4) mode = Integer.toUnsignedLong(a.u32()); }
                case KindAttrs.IFLA_MACVLAN_FLAGS -> { if (len == 2) flags = a.u16(); }
                case KindAttrs.IFLA_MACVLAN_MACADDR_COUNT -> { if (len == 4) macaddrCount = Integer.toUnsignedLong(a.u32()); }
                case KindAttrs.IFLA_MACVLAN_BC_QUEUE_LEN -> { if (len == 4) bcQueueLen = Integer.toUnsignedLong(a.u32()); }
                case KindAttrs.IFLA_MACVLAN_BC_QUEUE_LEN_USED -> { if (len == 4) bcQueueLenUsed = Integer.toUnsignedLong(a.u32()); }
                case KindAttrs.IFLA_MACVLAN_MACADDR_DATA -> macaddrData = macaddrs(a.nested());
                default -> { }
            }
        }
        return new MacvlanInfo(mode, flags, macaddrCount, bcQueueLen, bcQueueLenUsed, macaddrData);
    }

    /** Decodes the attributes of an {@code IFLA_TUN_*} nest; fields of an unexpected length stay absent. */
    static TunInfo tunInfo(Attributes a) {
        long type = -1;
        Boolean pi = null;
        Boolean vnetHdr = null;
        Boolean persist = null;
        Boolean multiQueue = null;
        long numQueues = -1;
        long numDisabledQueues = -1;
        long owner = -1;
        long group = -1;
        while (a.next()) {
            int len = a.length();
            switch (a.type()) {
                case KindAttrs.IFLA_TUN_TYPE -> { if (len == 1) type = a.u8(); }
                case KindAttrs.IFLA_TUN_PI -> { if (len == 1) pi = a.u8() != 0; }
                case KindAttrs.IFLA_TUN_VNET_HDR -> { if (len == 1) vnetHdr = a.u8() != 0; }
                case KindAttrs.IFLA_TUN_PERSIST -> { if (len == 1) persist = a.u8() != 0; }
                case KindAttrs.IFLA_TUN_MULTI_QUEUE -> { if (len == 1) multiQueue = a.u8() != 0; }
                case KindAttrs.IFLA_TUN_NUM_QUEUES -> { if (len == 4) numQueues = Integer.toUnsignedLong(a.u32()); }
                case KindAttrs.IFLA_TUN_NUM_DISABLED_QUEUES -> { if (len == 4) numDisabledQueues = Integer.toUnsignedLong(a.u32()); }
                case KindAttrs.IFLA_TUN_OWNER -> { if (len == 4) owner = Integer.toUnsignedLong(a.u32()); }
                case KindAttrs.IFLA_TUN_GROUP -> { if (len == 4) group = Integer.toUnsignedLong(a.u32()); }
                default -> { }
            }
        }
        return new TunInfo(type, pi, vnetHdr, persist, multiQueue, numQueues, numDisabledQueues, owner, group);
    }
}
