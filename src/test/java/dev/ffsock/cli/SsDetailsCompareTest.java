package dev.ffsock.cli;

import static dev.ffsock.cli.SsCompareNetns.port;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ffsock.Domain;
import dev.ffsock.ErrnoException;
import dev.ffsock.Errno;
import dev.ffsock.SockAddrIn;
import dev.ffsock.SockAddrIn6;
import dev.ffsock.Socket;
import dev.ffsock.Type;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.util.List;

/**
 * {@code ffsock sockets -i -m -e -p} against ss's, socket by socket, in a namespace holding only the
 * test's sockets (info lines compared key by key, volatile values masked by name: {@link SsInfoCompare}),
 * and {@code -K} destroying a connection (its owner sees ECONNABORTED).
 */
class SsDetailsCompareTest {
    @Test
    void infoMemoryExtendedAndProcessesMatchSs() throws Exception {
        try (SsCompareNetns n = SsCompareNetns.create("ssdetails")) {
            Socket l = n.listen(SockAddrIn.loopback(0), Domain.AF_INET);
            Socket[] c = n.connect(l, SockAddrIn.loopback(port(l)), Domain.AF_INET);
            c[0].send(new byte[1000], 0, 1000, 0);
            c[1].recv(new byte[100], 0, 100, 0);
            c[1].shutdown(dev.ffsock.Shutdown.WRITE);
            Socket l6 = n.socket(Domain.AF_INET6, Type.STREAM);
            l6.setsockoptInt(41, 26, 1);
            l6.bind(SockAddrIn6.loopback(0));
            l6.listen(2);
            Socket[] c6 = n.connect(l6, SockAddrIn6.loopback(port(l6)), Domain.AF_INET6);
            c6[0].setsockoptInt(1, 36, 0x42); // SO_MARK: -e prints fwmark
            Socket u = n.socket(Domain.AF_INET, Type.DGRAM);
            u.bind(SockAddrIn.loopback(0));
            Thread.sleep(100); // let the FIN and the delayed ACKs settle: the counters then stay put between reads
            for (String[] args : List.of(new String[] {"-t", "-a", "-i"}, new String[] {"-t", "-a", "-m"},
                    new String[] {"-t", "-a", "-e"}, new String[] {"-t", "-a", "-p"}, new String[] {"-tuaimep"},
                    new String[] {"-u", "-a", "-m", "-e"}, new String[] {"-u", "-a", "-i"}, new String[] {"-6", "-ta", "-e", "-i"})) {
                String[] a = java.util.Arrays.copyOf(args, args.length + 1);
                a[args.length] = "-H";
                SsInfoCompare.assertSame(n.ss(List.of(a)), n.ffsock(List.of(a)), String.join(" ", args));
            }
            String mine = n.ffsock(List.of("-t", "-a", "-H", "-i", "-e", "-p"));
            assertTrue(mine.contains("users:((\"java\",pid=" + ProcessHandle.current().pid() + ",fd="), mine);
            assertTrue(mine.contains(" fwmark:0x42"), mine);
            assertTrue(mine.contains(" -->") || mine.contains(" <--"), "one end shut its sending side: " + mine);
            assertTrue(mine.contains("bytes_acked:1001") || mine.contains("bytes_received:1000"), mine);
        }
    }

    @Test
    void packetSocketsMatchSs() throws Exception {
        try (SsCompareNetns n = SsCompareNetns.create("sspacket")) {
            // ETH_P_ALL (3) and ETH_P_IP (0x800), in network byte order as socket(2) takes them
            n.socket(Domain.AF_PACKET, Type.RAW, new dev.ffsock.Protocol(0x0300));
            n.socket(Domain.AF_PACKET, Type.DGRAM, new dev.ffsock.Protocol(0x0008));
            for (String[] args : List.of(new String[] {"-0", "-a"}, new String[] {"-0"}, new String[] {"-f", "link"},
                    new String[] {"-0", "-a", "-e"}, new String[] {"-0", "-a", "-m"}, new String[] {"-0", "-a", "-p"},
                    new String[] {"-0", "-a", "-e", "-m", "-p"})) {
                String[] a = java.util.Arrays.copyOf(args, args.length + 1);
                a[args.length] = "-H";
                SsInfoCompare.assertSame(n.ss(List.of(a)), n.ffsock(List.of(a)), String.join(" ", args));
            }
            List<List<String>> rows = SsCompareNetns.lines(n.ffsock(List.of("-0", "-a", "-H")));
            assertEquals(List.of(List.of("p_raw", "UNCONN", "0", "0", "*:*", "*"), List.of("p_dgr", "UNCONN", "0", "0", "[2048]:*", "*")),
                    rows.stream().sorted(java.util.Comparator.comparing(Object::toString).reversed()).toList());
        }
    }

    @Test
    void mptcpSocketsMatchSs() throws Exception {
        try (SsCompareNetns n = SsCompareNetns.create("ssmptcp")) {
            dev.ffsock.Protocol mptcp = new dev.ffsock.Protocol(262);
            Socket l;
            try {
                l = n.socket(Domain.AF_INET, Type.STREAM, mptcp);
            } catch (ErrnoException e) {
                Assumptions.abort("no MPTCP in this kernel: " + e.getMessage());
                return;
            }
            l.bind(SockAddrIn.loopback(0));
            l.listen(4);
            Socket c = n.socket(Domain.AF_INET, Type.STREAM, mptcp);
            c.connect(SockAddrIn.loopback(port(l)));
            l.accept().close();
            Thread.sleep(100);
            for (String[] args : List.of(new String[] {"-M", "-a"}, new String[] {"-M", "-a", "-i"},
                    new String[] {"-M", "-a", "-m"}, new String[] {"-M", "-a", "-e"}, new String[] {"-tMa"})) {
                String[] a = java.util.Arrays.copyOf(args, args.length + 1);
                a[args.length] = "-H";
                SsInfoCompare.assertSame(n.ss(List.of(a)), n.ffsock(List.of(a)), String.join(" ", args));
            }
            assertTrue(n.ffsock(List.of("-M", "-a", "-i", "-H")).contains(" token:"), "typed mptcp_info printed");
        }
    }

    @Test
    void rawSocketsMatchSsWhenTheKernelHasRawDiag() throws Exception {
        try (SsCompareNetns n = SsCompareNetns.create("ssraw")) {
            n.socket(Domain.AF_INET, Type.RAW, new dev.ffsock.Protocol(1));
            n.socket(Domain.AF_INET6, Type.RAW, new dev.ffsock.Protocol(58));
            Cli.Result r = Cli.run("sockets", "--netns", n.ns.name(), "-w", "-a", "-H");
            assertEquals(0, r.status(), r::toString);
            Assumptions.assumeFalse(r.err().contains("no sock_diag module for raw"),
                    () -> "the kernel has no raw_diag (CONFIG_INET_RAW_DIAG; ss reads /proc/net/raw instead): " + r.err());
            SsInfoCompare.assertSame(n.ss(List.of("-w", "-a", "-H")), r.out(), "-w -a");
        }
    }

    /**
     * Netlink sockets, less each tool's own NETLINK_SOCK_DIAG socket ({@code 4:PORTID}, PORTID not 0:
     * a different socket, with its own receive queue, in each of the two reads).
     */
    @Test
    void netlinkSocketsMatchSs() throws Exception {
        try (SsCompareNetns n = SsCompareNetns.create("ssnetlink")) {
            Socket route = n.socket(Domain.AF_NETLINK, Type.RAW, dev.ffsock.Protocol.NETLINK_ROUTE);
            route.bind(new dev.ffsock.SockAddrNl(0, 1));
            n.socket(Domain.AF_NETLINK, Type.DGRAM, new dev.ffsock.Protocol(16));
            Cli.Result probe = Cli.run("sockets", "--netns", n.ns.name(), "-f", "netlink", "-H");
            Assumptions.assumeFalse(probe.err().contains("no sock_diag module"), () -> "no netlink_diag: " + probe.err());
            for (String[] args : List.of(new String[] {"-f", "netlink", "-a"}, new String[] {"-f", "netlink"},
                    new String[] {"-f", "netlink", "-e"}, new String[] {"-f", "netlink", "-m"}, new String[] {"-f", "netlink", "-e", "-m", "-p"})) {
                String[] a = java.util.Arrays.copyOf(args, args.length + 1);
                a[args.length] = "-H";
                SsInfoCompare.assertSame(withoutDiagSockets(n.ss(List.of(a))), withoutDiagSockets(n.ffsock(List.of(a))), String.join(" ", args));
            }
            assertTrue(n.ffsock(List.of("-f", "netlink", "-H", "-e")).contains("groups=0x00000001"), "the route socket's group 1");
        }
    }

    private static String withoutDiagSockets(String out) {
        StringBuilder sb = new StringBuilder();
        for (String line : out.split("\n")) if (!line.matches("(.*\\s)?4:[1-9][0-9]*\\s.*")) sb.append(line).append('\n');
        return sb.toString();
    }

    @Test
    void killDestroysMatchingSockets() throws Exception {
        try (SsCompareNetns n = SsCompareNetns.create("sskill")) {
            Socket l = n.listen(SockAddrIn.loopback(0), Domain.AF_INET);
            Socket[] c = n.connect(l, SockAddrIn.loopback(port(l)), Domain.AF_INET);
            Socket[] other = n.connect(l, SockAddrIn.loopback(port(l)), Domain.AF_INET);
            String cport = ":" + port(c[0]);
            Cli.Result r = Cli.run("sockets", "--netns", n.ns.name(), "-K", "-t", "-H", "sport", "=", cport);
            Assumptions.assumeFalse(r.status() == 1 && r.err().contains("EOPNOTSUPP"),
                    () -> "the kernel cannot destroy sockets (CONFIG_INET_DIAG_DESTROY): " + r);
            assertEquals(0, r.status(), r::toString);
            List<List<String>> killed = SsCompareNetns.lines(r.out());
            Assumptions.assumeFalse(killed.isEmpty(), "SOCK_DESTROY refused quietly (EOPNOTSUPP): ss -K lists nothing either");
            assertEquals(1, killed.size(), r::toString);
            assertEquals("127.0.0.1" + cport, killed.getFirst().get(3), r::toString);
            ErrnoException e = assertThrows(ErrnoException.class, () -> c[0].recv(new byte[1], 0, 1, 0));
            assertEquals(Errno.ECONNABORTED, e.errno(), e::toString);
            assertEquals(1, other[0].send(new byte[] {1}, 0, 1, 0), "the other connection is untouched");
            assertTrue(n.ss(List.of("-t", "-H", "sport", "=", cport)).isBlank(), "ss no longer lists it");
        }
    }
}
