package dev.ffsock.cli;

import dev.ffsock.NamespaceFd;
import dev.ffsock.NetworkNamespaces;
import dev.ffsock.netlink.Netlink;
import dev.ffsock.netlink.NetlinkConnection;
import dev.ffsock.netlink.route.NetnsId;
import dev.ffsock.netlink.route.NetnsIds;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code ffsock netns}: named network namespaces and their ids, like {@code ip netns}. */
final class NetnsCommand implements Command {
    @Override
    public String name() {
        return "netns";
    }

    @Override
    public String summary() {
        return "add, delete, list network namespaces and ids (like ip netns)";
    }

    @Override
    public String usage() {
        return """
                usage: ffsock netns [list] [--json]
                       ffsock netns add NAME | del NAME
                       ffsock netns set NAME NSID|auto
                       ffsock netns list-id [--json]
                       ffsock netns identify [PID]

                Named network namespaces as 'ip netns' keeps them (/run/netns/NAME, a bind mount of
                the namespace): add makes one, del removes the name, list prints the names (with
                their id here, 'id N'), identify the names of PID's namespace (default: this
                process). set gives a namespace an id in the current one, list-id prints the ids
                assigned. With --json, what 'ip -j netns ...' prints. Needs CAP_SYS_ADMIN to change.

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
        String verb = w.hasNext() ? w.next("command") : "list";
        try {
            switch (verb) {
                case "add" -> {
                    String name = w.next("namespace name");
                    w.end();
                    NetworkNamespaces.add(name);
                }
                case "del", "delete" -> {
                    String name = w.next("namespace name");
                    w.end();
                    NetworkNamespaces.delete(name);
                }
                case "list", "show" -> {
                    w.end();
                    list(w, io);
                }
                case "list-id" -> {
                    w.end();
                    listId(w, io);
                }
                case "set" -> {
                    String name = w.next("namespace name");
                    String id = w.next("nsid");
                    w.end();
                    int nsid = id.equals("auto") ? -1 : Words.number(id, 0, Integer.MAX_VALUE, "nsid");
                    try (NetlinkConnection c = NetlinkConnection.open(Netlink.NETLINK_ROUTE, w.common.netns)) {
                        new NetnsIds(c).set(name, nsid);
                    }
                }
                case "identify" -> {
                    int pid = w.hasNext() ? Words.number(w.next("pid"), 1, Integer.MAX_VALUE, "pid") : (int) ProcessHandle.current().pid();
                    w.end();
                    for (String n : NetworkNamespaces.identify(pid)) io.out().println(n);
                }
                default -> throw w.unknown(verb);
            }
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        return 0;
    }

    /** {@code ip netns list}: each name, with {@code id N} when it has one here. */
    private static void list(Words w, Io io) throws IOException {
        List<Object> json = new ArrayList<>();
        try (NetlinkConnection c = NetlinkConnection.open(Netlink.NETLINK_ROUTE, w.common.netns)) {
            NetnsIds ids = new NetnsIds(c);
            for (String n : NetworkNamespaces.list()) {
                int id = idOf(ids, n);
                Map<String, Object> o = new LinkedHashMap<>();
                o.put("name", n);
                if (id >= 0) o.put("id", id);
                if (w.common.json) json.add(o);
                else io.out().println(id >= 0 ? n + " (id: " + id + ")" : n);
            }
        }
        if (w.common.json) io.out().println(Json.write(json));
    }

    /** {@code ip netns list-id}: each nsid, with the name of the namespace that has it. */
    private static void listId(Words w, Io io) throws IOException {
        List<Object> json = new ArrayList<>();
        try (NetlinkConnection c = NetlinkConnection.open(Netlink.NETLINK_ROUTE, w.common.netns)) {
            NetnsIds ids = new NetnsIds(c);
            Map<Integer, String> names = new HashMap<>();
            for (String n : NetworkNamespaces.list()) {
                int id = idOf(ids, n);
                if (id >= 0) names.putIfAbsent(id, n);
            }
            for (NetnsId id : ids.list()) {
                Map<String, Object> o = new LinkedHashMap<>();
                o.put("nsid", id.nsid());
                if (id.currentNsid() != null) o.put("current-nsid", id.currentNsid());
                String name = names.get(id.nsid());
                if (name != null) o.put("name", name);
                if (w.common.json) {
                    json.add(o);
                } else {
                    io.out().println("nsid " + id.nsid() + (id.currentNsid() != null ? " current-nsid " + id.currentNsid() : "")
                            + (name != null ? " (iproute2 netns name: " + name + ")" : ""));
                }
            }
        }
        if (w.common.json) io.out().println(Json.write(json));
    }

    /** The id of a named namespace here, -1 if none or if its file cannot be opened (as ip netns list). */
    private static int idOf(NetnsIds ids, String name) {
        try (NamespaceFd fd = NamespaceFd.ofName(name)) {
            return ids.get(fd);
        } catch (IOException | IllegalArgumentException e) {
            return -1;
        }
    }
}
