package dev.ffsock.cli;

import dev.ffsock.netlink.Netlink;
import dev.ffsock.netlink.NetlinkConnection;
import dev.ffsock.netlink.route.Link;
import dev.ffsock.netlink.route.LinkSpec;
import dev.ffsock.netlink.route.Rtnetlink;
import dev.ffsock.netlink.route.RtnetlinkChanges;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code ffsock link}: the network interfaces, like {@code ip -br link} / {@code ip -j [-d] [-s] link};
 * and {@code link add|set|del}, like {@code ip link add|set|del}.
 */
final class LinkCommand implements Command {
    @Override
    public String name() {
        return "link";
    }

    @Override
    public String summary() {
        return "list, add, change and delete network interfaces (like ip link)";
    }

    @Override
    public String usage() {
        return """
                usage: ffsock link [show [[dev] DEV]] [-d] [-s [-s]] [--netns NAME] [--json]
                       ffsock link add [link DEV] [name] NAME [mtu M] [address LLADDR] [txqueuelen Q]
                                       [master DEV] [netns NS] type KIND [ARGS]
                       ffsock link set [dev] DEV [up|down] [mtu M] [name N] [alias A] [address LLADDR]
                                       [txqueuelen Q] [group G] [master DEV|nomaster] [promisc on|off]
                                       [arp on|off] [netns NS]
                       ffsock link del [dev] DEV

                Lists the network interfaces through rtnetlink, one line each, like 'ip -br link':
                  eth0@if7  UP  02:fc:00:00:00:01  <BROADCAST,MULTICAST,UP,LOWER_UP>  mtu 1500
                With --json, the array 'ip -j link' prints (plus linkinfo, min_mtu, max_mtu); with -d
                what 'ip -j -d link' prints, with -s (-s -s) the counters as 'ip -j -s link'.
                KIND and ARGS as ip takes them: veth peer name P [netns NS]; bridge [stp_state 0|1]
                [forward_delay FD] [ageing_time AT] [vlan_filtering 0|1] [vlan_default_pvid PVID]
                [mcast_snooping 0|1]; vxlan id VNI [dstport P] [group|remote ADDR] [local ADDR] [dev D]
                [ttl T] [[no]learning] [[no]udpcsum] [[no]udp6zerocsumtx] [[no]udp6zerocsumrx];
                macvlan|macvtap (with link DEV) [mode private|vepa|bridge|passthru|source]; vlan (with
                link DEV) id ID [protocol 802.1Q|802.1ad]; bond [mode MODE]; dummy, ifb, …
                NS is a namespace name or a pid. A kernel refusal exits 1 with its errno and message.

                options:
                  -d, --details  show details (ip -d)
                  -s, --stats    show counters (ip -s); twice for the error counters
                """ + RtnlOptions.USAGE;
    }

    @Override
    public int run(String[] args, Io io) throws Exception {
        Words words = new Words(args);
        RtnlOptions common = words.common;
        if (common.help) {
            io.out().print(usage());
            return 0;
        }
        String sub = words.hasNext() ? words.next("command") : "show";
        try {
            switch (sub) {
                case "add" -> {
                    LinkSpec s = new LinkArgs(words).add();
                    try (NetlinkConnection c = NetlinkConnection.open(Netlink.NETLINK_ROUTE, common.netns)) {
                        new RtnetlinkChanges(c).addLink(s);
                    }
                    return 0;
                }
                case "set", "change" -> {
                    LinkArgs.Set set = new LinkArgs(words).set();
                    try (NetlinkConnection c = NetlinkConnection.open(Netlink.NETLINK_ROUTE, common.netns)) {
                        new RtnetlinkChanges(c).setLink(set.dev(), set.change());
                    }
                    return 0;
                }
                case "del", "delete" -> {
                    String dev = device(words, true);
                    try (NetlinkConnection c = NetlinkConnection.open(Netlink.NETLINK_ROUTE, common.netns)) {
                        new RtnetlinkChanges(c).deleteLink(dev);
                    }
                    return 0;
                }
                case "show", "list", "ls" -> {
                    return show(io, common, device(words, false), words.details, words.stats);
                }
                default -> throw new UsageException("unknown link command '" + sub + "' (show, add, set, del)");
            }
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    /** {@code [dev] DEV} and nothing after it; {@return the device, or null if optional and absent} */
    private static String device(Words words, boolean required) throws UsageException {
        if (!required && !words.hasNext()) return null;
        String d = words.next("device");
        if (d.equals("dev")) d = words.next("device");
        words.end();
        return d;
    }

    private static int show(Io io, RtnlOptions common, String dev, boolean details, int stats) throws Exception {
        List<Link> links;
        try (Rtnetlink rt = Rtnetlink.open(common.netns)) {
            links = rt.links();
        }
        IpJson.Links names = IpJson.Links.of(links);
        if (dev != null) {
            links = links.stream().filter(l -> dev.equals(l.name())).toList();
            if (links.isEmpty()) {
                io.err().println("ffsock: link: device \"" + dev + "\" does not exist");
                return 1;
            }
        }
        if (common.json) {
            List<Object> out = new ArrayList<>();
            for (Link l : links) {
                Map<String, Object> o = IpJson.link(l, names, true);
                if (details) IpJsonLinkDetails.details(o, l, names);
                if (stats > 0) IpJsonLinkDetails.stats(o, l, stats);
                out.add(o);
            }
            io.out().println(Json.write(out));
            return 0;
        }
        TextTable t = new TextTable();
        for (Link l : links) {
            String name = l.name();
            if (l.link() > 0) name += "@" + (l.linkNetnsId().isPresent() ? "if" + l.link() : names.name(l.link()));
            else if (l.link() == 0) name += "@NONE";
            List<String> row = new ArrayList<>(List.of(name, l.operstate() == null ? "" : l.operstate().name(),
                    l.address() == null ? "" : IpJson.hardware(l.address(), l.type().value()),
                    "<" + String.join(",", l.flagNames()) + ">", "mtu " + Integer.toUnsignedString(l.mtu()),
                    l.master() != 0 ? "master " + names.name(l.master()) : ""));
            if (details) row.add(l.kind() == null ? "" : l.kind() + (l.slaveKind() == null ? "" : " " + l.slaveKind() + "_slave"));
            if (stats > 0 && l.stats64() != null) {
                row.add("rx " + l.stats64().rxBytes() + "B " + l.stats64().rxPackets() + "p");
                row.add("tx " + l.stats64().txBytes() + "B " + l.stats64().txPackets() + "p");
            }
            t.add(row.toArray(String[]::new));
        }
        t.print(io.out());
        return 0;
    }
}
