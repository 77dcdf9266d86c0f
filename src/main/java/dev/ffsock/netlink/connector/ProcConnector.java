package dev.ffsock.netlink.connector;

/**
 * The process events connector's constants with their C names (linux/connector.h, linux/cn_proc.h).
 * Values are Linux's (the same on every architecture); the project's probe test checks each against gcc.
 */
public final class ProcConnector {
    private ProcConnector() {
    }

    /** C CN_IDX_PROC. */
    public static final int CN_IDX_PROC = 1;
    /** C CN_VAL_PROC. */
    public static final int CN_VAL_PROC = 1;
    /** C PROC_CN_MCAST_LISTEN. */
    public static final int PROC_CN_MCAST_LISTEN = 1;
    /** C PROC_CN_MCAST_IGNORE. */
    public static final int PROC_CN_MCAST_IGNORE = 2;
    /** C PROC_EVENT_NONE. */
    public static final int PROC_EVENT_NONE = 0;
    /** C PROC_EVENT_FORK. */
    public static final int PROC_EVENT_FORK = 1;
    /** C PROC_EVENT_EXEC. */
    public static final int PROC_EVENT_EXEC = 2;
    /** C PROC_EVENT_UID. */
    public static final int PROC_EVENT_UID = 4;
    /** C PROC_EVENT_GID. */
    public static final int PROC_EVENT_GID = 64;
    /** C PROC_EVENT_SID. */
    public static final int PROC_EVENT_SID = 128;
    /** C PROC_EVENT_PTRACE. */
    public static final int PROC_EVENT_PTRACE = 256;
    /** C PROC_EVENT_COMM. */
    public static final int PROC_EVENT_COMM = 512;
    /** C PROC_EVENT_COREDUMP. */
    public static final int PROC_EVENT_COREDUMP = 1073741824;
    /** C PROC_EVENT_EXIT. */
    public static final int PROC_EVENT_EXIT = 0x80000000;

    // ---- layouts (hand-written; the probe test checks each offset and size against gcc) ----
    /** sizeof(struct cn_msg): id.idx, id.val, seq, ack (u32), len, flags (u16), then data. */
    public static final int CN_MSG_SIZE = 20;
    /** offsetof(struct cn_msg, id.idx). */
    public static final int CN_MSG_IDX = 0;
    /** offsetof(struct cn_msg, id.val). */
    public static final int CN_MSG_VAL = 4;
    /** offsetof(struct cn_msg, seq). */
    public static final int CN_MSG_SEQ = 8;
    /** offsetof(struct cn_msg, ack). */
    public static final int CN_MSG_ACK = 12;
    /** offsetof(struct cn_msg, len). */
    public static final int CN_MSG_LEN = 16;
    /** offsetof(struct cn_msg, flags). */
    public static final int CN_MSG_FLAGS = 18;

    /** sizeof(struct proc_event). */
    public static final int PROC_EVENT_SIZE = 40;
    /** offsetof(struct proc_event, what). */
    public static final int PROC_EVENT_WHAT = 0;
    /** offsetof(struct proc_event, cpu). */
    public static final int PROC_EVENT_CPU = 4;
    /** offsetof(struct proc_event, timestamp_ns). */
    public static final int PROC_EVENT_TIMESTAMP = 8;
    /** offsetof(struct proc_event, event_data): the union every event's fields below are relative to. */
    public static final int PROC_EVENT_DATA = 16;
    /** The union's first two fields in every event but ack: process_pid (fork: parent_pid), process_tgid. */
    public static final int EVENT_PID = 0;
    /** The tgid field (fork: parent_tgid). */
    public static final int EVENT_TGID = 4;
    /** fork.child_pid, id.r (ruid/rgid), comm.comm, exit.exit_code, ptrace.tracer_pid, coredump.parent_pid. */
    public static final int EVENT_THIRD = 8;
    /** fork.child_tgid, id.e (euid/egid), exit.exit_signal, ptrace.tracer_tgid, coredump.parent_tgid. */
    public static final int EVENT_FOURTH = 12;
    /** exit.parent_pid. */
    public static final int EXIT_PARENT_PID = 16;
    /** exit.parent_tgid. */
    public static final int EXIT_PARENT_TGID = 20;
    /** sizeof(comm.comm). */
    public static final int COMM_SIZE = 16;
}
