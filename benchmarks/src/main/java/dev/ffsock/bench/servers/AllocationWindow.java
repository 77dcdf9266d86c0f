package dev.ffsock.bench.servers;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;

/**
 * Measures the bytes all threads of this JVM allocate inside a window the load generator marks:
 * a {@code start} line on the input samples the sum of
 * {@link com.sun.management.ThreadMXBean#getThreadAllocatedBytes(long[])} over the live threads, an
 * {@code end} line samples it again and prints {@code window alloc=BYTES threads=N}. The thread that
 * reads the input and samples (this one) is left out of the sum: it does nothing else. Virtual threads'
 * allocations are counted in their carrier threads. A thread that ends inside the window takes its
 * bytes with it (none of the servers ends threads while serving).
 */
final class AllocationWindow {
    private AllocationWindow() {
    }

    /** Serves window requests from {@code in} until its end, answering on {@code out}. */
    static void serve(InputStream in, PrintStream out) throws IOException {
        com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        threads.setThreadAllocatedMemoryEnabled(true);
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII));
        long start = -1;
        for (String line; (line = r.readLine()) != null; ) {
            switch (line.trim()) {
                case "start" -> start = allocated(threads);
                case "end" -> {
                    long end = allocated(threads);
                    out.println("window alloc=" + (start < 0 ? -1 : end - start)
                            + " threads=" + threads.getThreadCount());
                    out.flush();
                    start = -1;
                }
                default -> {
                }
            }
        }
    }

    private static long allocated(com.sun.management.ThreadMXBean threads) {
        long me = Thread.currentThread().threadId();
        long[] ids = threads.getAllThreadIds();
        long[] bytes = threads.getThreadAllocatedBytes(ids);
        long sum = 0;
        for (int i = 0; i < ids.length; i++) {
            if (ids[i] != me && bytes[i] > 0) sum += bytes[i];
        }
        return sum;
    }
}
