package dev.ffsock.netlink.netfilter;

import dev.ffsock.Domain;
import dev.ffsock.NetworkNamespace;
import dev.ffsock.Protocol;
import dev.ffsock.SockAddr;
import dev.ffsock.SockAddrIn;
import dev.ffsock.SockAddrIn6;
import dev.ffsock.Socket;
import dev.ffsock.Type;
import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * A network namespace for conntrack tests ({@code ffsock-ct-<random>}, deleted by {@link #close()}):
 * loopback up, accounting on ({@code net.netfilter.nf_conntrack_acct=1}), UDP and ICMP timeouts of
 * 300 s, and an nft ruleset that
 * makes conntrack track what the test sends: {@code ct state new counter} on output, mark 42 on UDP
 * to port 11, zone 7 (in a raw-priority chain) and label 3 on UDP to port 12, the FTP helper on TCP to port
 * 2121 (so that a PORT command makes an expectation). Traffic goes to the namespace's
 * own loopback from sockets opened inside it. Tests skip, with the reason, when there is no root,
 * no {@code conntrack} or {@code nft}, or the kernel refuses the ruleset.
 */
public final class ConntrackNetns implements AutoCloseable {
    /** The namespace's name. */
    public final String name;

    private ConntrackNetns(String name) {
        this.name = name;
    }

    /** The outcome of a command. */
    public record Result(int status, String out, String err) {
    }

    /**
     * Creates the namespace and its ruleset, or aborts the test with the reason it cannot.
     *
     * @return the namespace
     * @throws Exception if a command cannot be run
     */
    public static ConntrackNetns create() throws Exception {
        for (String tool : List.of("conntrack", "nft")) {
            Assumptions.assumeTrue(exec(List.of("sh", "-c", "command -v " + tool)).status == 0,
                    tool + " is not installed (.ci/run installs it; apt-get install " + (tool.equals("nft") ? "nftables" : tool) + ")");
        }
        String name = "ffsock-ct-" + Long.toHexString(ThreadLocalRandom.current().nextLong() & 0xffffffffL);
        Result r = exec(List.of("ip", "netns", "add", name));
        Assumptions.assumeTrue(r.status == 0, "cannot create a network namespace (ip netns add): " + r.err.strip());
        ConntrackNetns ns = new ConntrackNetns(name);
        try {
            ns.must("ip", "link", "set", "lo", "up");
            Result nft = ns.fed("""
                    table inet ffsock {
                      ct helper ftp { type "ftp" protocol tcp; }
                      chain raw { type filter hook output priority raw; udp dport 12 ct zone set 7; }
                      chain out {
                        type filter hook output priority filter; ct state new counter; udp dport 11 ct mark set 42;
                        tcp dport 2121 ct helper set "ftp"; udp dport 12 ct label set 3;
                      }
                    }
                    """, "nft", "-f", "-");
            Assumptions.assumeTrue(nft.status == 0, "the kernel refuses a conntrack nft ruleset: " + nft.err.strip());
            // accounting on; unreplied UDP and ICMP entries kept 300 s instead of 30, so that none
            // expires between two listings on a slow machine
            Result acct = ns.in("sysctl", "-qw", "net.netfilter.nf_conntrack_acct=1", "net.netfilter.nf_conntrack_udp_timeout=300",
                    "net.netfilter.nf_conntrack_icmp_timeout=300", "net.netfilter.nf_conntrack_icmpv6_timeout=300");
            Assumptions.assumeTrue(acct.status == 0, "cannot set the namespace's conntrack sysctls: " + acct.err.strip());
        } catch (Throwable t) {
            ns.close();
            throw t;
        }
        return ns;
    }

    /** Runs a command inside the namespace ({@code ip netns exec}); {@return its outcome} */
    public Result in(String... cmd) throws IOException, InterruptedException {
        return fed(null, cmd);
    }

    private Result fed(String stdin, String... cmd) throws IOException, InterruptedException {
        List<String> c = new ArrayList<>(List.of("ip", "netns", "exec", name));
        c.addAll(List.of(cmd));
        return exec(c, stdin);
    }

    /** Runs a command inside the namespace and fails unless it succeeds; {@return its stdout} */
    public String must(String... cmd) throws IOException, InterruptedException {
        Result r = in(cmd);
        if (r.status != 0) throw new AssertionError(String.join(" ", cmd) + " in " + name + ": status " + r.status + ": " + r.err);
        return r.out;
    }

    /** {@return the lines {@code conntrack ARGS} prints in the namespace (its summary on stderr left out)} */
    public List<String> conntrack(String... args) throws IOException, InterruptedException {
        List<String> c = new ArrayList<>(List.of("conntrack"));
        c.addAll(List.of(args));
        String out = must(c.toArray(String[]::new));
        return out.isEmpty() ? List.of() : List.of(out.split("\n"));
    }

    /**
     * Sends one UDP datagram from a socket opened in the namespace to its loopback.
     *
     * @param v6   to ::1 instead of 127.0.0.1
     * @param port the destination port
     * @return the source port
     */
    public int udp(boolean v6, int port) throws IOException {
        try (Socket s = NetworkNamespace.open(name, v6 ? Domain.AF_INET6 : Domain.AF_INET, Type.DGRAM, Protocol.UDP)) {
            SockAddr to = v6 ? SockAddrIn6.loopback(port) : SockAddrIn.loopback(port);
            s.sendto(new byte[] {1}, 0, 1, 0, to);
            SockAddr me = s.getsockname();
            return me instanceof SockAddrIn a ? a.port() : ((SockAddrIn6) me).port();
        }
    }

    /**
     * Makes a TCP connection to a listener in the namespace, exchanges a few bytes and closes it
     * (the entry goes to TIME_WAIT).
     *
     * @return the client's port
     */
    public int tcp() throws IOException {
        return tcp(0);
    }

    /**
     * As {@link #tcp()}, from a chosen client port.
     *
     * @param clientPort the client's port; 0 for one the kernel picks
     * @return the client's port
     */
    public int tcp(int clientPort) throws IOException {
        try (Socket l = NetworkNamespace.open(name, Domain.AF_INET, Type.STREAM, Protocol.TCP)) {
            l.bind(SockAddrIn.loopback(0));
            l.listen(1);
            try (Socket c = NetworkNamespace.open(name, Domain.AF_INET, Type.STREAM, Protocol.TCP)) {
                if (clientPort != 0) c.bind(SockAddrIn.loopback(clientPort));
                c.connect(l.getsockname());
                try (Socket a = l.accept()) {
                    c.send(new byte[] {1, 2}, 0, 2, 0);
                    a.recv(new byte[2], 0, 2, 0);
                    int port = ((SockAddrIn) c.getsockname()).port();
                    c.close();
                    a.close();
                    return port;
                }
            }
        }
    }

    /**
     * Opens an FTP control connection to a listener on 127.0.0.1:2121 in the namespace and sends
     * {@code USER} then {@code PORT 127,0,0,1,…} for {@code dataPort}: the kernel's FTP helper
     * makes an expectation for the data connection (it reads a command only after a line end it
     * has seen, hence USER first). The expectation lives while the returned connection is open.
     *
     * @param dataPort the port the PORT command names
     * @return the open connection; close it to end the test's use of it
     */
    public AutoCloseable ftp(int dataPort) throws IOException {
        Socket l = NetworkNamespace.open(name, Domain.AF_INET, Type.STREAM, Protocol.TCP);
        Socket c = null, a = null;
        try {
            l.bind(SockAddrIn.loopback(2121));
            l.listen(1);
            c = NetworkNamespace.open(name, Domain.AF_INET, Type.STREAM, Protocol.TCP);
            c.connect(l.getsockname());
            a = l.accept();
            line(a, c, "220 ffsock\r\n");
            line(c, a, "USER ffsock\r\n");
            line(a, c, "331 ok\r\n");
            line(c, a, "PORT 127,0,0,1," + (dataPort >> 8) + "," + (dataPort & 0xff) + "\r\n");
            line(a, c, "200 ok\r\n");
        } catch (IOException | RuntimeException e) {
            l.close();
            if (c != null) c.close();
            if (a != null) a.close();
            throw e;
        }
        Socket client = c, server = a;
        return () -> {
            client.close();
            server.close();
            l.close();
        };
    }

    /** Sends a line from one end and reads it whole at the other. */
    private static void line(Socket from, Socket to, String text) throws IOException {
        byte[] b = text.getBytes(StandardCharsets.US_ASCII);
        from.send(b, 0, b.length, 0);
        byte[] in = new byte[b.length];
        for (int n = 0; n < in.length; ) {
            int r = to.recv(in, n, in.length - n, 0);
            if (r <= 0) throw new IOException("connection closed");
            n += r;
        }
    }

    /** Sends one ICMP echo request with id {@code id} to 127.0.0.1 from a raw socket in the namespace. */
    public void ping(int id) throws IOException {
        try (Socket s = NetworkNamespace.open(name, Domain.AF_INET, Type.RAW, Protocol.ICMP)) {
            byte[] p = {8, 0, 0, 0, (byte) (id >> 8), (byte) id, 0, 1, 'f', 'f', 's', 'k'};
            int sum = 0;
            for (int i = 0; i < p.length; i += 2) sum += (p[i] & 0xff) << 8 | (p[i + 1] & 0xff);
            sum = (sum >> 16) + (sum & 0xffff);
            sum = ~(sum + (sum >> 16)) & 0xffff;
            p[2] = (byte) (sum >> 8);
            p[3] = (byte) sum;
            s.sendto(p, 0, p.length, 0, SockAddrIn.loopback(0));
        }
    }

    /** Sends one ICMPv6 echo request with id {@code id} to ::1 (the kernel fills in the checksum of raw ICMPv6). */
    public void ping6(int id) throws IOException {
        try (Socket s = NetworkNamespace.open(name, Domain.AF_INET6, Type.RAW, Protocol.ICMPV6)) {
            byte[] p = {(byte) 128, 0, 0, 0, (byte) (id >> 8), (byte) id, 0, 1, 'f', 'f', 's', 'k'};
            s.sendto(p, 0, p.length, 0, SockAddrIn6.loopback(0));
        }
    }

    static Result exec(List<String> cmd) throws IOException, InterruptedException {
        return exec(cmd, null);
    }

    static Result exec(List<String> cmd, String stdin) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).start();
        if (stdin != null) p.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
        p.getOutputStream().close();
        byte[] out = p.getInputStream().readAllBytes();
        byte[] err = p.getErrorStream().readAllBytes();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly().waitFor();
            throw new AssertionError("timed out: " + String.join(" ", cmd));
        }
        return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8), new String(err, StandardCharsets.UTF_8));
    }

    /** Deletes the namespace, and with it its conntrack table and ruleset. */
    @Override
    public void close() throws IOException, InterruptedException {
        Result r = exec(List.of("ip", "netns", "del", name));
        if (r.status != 0) System.err.println("ip netns del " + name + ": " + r.err);
    }
}
