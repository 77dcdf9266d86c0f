package dev.ffsock.netlink.tc;

import static dev.ffsock.netlink.Netlink.NLM_F_CREATE;
import static dev.ffsock.netlink.Netlink.NLM_F_EXCL;
import static dev.ffsock.netlink.Netlink.NLM_F_REPLACE;

import dev.ffsock.netlink.Netlink;
import dev.ffsock.netlink.NetlinkConnection;
import dev.ffsock.netlink.NetlinkException;
import dev.ffsock.netlink.route.Link;
import dev.ffsock.netlink.route.LinkCodec;
import dev.ffsock.netlink.route.Rtnl;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * Traffic control over rtnetlink: what {@code tc qdisc|class|filter show|add|replace|del} do. Reads are
 * dumps ({@code RTM_GETQDISC}, {@code RTM_GETTCLASS}, {@code RTM_GETTFILTER}); changes are one request
 * each, acknowledged before the method returns, with the flags tc uses ({@code add}:
 * {@code NLM_F_CREATE|NLM_F_EXCL}; {@code replace}: {@code NLM_F_CREATE|NLM_F_REPLACE} for qdiscs,
 * {@code NLM_F_CREATE} for classes and filters). Arguments are checked in Java first
 * ({@link IllegalArgumentException}); what the kernel refuses comes back as {@link NetlinkException} with
 * its errno and extended-ack text, e.g. {@code RTM_NEWQDISC: ENOENT (No such file or directory) [kernel:
 * Specified qdisc kind is unknown.]}.
 * {@snippet :
 * try (Tc tc = Tc.open("ns1")) {
 *     int dev = tc.ifindex("veth0");
 *     tc.addQdisc(dev, Tca.TC_H_ROOT, TcHandle.make(1, 0), QdiscSpec.Htb.withDefault(0x10));
 *     tc.addClass(dev, TcHandle.make(1, 0), TcHandle.make(1, 0x10),
 *             HtbClassSpec.of(TcUnits.parseRate("1mbit"), TcUnits.parseRate("2mbit")));
 *     for (Qdisc q : tc.qdiscs(dev)) System.out.println(q.kind() + " " + TcHandle.qdiscHandle(q.handle()));
 * }
 * }
 *
 * <p>Thread-safe as the connection is: one request at a time.
 */
public final class Tc implements AutoCloseable {
    /** How many times the list methods repeat a dump the kernel marked interrupted. */
    public static final int ATTEMPTS = 5;
    /** The handle tc gives an ingress or clsact qdisc ({@code ffff:}). */
    public static final int INGRESS_HANDLE = 0xffff0000;

    private final NetlinkConnection conn;

    private Tc(NetlinkConnection conn) {
        this.conn = conn;
        conn.typeNames(Tc::typeName);
    }

    /**
     * {@return a facade over a new NETLINK_ROUTE socket in this process's network namespace}
     *
     * @throws IOException if {@code socket}/{@code bind} fails ({@link dev.ffsock.ErrnoException})
     */
    public static Tc open() throws IOException {
        return new Tc(NetlinkConnection.open(Netlink.NETLINK_ROUTE));
    }

    /**
     * {@return a facade inside the named network namespace (as {@code tc -n NAME})}
     *
     * @param netns the namespace name ({@code /run/netns/NAME}), or null for this process's
     * @throws IOException if the namespace cannot be entered or the socket fails ({@link dev.ffsock.ErrnoException})
     */
    public static Tc open(String netns) throws IOException {
        return new Tc(NetlinkConnection.open(Netlink.NETLINK_ROUTE, netns));
    }

    /**
     * {@return a facade over an open NETLINK_ROUTE connection; {@link #close()} closes it}
     *
     * @param conn the connection
     */
    public static Tc over(NetlinkConnection conn) {
        if (conn.family() != Netlink.NETLINK_ROUTE) {
            throw new IllegalArgumentException("not a NETLINK_ROUTE connection: family " + conn.family());
        }
        return new Tc(conn);
    }

    /** {@return the underlying connection} */
    public NetlinkConnection connection() {
        return conn;
    }

    /**
     * The index of a link by name, as {@code tc ... dev NAME} resolves it.
     *
     * @param dev the link's name
     * @return its ifindex
     * @throws IllegalArgumentException if the name is empty, longer than 15 bytes or contains '/' or whitespace
     * @throws IOException {@code RTM_GETLINK: ENODEV} if there is no such link, or the socket fails
     */
    public int ifindex(String dev) throws IOException {
        Objects.requireNonNull(dev, "dev");
        int len = dev.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
        if (len == 0 || len > 15 || dev.contains("/") || dev.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException("invalid device name '" + dev + "'");
        }
        List<Link> l = conn.query(Rtnl.RTM_GETLINK, 0, LinkCodec.getRequest(dev), LinkCodec::decode);
        if (l.isEmpty()) throw new IllegalStateException("RTM_GETLINK for " + dev + " answered nothing");
        return l.get(0).index();
    }

    // ---- reading

    /**
     * {@return every qdisc of every link ({@code tc qdisc show})}
     *
     * @throws IOException if the kernel refuses the dump ({@link NetlinkException}) or the socket fails
     */
    public List<Qdisc> qdiscs() throws IOException {
        return qdiscs(0);
    }

    /**
     * {@return the qdiscs of one link ({@code tc qdisc show dev DEV}), or of all for 0}
     *
     * @param ifindex the link, or 0
     * @throws IOException if the kernel refuses the dump ({@link NetlinkException}) or the socket fails
     */
    public List<Qdisc> qdiscs(int ifindex) throws IOException {
        List<Qdisc> all = conn.dumpConsistent(Rtnl.RTM_GETQDISC, TcCodec.dumpRequest(ifindex, 0), TcCodec::decodeQdisc,
                ATTEMPTS);
        return filtered(all, q -> ifindex == 0 || q.ifindex() == ifindex);
    }

    /**
     * {@return the classes of one link ({@code tc class show dev DEV})}
     *
     * @param ifindex the link (the kernel dumps classes per link)
     * @throws IOException if the kernel refuses the dump ({@link NetlinkException}) or the socket fails
     */
    public List<TcClass> classes(int ifindex) throws IOException {
        checkIndex(ifindex);
        List<TcClass> all = conn.dumpConsistent(Rtnl.RTM_GETTCLASS, TcCodec.dumpRequest(ifindex, 0),
                TcCodec::decodeClass, ATTEMPTS);
        return filtered(all, c -> c.ifindex() == ifindex);
    }

    /**
     * {@return the filters of one link under {@code parent} ({@code tc filter show dev DEV [parent P]})}
     *
     * @param ifindex the link
     * @param parent  the qdisc or class ({@code 1:}, {@link Tca#TC_H_ROOT}…), 0 for the root qdisc's
     * @throws IOException if the kernel refuses the dump ({@link NetlinkException}) or the socket fails
     */
    public List<TcFilter> filters(int ifindex, int parent) throws IOException {
        checkIndex(ifindex);
        List<TcFilter> all = conn.dumpConsistent(Rtnl.RTM_GETTFILTER, TcCodec.dumpRequest(ifindex, parent),
                TcCodec::decodeFilter, ATTEMPTS);
        return filtered(all, f -> f.ifindex() == ifindex);
    }

    private static <T> List<T> filtered(List<T> l, Predicate<T> keep) {
        List<T> out = new ArrayList<>(l.size());
        for (T t : l) if (keep.test(t)) out.add(t);
        return out;
    }

    // ---- qdiscs

    /**
     * {@code tc qdisc add dev DEV (root | parent P | ingress | clsact) [handle H] KIND ...}.
     *
     * @param ifindex the link
     * @param parent  {@link Tca#TC_H_ROOT}, a class, or {@link Tca#TC_H_INGRESS} for ingress/clsact
     * @param handle  the qdisc's handle ({@code MAJ:} as {@code MAJ << 16}), 0 to let the kernel pick one
     * @param spec    the kind and its options
     * @throws IllegalArgumentException for a handle with a minor part or ingress/clsact not at TC_H_INGRESS
     * @throws IOException {@link NetlinkException} with the kernel's text when it refuses (EEXIST, an
     *     unknown kind, …), or the socket fails
     */
    public void addQdisc(int ifindex, int parent, int handle, QdiscSpec spec) throws IOException {
        newQdisc(NLM_F_CREATE | NLM_F_EXCL, ifindex, parent, handle, spec);
    }

    /**
     * {@code tc qdisc replace dev DEV ... KIND ...}: creates it, or replaces what is there.
     *
     * @param ifindex the link
     * @param parent  as for {@link #addQdisc}
     * @param handle  as for {@link #addQdisc}
     * @param spec    the kind and its options
     * @throws IOException {@link NetlinkException} with the kernel's text when it refuses, or the socket fails
     */
    public void replaceQdisc(int ifindex, int parent, int handle, QdiscSpec spec) throws IOException {
        newQdisc(NLM_F_CREATE | NLM_F_REPLACE, ifindex, parent, handle, spec);
    }

    /**
     * {@code tc qdisc change dev DEV ... KIND ...}: changes the options of the qdisc there (no flags: it must exist,
     * and be of that kind).
     *
     * @param ifindex the link
     * @param parent  as for {@link #addQdisc}
     * @param handle  as for {@link #addQdisc}
     * @param spec    the kind and its new options
     * @throws IOException {@link NetlinkException} with the kernel's text when it refuses, or the socket fails
     */
    public void changeQdisc(int ifindex, int parent, int handle, QdiscSpec spec) throws IOException {
        newQdisc(0, ifindex, parent, handle, spec);
    }

    private void newQdisc(int flags, int ifindex, int parent, int handle, QdiscSpec spec) throws IOException {
        checkIndex(ifindex);
        Objects.requireNonNull(spec, "spec");
        int h = qdiscHandle(parent, handle, spec);
        conn.execute(Rtnl.RTM_NEWQDISC, flags, TcCodec.qdiscRequest(ifindex, parent, h, spec));
    }

    private static int qdiscHandle(int parent, int handle, QdiscSpec spec) {
        if ((handle & 0xffff) != 0) {
            throw new IllegalArgumentException("a qdisc handle has no minor part: " + TcHandle.classId(handle));
        }
        boolean ingress = spec instanceof QdiscSpec.Ingress || spec instanceof QdiscSpec.Clsact;
        if (ingress && parent != Tca.TC_H_INGRESS) {
            throw new IllegalArgumentException(spec.kind() + " goes at parent ffff:fff1 (TC_H_INGRESS), not "
                    + TcHandle.classId(parent));
        }
        if (!ingress && parent == 0) throw new IllegalArgumentException("a qdisc needs a parent (root or a class)");
        return ingress && handle == 0 ? INGRESS_HANDLE : handle;
    }

    /**
     * {@code tc qdisc del dev DEV (root | parent P | ingress | clsact) [handle H]}.
     *
     * @param ifindex the link
     * @param parent  where the qdisc is attached ({@link Tca#TC_H_ROOT}, a class, {@link Tca#TC_H_INGRESS})
     * @param handle  its handle, or 0
     * @throws IOException {@link NetlinkException} with the kernel's text when it refuses (ENOENT, …), or the
     *     socket fails
     */
    public void deleteQdisc(int ifindex, int parent, int handle) throws IOException {
        checkIndex(ifindex);
        if (parent == 0) throw new IllegalArgumentException("qdisc delete needs a parent (root, ingress or a class)");
        conn.execute(Rtnl.RTM_DELQDISC, 0, w -> TcCodec.tcmsg(w, ifindex, handle, parent, 0));
    }

    // ---- classes

    /**
     * {@code tc class add dev DEV parent P classid ID htb rate ... [ceil ...]}.
     *
     * @param ifindex the link
     * @param parent  the htb qdisc ({@code 1:}) or parent class ({@code 1:1})
     * @param classId the new class ({@code 1:10}); its major must be the qdisc's
     * @param spec    rates, bursts, prio, quantum
     * @throws IllegalArgumentException for a class id with no minor part or a major other than the parent's
     * @throws IOException {@link NetlinkException} with the kernel's text when it refuses, or the socket fails
     */
    public void addClass(int ifindex, int parent, int classId, HtbClassSpec spec) throws IOException {
        newClass(NLM_F_CREATE | NLM_F_EXCL, ifindex, parent, classId, spec);
    }

    /**
     * {@code tc class replace dev DEV parent P classid ID htb ...}: creates or changes the class.
     *
     * @param ifindex the link
     * @param parent  as for {@link #addClass}
     * @param classId as for {@link #addClass}
     * @param spec    rates, bursts, prio, quantum
     * @throws IOException {@link NetlinkException} with the kernel's text when it refuses, or the socket fails
     */
    public void replaceClass(int ifindex, int parent, int classId, HtbClassSpec spec) throws IOException {
        newClass(NLM_F_CREATE, ifindex, parent, classId, spec);
    }

    private void newClass(int flags, int ifindex, int parent, int classId, HtbClassSpec spec) throws IOException {
        checkIndex(ifindex);
        Objects.requireNonNull(spec, "spec");
        checkClassId(parent, classId);
        conn.execute(Rtnl.RTM_NEWTCLASS, flags, TcCodec.classRequest(ifindex, parent, classId, spec));
    }

    private static void checkClassId(int parent, int classId) {
        if ((classId & 0xffff) == 0 || (classId >>> 16) == 0) {
            throw new IllegalArgumentException("class id " + TcHandle.classId(classId) + " needs a major and a minor");
        }
        if (parent != Tca.TC_H_ROOT && (parent >>> 16) != (classId >>> 16)) {
            throw new IllegalArgumentException("class " + TcHandle.classId(classId) + " is not in the qdisc of its parent "
                    + TcHandle.classId(parent));
        }
    }

    /**
     * {@code tc class del dev DEV [parent P] classid ID}.
     *
     * @param ifindex the link
     * @param parent  the parent, or 0
     * @param classId the class
     * @throws IOException {@link NetlinkException} with the kernel's text when it refuses (ENOENT, EBUSY, …), or
     *     the socket fails
     */
    public void deleteClass(int ifindex, int parent, int classId) throws IOException {
        checkIndex(ifindex);
        if (classId == 0) throw new IllegalArgumentException("class delete needs a class id");
        conn.execute(Rtnl.RTM_DELTCLASS, 0, w -> TcCodec.tcmsg(w, ifindex, classId, parent, 0));
    }

    // ---- filters

    /**
     * {@code tc filter add dev DEV parent P protocol PROTO [pref N] [handle H] [chain N] u32 match ... [flowid ID]}.
     *
     * @param ifindex the link
     * @param parent  the qdisc or class, or {@code ffff:fff2}/{@code ffff:fff3} (clsact ingress/egress)
     * @param spec    protocol, priority, keys, class
     * @throws IOException {@link NetlinkException} with the kernel's text when it refuses, or the socket fails
     */
    public void addFilter(int ifindex, int parent, U32FilterSpec spec) throws IOException {
        newFilter(NLM_F_CREATE | NLM_F_EXCL, ifindex, parent, spec);
    }

    /**
     * {@code tc filter replace dev DEV parent P ... u32 ...}.
     *
     * @param ifindex the link
     * @param parent  as for {@link #addFilter(int, int, U32FilterSpec)}
     * @param spec    protocol, priority, handle, keys, class
     * @throws IOException {@link NetlinkException} with the kernel's text when it refuses, or the socket fails
     */
    public void replaceFilter(int ifindex, int parent, U32FilterSpec spec) throws IOException {
        newFilter(NLM_F_CREATE, ifindex, parent, spec);
    }

    private void newFilter(int flags, int ifindex, int parent, U32FilterSpec spec) throws IOException {
        checkIndex(ifindex);
        Objects.requireNonNull(spec, "spec");
        if (parent == 0) throw new IllegalArgumentException("a filter needs a parent");
        conn.execute(Rtnl.RTM_NEWTFILTER, flags, TcCodec.filterRequest(ifindex, parent, spec));
    }

    /**
     * {@code tc filter add dev DEV parent P protocol PROTO pref N KIND}, with no options: for classifiers
     * ffsock has no options for (a kernel without them refuses: {@code TC classifier not found.}).
     *
     * @param ifindex  the link
     * @param parent   the qdisc or class
     * @param kind     the classifier ({@code flower}, {@code matchall}, …)
     * @param protocol the Ethernet protocol (host order), 0..0xffff
     * @param pref     the priority, 0..0xffff (0: the kernel picks)
     * @throws IOException {@link NetlinkException} with the kernel's text when it refuses, or the socket fails
     */
    public void addFilter(int ifindex, int parent, String kind, int protocol, int pref) throws IOException {
        checkIndex(ifindex);
        TcChecks.kind(Objects.requireNonNull(kind, "kind"));
        TcChecks.u16(protocol, "filter protocol");
        TcChecks.u16(pref, "filter pref");
        conn.execute(Rtnl.RTM_NEWTFILTER, NLM_F_CREATE | NLM_F_EXCL, w -> {
            TcCodec.tcmsg(w, ifindex, 0, parent, TcCodec.filterInfo(pref, protocol));
            w.attrString(Tca.TCA_KIND, kind);
        });
    }

    /**
     * {@code tc filter del dev DEV parent P [protocol PROTO pref N [handle H KIND]]}: with pref 0, every filter
     * under the parent; with a pref, that priority's filters; with a handle, one filter.
     *
     * @param ifindex  the link
     * @param parent   the qdisc or class
     * @param protocol the Ethernet protocol (host order), 0 for any
     * @param pref     the priority, 0 for all
     * @param handle   the filter's handle, 0 for all at that priority
     * @param kind     the classifier (needed with a handle), or null
     * @throws IOException {@link NetlinkException} with the kernel's text when it refuses, or the socket fails
     */
    public void deleteFilter(int ifindex, int parent, int protocol, int pref, int handle, String kind) throws IOException {
        checkIndex(ifindex);
        TcChecks.u16(protocol, "filter protocol");
        TcChecks.u16(pref, "filter pref");
        if (kind != null) TcChecks.kind(kind);
        if (handle != 0 && kind == null) throw new IllegalArgumentException("deleting a filter by handle needs its kind");
        conn.execute(Rtnl.RTM_DELTFILTER, 0, w -> {
            TcCodec.tcmsg(w, ifindex, handle, parent, TcCodec.filterInfo(pref, protocol));
            if (kind != null) w.attrString(Tca.TCA_KIND, kind);
        });
    }

    private static void checkIndex(int ifindex) {
        if (ifindex <= 0) throw new IllegalArgumentException("link index must be positive: " + ifindex);
    }

    /** Closes the connection. */
    @Override
    public void close() {
        conn.close();
    }

    static String typeName(int type) {
        return switch (type) {
            case Rtnl.RTM_GETLINK -> "RTM_GETLINK";
            case Rtnl.RTM_NEWQDISC -> "RTM_NEWQDISC";
            case Rtnl.RTM_DELQDISC -> "RTM_DELQDISC";
            case Rtnl.RTM_GETQDISC -> "RTM_GETQDISC";
            case Rtnl.RTM_NEWTCLASS -> "RTM_NEWTCLASS";
            case Rtnl.RTM_DELTCLASS -> "RTM_DELTCLASS";
            case Rtnl.RTM_GETTCLASS -> "RTM_GETTCLASS";
            case Rtnl.RTM_NEWTFILTER -> "RTM_NEWTFILTER";
            case Rtnl.RTM_DELTFILTER -> "RTM_DELTFILTER";
            case Rtnl.RTM_GETTFILTER -> "RTM_GETTFILTER";
            default -> "rtnetlink message type " + type;
        };
    }
}
