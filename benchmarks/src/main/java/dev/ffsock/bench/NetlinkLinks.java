package dev.ffsock.bench;

import dev.ffsock.netlink.route.Addr;
import dev.ffsock.netlink.route.Link;
import dev.ffsock.netlink.route.Rtnetlink;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.Blackhole;

import java.io.IOException;
import java.net.InterfaceAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Case netlink.link_addr: every link and every address of this network namespace, as typed objects.
 * {@code ffsock}: {@link Rtnetlink#links()} + {@link Rtnetlink#addresses()} on one open connection
 * (an RTM_GETLINK and an RTM_GETADDR dump, decoded into {@link Link} and {@link Addr} records);
 * {@code jdk}: {@link NetworkInterface#getNetworkInterfaces()} collecting name, index, MTU, MAC and
 * the interface addresses (with prefix lengths) of every interface; {@code ip}: running
 * {@code ip -j addr} as a process and reading its JSON (not parsed). C: two dumps decoded into
 * structs. benchmarks/run runs this class on the host and in a namespace with 200 links.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class NetlinkLinks {

    /** An open Rtnetlink facade, reused by every operation. */
    public static class Ffsock extends Netns {
        Rtnetlink rt;

        @Setup(Level.Trial)
        public void setUp() throws IOException {
            rt = Rtnetlink.open();
            System.out.println("netlink.link_addr [" + net + "]: " + rt.links().size() + " links, "
                    + rt.addresses().size() + " addresses");
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            rt.close();
        }
    }

    /** One interface as the JDK sees it. */
    record JdkLink(String name, int index, int mtu, byte[] mac, List<InterfaceAddress> addresses) {
    }

    /** State for the process and JDK contenders. */
    public static class Plain extends Netns {
    }

    @Benchmark
    public int ffsock(Ffsock s, Blackhole bh) throws IOException {
        List<Link> links = s.rt.links();
        List<Addr> addrs = s.rt.addresses();
        bh.consume(links);
        bh.consume(addrs);
        return links.size() + addrs.size();
    }

    @Benchmark
    public List<JdkLink> jdk(Plain s) throws SocketException {
        List<JdkLink> out = new ArrayList<>();
        for (Enumeration<NetworkInterface> e = NetworkInterface.getNetworkInterfaces(); e.hasMoreElements(); ) {
            NetworkInterface i = e.nextElement();
            out.add(new JdkLink(i.getName(), i.getIndex(), i.getMTU(), i.getHardwareAddress(),
                    i.getInterfaceAddresses()));
        }
        return out;
    }

    @Benchmark
    public long ip(Plain s) throws IOException, InterruptedException {
        return s.run(List.of("ip", "-j", "addr"));
    }
}
