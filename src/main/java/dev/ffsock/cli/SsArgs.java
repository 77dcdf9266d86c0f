package dev.ffsock.cli;

import dev.ffsock.netlink.diag.SocketState;
import dev.ffsock.netlink.diag.SsFilter;

import dev.ffsock.netlink.route.Link;
import dev.ffsock.netlink.route.Rtnetlink;

import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * {@code ffsock sockets}' arguments, read as {@code ss} reads its own: options (single letters may be
 * joined, {@code -tlnp}; anywhere, as getopt_long takes them) and the filter words ({@link SsFilter}).
 *
 * @param tables  the socket tables to list, in ss's order
 * @param inet4   whether inet tables list IPv4 sockets
 * @param inet6   whether inet tables list IPv6 sockets
 * @param listening {@code -l}
 * @param all     {@code -a}
 * @param filter  the filter words read
 * @param info    {@code -i}
 * @param memory  {@code -m}
 * @param options {@code -o} or {@code -e} (ss shows timers and TCP options with either)
 * @param extended {@code -e}
 * @param processes {@code -p}
 * @param kill    {@code -K}
 * @param header  not {@code -H}
 * @param netns   {@code --netns NAME}, or null
 */
record SsArgs(Set<SsTable> tables, boolean inet4, boolean inet6, boolean listening, boolean all, SsFilter filter,
              boolean info, boolean memory, boolean options, boolean extended, boolean processes, boolean kill, boolean header,
              String netns) {
    private static final String JOINABLE = "tuxw0lanimoepKM46H";

    static SsArgs parse(String[] args) throws UsageException {
        // As ss (getopt_long), options may stand anywhere; every other word belongs to the filter.
        List<String> opts = new ArrayList<>();
        List<String> words = new ArrayList<>();
        boolean onlyWords = false;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (onlyWords || !a.startsWith("-") || a.equals("-")) {
                words.add(a);
            } else if (a.equals("--")) {
                onlyWords = true;
            } else if (!a.startsWith("--") && a.length() > 2 && a.chars().skip(1).allMatch(c -> JOINABLE.indexOf(c) >= 0)) {
                for (char c : a.substring(1).toCharArray()) opts.add("-" + c);
            } else {
                opts.add(a);
                if ((a.equals("-f") || a.equals("--family") || a.equals("--netns")) && i + 1 < args.length) opts.add(args[++i]);
            }
        }

        EnumSet<SsTable> tables = EnumSet.noneOf(SsTable.class);
        Set<String> families = new java.util.LinkedHashSet<>();
        boolean listening = false, all = false, info = false, memory = false, options = false, extended = false;
        boolean processes = false;
        boolean kill = false, header = true;
        String netns = null;
        Options o = new Options(opts.toArray(String[]::new));
        while (o.hasNext()) {
            switch (o.next()) {
                case "-t", "--tcp" -> flag(o, () -> tables.add(SsTable.TCP));
                case "-u", "--udp" -> flag(o, () -> tables.add(SsTable.UDP));
                case "-w", "--raw" -> flag(o, () -> tables.add(SsTable.RAW));
                case "-M", "--mptcp" -> flag(o, () -> tables.add(SsTable.MPTCP));
                case "-x", "--unix" -> flag(o, () -> tables.addAll(SsTable.UNIX));
                case "-0", "--packet" -> flag(o, () -> tables.addAll(SsTable.PACKET));
                case "-4", "--ipv4" -> flag(o, () -> families.add("inet"));
                case "-6", "--ipv6" -> flag(o, () -> families.add("inet6"));
                case "-f", "--family" -> {
                    String f = o.value();
                    switch (f) {
                        case "inet", "inet6", "unix", "packet", "netlink" -> families.add(f);
                        case "link" -> families.add("packet");
                        default -> throw new UsageException("unknown family '" + f + "' (inet, inet6, unix, packet, netlink)");
                    }
                }
                case "-l", "--listening" -> { o.flag(); listening = true; }
                case "-a", "--all" -> { o.flag(); all = true; }
                case "-n", "--numeric" -> o.flag();
                case "-i", "--info" -> { o.flag(); info = true; }
                case "-m", "--memory" -> { o.flag(); memory = true; }
                case "-o", "--options" -> { o.flag(); options = true; }
                case "-e", "--extended" -> { o.flag(); extended = true; options = true; }
                case "-p", "--processes" -> { o.flag(); processes = true; }
                case "-K", "--kill" -> { o.flag(); kill = true; }
                case "-H", "--no-header" -> { o.flag(); header = false; }
                case "--netns" -> netns = o.value();
                case "-h", "--help" -> {
                    o.flag();
                    return null;
                }
                default -> throw o.unknown();
            }
        }
        if (opts.contains("-4") && opts.contains("-6")) throw new UsageException("-4 and -6 exclude each other");
        boolean anyInet = families.contains("inet") || families.contains("inet6");
        boolean v4 = !anyInet || families.contains("inet");
        boolean v6 = !anyInet || families.contains("inet6");
        if (tables.isEmpty()) {
            for (SsTable t : SsTable.values()) {
                if (families.isEmpty() || families.contains(t.family()) || (anyInet && t.family().equals("inet"))) tables.add(t);
            }
        } else {
            for (SsTable t : SsTable.values()) if (families.contains(t.family()) && !t.family().equals("inet")) tables.add(t);
        }
        SsFilter filter;
        try {
            String ns = netns;
            filter = SsFilter.parse(words, name -> interfaceIndex(ns, name));
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        if (kill && tables.stream().anyMatch(t -> !t.family().equals("inet"))) {
            tables.removeIf(t -> !t.family().equals("inet"));
        }
        return new SsArgs(tables, v4, v6, listening, all, filter, info, memory, options, extended, processes, kill, header, netns);
    }

    private static void flag(Options o, Runnable r) throws UsageException {
        o.flag();
        r.run();
    }

    /** The index of an interface of the namespace listed (null: this process's), -1 if there is none by that name. */
    private static int interfaceIndex(String netns, String name) {
        try (Rtnetlink rt = Rtnetlink.open(netns)) {
            for (Link l : rt.links()) if (l.name().equals(name)) return l.index();
        } catch (IOException | RuntimeException e) {
            // no such device then
        }
        return -1;
    }

    /** {@return the state mask to ask every table for: the filter's states, else -a, -l, or ss's default for the tables listed} */
    int states() {
        if (filter.statesGiven()) return filter.states();
        if (all) return SocketState.ALL;
        if (listening) return SocketState.mask(SocketState.LISTEN, SocketState.CLOSE);
        int m = 0;
        for (SsTable t : tables) m |= t.defaultStates();
        return m;
    }
}
