package dev.ffsock.cli;

import dev.ffsock.netlink.route.Link;
import dev.ffsock.netlink.route.Rtnetlink;

import java.util.ArrayList;
import java.util.List;

/** {@code ffsock link}: the network interfaces, like {@code ip -br link} / {@code ip -j link}. */
final class LinkCommand implements Command {
    @Override
    public String name() {
        return "link";
    }

    @Override
    public String summary() {
        return "list network interfaces (like ip link)";
    }

    @Override
    public String usage() {
        return """
                usage: ffsock link [--netns NAME] [--json]

                Lists the network interfaces through rtnetlink, one line each, like 'ip -br link':
                  eth0@if7  UP  02:fc:00:00:00:01  <BROADCAST,MULTICAST,UP,LOWER_UP>  mtu 1500
                With --json, the array 'ip -j link' prints (plus linkinfo, min_mtu, max_mtu).

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
        try (Rtnetlink rt = Rtnetlink.open(common.netns)) {
            links = rt.links();
        }
        IpJson.Links names = IpJson.Links.of(links);
        if (common.json) {
            List<Object> out = new ArrayList<>();
            for (Link l : links) out.add(IpJson.link(l, names, true));
            io.out().println(Json.write(out));
            return 0;
        }
        TextTable t = new TextTable();
        for (Link l : links) {
            String name = l.name();
            if (l.link() > 0) name += "@" + (l.linkNetnsId().isPresent() ? "if" + l.link() : names.name(l.link()));
            else if (l.link() == 0) name += "@NONE";
            t.add(name, l.operstate() == null ? "" : l.operstate().name(),
                    l.address() == null ? "" : IpJson.hardware(l.address(), l.type().value()),
                    "<" + String.join(",", l.flagNames()) + ">", "mtu " + Integer.toUnsignedString(l.mtu()),
                    l.master() != 0 ? "master " + names.name(l.master()) : "");
        }
        t.print(io.out());
        return 0;
    }
}
