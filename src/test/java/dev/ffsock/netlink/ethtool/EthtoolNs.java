package dev.ffsock.netlink.ethtool;

import dev.ffsock.netlink.route.TestNetns;

import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A test namespace with a veth pair (v0, v1, both up), a bridge (br0) and a tap device (tap0), and
 * {@code ethtool} run inside it; the test aborts with the reason when ethtool or namespaces are missing.
 */
public final class EthtoolNs implements AutoCloseable {
    /** The namespace. */
    public final TestNetns ns;

    private EthtoolNs(TestNetns ns) {
        this.ns = ns;
    }

    /** {@return a namespace with the four devices} */
    public static EthtoolNs create(String prefix) throws IOException, InterruptedException {
        Assumptions.assumeTrue(TestNetns.exec(List.of("sh", "-c", "command -v ethtool")).status() == 0,
                "ethtool is not installed (Debian package ethtool; .ci/run installs it)");
        TestNetns ns = TestNetns.create(prefix);
        ns.ip("link", "add", "v0", "type", "veth", "peer", "name", "v1");
        ns.ip("link", "add", "br0", "type", "bridge");
        ns.ip("tuntap", "add", "tap0", "mode", "tap");
        ns.ip("link", "set", "v0", "up");
        ns.ip("link", "set", "v1", "up");
        return new EthtoolNs(ns);
    }

    /** Runs {@code ip netns exec NS ethtool ARGS…}; {@return its result, whatever the status} */
    public TestNetns.Result ethtool(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("ip", "netns", "exec", ns.name, "ethtool"));
        cmd.addAll(List.of(args));
        return TestNetns.exec(cmd);
    }

    /** Runs ethtool on the host (read-only queries only); {@return its result} */
    public static TestNetns.Result hostEthtool(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("ethtool"));
        cmd.addAll(List.of(args));
        return TestNetns.exec(cmd);
    }

    /** {@return the host's network devices (this process's namespace), by name} */
    public static List<String> hostDevices() throws IOException {
        try (java.util.stream.Stream<java.nio.file.Path> s = java.nio.file.Files.list(java.nio.file.Path.of("/sys/class/net"))) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Override
    public void close() throws IOException, InterruptedException {
        ns.close();
    }
}
