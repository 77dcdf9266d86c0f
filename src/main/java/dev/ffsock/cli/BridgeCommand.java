package dev.ffsock.cli;

import dev.ffsock.netlink.Netlink;
import dev.ffsock.netlink.NetlinkConnection;
import dev.ffsock.netlink.route.Bridge;
import dev.ffsock.netlink.route.BridgePort;
import dev.ffsock.netlink.route.BridgePortFlag;
import dev.ffsock.netlink.route.BridgeVlan;
import dev.ffsock.netlink.route.FdbSpec;
import dev.ffsock.netlink.route.Link;
import dev.ffsock.netlink.route.Neigh;
import dev.ffsock.netlink.route.Rtnetlink;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;

/** {@code ffsock bridge fdb|vlan|link}: the bridge's tables, like iproute2's {@code bridge}. */
final class BridgeCommand implements Command {
    @Override
    public String name() {
        return "bridge";
    }

    @Override
    public String summary() {
        return "bridge fdb, vlan and port tables (like bridge fdb|vlan|link)";
    }

    @Override
    public String usage() {
        return """
                usage: ffsock bridge fdb [show] [br BRIDGE] [brport DEV] [--json]
                       ffsock bridge fdb add|replace|del MAC dev DEV [self] [master] [router] [extern_learn]
                                         [sticky] [permanent|static|dynamic] [vlan VID] [dst IP]
                       ffsock bridge vlan [show] [dev DEV] [--json]
                       ffsock bridge vlan add|del vid VID[-END] dev DEV [pvid] [untagged] [self]
                       ffsock bridge link [show] [dev DEV] [-d] [--json]
                       ffsock bridge link set dev DEV [state STATE] [priority N] [cost N] [FLAG on|off]...

                The forwarding database, port VLANs and port states of Linux bridges, read and changed
                through rtnetlink (AF_BRIDGE) as iproute2's 'bridge' does; 'ffsock fdb' is 'ffsock bridge
                fdb'. fdb add defaults to 'self permanent', as bridge fdb add. VLAN ids are 1 to 4094;
                port states disabled, listening, learning, forwarding, blocking (or 0 to 4), priority
                0 to 63, cost 1 to 65535; FLAG is hairpin, guard, root_block, fastleave, learning,
                flood, mcast_flood, bcast_flood, mcast_to_unicast, neigh_suppress, vlan_tunnel,
                isolated or locked (-d shows them). With --json, the array 'bridge -j ...' prints.

                options:
                """ + RtnlOptions.USAGE;
    }

    @Override
    public int run(String[] args, Io io) throws Exception {
        Words w = new Words(args);
        if (w.common.help) {
            io.out().print(usage());
            return 0;
        }
        String object = w.next("object (fdb, vlan or link)");
        try {
            switch (object) {
                case "fdb" -> fdb(w, io);
                case "vlan" -> vlan(w, io);
                case "link" -> link(w, io);
                default -> throw w.unknown(object);
            }
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        return 0;
    }

    /** {@code bridge fdb ...} (also {@code ffsock fdb}). */
    static void fdb(Words w, Io io) throws Exception {
        String verb = w.hasNext() ? w.next("command") : "show";
        if (verb.equals("show") || verb.equals("list")) {
            String br = null, dev = null;
            while (w.hasNext()) {
                String k = w.next("argument");
                switch (k) {
                    case "br" -> br = w.value(k);
                    case "brport", "dev" -> dev = w.value(k);
                    default -> throw w.unknown(k);
                }
            }
            showFdb(w, io, br, dev);
            return;
        }
        if (!verb.equals("add") && !verb.equals("replace") && !verb.equals("del") && !verb.equals("delete")) throw w.unknown(verb);
        String mac = null, dev = null;
        List<String> flags = new ArrayList<>();
        FdbSpec.Kind kind = null;
        int vlan = -1;
        InetAddress dst = null;
        while (w.hasNext()) {
            String k = w.next("argument");
            switch (k) {
                case "dev" -> dev = w.value(k);
                case "self", "master", "router", "extern_learn", "sticky" -> flags.add(k);
                case "permanent", "local" -> kind = FdbSpec.Kind.PERMANENT;
                case "static", "temp" -> kind = FdbSpec.Kind.STATIC;
                case "dynamic" -> kind = FdbSpec.Kind.DYNAMIC;
                case "vlan" -> vlan = w.intValue(k, 1, 4094);
                case "dst" -> dst = Words.address(w.value(k));
                default -> {
                    if (mac != null) throw w.unknown(k);
                    mac = k;
                }
            }
        }
        if (mac == null) throw new UsageException("missing MAC address");
        if (dev == null) throw new UsageException("missing 'dev DEV'");
        FdbSpec f = FdbSpec.of(mac, dev);
        for (String flag : flags) {
            switch (flag) {
                case "self" -> f.self();
                case "master" -> f.master();
                case "router" -> f.router();
                case "extern_learn" -> f.externLearn();
                default -> f.sticky();
            }
        }
        if (kind != null) f.kind(kind);
        if (vlan > 0) f.vlan(vlan);
        if (dst != null) f.dst(dst);
        try (NetlinkConnection c = NetlinkConnection.open(Netlink.NETLINK_ROUTE, w.common.netns)) {
            Bridge b = new Bridge(c);
            switch (verb) {
                case "add" -> b.addFdb(f);
                case "replace" -> b.replaceFdb(f);
                default -> b.deleteFdb(f);
            }
        }
    }

    private static void showFdb(Words w, Io io, String br, String dev) throws Exception {
        List<Neigh> entries;
        IpJson.Links links;
        try (Rtnetlink rt = Rtnetlink.open(w.common.netns)) {
            links = IpJson.Links.of(rt.links());
            entries = new Bridge(rt.connection()).fdb();
        }
        int brIndex = br == null ? 0 : index(links, br);
        int devIndex = dev == null ? 0 : index(links, dev);
        List<Object> json = new ArrayList<>();
        TextTable t = new TextTable();
        for (Neigh n : entries) {
            if (devIndex != 0 && n.ifindex() != devIndex) continue;
            if (brIndex != 0 && n.ifindex() != brIndex) {
                Link l = links.byIndex().get(n.ifindex());
                if (l == null || l.master() != brIndex) continue;
            }
            var j = BridgeJson.fdb(n, links, devIndex == 0);
            if (w.common.json) {
                json.add(j);
            } else {
                t.add((String) j.getOrDefault("mac", ""), "dev " + links.name(n.ifindex()),
                        n.vlan() > 0 ? "vlan " + n.vlan() : "", String.join(" ", castList(j.get("flags"))),
                        n.master() != 0 ? "master " + links.name(n.master()) : "", (String) j.get("state"));
            }
        }
        if (w.common.json) io.out().println(Json.write(json));
        else t.print(io.out());
    }

    @SuppressWarnings("unchecked")
    private static List<String> castList(Object o) {
        return (List<String>) o;
    }

    private static int index(IpJson.Links links, String name) throws UsageException {
        for (Link l : links.byIndex().values()) if (name.equals(l.name())) return l.index();
        throw new UsageException("no device '" + name + "'");
    }

    /** {@code bridge vlan ...}. */
    private static void vlan(Words w, Io io) throws Exception {
        String verb = w.hasNext() ? w.next("command") : "show";
        String dev = null;
        if (verb.equals("show") || verb.equals("list")) {
            while (w.hasNext()) {
                String k = w.next("argument");
                if (!k.equals("dev")) throw w.unknown(k);
                dev = w.value(k);
            }
            List<BridgePort> ports;
            try (NetlinkConnection c = NetlinkConnection.open(Netlink.NETLINK_ROUTE, w.common.netns)) {
                ports = new Bridge(c).vlans();
            }
            List<Object> json = new ArrayList<>();
            for (BridgePort p : ports) {
                if (dev != null && !dev.equals(p.link().name())) continue;
                if (w.common.json) {
                    json.add(BridgeJson.vlans(p));
                } else {
                    for (BridgeVlan v : p.vlans()) {
                        io.out().println(p.link().name() + " " + v.vid() + (v.vidEnd() != v.vid() ? "-" + v.vidEnd() : "")
                                + (v.pvid() ? " PVID" : "") + (v.untagged() ? " Egress Untagged" : ""));
                    }
                }
            }
            if (w.common.json) io.out().println(Json.write(json));
            return;
        }
        if (!verb.equals("add") && !verb.equals("del") && !verb.equals("delete")) throw w.unknown(verb);
        int vid = -1, end = -1;
        boolean pvid = false, untagged = false, self = false;
        while (w.hasNext()) {
            String k = w.next("argument");
            switch (k) {
                case "dev" -> dev = w.value(k);
                case "vid" -> {
                    String v = w.value(k);
                    int dash = v.indexOf('-');
                    vid = vid(dash < 0 ? v : v.substring(0, dash));
                    end = dash < 0 ? vid : vid(v.substring(dash + 1));
                }
                case "pvid" -> pvid = true;
                case "untagged" -> untagged = true;
                case "self" -> self = true;
                case "master" -> self = false;
                default -> throw w.unknown(k);
            }
        }
        if (vid < 0) throw new UsageException("missing 'vid VID'");
        if (dev == null) throw new UsageException("missing 'dev DEV'");
        BridgeVlan v = new BridgeVlan(vid, end, (pvid ? 2 : 0) | (untagged ? 4 : 0));
        try (NetlinkConnection c = NetlinkConnection.open(Netlink.NETLINK_ROUTE, w.common.netns)) {
            Bridge b = new Bridge(c);
            if (verb.equals("add")) b.addVlan(dev, v, self);
            else b.deleteVlan(dev, v, self);
        }
    }

    private static int vid(String s) throws UsageException {
        return Words.number(s, 1, 4094, "vlan id");
    }

    /** {@code bridge link ...}. */
    private static void link(Words w, Io io) throws Exception {
        String verb = w.hasNext() ? w.next("command") : "show";
        String dev = null;
        if (verb.equals("show") || verb.equals("list")) {
            while (w.hasNext()) {
                String k = w.next("argument");
                if (!k.equals("dev")) throw w.unknown(k);
                dev = w.value(k);
            }
            List<BridgePort> ports;
            IpJson.Links links;
            try (Rtnetlink rt = Rtnetlink.open(w.common.netns)) {
                links = IpJson.Links.of(rt.links());
                ports = new Bridge(rt.connection()).ports();
            }
            List<Object> json = new ArrayList<>();
            TextTable t = new TextTable();
            for (BridgePort p : ports) {
                if (dev != null && !dev.equals(p.link().name())) continue;
                var j = BridgeJson.port(p, links, w.details);
                if (w.common.json) {
                    json.add(j);
                } else {
                    t.add(p.link().index() + ":", p.link().name() + (j.containsKey("link") ? "@" + j.get("link") : ""),
                            "<" + String.join(",", castList(j.get("flags"))) + ">", "mtu " + j.get("mtu"),
                            j.containsKey("master") ? "master " + j.get("master") : "",
                            j.containsKey("state") ? "state " + j.get("state") : "",
                            j.containsKey("priority") ? "priority " + j.get("priority") : "",
                            j.containsKey("cost") ? "cost " + j.get("cost") : "");
                }
            }
            if (w.common.json) io.out().println(Json.write(json));
            else t.print(io.out());
            return;
        }
        if (!verb.equals("set") && !verb.equals("change")) throw w.unknown(verb);
        int state = -1, priority = -1;
        long cost = -1;
        java.util.Map<BridgePortFlag, Boolean> flags = new java.util.EnumMap<>(BridgePortFlag.class);
        while (w.hasNext()) {
            String k = w.next("argument");
            switch (k) {
                case "dev" -> dev = w.value(k);
                case "state" -> state = BridgePort.parseState(w.value(k));
                case "priority" -> priority = w.intValue(k, 0, 63);
                case "cost" -> cost = w.intValue(k, 1, 65535);
                default -> {
                    BridgePortFlag f = BridgePortFlag.ofKeyword(k);
                    if (f == null) throw w.unknown(k);
                    String v = w.value(k);
                    if (!v.equals("on") && !v.equals("off")) throw new UsageException("argument of '" + k + "' must be on or off: '" + v + "'");
                    flags.put(f, v.equals("on"));
                }
            }
        }
        if (dev == null) throw new UsageException("missing 'dev DEV'");
        try (NetlinkConnection c = NetlinkConnection.open(Netlink.NETLINK_ROUTE, w.common.netns)) {
            new Bridge(c).setPort(dev, state, priority, cost, flags);
        }
    }
}
