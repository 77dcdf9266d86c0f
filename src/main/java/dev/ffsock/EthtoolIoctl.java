package dev.ffsock;

import dev.ffsock.internal.EthtoolRequests;

import java.io.IOException;
import java.util.List;
import java.util.Objects;

/**
 * The {@code SIOCETHTOOL} ioctl requests that the ethtool generic netlink family does not answer on
 * every kernel: driver information ({@code ethtool -i}) and the driver's statistics ({@code ethtool -S}).
 * They are asked on any socket living in the interface's network namespace (an AF_INET datagram socket
 * is what ethtool uses; {@link NetworkNamespace#open(String, Domain, Type, Protocol)} makes one
 * elsewhere).
 * {@snippet :
 * try (Socket s = Socket.open(Domain.AF_INET, Type.DGRAM)) {
 *     EthtoolDriverInfo info = EthtoolIoctl.driverInfo(s, "eth0");   // ethtool -i eth0
 *     for (EthtoolStat st : EthtoolIoctl.statistics(s, "eth0")) System.out.println(st);
 * }
 * }
 */
public final class EthtoolIoctl {
    /** The longest interface name: IFNAMSIZ - 1. */
    private static final int MAX_NAME = 15;

    private EthtoolIoctl() {
    }

    /**
     * {@code ETHTOOL_GDRVINFO}: the driver's name, version, bus address and what it supports; {@code ethtool -i DEV}.
     *
     * @param socket a socket in the interface's network namespace
     * @param ifname the interface's name
     * @return the driver's description
     * @throws IllegalArgumentException if {@code ifname} cannot be an interface name
     * @throws IOException {@code ioctl} ENODEV if there is no such interface, EOPNOTSUPP if its driver
     *     does not answer
     */
    public static EthtoolDriverInfo driverInfo(Socket socket, String ifname) throws IOException {
        return EthtoolRequests.driverInfo(fd(socket), checkName(ifname));
    }

    /**
     * {@code ETHTOOL_GSSET_INFO}, {@code ETHTOOL_GSTRINGS} and {@code ETHTOOL_GSTATS}: the driver's statistics
     * with their names, in the driver's order; {@code ethtool -S DEV}.
     *
     * @param socket a socket in the interface's network namespace
     * @param ifname the interface's name
     * @return the statistics; empty when the driver has none ({@code ethtool -S} then says "no stats available")
     * @throws IllegalArgumentException if {@code ifname} cannot be an interface name
     * @throws IOException {@code ioctl} ENODEV if there is no such interface, EOPNOTSUPP if its driver
     *     does not answer
     */
    public static List<EthtoolStat> statistics(Socket socket, String ifname) throws IOException {
        return EthtoolRequests.statistics(fd(socket), checkName(ifname));
    }

    /**
     * Checks that a string can be an interface name: 1 to 15 bytes of UTF-8, no NUL, '/', ':' or white space.
     *
     * @param ifname the name
     * @return {@code ifname}
     * @throws IllegalArgumentException if it cannot be
     */
    public static String checkName(String ifname) {
        Objects.requireNonNull(ifname, "ifname");
        int bytes = ifname.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
        if (bytes == 0 || bytes > MAX_NAME) {
            throw new IllegalArgumentException("interface name must be 1 to " + MAX_NAME + " bytes: '" + ifname + "'");
        }
        for (int i = 0; i < ifname.length(); i++) {
            char c = ifname.charAt(i);
            if (c == 0 || c == '/' || c == ':' || Character.isWhitespace(c)) {
                throw new IllegalArgumentException("bad character in interface name '" + ifname + "'");
            }
        }
        return ifname;
    }

    private static int fd(Socket socket) throws SocketClosedException {
        int fd = Objects.requireNonNull(socket, "socket").fd();
        if (fd < 0) throw new SocketClosedException("socket closed");
        return fd;
    }
}
