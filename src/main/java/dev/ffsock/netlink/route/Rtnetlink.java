package dev.ffsock.netlink.route;

import dev.ffsock.Errno;
import dev.ffsock.InetText;
import dev.ffsock.netlink.Netlink;
import dev.ffsock.netlink.NetlinkConnection;
import dev.ffsock.netlink.NetlinkException;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Typed rtnetlink queries over a {@link NetlinkConnection}: the reading side of {@code ip link},
 * {@code ip addr}, {@code ip route} and {@code ip neigh}.
 * {@snippet :
 * try (Rtnetlink rt = Rtnetlink.open()) {
 *     for (Route r : rt.routes(RouteFilter.MAIN.withFamily(2))) System.out.println(r.dst() + " " + r.gateway());
 * }
 * }
 *
 * <p>List methods collect a whole dump, repeating it (up to {@value #ATTEMPTS} times) if the kernel
 * marks it interrupted by a concurrent change. {@code forEach*} methods stream: each object is handed
 * to the consumer as its message is decoded and is not kept, so a dump of any size runs in bounded
 * memory; they throw {@link dev.ffsock.netlink.DumpInterruptedException} at the end if the kernel
 * marked the dump interrupted (the consumer has then seen a possibly inconsistent set).
 *
 * <p>Filters are sent to the kernel (strict checking, so it returns only matching objects and sets
 * {@code NLM_F_DUMP_FILTERED}) and are always applied again here, so results are the same on
 * kernels that ignore them. Thread-safe as the connection is: one request at a time.
 */
public final class Rtnetlink implements AutoCloseable {
    /** How many times the list methods repeat an interrupted dump. */
    public static final int ATTEMPTS = 5;

    private final NetlinkConnection conn;
    // Decoders reused from dump to dump; a decode runs under the connection's lock, and each
    // finishes before its object reaches a consumer.
    private final LinkCodec.Reader links = new LinkCodec.Reader();
    private final RouteCodec.Reader routes = new RouteCodec.Reader();

    private Rtnetlink(NetlinkConnection conn) {
        this.conn = conn;
        conn.typeNames(Rtnetlink::typeName);
    }

    /**
     * {@return a facade over a NETLINK_ROUTE socket in this process's network namespace}
     *
     * @throws IOException if {@code socket(AF_NETLINK, …)} or {@code bind} fails
     *     ({@link dev.ffsock.ErrnoException})
     */
    public static Rtnetlink open() throws IOException {
        return new Rtnetlink(NetlinkConnection.open(Netlink.NETLINK_ROUTE));
    }

    /**
     * Opens a facade inside the named network namespace ({@code /run/netns/NAME}, as {@code ip -n NAME}).
     *
     * @param netns the namespace name, or null for this process's namespace
     * @return the facade
     * @throws IOException if the namespace cannot be opened or entered ({@code open}, {@code setns}) or
     *     {@code socket}/{@code bind} fails ({@link dev.ffsock.ErrnoException})
     */
    public static Rtnetlink open(String netns) throws IOException {
        return new Rtnetlink(NetlinkConnection.open(Netlink.NETLINK_ROUTE, netns));
    }

    /**
     * Wraps an open NETLINK_ROUTE connection; {@link #close()} closes it.
     *
     * @param conn the connection
     * @return the facade
     */
    public static Rtnetlink over(NetlinkConnection conn) {
        if (conn.family() != Netlink.NETLINK_ROUTE) {
            throw new IllegalArgumentException("not a NETLINK_ROUTE connection: family " + conn.family());
        }
        return new Rtnetlink(conn);
    }

    /** {@return the underlying connection} */
    public NetlinkConnection connection() {
        return conn;
    }

    // ---- links

    /**
     * {@return every link ({@code ip link show})}
     *
     * @throws IOException if the kernel refuses the request ({@link dev.ffsock.netlink.NetlinkException},
     *     with the kernel's extended-ack message) or the netlink socket fails
     *     ({@link dev.ffsock.ErrnoException})
     */
    public List<Link> links() throws IOException {
        return conn.dumpConsistent(Rtnl.RTM_GETLINK, LinkCodec.dumpRequest(), links::decode, ATTEMPTS);
    }

    /**
     * Streams every link to {@code consumer} ({@code ip link show}, an RTM_GETLINK dump).
     *
     * @param consumer receives each link as it is decoded
     * @throws IOException if the kernel refuses the request ({@link dev.ffsock.netlink.NetlinkException},
     *     with the kernel's extended-ack message) or the netlink socket fails
     *     ({@link dev.ffsock.ErrnoException})
     */
    public void forEachLink(Consumer<? super Link> consumer) throws IOException {
        Objects.requireNonNull(consumer, "consumer");
        conn.dump(Rtnl.RTM_GETLINK, LinkCodec.dumpRequest(), m -> {
            Link l = links.decode(m);
            if (l != null) consumer.accept(l);
        });
    }

    /**
     * One link by name or alternative name ({@code ip link show dev NAME}).
     *
     * @param name the link's name ({@code ip link show NAME})
     * @return the link, or empty if there is none (ENODEV)
     * @throws IOException if the kernel refuses the request ({@link dev.ffsock.netlink.NetlinkException},
     *     with the kernel's extended-ack message) or the netlink socket fails
     *     ({@link dev.ffsock.ErrnoException})
     */
    public Optional<Link> link(String name) throws IOException {
        Objects.requireNonNull(name, "name");
        return single(LinkCodec.getRequest(name));
    }

    /**
     * One link by index ({@code ip link show} of that ifindex: RTM_GETLINK with {@code ifi_index}).
     *
     * @param index the link's ifindex
     * @return the link, or empty if there is none (ENODEV)
     * @throws IOException if the kernel refuses the request ({@link dev.ffsock.netlink.NetlinkException},
     *     with the kernel's extended-ack message) or the netlink socket fails
     *     ({@link dev.ffsock.ErrnoException})
     */
    public Optional<Link> link(int index) throws IOException {
        if (index <= 0) throw new IllegalArgumentException("link index must be positive: " + index);
        return single(LinkCodec.getRequest(index));
    }

    private Optional<Link> single(NetlinkConnection.Encoder request) throws IOException {
        try {
            List<Link> l = conn.query(Rtnl.RTM_GETLINK, 0, request, LinkCodec::decode);
            return l.isEmpty() ? Optional.empty() : Optional.of(l.get(0));
        } catch (NetlinkException e) {
            if (e.errno() == Errno.ENODEV) return Optional.empty();
            throw e;
        }
    }

    // ---- addresses

    /**
     * {@return every address of every link ({@code ip addr show})}
     *
     * @throws IOException if the kernel refuses the request ({@link dev.ffsock.netlink.NetlinkException},
     *     with the kernel's extended-ack message) or the netlink socket fails
     *     ({@link dev.ffsock.ErrnoException})
     */
    public List<Addr> addresses() throws IOException {
        return addresses(0, 0);
    }

    /**
     * The addresses of one family on one link ({@code ip -4 addr show dev eth0}).
     *
     * @param family  AF_INET (2), AF_INET6 (10) or 0 for both
     * @param ifindex a link index, or 0 for every link
     * @return the addresses
     * @throws IOException if the kernel refuses the request ({@link dev.ffsock.netlink.NetlinkException},
     *     with the kernel's extended-ack message) or the netlink socket fails
     *     ({@link dev.ffsock.ErrnoException})
     */
    public List<Addr> addresses(int family, int ifindex) throws IOException {
        return filtered(conn.dumpConsistent(Rtnl.RTM_GETADDR, AddrCodec.dumpRequest(family, ifindex),
                AddrCodec::decode, ATTEMPTS), a -> matches(a, family, ifindex));
    }

    /**
     * Streams the addresses of {@code family} (0 all) on {@code ifindex} (0 all) to {@code consumer}
     * ({@code ip addr show}, an RTM_GETADDR dump).
     *
     * @param family {@code AF_INET}, {@code AF_INET6}, or 0 for both
     * @param ifindex only this link's addresses, or 0 for every link
     * @param consumer receives each address as it is decoded
     * @throws IOException if the kernel refuses the request ({@link dev.ffsock.netlink.NetlinkException},
     *     with the kernel's extended-ack message) or the netlink socket fails
     *     ({@link dev.ffsock.ErrnoException})
     */
    public void forEachAddress(int family, int ifindex, Consumer<? super Addr> consumer) throws IOException {
        Objects.requireNonNull(consumer, "consumer");
        conn.dump(Rtnl.RTM_GETADDR, AddrCodec.dumpRequest(family, ifindex), m -> {
            Addr a = AddrCodec.decode(m);
            if (a != null && matches(a, family, ifindex)) consumer.accept(a);
        });
    }

    private static boolean matches(Addr a, int family, int ifindex) {
        return (family == 0 || a.family() == family) && (ifindex == 0 || a.index() == ifindex);
    }

    // ---- routes

    /**
     * {@return the routes passing {@code filter} ({@code ip route show table ...})}
     *
     * @param filter which routes ({@code ip route show table … proto … dev …})
     * @throws IOException if the kernel refuses the request ({@link dev.ffsock.netlink.NetlinkException},
     *     with the kernel's extended-ack message) or the netlink socket fails
     *     ({@link dev.ffsock.ErrnoException})
     */
    public List<Route> routes(RouteFilter filter) throws IOException {
        Objects.requireNonNull(filter, "filter");
        return filtered(conn.dumpConsistent(Rtnl.RTM_GETROUTE, routeRequest(filter), routes::decode, ATTEMPTS),
                filter::matches);
    }

    /**
     * Streams the routes passing {@code filter} to {@code consumer}, keeping none.
     *
     * @param filter which routes ({@code ip route show table … proto … dev …})
     * @param consumer receives each route as it is decoded
     * @throws IOException if the kernel refuses the request ({@link dev.ffsock.netlink.NetlinkException},
     *     with the kernel's extended-ack message) or the netlink socket fails
     *     ({@link dev.ffsock.ErrnoException})
     */
    public void forEachRoute(RouteFilter filter, Consumer<? super Route> consumer) throws IOException {
        Objects.requireNonNull(filter, "filter");
        Objects.requireNonNull(consumer, "consumer");
        conn.dump(Rtnl.RTM_GETROUTE, routeRequest(filter), m -> {
            Route r = routes.decode(m);
            if (r != null && filter.matches(r)) consumer.accept(r);
        });
    }

    private static NetlinkConnection.Encoder routeRequest(RouteFilter f) {
        return RouteCodec.dumpRequest(f.family(), f.table(), f.protocol(), f.oif());
    }

    // ---- route get, rules, nexthop objects (issue 10)

    /**
     * The route the kernel would use ({@code ip route get ADDR [from …] [iif …] [oif …] [mark …]
     * [uid …] [fibmatch]}): an RTM_GETROUTE for one address, answered with one route.
     *
     * @param q the lookup
     * @return the kernel's chosen route (with {@code fibmatch}, the FIB entry that matched)
     * @throws IOException if the kernel refuses the request ({@link dev.ffsock.netlink.NetlinkException},
     *     e.g. ENETUNREACH, with the kernel's extended-ack message), an interface is unknown
     *     ({@code RTM_GETLINK: ENODEV}) or the netlink socket fails ({@link dev.ffsock.ErrnoException})
     */
    public Route routeGet(RouteQuery q) throws IOException {
        Objects.requireNonNull(q, "query");
        int iif = q.iif() == null ? 0 : index(q.iif());
        int oif = q.oif() == null ? 0 : index(q.oif());
        List<Route> l = conn.query(Rtnl.RTM_GETROUTE, 0, w -> q.encode(w, iif, oif), RouteCodec::decode);
        if (l.isEmpty()) throw new IOException("RTM_GETROUTE " + InetText.format(q.dst()) + ": no route in the answer");
        return l.get(0);
    }

    private int index(String name) throws IOException {
        return link(name).orElseThrow(() -> new NetlinkException("RTM_GETLINK " + name, Errno.ENODEV, null)).index();
    }

    /**
     * {@return the policy-routing rules of one family ({@code ip -4|-6 rule show})}
     *
     * @param family AF_INET (2), AF_INET6 (10) or 0 for both
     * @throws IOException if the kernel refuses the request ({@link dev.ffsock.netlink.NetlinkException},
     *     with the kernel's extended-ack message) or the netlink socket fails
     *     ({@link dev.ffsock.ErrnoException})
     */
    public List<Rule> rules(int family) throws IOException {
        return filtered(conn.dumpConsistent(Rtnl.RTM_GETRULE, RuleCodec.dumpRequest(family), RuleCodec::decode, ATTEMPTS),
                r -> family == 0 || r.family() == family);
    }

    /**
     * {@return every nexthop object ({@code ip nexthop show})}
     *
     * @throws IOException if the kernel refuses the request ({@link dev.ffsock.netlink.NetlinkException},
     *     with the kernel's extended-ack message) or the netlink socket fails
     *     ({@link dev.ffsock.ErrnoException})
     */
    public List<Nexthop> nexthops() throws IOException {
        return conn.dumpConsistent(Rtnl.RTM_GETNEXTHOP, NexthopCodec.dumpRequest(0), NexthopCodec::decode, ATTEMPTS);
    }

    /**
     * The nexthop objects passing {@code filter} ({@code ip nexthop show [-4|-6] [dev DEV] [groups] [fdb]}).
     *
     * @param filter which objects
     * @return the objects
     * @throws IOException if the kernel refuses the request ({@link dev.ffsock.netlink.NetlinkException},
     *     with the kernel's extended-ack message) or the netlink socket fails
     *     ({@link dev.ffsock.ErrnoException})
     */
    public List<Nexthop> nexthops(NexthopFilter filter) throws IOException {
        Objects.requireNonNull(filter, "filter");
        return filtered(conn.dumpConsistent(Rtnl.RTM_GETNEXTHOP, NexthopCodec.dumpRequest(filter), NexthopCodec::decode, ATTEMPTS),
                filter::matches);
    }

    /**
     * One nexthop object by id ({@code ip nexthop get id ID}).
     *
     * @param id the object's id
     * @return the object, or empty if there is none (ENOENT)
     * @throws IOException if the kernel refuses the request ({@link dev.ffsock.netlink.NetlinkException},
     *     with the kernel's extended-ack message) or the netlink socket fails
     *     ({@link dev.ffsock.ErrnoException})
     */
    public Optional<Nexthop> nexthop(long id) throws IOException {
        ChangeChecks.u32("nexthop id", id, 1);
        try {
            List<Nexthop> l = conn.query(Rtnl.RTM_GETNEXTHOP, 0, NexthopCodec.idRequest((int) id), NexthopCodec::decode);
            return l.isEmpty() ? Optional.empty() : Optional.of(l.get(0));
        } catch (NetlinkException e) {
            if (e.errno() == Errno.ENOENT) return Optional.empty();
            throw e;
        }
    }


    // ---- neighbours

    /**
     * {@return every neighbour entry of every family ({@code ip neigh show}, NOARP entries included)}
     *
     * @throws IOException if the kernel refuses the request ({@link dev.ffsock.netlink.NetlinkException},
     *     with the kernel's extended-ack message) or the netlink socket fails
     *     ({@link dev.ffsock.ErrnoException})
     */
    public List<Neigh> neighbours() throws IOException {
        return neighbours(0, 0);
    }

    /**
     * The neighbour entries of one family on one link ({@code ip -6 neigh show dev eth0}).
     *
     * @param family  AF_INET (2), AF_INET6 (10) or 0 for both
     * @param ifindex a link index, or 0 for every link
     * @return the entries
     * @throws IOException if the kernel refuses the request ({@link dev.ffsock.netlink.NetlinkException},
     *     with the kernel's extended-ack message) or the netlink socket fails
     *     ({@link dev.ffsock.ErrnoException})
     */
    public List<Neigh> neighbours(int family, int ifindex) throws IOException {
        return filtered(conn.dumpConsistent(Rtnl.RTM_GETNEIGH, NeighCodec.dumpRequest(family, ifindex),
                NeighCodec::decode, ATTEMPTS), n -> matches(n, family, ifindex));
    }

    /**
     * Streams the neighbour entries of {@code family} (0 all) on {@code ifindex} (0 all) to {@code consumer}
     * ({@code ip neigh show}, an RTM_GETNEIGH dump).
     *
     * @param family {@code AF_INET}, {@code AF_INET6}, or 0 for both
     * @param ifindex only this link's neighbours, or 0 for every link
     * @param consumer receives each neighbour as it is decoded
     * @throws IOException if the kernel refuses the request ({@link dev.ffsock.netlink.NetlinkException},
     *     with the kernel's extended-ack message) or the netlink socket fails
     *     ({@link dev.ffsock.ErrnoException})
     */
    public void forEachNeighbour(int family, int ifindex, Consumer<? super Neigh> consumer) throws IOException {
        Objects.requireNonNull(consumer, "consumer");
        conn.dump(Rtnl.RTM_GETNEIGH, NeighCodec.dumpRequest(family, ifindex), m -> {
            Neigh n = NeighCodec.decode(m);
            if (n != null && matches(n, family, ifindex)) consumer.accept(n);
        });
    }

    // ---- issue 10, neighbours: the proxy table

    /**
     * The proxy ARP/NDP entries ({@code ip neigh show proxy}: an RTM_GETNEIGH dump with {@code NTF_PROXY}).
     *
     * @param family  AF_INET (2), AF_INET6 (10) or 0 for both
     * @param ifindex a link index, or 0 for every link
     * @return the entries (each with {@code NTF_PROXY} in its flags)
     * @throws IOException if the kernel refuses the request ({@link dev.ffsock.netlink.NetlinkException},
     *     with the kernel's extended-ack message) or the netlink socket fails
     *     ({@link dev.ffsock.ErrnoException})
     */
    public List<Neigh> proxyNeighbours(int family, int ifindex) throws IOException {
        return filtered(conn.dumpConsistent(Rtnl.RTM_GETNEIGH, NeighCodec.dumpRequest(family, ifindex, Rtnl.NTF_PROXY),
                NeighCodec::decode, ATTEMPTS), n -> matches(n, family, ifindex) && (n.flags() & Rtnl.NTF_PROXY) != 0);
    }

    private static boolean matches(Neigh n, int family, int ifindex) {
        return (family == 0 || n.family() == family) && (ifindex == 0 || n.ifindex() == ifindex);
    }

    /** Drops what {@code keep} refuses from the dump's own list (no copy: a dump may hold millions). */
    private static <T> List<T> filtered(List<T> in, java.util.function.Predicate<T> keep) {
        List<T> out = in instanceof ArrayList<T> a ? a : new ArrayList<>(in);
        out.removeIf(keep.negate());
        return Collections.unmodifiableList(out);
    }

    /** Closes the connection ({@code close(2)} of the netlink socket). */
    @Override
    public void close() {
        conn.close();
    }

    static String typeName(int type) {
        return switch (type) {
            case Rtnl.RTM_GETLINK -> "RTM_GETLINK";
            case Rtnl.RTM_GETADDR -> "RTM_GETADDR";
            case Rtnl.RTM_GETROUTE -> "RTM_GETROUTE";
            case Rtnl.RTM_GETNEIGH -> "RTM_GETNEIGH";
            case Rtnl.RTM_NEWLINK -> "RTM_NEWLINK";
            case Rtnl.RTM_DELLINK -> "RTM_DELLINK";
            case Rtnl.RTM_NEWADDR -> "RTM_NEWADDR";
            case Rtnl.RTM_DELADDR -> "RTM_DELADDR";
            case Rtnl.RTM_NEWROUTE -> "RTM_NEWROUTE";
            case Rtnl.RTM_DELROUTE -> "RTM_DELROUTE";
            case Rtnl.RTM_NEWNEIGH -> "RTM_NEWNEIGH";
            case Rtnl.RTM_DELNEIGH -> "RTM_DELNEIGH";
            // rules and nexthop objects (issue 10)
            case Rtnl.RTM_GETRULE -> "RTM_GETRULE";
            case Rtnl.RTM_GETNEXTHOP -> "RTM_GETNEXTHOP";
            default -> "rtnetlink message type " + type;
        };
    }
}
