package dev.ffsock.cli;

import dev.ffsock.netlink.ethtool.EthtoolNs;
import dev.ffsock.netlink.route.TestNetns;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code ffsock ethtool} prints what {@code ethtool} prints, byte for byte: in a test namespace (veth,
 * bridge, tap) and read-only on the host's devices.
 */
class EthtoolCommandTest {
    private static EthtoolNs ns;

    @BeforeAll
    static void setUp() throws Exception {
        ns = EthtoolNs.create("ethtool-cli");
    }

    @AfterAll
    static void tearDown() throws Exception {
        if (ns != null) ns.close();
    }

    private static Cli.Result ffsock(String... args) {
        String[] all = new String[args.length + 3];
        all[0] = "ethtool";
        System.arraycopy(args, 0, all, 1, args.length);
        all[args.length + 1] = "--netns";
        all[args.length + 2] = ns.ns.name;
        return Cli.run(all);
    }

    private static void same(TestNetns.Result ethtool, Cli.Result ours, String what) {
        assertEquals(0, ethtool.status(), what + ": ethtool: " + ethtool.err());
        assertEquals(0, ours.status(), what + ": " + ours);
        assertEquals(ethtool.out(), ours.out(), what);
    }

    @Test
    void featuresJsonAndTextAreEthtools() throws Exception {
        for (String dev : List.of("v0", "v1", "br0", "tap0")) {
            same(ns.ethtool("--json", "-k", dev), ffsock("-k", dev, "--json"), "--json -k " + dev);
            same(ns.ethtool("-k", dev), ffsock("-k", dev), "-k " + dev);
        }
    }

    @Test
    void driverInfoChannelsCoalesceAndStatisticsAreEthtools() throws Exception {
        for (String dev : List.of("v0", "br0", "tap0")) same(ns.ethtool("-i", dev), ffsock("-i", dev), "-i " + dev);
        for (String dev : List.of("v0", "tap0")) same(ns.ethtool("-l", dev), ffsock("-l", dev), "-l " + dev);
        same(ns.ethtool("-c", "tap0"), ffsock("-c", "tap0"), "-c tap0");
        same(ns.ethtool("-S", "v0"), ffsock("-S", "v0"), "-S v0");
        Cli.Result none = ffsock("-S", "br0");
        assertEquals(1, none.status(), none.toString());
        assertEquals("no stats available\n", none.err());
    }

    @Test
    void setFeaturesAndChannelsAsEthtoolDoes() throws Exception {
        for (String v : List.of("on", "off")) {
            Cli.Result r = ffsock("-K", "v0", "gro", v, "rx-gro-list", v);
            assertEquals(0, r.status(), r.toString());
            assertEquals("", r.out());
            same(ns.ethtool("--json", "-k", "v0"), ffsock("-k", "v0", "--json"), "after -K gro " + v);
            assertTrue(ns.ethtool("-k", "v0").out().contains("generic-receive-offload: " + v + "\n"));
        }
        // a fixed feature: ethtool and ffsock both report it and fail
        TestNetns.Result theirs = ns.ethtool("-K", "v0", "loopback", "on");
        Cli.Result ours = ffsock("-K", "v0", "loopback", "on");
        assertEquals(theirs.out(), ours.out());
        assertEquals("Could not change any device features\n", ours.err());
        assertEquals(1, ours.status());
        assertEquals(0, ffsock("-L", "v0", "rx", "2").status());
        assertTrue(ns.ethtool("-l", "v0").out().endsWith("RX:\t\t2\nTX:\t\t1\nOther:\t\tn/a\nCombined:\tn/a\n"));
        Cli.Result tooMany = ffsock("-L", "v0", "rx", "99");
        assertEquals(1, tooMany.status(), tooMany.toString());
        assertTrue(tooMany.err().contains("EINVAL") && tooMany.err().contains("kernel:"), tooMany.err());
        assertEquals(0, ffsock("-L", "v0", "rx", "1").status());
        assertEquals(0, ffsock("-C", "tap0", "rx-frames", "7").status());
        same(ns.ethtool("-c", "tap0"), ffsock("-c", "tap0"), "-c tap0 after -C");
        assertTrue(ns.ethtool("-c", "tap0").out().contains("\nrx-frames: 7\n"));
        Cli.Result tx = ffsock("-C", "tap0", "tx-frames", "7");
        assertEquals(1, tx.status(), tx.toString());
        assertTrue(tx.err().contains("EINVAL") && tx.err().contains("kernel:"), tx.err());
        assertEquals(0, ffsock("-C", "tap0", "rx-frames", "0").status());
    }

    @Test
    void dependentChangesAreReportedAsEthtoolReportsThem() throws Exception {
        // turning TX checksumming off takes the segmentation offloads with it: "Actual changes:"
        Cli.Result ours = ffsock("-K", "v1", "tx", "off");
        TestNetns.Result back = ns.ethtool("-K", "v1", "tx", "on");
        assertEquals(0, back.status(), back.err());
        TestNetns.Result theirs = ns.ethtool("-K", "v1", "tx", "off");
        assertEquals(theirs.status(), ours.status(), ours.toString());
        assertTrue(ours.out().startsWith("Actual changes:\n") && ours.out().contains("[not requested]"), ours.out());
        assertEquals(theirs.out(), ours.out());
        same(ns.ethtool("--json", "-k", "v1"), ffsock("-k", "v1", "--json"), "after -K tx off");
        // and back on, from the same state ethtool turned it on from
        Cli.Result on = ffsock("-K", "v1", "tx", "on");
        assertEquals(back.out(), on.out());
        assertEquals(back.status(), on.status(), on.toString());
    }

    @Test
    void kernelRefusalsExit1WithErrnoAndExtAck() throws Exception {
        for (String opt : List.of("-g", "-a", "-c")) {
            Cli.Result r = ffsock(opt, "v0");
            assertEquals(1, r.status(), r.toString());
            assertTrue(r.err().startsWith("ffsock: ethtool ") && r.err().contains("EOPNOTSUPP"), r.err());
            assertEquals(1, r.err().lines().count(), r.err());
        }
        Cli.Result r = ffsock("-k", "nosuch0");
        assertEquals(1, r.status(), r.toString());
        assertTrue(r.err().contains("ENODEV") && r.err().contains("no device matches name"), r.err());
        for (String opt : List.of("-i", "-S")) {
            Cli.Result io = ffsock(opt, "nosuch0");
            assertEquals(1, io.status(), io.toString());
            assertTrue(io.err().contains("ioctl SIOCETHTOOL") && io.err().contains("ENODEV")
                    && io.err().contains("[nosuch0]"), io.err());
        }
    }

    @Test
    void usageErrorsExit2() {
        for (String[] args : new String[][] {{"v0"}, {"-g", "v0", "--json"}, {"-k"}, {"-k", "far-too-long-a-name"},
                {"-K", "v0", "gro"}, {"-K", "v0", "gro", "maybe"}, {"-K", "v0", "no-such-feature", "on"},
                {"-L", "v0", "rx", "x"}, {"-L", "v0", "bogus", "1"},
                {"-C", "tap0", "bogus", "1"}, {"-C", "tap0", "rx-frames", "-1"}, {"-C", "tap0", "adaptive-rx", "1"},
                {"-C", "tap0"}, {"-k", "v0", "extra"}, {"-k", "v0", "--bogus"}}) {
            Cli.Result r = ffsock(args);
            assertEquals(2, r.status(), String.join(" ", args) + ": " + r);
            assertTrue(r.err().startsWith("ffsock: ") && r.err().equals(r.err().lines().findFirst().orElse("") + "\n") && r.err().contains("(see 'ffsock help ethtool')"), r.err());
        }
    }

    @Test
    void hostDevicesReadOnly() throws Exception {
        List<String> devs = EthtoolNs.hostDevices();
        int compared = 0;
        for (String dev : devs) {
            for (String[] opt : new String[][] {{"-g"}, {"-c"}, {"-i"}, {"-l"}, {"--json", "-k"}, {"-k"}}) {
                TestNetns.Result theirs = EthtoolNs.hostEthtool(opt.length == 1 ? new String[] {opt[0], dev}
                        : new String[] {opt[0], opt[1], dev});
                if (theirs.status() != 0) continue;
                Cli.Result ours = opt.length == 1 ? Cli.run("ethtool", opt[0], dev) : Cli.run("ethtool", opt[1], dev, opt[0]);
                assertEquals(0, ours.status(), dev + " " + String.join(" ", opt) + ": " + ours);
                assertEquals(theirs.out(), ours.out(), dev + " " + String.join(" ", opt));
                compared++;
            }
            TestNetns.Result stats = EthtoolNs.hostEthtool("-S", dev);
            if (stats.status() == 0) {
                // counters move between the two runs: the names and their order must match
                Cli.Result ours = Cli.run("ethtool", "-S", dev);
                assertEquals(stats.out().replaceAll(": \\d+", ": N"), ours.out().replaceAll(": \\d+", ": N"), dev + " -S");
                compared++;
            }
        }
        assertTrue(compared > 0, "no host device answered ethtool");
    }
}
