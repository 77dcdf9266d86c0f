package dev.ffsock.netlink.connector;

/**
 * A process event from the proc connector ({@code struct proc_event}): what
 * {@code ffsock monitor proc} prints, one line each. Every event has the CPU it happened on and
 * its time in nanoseconds since boot; pids are thread ids, tgids process ids (as the kernel's
 * header explains).
 */
public sealed interface ProcEvent {
    /** {@return the CPU the event happened on} */
    int cpu();

    /** {@return when, in nanoseconds since boot} */
    long timestampNanos();

    /** {@return the process (thread group) the event is about: the child for a fork} */
    int tgid();

    /**
     * A fork or clone (PROC_EVENT_FORK).
     *
     * @param cpu            the CPU
     * @param timestampNanos nanoseconds since boot
     * @param parentPid      the forking thread
     * @param parentTgid     the forking process
     * @param childPid       the new thread
     * @param childTgid      the new process (equal to {@code childPid} for a new process, the parent's for a thread)
     */
    record Fork(int cpu, long timestampNanos, int parentPid, int parentTgid, int childPid, int childTgid) implements ProcEvent {
        @Override
        public int tgid() {
            return childTgid;
        }
    }

    /**
     * An execve (PROC_EVENT_EXEC).
     *
     * @param cpu            the CPU
     * @param timestampNanos nanoseconds since boot
     * @param pid            the thread
     * @param tgid           the process
     */
    record Exec(int cpu, long timestampNanos, int pid, int tgid) implements ProcEvent {
    }

    /**
     * A change of user ids (PROC_EVENT_UID: setuid, setresuid, …).
     *
     * @param cpu            the CPU
     * @param timestampNanos nanoseconds since boot
     * @param pid            the thread
     * @param tgid           the process
     * @param realUid        the new real uid, unsigned
     * @param effectiveUid   the new effective uid, unsigned
     */
    record Uid(int cpu, long timestampNanos, int pid, int tgid, long realUid, long effectiveUid) implements ProcEvent {
    }

    /**
     * A change of group ids (PROC_EVENT_GID: setgid, setresgid, …).
     *
     * @param cpu            the CPU
     * @param timestampNanos nanoseconds since boot
     * @param pid            the thread
     * @param tgid           the process
     * @param realGid        the new real gid, unsigned
     * @param effectiveGid   the new effective gid, unsigned
     */
    record Gid(int cpu, long timestampNanos, int pid, int tgid, long realGid, long effectiveGid) implements ProcEvent {
    }

    /**
     * A new session (PROC_EVENT_SID: setsid).
     *
     * @param cpu            the CPU
     * @param timestampNanos nanoseconds since boot
     * @param pid            the thread
     * @param tgid           the process
     */
    record Sid(int cpu, long timestampNanos, int pid, int tgid) implements ProcEvent {
    }

    /**
     * A ptrace attach or detach (PROC_EVENT_PTRACE; tracer 0 on detach).
     *
     * @param cpu            the CPU
     * @param timestampNanos nanoseconds since boot
     * @param pid            the traced thread
     * @param tgid           the traced process
     * @param tracerPid      the tracing thread, 0 on detach
     * @param tracerTgid     the tracing process, 0 on detach
     */
    record Ptrace(int cpu, long timestampNanos, int pid, int tgid, int tracerPid, int tracerTgid) implements ProcEvent {
    }

    /**
     * A change of the command name (PROC_EVENT_COMM: prctl(PR_SET_NAME), a write to /proc/PID/comm).
     *
     * @param cpu            the CPU
     * @param timestampNanos nanoseconds since boot
     * @param pid            the thread
     * @param tgid           the process
     * @param comm           the new name (up to 15 bytes)
     */
    record Comm(int cpu, long timestampNanos, int pid, int tgid, String comm) implements ProcEvent {
    }

    /**
     * A core dump (PROC_EVENT_COREDUMP).
     *
     * @param cpu            the CPU
     * @param timestampNanos nanoseconds since boot
     * @param pid            the thread
     * @param tgid           the process
     * @param parentPid      the parent thread
     * @param parentTgid     the parent process
     */
    record Coredump(int cpu, long timestampNanos, int pid, int tgid, int parentPid, int parentTgid) implements ProcEvent {
    }

    /**
     * An exit (PROC_EVENT_EXIT), of a thread or of a whole process.
     *
     * @param cpu            the CPU
     * @param timestampNanos nanoseconds since boot
     * @param pid            the thread
     * @param tgid           the process
     * @param exitCode       the wait status as waitpid(2) reports it (exit status × 256, or the signal)
     * @param exitSignal     the signal the parent gets (SIGCHLD, 17, for a process; -1 for a thread)
     * @param parentPid      the parent thread
     * @param parentTgid     the parent process
     */
    record Exit(int cpu, long timestampNanos, int pid, int tgid, int exitCode, int exitSignal, int parentPid,
                int parentTgid) implements ProcEvent {
    }

    /**
     * The kernel's answer to a subscription (PROC_EVENT_NONE with ack.err).
     *
     * @param cpu            the CPU
     * @param timestampNanos nanoseconds since boot
     * @param error          0, or the errno of a refused subscription (EPERM without CAP_NET_ADMIN)
     */
    record Ack(int cpu, long timestampNanos, int error) implements ProcEvent {
        @Override
        public int tgid() {
            return 0;
        }
    }

    /**
     * An event type this version does not know, kept with its raw union bytes.
     *
     * @param cpu            the CPU
     * @param timestampNanos nanoseconds since boot
     * @param what           the PROC_EVENT_* value
     * @param data           the event_data bytes
     */
    record Other(int cpu, long timestampNanos, int what, byte[] data) implements ProcEvent {
        /** Copies the bytes. */
        public Other {
            data = data.clone();
        }

        /** {@return a copy of the bytes} */
        @Override
        public byte[] data() {
            return data.clone();
        }

        @Override
        public int tgid() {
            return 0;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Other x && x.cpu == cpu && x.timestampNanos == timestampNanos && x.what == what
                    && java.util.Arrays.equals(x.data, data);
        }

        @Override
        public int hashCode() {
            return java.util.Objects.hash(cpu, timestampNanos, what, java.util.Arrays.hashCode(data));
        }
    }
}
