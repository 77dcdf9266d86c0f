package dev.ffsock.internal;

import dev.ffsock.ErrnoException;
import dev.ffsock.internal.bindings.LinuxC;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;

/**
 * The io_uring part of the syscall layer: io_uring_setup(2), io_uring_enter(2) and
 * io_uring_register(2) (glibc has no wrappers: they go through syscall(2) with the numbers from
 * {@code <sys/syscall.h>}), and mmap(2)/munmap(2) for the rings. As in {@link Sys}, each method makes
 * one call, retries EINTR where the call may simply be made again, and throws {@link ErrnoException}.
 *
 * <p>None of these is a critical downcall: io_uring_enter may wait for completions, and even a
 * submission may do work inline.
 */
public final class UringSys {
    private UringSys() {
    }

    private static final ValueLayout.OfLong LONG = LinuxC.C_LONG;
    private static final int EINTR = LinuxC.EINTR();
    private static final long NR_SETUP = LinuxC.__NR_io_uring_setup();
    private static final long NR_ENTER = LinuxC.__NR_io_uring_enter();
    private static final long NR_REGISTER = LinuxC.__NR_io_uring_register();

    /**
     * syscall(2) with every argument passed as a long (the kernel truncates to the declared widths).
     * Linked as a fixed-argument function: on x86_64 and aarch64 Linux, integer arguments of a
     * variadic call travel exactly as fixed ones, and glibc's syscall (assembly) does not read the
     * x86_64 vector-count register. The variadic form kept a capture-state slice alive on every
     * io_uring_enter (about 40 bytes per call, measured by UringEchoTest); this one is allocation-free.
     */
    private static final class SYSCALL6 {
        static final MethodHandle H = Sys.blocking(LinuxC.syscall.address(),
                FunctionDescriptor.of(LONG, LONG, LONG, LONG, LONG, LONG, LONG, LONG));
    }
    private static final class MMAP {
        static final MethodHandle H = Sys.blocking(LinuxC.mmap$address(), LinuxC.mmap$descriptor());
    }
    private static final class MUNMAP {
        static final MethodHandle H = Sys.blocking(LinuxC.munmap$address(), LinuxC.munmap$descriptor());
    }

    private static long syscall(MemorySegment st, long nr, long a, long b, long c, long d, long e, long f) {
        try {
            return (long) SYSCALL6.H.invokeExact(st, nr, a, b, c, d, e, f);
        } catch (Throwable t) {
            throw Sys.unexpected(t);
        }
    }

    /** io_uring_setup(2): the ring's descriptor; {@code params} (struct io_uring_params) is filled in. */
    public static int setup(int entries, MemorySegment params) throws ErrnoException {
        MemorySegment st = Sys.state();
        long r;
        while ((r = syscall(st, NR_SETUP, entries, params.address(), 0, 0, 0, 0)) < 0
                && Sys.errno(st) == EINTR) { }
        if (r < 0) throw new ErrnoException("io_uring_setup", Sys.errno(st));
        return (int) r;
    }

    /**
     * io_uring_enter(2): the number of entries submitted, or {@link #INTERRUPTED} for EINTR (not
     * retried: a wait that close's signal interrupted must look at the ring's state before going on).
     *
     * @param arg  a sigset or (with IORING_ENTER_EXT_ARG) a struct io_uring_getevents_arg, or NULL
     * @param size the size of {@code arg}
     */
    public static int enter(int fd, int toSubmit, int minComplete, int flags, MemorySegment arg, long size)
            throws ErrnoException {
        MemorySegment st = Sys.state();
        long r = syscall(st, NR_ENTER, fd, toSubmit, minComplete, flags, arg.address(), size);
        if (r < 0) {
            int e = Sys.errno(st);
            if (e == EINTR) return INTERRUPTED;
            throw new ErrnoException("io_uring_enter", e);
        }
        return (int) r;
    }

    /** io_uring_register(2): the call's result. */
    public static int register(int fd, int opcode, MemorySegment arg, int nrArgs) throws ErrnoException {
        MemorySegment st = Sys.state();
        long r;
        while ((r = syscall(st, NR_REGISTER, fd, opcode, arg.address(), nrArgs, 0, 0)) < 0
                && Sys.errno(st) == EINTR) { }
        if (r < 0) throw new ErrnoException("io_uring_register", Sys.errno(st));
        return (int) r;
    }

    /** mmap(2) of {@code length} bytes of {@code fd} at {@code offset}, shared, read-write: the mapping's address. */
    public static long mmapShared(int fd, long length, long offset) throws ErrnoException {
        MemorySegment st = Sys.state();
        try {
            MemorySegment p = (MemorySegment) MMAP.H.invokeExact(st, MemorySegment.NULL, length,
                    LinuxC.PROT_READ() | LinuxC.PROT_WRITE(), LinuxC.MAP_SHARED() | LinuxC.MAP_POPULATE(), fd, offset);
            if (p.address() == -1L) throw new ErrnoException("mmap", Sys.errno(st));
            return p.address();
        } catch (ErrnoException e) {
            throw e;
        } catch (Throwable t) {
            throw Sys.unexpected(t);
        }
    }

    /** munmap(2). */
    public static void munmap(long address, long length) throws ErrnoException {
        MemorySegment st = Sys.state();
        try {
            int r = (int) MUNMAP.H.invokeExact(st, MemorySegment.ofAddress(address), length);
            if (r < 0) throw new ErrnoException("munmap", Sys.errno(st));
        } catch (ErrnoException e) {
            throw e;
        } catch (Throwable t) {
            throw Sys.unexpected(t);
        }
    }

    /** What {@link #enter} returns when a signal interrupted it. */
    public static final int INTERRUPTED = -1;
}
