package dev.ffsock.cli;

import dev.ffsock.TunTap;
import dev.ffsock.netlink.Netlink;
import dev.ffsock.netlink.NetlinkConnection;
import dev.ffsock.netlink.route.RtnetlinkChanges;
import dev.ffsock.netlink.route.TunSpec;

import java.util.List;

/** {@code ffsock tuntap add|del}: persistent tun/tap devices, like {@code ip tuntap add|del}. */
final class TuntapCommand implements Command {
    @Override
    public String name() {
        return "tuntap";
    }

    @Override
    public String summary() {
        return "add or delete tun/tap devices (like ip tuntap)";
    }

    @Override
    public String usage() {
        return """
                usage: ffsock tuntap add [dev] NAME mode tun|tap [user UID] [group GID] [multi_queue] [pi] [vnet_hdr]
                       ffsock tuntap del [dev] NAME mode tun|tap

                Makes a persistent tun or tap device the way 'ip tuntap add' does (open /dev/net/tun,
                ioctl TUNSETIFF, TUNSETOWNER, TUNSETGROUP, TUNSETPERSIST), or removes one.

                options:
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
        if (!words.hasNext()) throw new UsageException("tuntap needs add or del");
        String sub = words.next("command");
        if (!List.of("add", "del", "delete").contains(sub)) throw new UsageException("unknown tuntap command '" + sub + "' (add, del)");
        TunSpec t;
        try {
            t = new LinkArgs(words).tuntap();
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        try (NetlinkConnection c = NetlinkConnection.open(Netlink.NETLINK_ROUTE, common.netns)) {
            RtnetlinkChanges ch = new RtnetlinkChanges(c);
            switch (sub) {
                case "add" -> {
                    ch.addTuntap(t).close(); // persistent: the device stays
                    return 0;
                }
                default -> { // del: attach with the same mode and flags, clear persist, let go
                    TunSpec attach = new TunSpec(t.name(), t.tap(), -1, -1, t.multiQueue(), t.pi(), t.vnetHdr(), false);
                    try (TunTap dev = ch.addTuntap(attach)) {
                        dev.unpersist();
                    }
                    return 0;
                }
            }
        }
    }
}
