package dev.ffsock.netlink.route;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * 100,000 routes in a namespace, dumped through the streaming API without keeping them: the count
 * must equal what {@code ip -4 route show table all} prints, and the heap retained after the dump
 * must not have grown with the count.
 *
 * <p>The routes are IPv4 /32 blackholes in 198.18.0.0/15 (the benchmarking range), loaded with
 * {@code ip -batch}. Both sides count IPv4 routes of every table (main, local — the loopback's
 * local and broadcast routes — and any other); IPv6 is left out of both.
 *
 * <p>Memory: keeping 100,000 {@link Route} records would retain well over 10 MB (each record has 26
 * fields and its own {@code InetAddress}: 150+ bytes). The test measures the heap in use after a
 * full GC before and after the dump and requires the growth to stay under 4 MB, which only a
 * dump that keeps nothing per route can meet.
 */
class RouteDumpScaleTest {
    private static final int ROUTES = 100_000;

    private static long retainedHeap() throws InterruptedException {
        long best = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(20);
            Runtime rt = Runtime.getRuntime();
            best = Math.min(best, rt.totalMemory() - rt.freeMemory());
        }
        return best;
    }

    @Test
    void hundredThousandRoutesStreamInBoundedMemory() throws Exception {
        Path batch = Files.createTempFile("ffsock-routes", ".batch");
        try (TestNetns ns = TestNetns.create("chg")) {
            StringBuilder sb = new StringBuilder(ROUTES * 40);
            for (int i = 0; i < ROUTES; i++) {
                // 198.18.0.0 + i: spans 198.18.0.0 .. 198.19.134.159, inside 198.18.0.0/15
                int a = (198 << 24) | (18 << 16) | i;
                sb.append("route add blackhole ").append((a >>> 24) & 255).append('.').append((a >>> 16) & 255).append('.')
                        .append((a >>> 8) & 255).append('.').append(a & 255).append("/32\n");
            }
            Files.writeString(batch, sb);
            sb = null;
            ns.ip("-batch", batch.toString());

            String shown = ns.ip("-4", "route", "show", "table", "all");
            long ipCount = shown.lines().count();
            shown = null;
            assertTrue(ipCount >= ROUTES, "ip shows " + ipCount + " routes");

            LongAdder count = new LongAdder();
            LongAdder blackholes = new LongAdder();
            try (Rtnetlink rt = Rtnetlink.open(ns.name)) {
                RouteFilter v4 = RouteFilter.ALL.withFamily(ChangeChecks.AF_INET);
                // a first, small dump warms up the code paths so that class loading is not measured
                rt.forEachRoute(v4.withTable(Rtnl.RT_TABLE_LOCAL), r -> { });
                long before = retainedHeap();
                rt.forEachRoute(v4, r -> {
                    count.increment();
                    if (r.type().value() == Rtnl.RTN_BLACKHOLE) blackholes.increment();
                });
                long after = retainedHeap();
                long grown = after - before;
                System.out.println("dumped " + count.sum() + " IPv4 routes; heap retained before " + before / 1024
                        + " KiB, after " + after / 1024 + " KiB");
                assertEquals(ipCount, count.sum(), "routes dumped vs ip -4 route show table all");
                assertEquals(ROUTES, blackholes.sum(), "the blackholes loaded");
                assertTrue(grown < 4L << 20, "heap retained grew by " + grown / 1024 + " KiB over the dump");

                // the list form agrees (and does keep them all)
                List<Route> all = rt.routes(v4);
                assertEquals(ipCount, all.size());
            }
        } finally {
            Files.deleteIfExists(batch);
        }
    }
}
