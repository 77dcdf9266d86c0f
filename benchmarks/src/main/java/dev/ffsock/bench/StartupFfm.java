package dev.ffsock.bench;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.time.Instant;

/**
 * Case startup.first_socket, contender bare_ffm: what a careful hand-written FFM program pays for
 * the same three calls — socket(2), bind(2) to 127.0.0.1:0, close(2) — each linked here with
 * {@code Linker.Option.captureCallState("errno")} and checked, timed from main's first line in a
 * fresh JVM (see {@link StartupFfsock}).
 */
public final class StartupFfm {
    private StartupFfm() {}

    public static void main(String[] args) throws Throwable {
        long t0 = System.nanoTime();
        Linker linker = Linker.nativeLinker();
        Linker.Option errno = Linker.Option.captureCallState("errno");
        StructLayout stateLayout = Linker.Option.captureStateLayout();
        VarHandle errnoHandle = stateLayout.varHandle(MemoryLayout.PathElement.groupElement("errno"));
        ValueLayout.OfInt i = ValueLayout.JAVA_INT;
        MethodHandle socket = linker.downcallHandle(linker.defaultLookup().find("socket").orElseThrow(),
                FunctionDescriptor.of(i, i, i, i), errno);
        MethodHandle bind = linker.downcallHandle(linker.defaultLookup().find("bind").orElseThrow(),
                FunctionDescriptor.of(i, i, ValueLayout.ADDRESS, i), errno);
        MethodHandle close = linker.downcallHandle(linker.defaultLookup().find("close").orElseThrow(),
                FunctionDescriptor.of(i, i), errno);
        long t1, t2;
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = arena.allocate(stateLayout);
            int fd = (int) socket.invokeExact(state, 2 /* AF_INET */, 1 /* SOCK_STREAM */ | 0x80000 /* SOCK_CLOEXEC */, 0);
            if (fd < 0) throw new IOException("socket: errno " + (int) errnoHandle.get(state, 0L));
            t1 = System.nanoTime();
            MemorySegment sin = arena.allocate(16); // struct sockaddr_in, zeroed: port 0
            sin.set(ValueLayout.JAVA_SHORT, 0, (short) 2); // sin_family = AF_INET
            sin.set(ValueLayout.JAVA_INT_UNALIGNED.withOrder(ByteOrder.BIG_ENDIAN), 4, 0x7f000001); // 127.0.0.1
            if ((int) bind.invokeExact(state, fd, sin, 16) < 0) {
                throw new IOException("bind: errno " + (int) errnoHandle.get(state, 0L));
            }
            t2 = System.nanoTime();
            if ((int) close.invokeExact(state, fd) < 0) {
                throw new IOException("close: errno " + (int) errnoHandle.get(state, 0L));
            }
        }
        long t3 = System.nanoTime();
        report(t0, t1, t2, t3);
    }

    /**
     * Prints the line benchmarks/startup.py parses: {@code startup <main-to-socket ns> <epoch ns now>
     * <open ns> <bind ns> <close ns>}, where main-to-socket is {@code t3 - t0} and epoch ns now lets
     * the harness compute the time from its launch of the JVM.
     */
    static void report(long t0, long t1, long t2, long t3) {
        Instant now = Instant.now();
        long epochNs = now.getEpochSecond() * 1_000_000_000L + now.getNano();
        System.out.println("startup " + (t3 - t0) + " " + epochNs + " " + (t1 - t0) + " " + (t2 - t1) + " " + (t3 - t2));
    }
}
