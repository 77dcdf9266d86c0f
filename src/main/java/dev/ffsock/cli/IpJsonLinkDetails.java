package dev.ffsock.cli;

import dev.ffsock.InetText;
import dev.ffsock.netlink.route.BridgeInfo;
import dev.ffsock.netlink.route.BridgePortInfo;
import dev.ffsock.netlink.route.Link;
import dev.ffsock.netlink.route.LinkDetails;
import dev.ffsock.netlink.route.LinkInfo;
import dev.ffsock.netlink.route.LinkStats;
import dev.ffsock.netlink.route.MacvlanInfo;
import dev.ffsock.netlink.route.TunInfo;
import dev.ffsock.netlink.route.VxlanInfo;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The keys {@code ip -j -d link} and {@code ip -j -s [-s] link} (iproute2 6.x) add to a link object:
 * the details ({@code promiscuity}, {@code allmulti}, {@code linkinfo} with {@code info_data} and
 * {@code info_slave_data} of bridge, bridge port, vxlan, macvlan/macvtap and tun, the queue and
 * offload limits) and {@code stats64}, with ip's value forms.
 */
final class IpJsonLinkDetails {
    private static final List<String> PORT_STATES = List.of("disabled", "listening", "learning", "forwarding", "blocking");

    private IpJsonLinkDetails() {
    }

    /** Adds what {@code ip -d} prints to {@code o}, a link object from {@link IpJson#link}. */
    static void details(Map<String, Object> o, Link l, IpJson.Links links) {
        LinkDetails d = l.details();
        o.remove("linkinfo");
        if (l.promiscuity() >= 0) o.put("promiscuity", Integer.toUnsignedLong(l.promiscuity()));
        num(o, "allmulti", d.allmulti());
        o.put("min_mtu", Integer.toUnsignedLong(l.minMtu()));
        o.put("max_mtu", Integer.toUnsignedLong(l.maxMtu()));
        if (d.info() != null) o.put("linkinfo", linkinfo(d.info(), links));
        if (d.inet6AddrGenMode() >= 0) o.put("inet6_addr_gen_mode", addrGenMode(d.inet6AddrGenMode()));
        num(o, "num_tx_queues", d.numTxQueues());
        num(o, "num_rx_queues", d.numRxQueues());
        num(o, "gso_max_size", d.gsoMaxSize());
        num(o, "gso_max_segs", d.gsoMaxSegs());
        num(o, "tso_max_size", d.tsoMaxSize());
        num(o, "tso_max_segs", d.tsoMaxSegs());
        num(o, "gro_max_size", d.groMaxSize());
    }

    /** Adds {@code stats64} as {@code ip -s} ({@code level} 1) or {@code ip -s -s} (2) prints it. */
    static void stats(Map<String, Object> o, Link l, int level) {
        LinkStats s = l.stats64();
        if (s == null) return;
        Map<String, Object> rx = new LinkedHashMap<>();
        rx.put("bytes", s.rxBytes());
        rx.put("packets", s.rxPackets());
        rx.put("errors", s.rxErrors());
        rx.put("dropped", s.rxDropped());
        rx.put("over_errors", s.rxOverErrors());
        rx.put("multicast", s.multicast());
        if (s.rxCompressed() != 0) rx.put("compressed", s.rxCompressed());
        Map<String, Object> tx = new LinkedHashMap<>();
        tx.put("bytes", s.txBytes());
        tx.put("packets", s.txPackets());
        tx.put("errors", s.txErrors());
        tx.put("dropped", s.txDropped());
        tx.put("carrier_errors", s.txCarrierErrors());
        tx.put("collisions", s.collisions());
        if (s.txCompressed() != 0) tx.put("compressed", s.txCompressed());
        if (level > 1) {
            rx.put("length_errors", s.rxLengthErrors());
            rx.put("crc_errors", s.rxCrcErrors());
            rx.put("frame_errors", s.rxFrameErrors());
            rx.put("fifo_errors", s.rxFifoErrors());
            rx.put("missed_errors", s.rxMissedErrors());
            if (s.rxNohandler() != 0) rx.put("nohandler", s.rxNohandler());
            if (s.rxOtherhostDropped() != 0) rx.put("otherhost", s.rxOtherhostDropped());
            tx.put("aborted_errors", s.txAbortedErrors());
            tx.put("fifo_errors", s.txFifoErrors());
            tx.put("window_errors", s.txWindowErrors());
            tx.put("heartbeat_errors", s.txHeartbeatErrors());
            long cc = l.details().carrierChanges();
            if (cc >= 0) tx.put("carrier_changes", cc);
        }
        Map<String, Object> st = new LinkedHashMap<>();
        st.put("rx", rx);
        st.put("tx", tx);
        o.put("stats64", st);
    }

    private static Map<String, Object> linkinfo(LinkInfo info, IpJson.Links links) {
        Map<String, Object> o = new LinkedHashMap<>();
        if (info.kind() != null) {
            o.put("info_kind", info.kind());
            Map<String, Object> data = switch (info.data()) {
                case BridgeInfo b -> bridge(b);
                case VxlanInfo v -> vxlan(v, links);
                case MacvlanInfo m -> macvlan(m);
                case TunInfo t -> tun(t);
                case null -> hasPrintOpt(info.kind()) ? new LinkedHashMap<>() : null;
                default -> null;
            };
            if (data != null) o.put("info_data", data);
        }
        if (info.slaveKind() != null) {
            o.put("info_slave_kind", info.slaveKind());
            if (info.slaveData() instanceof BridgePortInfo p) o.put("info_slave_data", bridgePort(p, links));
            else if (info.slaveData() == null && "bridge".equals(info.slaveKind())) o.put("info_slave_data", new LinkedHashMap<>());
        }
        return o;
    }

    /** Kinds whose iproute2 module prints {@code info_data} even when the kernel sent none. */
    private static boolean hasPrintOpt(String kind) {
        return switch (kind) {
            case "bridge", "vxlan", "macvlan", "macvtap", "tun" -> true;
            default -> false;
        };
    }

    private static Map<String, Object> bridge(BridgeInfo b) {
        Map<String, Object> o = new LinkedHashMap<>();
        num(o, "forward_delay", b.forwardDelay());
        num(o, "hello_time", b.helloTime());
        num(o, "max_age", b.maxAge());
        num(o, "ageing_time", b.ageingTime());
        num(o, "stp_state", b.stpState());
        num(o, "priority", b.priority());
        num(o, "vlan_filtering", b.vlanFiltering());
        if (b.vlanProtocol() >= 0) o.put("vlan_protocol", vlanProtocol(b.vlanProtocol()));
        if (b.bridgeId() != null) o.put("bridge_id", b.bridgeId().toString());
        // ip 6.1 prints root_id from IFLA_BR_BRIDGE_ID (br_dump_bridge_id(tb[IFLA_BR_BRIDGE_ID]))
        if (b.rootId() != null) o.put("root_id", (b.bridgeId() != null ? b.bridgeId() : b.rootId()).toString());
        num(o, "root_port", b.rootPort());
        num(o, "root_path_cost", b.rootPathCost());
        num(o, "topology_change", b.topologyChange());
        num(o, "topology_change_detected", b.topologyChangeDetected());
        timer(o, "hello_timer", b.helloTimer());
        timer(o, "tcn_timer", b.tcnTimer());
        timer(o, "topology_change_timer", b.topologyChangeTimer());
        timer(o, "gc_timer", b.gcTimer());
        num(o, "vlan_default_pvid", b.vlanDefaultPvid());
        num(o, "vlan_stats_enabled", b.vlanStatsEnabled());
        num(o, "vlan_stats_per_port", b.vlanStatsPerPort());
        if (b.groupFwdMask() >= 0) o.put("group_fwd_mask", hex(b.groupFwdMask()));
        if (b.groupAddr() != null) o.put("group_addr", IpJson.hardware(b.groupAddr(), 1));
        num(o, "mcast_snooping", b.mcastSnooping());
        if (b.multiBoolopt() != null) {
            long val = b.multiBoolopt()[0], mask = b.multiBoolopt()[1];
            if ((mask & 1) != 0) o.put("no_linklocal_learn", (val & 1) != 0 ? 1L : 0L);
            if ((mask & 2) != 0) o.put("mcast_vlan_snooping", (val & 2) != 0 ? 1L : 0L);
        }
        num(o, "mcast_router", b.mcastRouter());
        num(o, "mcast_query_use_ifaddr", b.mcastQueryUseIfaddr());
        num(o, "mcast_querier", b.mcastQuerier());
        num(o, "mcast_hash_elasticity", b.mcastHashElasticity());
        num(o, "mcast_hash_max", b.mcastHashMax());
        num(o, "mcast_last_member_cnt", b.mcastLastMemberCnt());
        num(o, "mcast_startup_query_cnt", b.mcastStartupQueryCnt());
        num(o, "mcast_last_member_intvl", b.mcastLastMemberIntvl());
        num(o, "mcast_membership_intvl", b.mcastMembershipIntvl());
        num(o, "mcast_querier_intvl", b.mcastQuerierIntvl());
        num(o, "mcast_query_intvl", b.mcastQueryIntvl());
        num(o, "mcast_query_response_intvl", b.mcastQueryResponseIntvl());
        num(o, "mcast_startup_query_intvl", b.mcastStartupQueryIntvl());
        num(o, "mcast_stats_enabled", b.mcastStatsEnabled());
        num(o, "mcast_igmp_version", b.mcastIgmpVersion());
        num(o, "mcast_mld_version", b.mcastMldVersion());
        num(o, "nf_call_iptables", b.nfCallIptables());
        num(o, "nf_call_ip6tables", b.nfCallIp6tables());
        num(o, "nf_call_arptables", b.nfCallArptables());
        return o;
    }

    private static Map<String, Object> bridgePort(BridgePortInfo p, IpJson.Links links) {
        Map<String, Object> o = new LinkedHashMap<>();
        if (p.state() >= 0) {
            if (p.state() < PORT_STATES.size()) o.put("state", PORT_STATES.get((int) p.state()));
            else o.put("state_index", p.state());
        }
        num(o, "priority", p.priority());
        if (p.cost() >= 0) o.put("cost", (long) (int) p.cost());
        bool(o, "hairpin", p.hairpin());
        bool(o, "guard", p.guard());
        bool(o, "root_block", p.rootBlock());
        bool(o, "fastleave", p.fastLeave());
        bool(o, "learning", p.learning());
        bool(o, "flood", p.flood());
        if (p.id() >= 0) o.put("id", hex(p.id()));
        if (p.no() >= 0) o.put("no", hex(p.no()));
        num(o, "designated_port", p.designatedPort());
        num(o, "designated_cost", p.designatedCost());
        if (p.bridgeId() != null) o.put("bridge_id", p.bridgeId().toString());
        if (p.rootId() != null) o.put("root_id", p.rootId().toString());
        timer(o, "hold_timer", p.holdTimer());
        timer(o, "message_age_timer", p.messageAgeTimer());
        timer(o, "forward_delay_timer", p.forwardDelayTimer());
        num(o, "topology_change_ack", p.topologyChangeAck());
        num(o, "config_pending", p.configPending());
        bool(o, "proxy_arp", p.proxyArp());
        bool(o, "proxy_arp_wifi", p.proxyArpWifi());
        num(o, "multicast_router", p.multicastRouter());
        bool(o, "mcast_flood", p.mcastFlood());
        bool(o, "bcast_flood", p.bcastFlood());
        bool(o, "mcast_to_unicast", p.mcastToUnicast());
        bool(o, "neigh_suppress", p.neighSuppress());
        if (p.groupFwdMask() >= 0) {
            o.put("group_fwd_mask", hex(p.groupFwdMask()));
            o.put("group_fwd_mask_str", fwdMaskNames((int) p.groupFwdMask()));
        }
        bool(o, "vlan_tunnel", p.vlanTunnel());
        bool(o, "isolated", p.isolated());
        bool(o, "locked", p.locked());
        if (p.backupPort() >= 0) o.put("backup_port", links.name((int) p.backupPort()));
        return o;
    }

    private static Map<String, Object> vxlan(VxlanInfo v, IpJson.Links links) {
        Map<String, Object> o = new LinkedHashMap<>();
        if (Boolean.TRUE.equals(v.collectMetadata())) o.put("external", true);
        num(o, "id", v.id());
        if (v.group() != null) {
            if (!v.group().isAnyLocalAddress()) o.put(v.group().isMulticastAddress() ? "group" : "remote", InetText.format(v.group()));
        } else if (v.group6() != null && !v.group6().isAnyLocalAddress()) {
            o.put(v.group6().isMulticastAddress() ? "group6" : "remote6", InetText.format(v.group6()));
        }
        if (v.local() != null) {
            if (!v.local().isAnyLocalAddress()) o.put("local", InetText.format(v.local()));
        } else if (v.local6() != null && !v.local6().isAnyLocalAddress()) {
            o.put("local6", InetText.format(v.local6()));
        }
        if (v.link() > 0) o.put("link", links.name((int) v.link()));
        if (v.portRange() != null) {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("low", (long) v.portRange()[0]);
            r.put("high", (long) v.portRange()[1]);
            o.put("port_range", r);
        }
        num(o, "port", v.port());
        if (v.learning() != null) o.put("learning", v.learning());
        trueOnly(o, "proxy", v.proxy());
        trueOnly(o, "rsc", v.rsc());
        trueOnly(o, "l2miss", v.l2miss());
        trueOnly(o, "l3miss", v.l3miss());
        if (v.tos() > 0) o.put("tos", hex(v.tos()));
        if (!Boolean.TRUE.equals(v.ttlInherit())) num(o, "ttl", v.ttl());
        if (v.df() >= 0 && v.df() <= 2) o.put("df", List.of("unset", "set", "inherit").get((int) v.df()));
        if (v.label() > 0) o.put("label", hex(v.label()));
        num(o, "ageing", v.ageing());
        if (v.limit() > 0) o.put("limit", v.limit());
        if (v.udpCsum() != null) o.put("udp_csum", v.udpCsum());
        if (v.udpZeroCsum6Tx() != null) o.put("udp_zero_csum6_tx", v.udpZeroCsum6Tx());
        if (v.udpZeroCsum6Rx() != null) o.put("udp_zero_csum6_rx", v.udpZeroCsum6Rx());
        trueOnly(o, "remcsum_tx", v.remcsumTx());
        trueOnly(o, "remcsum_rx", v.remcsumRx());
        if (v.gbp()) o.put("gbp", true);
        if (v.gpe()) o.put("gpe", true);
        return o;
    }

    private static Map<String, Object> macvlan(MacvlanInfo m) {
        Map<String, Object> o = new LinkedHashMap<>();
        if (m.mode() < 0) return o;
        var mode = dev.ffsock.netlink.route.MacvlanMode.values();
        String name = "unknown";
        for (var x : mode) if (x.value() == m.mode()) name = x.ipName();
        o.put("mode", name);
        long flags = Math.max(m.flags(), 0);
        if ((flags & 1) != 0) o.put("nopromisc", true);
        if ((flags & 2) != 0) o.put("nodst", true);
        num(o, "bcqueuelen", m.bcQueueLen());
        num(o, "usedbcqueuelen", m.bcQueueLenUsed());
        if (!"source".equals(name) || m.macaddrCount() < 0) return o;
        o.put("macaddr_count", m.macaddrCount());
        if (m.macaddrData() != null) {
            List<String> macs = new java.util.ArrayList<>();
            for (byte[] a : m.macaddrData()) macs.add(IpJson.hardware(java.util.Arrays.copyOf(a, 6), 1));
            o.put("macaddr_data", macs);
        }
        return o;
    }

    private static Map<String, Object> tun(TunInfo t) {
        Map<String, Object> o = new LinkedHashMap<>();
        if (t.type() >= 0) o.put("type", t.type() == 1 ? "tun" : t.type() == 2 ? "tap" : "UNKNOWN:" + t.type());
        if (t.pi() != null) o.put("pi", t.pi());
        if (t.vnetHdr() != null) o.put("vnet_hdr", t.vnetHdr());
        if (!Boolean.TRUE.equals(t.multiQueue())) {
            o.put("multi_queue", false);
        } else {
            o.put("multi_queue", true);
            num(o, "numqueues", t.numQueues());
            num(o, "numdisabled", t.numDisabledQueues());
        }
        if (t.persist() != null) o.put("persist", t.persist());
        if (t.owner() >= 0) o.put("user", idName(Path.of("/etc/passwd"), t.owner()));
        if (t.group() >= 0) o.put("group", idName(Path.of("/etc/group"), t.group()));
        return o;
    }

    /** The name of a uid or gid as getpwuid/getgrgid find it in the files, else the number. */
    private static Object idName(Path file, long id) {
        try {
            for (String line : Files.readAllLines(file)) {
                String[] f = line.split(":", -1);
                if (f.length > 2 && f[2].equals(Long.toString(id))) return f[0];
            }
        } catch (IOException e) {
            // as getpwuid without a database: the number
        }
        return id;
    }

    private static String addrGenMode(int m) {
        return switch (m) {
            case 0 -> "eui64";
            case 1 -> "none";
            case 2 -> "stable_secret";
            case 3 -> "random";
            default -> String.format("%#04x", m);
        };
    }

    private static String vlanProtocol(long p) {
        return p == 0x8100 ? "802.1Q" : p == 0x88a8 ? "802.1ad" : String.format("[%d]", p);
    }

    /** {@code fwd_mask_tbl}'s names for bits 0 (stp), 2 (lacp), 14 (lldp), else {@code 0xN}; "0x0" if none. */
    private static String fwdMaskNames(int mask) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 16; i++) {
            if ((mask & (1 << i)) == 0) continue;
            if (sb.length() > 0) sb.append(',');
            sb.append(i == 0 ? "stp" : i == 2 ? "lacp" : i == 14 ? "lldp" : "0x" + Integer.toHexString(1 << i));
        }
        return sb.length() == 0 ? "0x0" : sb.toString();
    }

    /** {@code print_0xhex} in JSON: {@code %#llx}, so "0" for zero. */
    private static String hex(long v) {
        return v == 0 ? "0" : "0x" + Long.toHexString(v);
    }

    /** A timer in hundredths of a second as {@code %i.%.2i} seconds. */
    private static void timer(Map<String, Object> o, String key, long ticks) {
        if (ticks >= 0) o.put(key, BigDecimal.valueOf(ticks, 2).doubleValue());
    }

    private static void num(Map<String, Object> o, String key, long v) {
        if (v >= 0) o.put(key, v);
    }

    private static void bool(Map<String, Object> o, String key, Boolean v) {
        if (v != null) o.put(key, v);
    }

    private static void trueOnly(Map<String, Object> o, String key, Boolean v) {
        if (Boolean.TRUE.equals(v)) o.put(key, true);
    }
}
