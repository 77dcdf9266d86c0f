package dev.ffsock.bench;

import dev.ffsock.netlink.route.Route;
import dev.ffsock.netlink.route.RouteFilter;
import dev.ffsock.netlink.route.Rtnetlink;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.TearDown;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Case netlink.route: every route of every table and family ({@code ip route show table all}) of a
 * namespace that benchmarks/run filled with many blackhole routes (10,000 in quick and smoke runs,
 * 1,000,000 in careful runs; the {@code net} label says which). {@code ffsock}:
 * {@link Rtnetlink#routes(RouteFilter)} with {@link RouteFilter#ALL} into a list of {@link Route}
 * records; {@code ffsock_stream}: {@link Rtnetlink#forEachRoute} counting, keeping nothing;
 * {@code ip}: {@code ip -j route show table all} run as a process, its JSON read (not parsed). C:
 * one dump decoded into structs.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class NetlinkRoutes {

    /** An open Rtnetlink facade, reused by every operation. */
    public static class Ffsock extends Netns {
        Rtnetlink rt;
        long count;

        @Setup(Level.Trial)
        public void setUp() throws IOException {
            rt = Rtnetlink.open();
            long[] n = {0};
            rt.forEachRoute(RouteFilter.ALL, r -> n[0]++);
            System.out.println("netlink.route [" + net + "]: " + n[0] + " routes");
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
        return s.rt.routes(RouteFilter.ALL);
    }

    @Benchmark
    public long ffsock_stream(Ffsock s) throws IOException {
        s.count = 0;
        s.rt.forEachRoute(RouteFilter.ALL, r -> s.count++);
        return s.count;
    }

    @Benchmark
    public long ip(Plain s) throws IOException, InterruptedException {
        return s.run(List.of("ip", "-j", "route", "show", "table", "all"));
    }
}
