package dev.ffsock.cli;

import dev.ffsock.netlink.route.BondSpec;
import dev.ffsock.netlink.route.BridgeSpec;
import dev.ffsock.netlink.route.KindSpec;
import dev.ffsock.netlink.route.LinkChange;
import dev.ffsock.netlink.route.LinkSpec;
import dev.ffsock.netlink.route.MacvlanMode;
import dev.ffsock.netlink.route.MacvlanSpec;
import dev.ffsock.netlink.route.NetnsRef;
import dev.ffsock.netlink.route.PlainKind;
import dev.ffsock.netlink.route.RtnetlinkChanges;
import dev.ffsock.netlink.route.TunSpec;
import dev.ffsock.netlink.route.VethSpec;
import dev.ffsock.netlink.route.VlanSpec;
import dev.ffsock.netlink.route.VxlanSpec;

import java.net.InetAddress;

/**
 * Parses the words of {@code ip link add|set} and {@code ip tuntap add} into the library's specs,
 * as iproute2 reads them. Every mistake is a {@link UsageException} with one line; values the specs
 * refuse ({@link IllegalArgumentException}) become one too.
 */
final class LinkArgs {
    private final Words words;

    LinkArgs(Words words) {
        this.words = words;
    }

    private boolean more() {
        return words.hasNext();
    }

    private String word() throws UsageException {
        return words.next("argument");
    }

    private String value(String key) throws UsageException {
        return words.value(key);
    }

    private long number(String key, long min, long max) throws UsageException {
        String v = value(key);
        try {
            long n = v.startsWith("0x") ? Long.parseLong(v.substring(2), 16) : Long.parseLong(v);
            if (n >= min && n <= max) return n;
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UsageException("bad value for '" + key + "': '" + v + "' (" + min + " to " + max + ")");
    }

    private boolean onOff(String key) throws UsageException {
        String v = value(key);
        if (v.equals("on")) return true;
        if (v.equals("off")) return false;
        throw new UsageException("'" + key + "' takes on or off: '" + v + "'");
    }

    /** {@code netns NAME|PID}: a number is a pid, as ip reads it. */
    private NetnsRef netns() throws UsageException {
        String v = value("netns");
        return v.chars().allMatch(Character::isDigit) && !v.isEmpty() ? NetnsRef.pid(Integer.parseInt(v)) : NetnsRef.named(v);
    }

    /** {@code ip link add [link DEV] [name] NAME [mtu M] [address A] [txqueuelen Q] [master M] [netns NS] type KIND ARGS}. */
    LinkSpec add() throws UsageException {
        String name = null, lower = null, master = null;
        int mtu = 0, txqlen = -1;
        byte[] address = null;
        NetnsRef ns = null;
        String kind = null;
        while (more() && kind == null) {
            String w = word();
            switch (w) {
                case "link" -> lower = value(w);
                case "name", "dev" -> name = value(w);
                case "mtu" -> mtu = (int) number(w, 0, Integer.MAX_VALUE);
                case "txqueuelen", "txqlen", "qlen" -> txqlen = (int) number(w, 0, Integer.MAX_VALUE);
                case "address" -> address = RtnetlinkChanges.lladdr(value(w));
                case "master" -> master = value(w);
                case "netns" -> ns = netns();
                case "type" -> kind = value(w);
                default -> {
                    if (name != null) throw new UsageException("unexpected '" + w + "' (the name is " + name + ")");
                    name = w;
                }
            }
        }
        if (name == null) throw new UsageException("link add needs a name");
        if (kind == null) throw new UsageException("link add needs 'type KIND'");
        KindSpec k = kind(kind, lower);
        if (more()) throw new UsageException("unexpected '" + words.peek() + "' for type " + kind);
        return new LinkSpec(name, k, mtu, address, txqlen, master, ns);
    }

    private KindSpec kind(String kind, String lower) throws UsageException {
        switch (kind) {
            case "veth" -> {
                String peer = null;
                NetnsRef ns = null;
                while (more()) {
                    String w = word();
                    switch (w) {
                        case "peer" -> { }
                        case "name" -> peer = value(w);
                        case "netns" -> ns = netns();
                        default -> {
                            if (peer != null) throw new UsageException("unexpected '" + w + "' for the veth peer");
                            peer = w;
                        }
                    }
                }
                if (peer == null) throw new UsageException("type veth needs 'peer name NAME'");
                return new VethSpec(peer, ns);
            }
            case "bridge" -> {
                BridgeSpec b = BridgeSpec.defaults();
                while (more()) {
                    String w = word();
                    b = switch (w) {
                        case "stp_state" -> new BridgeSpec((int) number(w, 0, 1), b.forwardDelay(), b.ageingTime(), b.vlanFiltering(),
                                b.vlanDefaultPvid(), b.mcastSnooping());
                        case "forward_delay" -> b.forwardDelay((int) number(w, 0, Integer.MAX_VALUE));
                        case "ageing_time" -> b.ageingTime(number(w, 0, 0xFFFFFFFFL));
                        case "vlan_filtering" -> b.vlanFiltering(number(w, 0, 1) == 1);
                        case "vlan_default_pvid" -> b.vlanDefaultPvid((int) number(w, 0, 65535));
                        case "mcast_snooping" -> b.mcastSnooping(number(w, 0, 1) == 1);
                        default -> throw new UsageException("unknown bridge option '" + w + "'");
                    };
                }
                return b;
            }
            case "vxlan" -> {
                return vxlan();
            }
            case "macvlan", "macvtap" -> {
                MacvlanMode mode = null;
                while (more()) {
                    String w = word();
                    if (!w.equals("mode")) throw new UsageException("unknown " + kind + " option '" + w + "'");
                    mode = MacvlanMode.of(value(w));
                }
                if (lower == null) throw new UsageException("type " + kind + " needs 'link DEV'");
                return new MacvlanSpec(kind.equals("macvtap"), lower, mode);
            }
            case "vlan" -> {
                int id = -1;
                Integer protocol = null;
                while (more()) {
                    String w = word();
                    switch (w) {
                        case "id" -> id = (int) number(w, 0, 65535);
                        case "protocol" -> protocol = switch (value(w).toLowerCase(java.util.Locale.ROOT)) {
                            case "802.1q" -> 0x8100;
                            case "802.1ad" -> 0x88a8;
                            default -> throw new UsageException("vlan protocol is 802.1Q or 802.1ad");
                        };
                        default -> throw new UsageException("unknown vlan option '" + w + "'");
                    }
                }
                if (lower == null) throw new UsageException("type vlan needs 'link DEV'");
                if (id < 0) throw new UsageException("type vlan needs 'id ID'");
                return new VlanSpec(lower, id, protocol);
            }
            case "bond" -> {
                BondSpec b = new BondSpec(-1);
                while (more()) {
                    String w = word();
                    if (!w.equals("mode")) throw new UsageException("unknown bond option '" + w + "'");
                    b = BondSpec.mode(value(w));
                }
                return b;
            }
            default -> {
                return new PlainKind(kind);
            }
        }
    }

    private VxlanSpec vxlan() throws UsageException {
        Integer id = null, port = null, ttl = null;
        InetAddress group = null, remote = null, local = null;
        String dev = null;
        Boolean learning = null, csum = null, zeroTx = null, zeroRx = null;
        while (more()) {
            String w = word();
            switch (w) {
                case "id", "vni" -> id = (int) number(w, 0, 0xFFFFFFFFL >> 1);
                case "dstport" -> port = (int) number(w, 0, 65535);
                case "group" -> group = Words.address(value(w));
                case "remote" -> remote = Words.address(value(w));
                case "local" -> local = Words.address(value(w));
                case "dev" -> dev = value(w);
                case "ttl", "hoplimit" -> {
                    String v = value(w);
                    ttl = v.equals("auto") ? 0 : (int) parse(w, v, 255);
                }
                case "learning" -> learning = true;
                case "nolearning" -> learning = false;
                case "udpcsum" -> csum = true;
                case "noudpcsum" -> csum = false;
                case "udp6zerocsumtx" -> zeroTx = true;
                case "noudp6zerocsumtx" -> zeroTx = false;
                case "udp6zerocsumrx" -> zeroRx = true;
                case "noudp6zerocsumrx" -> zeroRx = false;
                default -> throw new UsageException("unknown vxlan option '" + w + "'");
            }
        }
        if (id == null) throw new UsageException("type vxlan needs 'id VNI'");
        return new VxlanSpec(id, port, group, remote, local, dev, ttl, learning, csum, zeroTx, zeroRx);
    }

    private static long parse(String key, String v, long max) throws UsageException {
        try {
            long n = Long.parseLong(v);
            if (n >= 0 && n <= max) return n;
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UsageException("bad value for '" + key + "': '" + v + "' (0 to " + max + ")");
    }

    /** A device and the changes to it. */
    record Set(String dev, LinkChange change) {
    }

    /** {@code ip link set [dev] DEV ARGS}: {@return the device and the change} */
    Set set() throws UsageException {
        String dev = null;
        LinkChange c = LinkChange.none();
        while (more()) {
            String w = word();
            c = switch (w) {
                case "up" -> c.up(true);
                case "down" -> c.up(false);
                case "mtu" -> c.mtu((int) number(w, 0, Integer.MAX_VALUE));
                case "name" -> c.name(value(w));
                case "alias" -> c.alias(value(w));
                case "address" -> c.address(RtnetlinkChanges.lladdr(value(w)));
                case "txqueuelen", "txqlen", "qlen" -> c.txqlen((int) number(w, 0, Integer.MAX_VALUE));
                case "group" -> {
                    String g = value(w);
                    yield c.group(g.equals("default") ? 0 : parse(w, g, 0xFFFFFFFFL));
                }
                case "master" -> c.master(value(w));
                case "nomaster" -> c.noMaster();
                case "promisc" -> c.promisc(onOff(w));
                case "arp" -> c.arp(onOff(w));
                case "netns" -> c.netns(netns());
                case "dev" -> {
                    dev = value(w);
                    yield c;
                }
                default -> {
                    if (dev != null) throw new UsageException("unknown link set option '" + w + "'");
                    dev = w;
                    yield c;
                }
            };
        }
        if (dev == null) throw new UsageException("link set needs a device");
        return new Set(dev, c);
    }

    /** {@code ip tuntap add [dev] NAME mode tun|tap [user U] [group G] [multi_queue] [pi] [vnet_hdr]}. */
    TunSpec tuntap() throws UsageException {
        String name = null;
        Boolean tap = null;
        long user = -1, group = -1;
        boolean mq = false, pi = false, vnet = false;
        while (more()) {
            String w = word();
            switch (w) {
                case "dev", "name" -> name = value(w);
                case "mode" -> {
                    String m = value(w);
                    if (!m.equals("tun") && !m.equals("tap")) throw new UsageException("mode is tun or tap: '" + m + "'");
                    tap = m.equals("tap");
                }
                case "user" -> user = number(w, 0, 0xFFFFFFFEL);
                case "group" -> group = number(w, 0, 0xFFFFFFFEL);
                case "multi_queue" -> mq = true;
                case "pi" -> pi = true;
                case "vnet_hdr" -> vnet = true;
                default -> {
                    if (name != null) throw new UsageException("unknown tuntap option '" + w + "'");
                    name = w;
                }
            }
        }
        if (name == null) throw new UsageException("tuntap needs 'dev NAME'");
        if (tap == null) throw new UsageException("tuntap needs 'mode tun|tap'");
        return new TunSpec(name, tap, user, group, mq, pi, vnet, true);
    }
}
