package dev.ffsock.netlink.ethtool;

import dev.ffsock.Errno;
import dev.ffsock.netlink.NetlinkException;
import dev.ffsock.netlink.route.TestNetns;
import dev.ffsock.testutil.Json;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The ethtool leftovers against {@code ethtool} on veth and tap devices in a test namespace: standard
 * statistics ({@code STATS_GET}) group by group and counter by counter as {@code ethtool --json -S DEV
 * --all-groups} (or {@code --groups}) reports them, and ring, pause and EEE changes, which these devices
 * refuse: the kernel's errno and ext-ack text, and ethtool refusing the same.
 */
class EthtoolStatsSetTest {
    private static EthtoolNs ns;
    private static Ethtool ethtool;

    @BeforeAll
    static void setUp() throws Exception {
        ns = EthtoolNs.create("ethtool-set");
        ethtool = Ethtool.open(ns.ns.name);
    }

    @AfterAll
    static void tearDown() throws Exception {
        if (ethtool != null) ethtool.close();
        if (ns != null) ns.close();
    }

    /** ethtool's JSON object for {@code -S DEV ARGS}, without "ifname". */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> ethtoolStats(String dev, String... groupArgs) throws Exception {
        List<String> a = new ArrayList<>(List.of("--json", "-S", dev));
        a.addAll(List.of(groupArgs));
        TestNetns.Result r = ns.ethtool(a.toArray(String[]::new));
        assertEquals(0, r.status(), r.err());
        Map<String, Object> o = Json.array(r.out().strip()).getFirst();
        assertEquals(dev, o.remove("ifname"));
        return o;
    }

    private static void assertSame(Map<String, Object> tool, EthtoolStandardStats mine) {
        assertEquals(List.copyOf(tool.keySet()), mine.groups().stream().map(EthtoolStatsGroup::name).toList(), "groups");
        for (EthtoolStatsGroup g : mine.groups()) {
            @SuppressWarnings("unchecked")
            Map<String, Object> counters = (Map<String, Object>) tool.get(g.name());
            assertEquals(counters.keySet(), g.counters().keySet(), g.name());
            for (var e : g.counters().entrySet()) assertEquals(counters.get(e.getKey()), e.getValue(), g.name() + " " + e.getKey());
            assertTrue(g.rxHistogram().isEmpty() && g.txHistogram().isEmpty(), "histograms ethtool did not show");
        }
    }

    @Test
    void standardStatisticsAreEthtools() throws Exception {
        List<String> names = ethtool.statsGroupNames();
        assertTrue(names.containsAll(List.of("eth-phy", "eth-mac", "eth-ctrl", "rmon")), names.toString());
        for (String dev : List.of("v0", "tap0")) {
            EthtoolStandardStats all = ethtool.standardStatistics(dev, List.of());
            assertEquals(dev, all.header().ifname());
            assertSame(ethtoolStats(dev, "--all-groups"), all);
            assertSame(ethtoolStats(dev, "--groups", "eth-mac", "rmon"), ethtool.standardStatistics(dev, List.of("eth-mac", "rmon")));
        }
        assertThrows(IllegalArgumentException.class, () -> ethtool.standardStatistics("v0", List.of("no-such-group")));
        NetlinkException e = assertThrows(NetlinkException.class, () -> ethtool.standardStatistics("nosuchdev0", List.of()));
        assertEquals(Errno.ENODEV, e.errno());
    }

    /** The kernel refuses {@code call}; ethtool refuses {@code args} the same way. */
    private static void refusedLikeEthtool(Executable call, String... args) throws Exception {
        NetlinkException e = assertThrows(NetlinkException.class, call);
        TestNetns.Result tool = ns.ethtool(args);
        assertNotEquals(0, tool.status(), String.join(" ", args));
        assertEquals(Errno.EOPNOTSUPP, e.errno(), e.getMessage());
        assertTrue(e.getMessage().contains("Operation not supported"), e.getMessage());
        assertTrue(tool.err().contains("Operation not supported"), tool.err());
        String text = e.extAck() == null ? null : e.extAck().message();
        if (text != null) assertTrue(tool.err().contains(text), "ethtool shows the kernel's text '" + text + "': " + tool.err());
    }

    @Test
    void ringsPauseAndEeeChangesAreRefusedAsEthtoolIsRefused() throws Exception {
        for (String dev : List.of("v0", "tap0")) {
            refusedLikeEthtool(() -> ethtool.setRings(dev, 100L, null, null, null), "-G", dev, "rx", "100");
            refusedLikeEthtool(() -> ethtool.setPause(dev, null, true, null), "-A", dev, "rx", "on");
            refusedLikeEthtool(() -> ethtool.setEee(dev, false, null, null), "--set-eee", dev, "eee", "off");
        }
        assertThrows(IllegalArgumentException.class, () -> ethtool.setRings("v0", null, null, null, null));
        assertThrows(IllegalArgumentException.class, () -> ethtool.setRings("v0", -1L, null, null, null));
        assertThrows(IllegalArgumentException.class, () -> ethtool.setPause("v0", null, null, null));
        assertThrows(IllegalArgumentException.class, () -> ethtool.setEee("v0", null, null, 1L << 32));
    }
}
