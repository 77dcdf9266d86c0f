package dev.ffsock.netlink.route;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.OptionalInt;

/**
 * A network interface as {@code RTM_NEWLINK} describes it: one line of {@code ip link show}
 * ({@code ip -d link} for kind, min/max MTU; {@code ip -s link} for the counters).
 *
 * <p>Absent attributes: strings and arrays are null, {@code mtu}/{@code minMtu}/{@code maxMtu}/
 * {@code master} are 0, {@code txqlen}/{@code linkMode}/{@code group}/{@code link} are -1.
 * Arrays are not copied: treat them as read-only.
 *
 * @param index       {@code ifi_index}
 * @param name        {@code IFLA_IFNAME} ({@code ip}: the name)
 * @param flags       {@code ifi_flags}, {@code IFF_*} bits (see {@link #flagNames()})
 * @param type        {@code ifi_type}, ARPHRD ({@code link/ether}, {@code link/loopback}, …)
 * @param mtu         {@code IFLA_MTU} ({@code mtu})
 * @param minMtu      {@code IFLA_MIN_MTU} ({@code ip -d}: {@code minmtu})
 * @param maxMtu      {@code IFLA_MAX_MTU} ({@code ip -d}: {@code maxmtu})
 * @param address     {@code IFLA_ADDRESS}: hardware address (MAC) bytes
 * @param broadcast   {@code IFLA_BROADCAST}: hardware broadcast (or point-to-point peer) bytes
 * @param permAddress {@code IFLA_PERM_ADDRESS}: permanent hardware address ({@code permaddr})
 * @param operstate   {@code IFLA_OPERSTATE} ({@code state UP}); null if absent
 * @param linkMode    {@code IFLA_LINKMODE}: 0 DEFAULT, 1 DORMANT ({@code mode})
 * @param qdisc       {@code IFLA_QDISC} ({@code qdisc noqueue})
 * @param txqlen      {@code IFLA_TXQLEN} ({@code qlen 1000})
 * @param group       {@code IFLA_GROUP} ({@code group default} for 0)
 * @param kind        {@code IFLA_LINKINFO/IFLA_INFO_KIND} ({@code ip -d}: {@code veth}, {@code bridge}, …)
 * @param slaveKind   {@code IFLA_LINKINFO/IFLA_INFO_SLAVE_KIND} ({@code ip -d}: {@code bridge_slave})
 * @param master      {@code IFLA_MASTER}: the master's index ({@code master br0})
 * @param link        {@code IFLA_LINK}: the lower or peer link's index ({@code veth0@veth1}); sent
 *                    only when it differs from {@code index}; 0 is "none"
 * @param linkNetnsId {@code IFLA_LINK_NETNSID}: the namespace id of {@code link} ({@code link-netnsid})
 * @param altNames    {@code IFLA_PROP_LIST/IFLA_ALT_IFNAME} ({@code altname}); empty if none
 * @param alias       {@code IFLA_IFALIAS} ({@code alias})
 * @param promiscuity {@code IFLA_PROMISCUITY}, -1 if absent
 * @param protoDown   {@code IFLA_PROTO_DOWN} set ({@code protodown on})
 * @param stats64     {@code IFLA_STATS64} counters, null if absent
 * @param raw         attributes not interpreted, in message order
 */
public record Link(int index, String name, int flags, LinkType type, int mtu, int minMtu, int maxMtu,
        byte[] address, byte[] broadcast, byte[] permAddress, OperState operstate, int linkMode, String qdisc,
        int txqlen, int group, String kind, String slaveKind, int master, int link, OptionalInt linkNetnsId,
        List<String> altNames, String alias, int promiscuity, boolean protoDown, LinkStats stats64,
        List<RawAttribute> raw) {
    /** {@code IFF_LOWER_UP}: the driver signals L1 up. */
    public static final int IFF_LOWER_UP = 1 << 16;
    /** {@code IFF_DORMANT}: the driver signals dormant. */
    public static final int IFF_DORMANT = 1 << 17;
    /** {@code IFF_ECHO}: echo sent packets. */
    public static final int IFF_ECHO = 1 << 18;

    private static final int[] FLAG_BITS = {Rtnl.IFF_LOOPBACK, Rtnl.IFF_BROADCAST, Rtnl.IFF_POINTOPOINT,
        Rtnl.IFF_MULTICAST, Rtnl.IFF_NOARP, Rtnl.IFF_ALLMULTI, Rtnl.IFF_PROMISC, Rtnl.IFF_MASTER, Rtnl.IFF_SLAVE,
        Rtnl.IFF_DEBUG, Rtnl.IFF_DYNAMIC, Rtnl.IFF_AUTOMEDIA, Rtnl.IFF_PORTSEL, Rtnl.IFF_NOTRAILERS, Rtnl.IFF_UP,
        IFF_LOWER_UP, IFF_DORMANT, IFF_ECHO};
    private static final String[] FLAG_NAMES = {"LOOPBACK", "BROADCAST", "POINTOPOINT", "MULTICAST", "NOARP",
        "ALLMULTI", "PROMISC", "MASTER", "SLAVE", "DEBUG", "DYNAMIC", "AUTOMEDIA", "PORTSEL", "NOTRAILERS", "UP",
        "LOWER_UP", "DORMANT", "ECHO"};

    /** Defensive copies of the lists. */
    public Link {
        altNames = altNames == null ? List.of() : List.copyOf(altNames);
        raw = raw == null ? List.of() : raw instanceof RawAttributes ? raw : List.copyOf(raw);
        linkNetnsId = linkNetnsId == null ? OptionalInt.empty() : linkNetnsId;
    }

    /**
     * The flags as {@code ip link} prints them between angle brackets, in its order:
     * {@code NO-CARRIER} when UP but not RUNNING, then LOOPBACK, BROADCAST, POINTOPOINT, MULTICAST,
     * NOARP, ALLMULTI, PROMISC, MASTER, SLAVE, DEBUG, DYNAMIC, AUTOMEDIA, PORTSEL, NOTRAILERS, UP,
     * LOWER_UP, DORMANT, ECHO, and any remaining bits in hex. RUNNING itself is not listed.
     *
     * @return the names
     */
    public List<String> flagNames() {
        List<String> out = new ArrayList<>();
        int f = flags;
        if ((f & Rtnl.IFF_UP) != 0 && (f & Rtnl.IFF_RUNNING) == 0) out.add("NO-CARRIER");
        f &= ~Rtnl.IFF_RUNNING;
        for (int i = 0; i < FLAG_BITS.length; i++) {
            if ((f & FLAG_BITS[i]) != 0) {
                out.add(FLAG_NAMES[i]);
                f &= ~FLAG_BITS[i];
            }
        }
        if (f != 0) out.add(Integer.toHexString(f));
        return List.copyOf(out);
    }

    // ---- issue 10, links: ip -d details, decoded on demand from raw()

    /**
     * {@return what {@code ip -d link} shows beyond this record: {@code IFLA_LINKINFO} typed per kind
     * (bridge, vxlan, macvlan/macvtap, tun, bridge port) and the queue and offload limits, decoded
     * from {@link #raw()} on each call}
     *
     * @throws dev.ffsock.netlink.NetlinkFormatException if a nest in {@link #raw()} is malformed
     */
    public LinkDetails details() {
        return LinkInfoCodec.details(this);
    }

    /** {@return whether IFF_UP is set (administratively up)} */
    public boolean isUp() {
        return (flags & Rtnl.IFF_UP) != 0;
    }

    /** {@return the hardware address as {@code ip} prints it ({@code 02:00:00:00:00:01}), or null} */
    public String addressString() {
        return hardwareAddress(address);
    }

    /** {@return the hardware broadcast address as {@code ip} prints it, or null} */
    public String broadcastString() {
        return hardwareAddress(broadcast);
    }

    /**
     * Formats hardware address bytes as colon-separated lowercase hex pairs, as {@code ip} does.
     *
     * @param b the bytes, or null
     * @return e.g. {@code 02:fc:00:00:00:01}; null for null
     */
    public static String hardwareAddress(byte[] b) {
        if (b == null) return null;
        return HexFormat.ofDelimiter(":").formatHex(b);
    }
}
