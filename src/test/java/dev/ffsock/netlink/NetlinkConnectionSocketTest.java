package dev.ffsock.netlink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ffsock.Domain;
import dev.ffsock.Errno;
import dev.ffsock.ErrnoException;
import dev.ffsock.Protocol;
import dev.ffsock.SockAddrNl;
import dev.ffsock.SockOpt;
import dev.ffsock.Socket;
import dev.ffsock.Type;
import dev.ffsock.netlink.diag.SockDiag;
import dev.ffsock.netlink.genl.Genl;
import dev.ffsock.netlink.route.Rtnl;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * AF_NETLINK sockets for the four families the project uses, through the plain socket API and
 * through {@link NetlinkConnection}: bind and port ids, multicast membership (groups above 31
 * too, read back with NETLINK_LIST_MEMBERSHIPS), the NETLINK_* options, the receive buffer.
 */
class NetlinkConnectionSocketTest {
    private static final int SOL = Netlink.SOL_NETLINK;
    /** SKNLGRP_INET_TCP_DESTROY (linux/sock_diag.h). */
    private static final int SKNLGRP_INET_TCP_DESTROY = 1;
    /** The one uevent group (linux/kobject.h has no constant: the kernel sets 1 group). */
    private static final int UEVENT_GROUP = 1;

    /** A valid multicast group of each family. */
    private static int someGroup(int family) {
        return switch (family) {
            case Netlink.NETLINK_ROUTE -> Rtnl.RTNLGRP_LINK;
            case Netlink.NETLINK_SOCK_DIAG -> SKNLGRP_INET_TCP_DESTROY;
            case Netlink.NETLINK_GENERIC -> Genl.GENL_ID_CTRL; // nlctrl's "notify" group has the id 0x10
            case Netlink.NETLINK_KOBJECT_UEVENT -> UEVENT_GROUP;
            default -> throw new IllegalArgumentException();
        };
    }

    /** The groups set in a NETLINK_LIST_MEMBERSHIPS answer (u32 words, bit g-1 for group g). */
    private static List<Integer> memberships(Socket s) throws IOException {
        byte[] b = s.getsockoptBytes(SOL, Netlink.NETLINK_LIST_MEMBERSHIPS, 64);
        ByteBuffer bb = ByteBuffer.wrap(b).order(ByteOrder.nativeOrder());
        List<Integer> groups = new ArrayList<>();
        for (int word = 0; word < b.length / 4; word++) {
            int bits = bb.getInt(word * 4);
            for (int bit = 0; bit < 32; bit++) {
                if ((bits & (1 << bit)) != 0) groups.add(word * 32 + bit + 1);
            }
        }
        return groups;
    }

    @ParameterizedTest
    @ValueSource(ints = {Netlink.NETLINK_ROUTE, Netlink.NETLINK_SOCK_DIAG, Netlink.NETLINK_GENERIC, Netlink.NETLINK_KOBJECT_UEVENT})
    void plainSocketBindsAndJoinsGroups(int family) throws IOException {
        try (Socket a = Socket.open(Domain.AF_NETLINK, Type.RAW, Protocol.of(family));
             Socket b = Socket.open(Domain.AF_NETLINK, Type.RAW, Protocol.of(family))) {
            a.bind(new SockAddrNl(0, 0));
            b.bind(new SockAddrNl(0, 0));
            SockAddrNl na = assertInstanceOf(SockAddrNl.class, a.getsockname());
            SockAddrNl nb = assertInstanceOf(SockAddrNl.class, b.getsockname());
            assertNotEquals(0, na.pid(), "the kernel assigns a port id");
            assertNotEquals(na.pid(), nb.pid(), "port ids are unique");
            assertEquals(0, na.groups());

            // binding the same port id twice is refused
            try (Socket c = Socket.open(Domain.AF_NETLINK, Type.RAW, Protocol.of(family))) {
                ErrnoException e = assertThrows(ErrnoException.class, () -> c.bind(new SockAddrNl(na.pid(), 0)));
                assertEquals(Errno.EADDRINUSE, e.errno(), e.getMessage());
            }

            int g = someGroup(family);
            assertEquals(List.of(), memberships(a));
            a.setsockoptInt(SOL, Netlink.NETLINK_ADD_MEMBERSHIP, g);
            assertEquals(List.of(g), memberships(a));
            a.setsockoptInt(SOL, Netlink.NETLINK_DROP_MEMBERSHIP, g);
            assertEquals(List.of(), memberships(a));
        }
    }

    @Test
    void routeGroupsAbove31JoinAndLeave() throws IOException {
        assertTrue(Rtnl.RTNLGRP_NEXTHOP > 31 && Rtnl.RTNLGRP_STATS > 32);
        try (Socket s = Socket.open(Domain.AF_NETLINK, Type.RAW, Protocol.NETLINK_ROUTE)) {
            s.bind(new SockAddrNl(0, Rtnl.RTMGRP_LINK)); // the 32-bit mask in bind: groups 1..32
            assertEquals(List.of(Rtnl.RTNLGRP_LINK), memberships(s));
            assertEquals(Rtnl.RTMGRP_LINK, ((SockAddrNl) s.getsockname()).groups());
            s.setsockoptInt(SOL, Netlink.NETLINK_ADD_MEMBERSHIP, Rtnl.RTNLGRP_NEXTHOP);
            s.setsockoptInt(SOL, Netlink.NETLINK_ADD_MEMBERSHIP, Rtnl.RTNLGRP_STATS);
            assertEquals(List.of(Rtnl.RTNLGRP_LINK, Rtnl.RTNLGRP_NEXTHOP, Rtnl.RTNLGRP_STATS), memberships(s));
            s.setsockoptInt(SOL, Netlink.NETLINK_DROP_MEMBERSHIP, Rtnl.RTNLGRP_NEXTHOP);
            assertEquals(List.of(Rtnl.RTNLGRP_LINK, Rtnl.RTNLGRP_STATS), memberships(s));
            // a group the family does not have (the running kernel may know more than the headers' RTNLGRP_MAX)
            ErrnoException e = assertThrows(ErrnoException.class,
                    () -> s.setsockoptInt(SOL, Netlink.NETLINK_ADD_MEMBERSHIP, 4096));
            assertEquals(Errno.EINVAL, e.errno(), e.getMessage());
        }
    }

    @Test
    void plainSocketOptionsSetAndReadBack() throws IOException {
        try (Socket s = Socket.open(Domain.AF_NETLINK, Type.RAW, Protocol.NETLINK_ROUTE)) {
            int[] options = {Netlink.NETLINK_EXT_ACK, Netlink.NETLINK_CAP_ACK, Netlink.NETLINK_GET_STRICT_CHK,
                Netlink.NETLINK_NO_ENOBUFS, Netlink.NETLINK_LISTEN_ALL_NSID};
            for (int o : options) {
                assertEquals(0, s.getsockoptInt(SOL, o), "option " + o + " starts off");
                s.setsockoptInt(SOL, o, 1);
                assertEquals(1, s.getsockoptInt(SOL, o), "option " + o + " on");
                s.setsockoptInt(SOL, o, 0);
                assertEquals(0, s.getsockoptInt(SOL, o), "option " + o + " off again");
            }
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {Netlink.NETLINK_ROUTE, Netlink.NETLINK_SOCK_DIAG, Netlink.NETLINK_GENERIC, Netlink.NETLINK_KOBJECT_UEVENT})
    void connectionOpensWithItsOptions(int family) throws IOException {
        try (NetlinkConnection c = NetlinkConnection.open(family)) {
            assertEquals(family, c.family());
            Socket s = c.socket();
            SockAddrNl me = assertInstanceOf(SockAddrNl.class, s.getsockname());
            assertEquals(me.pid(), c.portId());
            assertNotEquals(0, c.portId());
            assertEquals(1, s.getsockoptInt(SOL, Netlink.NETLINK_EXT_ACK));
            assertEquals(1, s.getsockoptInt(SOL, Netlink.NETLINK_CAP_ACK));
            assertEquals(family == Netlink.NETLINK_ROUTE, c.strictCheck());
            assertEquals(c.strictCheck() ? 1 : 0, s.getsockoptInt(SOL, Netlink.NETLINK_GET_STRICT_CHK));
            // 1 MiB asked for; the kernel doubles it (SO_RCVBUFFORCE as root: rmem_max does not cap it)
            int rcvbuf = s.getsockopt(SockOpt.SO_RCVBUF);
            assertTrue(rcvbuf >= 2 * NetlinkConnection.RECEIVE_BUFFER, "SO_RCVBUF " + rcvbuf);

            int g = someGroup(family);
            c.subscribe(g);
            assertEquals(List.of(g), memberships(s));
            c.unsubscribe(g);
            assertEquals(List.of(), memberships(s));
            assertThrows(IllegalArgumentException.class, () -> c.subscribe(0));
        }
    }

    @Test
    void connectionSubscribesAbove31() throws IOException {
        try (NetlinkConnection c = NetlinkConnection.open(Netlink.NETLINK_ROUTE)) {
            c.subscribe(Rtnl.RTNLGRP_LINK, Rtnl.RTNLGRP_NEXTHOP, Rtnl.RTNLGRP_STATS);
            assertEquals(List.of(Rtnl.RTNLGRP_LINK, Rtnl.RTNLGRP_NEXTHOP, Rtnl.RTNLGRP_STATS), memberships(c.socket()));
            c.unsubscribe(Rtnl.RTNLGRP_NEXTHOP);
            assertEquals(List.of(Rtnl.RTNLGRP_LINK, Rtnl.RTNLGRP_STATS), memberships(c.socket()));
        }
    }

    @Test
    void connectionsTalkToEachFamily() throws IOException {
        try (NetlinkConnection route = NetlinkConnection.open(Netlink.NETLINK_ROUTE);
             NetlinkConnection diag = NetlinkConnection.open(Netlink.NETLINK_SOCK_DIAG);
             NetlinkConnection genl = NetlinkConnection.open(Netlink.NETLINK_GENERIC);
             Socket unix = Socket.open(Domain.AF_UNIX, Type.DGRAM)) {
            List<Integer> links = route.dumpAll(Rtnl.RTM_GETLINK, w -> w.putZeros(16), m -> {
                return m.type();
            });
            assertFalse(links.isEmpty());
            assertTrue(links.stream().allMatch(t -> t == Rtnl.RTM_NEWLINK), links.toString());

            // unix_diag_req: family AF_UNIX, protocol 0, pad, states all, ino 0, show 0, cookie 0
            List<Integer> socks = diag.dumpAll(SockDiag.SOCK_DIAG_BY_FAMILY,
                    w -> w.putU8(1).putU8(0).putU16(0).putU32(-1).putU32(0).putU32(0).putU32(0).putU32(0),
                    m -> {
                        return m.type();
                    });
            assertFalse(socks.isEmpty(), "this process has a unix socket");

            // CTRL_CMD_GETFAMILY dump: genlmsghdr {cmd, version 1, reserved}; "nlctrl" is always there
            List<String> names = genl.dumpAll(Genl.GENL_ID_CTRL, w -> w.putU8(Genl.CTRL_CMD_GETFAMILY).putU8(1).putU16(0), m -> {
                Attributes a = m.attributes(4);
                return a.find(Genl.CTRL_ATTR_FAMILY_NAME) ? a.string() : null;
            });
            assertTrue(names.contains("nlctrl"), names.toString());
        }
    }
}
