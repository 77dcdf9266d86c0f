package dev.ffsock.cli;

import dev.ffsock.netlink.route.Neigh;
import dev.ffsock.netlink.route.Rtnetlink;

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
        return "list ARP/NDP neighbour entries (like ip neigh)";
    }

    @Override
    public String usage() {
        return """
                usage: ffsock neigh [-4 | -6] [--netns NAME] [--json]

                Lists the neighbour (ARP and NDP) entries through rtnetlink, one line each:
                  192.0.2.1  dev eth0  lladdr 02:fc:00:00:00:05  STALE
                Entries in state NOARP or NONE are left out, as 'ip neigh show' does.
                With --json, the array 'ip -j neigh show' prints.

                options:
                  -4, -6         only IPv4 (ARP) or only IPv6 (NDP) entries
                """ + RtnlOptions.USAGE;
    }

    @Override
    public int run(String[] args, Io io) throws Exception {
        Options o = new Options(args);
        RtnlOptions common = new RtnlOptions();
        int family = 0;
        while (o.hasNext()) {
            String opt = o.next();
            if (common.accept(opt, o)) continue;
            switch (opt) {
                case "-4" -> {
                    o.flag();
                    family = 2;
                }
                case "-6" -> {
                    o.flag();
                    family = 10;
                }
                default -> throw o.unknown();
            }
        }
        if (common.help) {
            io.out().print(usage());
            return 0;
        }
        List<Neigh> entries;
        IpJson.Links names;
        try (Rtnetlink rt = Rtnetlink.open(common.netns)) {
            names = IpJson.Links.of(rt.links());
            entries = rt.neighbours(family, 0);
        }
        List<Object> json = new ArrayList<>();
        TextTable t = new TextTable();
        for (Neigh n : entries) {
            if (!IpJson.neighShown(n)) continue;
            var j = IpJson.neigh(n, names);
            if (common.json) {
                json.add(j);
            } else {
                t.add(j.get("dst") == null ? "" : (String) j.get("dst"), n.ifindex() != 0 ? "dev " + j.get("dev") : "",
                        n.lladdr() != null ? "lladdr " + j.get("lladdr") : "", n.isRouter() ? "router" : "",
                        n.state().toString());
            }
        }
        if (common.json) io.out().println(Json.write(json));
        else t.print(io.out());
        return 0;
    }
}
