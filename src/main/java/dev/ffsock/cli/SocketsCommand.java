package dev.ffsock.cli;

import dev.ffsock.Domain;
import dev.ffsock.Errno;
import dev.ffsock.Protocol;
import dev.ffsock.netlink.NetlinkException;
import dev.ffsock.netlink.diag.InetRequest;
import dev.ffsock.netlink.diag.InetSocket;
import dev.ffsock.netlink.diag.SockDiag;
import dev.ffsock.netlink.diag.SocketDiag;
import dev.ffsock.netlink.diag.SocketOwners;
import dev.ffsock.netlink.diag.SocketState;
import dev.ffsock.netlink.diag.UnixRequest;
import dev.ffsock.netlink.diag.UnixType;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

/** {@code ffsock sockets}: the kernel's socket tables through sock_diag, printed like {@code ss -n}. */
final class SocketsCommand implements Command {
    /** IPPROTO_MPTCP (linux/in.h): above 255, so it travels in INET_DIAG_REQ_PROTOCOL. */
    static final Protocol MPTCP = Protocol.MPTCP;

    @Override
    public String name() {
        return "sockets";
    }

    @Override
    public String summary() {
        return "list sockets like ss, read through sock_diag netlink";
    }

    @Override
    public String usage() {
        return """
                usage: ffsock sockets [-tuxw0M] [-l | -a] [-4 | -6] [-f FAMILY] [-i] [-m] [-o] [-e] [-p] [-K] [-H]
                                      [--netns NAME] [FILTER]

                Lists sockets from the kernel's tables (NETLINK_SOCK_DIAG), in ss's columns and
                number formats (always numeric, like ss -n):
                  Netid State  Recv-Q Send-Q Local Address:Port Peer Address:Port
                  tcp   LISTEN 0      128    127.0.0.1:8080     0.0.0.0:*
                  tcp   ESTAB  0      0      [::1]:41000        [::1]:8080
                  udp   UNCONN 0      0      *:5353             *:*
                  u_str LISTEN 0      5      /run/x.sock 1234   * 0
                Addresses: IPv6 in brackets, the wildcard of a dual-stack IPv6 socket as '*',
                port 0 as '*'. Unix sockets show their path or @abstract name ('*' for none) and
                inode, then '*' and the peer's inode. As ss, the Netid column is left out when one
                table is listed, the State column when one state is asked for.

                options (single letters may be joined: -tlnp):
                  -t, --tcp       TCP sockets
                  -u, --udp       UDP sockets
                  -w, --raw       raw IP sockets
                  -M, --mptcp     MPTCP sockets
                  -x, --unix      AF_UNIX sockets (stream, dgram, seqpacket)
                  -0, --packet    AF_PACKET sockets
                                  (no table chosen: every table of the families asked for, else all)
                  -f, --family F  inet, inet6, unix, packet (or link), netlink
                  -4, --ipv4      only IPv4 (-f inet)
                  -6, --ipv6      only IPv6 (-f inet6)
                  -l, --listening only listening and unconnected sockets (LISTEN, UNCONN)
                  -a, --all       sockets in every state
                                  (neither: connected sockets only, as ss shows by default)
                  -i, --info      TCP internals (tcp_info) on a second line, as ss -i
                  -m, --memory    socket memory (skmem) on a second line (unix: same line), as ss -m
                  -o, --options   timers, and with -i the TCP options negotiated (ts sack ecn), as ss -o
                  -e, --extended  uid, inode, sk cookie, fwmark, cgroup and shutdown state, as ss -e (implies -o)
                  -p, --processes the processes holding each socket, users:(("cmd",pid=N,fd=N))
                  -K, --kill      destroy the inet sockets listed (SOCK_DESTROY; root, and a kernel with
                                  CONFIG_INET_DIAG_DESTROY); prints the sockets destroyed
                  -n, --numeric   accepted for ss compatibility; output is always numeric
                  -H, --no-header no header line
                  --netns NAME    the sockets of network namespace NAME (/run/netns/NAME)
                  -h, --help      show this help

                FILTER (run by the kernel, as ss's): [state S | exclude S]... [EXPRESSION]
                  S: established syn-sent syn-recv fin-wait-1 fin-wait-2 time-wait unconnected
                     close-wait last-ack listening closing, or all connected synchronized bucket big
                  EXPRESSION: dst HOST | src HOST | dport OP HOST | sport OP HOST | dev = NAME |
                     fwmark = MARK[/MASK] | autobound, joined by and, or, not, ( )
                  HOST: ADDR[/LEN] | ADDR:PORT | [IPV6]:PORT | :PORT   OP: = != >= <= > < (eq ne ge le gt lt)
                  An expression lists inet sockets only.
                """;
    }

    @Override
    public int run(String[] args, Io io) throws Exception {
        SsArgs a = SsArgs.parse(args);
        if (a == null) {
            io.out().print(usage());
            return 0;
        }
        SsRows rows = new SsRows(a, a.processes() ? SocketOwners.scan() : null);
        List<SsLine> lines = new ArrayList<>();
        try (SocketDiag diag = SocketDiag.open(a.netns())) {
            boolean unixDone = false;
            for (SsTable t : a.tables()) {
                switch (t.family()) {
                    case "unix" -> {
                        if (unixDone || a.filter().expression() != null) continue;
                        unixDone = true;
                        unix(diag, a, lines, rows);
                    }
                    case "inet" -> inet(diag, io, a, t, lines, rows);
                    default -> other(diag, io, a, t, lines, rows);
                }
            }
        }
        SsPrinter.print(io.out(), lines, a.header(), a.tables().size() > 1, Integer.bitCount(a.states()) > 1,
                a.processes());
        return 0;
    }

    private static void unix(SocketDiag diag, SsArgs a, List<SsLine> lines, SsRows rows) throws Exception {
        EnumSet<UnixType> types = EnumSet.noneOf(UnixType.class);
        if (a.tables().contains(SsTable.UNIX_STREAM)) types.add(UnixType.STREAM);
        if (a.tables().contains(SsTable.UNIX_DGRAM)) types.add(UnixType.DGRAM);
        if (a.tables().contains(SsTable.UNIX_SEQPACKET)) types.add(UnixType.SEQPACKET);
        int show = UnixRequest.DEFAULT_SHOW | (a.memory() ? SockDiag.UDIAG_SHOW_MEMINFO : 0)
                | (a.extended() ? SockDiag.UDIAG_SHOW_ICONS : 0);
        UnixRequest r = new UnixRequest(a.states(), show, types);
        diag.unix(r, s -> lines.add(rows.unix(s)));
    }

    private static void inet(SocketDiag diag, Io io, SsArgs a, SsTable t, List<SsLine> lines, SsRows rows) throws Exception {
        Protocol p = switch (t) {
            case TCP -> Protocol.TCP;
            case UDP -> Protocol.UDP;
            case RAW -> Protocol.RAW;
            default -> MPTCP;
        };
        int ext = 0;
        if (a.memory()) ext |= bit(SockDiag.INET_DIAG_MEMINFO) | bit(SockDiag.INET_DIAG_SKMEMINFO);
        if (a.info()) ext |= bit(SockDiag.INET_DIAG_INFO) | bit(SockDiag.INET_DIAG_VEGASINFO) | bit(SockDiag.INET_DIAG_CONG);
        List<Domain> families = new ArrayList<>();
        if (a.inet4()) families.add(Domain.AF_INET);
        if (a.inet6()) families.add(Domain.AF_INET6);
        for (Domain d : families) {
            List<InetSocket> found = new ArrayList<>();
            try {
                diag.inet(new InetRequest(d, p, a.states(), ext, a.filter().expression()), found::add);
            } catch (NetlinkException e) {
                if (e.errno() != Errno.ENOENT) throw e;
                if (d.equals(families.getFirst())) noDiag(io, t);
                continue;
            }
            for (InetSocket s : found) {
                if (a.kill() && !kill(diag, s)) continue;
                lines.add(rows.inet(s, t));
            }
        }
    }

    /** Destroys one socket; false when it cannot be (EOPNOTSUPP) or is gone (ENOENT), as ss -K skips those. */
    private static boolean kill(SocketDiag diag, InetSocket s) throws Exception {
        try {
            diag.destroy(s);
            return true;
        } catch (NetlinkException e) {
            if (e.errno() == Errno.EOPNOTSUPP || e.errno() == Errno.ENOENT) return false;
            throw e;
        }
    }

    /** Packet and netlink tables: never connected, listed when UNCONN is asked for and no expression is given (as ss). */
    private static void other(SocketDiag diag, Io io, SsArgs a, SsTable t, List<SsLine> lines, SsRows rows) throws Exception {
        if (a.filter().expression() != null || !SocketState.CLOSE.in(a.states())) return;
        try {
            if (t == SsTable.NETLINK) {
                diag.netlink(SockDiag.NDIAG_SHOW_MEMINFO | SockDiag.NDIAG_SHOW_GROUPS | SockDiag.NDIAG_SHOW_FLAGS,
                        s -> lines.add(rows.netlink(s)));
            } else if (t == SsTable.PACKET_RAW || !a.tables().contains(SsTable.PACKET_RAW)) {
                // one dump for both packet tables
                int show = SockDiag.PACKET_SHOW_INFO | SockDiag.PACKET_SHOW_MEMINFO | SockDiag.PACKET_SHOW_FILTER
                        | SockDiag.PACKET_SHOW_RING_CFG | SockDiag.PACKET_SHOW_FANOUT;
                diag.packet(show, s -> {
                    SsTable of = s.type() == 3 ? SsTable.PACKET_RAW : SsTable.PACKET_DGRAM;
                    if (a.tables().contains(of)) lines.add(rows.packet(s, of));
                });
            }
        } catch (NetlinkException e) {
            if (e.errno() != Errno.ENOENT) throw e;
            noDiag(io, t);
        }
    }

    /** ss falls back to /proc for a table the kernel has no diag module for; ffsock reads sock_diag only, and says so. */
    private static void noDiag(Io io, SsTable t) {
        io.err().println("ffsock: sockets: the kernel has no sock_diag module for " + t.netid() + " sockets (ENOENT)");
    }

    private static int bit(int ext) {
        return 1 << (ext - 1);
    }
}
