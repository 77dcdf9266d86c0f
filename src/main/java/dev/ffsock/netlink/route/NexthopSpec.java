package dev.ffsock.netlink.route;

import dev.ffsock.InetText;

import java.net.InetAddress;

/**
 * One path of a multipath route ({@code ip route add … nexthop via GW dev DEV weight W}): an
 * {@code rtnexthop} in {@code RTA_MULTIPATH}.
 *
 * @param gateway the next hop's address, or null for a device route
 * @param dev     the outgoing interface's name, or null to let the kernel find it from the gateway
 * @param weight  1..256 (sent as {@code rtnh_hops = weight - 1})
 */
public record NexthopSpec(InetAddress gateway, String dev, int weight) {
    /** Checks the arguments. */
    public NexthopSpec {
        if (gateway == null && dev == null) throw new IllegalArgumentException("a nexthop needs a gateway or a device");
        if (dev != null) ChangeChecks.ifname(dev);
        if (weight < 1 || weight > 256) throw new IllegalArgumentException("nexthop weight must be 1..256: " + weight);
        if (gateway != null && (gateway.isAnyLocalAddress() || gateway.isMulticastAddress())) {
            throw new IllegalArgumentException("nexthop gateway " + InetText.format(gateway) + " is not a unicast address");
        }
    }

    /**
     * {@return a nexthop via a gateway on a device, weight 1}
     *
     * @param gateway the gateway's address, or null for a device-only hop
     * @param dev the output interface's name, or null
     */
    public static NexthopSpec via(InetAddress gateway, String dev) {
        return new NexthopSpec(gateway, dev, 1);
    }

    /**
     * {@return this nexthop with another weight}
     *
     * @param w the weight, 1..256 ({@code ip route … nexthop … weight W})
     */
    public NexthopSpec weight(int w) {
        return new NexthopSpec(gateway, dev, w);
    }
}
