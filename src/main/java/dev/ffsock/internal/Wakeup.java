package dev.ffsock.internal;

import dev.ffsock.ErrnoException;
import dev.ffsock.internal.bindings.LinuxC;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * How {@link FdGuard#close()} reaches a platform thread blocked in the kernel on a descriptor being
 * closed, without changing the open file for anyone else who holds it (another process, a
 * duplicated descriptor):
 *
 * <ol>
 *   <li>{@link #detach(int)}: dup3(2) a <em>dead</em> descriptor (one end of a socket pair whose
 *       other end is closed) over the number. Only this process's descriptor-table slot changes: the
 *       real open file loses one reference and is left as it was for its other holders. A call that
 *       enters the kernel on the number from now on meets the dead socket and returns at once (end of
 *       file, EPIPE, EINVAL, POLLHUP).</li>
 *   <li>{@link #signal(long)}: a thread already inside a call on the real file gets a signal whose
 *       handler does nothing, so the call returns EINTR (or is restarted, which re-reads the number
 *       and so meets the dead socket).</li>
 * </ol>
 *
 * This is the JDK's own method for its blocking channels. The signal is the one the JDK uses for
 * the same purpose, SIGRTMAX-2; if some handler is already installed for it (the JDK's), it is kept,
 * otherwise ffsock installs libc's {@code abs(3)} as the handler — a function that takes the signal
 * number, touches nothing and is async-signal-safe, i.e. the do-nothing handler that cannot otherwise
 * be had without native code — with no SA_RESTART and an empty mask.
 */
public final class Wakeup {
    private Wakeup() {
    }

    /*
     * struct sigaction on LP64 glibc (x86_64 and aarch64 alike): sa_handler (a pointer; a union with
     * sa_sigaction), sa_mask (sigset_t, 128 bytes), sa_flags (int), sa_restorer. Checked against gcc by
     * BindingsProbeTest.
     */
    /** sizeof(struct sigaction). */
    public static final long SIGACTION_SIZE = 152;
    /** offsetof(struct sigaction, sa_handler). */
    public static final long SA_HANDLER_OFFSET = 0;
    /** offsetof(struct sigaction, sa_mask). */
    public static final long SA_MASK_OFFSET = 8;
    /** offsetof(struct sigaction, sa_flags). */
    public static final long SA_FLAGS_OFFSET = 136;
    /** The handler values SIG_DFL and SIG_IGN. */
    public static final long SIG_DFL = 0;
    public static final long SIG_IGN = 1;

    private static final class Holder {
        static final int SIGNAL;
        static final int DEAD_FD;

        static {
            try {
                SIGNAL = Sys.sigrtmax() - 2;
                installHandler(SIGNAL);
                MemorySegment sv = Arena.ofAuto().allocate(8, 4);
                Sys.socketpair(LinuxC.AF_UNIX(), LinuxC.SOCK_STREAM() | LinuxC.SOCK_CLOEXEC(), 0, sv);
                DEAD_FD = sv.get(ValueLayout.JAVA_INT, 0);
                int other = sv.get(ValueLayout.JAVA_INT, 4);
                nameDeadSocket(DEAD_FD);
                // Both calls close uses, made once here so that their handles are linked before any
                // close needs them: dup3 over the other end (then closed), and signal 0 (no signal).
                Sys.dup3(DEAD_FD, other, LinuxC.O_CLOEXEC());
                Sys.close(other);
                Sys.pthreadKill(Sys.pthreadSelf(), 0);
            } catch (ErrnoException e) {
                throw new ExceptionInInitializerError(e);
            }
        }
    }

    /** The abstract name the dead socket is bound to, so that ss and /proc/net/unix say what it is. */
    public static final String DEAD_SOCKET_NAME_PREFIX = "ffsock-closed-";

    private static void nameDeadSocket(int fd) {
        byte[] name = (DEAD_SOCKET_NAME_PREFIX + ProcessHandle.current().pid() + "-"
                + Long.toHexString(System.nanoTime())).getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment addr = arena.allocate(Structs.SockaddrUn.SIZE, 8);
            addr.set(ValueLayout.JAVA_SHORT, Structs.SockaddrUn.FAMILY, (short) LinuxC.AF_UNIX());
            MemorySegment.copy(name, 0, addr, ValueLayout.JAVA_BYTE, Structs.SockaddrUn.PATH + 1, name.length);
            Sys.bind(fd, addr, (int) Structs.SockaddrUn.PATH + 1 + name.length);
        } catch (ErrnoException e) {
            // Only a label: an unnamed dead socket works the same.
        }
    }

    private static void installHandler(int sig) throws ErrnoException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment old = arena.allocate(SIGACTION_SIZE, 8);
            Sys.sigaction(sig, MemorySegment.NULL, old);
            long handler = old.get(ValueLayout.JAVA_LONG, SA_HANDLER_OFFSET);
            if (handler != SIG_DFL && handler != SIG_IGN) return; // someone's handler (the JDK's): it wakes as well
            MemorySegment act = arena.allocate(SIGACTION_SIZE, 8); // zeroed: empty mask, no flags
            act.set(ValueLayout.JAVA_LONG, SA_HANDLER_OFFSET, Sys.libcFunction("abs").address());
            Sys.sigaction(sig, act, MemorySegment.NULL);
        }
    }

    /**
     * Makes {@code fd} refer to the dead socket (close-on-exec); the real open file stays open for its
     * other holders. The caller still owns {@code fd} and closes it when the last call has left.
     */
    static void detach(int fd) throws ErrnoException {
        Sys.dup3(Holder.DEAD_FD, fd, LinuxC.O_CLOEXEC());
    }

    /** Interrupts the system call {@code pthread} is in, if any (the thread must be alive). */
    static void signal(long pthread) {
        Sys.pthreadKill(pthread, Holder.SIGNAL);
    }

    /**
     * The calling platform thread's pthread_t, read once per thread. The first thread to list itself
     * also starts setting up the signal and the dead descriptor in the background, so that neither
     * that first blocking call nor a later close waits for it.
     */
    private static final ThreadLocal<long[]> SELF = ThreadLocal.withInitial(() -> {
        Warmup.started();
        return new long[] {Sys.pthreadSelf()};
    });

    /** Sets up {@link Holder} on a daemon thread when first touched. */
    private static final class Warmup {
        static {
            Thread.ofPlatform().daemon().name("ffsock-wakeup-setup").start(() -> {
                if (Holder.DEAD_FD < 0) throw new IllegalStateException("no dead descriptor");
            });
        }

        static void started() {
            // initialising this class started the set-up
        }
    }

    static long self() {
        return SELF.get()[0];
    }
}
