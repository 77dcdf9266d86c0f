package dev.ffsock.cli;

import dev.ffsock.netlink.route.TestNetns;
import dev.ffsock.testutil.JsonCompare;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code ffsock mptcp} in a test namespace against {@code ip mptcp}: the endpoint listing (text and
 * every {@code ip -j} key), changes made by ffsock as ip sees them, limits, usage errors (status 2)
 * and the kernel's refusals (status 1, with ip's ext-ack text).
 */
@Timeout(120)
class MptcpCommandTest {
    private TestNetns ns;

    @BeforeEach
    void namespace() throws Exception {
        ns = TestNetns.create("mptcp-cli");
        ns.ip("addr", "add", "10.0.0.9/24", "dev", "lo");
        ns.ip("addr", "add", "2001:db8::9/64", "dev", "lo", "nodad");
    }

    @AfterEach
    void cleanup() throws Exception {
        if (ns != null) ns.close();
    }

    private Cli.Result ffsock(String... args) {
        String[] all = new String[args.length + 3];
        all[0] = "mptcp";
        System.arraycopy(args, 0, all, 1, args.length);
        all[args.length + 1] = "--netns";
        all[args.length + 2] = ns.name;
        return Cli.run(all);
    }

    private void ok(Cli.Result r) {
        assertEquals(0, r.status(), r.toString());
    }

    @SuppressWarnings("unchecked")
    private void sameEndpoints() throws Exception {
        String ipJson = ns.ip("-j", "mptcp", "endpoint", "show").strip();
        Cli.Result mine = ffsock("endpoint", "show", "--json");
        ok(mine);
        List<Map<String, Object>> ip = dev.ffsock.testutil.Json.array(ipJson);
        List<Map<String, Object>> ours = dev.ffsock.testutil.Json.array(mine.out().strip());
        assertEquals(ip.size(), ours.size(), mine.out());
        for (int i = 0; i < ip.size(); i++) {
            JsonCompare.assertCovers(ours.get(i), ip.get(i), Set.of(), "endpoint " + i);
            assertEquals(ip.get(i).keySet(), ours.get(i).keySet(), "endpoint " + i);
        }
        assertEquals(ns.ip("mptcp", "endpoint", "show"), ffsock("endpoint").out(), "text");
    }

    @Test
    void endpointsAndLimitsAreIps() throws Exception {
        sameEndpoints();
        ok(ffsock("endpoint", "add", "10.0.0.1", "id", "3", "signal"));
        ok(ffsock("endpoint", "add", "10.0.0.2", "dev", "lo", "subflow", "backup"));
        ns.ip("mptcp", "endpoint", "add", "10.0.0.4", "subflow", "fullmesh");
        ok(ffsock("endpoint", "add", "10.0.0.9", "port", "1234", "signal"));
        ok(ffsock("endpoint", "add", "2001:db8::9", "id", "20", "signal", "backup"));
        sameEndpoints();
        assertEquals(ns.ip("mptcp", "endpoint", "show", "id", "20"), ffsock("endpoint", "show", "id", "20").out());
        ok(ffsock("endpoint", "del", "id", "3"));
        sameEndpoints();

        Cli.Result missing = ffsock("endpoint", "del", "id", "99");
        TestNetns.Result ip = TestNetns.exec(List.of("ip", "-n", ns.name, "mptcp", "endpoint", "del", "id", "99"));
        assertEquals(1, missing.status(), missing.toString());
        assertTrue(ip.err().startsWith("Error: address not found"), ip.err());
        assertTrue(missing.err().contains("EINVAL") && missing.err().contains("address not found"), missing.err());

        ok(ffsock("endpoint", "flush"));
        assertEquals("[]", ns.ip("-j", "mptcp", "endpoint", "show").strip());
        sameEndpoints();

        assertEquals(ns.ip("mptcp", "limits"), ffsock("limits").out());
        ok(ffsock("limits", "set", "subflows", "3", "add_addr_accepted", "4"));
        assertEquals(ns.ip("mptcp", "limits"), ffsock("limits", "show").out());
        assertEquals("{\"add_addr_accepted\":4,\"subflows\":3}\n", ffsock("limits", "--json").out());
        Cli.Result tooMany = ffsock("limits", "set", "subflows", "99");
        assertEquals(1, tooMany.status());
        assertTrue(tooMany.err().contains("limit greater than maximum (8)"), tooMany.err());
    }

    @Test
    void usageErrorsAreOneLine() {
        for (String[] bad : new String[][] {{"endpoint", "add", "not-an-ip"}, {"endpoint", "add", "10.0.0.1", "port", "80"},
            {"endpoint", "del"}, {"endpoint", "add", "10.0.0.1", "dev", "nosuchdev"}, {"limits", "set"}, {"route"},
            {"endpoint", "frob"}, {"endpoint", "add", "10.0.0.1", "id", "256"}}) {
            Cli.Result r = ffsock(bad);
            assertEquals(2, r.status(), String.join(" ", bad) + ": " + r);
            assertTrue(r.err().startsWith("ffsock: ") && r.err().strip().endsWith("(see 'ffsock help mptcp')")
                    && r.err().strip().lines().count() == 1, r.err());
        }
    }
}
