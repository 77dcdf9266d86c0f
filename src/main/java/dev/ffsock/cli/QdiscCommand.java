package dev.ffsock.cli;

import dev.ffsock.netlink.tc.Qdisc;
import dev.ffsock.netlink.tc.QdiscSpec;
import dev.ffsock.netlink.tc.Tc;
import dev.ffsock.netlink.tc.Tca;

import java.util.List;

/** {@code ffsock qdisc}: queueing disciplines, like {@code tc qdisc show|add|replace|del}. */
final class QdiscCommand implements Command {
    @Override
    public String name() {
        return "qdisc";
    }

    @Override
    public String summary() {
        return "show, add, replace, delete queueing disciplines (like tc qdisc)";
    }

    @Override
    public String usage() {
        return """
                usage: ffsock qdisc [show] [dev DEV] [-s] [-d] [--json] [--netns NAME]
                       ffsock qdisc add|replace|change dev DEV (root | parent ID | ingress | clsact) [handle H] [KIND [OPTIONS]]
                       ffsock qdisc del dev DEV (root | parent ID | ingress | clsact) [handle H] [KIND]

                Kinds and their options, as tc takes them:
                  htb [default MINOR] [r2q N] [direct_qlen N]
                  tbf rate RATE burst SIZE (latency TIME | limit SIZE) [peakrate RATE mtu SIZE]
                  pfifo [limit PACKETS]        bfifo [limit SIZE]
                  ingress, clsact, or any other kind without options (the kernel refuses kinds it lacks)
                RATE: 1mbit, 500kbit, 10mbps (bytes), …; SIZE: 1600, 10k, 1mb, …; TIME: 50ms, 1s, 400us.
                With --json, the array 'tc -j qdisc show' prints. A refusal exits 1 with the kernel's message.

                options:
                """ + TcCli.OPTIONS;
    }

    @Override
    public int run(String[] args, Io io) throws Exception {
        TcArgs a = new TcArgs(args);
        if (a.common.help) {
            io.out().print(usage());
            return 0;
        }
        String verb = a.hasNext() ? a.next() : "show";
        switch (verb) {
            case "show", "list", "ls" -> {
                return show(a, io);
            }
            case "add", "replace", "change", "del", "delete" -> {
                return change(verb, a);
            }
            default -> throw new UsageException("unknown verb '" + verb + "': show, add, replace, change or del");
        }
    }

    private int show(TcArgs a, Io io) throws Exception {
        String dev = null;
        while (a.hasNext()) {
            String w = a.next();
            if (w.equals("dev")) dev = a.value("dev");
            else throw a.unexpected(w);
        }
        IpJson.Links links = TcCli.links(a.common.netns);
        List<Qdisc> qs;
        try (Tc tc = Tc.open(a.common.netns)) {
            qs = tc.qdiscs(dev == null ? 0 : TcCli.dev(tc, dev, "qdisc show"));
        }
        TcJson.Shown s = new TcJson.Shown(dev == null, true, a.details, a.stats);
        TcCli.print(io, a.common.json, qs, q -> TcJson.qdisc(q, links, s), q -> TcText.qdisc(q, links, s));
        return 0;
    }

    private int change(String verb, TcArgs a) throws Exception {
        String dev = null;
        Integer parent = null;
        int handle = 0;
        QdiscSpec spec = null;
        while (a.hasNext() && spec == null) {
            String w = a.next();
            switch (w) {
                case "dev" -> dev = a.value("dev");
                case "root" -> parent = setParent(parent, Tca.TC_H_ROOT);
                case "parent" -> parent = setParent(parent, a.classId("parent"));
                case "handle" -> handle = a.qdiscHandle("handle");
                case "ingress" -> {
                    parent = setParent(parent, Tca.TC_H_INGRESS);
                    spec = new QdiscSpec.Ingress();
                }
                case "clsact" -> {
                    parent = setParent(parent, Tca.TC_H_CLSACT);
                    spec = new QdiscSpec.Clsact();
                }
                default -> spec = verb.startsWith("del") ? kindOnly(w) : kind(w, a);
            }
        }
        if (a.hasNext()) throw a.unexpected(a.next());
        if (parent == null) throw new UsageException("qdisc " + verb + " needs root, parent ID, ingress or clsact");
        int p = parent;
        int h = handle;
        try (Tc tc = Tc.open(a.common.netns)) {
            int i = TcCli.dev(tc, dev, "qdisc " + verb);
            if (verb.startsWith("del")) {
                TcCli.checkedIo(() -> {
                    tc.deleteQdisc(i, p, h);
                    return null;
                });
                return 0;
            }
            if (spec == null) throw new UsageException("qdisc " + verb + " needs a kind (htb, tbf, pfifo, …)");
            QdiscSpec sp = spec;
            TcCli.checkedIo(() -> {
                switch (verb) {
                    case "add" -> tc.addQdisc(i, p, h, sp);
                    case "change" -> tc.changeQdisc(i, p, h, sp);
                    default -> tc.replaceQdisc(i, p, h, sp);
                }
                return null;
            });
        }
        return 0;
    }

    private static Integer setParent(Integer old, int parent) throws UsageException {
        if (old != null) throw new UsageException("duplicate parent: root, parent, ingress and clsact name one");
        return parent;
    }

    private static QdiscSpec kindOnly(String kind) throws UsageException {
        return TcCli.checked(() -> new QdiscSpec.OfKind(kind));
    }

    /** The kind named by {@code kind} and the options after it. */
    private static QdiscSpec kind(String kind, TcArgs a) throws UsageException {
        switch (kind) {
            case "htb" -> {
                long def = 0, r2q = 10, directQlen = -1;
                while (a.hasNext()) {
                    String w = a.next();
                    switch (w) {
                        case "default" -> def = a.hex("default", 0xffffffffL);
                        case "r2q" -> r2q = a.number("r2q", 1, 0xffffffffL);
                        case "direct_qlen" -> directQlen = a.number("direct_qlen", 0, 0xffffffffL);
                        default -> throw new UsageException("htb: unknown option '" + w + "' (default, r2q, direct_qlen)");
                    }
                }
                long d = def, r = r2q, q = directQlen;
                return TcCli.checked(() -> new QdiscSpec.Htb(d, r, q));
            }
            case "tbf" -> {
                long rate = 0, burst = 0, limit = 0, latency = 0, peak = 0, mtu = 0;
                while (a.hasNext()) {
                    String w = a.next();
                    switch (w) {
                        case "rate" -> rate = a.rate("rate");
                        case "burst", "buffer", "maxburst" -> burst = a.size(w);
                        case "limit" -> limit = a.size("limit");
                        case "latency" -> latency = a.time("latency");
                        case "peakrate" -> peak = a.rate("peakrate");
                        case "mtu", "minburst" -> mtu = a.size(w);
                        default -> throw new UsageException("tbf: unknown option '" + w
                                + "' (rate, burst, latency, limit, peakrate, mtu)");
                    }
                }
                long r = rate, b = burst, l = limit, lat = latency, pk = peak, m = mtu;
                if (r == 0) throw new UsageException("tbf: 'rate' is required");
                if (b == 0) throw new UsageException("tbf: 'burst' is required");
                return TcCli.checked(() -> new QdiscSpec.Tbf(r, b, l, lat, pk, m));
            }
            case "pfifo", "bfifo" -> {
                long limit = -1;
                while (a.hasNext()) {
                    String w = a.next();
                    if (!w.equals("limit")) throw new UsageException(kind + ": unknown option '" + w + "' (limit)");
                    limit = kind.equals("pfifo") ? a.number("limit", 0, 0xffffffffL) : a.size("limit");
                }
                long l = limit;
                return TcCli.checked(() -> kind.equals("pfifo") ? new QdiscSpec.Pfifo(l) : new QdiscSpec.Bfifo(l));
            }
            default -> {
                if (a.hasNext()) throw new UsageException(kind + ": ffsock knows no options for this kind: '" + a.next() + "'");
                return kindOnly(kind);
            }
        }
    }
}
