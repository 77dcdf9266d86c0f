package dev.ffsock.netlink.route;

import dev.ffsock.NamespaceFd;
import dev.ffsock.netlink.NetlinkConnection;

import java.io.IOException;
import java.util.List;
import java.util.Objects;

/**
 * Network namespace ids ({@code ip netns set|list-id}, {@code RTM_NEWNSID}/{@code RTM_GETNSID}) over a
 * rtnetlink connection the caller owns (not closed here). Ids are those the connection's namespace
 * assigned to its peers.
 */
public final class NetnsIds {
    private final NetlinkConnection conn;

    /**
     * Nsid requests over a connection the caller owns.
     *
     * @param conn an rtnetlink connection ({@code NETLINK_ROUTE})
     */
    public NetnsIds(NetlinkConnection conn) {
        this.conn = Objects.requireNonNull(conn, "conn");
        conn.typeNames(NetnsIds::typeName);
    }

    /**
     * {@code ip netns set NAME NSID}: gives the namespace of {@code ns} the id {@code nsid} here.
     *
     * @param ns the namespace's file ({@link NamespaceFd#ofName(String)})
     * @param nsid 0..{@value Integer#MAX_VALUE}, or {@link NsidCodec#NETNSA_NSID_NOT_ASSIGNED} ({@code auto})
     * @throws IllegalArgumentException for an nsid below -1
     * @throws dev.ffsock.netlink.NetlinkException EEXIST when the namespace has an id already, or the id is taken
     * @throws IOException if the netlink socket fails ({@link dev.ffsock.ErrnoException})
     */
    public void set(NamespaceFd ns, int nsid) throws IOException {
        Objects.requireNonNull(ns, "ns");
        if (nsid < NsidCodec.NETNSA_NSID_NOT_ASSIGNED) throw new IllegalArgumentException("bad nsid " + nsid + " (0.. or -1 for auto)");
        conn.execute(Rtnl.RTM_NEWNSID, 0, NsidCodec.setRequest(ns.fd(), nsid));
    }

    /**
     * {@code ip netns set NAME NSID} by name.
     *
     * @param name the namespace's name ({@code ip netns add NAME})
     * @param nsid the id, or -1 for the kernel to pick one
     * @throws IOException as {@link #set(NamespaceFd, int)}, or {@code open} ENOENT for no such namespace
     */
    public void set(String name, int nsid) throws IOException {
        if (nsid < NsidCodec.NETNSA_NSID_NOT_ASSIGNED) throw new IllegalArgumentException("bad nsid " + nsid + " (0.. or -1 for auto)");
        try (NamespaceFd fd = NamespaceFd.ofName(name)) {
            set(fd, nsid);
        }
    }

    /**
     * The id of the namespace of {@code ns} ({@code RTM_GETNSID} with {@code NETNSA_FD}; what {@code
     * ip netns list} prints as {@code id}).
     *
     * @param ns the namespace's file
     * @return the id, or {@link NsidCodec#NETNSA_NSID_NOT_ASSIGNED} if it has none
     * @throws IOException if the kernel refuses ({@link dev.ffsock.netlink.NetlinkException}) or the socket fails
     */
    public int get(NamespaceFd ns) throws IOException {
        Objects.requireNonNull(ns, "ns");
        return single(NsidCodec.getRequest(NsidCodec.NETNSA_FD, ns.fd()));
    }

    /**
     * The id of the named namespace ({@code ip netns list}'s {@code id}).
     *
     * @param name the namespace's name
     * @return the id, or -1 if it has none
     * @throws IOException as {@link #get(NamespaceFd)}, or {@code open} ENOENT for no such namespace
     */
    public int get(String name) throws IOException {
        try (NamespaceFd fd = NamespaceFd.ofName(name)) {
            return get(fd);
        }
    }

    /**
     * The id of the namespace process {@code pid} is in ({@code RTM_GETNSID} with {@code NETNSA_PID}).
     *
     * @param pid a process id
     * @return the id, or -1 if it has none (also for this process's own namespace)
     * @throws IOException if the kernel refuses (ESRCH for no such process) or the socket fails
     */
    public int getByPid(int pid) throws IOException {
        if (pid <= 0) throw new IllegalArgumentException("pid must be positive: " + pid);
        return single(NsidCodec.getRequest(NsidCodec.NETNSA_PID, pid));
    }

    private int single(NetlinkConnection.Encoder request) throws IOException {
        List<NetnsId> l = conn.query(Rtnl.RTM_GETNSID, 0, request, NsidCodec::decode);
        if (l.isEmpty()) throw new IOException("RTM_GETNSID: no RTM_NEWNSID in the answer");
        return l.get(0).nsid();
    }

    /**
     * {@return every id this namespace assigned ({@code ip netns list-id})}
     *
     * @throws IOException if the kernel refuses ({@link dev.ffsock.netlink.NetlinkException}) or the socket fails
     */
    public List<NetnsId> list() throws IOException {
        return conn.dumpAll(Rtnl.RTM_GETNSID, NsidCodec.dumpRequest(), NsidCodec::decode);
    }

    static String typeName(int type) {
        return switch (type) {
            case Rtnl.RTM_NEWNSID -> "RTM_NEWNSID";
            case Rtnl.RTM_GETNSID -> "RTM_GETNSID";
            case Rtnl.RTM_DELNSID -> "RTM_DELNSID";
            default -> RtnetlinkChanges.typeName(type);
        };
    }
}
