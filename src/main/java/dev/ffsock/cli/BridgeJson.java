package dev.ffsock.cli;

import dev.ffsock.InetText;
import dev.ffsock.netlink.route.BridgeCodec;
import dev.ffsock.netlink.route.BridgePort;
import dev.ffsock.netlink.route.BridgePortFlag;
import dev.ffsock.netlink.route.BridgeVlan;
import dev.ffsock.netlink.route.Link;
import dev.ffsock.netlink.route.Neigh;
import dev.ffsock.netlink.route.Rtnl;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Bridge objects as {@code bridge -j fdb|vlan|link show} (iproute2 6.1) prints them. */
final class BridgeJson {
    private BridgeJson() {
    }

    /**
     * {@return an fdb entry as {@code bridge -j fdb show} prints it}
     *
     * @param withDev false when the dump was filtered by device ({@code brport DEV}), where bridge leaves {@code ifname} out
     */
    static Map<String, Object> fdb(Neigh n, IpJson.Links links, boolean withDev) {
        Map<String, Object> o = new LinkedHashMap<>();
        if (n.lladdr() != null) o.put("mac", IpJson.hardware(n.lladdr(), links.type(n.ifindex())));
        if (withDev && n.ifindex() != 0) o.put("ifname", links.name(n.ifindex()));
        if (n.dst() != null) o.put("dst", InetText.format(n.dst()));
        if (n.vlan() > 0) o.put("vlan", n.vlan());
        List<String> flags = new ArrayList<>();
        if ((n.flags() & Rtnl.NTF_SELF) != 0) flags.add("self");
        if ((n.flags() & Rtnl.NTF_ROUTER) != 0) flags.add("router");
        if ((n.flags() & Rtnl.NTF_EXT_LEARNED) != 0) flags.add("extern_learn");
        if ((n.flags() & Rtnl.NTF_OFFLOADED) != 0) flags.add("offload");
        if ((n.flags() & Rtnl.NTF_STICKY) != 0) flags.add("sticky");
        o.put("flags", flags);
        if (n.master() != 0) o.put("master", links.name(n.master()));
        o.put("state", BridgeCodec.fdbStateName(n.state().bits()));
        return o;
    }

    /** {@return a bridge port as {@code bridge -j [-d] link show} prints it} */
    static Map<String, Object> port(BridgePort p, IpJson.Links links, boolean details) {
        Link l = p.link();
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("ifindex", l.index());
        boolean peerDown = false;
        if (l.link() > 0) {
            if (l.linkNetnsId().isPresent()) {
                o.put("link_index", l.link());
            } else {
                o.put("link", links.name(l.link()));
                Link peer = links.byIndex().get(l.link());
                peerDown = peer != null && (peer.flags() & Rtnl.IFF_UP) == 0;
            }
        }
        o.put("ifname", l.name());
        List<String> flags = new ArrayList<>(l.flagNames());
        if (peerDown) flags.add("M-DOWN");
        o.put("flags", flags);
        if (l.mtu() != 0) o.put("mtu", Integer.toUnsignedLong(l.mtu()));
        if (l.master() != 0) o.put("master", links.name(l.master()));
        if (p.state() >= 0) o.put("state", p.state() <= 4 ? BridgePort.stateName(p.state()) : (Object) p.state());
        if (p.priority() >= 0) o.put("priority", p.priority());
        if (p.cost() >= 0) o.put("cost", p.cost());
        if (details) {
            for (BridgePortFlag f : BridgePortFlag.values()) {
                Boolean on = p.flags().get(f);
                if (on != null) o.put(f.keyword(), on);
                if (f == BridgePortFlag.BCAST_FLOOD && p.multicastRouter() >= 0) o.put("mcast_router", p.multicastRouter());
            }
        }
        return o;
    }

    /** {@return a port's VLANs as {@code bridge -j vlan show} prints them} */
    static Map<String, Object> vlans(BridgePort p) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("ifname", p.link().name());
        List<Object> vlans = new ArrayList<>();
        for (BridgeVlan v : p.vlans()) {
            Map<String, Object> j = new LinkedHashMap<>();
            j.put("vlan", v.vid());
            if (v.vidEnd() != v.vid()) j.put("vlanEnd", v.vidEnd());
            List<String> flags = new ArrayList<>();
            if (v.pvid()) flags.add("PVID");
            if (v.untagged()) flags.add("Egress Untagged");
            if (!flags.isEmpty()) j.put("flags", flags);
            vlans.add(j);
        }
        o.put("vlans", vlans);
        return o;
    }
}
