package dev.ffsock.cli;

import dev.ffsock.netlink.ethtool.EthtoolNs;
import dev.ffsock.netlink.route.TestNetns;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code ffsock ethtool -S --all-groups|--groups} prints what ethtool prints byte for byte (text and
 * {@code --json}) on veth and tap devices in a test namespace; {@code -G}, {@code -A} and {@code --set-eee}
 * are refused by these devices with the kernel's error (status 1) exactly when ethtool is refused;
 * bad arguments are usage errors (status 2).
 */
class EthtoolSetStatsCommandTest {
    private static EthtoolNs ns;

    @BeforeAll
    static void setUp() throws Exception {
        ns = EthtoolNs.create("ethtool-cli2");
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

    private static void same(String... args) throws Exception {
        TestNetns.Result tool = ns.ethtool(args);
        Cli.Result ours = ffsock(args);
        String what = String.join(" ", args);
        assertEquals(0, tool.status(), what + ": ethtool: " + tool.err());
        assertEquals(0, ours.status(), what + ": " + ours);
        assertEquals(tool.out(), ours.out(), what);
    }

    @Test
    void standardStatisticsAreEthtools() throws Exception {
        for (String dev : List.of("v0", "tap0")) {
            same("-S", dev, "--all-groups");
            same("--json", "-S", dev, "--all-groups");
            same("-S", dev, "--groups", "eth-mac", "rmon");
            same("--json", "-S", dev, "--groups", "eth-ctrl");
        }
    }

    @Test
    void setsAreRefusedAsEthtoolIsRefused() throws Exception {
        for (String dev : List.of("v0", "tap0")) {
            for (String[] args : new String[][] {{"-G", dev, "rx", "100"}, {"-A", dev, "rx", "on", "tx", "off"},
                {"--set-eee", dev, "eee", "off"}}) {
                TestNetns.Result tool = ns.ethtool(args);
                Cli.Result ours = ffsock(args);
                assertNotEquals(0, tool.status(), String.join(" ", args));
                assertTrue(tool.err().contains("Operation not supported"), tool.err());
                assertEquals(1, ours.status(), ours.toString());
                assertTrue(ours.err().contains("EOPNOTSUPP (Operation not supported)"), ours.err());
            }
        }
    }

    @Test
    void badArgumentsAreUsageErrors() {
        for (String[] bad : new String[][] {{"-G", "v0"}, {"-G", "v0", "rx"}, {"-G", "v0", "rx", "-1"}, {"-G", "v0", "big", "1"},
            {"-A", "v0", "rx", "maybe"}, {"--set-eee", "v0", "advertise", "0x20"}, {"-S", "v0", "--groups"},
            {"-S", "v0", "--groups", "no-such-group"}, {"-S", "v0", "extra"}, {"-g", "v0", "--all-groups"},
            {"--json", "-G", "v0", "rx", "1"}}) {
            Cli.Result r = ffsock(bad);
            assertEquals(2, r.status(), String.join(" ", bad) + ": " + r);
            assertTrue(r.err().strip().endsWith("(see 'ffsock help ethtool')") && r.err().strip().lines().count() == 1, r.err());
        }
    }
}
