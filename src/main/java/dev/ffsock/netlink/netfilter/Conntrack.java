package dev.ffsock.netlink.netfilter;

import static dev.ffsock.netlink.netfilter.Ctnetlink.*;

import dev.ffsock.Errno;
import dev.ffsock.netlink.Netlink;
import dev.ffsock.netlink.NetlinkConnection;
import dev.ffsock.netlink.NetlinkEvents;
import dev.ffsock.netlink.NetlinkException;
import dev.ffsock.netlink.NetlinkMessage;

import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The connection tracking table of one network namespace, over ctnetlink (NETLINK_NETFILTER,
 * subsystems NFNL_SUBSYS_CTNETLINK and _EXP): what {@code conntrack} reads and changes. Needs
 * CAP_NET_ADMIN in the namespace; the kernel's refusals come as {@link NetlinkException} with errno
 * and ext-ack text. Thread-safe as its {@link NetlinkConnection} is.
 */
public final class Conntrack implements AutoCloseable {
    /** AF_UNSPEC: every family. */
    public static final int ALL_FAMILIES = 0;
    private static final int AF_INET = 2;
    private static final int AF_INET6 = 10;

    private final NetlinkConnection conn;

    private Conntrack(NetlinkConnection conn) {
        this.conn = conn.typeNames(Conntrack::typeName);
    }

    /**
     * Opens the table of this process's network namespace (socket(2) AF_NETLINK, NETLINK_NETFILTER).
     *
     * @return the table
     * @throws IOException if the socket cannot be made ({@link dev.ffsock.ErrnoException})
     */
    public static Conntrack open() throws IOException {
        return new Conntrack(NetlinkConnection.open(Netlink.NETLINK_NETFILTER));
    }

    /**
     * Opens the table of a named network namespace ({@code ip netns exec NAME conntrack …}).
     *
     * @param namespace the name {@code ip netns add} gave it; null for this process's own
     * @return the table
     * @throws IOException if the namespace cannot be entered or the socket made ({@link dev.ffsock.ErrnoException})
     */
    public static Conntrack open(String namespace) throws IOException {
        return new Conntrack(NetlinkConnection.open(Netlink.NETLINK_NETFILTER, namespace));
    }

    /** {@return the underlying connection} */
    public NetlinkConnection connection() {
        return conn;
    }

    /**
     * Lists every entry of a family: {@code conntrack -L [-f ipv4|ipv6]}. One IPCTNL_MSG_CT_GET dump.
     *
     * @param family {@link #ALL_FAMILIES}, AF_INET (2) or AF_INET6 (10)
     * @return the entries, in the kernel's order
     * @throws IllegalArgumentException if {@code family} is none of those
     * @throws NetlinkException when the kernel refuses (EPERM without CAP_NET_ADMIN)
     * @throws IOException if sending or receiving fails
     */
    public List<ConntrackEntry> list(int family) throws IOException {
        return list(family, -1);
    }

    /**
     * Lists the entries of a family in one zone: {@code conntrack -L -w ZONE}. The kernel filters
     * (CTA_ZONE in the dump request).
     *
     * @param family {@link #ALL_FAMILIES}, AF_INET (2) or AF_INET6 (10)
     * @param zone   the zone, 0..65535; -1 for every zone
     * @return the entries, in the kernel's order
     * @throws IllegalArgumentException if {@code family} or {@code zone} is out of range
     * @throws NetlinkException when the kernel refuses
     * @throws IOException if sending or receiving fails
     */
    public List<ConntrackEntry> list(int family, int zone) throws IOException {
        checkFamily(family);
        if (zone < -1 || zone > 0xffff) throw new IllegalArgumentException("zone must be 0..65535: " + zone);
        List<ConntrackEntry> out = conn.dumpAll(Nfnetlink.messageType(Nfnetlink.NFNL_SUBSYS_CTNETLINK, IPCTNL_MSG_CT_GET),
                w -> {
                    Nfnetlink.writeHeader(w, family, 0);
                    if (zone >= 0) w.attrBE16(CTA_ZONE, zone);
                }, ConntrackCodec::decodeEntry);
        // Kernels before 5.x ignore the family and zone of a dump request: keep what was asked for.
        out.removeIf(e -> (family != ALL_FAMILIES && e.family() != family) || (zone >= 0 && Math.max(e.zone(), 0) != zone));
        return out;
    }

    /**
     * Reads one entry by its original tuple: {@code conntrack -G -s … -d … -p … --sport … --dport …}.
     *
     * @param original the entry's original-direction tuple; its zone, if set, is the entry's zone
     * @return the entry, or empty if there is none (ENOENT)
     * @throws NetlinkException when the kernel refuses otherwise
     * @throws IOException if sending or receiving fails
     */
    public Optional<ConntrackEntry> get(ConntrackTuple original) throws IOException {
        Objects.requireNonNull(original, "original");
        List<ConntrackEntry> found = new ArrayList<>(1);
        try {
            conn.request(Nfnetlink.messageType(Nfnetlink.NFNL_SUBSYS_CTNETLINK, IPCTNL_MSG_CT_GET), 0,
                    w -> writeKey(w, original, -1), m -> {
                        ConntrackEntry e = ConntrackCodec.decodeEntry(m);
                        if (e != null) found.add(e);
                    });
        } catch (NetlinkException e) {
            if (e.errno() == Errno.ENOENT) return Optional.empty();
            throw e;
        }
        return found.stream().findFirst();
    }

    /**
     * Deletes the entry with this original tuple: {@code conntrack -D -s … -d … -p … --sport … --dport …}.
     *
     * @param original the entry's original-direction tuple; its zone, if set, is the entry's zone
     * @throws NetlinkException ENOENT when there is no such entry, or another refusal
     * @throws IOException if sending or receiving fails
     */
    public void delete(ConntrackTuple original) throws IOException {
        Objects.requireNonNull(original, "original");
        conn.execute(Nfnetlink.messageType(Nfnetlink.NFNL_SUBSYS_CTNETLINK, IPCTNL_MSG_CT_DELETE), 0,
                w -> writeKey(w, original, -1));
    }

    /**
     * Deletes an entry a dump or get returned, by its original tuple, zone and id (so a newer entry
     * with the same tuple is left alone): what {@code conntrack -D} with filters does for each match.
     *
     * @param entry the entry
     * @throws IllegalArgumentException if the entry has no original tuple
     * @throws NetlinkException ENOENT when it is gone, or another refusal
     * @throws IOException if sending or receiving fails
     */
    public void delete(ConntrackEntry entry) throws IOException {
        Objects.requireNonNull(entry, "entry");
        if (entry.original() == null) throw new IllegalArgumentException("the entry has no original tuple to name it by");
        ConntrackTuple key = entry.zone() >= 0 && entry.original().zone() < 0 ? entry.original().withZone(entry.zone())
                : entry.original();
        conn.execute(Nfnetlink.messageType(Nfnetlink.NFNL_SUBSYS_CTNETLINK, IPCTNL_MSG_CT_DELETE), 0,
                w -> writeKey(w, key, entry.id()));
    }

    /**
     * Deletes every entry of a family: {@code conntrack -F [-f ipv4|ipv6]} (IPCTNL_MSG_CT_DELETE without a tuple).
     * The nfgenmsg goes with version 1: the kernel flushes every family when the version is 0, as
     * conntrack 1.4.7 sends it (its {@code -F -f ipv6} empties the IPv4 entries too).
     *
     * @param family {@link #ALL_FAMILIES}, AF_INET (2) or AF_INET6 (10)
     * @throws IllegalArgumentException if {@code family} is none of those
     * @throws NetlinkException when the kernel refuses
     * @throws IOException if sending or receiving fails
     */
    public void flush(int family) throws IOException {
        checkFamily(family);
        conn.execute(Nfnetlink.messageType(Nfnetlink.NFNL_SUBSYS_CTNETLINK, IPCTNL_MSG_CT_DELETE), 0,
                w -> w.putU8(family).putU8(1).putBE16(0));
    }

    /**
     * Lists the expectations of a family: {@code conntrack -L expect [-f ipv4|ipv6]} (IPCTNL_MSG_EXP_GET dump).
     *
     * @param family {@link #ALL_FAMILIES}, AF_INET (2) or AF_INET6 (10)
     * @return the expectations
     * @throws IllegalArgumentException if {@code family} is none of those
     * @throws NetlinkException when the kernel refuses
     * @throws IOException if sending or receiving fails
     */
    public List<ConntrackExpectation> expectations(int family) throws IOException {
        checkFamily(family);
        return conn.dumpAll(Nfnetlink.messageType(Nfnetlink.NFNL_SUBSYS_CTNETLINK_EXP, IPCTNL_MSG_EXP_GET),
                w -> Nfnetlink.writeHeader(w, family, 0), ConntrackCodec::decodeExpectation);
    }

    /**
     * Subscribes to table changes in a namespace: {@code conntrack -E [-e NEW,UPDATE,DESTROY]}.
     *
     * @param namespace the name {@code ip netns add} gave it; null for this process's own
     * @param types     what to receive; none means all three
     * @return the subscription (it owns its own socket)
     * @throws IOException if the socket cannot be made or a group joined ({@link dev.ffsock.ErrnoException})
     */
    public static NetlinkEvents<ConntrackEvent> events(String namespace, ConntrackEvent.Type... types) throws IOException {
        Set<ConntrackEvent.Type> set = EnumSet.noneOf(ConntrackEvent.Type.class);
        for (ConntrackEvent.Type t : types) set.add(Objects.requireNonNull(t, "type"));
        if (set.isEmpty()) set = EnumSet.allOf(ConntrackEvent.Type.class);
        NetlinkConnection c = NetlinkConnection.open(Netlink.NETLINK_NETFILTER, namespace);
        try {
            for (ConntrackEvent.Type t : set) c.subscribe(t.group());
        } catch (IOException | RuntimeException e) {
            c.close();
            throw e;
        }
        Set<ConntrackEvent.Type> wanted = set;
        return NetlinkEvents.over(c, m -> {
            ConntrackEvent e = decodeEvent(m);
            return e != null && wanted.contains(e.type()) ? e : null;
        });
    }

    /**
     * Decodes a notification: IPCTNL_MSG_CT_NEW with NLM_F_CREATE is NEW, without it UPDATE,
     * IPCTNL_MSG_CT_DELETE is DESTROY.
     *
     * @param m a notification of NFNL_SUBSYS_CTNETLINK
     * @return the event, or null for another message
     * @throws dev.ffsock.netlink.NetlinkFormatException if it is malformed
     */
    public static ConntrackEvent decodeEvent(NetlinkMessage m) {
        ConntrackEntry e = ConntrackCodec.decodeEntry(m);
        if (e == null) return null;
        ConntrackEvent.Type t = Nfnetlink.message(m.type()) == IPCTNL_MSG_CT_DELETE ? ConntrackEvent.Type.DESTROY
                : m.hasFlags(Netlink.NLM_F_CREATE) ? ConntrackEvent.Type.NEW : ConntrackEvent.Type.UPDATE;
        return new ConntrackEvent(t, e, Integer.toUnsignedLong(m.pid()));
    }

    private static void writeKey(dev.ffsock.netlink.PayloadWriter w, ConntrackTuple t, long id) {
        Nfnetlink.writeHeader(w, t.family(), 0);
        ConntrackCodec.writeTuple(w, CTA_TUPLE_ORIG, t.withZone(-1));
        if (t.zone() >= 0) w.attrBE16(CTA_ZONE, t.zone());
        if (id >= 0) w.attrBE32(CTA_ID, (int) id);
    }

    private static void checkFamily(int family) {
        if (family != ALL_FAMILIES && family != AF_INET && family != AF_INET6) {
            throw new IllegalArgumentException("conntrack family must be 0 (all), 2 (AF_INET) or 10 (AF_INET6): " + family);
        }
    }

    private static String typeName(int type) {
        int sub = Nfnetlink.subsystem(type), msg = Nfnetlink.message(type);
        if (sub == Nfnetlink.NFNL_SUBSYS_CTNETLINK) {
            switch (msg) {
                case IPCTNL_MSG_CT_NEW: return "IPCTNL_MSG_CT_NEW";
                case IPCTNL_MSG_CT_GET: return "IPCTNL_MSG_CT_GET";
                case IPCTNL_MSG_CT_DELETE: return "IPCTNL_MSG_CT_DELETE";
                default: break;
            }
        }
        if (sub == Nfnetlink.NFNL_SUBSYS_CTNETLINK_EXP && msg == IPCTNL_MSG_EXP_GET) return "IPCTNL_MSG_EXP_GET";
        return "nfnetlink subsystem " + sub + " message " + msg;
    }

    /** Closes the socket. Idempotent. */
    @Override
    public void close() {
        conn.close();
    }
}
