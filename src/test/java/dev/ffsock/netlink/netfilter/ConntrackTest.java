package dev.ffsock.netlink.netfilter;

import dev.ffsock.Errno;
import dev.ffsock.netlink.NetlinkEvents;
import dev.ffsock.netlink.NetlinkException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link Conntrack} against the kernel in a namespace of its own, with {@code conntrack} (the
 * conntrack-tools command) as the ground truth: the same entries by id, the filters by family and
 * zone, get, delete and flush, and events.
 */
class ConntrackTest {
    private static final Pattern ID = Pattern.compile(" id=(\\d+)$");
    private ConntrackNetns ns;

    @BeforeEach
    void namespace() throws Exception {
        ns = ConntrackNetns.create();
    }

    @AfterEach
    void delete() throws Exception {
        if (ns != null) ns.close();
    }

    /** The ids {@code conntrack -L -o id ARGS} prints. */
    private Set<Long> toolIds(String... args) throws Exception {
        String[] a = new String[args.length + 3];
        a[0] = "-L";
        a[1] = "-o";
        a[2] = "id";
        System.arraycopy(args, 0, a, 3, args.length);
        Set<Long> ids = new TreeSet<>();
        for (String line : ns.conntrack(a)) {
            Matcher m = ID.matcher(line);
            assertTrue(m.find(), line);
            ids.add(Long.parseLong(m.group(1)));
        }
        return ids;
    }

    private static Set<Long> ids(List<ConntrackEntry> entries) {
        Set<Long> ids = new TreeSet<>();
        for (ConntrackEntry e : entries) ids.add(e.id());
        return ids;
    }

    private static ConntrackEntry find(List<ConntrackEntry> list, int proto, int dport) {
        return list.stream().filter(e -> e.original().protocol() == proto && e.original().destinationPort() == dport)
                .findFirst().orElseThrow(() -> new AssertionError("no entry proto " + proto + " dport " + dport + " in " + list));
    }

    @Test
    void listsWhatConntrackLists() throws Exception {
        int sport11 = ns.udp(false, 11);
        ns.udp(false, 12);
        ns.udp(true, 9);
        int tcpPort = ns.tcp();
        ns.ping(0x1234);
        try (Conntrack ct = Conntrack.open(ns.name)) {
            List<ConntrackEntry> all = ct.list(Conntrack.ALL_FAMILIES);
            assertEquals(toolIds(), ids(all));
            assertEquals(5, all.size(), all.toString());

            ConntrackEntry marked = find(all, 17, 11);
            assertEquals(42, marked.mark());
            assertEquals(sport11, marked.original().sourcePort());
            assertEquals(InetAddress.getByName("127.0.0.1"), marked.original().source());
            assertEquals(11, marked.reply().sourcePort());
            assertEquals(sport11, marked.reply().destinationPort());
            assertFalse(marked.has(ConntrackStatus.SEEN_REPLY));
            assertEquals(1, marked.originalCounters().packets());
            assertEquals(29, marked.originalCounters().bytes()); // 20 IP + 8 UDP + 1
            assertEquals(0, marked.replyCounters().packets());
            assertEquals(1, marked.use());
            assertTrue(marked.timeout() > 0 && marked.timeout() <= 300, "timeout " + marked.timeout());

            ConntrackEntry zoned = find(all, 17, 12);
            assertEquals(7, zoned.zone());
            assertEquals(-1, marked.zone());
            assertEquals(java.util.BitSet.valueOf(new long[] {1L << 3}), zoned.labels());
            assertEquals(10, find(all, 17, 9).family());

            ConntrackEntry tcp = all.stream().filter(e -> e.protocol() == 6).findFirst().orElseThrow();
            assertEquals(TcpConntrackState.TIME_WAIT, tcp.tcpState());
            assertEquals(tcpPort, tcp.original().sourcePort());
            assertTrue(tcp.has(ConntrackStatus.ASSURED) && tcp.has(ConntrackStatus.SEEN_REPLY));
            assertTrue(tcp.replyCounters().packets() > 0);

            ConntrackEntry icmp = all.stream().filter(e -> e.protocol() == 1).findFirst().orElseThrow();
            assertEquals(0x1234, icmp.original().icmpId());
            assertEquals(8, icmp.original().icmpType());
            assertEquals(0, icmp.reply().icmpType());
            assertEquals(-1, icmp.original().sourcePort());
        }
    }

    @Test
    void filtersByFamilyAndZoneAsConntrackDoes() throws Exception {
        ns.udp(false, 11);
        ns.udp(false, 12);
        ns.udp(true, 9);
        ns.udp(true, 12);
        try (Conntrack ct = Conntrack.open(ns.name)) {
            List<ConntrackEntry> v6 = ct.list(10);
            assertEquals(2, v6.size(), v6.toString());
            assertEquals(toolIds("-f", "ipv6"), ids(v6));
            List<ConntrackEntry> v4 = ct.list(2);
            assertEquals(toolIds("-f", "ipv4"), ids(v4));
            List<ConntrackEntry> zone7 = ct.list(0, 7);
            assertEquals(2, zone7.size(), zone7.toString());
            assertEquals(toolIds("-w", "7"), ids(zone7));
            assertEquals(1, ct.list(10, 7).size());
            assertThrows(IllegalArgumentException.class, () -> ct.list(7));
            assertThrows(IllegalArgumentException.class, () -> ct.list(2, 65536));
        }
    }

    @Test
    void getDeleteAndFlush() throws Exception {
        int sport = ns.udp(false, 11);
        int zoned = ns.udp(false, 12);
        ns.udp(true, 9);
        InetAddress lo = InetAddress.getByName("127.0.0.1");
        ConntrackTuple key = ConntrackTuple.ports(17, lo, sport, lo, 11);
        try (Conntrack ct = Conntrack.open(ns.name)) {
            ConntrackEntry e = ct.get(key).orElseThrow();
            assertEquals(42, e.mark());
            assertEquals(toolIds("-p", "udp", "--dport", "11"), Set.of(e.id()));

            ConntrackTuple zkey = ConntrackTuple.ports(17, lo, zoned, lo, 12);
            assertTrue(ct.get(zkey).isEmpty(), "zone 0 has no such entry");
            assertEquals(7, ct.get(zkey.withZone(7)).orElseThrow().zone());

            ct.delete(key);
            assertEquals(Set.of(), toolIds("-p", "udp", "--dport", "11"));
            assertTrue(ct.get(key).isEmpty());
            NetlinkException gone = assertThrows(NetlinkException.class, () -> ct.delete(key));
            assertEquals(Errno.ENOENT, gone.errno());

            ct.delete(ct.get(zkey.withZone(7)).orElseThrow());
            assertEquals(Set.of(), toolIds("-w", "7"));

            ct.flush(10);
            assertEquals(Set.of(), toolIds("-f", "ipv6"));
            ns.udp(false, 13);
            assertEquals(1, toolIds("-f", "ipv4").size());
            ct.flush(Conntrack.ALL_FAMILIES);
            assertEquals(Set.of(), toolIds());
            assertEquals(List.of(), ct.list(0));
        }
    }

    @Test
    void eventsAreTypedNewUpdateDestroy() throws Exception {
        try (NetlinkEvents<ConntrackEvent> events = Conntrack.events(ns.name);
             NetlinkEvents<ConntrackEvent> destroys = Conntrack.events(ns.name, ConntrackEvent.Type.DESTROY)) {
            int sport = ns.udp(false, 11);
            ConntrackEvent created = next(events, 17, 11);
            assertEquals(ConntrackEvent.Type.NEW, created.type());
            assertEquals(sport, created.entry().original().sourcePort());
            assertEquals(42, created.entry().mark());
            assertEquals(300, created.entry().timeout()); // nf_conntrack_udp_timeout in ConntrackNetns

            int tcpPort = ns.tcp();
            ConntrackEvent syn = nextTcp(events, tcpPort);
            assertEquals(ConntrackEvent.Type.NEW, syn.type());
            assertEquals(TcpConntrackState.SYN_SENT, syn.entry().tcpState());
            ConntrackEvent synRecv = nextTcp(events, tcpPort);
            assertEquals(ConntrackEvent.Type.UPDATE, synRecv.type());
            assertEquals(TcpConntrackState.SYN_RECV, synRecv.entry().tcpState());

            ns.must("conntrack", "-D", "-p", "udp", "--dport", "11");
            ConntrackEvent destroyed = next(destroys, 17, 11);
            assertEquals(ConntrackEvent.Type.DESTROY, destroyed.type());
            assertEquals(created.entry().id(), destroyed.entry().id());
            assertTrue(destroyed.portId() != 0, "conntrack -D's port id");
            assertEquals(0, created.portId());
        }
    }

    /** Mutation fuzzing of the codec on the kernel's own messages: dumps of every kind of entry and an expectation. */
    @Test
    void kernelMessagesMutatedDecodeOrThrowFormatErrors() throws Exception {
        ns.udp(false, 11);
        ns.udp(false, 12);
        ns.udp(true, 9);
        ns.tcp();
        ns.ping(7);
        List<byte[]> corpus = new java.util.ArrayList<>();
        try (AutoCloseable ftp = ns.ftp(50002); Conntrack ct = Conntrack.open(ns.name)) {
            dev.ffsock.netlink.NetlinkConnection.Handler keep = m -> corpus.add(m.segment().toArray(java.lang.foreign.ValueLayout.JAVA_BYTE));
            ct.connection().dump(Nfnetlink.messageType(Nfnetlink.NFNL_SUBSYS_CTNETLINK, Ctnetlink.IPCTNL_MSG_CT_GET),
                    w -> Nfnetlink.writeHeader(w, 0, 0), keep);
            ct.connection().dump(Nfnetlink.messageType(Nfnetlink.NFNL_SUBSYS_CTNETLINK_EXP, Ctnetlink.IPCTNL_MSG_EXP_GET),
                    w -> Nfnetlink.writeHeader(w, 0, 0), keep);
        }
        assertEquals(7, corpus.size(), "6 entries and 1 expectation");
        ConntrackCodecTest.fuzz(corpus);
    }

    @Test
    void readsTheFtpHelpersExpectation() throws Exception {
        InetAddress lo = InetAddress.getByName("127.0.0.1");
        try (AutoCloseable ftp = ns.ftp(50001); Conntrack ct = Conntrack.open(ns.name)) {
            List<ConntrackExpectation> all = ct.expectations(Conntrack.ALL_FAMILIES);
            assertEquals(1, all.size(), all.toString());
            ConntrackExpectation x = all.get(0);
            assertEquals(2, x.family());
            assertEquals("ftp", x.helper());
            assertEquals(ConntrackTuple.ports(6, lo, 0, lo, 50001), x.tuple());
            assertEquals(2121, x.master().destinationPort());
            assertEquals(65535, x.mask().destinationPort());
            assertEquals(0, x.mask().sourcePort());
            assertTrue(x.timeout() > 0 && x.timeout() <= 300, "timeout " + x.timeout());
            assertEquals(List.of(), ct.expectations(10));
            ConntrackEntry master = ct.list(2).stream().filter(e -> e.protocol() == 6).findFirst().orElseThrow();
            assertEquals("ftp", master.helper());
        }
    }

    private static ConntrackEvent next(NetlinkEvents<ConntrackEvent> events, int proto, int dport) throws Exception {
        while (true) {
            ConntrackEvent e = events.next(Duration.ofSeconds(20));
            assertNotNull(e, "no event for proto " + proto + " dport " + dport);
            if (e.entry().protocol() == proto && e.entry().original().destinationPort() == dport) return e;
        }
    }

    private static ConntrackEvent nextTcp(NetlinkEvents<ConntrackEvent> events, int sport) throws Exception {
        while (true) {
            ConntrackEvent e = events.next(Duration.ofSeconds(20));
            assertNotNull(e, "no TCP event for port " + sport);
            if (e.entry().protocol() == 6 && e.entry().original().sourcePort() == sport) return e;
        }
    }
}
