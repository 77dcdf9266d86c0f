package dev.ffsock.cli;

import dev.ffsock.netlink.tc.HtbClassSpec;
import dev.ffsock.netlink.tc.Tc;
import dev.ffsock.netlink.tc.TcClass;
import dev.ffsock.netlink.tc.Tca;

import java.util.List;

/** {@code ffsock class}: traffic classes, like {@code tc class show|add|replace|del}. */
final class ClassCommand implements Command {
    @Override
    public String name() {
        return "class";
    }

    @Override
    public String summary() {
        return "show, add, replace, delete traffic classes (like tc class)";
    }

    @Override
    public String usage() {
        return """
                usage: ffsock class [show] dev DEV [-s] [-d] [--json] [--netns NAME]
                       ffsock class add|replace dev DEV parent ID classid ID htb rate RATE [ceil RATE]
                                    [burst SIZE] [cburst SIZE] [prio 0-7] [quantum BYTES] [mtu BYTES]
                       ffsock class del dev DEV [parent ID] classid ID

                Text output is what 'tc class show' prints. iproute2 6.1 prints classes as text even
                with -j; --json prints the keys current iproute2 prints (class, handle, root|parent,
                leaf, prio, rate, ceil, burst, cburst; with -s a "stats" object).
                A refusal exits 1 with the kernel's message.

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
        String dev = null;
        int parent = 0;
        int classId = 0;
        HtbClassSpec spec = null;
        while (a.hasNext()) {
            String w = a.next();
            switch (w) {
                case "dev" -> dev = a.value("dev");
                case "parent" -> parent = a.classId("parent");
                case "root" -> parent = Tca.TC_H_ROOT;
                case "classid" -> classId = a.classId("classid");
                case "htb" -> spec = htb(a);
                default -> throw a.unexpected(w);
            }
        }
        try (Tc tc = Tc.open(a.common.netns)) {
            switch (verb) {
                case "show", "list", "ls" -> {
                    int i = TcCli.dev(tc, dev, "class show");
                    IpJson.Links links = TcCli.links(a.common.netns);
                    List<TcClass> cls = tc.classes(i);
                    TcJson.Shown s = new TcJson.Shown(false, true, a.details, a.stats);
                    TcCli.print(io, a.common.json, cls, c -> TcJson.tcClass(c, links, s), c -> TcText.tcClass(c, links, s));
                }
                case "add", "replace" -> {
                    int i = TcCli.dev(tc, dev, "class " + verb);
                    if (parent == 0) throw new UsageException("class " + verb + " needs 'parent ID'");
                    if (spec == null) throw new UsageException("class " + verb + " needs 'htb rate RATE …' (htb is the kind here)");
                    int p = parent, c = classId;
                    HtbClassSpec sp = spec;
                    TcCli.checkedIo(() -> {
                        if (verb.equals("add")) tc.addClass(i, p, c, sp);
                        else tc.replaceClass(i, p, c, sp);
                        return null;
                    });
                }
                case "del", "delete" -> {
                    int i = TcCli.dev(tc, dev, "class del");
                    if (spec != null) throw new UsageException("class del takes no htb options");
                    int p = parent, c = classId;
                    TcCli.checkedIo(() -> {
                        tc.deleteClass(i, p, c);
                        return null;
                    });
                }
                default -> throw new UsageException("unknown verb '" + verb + "': show, add, replace or del");
            }
        }
        return 0;
    }

    private static HtbClassSpec htb(TcArgs a) throws UsageException {
        long rate = 0, ceil = 0, burst = 0, cburst = 0, quantum = 0;
        int prio = 0, mtu = HtbClassSpec.DEFAULT_MTU;
        while (a.hasNext()) {
            String w = a.next();
            switch (w) {
                case "rate" -> rate = a.rate("rate");
                case "ceil" -> ceil = a.rate("ceil");
                case "burst", "buffer", "maxburst" -> burst = a.size(w);
                case "cburst", "cbuffer", "cmaxburst" -> cburst = a.size(w);
                case "prio" -> prio = (int) a.number("prio", 0, 7);
                case "quantum" -> quantum = a.number("quantum", 0, 0xffffffffL);
                case "mtu" -> mtu = (int) a.number("mtu", 1, Integer.MAX_VALUE);
                default -> throw new UsageException("htb: unknown option '" + w
                        + "' (rate, ceil, burst, cburst, prio, quantum, mtu)");
            }
        }
        if (rate == 0) throw new UsageException("htb: 'rate' is required");
        long r = rate, c = ceil, b = burst, cb = cburst, q = quantum;
        int p = prio, m = mtu;
        return TcCli.checked(() -> new HtbClassSpec(r, c, b, cb, p, q, m));
    }
}
