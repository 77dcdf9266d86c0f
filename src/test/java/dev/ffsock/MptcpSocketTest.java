package dev.ffsock;

import dev.ffsock.netlink.route.TestNetns;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.abort;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * MPTCP streams ({@link Protocol#MPTCP}) over loopback in a test namespace (net.mptcp.enabled turned
 * on there if it is off): an echo byte for byte, SO_PROTOCOL, and MPTCP_INFO compared key by key
 * with what {@code ss -M -i} prints for the same socket.
 */
@Timeout(120)
class MptcpSocketTest {
    /** The {@code key:value} words and bare flags of ss's info line for the MPTCP socket on local port {@code port}. */
    private static Map<String, String> ssInfo(TestNetns ns, int port) throws Exception {
        TestNetns.Result r = TestNetns.exec(List.of("ip", "netns", "exec", ns.name, "ss", "-M", "-a", "-n", "-i"));
        assertEquals(0, r.status(), r.err());
        String[] lines = r.out().split("\n");
        for (int i = 0; i + 1 < lines.length; i++) {
            String[] cols = lines[i].trim().split("\\s+");
            if (cols.length >= 5 && cols[0].equals("ESTAB") && cols[3].equals("127.0.0.1:" + port)) {
                Map<String, String> m = new HashMap<>();
                for (String w : lines[i + 1].trim().split("\\s+")) {
                    int c = w.indexOf(':');
                    m.put(c < 0 ? w : w.substring(0, c), c < 0 ? "" : w.substring(c + 1));
                }
                return m;
            }
        }
        throw new AssertionError("no MPTCP socket on port " + port + " in\n" + r.out());
    }

    @Test
    void echoOverLoopbackAndMptcpInfoAgreeWithSs() throws Exception {
        try (TestNetns ns = TestNetns.create("mptcp")) {
            TestNetns.Result sys = TestNetns.exec(List.of("ip", "netns", "exec", ns.name, "sysctl", "-n", "net.mptcp.enabled"));
            assumeTrue(sys.status() == 0, "no net.mptcp.enabled: the kernel has no MPTCP (" + sys.err().strip() + ")");
            if (!sys.out().strip().equals("1")) {
                TestNetns.Result set = TestNetns.exec(List.of("ip", "netns", "exec", ns.name, "sysctl", "-w", "net.mptcp.enabled=1"));
                assumeTrue(set.status() == 0, "cannot enable MPTCP in the namespace: " + set.err().strip());
            }
            Socket l;
            try {
                l = NetworkNamespace.open(ns.name, Domain.AF_INET, Type.STREAM, Protocol.MPTCP);
            } catch (ErrnoException e) {
                abort("the kernel refuses MPTCP sockets: " + e.getMessage());
                return;
            }
            try (l; Socket c = NetworkNamespace.open(ns.name, Domain.AF_INET, Type.STREAM, Protocol.MPTCP)) {
                assertEquals(Protocol.MPTCP, l.getsockopt(SockOpt.SO_PROTOCOL));
                assertEquals("IPPROTO_MPTCP", Protocol.MPTCP.toString());
                l.bind(SockAddrIn.loopback(0));
                l.listen(4);
                c.connect(l.getsockname());
                try (Socket a = l.accept()) {
                    assertEquals(Protocol.MPTCP, a.getsockopt(SockOpt.SO_PROTOCOL));
                    byte[] sent = new byte[200_000];
                    new Random(7).nextBytes(sent);
                    Thread echo = Thread.ofPlatform().start(() -> {
                        byte[] buf = new byte[8192];
                        try {
                            int n, total = 0;
                            while (total < sent.length && (n = a.recv(buf, 0, buf.length, 0)) > 0) {
                                a.sendAll(java.lang.foreign.MemorySegment.ofArray(java.util.Arrays.copyOf(buf, n)), 0);
                                total += n;
                            }
                        } catch (java.io.IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    });
                    c.sendAll(java.lang.foreign.MemorySegment.ofArray(sent), 0);
                    byte[] back = new byte[sent.length];
                    int got = 0;
                    while (got < back.length) {
                        int n = c.recv(back, got, back.length - got, 0);
                        assertTrue(n > 0, "stream ended after " + got + " bytes");
                        got += n;
                    }
                    echo.join();
                    assertArrayEquals(sent, back);

                    MptcpInfo info = c.getsockopt(SockOpt.MPTCP_INFO);
                    assertNotNull(info, "MPTCP_INFO of an MPTCP connection");
                    assertEquals(0, info.flags() & MptcpInfo.FLAG_FALLBACK, "not fallen back to TCP: " + info);
                    Map<String, String> ss = ssInfo(ns, ((SockAddrIn) c.getsockname()).port());
                    assertEquals(Long.toHexString(info.token()), ss.get("token"), "token: " + ss);
                    assertEquals(Long.toHexString(info.writeSeq()), ss.get("write_seq"));
                    assertEquals(Long.toHexString(info.sndUna()), ss.get("snd_una"));
                    assertEquals(Long.toHexString(info.rcvNxt()), ss.get("rcv_nxt"));
                    assertEquals(info.subflowsMax() == 0 ? null : Integer.toString(info.subflowsMax()), ss.get("subflows_max"));
                    assertEquals((info.flags() & MptcpInfo.FLAG_REMOTE_KEY_RECEIVED) != 0, ss.containsKey("remote_key"));
                    assertEquals(info.writeSeq(), info.sndUna(), "everything sent was acknowledged at the data level");
                }
            }
        }
    }
}
