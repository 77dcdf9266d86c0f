package dev.ffsock.cli;

import dev.ffsock.InetText;
import dev.ffsock.netlink.mptcp.MptcpEndpoint;
import dev.ffsock.netlink.mptcp.MptcpLimits;
import dev.ffsock.netlink.mptcp.MptcpPathManager;
import dev.ffsock.netlink.route.Link;
import dev.ffsock.netlink.route.Rtnetlink;

import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** {@code ffsock mptcp}: the MPTCP path manager's endpoints and limits, as {@code ip mptcp}. */
final class MptcpCommand implements Command {
    @Override
    public String name() {
        return "mptcp";
    }

    @Override
    public String summary() {
        return "MPTCP endpoints and limits (like ip mptcp)";
    }

    @Override
    public String usage() {
        return """
                usage: ffsock mptcp endpoint [show [id ID]]
                       ffsock mptcp endpoint add ADDRESS [dev NAME] [id ID] [port NR] [signal] [subflow] [backup] [fullmesh]
                       ffsock mptcp endpoint del id ID
                       ffsock mptcp endpoint flush
                       ffsock mptcp limits [show]
                       ffsock mptcp limits set [subflows NR] [add_addr_accepted NR]

                The in-kernel path manager (generic netlink family mptcp_pm). Output is ip mptcp's:
                  10.0.0.2 id 4 subflow backup dev eth0
                  add_addr_accepted 0 subflows 2
                With --json, the keys of 'ip -j mptcp' (limits as current iproute2 prints them; 6.1
                prints text). The kernel's refusals ('address not found', 'limit greater than
                maximum (8)') exit with status 1.

                options:
                """ + RtnlOptions.USAGE;
    }

    @Override
    public int run(String[] args, Io io) throws Exception {
        Words w = new Words(args);
        if (w.common.help) {
            io.out().print(usage());
            return 0;
        }
        String object = w.next("'endpoint' or 'limits'");
        String action = w.hasNext() ? w.next("action") : "show";
        try (MptcpPathManager pm = MptcpPathManager.open(w.common.netns)) {
            switch (object) {
                case "endpoint" -> {
                    switch (action) {
                        case "show", "list" -> showEndpoints(w, pm, io);
                        case "add" -> pm.addEndpoint(endpoint(w));
                        case "del", "delete" -> {
                            if (!"id".equals(w.peek())) throw new UsageException("'del' needs 'id ID'");
                            w.next("id");
                            int id = w.intValue("id", 1, 255);
                            w.end();
                            pm.deleteEndpoint(id);
                        }
                        case "flush" -> {
                            w.end();
                            pm.flushEndpoints();
                        }
                        default -> throw new UsageException("unknown endpoint action '" + action + "'");
                    }
                }
                case "limits" -> {
                    switch (action) {
                        case "show" -> {
                            w.end();
                            showLimits(pm.limits(), w.common.json, io);
                        }
                        case "set" -> setLimits(w, pm);
                        default -> throw new UsageException("unknown limits action '" + action + "'");
                    }
                }
                default -> throw new UsageException("unknown object '" + object + "' ('endpoint' or 'limits')");
            }
        }
        return 0;
    }

    private static MptcpEndpoint endpoint(Words w) throws Exception {
        InetAddress address = Words.address(w.next("ADDRESS"));
        if (address instanceof Inet6Address a6 && a6.getScopeId() != 0) throw new UsageException("an endpoint address has no scope");
        String dev = null;
        int id = 0, port = 0;
        EnumSet<MptcpEndpoint.Flag> flags = EnumSet.noneOf(MptcpEndpoint.Flag.class);
        while (w.hasNext()) {
            String k = w.next("argument");
            switch (k) {
                case "dev" -> dev = w.value(k);
                case "id" -> id = w.intValue(k, 1, 255);
                case "port" -> port = w.intValue(k, 1, 65535);
                case "signal", "subflow", "backup", "fullmesh" -> flags.add(MptcpEndpoint.Flag.valueOf(k.toUpperCase(Locale.ROOT)));
                default -> throw w.unknown(k);
            }
        }
        if (port != 0 && !flags.contains(MptcpEndpoint.Flag.SIGNAL)) throw new UsageException("'port' needs 'signal'");
        int ifindex = dev == null ? 0 : index(w.common.netns, dev);
        return new MptcpEndpoint(id, address, port, flags, ifindex);
    }

    private static int index(String netns, String dev) throws IOException, UsageException {
        try (Rtnetlink rt = Rtnetlink.open(netns)) {
            return rt.link(dev).map(Link::index).orElseThrow(() -> new UsageException("no device '" + dev + "'"));
        }
    }

    private static void showEndpoints(Words w, MptcpPathManager pm, Io io) throws Exception {
        List<MptcpEndpoint> list;
        if (w.hasNext()) {
            String k = w.next("id");
            if (!k.equals("id")) throw w.unknown(k);
            int id = w.intValue("id", 1, 255);
            w.end();
            list = List.of(pm.endpoint(id));
        } else {
            list = pm.endpoints();
        }
        Map<Integer, String> names = new LinkedHashMap<>();
        if (list.stream().anyMatch(e -> e.ifindex() != 0)) {
            try (Rtnetlink rt = Rtnetlink.open(w.common.netns)) {
                for (MptcpEndpoint e : list) {
                    if (e.ifindex() != 0 && !names.containsKey(e.ifindex())) {
                        names.put(e.ifindex(), rt.link(e.ifindex()).map(Link::name).orElse("if" + e.ifindex()));
                    }
                }
            }
        }
        List<Object> json = new ArrayList<>();
        for (MptcpEndpoint e : list) {
            Map<String, Object> j = json(e, names);
            if (w.common.json) {
                json.add(j);
            } else {
                // ip mptcp's text: each word followed by a space
                StringBuilder sb = new StringBuilder();
                for (Map.Entry<String, Object> m : j.entrySet()) {
                    if (m.getKey().equals("address")) sb.append(m.getValue()).append(' ');
                    else if (m.getValue() instanceof Boolean) sb.append(m.getKey()).append(' ');
                    else sb.append(m.getKey()).append(' ').append(m.getValue()).append(' ');
                }
                io.out().println(sb);
            }
        }
        if (w.common.json) io.out().println(Json.write(json));
    }

    /** {@return one endpoint with ip -j mptcp endpoint show's keys, in its order} */
    static Map<String, Object> json(MptcpEndpoint e, Map<Integer, String> names) {
        Map<String, Object> j = new LinkedHashMap<>();
        j.put("address", InetText.format(e.address()));
        if (e.port() != 0) j.put("port", e.port());
        j.put("id", e.id());
        for (MptcpEndpoint.Flag f : e.flags()) j.put(f.name().toLowerCase(Locale.ROOT), true);
        if (e.ifindex() != 0) j.put("dev", names.getOrDefault(e.ifindex(), "if" + e.ifindex()));
        return j;
    }

    private static void showLimits(MptcpLimits l, boolean json, Io io) {
        if (json) {
            Map<String, Object> j = new LinkedHashMap<>();
            j.put("add_addr_accepted", l.addAddrAccepted());
            j.put("subflows", l.subflows());
            io.out().println(Json.write(j));
        } else {
            io.out().println("add_addr_accepted " + l.addAddrAccepted() + " subflows " + l.subflows() + " ");
        }
    }

    private static void setLimits(Words w, MptcpPathManager pm) throws Exception {
        Long subflows = null, accepted = null;
        while (w.hasNext()) {
            String k = w.next("limit");
            switch (k) {
                case "subflows" -> subflows = (long) w.intValue(k, 0, Integer.MAX_VALUE);
                case "add_addr_accepted" -> accepted = (long) w.intValue(k, 0, Integer.MAX_VALUE);
                default -> throw w.unknown(k);
            }
        }
        if (subflows == null && accepted == null) throw new UsageException("'limits set' needs subflows or add_addr_accepted");
        pm.setLimits(accepted, subflows);
    }
}
