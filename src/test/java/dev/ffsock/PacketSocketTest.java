package dev.ffsock;

import dev.ffsock.netlink.route.TestNetns;
import dev.ffsock.testutil.Json;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * AF_PACKET sockets on a veth pair (v0, v1) in a test namespace: frames sent on one end — by
 * ffsock's SOCK_RAW and SOCK_DGRAM packet sockets and by Python's {@code socket.AF_PACKET} — are
 * captured on the other byte for byte (destination and source MAC, ethertype, payload), with the
 * sender's address and PACKET_AUXDATA (including a VLAN tag the receive path strips); Python
 * captures what ffsock sends and reports the same address; memberships show in {@code ip -d -j link}
 * (promiscuity) and {@code ip maddr}; a fanout group of two sockets shares frames; outgoing frames
 * can be ignored; close wakes a receive on a bound packet socket. Frames use the local experimental
 * ethertype 0x88b5 and a random marker, so the namespace's own traffic (IPv6 neighbour discovery)
 * is skipped by the receive loop, never mistaken for a test frame.
 */
@Timeout(180)
class PacketSocketTest {
    private static final int ETH_P_ALL = 0x0003;
    private static final int ETHERTYPE = 0x88b5; // ETH_P_802_EX1, local experimental
    private static final int ARPHRD_ETHER = 1;

    private static TestNetns ns;
    private static int if0, if1;
    private static byte[] mac0, mac1;

    @BeforeAll
    static void namespace() throws Exception {
        ns = TestNetns.create("pkt");
        ns.ip("link", "add", "v0", "type", "veth", "peer", "name", "v1");
        ns.ip("link", "set", "v0", "up");
        ns.ip("link", "set", "v1", "up");
        Map<String, Object> l0 = link("v0"), l1 = link("v1");
        if0 = ((Long) l0.get("ifindex")).intValue();
        if1 = ((Long) l1.get("ifindex")).intValue();
        mac0 = SockAddrLl.parseHardwareAddress((String) l0.get("address"));
        mac1 = SockAddrLl.parseHardwareAddress((String) l1.get("address"));
    }

    @AfterAll
    static void cleanup() throws Exception {
        if (ns != null) ns.close();
    }

    private static Map<String, Object> link(String name) throws Exception {
        List<Map<String, Object>> l = Json.array(ns.ip("-d", "-j", "link", "show", name).strip());
        assertEquals(1, l.size());
        return l.getFirst();
    }

    private static Socket open(Type type, int protocol) throws IOException {
        Socket s = NetworkNamespace.open(ns.name, Domain.AF_PACKET, type, Protocol.ethertype(protocol));
        s.setsockopt(SockOpt.SO_RCVTIMEO, Duration.ofSeconds(20));
        return s;
    }

    private static byte[] marker() {
        byte[] m = new byte[8];
        ThreadLocalRandom.current().nextBytes(m);
        return m;
    }

    /** An Ethernet frame: dst, src, ethertype, then the marker and a counting payload. */
    private static byte[] frame(byte[] dst, byte[] src, int type, byte[] marker, int payload) {
        byte[] f = new byte[14 + marker.length + payload];
        System.arraycopy(dst, 0, f, 0, 6);
        System.arraycopy(src, 0, f, 6, 6);
        f[12] = (byte) (type >> 8);
        f[13] = (byte) type;
        System.arraycopy(marker, 0, f, 14, marker.length);
        for (int i = 0; i < payload; i++) f[14 + marker.length + i] = (byte) i;
        return f;
    }

    /** One received frame: its bytes, where it came from, its auxdata (null without PACKET_AUXDATA). */
    private record Frame(byte[] data, SockAddrLl from, PacketAuxData aux) {
    }

    private static boolean contains(byte[] data, byte[] marker) {
        for (int i = 0; i + marker.length <= data.length; i++) {
            if (Arrays.equals(data, i, i + marker.length, marker, 0, marker.length)) return true;
        }
        return false;
    }

    /** Receives until a frame holding {@code marker} comes (at most 500 frames; SO_RCVTIMEO bounds each wait). */
    private static Frame receive(Socket s, byte[] marker) throws IOException {
        try (Message m = new Message(1, 256)) {
            m.addBuffer(Arena.ofAuto().allocate(4096));
            for (int i = 0; i < 500; i++) {
                long n = s.recvmsg(m, 0);
                byte[] data = m.buffer(0).asSlice(0, n).toArray(ValueLayout.JAVA_BYTE);
                if (contains(data, marker)) {
                    return new Frame(data, (SockAddrLl) m.address().get(), m.control().packetAuxData());
                }
            }
        }
        throw new AssertionError("no frame with marker " + HexFormat.of().formatHex(marker) + " in 500 frames");
    }

    private static void send(Socket s, byte[] data) throws IOException {
        assertEquals(data.length, s.send(data, 0, data.length, 0));
    }

    @Test
    void rawFramesCrossTheVethWithAddressAndAuxdata() throws Exception {
        try (Socket tx = open(Type.RAW, ETHERTYPE); Socket rx = open(Type.RAW, ETH_P_ALL)) {
            tx.bind(SockAddrLl.bind(if0, ETHERTYPE));
            rx.bind(SockAddrLl.bind(if1, ETH_P_ALL));
            rx.setsockopt(SockOpt.PACKET_AUXDATA, true);
            assertTrue(rx.getsockopt(SockOpt.PACKET_AUXDATA));
            SockAddrLl bound = (SockAddrLl) rx.getsockname();
            assertEquals(if1, bound.ifindex());
            assertEquals(ETH_P_ALL, bound.protocol());
            assertEquals(ARPHRD_ETHER, bound.hatype());
            assertArrayEquals(mac1, bound.address());

            byte[] marker = marker();
            byte[] sent = frame(mac1, mac0, ETHERTYPE, marker, 100);
            send(tx, sent);
            Frame got = receive(rx, marker);
            assertArrayEquals(sent, got.data(), "dst MAC, src MAC, ethertype and payload as sent");
            assertEquals(new SockAddrLl(if1, ETHERTYPE, ARPHRD_ETHER, SockAddrLl.PACKET_HOST, mac0), got.from());
            PacketAuxData aux = got.aux();
            assertNotNull(aux, "PACKET_AUXDATA came");
            assertEquals(sent.length, aux.length());
            assertEquals(sent.length, aux.snapLength());
            assertEquals(0, aux.macOffset());
            assertEquals(14, aux.netOffset());
            assertFalse(aux.hasVlan());

            // A frame to another MAC is "otherhost"; an 802.1Q tag is taken off by the receive path and
            // reported in the auxdata (TCI and TPID), the frame then reading as untagged.
            byte[] other = {0x02, 0x11, 0x22, 0x33, 0x44, 0x55};
            byte[] tagged = new byte[sent.length + 4];
            System.arraycopy(frame(other, mac0, 0x8100, new byte[0], 0), 0, tagged, 0, 14);
            tagged[14] = (byte) 0x20; // PCP 1, VID 0x005
            tagged[15] = 0x05;
            tagged[16] = (byte) (ETHERTYPE >> 8);
            tagged[17] = (byte) ETHERTYPE;
            byte[] marker2 = marker();
            System.arraycopy(marker2, 0, tagged, 18, marker2.length);
            send(tx, tagged);
            Frame vlan = receive(rx, marker2);
            assertEquals(SockAddrLl.PACKET_OTHERHOST, vlan.from().pkttype());
            assertTrue(vlan.aux().hasVlan(), "VLAN tag in auxdata: " + vlan.aux());
            assertEquals(0x2005, vlan.aux().vlanTci());
            if ((vlan.aux().status() & PacketAuxData.TP_STATUS_VLAN_TPID_VALID) != 0) assertEquals(0x8100, vlan.aux().vlanTpid());
            assertEquals(ETHERTYPE, vlan.from().protocol(), "the inner ethertype");
            assertEquals(tagged.length - 4, vlan.data().length, "the tag is not in the frame");
            assertArrayEquals(Arrays.copyOfRange(tagged, 16, tagged.length), Arrays.copyOfRange(vlan.data(), 12, vlan.data().length));
        }
    }

    @Test
    void dgramSocketsSendAndReceivePayloadsOnly() throws Exception {
        try (Socket tx = open(Type.DGRAM, ETHERTYPE); Socket rawRx = open(Type.RAW, ETHERTYPE);
             Socket dgramRx = open(Type.DGRAM, ETHERTYPE)) {
            rawRx.bind(SockAddrLl.bind(if1, ETHERTYPE));
            dgramRx.bind(SockAddrLl.bind(if1, ETHERTYPE));
            dgramRx.setsockopt(SockOpt.PACKET_AUXDATA, true);
            byte[] marker = marker();
            byte[] payload = Arrays.copyOfRange(frame(mac1, mac0, ETHERTYPE, marker, 50), 14, 14 + 58);
            SockAddrLl to = SockAddrLl.to(if0, ETHERTYPE, mac1);
            assertEquals(payload.length, tx.sendto(payload, 0, payload.length, 0, to));
            assertArrayEquals(frame(mac1, mac0, ETHERTYPE, marker, 50), receive(rawRx, marker).data(),
                    "the kernel built the Ethernet header from the address");
            Frame d = receive(dgramRx, marker);
            assertArrayEquals(payload, d.data());
            assertEquals(new SockAddrLl(if1, ETHERTYPE, ARPHRD_ETHER, SockAddrLl.PACKET_HOST, mac0), d.from());
            assertEquals(0, d.aux().netOffset(), "SOCK_DGRAM data starts at the network header");
            assertEquals(payload.length, d.aux().length(), "SOCK_DGRAM: the length from the network header on");
            // The same with recvfrom
            assertEquals(payload.length, tx.sendto(payload, 0, payload.length, 0, to));
            byte[] buf = new byte[2048];
            SockAddrStorage from = new SockAddrStorage();
            int n = dgramRx.recvfrom(buf, 0, buf.length, 0, from);
            assertArrayEquals(payload, Arrays.copyOf(buf, n));
            assertEquals(d.from(), from.get());
        }
    }

    @Test
    void recvmmsgTakesSeveralFramesWithAuxdata() throws Exception {
        DatagramBatch batch = new DatagramBatch(8, 256, 64);
        try (Socket tx = open(Type.DGRAM, ETHERTYPE); Socket rx = open(Type.DGRAM, ETHERTYPE)) {
            rx.bind(SockAddrLl.bind(if1, ETHERTYPE));
            rx.setsockopt(SockOpt.PACKET_AUXDATA, true);
            byte[] marker = marker();
            for (int i = 0; i < 3; i++) {
                byte[] p = Arrays.copyOfRange(frame(mac1, mac0, ETHERTYPE, marker, 10 + i), 14, 14 + 18 + i);
                tx.sendto(p, 0, p.length, 0, SockAddrLl.to(if0, ETHERTYPE, mac1));
            }
            int seen = 0;
            while (seen < 3) { // blocking until at least one came (MSG_WAITFORONE; SO_RCVTIMEO bounds it)
                int n = rx.recvmmsg(batch, Msg.MSG_WAITFORONE);
                assertTrue(n >= 1 && seen + n <= 3, "received " + n + " after " + seen);
                for (int i = 0; i < n; i++, seen++) {
                    assertEquals(18 + seen, batch.length(i), "frames come in order");
                    assertEquals(new SockAddrLl(if1, ETHERTYPE, ARPHRD_ETHER, SockAddrLl.PACKET_HOST, mac0), batch.address(i).get());
                    assertEquals(18 + seen, batch.control(i).packetAuxData().length());
                }
            }
        }
    }

    private static final String PY_SEND = """
            import socket, sys
            s = socket.socket(socket.AF_PACKET, socket.SOCK_RAW)
            s.bind((sys.argv[1], 0))
            s.send(bytes.fromhex(sys.argv[2]))
            """;

    private static final String PY_RECEIVE = """
            import socket, sys
            marker = bytes.fromhex(sys.argv[2])
            s = socket.socket(socket.AF_PACKET, socket.SOCK_RAW, socket.htons(3))
            s.bind((sys.argv[1], 0))
            s.settimeout(30)
            print("ready", flush=True)
            while True:
                data, addr = s.recvfrom(65535)
                if marker in data:
                    print(data.hex(), addr[0], addr[1], addr[2], addr[3], addr[4].hex(), flush=True)
                    break
            """;

    private static Process python(String script, String... args) throws IOException {
        List<String> cmd = new java.util.ArrayList<>(List.of("ip", "netns", "exec", ns.name, "python3", "-c", script));
        cmd.addAll(List.of(args));
        return new ProcessBuilder(cmd).redirectErrorStream(true).start();
    }

    @Test
    void pythonAndFfsockCaptureEachOthersFrames() throws Exception {
        assumeTrue(TestNetns.exec(List.of("sh", "-c", "command -v python3")).status() == 0, "python3 is not installed");
        // Python sends, ffsock captures
        try (Socket rx = open(Type.RAW, ETH_P_ALL)) {
            rx.bind(SockAddrLl.bind(if1, ETH_P_ALL));
            byte[] marker = marker();
            byte[] sent = frame(mac1, mac0, ETHERTYPE, marker, 200);
            Process p = python(PY_SEND, "v0", HexFormat.of().formatHex(sent));
            assertTrue(p.waitFor(60, TimeUnit.SECONDS));
            assertEquals(0, p.exitValue(), new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
            Frame got = receive(rx, marker);
            assertArrayEquals(sent, got.data());
            assertEquals(new SockAddrLl(if1, ETHERTYPE, ARPHRD_ETHER, SockAddrLl.PACKET_HOST, mac0), got.from());
        }
        // ffsock sends, Python captures and reports the frame and its address tuple
        byte[] marker = marker();
        byte[] sent = frame(mac1, mac0, ETHERTYPE, marker, 300);
        Process p = python(PY_RECEIVE, "v1", HexFormat.of().formatHex(marker));
        try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
             Socket tx = open(Type.RAW, ETHERTYPE)) {
            assertEquals("ready", out.readLine());
            tx.bind(SockAddrLl.bind(if0, ETHERTYPE));
            send(tx, sent);
            String line = out.readLine();
            assertNotNull(line, "python printed nothing");
            String[] f = line.split(" ");
            assertEquals(HexFormat.of().formatHex(sent), f[0]);
            assertEquals("v1", f[1]);
            assertEquals(ETHERTYPE, Integer.parseInt(f[2]), "protocol");
            assertEquals(SockAddrLl.PACKET_HOST, Integer.parseInt(f[3]), "pkttype");
            assertEquals(ARPHRD_ETHER, Integer.parseInt(f[4]), "hatype");
            assertEquals(HexFormat.of().formatHex(mac0), f[5], "source address");
        } finally {
            if (!p.waitFor(30, TimeUnit.SECONDS)) p.destroyForcibly();
        }
    }

    private static long promiscuity(String dev) throws Exception {
        return (Long) link(dev).get("promiscuity");
    }

    @Test
    void membershipsShowInIpLinkAndMaddr() throws Exception {
        long before = promiscuity("v1");
        byte[] group = {0x01, 0x00, 0x5e, 0x01, 0x02, 0x03};
        try (Socket s = open(Type.RAW, ETH_P_ALL); Socket t = open(Type.RAW, ETH_P_ALL)) {
            s.setsockopt(SockOpt.PACKET_ADD_MEMBERSHIP, PacketMreq.promisc(if1));
            assertEquals(before + 1, promiscuity("v1"));
            t.setsockopt(SockOpt.PACKET_ADD_MEMBERSHIP, PacketMreq.promisc(if1));
            assertEquals(before + 2, promiscuity("v1"));
            s.setsockopt(SockOpt.PACKET_DROP_MEMBERSHIP, PacketMreq.promisc(if1));
            assertEquals(before + 1, promiscuity("v1"));
            s.setsockopt(SockOpt.PACKET_ADD_MEMBERSHIP, PacketMreq.multicast(if1, group));
            assertTrue(ns.ip("maddr", "show", "dev", "v1").contains("link  01:00:5e:01:02:03"), ns.ip("maddr", "show", "dev", "v1"));
            s.setsockopt(SockOpt.PACKET_DROP_MEMBERSHIP, PacketMreq.multicast(if1, group));
            assertFalse(ns.ip("maddr", "show", "dev", "v1").contains("01:00:5e:01:02:03"));
            ErrnoException e = assertThrows(ErrnoException.class,
                    () -> s.setsockopt(SockOpt.PACKET_ADD_MEMBERSHIP, PacketMreq.multicast(if1, new byte[] {1, 0, 0x5e})));
            assertEquals(Errno.EINVAL, e.errno(), "the kernel wants the device's address length");
            assertTrue(e.getMessage().contains("EINVAL"), e.getMessage());
            assertThrows(UnsupportedOperationException.class, () -> s.getsockopt(SockOpt.PACKET_ADD_MEMBERSHIP));
        }
        assertEquals(before, promiscuity("v1"), "closing drops the memberships");
    }

    @Test
    void fanoutGroupSharesFramesAndStatisticsCount() throws Exception {
        int frames = 20;
        try (Socket tx = open(Type.RAW, ETHERTYPE); Socket a = open(Type.RAW, ETHERTYPE); Socket b = open(Type.RAW, ETHERTYPE)) {
            tx.bind(SockAddrLl.bind(if0, ETHERTYPE));
            a.bind(SockAddrLl.bind(if1, ETHERTYPE));
            b.bind(SockAddrLl.bind(if1, ETHERTYPE));
            int id = ThreadLocalRandom.current().nextInt(1, 0x10000);
            PacketFanout group = new PacketFanout(id, PacketFanout.Mode.LB, 0);
            a.setsockopt(SockOpt.PACKET_FANOUT, group);
            b.setsockopt(SockOpt.PACKET_FANOUT, group);
            assertEquals(group, a.getsockopt(SockOpt.PACKET_FANOUT));
            assertEquals(group, b.getsockopt(SockOpt.PACKET_FANOUT));
            a.getsockopt(SockOpt.PACKET_STATISTICS); // reset
            b.getsockopt(SockOpt.PACKET_STATISTICS);
            byte[] marker = marker();
            for (int i = 0; i < frames; i++) send(tx, frame(mac1, mac0, ETHERTYPE, marker, i));
            int[] got = new int[2];
            Socket[] members = {a, b};
            byte[] buf = new byte[2048];
            // Usually every frame is queued before tx's send returns (veth hands it to the receive path in
            // the sender's context), but a loaded machine may leave that to ksoftirqd: collect until all
            // came, with short bounded waits, for at most 30 s.
            long deadline = System.nanoTime() + 30_000_000_000L;
            while (got[0] + got[1] < frames && System.nanoTime() - deadline < 0) {
                boolean any = false;
                for (int k = 0; k < 2; k++) {
                    int n;
                    while ((n = members[k].recv(buf, 0, buf.length, Msg.MSG_DONTWAIT)) != Socket.WOULD_BLOCK) {
                        any = true;
                        if (contains(Arrays.copyOf(buf, n), marker)) got[k]++;
                    }
                }
                if (!any) a.poll(Poll.POLLIN, 20);
            }
            assertEquals(frames, got[0] + got[1], "every frame went to one member");
            assertTrue(got[0] > 0 && got[1] > 0, "both members received: " + Arrays.toString(got));
            PacketStats sa = a.getsockopt(SockOpt.PACKET_STATISTICS);
            assertEquals(got[0], sa.packets(), "only this test's frames have ethertype 0x88b5");
            assertEquals(0, sa.drops());
            assertEquals(new PacketStats(0, 0), a.getsockopt(SockOpt.PACKET_STATISTICS), "reading resets");
            assertThrows(UnsupportedOperationException.class, () -> a.setsockopt(SockOpt.PACKET_STATISTICS, sa));
        }
    }

    @Test
    void outgoingFramesCanBeIgnored() throws Exception {
        try (Socket tx = open(Type.RAW, ETHERTYPE); Socket back = open(Type.RAW, ETHERTYPE); Socket cap = open(Type.RAW, ETH_P_ALL)) {
            tx.bind(SockAddrLl.bind(if0, ETHERTYPE));
            back.bind(SockAddrLl.bind(if1, ETHERTYPE));
            cap.bind(SockAddrLl.bind(if0, ETH_P_ALL));
            byte[] out1 = marker();
            send(tx, frame(mac1, mac0, ETHERTYPE, out1, 10));
            Frame f = receive(cap, out1);
            assertEquals(SockAddrLl.PACKET_OUTGOING, f.from().pkttype(), "a capture sees what its device sends");

            cap.setsockopt(SockOpt.PACKET_IGNORE_OUTGOING, true);
            assertTrue(cap.getsockopt(SockOpt.PACKET_IGNORE_OUTGOING));
            byte[] out2 = marker();
            byte[] sentinel = marker();
            send(tx, frame(mac1, mac0, ETHERTYPE, out2, 10));
            send(back, frame(mac0, mac1, ETHERTYPE, sentinel, 10)); // comes in after out2 went out
            try (Message m = new Message(1, 0)) {
                m.addBuffer(Arena.ofAuto().allocate(4096));
                for (int i = 0; i < 500; i++) {
                    long n = cap.recvmsg(m, 0);
                    byte[] data = m.buffer(0).asSlice(0, n).toArray(ValueLayout.JAVA_BYTE);
                    assertFalse(contains(data, out2), "an outgoing frame despite PACKET_IGNORE_OUTGOING");
                    if (contains(data, sentinel)) return;
                }
            }
            throw new AssertionError("the incoming sentinel frame never came");
        }
    }

    @Test
    void closeWakesARecvOnABoundPacketSocket() throws Exception {
        for (boolean virtual : new boolean[] {false, true}) {
            Socket s = open(Type.RAW, ETHERTYPE);
            s.bind(SockAddrLl.bind(if1, ETHERTYPE));
            s.setsockopt(SockOpt.SO_RCVTIMEO, Duration.ZERO);
            MemorySegment buf = Arena.ofAuto().allocate(2048);
            CompletableFuture<Throwable> done = new CompletableFuture<>();
            Thread t = (virtual ? Thread.ofVirtual() : Thread.ofPlatform()).start(() -> {
                try {
                    s.recv(buf);
                    done.complete(null);
                } catch (Throwable e) {
                    done.complete(e);
                }
            });
            // Let it block (if it has not yet, the receive begins after close and fails the same way).
            Thread.sleep(200);
            s.close();
            Throwable e;
            try {
                e = done.get(30, TimeUnit.SECONDS);
            } catch (ExecutionException x) {
                throw new AssertionError(x);
            }
            assertTrue(e instanceof SocketClosedException, "virtual=" + virtual + ": " + e);
            t.join();
        }
    }
}
