package dev.ffsock.netlink.mptcp;

import dev.ffsock.Errno;
import dev.ffsock.netlink.NetlinkException;
import dev.ffsock.netlink.route.TestNetns;
import dev.ffsock.testutil.Json;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link MptcpPathManager} in a test namespace against {@code ip mptcp}: endpoints made by either
 * tool are listed the same by both (every key of {@code ip -j mptcp endpoint show}), deletes and
 * flushes are seen by ip, limits read and set agree with {@code ip mptcp limits}, and the kernel's
 * refusals carry the same errno and text ip prints.
 */
@Timeout(120)
class MptcpPathManagerTest {
    private TestNetns ns;
    private int loIndex;

    @BeforeEach
    void namespace() throws Exception {
        ns = TestNetns.create("mptcp");
        ns.ip("addr", "add", "10.0.0.9/24", "dev", "lo");
        ns.ip("addr", "add", "2001:db8::9/64", "dev", "lo", "nodad");
        loIndex = ((Long) Json.array(ns.ip("-j", "link", "show", "lo")).getFirst().get("ifindex")).intValue();
    }

    @AfterEach
    void cleanup() throws Exception {
        if (ns != null) ns.close();
    }

    /** What {@code ip -j mptcp endpoint show} prints for an endpoint (its keys, in its order; the address parsed). */
    private Map<String, Object> asIp(MptcpEndpoint e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("address", e.address());
        if (e.port() != 0) m.put("port", (long) e.port());
        m.put("id", (long) e.id());
        for (MptcpEndpoint.Flag f : e.flags()) m.put(f.name().toLowerCase(java.util.Locale.ROOT), true);
        if (e.ifindex() != 0) m.put("dev", e.ifindex() == loIndex ? "lo" : "if" + e.ifindex());
        return m;
    }

    private void assertSameAsIp(List<MptcpEndpoint> mine) throws Exception {
        List<Map<String, Object>> ip = Json.array(ns.ip("-j", "mptcp", "endpoint", "show").strip());
        for (Map<String, Object> m : ip) m.put("address", InetAddress.ofLiteral((String) m.get("address"))); // ip compresses IPv6
        List<Map<String, Object>> converted = new ArrayList<>();
        for (MptcpEndpoint e : mine) converted.add(asIp(e));
        assertEquals(ip, converted);
    }

    @Test
    void endpointsAgreeWithIp() throws Exception {
        try (MptcpPathManager pm = MptcpPathManager.open(ns.name)) {
            assertEquals(List.of(), pm.endpoints());
            assertSameAsIp(pm.endpoints());
            ns.ip("mptcp", "endpoint", "add", "10.0.0.1", "id", "3", "signal");
            ns.ip("mptcp", "endpoint", "add", "10.0.0.2", "dev", "lo", "subflow", "backup");
            pm.addEndpoint(new MptcpEndpoint(0, InetAddress.ofLiteral("10.0.0.4"), 0,
                    EnumSet.of(MptcpEndpoint.Flag.SUBFLOW, MptcpEndpoint.Flag.FULLMESH), 0));
            pm.addEndpoint(new MptcpEndpoint(0, InetAddress.ofLiteral("10.0.0.9"), 1234, Set.of(MptcpEndpoint.Flag.SIGNAL), 0));
            pm.addEndpoint(new MptcpEndpoint(20, InetAddress.ofLiteral("2001:db8::9"), 0,
                    EnumSet.of(MptcpEndpoint.Flag.SIGNAL, MptcpEndpoint.Flag.BACKUP), loIndex));
            List<MptcpEndpoint> all = pm.endpoints();
            assertEquals(5, all.size());
            assertSameAsIp(all);
            assertEquals(all.get(4), pm.endpoint(20));
            assertEquals(all.get(1), pm.endpoint(all.get(1).id()));

            pm.deleteEndpoint(3);
            assertSameAsIp(pm.endpoints());
            assertEquals(4, Json.array(ns.ip("-j", "mptcp", "endpoint", "show")).size());

            NetlinkException e = assertThrows(NetlinkException.class, () -> pm.deleteEndpoint(99));
            TestNetns.Result ip = TestNetns.exec(List.of("ip", "-n", ns.name, "mptcp", "endpoint", "del", "id", "99"));
            assertNotEquals(0, ip.status());
            assertEquals(Errno.EINVAL, e.errno());
            assertTrue(ip.err().contains("Error: " + e.extAck().message() + "."), ip.err() + " vs " + e);
            assertThrows(NetlinkException.class, () -> pm.endpoint(99));

            pm.flushEndpoints();
            assertEquals(List.of(), pm.endpoints());
            assertEquals("[]", ns.ip("-j", "mptcp", "endpoint", "show").strip());
            assertThrows(IllegalArgumentException.class, () -> pm.deleteEndpoint(0));
            assertThrows(IllegalArgumentException.class, () -> pm.addEndpoint(
                    new MptcpEndpoint(0, InetAddress.ofLiteral("10.0.0.9"), 80, Set.of(MptcpEndpoint.Flag.SUBFLOW), 0)));
        }
    }

    /** {@code ip mptcp limits} as pairs: iproute2 6.1 prints text even with -j. */
    private Map<String, Long> ipLimits() throws Exception {
        String[] w = ns.ip("mptcp", "limits").strip().split("\\s+");
        Map<String, Long> m = new LinkedHashMap<>();
        for (int i = 0; i + 1 < w.length; i += 2) m.put(w[i], Long.parseLong(w[i + 1]));
        return m;
    }

    @Test
    void limitsAgreeWithIp() throws Exception {
        try (MptcpPathManager pm = MptcpPathManager.open(ns.name)) {
            MptcpLimits l = pm.limits();
            assertEquals(Map.of("add_addr_accepted", l.addAddrAccepted(), "subflows", l.subflows()), ipLimits());
            pm.setLimits(4L, 3L);
            assertEquals(Map.of("add_addr_accepted", 4L, "subflows", 3L), ipLimits());
            pm.setLimits(null, 1L);
            assertEquals(new MptcpLimits(4, 1), pm.limits());
            ns.ip("mptcp", "limits", "set", "add_addr_accepted", "2");
            assertEquals(new MptcpLimits(2, 1), pm.limits());

            NetlinkException e = assertThrows(NetlinkException.class, () -> pm.setLimits(null, 99L));
            TestNetns.Result ip = TestNetns.exec(List.of("ip", "-n", ns.name, "mptcp", "limits", "set", "subflows", "99"));
            assertNotEquals(0, ip.status());
            assertEquals(Errno.EINVAL, e.errno());
            assertTrue(ip.err().contains("Error: " + e.extAck().message() + "."), ip.err() + " vs " + e);
            assertTrue(e.getMessage().contains("mptcp_pm SET_LIMITS"), e.getMessage());
            assertThrows(IllegalArgumentException.class, () -> pm.setLimits(null, null));
            assertThrows(IllegalArgumentException.class, () -> pm.setLimits(-1L, null));
        }
    }
}
