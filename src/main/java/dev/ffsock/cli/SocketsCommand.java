package dev.ffsock.cli;

import dev.ffsock.Domain;
import dev.ffsock.Errno;
import dev.ffsock.Protocol;
import dev.ffsock.netlink.NetlinkException;
import dev.ffsock.netlink.diag.InetRequest;
import dev.ffsock.netlink.diag.InetSocket;
import dev.ffsock.netlink.diag.SocketDiag;
import dev.ffsock.netlink.diag.SocketState;
import dev.ffsock.netlink.diag.UnixRequest;
import dev.ffsock.netlink.diag.UnixSocket;
import dev.ffsock.netlink.diag.UnixType;

import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.List;

/** {@code ffsock sockets}: the kernel's socket tables through sock_diag, printed like {@code ss -n}. */
final class SocketsCommand implements Command {
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
                usage: ffsock sockets [-t] [-u] [-x] [-l | -a] [-4 | -6] [-H] [--netns NAME]

                Lists sockets from the kernel's tables (NETLINK_SOCK_DIAG), in ss's columns and
                number formats (always numeric, like ss -n):
                  Netid State  Recv-Q Send-Q Local Address:Port Peer Address:Port
                  tcp   LISTEN 0      128    127.0.0.1:8080     0.0.0.0:*
                  tcp   ESTAB  0      0      [::1]:41000        [::1]:8080
                  udp   UNCONN 0      0      *:5353             *:*
                  u_str LISTEN 0      5      /run/x.sock 1234   * 0
                Addresses: IPv6 in brackets, the wildcard of a dual-stack IPv6 socket as '*',
                port 0 as '*'. Unix sockets show their path or @abstract name ('*' for none) and
                inode, then '*' and the peer's inode.

                options:
                  -t, --tcp       TCP sockets
                  -u, --udp       UDP sockets
                  -x, --unix      AF_UNIX sockets (stream, dgram, seqpacket)
                                  (none of -t -u -x: all three)
                  -l, --listening only listening and unconnected sockets (LISTEN, UNCONN)
                  -a, --all       sockets in every state
                                  (neither: connected sockets only, as ss shows by default)
                  -4, --ipv4      only IPv4 (and no unix sockets unless -x)
                  -6, --ipv6      only IPv6 (and no unix sockets unless -x)
                  -n, --numeric   accepted for ss compatibility; output is always numeric
                  -H, --no-header no header line
                  --netns NAME    the sockets of network namespace NAME (/run/netns/NAME)
                  -h, --help      show this help
                """;
    }

    @Override
    public int run(String[] args, Io io) throws Exception {
        Options o = new Options(args);
        boolean tcp = false, udp = false, unix = false, listening = false, all = false, v4 = false, v6 = false;
        boolean header = true;
        String netns = null;
        while (o.hasNext()) {
            String opt = o.next();
            switch (opt) {
                case "-t", "--tcp" -> tcp = flag(o);
                case "-u", "--udp" -> udp = flag(o);
                case "-x", "--unix" -> unix = flag(o);
                case "-l", "--listening" -> listening = flag(o);
                case "-a", "--all" -> all = flag(o);
                case "-4", "--ipv4" -> v4 = flag(o);
                case "-6", "--ipv6" -> v6 = flag(o);
                case "-n", "--numeric" -> flag(o);
                case "-H", "--no-header" -> header = !flag(o);
                case "--netns" -> netns = o.value();
                case "-h", "--help" -> {
                    io.out().print(usage());
                    return 0;
                }
                default -> throw o.unknown();
            }
        }
        if (v4 && v6) throw new UsageException("-4 and -6 exclude each other");
        if (!tcp && !udp && !unix) {
            tcp = true;
            udp = true;
            unix = !v4 && !v6;
        }
        int states = all ? SocketState.ALL
                : listening ? SocketState.mask(SocketState.LISTEN, SocketState.CLOSE) : SocketState.CONNECTED;
        List<Domain> families = v4 ? List.of(Domain.AF_INET) : v6 ? List.of(Domain.AF_INET6)
                : List.of(Domain.AF_INET, Domain.AF_INET6);

        List<String[]> rows = new ArrayList<>();
        try (SocketDiag diag = SocketDiag.open(netns)) {
            if (unix) {
                for (UnixSocket s : diag.unix(UnixRequest.all().states(states))) rows.add(row(s));
            }
            if (udp) inet(diag, io, Protocol.UDP, "udp", families, states, netns == null, rows);
            if (tcp) inet(diag, io, Protocol.TCP, "tcp", families, states, netns == null, rows);
        }
        print(io, header, rows);
        return 0;
    }

    private static boolean flag(Options o) throws UsageException {
        o.flag();
        return true;
    }

    private static void inet(SocketDiag diag, Io io, Protocol p, String netid, List<Domain> families, int states,
                             boolean here, List<String[]> rows) throws Exception {
        for (Domain d : families) {
            try {
                diag.inet(new InetRequest(d, p, states, 0), s -> rows.add(row(s, netid, here)));
            } catch (NetlinkException e) {
                if (e.errno() != Errno.ENOENT) throw e;
                io.err().println("ffsock: sockets: the kernel has no " + netid + " diag for "
                        + (d.equals(Domain.AF_INET) ? "IPv4" : "IPv6") + " (" + e.getMessage() + ")");
            }
        }
    }

    private static String[] row(UnixSocket s) {
        return new String[] {s.type().netid(), s.state().ssName(), Long.toString(Math.max(0, s.rqueue())),
                Long.toString(Math.max(0, s.wqueue())), s.displayName() + " " + s.inode(),
                "* " + Math.max(0, s.peerInode())};
    }

    private static String[] row(InetSocket s, String netid, boolean here) {
        boolean v6only = s.v6Only() == 1;
        String ifname = s.interfaceIndex() == 0 ? null : interfaceName(s.interfaceIndex(), here);
        return new String[] {netid, s.state().ssName(), Long.toString(s.rqueue()), Long.toString(s.wqueue()),
                SsFormat.endpoint(s.localAddress(), s.localPort(), v6only, ifname),
                SsFormat.endpoint(s.remoteAddress(), s.remotePort(), v6only, null)};
    }

    /** The name of an interface of this process's namespace; its number in another's. */
    private static String interfaceName(int index, boolean here) {
        if (here) {
            try {
                NetworkInterface ni = NetworkInterface.getByIndex(index);
                if (ni != null) return ni.getName();
            } catch (SocketException e) {
                // fall through to the number
            }
        }
        return Integer.toString(index);
    }

    private static void print(Io io, boolean header, List<String[]> rows) {
        String[] head = {"Netid", "State", "Recv-Q", "Send-Q", "Local Address:Port", "Peer Address:Port"};
        int[] width = new int[head.length];
        for (int i = 0; i < head.length; i++) width[i] = header ? head[i].length() : 0;
        for (String[] r : rows) for (int i = 0; i < r.length; i++) width[i] = Math.max(width[i], r[i].length());
        if (header) line(io, head, width);
        for (String[] r : rows) line(io, r, width);
    }

    private static void line(Io io, String[] cells, int[] width) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) sb.append(' ');
            if (i == cells.length - 1) sb.append(cells[i]);
            else sb.append(String.format("%-" + width[i] + "s", cells[i]));
        }
        io.out().println(sb);
    }
}
