package dev.ffsock.cli;

import dev.ffsock.netlink.genl.GenericNetlink;
import dev.ffsock.netlink.genl.GenlFamily;
import dev.ffsock.netlink.genl.GenlMulticastGroup;
import dev.ffsock.netlink.genl.GenlOperation;

import java.util.ArrayList;
import java.util.List;

/** {@code ffsock genl}: generic netlink families, from the controller (nlctrl). */
final class GenlCommand implements Command {
    @Override
    public String name() {
        return "genl";
    }

    @Override
    public String summary() {
        return "list generic netlink families, or describe one";
    }

    @Override
    public String usage() {
        return """
                usage: ffsock genl [NAME] [--netns NAME]

                Without NAME, lists every generic netlink family the kernel has registered, one per
                line; with NAME, that family's line followed by its commands and multicast groups:
                  ID    NAME     VERSION OPS GROUPS
                  16    nlctrl   2       2   notify:16
                    op 3 do,dump
                    group notify 16
                A NAME the kernel does not know fails with ENOENT (exit status 1).

                options:
                  --netns NAME  ask in network namespace NAME (/run/netns/NAME)
                  -h, --help    show this help
                """;
    }

    @Override
    public int run(String[] args, Io io) throws Exception {
        String family = null;
        String netns = null;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("-h") || a.equals("--help")) {
                io.out().print(usage());
                return 0;
            } else if (a.equals("--netns")) {
                if (++i == args.length) throw new UsageException("option --netns needs a value");
                netns = args[i];
            } else if (a.startsWith("--netns=")) {
                netns = a.substring("--netns=".length());
            } else if (a.startsWith("-")) {
                throw new UsageException("unknown option '" + a + "'");
            } else if (family != null) {
                throw new UsageException("unexpected argument '" + a + "': one family name at most");
            } else {
                family = a;
            }
        }
        if (netns != null && netns.isEmpty()) throw new UsageException("empty namespace name");
        try (GenericNetlink genl = GenericNetlink.open(netns)) {
            List<GenlFamily> list = family == null ? genl.families() : List.of(genl.family(family));
            List<String[]> rows = new ArrayList<>();
            rows.add(new String[] {"ID", "NAME", "VERSION", "OPS", "GROUPS"});
            for (GenlFamily f : list) {
                List<String> groups = new ArrayList<>();
                for (GenlMulticastGroup g : f.groups()) groups.add(g.name() + ":" + g.id());
                rows.add(new String[] {Integer.toString(f.id()), f.name(), Integer.toString(f.version()),
                        Integer.toString(f.operations().size()), groups.isEmpty() ? "-" : String.join(",", groups)});
            }
            int[] w = new int[4];
            for (String[] r : rows) for (int i = 0; i < 4; i++) w[i] = Math.max(w[i], r[i].length());
            for (String[] r : rows) {
                io.out().println(String.format("%-" + w[0] + "s %-" + w[1] + "s %-" + w[2] + "s %-" + w[3] + "s %s",
                        (Object[]) r));
            }
            if (family != null) {
                GenlFamily f = list.getFirst();
                for (GenlOperation op : f.operations()) io.out().println("  op " + op.id() + " " + flags(op));
                for (GenlMulticastGroup g : f.groups()) io.out().println("  group " + g.name() + " " + g.id());
            }
        }
        return 0;
    }

    private static String flags(GenlOperation op) {
        List<String> f = new ArrayList<>();
        if (op.canDo()) f.add("do");
        if (op.canDump()) f.add("dump");
        if (op.needsAdmin()) f.add("admin");
        return f.isEmpty() ? "-" : String.join(",", f);
    }
}
