package dev.ffsock.bench;

import dev.ffsock.Domain;
import dev.ffsock.SockOpt;
import dev.ffsock.Socket;
import dev.ffsock.Type;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

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
import java.util.concurrent.TimeUnit;

/**
 * Case getsockopt.so_type: the binding's own cost — getsockopt(SOL_SOCKET, SO_TYPE) on a UDP
 * socket, a syscall that does almost nothing, through ffsock (typed option and int form) and
 * through a bare FFM downcall handle built here with captureCallState("errno"), as a careful user
 * would write it by hand (once plain, once with Linker.Option.critical as well).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class GetsockoptCost {
    private static final int SOL_SOCKET = 1;
    private static final int SO_TYPE = 3;
    private static final Linker LINKER = Linker.nativeLinker();
    private static final FunctionDescriptor GETSOCKOPT_DESC = FunctionDescriptor.of(ValueLayout.JAVA_INT,
            ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.ADDRESS, ValueLayout.ADDRESS);
    private static final MemorySegment GETSOCKOPT_ADDR = LINKER.defaultLookup().find("getsockopt").orElseThrow();
    private static final MethodHandle GETSOCKOPT = LINKER.downcallHandle(GETSOCKOPT_ADDR, GETSOCKOPT_DESC,
            Linker.Option.captureCallState("errno"));
    private static final MethodHandle GETSOCKOPT_CRITICAL = LINKER.downcallHandle(GETSOCKOPT_ADDR, GETSOCKOPT_DESC,
            Linker.Option.captureCallState("errno"), Linker.Option.critical(false));
    private static final StructLayout CAPTURE = Linker.Option.captureStateLayout();
    private static final VarHandle ERRNO = CAPTURE.varHandle(MemoryLayout.PathElement.groupElement("errno"));

    /** One UDP socket and the native room a bare downcall needs, allocated once. */
    @State(Scope.Thread)
    public static class S {
        Socket socket;
        int fd;
        MemorySegment capture;
        MemorySegment value;
        MemorySegment length;
        private Arena arena;

        @Setup(Level.Trial)
        public void setUp() throws IOException {
            socket = Socket.open(Domain.AF_INET, Type.DGRAM);
            fd = socket.fd();
            arena = Arena.ofConfined();
            capture = arena.allocate(CAPTURE);
            value = arena.allocate(ValueLayout.JAVA_INT);
            length = arena.allocate(ValueLayout.JAVA_INT);
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            socket.close();
            arena.close();
        }
    }

    @Benchmark
    public Type ffsock(S s) throws IOException {
        return s.socket.getsockopt(SockOpt.SO_TYPE);
    }

    @Benchmark
    public int ffsock_int(S s) throws IOException {
        return s.socket.getsockoptInt(SOL_SOCKET, SO_TYPE);
    }

    @Benchmark
    public int bare_ffm(S s) throws Throwable {
        return bare(GETSOCKOPT, s);
    }

    @Benchmark
    public int bare_ffm_critical(S s) throws Throwable {
        return bare(GETSOCKOPT_CRITICAL, s);
    }

    private static int bare(MethodHandle h, S s) throws Throwable {
        s.length.set(ValueLayout.JAVA_INT, 0, 4);
        int r = (int) h.invokeExact(s.capture, s.fd, SOL_SOCKET, SO_TYPE, s.value, s.length);
        if (r != 0) throw new IOException("getsockopt: errno " + (int) ERRNO.get(s.capture, 0L));
        return s.value.get(ValueLayout.JAVA_INT, 0);
    }
}
