package dev.ffsock.cli;

import dev.ffsock.netlink.NetlinkEvents;
import dev.ffsock.netlink.netfilter.Conntrack;
import dev.ffsock.netlink.netfilter.ConntrackEntry;
import dev.ffsock.netlink.netfilter.ConntrackEvent;
import dev.ffsock.netlink.netfilter.ConntrackExpectation;
import dev.ffsock.netlink.netfilter.ConntrackTuple;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;

/** {@code ffsock conntrack}: the connection tracking table, like {@code conntrack -L|-D|-F|-E}. */
final class ConntrackCommand implements Command {
    @Override
    public String name() {
        return "conntrack";
    }

    @Override
    public String summary() {
        return "list, delete, flush or watch connection tracking entries (like conntrack)";
    }

    @Override
    public String usage() {
        return """
                usage: ffsock conntrack -L [expect] | -G | -D | -F | -E  [filters] [-o extended,id] [--netns NAME]

                  -L   list entries, one line each, as conntrack -L prints them:
                         tcp      6 431999 ESTABLISHED src=127.0.0.1 dst=127.0.0.1 sport=40000 dport=80 ...
                       '-L expect' lists expectations
                  -G   print the one entry with the original tuple -p, -s, -d and --sport/--dport
                       (or --icmp-type, --icmp-code, --icmp-id), in zone -w; exit 1 if there is none
                  -D   delete the entries that match the filters (prints each)
                  -F   delete every entry (of the family given with -f)
                  -E   print events as they happen: [NEW], [UPDATE], [DESTROY] and the entry

                filters (of the original direction):
                  -f ipv4|ipv6        family        -p PROTO        tcp, udp, icmp, icmpv6, ... or a number
                  -s ADDR, -d ADDR    addresses     --sport N, --dport N   ports
                  -w ZONE             zone          -m MARK         mark
                  -e NEW,UPDATE,DESTROY   the event types -E prints (default all)

                options:
                  -o extended,id      print the family first / the entry's id last
                  --count N           with -E: exit with status 0 after N events
                  --timeout SECONDS   with -E: give up (status 1) if the count is not reached in time
                  --netns NAME        act inside network namespace NAME (/run/netns/NAME)
                  -h, --help          show this help
                A summary ('N flow entries have been shown.') goes to stderr, as conntrack's does.
                """;
    }

    /** What the filters and options asked for. */
    private static final class Spec {
        char op;
        boolean expect;
        int family;
        int protocol = -1;
        InetAddress src;
        InetAddress dst;
        int sport = -1;
        int dport = -1;
        int icmpType = -1;
        int icmpCode = -1;
        int icmpId = -1;
        int zone = -1;
        long mark = -1;
        boolean extended;
        boolean id;
        long count = -1;
        Duration timeout;
        String netns;
        EnumSet<ConntrackEvent.Type> events = EnumSet.noneOf(ConntrackEvent.Type.class);

        boolean matches(ConntrackEntry e) {
            ConntrackTuple t = e.original();
            if (family != 0 && e.family() != family) return false;
            if (mark >= 0 && e.mark() != mark) return false;
            if (zone >= 0 && Math.max(e.zone(), 0) != zone) return false;
            if (protocol < 0 && src == null && dst == null && sport < 0 && dport < 0) return true;
            if (t == null) return false;
            return (protocol < 0 || t.protocol() == protocol) && (src == null || src.equals(t.source()))
                    && (dst == null || dst.equals(t.destination())) && (sport < 0 || t.sourcePort() == sport)
                    && (dport < 0 || t.destinationPort() == dport);
        }
    }

    @Override
    public int run(String[] args, Io io) throws Exception {
        Spec s = new Spec();
        List<String> rest = new ArrayList<>(List.of(args));
        int l = rest.indexOf("-L");
        if (l >= 0 && l + 1 < rest.size() && (rest.get(l + 1).equals("expect") || rest.get(l + 1).equals("conntrack"))) {
            s.expect = rest.remove(l + 1).equals("expect");
        }
        Options o = new Options(rest.toArray(String[]::new));
        boolean help = false;
        while (o.hasNext()) {
            String opt = o.next();
            switch (opt) {
                case "-L", "--dump", "-G", "--get", "-D", "--delete", "-F", "--flush", "-E", "--event" -> {
                    o.flag();
                    char op = switch (opt) {
                        case "-L", "--dump" -> 'L';
                        case "-D", "--delete" -> 'D';
                        case "-G", "--get" -> 'G';
                        case "-F", "--flush" -> 'F';
                        default -> 'E';
                    };
                    if (s.op != 0 && s.op != op) throw new UsageException("only one of -L, -G, -D, -F, -E");
                    s.op = op;
                }
                case "-f", "--family" -> s.family = switch (o.value()) {
                    case "ipv4" -> 2;
                    case "ipv6" -> 10;
                    default -> throw new UsageException("-f takes ipv4 or ipv6");
                };
                case "-p", "--proto" -> s.protocol = ConntrackFormat.protocol(o.value());
                case "-s", "--src", "--orig-src" -> s.src = address(o.value());
                case "-d", "--dst", "--orig-dst" -> s.dst = address(o.value());
                case "--sport", "--orig-port-src" -> s.sport = o.intValue(0, 65535);
                case "--dport", "--orig-port-dst" -> s.dport = o.intValue(0, 65535);
                case "-w", "--zone" -> s.zone = o.intValue(0, 65535);
                case "--icmp-type" -> s.icmpType = o.intValue(0, 255);
                case "--icmp-code" -> s.icmpCode = o.intValue(0, 255);
                case "--icmp-id" -> s.icmpId = o.intValue(0, 65535);
                case "-m", "--mark" -> s.mark = mark(o.value());
                case "-e", "--event-mask" -> {
                    for (String t : o.value().split(",")) {
                        try {
                            s.events.add(ConntrackEvent.Type.valueOf(t.toUpperCase(Locale.ROOT)));
                        } catch (IllegalArgumentException e) {
                            throw new UsageException("unknown event type '" + t + "': NEW, UPDATE or DESTROY");
                        }
                    }
                }
                case "-o", "--output" -> {
                    for (String f : o.value().split(",")) {
                        switch (f) {
                            case "extended" -> s.extended = true;
                            case "id" -> s.id = true;
                            default -> throw new UsageException("unknown output format '" + f + "': extended or id");
                        }
                    }
                }
                case "--count", "-c" -> s.count = o.intValue(1, 1_000_000_000);
                case "--timeout" -> s.timeout = o.secondsValue();
                case "--netns" -> {
                    s.netns = o.value();
                    if (s.netns.isEmpty() || s.netns.contains("/") || s.netns.equals(".") || s.netns.equals("..")) {
                        throw new UsageException("bad namespace name for --netns: '" + s.netns + "'");
                    }
                }
                case "-h", "--help" -> help = true;
                default -> throw o.unknown();
            }
        }
        if (help) {
            io.out().print(usage());
            return 0;
        }
        if (s.op == 0) throw new UsageException("one of -L, -G, -D, -F, -E is needed");
        if (s.expect && s.op != 'L') throw new UsageException("'expect' goes with -L only");
        if (s.op != 'E' && (s.count >= 0 || s.timeout != null || !s.events.isEmpty())) {
            throw new UsageException("--count, --timeout and -e go with -E only");
        }
        if (s.src != null && s.dst != null && (s.src.getAddress().length != s.dst.getAddress().length)) {
            throw new UsageException("-s and -d differ in family");
        }
        if (s.op == 'E') return events(s, io);
        ConntrackTuple key = s.op == 'G' ? key(s) : null;
        try (Conntrack ct = Conntrack.open(s.netns)) {
            switch (s.op) {
                case 'L' -> {
                    if (s.expect) return listExpectations(ct, s, io);
                    int n = 0;
                    for (ConntrackEntry e : ct.list(s.family, s.zone)) {
                        if (!s.matches(e)) continue;
                        io.out().println(ConntrackFormat.line(e, null, s.extended, s.id));
                        n++;
                    }
                    io.out().flush();
                    io.err().println("ffsock conntrack: " + n + " flow entries have been shown.");
                }
                case 'G' -> {
                    var e = ct.get(key);
                    if (e.isEmpty()) {
                        io.err().println("ffsock: conntrack: no such entry");
                        return 1;
                    }
                    io.out().println(ConntrackFormat.line(e.get(), null, s.extended, s.id));
                }
                case 'D' -> {
                    int n = 0;
                    for (ConntrackEntry e : ct.list(s.family, s.zone)) {
                        if (!s.matches(e)) continue;
                        try {
                            ct.delete(e);
                        } catch (dev.ffsock.netlink.NetlinkException gone) {
                            if (gone.errno() == dev.ffsock.Errno.ENOENT) continue; // expired meanwhile
                            throw gone;
                        }
                        io.out().println(ConntrackFormat.line(e, null, s.extended, s.id));
                        n++;
                    }
                    io.out().flush();
                    io.err().println("ffsock conntrack: " + n + " flow entries have been deleted.");
                }
                default -> {
                    ct.flush(s.family);
                    io.err().println("ffsock conntrack: connection tracking table has been emptied.");
                }
            }
        }
        return 0;
    }

    private static int listExpectations(Conntrack ct, Spec s, Io io) throws Exception {
        int n = 0;
        for (ConntrackExpectation x : ct.expectations(s.family)) {
            io.out().println(ConntrackFormat.line(x));
            n++;
        }
        io.out().flush();
        io.err().println("ffsock conntrack: " + n + " expectations have been shown.");
        return 0;
    }

    private static int events(Spec s, Io io) throws Exception {
        try (NetlinkEvents<ConntrackEvent> events = Conntrack.events(s.netns, s.events.toArray(ConntrackEvent.Type[]::new))) {
            io.err().println("ffsock: watching conntrack events" + (s.netns == null ? "" : " in " + s.netns)
                    + (s.count > 0 ? ", " + s.count + " events" : ""));
            io.err().flush();
            return EventLoop.run(io, "conntrack", s.count, s.timeout, events::next, e -> {
                if (!s.matches(e.entry())) return false;
                io.out().println(ConntrackFormat.line(e, s.extended, s.id));
                return true;
            });
        }
    }

    /** The original tuple -G names: every part of it must be given. */
    private static ConntrackTuple key(Spec s) throws UsageException {
        if (s.protocol < 0 || s.src == null || s.dst == null) throw new UsageException("-G needs -p, -s and -d");
        boolean icmp = s.protocol == ConntrackTuple.ICMP || s.protocol == ConntrackTuple.ICMPV6;
        ConntrackTuple t;
        try {
            if (icmp) {
                if (s.icmpType < 0 || s.icmpCode < 0 || s.icmpId < 0) {
                    throw new UsageException("-G -p " + ConntrackFormat.l4Name(s.protocol) + " needs --icmp-type, --icmp-code and --icmp-id");
                }
                t = ConntrackTuple.icmp(s.src, s.dst, s.icmpId, s.icmpType, s.icmpCode);
                if (t.protocol() != s.protocol) throw new UsageException("-p " + ConntrackFormat.l4Name(s.protocol) + " does not fit the addresses' family");
            } else {
                if (s.sport < 0 || s.dport < 0) throw new UsageException("-G -p " + s.protocol + " needs --sport and --dport");
                t = ConntrackTuple.ports(s.protocol, s.src, s.sport, s.dst, s.dport);
            }
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        return s.zone >= 0 ? t.withZone(s.zone) : t;
    }

    private static InetAddress address(String s) throws UsageException {
        if (s.isEmpty() || !(s.indexOf(':') >= 0 || s.chars().allMatch(c -> c == '.' || Character.isDigit(c)))) {
            throw new UsageException("not an IP address: '" + s + "'");
        }
        try {
            return InetAddress.getByName(s);
        } catch (UnknownHostException e) {
            throw new UsageException("not an IP address: '" + s + "'");
        }
    }

    private static long mark(String s) throws UsageException {
        try {
            long v = s.startsWith("0x") ? Long.parseLong(s.substring(2), 16) : Long.parseLong(s);
            if (v >= 0 && v <= 0xffffffffL) return v;
        } catch (NumberFormatException e) {
            // fall through
        }
        throw new UsageException("mark must be 0..4294967295: '" + s + "'");
    }
}
