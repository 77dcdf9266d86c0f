package dev.ffsock.netlink.route;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;

/**
 * A test network namespace populated with {@code ip} commands: a veth pair, a bridge with a veth
 * enslaved, a veth whose peer is in a second namespace (link_netnsid), IPv4/IPv6 addresses with
 * labels, a peer and lifetimes, routes in several tables (multipath, blackhole, unreachable,
 * prohibit, metrics, RTA_VIA, preference) and permanent neighbours. {@link #close()} deletes both
 * namespaces.
 */
public final class PopulatedNetns implements AutoCloseable {
    /** The populated namespace's name. */
    public final String name;
    /** The second namespace (holds one veth peer). */
    public final String other;

    private PopulatedNetns(String name, String other) {
        this.name = name;
        this.other = other;
    }

    /** Creates and populates the namespaces, or aborts the test with the reason the kernel gave. */
    public static PopulatedNetns create(String test) throws Exception {
        String suffix = Integer.toHexString(ThreadLocalRandom.current().nextInt(0x10000000, 0x7fffffff));
        PopulatedNetns ns = new PopulatedNetns("ffsock-" + test + "-" + suffix, "ffsock-" + test + "-o" + suffix);
        String add = run("ip", "netns", "add", ns.name);
        if (add != null) Assumptions.abort("cannot create a network namespace: " + add);
        try {
            String err = run("ip", "netns", "add", ns.other);
            if (err != null) Assumptions.abort("cannot create a second network namespace: " + err);
            for (String cmd : SETUP) {
                String e = run(("ip -n " + ns.name + " " + cmd.replace("OTHER", ns.other)).split(" "));
                if (e != null) {
                    if (cmd.startsWith("link add")) Assumptions.abort("kernel refused '" + cmd + "': " + e);
                    throw new IllegalStateException("ip -n NS " + cmd + ": " + e);
                }
            }
            return ns;
        } catch (Throwable t) {
            ns.close();
            throw t;
        }
    }

    private static final String[] SETUP = {
        "link set lo up",
        "link add veth0 type veth peer name veth1",
        "link add br0 type bridge",
        "link set veth1 master br0",
        "link add vx0 type veth peer name vx1 netns OTHER",
        "link set veth0 up",
        "link set veth1 up",
        "link set br0 up",
        "link set vx0 up",
        "link set veth0 alias ffsock-test-alias",
        "link property add dev veth0 altname ffsock-veth0-alternative-name",
        "addr add 192.0.2.1/24 dev veth0 label veth0:one",
        "addr add 192.0.2.2/24 dev veth0",
        "addr add 203.0.113.1 peer 203.0.113.2/32 dev vx0",
        "addr add 198.51.100.1/24 brd + dev br0 valid_lft 3600 preferred_lft 1800",
        "addr add 2001:db8:1::1/64 dev veth0 nodad",
        "addr add 2001:db8:2::1/64 dev br0 nodad valid_lft 3600 preferred_lft 1800",
        "addr add 2001:db8:3::1/64 dev br0 nodad noprefixroute metric 77",
        "route add default via 192.0.2.254 dev veth0",
        "route add 203.0.113.0/25 via 192.0.2.253 dev veth0 metric 50 mtu 1400 advmss 1360 proto static",
        "route add blackhole 203.0.113.128/26 table 100",
        "route add unreachable 203.0.113.192/27 table 100",
        "route add prohibit 203.0.113.224/28 table 1000",
        "route add 198.51.100.128/25 table 100 nexthop via 192.0.2.10 dev veth0 weight 2 nexthop via 198.51.100.10 dev br0 weight 1",
        "route add 203.0.113.240/29 via inet6 2001:db8:1::ff dev veth0 table 100",
        "route add 203.0.113.248/30 dev veth0 proto 42 scope link src 192.0.2.1 table 100",
        "route add 203.0.113.252/32 dev veth0 tos 0x10 metric 7 table 100 mtu lock 1300 hoplimit 5 window 1000",
        "-6 route add 2001:db8:99::/48 via 2001:db8:1::ff dev veth0 metric 10 mtu 1400 hoplimit 32 pref high",
        "-6 route add 2001:db8:98::/48 table 100 nexthop via 2001:db8:1::fe dev veth0 nexthop via 2001:db8:2::fe dev br0",
        "-6 route add blackhole 2001:db8:97::/48 table 100",
        "-6 route add unreachable 2001:db8:96::/48",
        "-6 route add prohibit 2001:db8:95::/48 table 1000",
        "-6 route add 2001:db8:94::/48 via 2001:db8:1::ff dev veth0 expires 3600",
        "-6 route add 2001:db8:93::1/128 dev br0 proto ra pref low",
        "neigh add 192.0.2.250 lladdr 02:00:00:00:00:fa dev veth0 nud permanent",
        "neigh add 2001:db8:1::ff lladdr 02:00:00:00:00:ff dev veth0 nud permanent router",
        "neigh add 198.51.100.9 lladdr 02:00:00:00:00:09 dev br0 nud reachable",
        "neigh add 198.51.100.8 lladdr 02:00:00:00:00:08 dev br0 nud noarp",
    };

    /** Runs a command; {@return null on success, else its error output} */
    public static String run(String... cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        if (!p.waitFor(20, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return "timed out: " + String.join(" ", cmd);
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return p.exitValue() == 0 ? null : out.strip() + " (exit " + p.exitValue() + ")";
    }

    /** Runs a command and {@return its standard output}, failing on a non-zero exit. */
    public static String output(String... cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(20, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException("timed out: " + String.join(" ", cmd));
        }
        if (p.exitValue() != 0) throw new IOException(String.join(" ", cmd) + ": exit " + p.exitValue());
        return new String(out, StandardCharsets.UTF_8);
    }

    /** {@return {@code ip -n NAME args...} as a command line} */
    public String[] ip(String... args) {
        List<String> c = new ArrayList<>(List.of("ip", "-n", name));
        c.addAll(List.of(args));
        return c.toArray(String[]::new);
    }

    /** Deletes both namespaces. */
    @Override
    public void close() throws IOException, InterruptedException {
        run("ip", "netns", "del", name);
        run("ip", "netns", "del", other);
    }
}
