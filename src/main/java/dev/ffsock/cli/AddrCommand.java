package dev.ffsock.cli;

import dev.ffsock.netlink.route.Addr;
import dev.ffsock.netlink.route.Link;
import dev.ffsock.netlink.route.Rtnetlink;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code ffsock addr}: the interface addresses, like {@code ip -br addr} / {@code ip -j addr}. */
final class AddrCommand implements Command {
    @Override
    public String name() {
        return "addr";
    }

    @Override
    public String summary() {
        return "list interface addresses (like ip addr)";
    }

    @Override
    public String usage() {
        return """
                usage: ffsock addr [--netns NAME] [--json]

                Lists every interface with its IPv4 and IPv6 addresses through rtnetlink, one line
                per interface, like 'ip -br addr':
                  eth0  UP  192.0.2.2/24 fd00::2/64 fe80::fc:ff:fe00:1/64
                With --json, the array 'ip -j addr' prints: link objects with 'addr_info' arrays.

                options:
                """ + RtnlOptions.USAGE;
    }

    @Override
    public int run(String[] args, Io io) throws Exception {
        Options o = new Options(args);
        RtnlOptions common = new RtnlOptions();
        while (o.hasNext()) {
            String opt = o.next();
            if (!common.accept(opt, o)) throw o.unknown();
        }
        if (common.help) {
            io.out().print(usage());
            return 0;
        }
        List<Link> links;
        List<Addr> addrs;
        try (Rtnetlink rt = Rtnetlink.open(common.netns)) {
            links = rt.links();
            addrs = rt.addresses();
        }
        Map<Integer, List<Addr>> byLink = new LinkedHashMap<>();
        for (Addr a : addrs) byLink.computeIfAbsent(a.index(), k -> new ArrayList<>()).add(a);
        IpJson.Links names = IpJson.Links.of(links);
        if (common.json) {
            List<Object> out = new ArrayList<>();
            for (Link l : links) {
                Map<String, Object> lo = IpJson.link(l, names, false);
                List<Object> info = new ArrayList<>();
                for (Addr a : byLink.getOrDefault(l.index(), List.of())) info.add(IpJson.addr(a));
                lo.put("addr_info", info);
                out.add(lo);
            }
            io.out().println(Json.write(out));
            return 0;
        }
        TextTable t = new TextTable();
        for (Link l : links) {
            StringBuilder sb = new StringBuilder();
            for (Addr a : byLink.getOrDefault(l.index(), List.of())) {
                InetAddress local = a.ifaddr();
                if (local == null) continue;
                if (sb.length() > 0) sb.append(' ');
                sb.append(Inet.format(local));
                if (a.peer() != null) sb.append(" peer ").append(Inet.format(a.peer()));
                sb.append('/').append(a.prefixLen());
            }
            t.add(l.name(), l.operstate() == null ? "" : l.operstate().name(), sb.toString());
        }
        t.print(io.out());
        return 0;
    }
}
