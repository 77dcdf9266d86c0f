package dev.ffsock.cli;

import dev.ffsock.netlink.Netlink;
import dev.ffsock.netlink.NetlinkConnection;
import dev.ffsock.netlink.route.Neigh;
import dev.ffsock.netlink.route.NeighSpec;
import dev.ffsock.netlink.route.NeighState;
import dev.ffsock.netlink.route.Rtnetlink;
import dev.ffsock.netlink.route.RtnetlinkChanges;

import java.util.ArrayList;
import java.util.List;

/** {@code ffsock neigh}: the ARP and NDP tables, like {@code ip neigh show} / {@code ip -j neigh}. */
final class NeighCommand implements Command {
    @Override
    public String name() {
        return "neigh";
    }

    @Override
    public String summary() {
        return "list and change ARP/NDP neighbour entries (like ip neigh)";
    }

    @Override
    public String usage() {
        return """
                usage: ffsock neigh [show] [proxy] [dev DEV] [-4 | -6] [--netns NAME] [--json]
                       ffsock neigh add|replace [proxy] ADDR [lladdr LLADDR] dev DEV [nud STATE]
                                    [router] [extern_learn]
                       ffsock neigh del [proxy] ADDR dev DEV
                       ffsock neigh flush [dev DEV] [nud STATE] [-4 | -6]

                Lists the neighbour (ARP and NDP) entries through rtnetlink, one line each:
                  192.0.2.1  dev eth0  lladdr 02:fc:00:00:00:05  STALE
                Entries in state NOARP or NONE are left out, as 'ip neigh show' does; 'proxy'
                lists the proxy entries instead. With --json, the array 'ip -j neigh show' prints.
                add, replace, del and flush change the table as 'ip neigh' does: STATE is one of
                permanent (the default), noarp, reachable, stale, none, incomplete, delay, probe,
                failed; flush deletes the entries (of DEV, or of every device) in STATE (default: all
                but permanent and noarp).

                options:
                  -4, -6         only IPv4 (ARP) or only IPv6 (NDP) entries
                """ + RtnlOptions.USAGE;
    }

    @Override
    public int run(String[] args, Io io) throws Exception {
        Words w = new Words(args);
        if (w.common.help) {
            io.out().print(usage());
            return 0;
        }
        String verb = w.hasNext() && VERBS.contains(w.peek()) ? w.next("command") : "show";
        try {
            if (verb.equals("show") || verb.equals("list")) return show(w, io);
            change(verb, w);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        return 0;
    }

    private static final java.util.Set<String> VERBS = java.util.Set.of("show", "list", "add", "replace", "del", "delete", "flush");

    /** {@code ip neigh add|replace|del|flush ...}. */
    private static void change(String verb, Words w) throws Exception {
        boolean proxy = false, router = false, externLearn = false;
        String dev = null, lladdr = null, address = null;
        NeighState nud = null;
        while (w.hasNext()) {
            String k = w.next("argument");
            switch (k) {
                case "proxy" -> proxy = true;
                case "dev" -> dev = w.value(k);
                case "lladdr" -> lladdr = w.value(k);
                case "nud" -> nud = NeighState.parse(w.value(k));
                case "router" -> router = true;
                case "extern_learn" -> externLearn = true;
                case "to" -> address = w.value(k);
                default -> {
                    if (address != null || verb.equals("flush")) throw w.unknown(k);
                    address = k;
                }
            }
        }
        if (verb.equals("flush") && dev == null && nud == null) throw new UsageException("flush needs 'dev DEV' or 'nud STATE'");
        if (!verb.equals("flush") && dev == null) throw new UsageException("missing 'dev DEV'");
        try (NetlinkConnection c = NetlinkConnection.open(Netlink.NETLINK_ROUTE, w.common.netns)) {
            RtnetlinkChanges ch = new RtnetlinkChanges(c);
            if (verb.equals("flush")) {
                ch.flushNeighbours(w.family, dev, nud);
                return;
            }
            if (address == null) throw new UsageException("missing neighbour address");
            NeighSpec n = NeighSpec.of(dev, Words.address(address));
            if (proxy) n.proxy();
            if (router) n.router();
            if (externLearn) n.externLearn();
            if (lladdr != null) n.lladdr(lladdr);
            if (nud != null) n.state(nud);
            switch (verb) {
                case "add" -> ch.addNeighbour(n);
                case "replace" -> ch.replaceNeighbour(n);
                default -> ch.deleteNeighbour(n);
            }
        }
    }

    private static int show(Words w, Io io) throws Exception {
        boolean proxy = false;
        String dev = null;
        while (w.hasNext()) {
            String k = w.next("argument");
            switch (k) {
                case "proxy" -> proxy = true;
                case "dev" -> dev = w.value(k);
                default -> throw w.unknown(k);
            }
        }
        List<Neigh> entries;
        IpJson.Links names;
        try (Rtnetlink rt = Rtnetlink.open(w.common.netns)) {
            names = IpJson.Links.of(rt.links());
            int index = 0;
            if (dev != null) {
                for (var l : names.byIndex().values()) if (dev.equals(l.name())) index = l.index();
                if (index == 0) throw new UsageException("no device '" + dev + "'");
            }
            entries = proxy ? rt.proxyNeighbours(w.family, index) : rt.neighbours(w.family, index);
        }
        boolean withDev = dev == null;
        List<Object> json = new ArrayList<>();
        TextTable t = new TextTable();
        for (Neigh n : entries) {
            if (!IpJson.neighShown(n)) continue;
            var j = IpJson.neigh(n, names);
            if (!withDev) j.remove("dev"); // ip leaves dev out when the listing is filtered by it
            if (w.common.json) {
                json.add(j);
            } else {
                t.add(j.get("dst") == null ? "" : (String) j.get("dst"), n.ifindex() != 0 ? "dev " + names.name(n.ifindex()) : "",
                        n.lladdr() != null ? "lladdr " + j.get("lladdr") : "", n.isRouter() ? "router" : "",
                        proxy ? "proxy" : n.state().toString());
            }
        }
        if (w.common.json) io.out().println(Json.write(json));
        else t.print(io.out());
        return 0;
    }
}
