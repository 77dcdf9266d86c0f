package dev.ffsock.netlink.ethtool;

import dev.ffsock.Errno;
import dev.ffsock.ErrnoException;
import dev.ffsock.EthtoolDriverInfo;
import dev.ffsock.EthtoolStat;
import dev.ffsock.netlink.NetlinkException;
import dev.ffsock.netlink.route.TestNetns;
import dev.ffsock.testutil.Json;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The ethtool client against {@code ethtool} itself, on a veth pair, a bridge and a tap device in a test
 * namespace, and read-only on the host's devices.
 */
class EthtoolTest {
    private static EthtoolNs ns;
    private static Ethtool ethtool;

    @BeforeAll
    static void setUp() throws Exception {
        ns = EthtoolNs.create("ethtool");
        ethtool = Ethtool.open(ns.ns.name);
    }

    @AfterAll
    static void tearDown() throws Exception {
        if (ethtool != null) ethtool.close();
        if (ns != null) ns.close();
    }

    /** ethtool's "key: value" lines (tabs and the colon's padding dropped), last one wins. */
    static Map<String, String> lines(String text) {
        Map<String, String> m = new LinkedHashMap<>();
        for (String l : text.split("\n")) {
            int c = l.indexOf(':');
            if (c > 0) m.put(l.substring(0, c).strip(), l.substring(c + 1).strip());
        }
        return m;
    }

    private static String ok(TestNetns.Result r) {
        assertEquals(0, r.status(), r.err());
        return r.out();
    }

    @Test
    void featuresAreWhatEthtoolJsonShows() throws Exception {
        for (String dev : List.of("v0", "br0", "tap0")) {
            EthtoolFeatures f = ethtool.features(dev);
            assertEquals(dev, f.header().ifname());
            Map<String, Object> json = Json.array(ok(ns.ethtool("--json", "-k", dev)).strip()).getFirst();
            int compared = 0;
            for (EthtoolFeature each : f.features()) {
                @SuppressWarnings("unchecked")
                Map<String, Object> e = (Map<String, Object>) json.get(each.name());
                if (e == null) continue; // shown under its legacy name (the CLI test covers those)
                assertEquals(each.active(), e.get("active"), dev + " " + each.name());
                assertEquals(each.fixed(), e.get("fixed"), dev + " " + each.name());
                assertEquals(each.wanted(), e.get("requested"), dev + " " + each.name());
                compared++;
            }
            assertTrue(compared > 30, dev + ": only " + compared + " features compared");
        }
    }

    @Test
    void compactAndVerboseFeaturesAgree() throws Exception {
        for (String dev : List.of("v0", "tap0")) {
            assertEquals(ethtool.features(dev, true), ethtool.features(dev, false), dev);
        }
    }

    @Test
    void setFeaturesChangesWhatEthtoolShows() throws Exception {
        for (boolean on : new boolean[] {true, false}) {
            EthtoolFeatures after = ethtool.setFeatures("v0", Map.of("rx-gro", on));
            assertEquals(on, after.feature("rx-gro").orElseThrow().active());
            Map<String, Object> json = Json.array(ok(ns.ethtool("--json", "-k", "v0")).strip()).getFirst();
            @SuppressWarnings("unchecked")
            Map<String, Object> gro = (Map<String, Object>) json.get("generic-receive-offload");
            assertEquals(on, gro.get("active"));
            assertEquals(on, gro.get("requested"));
        }
    }

    @Test
    void badFeatureRequestsFailBeforeSending() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ethtool.setFeatures("v0", Map.of("no-such-feature", true)));
        assertTrue(e.getMessage().contains("no-such-feature"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ethtool.setFeatures("v0", Map.of()));
        assertThrows(IllegalArgumentException.class, () -> ethtool.features("a-name-far-too-long"));
        assertThrows(IllegalArgumentException.class, () -> ethtool.features(""));
        assertThrows(IllegalArgumentException.class, () -> ethtool.rings("a/b"));
    }

    @Test
    void noSuchDeviceIsEnodev() {
        NetlinkException e = assertThrows(NetlinkException.class, () -> ethtool.channels("nosuchdev0"));
        assertEquals(Errno.ENODEV, e.errno(), e.getMessage());
        assertTrue(e.getMessage().contains("CHANNELS_GET"), e.getMessage());
        ErrnoException io = assertThrows(ErrnoException.class, () -> ethtool.driverInfo("nosuchdev0"));
        assertEquals(Errno.ENODEV, io.errno(), io.getMessage());
    }

    @Test
    void channelsAreWhatEthtoolShowsAndChange() throws Exception {
        for (String dev : List.of("v0", "tap0")) {
            assertChannels(ethtool.channels(dev), ok(ns.ethtool("-l", dev)));
        }
        EthtoolChannels c = ethtool.setChannels("v0", 2L, null, null, null);
        assertEquals(2L, c.rx());
        assertChannels(c, ok(ns.ethtool("-l", "v0")));
        NetlinkException e = assertThrows(NetlinkException.class,
                () -> ethtool.setChannels("v0", 1000L, null, null, null));
        assertEquals(Errno.EINVAL, e.errno(), e.getMessage());
        assertFalse(e.kernelMessage() == null || e.kernelMessage().isEmpty(), "the kernel's ext-ack text: " + e);
        ethtool.setChannels("v0", 1L, null, null, null);
        assertThrows(IllegalArgumentException.class, () -> ethtool.setChannels("v0", null, null, null, null));
        assertThrows(IllegalArgumentException.class, () -> ethtool.setChannels("v0", -1L, null, null, null));
    }

    private static void assertChannels(EthtoolChannels c, String text) {
        // "Pre-set maximums:" then "Current hardware settings:", the same four keys under each
        String[] halves = text.split("Current hardware settings:");
        Map<String, String> max = lines(halves[0]), cur = lines(halves[1]);
        assertEquals(max.get("RX"), na(c.rxMax()));
        assertEquals(max.get("TX"), na(c.txMax()));
        assertEquals(max.get("Other"), na(c.otherMax()));
        assertEquals(max.get("Combined"), na(c.combinedMax()));
        assertEquals(cur.get("RX"), na(c.rx()));
        assertEquals(cur.get("TX"), na(c.tx()));
        assertEquals(cur.get("Other"), na(c.other()));
        assertEquals(cur.get("Combined"), na(c.combined()));
    }

    private static String na(Object v) {
        return v == null ? "n/a" : v.toString();
    }

    private static String onOff(Boolean v) {
        return v == null ? "n/a" : v ? "on" : "off";
    }

    @Test
    void coalesceIsWhatEthtoolShows() throws Exception {
        EthtoolCoalesce c = ethtool.coalesce("tap0");
        Map<String, String> m = lines(ok(ns.ethtool("-c", "tap0")));
        assertEquals(m.get("rx-frames"), na(c.rxMaxFrames()));
        assertEquals(m.get("rx-usecs"), na(c.rxUsecs()));
        assertEquals(m.get("tx-frames"), na(c.txMaxFrames()));
        assertEquals(m.get("sample-interval"), na(c.rateSampleInterval()));
    }

    @Test
    void setCoalesceChangesWhatEthtoolShows() throws Exception {
        for (long frames : new long[] {5, 0}) {
            EthtoolCoalesce c = ethtool.setCoalesce("tap0", EthtoolCoalesce.of(Map.of("rx-frames", frames)));
            assertEquals(frames, c.rxMaxFrames());
            assertEquals(Long.toString(frames), lines(ok(ns.ethtool("-c", "tap0"))).get("rx-frames"));
        }
        // tap has no TX coalescing: the kernel refuses with EINVAL and says why
        NetlinkException e = assertThrows(NetlinkException.class,
                () -> ethtool.setCoalesce("tap0", EthtoolCoalesce.of(Map.of("tx-frames", 5L))));
        assertEquals(Errno.EINVAL, e.errno(), e.getMessage());
        assertTrue(e.kernelMessage() != null && !e.kernelMessage().isEmpty(), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ethtool.setCoalesce("tap0", EthtoolCoalesce.of(Map.of())));
        assertThrows(IllegalArgumentException.class, () -> EthtoolCoalesce.of(Map.of("rx-frames", -1L)));
        assertThrows(IllegalArgumentException.class, () -> EthtoolCoalesce.of(Map.of("adaptive-rx", 1L)));
        assertThrows(IllegalArgumentException.class, () -> EthtoolCoalesce.of(Map.of("bogus", 1L)));
    }

    @Test
    void unsupportedOperationsAreTheKernelsEopnotsupp() throws Exception {
        record Op(String dev, String option, Call call) {
        }
        List<Op> ops = List.of(new Op("v0", "-g", () -> ethtool.rings("v0")),
                new Op("v0", "-c", () -> ethtool.coalesce("v0")),
                new Op("v0", "-a", () -> ethtool.pause("v0")),
                new Op("br0", "-l", () -> ethtool.channels("br0")),
                new Op("v0", "--show-eee", () -> ethtool.eee("v0")));
        for (Op op : ops) {
            TestNetns.Result r = ns.ethtool(op.option(), op.dev());
            assertTrue(r.status() != 0 && r.err().contains("Operation not supported"), op + ": " + r);
            NetlinkException e = assertThrows(NetlinkException.class, op.call()::run, op.toString());
            assertEquals(Errno.EOPNOTSUPP, e.errno(), e.getMessage());
        }
        // the loopback has no link settings: the kernel says so in its extended ack
        NetlinkException e = assertThrows(NetlinkException.class, () -> ethtool.linkModes("lo"));
        assertEquals(Errno.EOPNOTSUPP, e.errno(), e.getMessage());
        assertTrue(e.kernelMessage() != null && !e.kernelMessage().isEmpty(), "ext-ack text: " + e.getMessage());
        assertTrue(e.getMessage().contains(e.kernelMessage()) && e.getMessage().contains("LINKMODES_GET"), e.getMessage());
    }

    /** A call that should fail. */
    @FunctionalInterface
    interface Call {
        void run() throws IOException;
    }

    @Test
    void driverInfoIsWhatEthtoolShows() throws Exception {
        for (String dev : List.of("v0", "br0", "tap0")) {
            EthtoolDriverInfo d = ethtool.driverInfo(dev);
            Map<String, String> m = lines(ok(ns.ethtool("-i", dev)));
            assertEquals(m.get("driver"), d.driver(), dev);
            assertEquals(m.get("version"), d.version(), dev);
            assertEquals(m.get("firmware-version"), d.firmwareVersion(), dev);
            assertEquals(m.get("bus-info"), d.busInfo(), dev);
            assertEquals(m.get("supports-statistics"), d.statistics() > 0 ? "yes" : "no", dev);
        }
    }

    @Test
    void statisticsAreWhatEthtoolShows() throws Exception {
        List<EthtoolStat> stats = ethtool.statistics("v0");
        List<String> lines = new ArrayList<>();
        for (String l : ok(ns.ethtool("-S", "v0")).split("\n")) if (l.startsWith("     ")) lines.add(l.strip());
        assertEquals(lines.size(), stats.size());
        for (int i = 0; i < stats.size(); i++) {
            String name = lines.get(i).substring(0, lines.get(i).lastIndexOf(':'));
            assertEquals(name, stats.get(i).name());
        }
        String ifindexOfV1 = ns.ns.ip("-o", "link", "show", "v1").split(":")[0];
        assertEquals(ifindexOfV1, Long.toString(stats.getFirst().value()), "peer_ifindex is v1's index");
        assertEquals(List.of(), ethtool.statistics("br0"));
    }

    @Test
    void linkStateModesAndInfoAreWhatEthtoolShows() throws Exception {
        Map<String, String> m = lines(ok(ns.ethtool("v0")));
        EthtoolLinkState s = ethtool.linkState("v0");
        assertEquals(m.get("Link detected"), s.link() ? "yes" : "no");
        EthtoolLinkModes modes = ethtool.linkModes("v0");
        assertEquals(m.get("Speed"), modes.speed() == -1 ? "Unknown!" : modes.speed() + "Mb/s");
        assertEquals(m.get("Duplex"), switch (modes.duplex()) { case 0 -> "Half"; case 1 -> "Full"; default -> m.get("Duplex"); });
        assertEquals(m.get("Auto-negotiation"), modes.autoneg() == 1 ? "on" : "off");
        EthtoolLinkInfo info = ethtool.linkInfo("v0");
        assertEquals(m.get("PHYAD"), na(info.phyAddress()));
    }

    @Test
    void hostDevicesReadOnly() throws Exception {
        List<String> devs = EthtoolNs.hostDevices();
        int compared = 0;
        try (Ethtool host = Ethtool.open()) {
            for (String dev : devs) {
                TestNetns.Result g = EthtoolNs.hostEthtool("-g", dev);
                if (g.status() == 0) {
                    EthtoolRings r = host.rings(dev);
                    String[] halves = g.out().split("Current hardware settings:");
                    Map<String, String> max = lines(halves[0]), cur = lines(halves[1]);
                    assertEquals(max.get("RX"), na(r.rxMax()), dev);
                    assertEquals(max.get("TX"), na(r.txMax()), dev);
                    assertEquals(cur.get("RX"), na(r.rx()), dev);
                    assertEquals(cur.get("TX"), na(r.tx()), dev);
                    assertEquals(cur.get("TX Push"), onOff(r.txPush()), dev);
                    compared++;
                }
                TestNetns.Result i = EthtoolNs.hostEthtool("-i", dev);
                if (i.status() == 0) {
                    assertEquals(lines(i.out()).get("driver"), host.driverInfo(dev).driver(), dev);
                    compared++;
                }
                TestNetns.Result k = EthtoolNs.hostEthtool("--json", "-k", dev);
                if (k.status() == 0) {
                    Map<String, Object> json = Json.array(k.out().strip()).getFirst();
                    for (EthtoolFeature f : host.features(dev).features()) {
                        @SuppressWarnings("unchecked")
                        Map<String, Object> e = (Map<String, Object>) json.get(f.name());
                        if (e != null) assertEquals(f.active(), e.get("active"), dev + " " + f.name());
                    }
                    compared++;
                }
            }
        }
        assertTrue(compared > 0, "no host device answered ethtool");
    }
}
