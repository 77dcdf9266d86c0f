package dev.ffsock.cli;

import dev.ffsock.netlink.tc.Tc;
import dev.ffsock.netlink.tc.TcFilter;
import dev.ffsock.netlink.tc.TcHandle;
import dev.ffsock.netlink.tc.Tca;
import dev.ffsock.netlink.tc.U32FilterSpec;
import dev.ffsock.netlink.tc.U32Match;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;

/** {@code ffsock filter}: classifiers, like {@code tc filter show|add|replace|del} (u32). */
final class FilterCommand implements Command {
    private static final int INGRESS = Tca.TC_H_CLSACT & Tca.TC_H_MAJ_MASK | Tca.TC_H_MIN_INGRESS;
    private static final int EGRESS = Tca.TC_H_CLSACT & Tca.TC_H_MAJ_MASK | Tca.TC_H_MIN_EGRESS;

    @Override
    public String name() {
        return "filter";
    }

    @Override
    public String summary() {
        return "show, add, replace, delete u32 filters (like tc filter)";
    }

    @Override
    public String usage() {
        return """
                usage: ffsock filter [show] dev DEV [root | ingress | egress | parent ID] [protocol P] [pref N]
                       ffsock filter add|replace dev DEV (root | ingress | egress | parent ID) [protocol P]
                                    [pref N] [handle H] [chain N] u32 [match SEL]... [flowid|classid ID]
                       ffsock filter add dev DEV parent ID [protocol P] [pref N] KIND   (other classifiers)
                       ffsock filter del dev DEV (root | ingress | egress | parent ID) [protocol P] [pref N]
                                    [handle H u32]

                SEL: u32 VALUE MASK at OFF | u16 VALUE MASK at OFF | u8 VALUE MASK at OFF
                     | ip src|dst ADDR[/LEN]
                P: ip, ipv6, arp, all (the default for add), 802.1Q, 802.1ad or a number.
                With --json, the array 'tc -j filter show' prints. A refusal exits 1 with the kernel's message.

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
        int protocol = -1;
        int pref = 0;
        String handleText = null;
        long chain = -1;
        String kind = null;
        U32Match match = new U32Match();
        int flowid = 0;
        while (a.hasNext()) {
            String w = a.next();
            switch (w) {
                case "dev" -> dev = a.value("dev");
                case "root" -> parent = Tca.TC_H_ROOT;
                case "ingress" -> parent = INGRESS;
                case "egress" -> parent = EGRESS;
                case "parent" -> parent = a.classId("parent");
                case "protocol" -> protocol = a.protocol("protocol");
                case "pref", "prio", "priority", "preference" -> pref = (int) a.number(w, 1, 0xffff);
                case "handle" -> handleText = a.value("handle");
                case "chain" -> chain = a.number("chain", 0, 0xffffffffL);
                case "u32" -> {
                    kind = "u32";
                    flowid = u32(a, match);
                }
                default -> {
                    if (kind != null || w.startsWith("-")) throw a.unexpected(w);
                    kind = w;
                }
            }
        }
        int handle = handleText == null ? 0 : filterHandle(handleText, kind);
        try (Tc tc = Tc.open(a.common.netns)) {
            int i = TcCli.dev(tc, dev, "filter " + verb);
            int p = parent, proto = protocol, pr = pref, h = handle, fl = flowid;
            long ch = chain;
            String k = kind;
            switch (verb) {
                case "show", "list", "ls" -> {
                    IpJson.Links links = TcCli.links(a.common.netns);
                    List<TcFilter> all = tc.filters(i, p);
                    List<TcFilter> fs = new ArrayList<>();
                    for (TcFilter f : all) {
                        if ((proto < 0 || f.protocol() == proto) && (pr == 0 || f.pref() == pr)) fs.add(f);
                    }
                    TcJson.Shown s = new TcJson.Shown(false, p == 0, a.details, a.stats, proto < 0, pr == 0);
                    TcCli.print(io, a.common.json, fs, f -> TcJson.filter(f, links, s), f -> TcText.filter(f, links, s));
                }
                case "add", "replace" -> {
                    if (p == 0) throw new UsageException("filter " + verb + " needs root, ingress, egress or parent ID");
                    if (k == null) throw new UsageException("filter " + verb + " needs a classifier (u32)");
                    int pp = proto < 0 ? Tca.ETH_P_ALL : proto;
                    TcCli.checkedIo(() -> {
                        if (!k.equals("u32")) {
                            if (verb.equals("replace") || h != 0 || ch >= 0) {
                                throw new IllegalArgumentException(k + ": ffsock only sends a bare add for this classifier");
                            }
                            tc.addFilter(i, p, k, pp, pr);
                            return null;
                        }
                        U32FilterSpec spec = new U32FilterSpec(pp, pr, h, ch, fl, match.keys());
                        if (verb.equals("add")) tc.addFilter(i, p, spec);
                        else tc.replaceFilter(i, p, spec);
                        return null;
                    });
                }
                case "del", "delete" -> {
                    if (p == 0) throw new UsageException("filter del needs root, ingress, egress or parent ID");
                    TcCli.checkedIo(() -> {
                        tc.deleteFilter(i, p, Math.max(proto, 0), pr, h, k);
                        return null;
                    });
                }
                default -> throw new UsageException("unknown verb '" + verb + "': show, add, replace or del");
            }
        }
        return 0;
    }

    /** A filter handle: u32's {@code HT:BKT:NODE}, or hex for other classifiers. */
    private static int filterHandle(String text, String kind) throws UsageException {
        if ("u32".equals(kind)) return TcCli.checked(() -> TcHandle.parseU32Handle(text));
        try {
            long v = Long.parseLong(text.startsWith("0x") ? text.substring(2) : text, 16);
            if (v >= 0 && v <= 0xffffffffL) return (int) v;
        } catch (NumberFormatException e) {
            // below
        }
        throw new UsageException("bad handle '" + text + "'");
    }

    /** Reads u32's options into {@code match}; {@return the flowid, 0 if none} */
    private static int u32(TcArgs a, U32Match match) throws UsageException {
        int flowid = 0;
        while (a.hasNext()) {
            String w = a.next();
            switch (w) {
                case "match" -> selector(a, match);
                case "flowid", "classid" -> flowid = a.classId(w);
                default -> throw new UsageException("u32: unknown option '" + w + "' (match, flowid, classid)");
            }
        }
        return flowid;
    }

    private static void selector(TcArgs a, U32Match match) throws UsageException {
        String type = a.value("match");
        switch (type) {
            case "u32", "u16", "u8" -> {
                long max = type.equals("u32") ? 0xffffffffL : type.equals("u16") ? 0xffff : 0xff;
                long value = a.number(type + " value", 0, max);
                long mask = a.number(type + " mask", 0, max);
                String at = a.value(type);
                if (!at.equals("at")) throw new UsageException("match " + type + ": expected 'at OFFSET', got '" + at + "'");
                int off = (int) a.number("at", 0, 0xffff);
                TcCli.checked(() -> switch (type) {
                    case "u32" -> match.u32(value, mask, off);
                    case "u16" -> match.u16((int) value, (int) mask, off);
                    default -> match.u8((int) value, (int) mask, off);
                });
            }
            case "ip" -> {
                String dir = a.value("match ip");
                if (!dir.equals("src") && !dir.equals("dst")) {
                    throw new UsageException("match ip: src or dst (ffsock's u32 knows those two), got '" + dir + "'");
                }
                String prefix = a.value("match ip " + dir);
                int slash = prefix.indexOf('/');
                String addr = slash < 0 ? prefix : prefix.substring(0, slash);
                int len;
                try {
                    len = slash < 0 ? 32 : Integer.parseInt(prefix.substring(slash + 1));
                } catch (NumberFormatException e) {
                    throw new UsageException("bad prefix length in '" + prefix + "'");
                }
                InetAddress ip = TcCli.checked(() -> InetAddress.ofLiteral(addr));
                TcCli.checked(() -> match.ip(dir.equals("dst"), ip, len));
            }
            default -> throw new UsageException("match: u32, u16, u8 or ip, got '" + type + "'");
        }
    }
}
