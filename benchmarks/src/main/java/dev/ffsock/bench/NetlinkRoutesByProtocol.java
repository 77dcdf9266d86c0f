package dev.ffsock.bench;

import dev.ffsock.netlink.Netlink;
import dev.ffsock.netlink.route.Route;
import dev.ffsock.netlink.route.RouteCodec;
import dev.ffsock.netlink.route.RouteFilter;
import dev.ffsock.netlink.route.Rtnetlink;
import dev.ffsock.netlink.route.Rtnl;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.TearDown;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Case netlink.route_proto: the routes of protocol {@value #PROTOCOL} (half of the namespace's
 * routes; see {@link NetlinkRoutes}) as typed objects. {@code ffsock}:
 * {@link Rtnetlink#routes(RouteFilter)} with {@code RouteFilter.ALL.withProtocol(42)}, which sends
 * {@code rtm_protocol} on a strict-checking socket so the kernel filters (setup checks that every
 * reply carries NLM_F_DUMP_FILTERED and prints the result); {@code ffsock_java_filter}: the whole
 * dump decoded, filtered in Java; {@code ip}: {@code ip -j route show table all proto 42} as a
 * process. C: the kernel-filtered dump with {@code --protocol 42}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class NetlinkRoutesByProtocol {
    /** The protocol number benchmarks/run gives half of the routes. */
    public static final int PROTOCOL = 42;
    static final RouteFilter FILTER = RouteFilter.ALL.withProtocol(PROTOCOL);

    /** An open Rtnetlink facade, reused by every operation. */
    public static class Ffsock extends Netns {
        Rtnetlink rt;

        @Setup(Level.Trial)
        public void setUp() throws IOException {
            rt = Rtnetlink.open();
            long[] n = {0, 0, 0}; // routes, messages, messages marked NLM_F_DUMP_FILTERED
            rt.connection().dump(Rtnl.RTM_GETROUTE, RouteCodec.dumpRequest(0, 0, PROTOCOL, 0), m -> {
                n[1]++;
                if ((m.flags() & Netlink.NLM_F_DUMP_FILTERED) != 0) n[2]++;
                Route r = RouteCodec.decode(m);
                if (r != null && r.protocol().value() == PROTOCOL) n[0]++;
            });
            System.out.println("netlink.route_proto [" + net + "]: strict check " + rt.connection().strictCheck()
                    + ", " + n[1] + " messages for proto " + PROTOCOL + ", " + n[2] + " marked NLM_F_DUMP_FILTERED, "
                    + n[0] + " matching (" + (n[1] == n[0] && n[2] == n[1] ? "kernel filtered" : "NOT kernel filtered") + ")");
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            rt.close();
        }
    }

    /** State for the process contender. */
    public static class Plain extends Netns {
    }

    @Benchmark
    public List<Route> ffsock(Ffsock s) throws IOException {
        return s.rt.routes(FILTER);
    }

    @Benchmark
    public List<Route> ffsock_java_filter(Ffsock s) throws IOException {
        List<Route> all = s.rt.routes(RouteFilter.ALL);
        List<Route> out = new ArrayList<>();
        for (Route r : all) if (r.protocol().value() == PROTOCOL) out.add(r);
        return out;
    }

    @Benchmark
    public long ip(Plain s) throws IOException, InterruptedException {
        return s.run(List.of("ip", "-j", "route", "show", "table", "all", "proto", String.valueOf(PROTOCOL)));
    }
}
