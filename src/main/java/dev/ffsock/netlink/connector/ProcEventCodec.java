package dev.ffsock.netlink.connector;

import static dev.ffsock.netlink.connector.ProcConnector.*;

import dev.ffsock.netlink.NetlinkFormatException;
import dev.ffsock.netlink.NetlinkMessage;
import dev.ffsock.netlink.PayloadWriter;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.charset.StandardCharsets;

/**
 * The wire form of the proc connector: a {@code struct cn_msg} (callback id CN_IDX_PROC/CN_VAL_PROC)
 * carrying a {@code struct proc_event}, in host byte order. Decodes notifications into
 * {@link ProcEvent} and writes the subscription request and events. A message of another callback
 * id is not decoded (null); a truncated one throws {@link NetlinkFormatException}.
 */
public final class ProcEventCodec {
    private static final ValueLayout.OfInt I32 = ValueLayout.JAVA_INT_UNALIGNED;
    private static final ValueLayout.OfLong I64 = ValueLayout.JAVA_LONG_UNALIGNED;
    /** proc_event's fixed part: what, cpu, timestamp_ns. */
    private static final int HEADER = PROC_EVENT_DATA;

    private ProcEventCodec() {
    }

    /**
     * Decodes a proc connector notification.
     *
     * @param m a NETLINK_CONNECTOR message
     * @return the event, or null if the message is for another connector callback
     * @throws NetlinkFormatException if the message is too short for what it says it holds
     */
    public static ProcEvent decode(NetlinkMessage m) {
        MemorySegment cn = m.payloadHeader(CN_MSG_SIZE);
        if (cn.get(I32, CN_MSG_IDX) != CN_IDX_PROC || cn.get(I32, CN_MSG_VAL) != CN_VAL_PROC) return null;
        int len = Short.toUnsignedInt(cn.get(ValueLayout.JAVA_SHORT_UNALIGNED, CN_MSG_LEN));
        if (len < HEADER) {
            throw new NetlinkFormatException("proc connector message holds " + len + " bytes, a proc_event needs "
                    + HEADER + " or more", m.offset() + 16 + CN_MSG_LEN);
        }
        MemorySegment ev = m.payloadHeader(CN_MSG_SIZE + len).asSlice(CN_MSG_SIZE);
        int what = ev.get(I32, PROC_EVENT_WHAT);
        int cpu = ev.get(I32, PROC_EVENT_CPU);
        long ts = ev.get(I64, PROC_EVENT_TIMESTAMP);
        MemorySegment d = ev.asSlice(HEADER);
        long at = m.offset() + 16 + CN_MSG_SIZE + HEADER;
        return switch (what) {
            case PROC_EVENT_NONE -> new ProcEvent.Ack(cpu, ts, i32(d, 0, at));
            case PROC_EVENT_FORK -> new ProcEvent.Fork(cpu, ts, i32(d, EVENT_PID, at), i32(d, EVENT_TGID, at),
                    i32(d, EVENT_THIRD, at), i32(d, EVENT_FOURTH, at));
            case PROC_EVENT_EXEC -> new ProcEvent.Exec(cpu, ts, i32(d, EVENT_PID, at), i32(d, EVENT_TGID, at));
            case PROC_EVENT_UID -> new ProcEvent.Uid(cpu, ts, i32(d, EVENT_PID, at), i32(d, EVENT_TGID, at),
                    Integer.toUnsignedLong(i32(d, EVENT_THIRD, at)), Integer.toUnsignedLong(i32(d, EVENT_FOURTH, at)));
            case PROC_EVENT_GID -> new ProcEvent.Gid(cpu, ts, i32(d, EVENT_PID, at), i32(d, EVENT_TGID, at),
                    Integer.toUnsignedLong(i32(d, EVENT_THIRD, at)), Integer.toUnsignedLong(i32(d, EVENT_FOURTH, at)));
            case PROC_EVENT_SID -> new ProcEvent.Sid(cpu, ts, i32(d, EVENT_PID, at), i32(d, EVENT_TGID, at));
            case PROC_EVENT_PTRACE -> new ProcEvent.Ptrace(cpu, ts, i32(d, EVENT_PID, at), i32(d, EVENT_TGID, at),
                    i32(d, EVENT_THIRD, at), i32(d, EVENT_FOURTH, at));
            case PROC_EVENT_COMM -> new ProcEvent.Comm(cpu, ts, i32(d, EVENT_PID, at), i32(d, EVENT_TGID, at),
                    comm(d, at));
            case PROC_EVENT_COREDUMP -> new ProcEvent.Coredump(cpu, ts, i32(d, EVENT_PID, at), i32(d, EVENT_TGID, at),
                    i32(d, EVENT_THIRD, at), i32(d, EVENT_FOURTH, at));
            case PROC_EVENT_EXIT -> new ProcEvent.Exit(cpu, ts, i32(d, EVENT_PID, at), i32(d, EVENT_TGID, at),
                    i32(d, EVENT_THIRD, at), i32(d, EVENT_FOURTH, at), i32(d, EXIT_PARENT_PID, at),
                    i32(d, EXIT_PARENT_TGID, at));
            default -> new ProcEvent.Other(cpu, ts, what, d.toArray(ValueLayout.JAVA_BYTE));
        };
    }

    private static int i32(MemorySegment d, int off, long at) {
        if (d.byteSize() < off + 4L) {
            throw new NetlinkFormatException("proc_event ends at byte " + d.byteSize() + " of its data, before the field at "
                    + off, at);
        }
        return d.get(I32, off);
    }

    private static String comm(MemorySegment d, long at) {
        int from = EVENT_THIRD;
        if (d.byteSize() < from + COMM_SIZE) {
            throw new NetlinkFormatException("proc_event comm event ends before its name", at);
        }
        byte[] b = d.asSlice(from, COMM_SIZE).toArray(ValueLayout.JAVA_BYTE);
        int n = 0;
        while (n < b.length && b[n] != 0) n++;
        return new String(b, 0, n, StandardCharsets.UTF_8);
    }

    /**
     * Writes a cn_msg for the proc connector holding {@code data}.
     *
     * @param w    the writer, after the nlmsghdr
     * @param seq  the cn_msg sequence number
     * @param data the data (an op for a subscription, a proc_event for a notification)
     */
    public static void writeMessage(PayloadWriter w, int seq, byte[] data) {
        w.putU32(CN_IDX_PROC).putU32(CN_VAL_PROC).putU32(seq).putU32(0).putU16(data.length).putU16(0).putBytes(data);
    }

    /**
     * Writes the subscription request: {@code enum proc_cn_mcast_op} in a cn_msg.
     *
     * @param w      the writer, after the nlmsghdr
     * @param listen true for PROC_CN_MCAST_LISTEN, false for PROC_CN_MCAST_IGNORE
     */
    public static void writeSubscription(PayloadWriter w, boolean listen) {
        int op = listen ? PROC_CN_MCAST_LISTEN : PROC_CN_MCAST_IGNORE;
        byte[] b = new byte[4];
        MemorySegment.ofArray(b).set(I32, 0, op);
        writeMessage(w, 0, b);
    }

    /**
     * {@return the {@code struct proc_event} bytes of an event (host byte order)}
     *
     * @param e the event
     */
    public static byte[] eventBytes(ProcEvent e) {
        byte[] b = new byte[PROC_EVENT_SIZE];
        MemorySegment s = MemorySegment.ofArray(b);
        MemorySegment d = s.asSlice(HEADER);
        int what = switch (e) {
            case ProcEvent.Ack a -> { d.set(I32, 0, a.error()); yield PROC_EVENT_NONE; }
            case ProcEvent.Fork f -> { four(d, f.parentPid(), f.parentTgid(), f.childPid(), f.childTgid()); yield PROC_EVENT_FORK; }
            case ProcEvent.Exec x -> { four(d, x.pid(), x.tgid(), 0, 0); yield PROC_EVENT_EXEC; }
            case ProcEvent.Uid u -> { four(d, u.pid(), u.tgid(), (int) u.realUid(), (int) u.effectiveUid()); yield PROC_EVENT_UID; }
            case ProcEvent.Gid g -> { four(d, g.pid(), g.tgid(), (int) g.realGid(), (int) g.effectiveGid()); yield PROC_EVENT_GID; }
            case ProcEvent.Sid x -> { four(d, x.pid(), x.tgid(), 0, 0); yield PROC_EVENT_SID; }
            case ProcEvent.Ptrace p -> { four(d, p.pid(), p.tgid(), p.tracerPid(), p.tracerTgid()); yield PROC_EVENT_PTRACE; }
            case ProcEvent.Comm c -> {
                four(d, c.pid(), c.tgid(), 0, 0);
                byte[] n = c.comm().getBytes(StandardCharsets.UTF_8);
                MemorySegment.copy(n, 0, d, ValueLayout.JAVA_BYTE, EVENT_THIRD, Math.min(n.length, COMM_SIZE - 1));
                yield PROC_EVENT_COMM;
            }
            case ProcEvent.Coredump c -> { four(d, c.pid(), c.tgid(), c.parentPid(), c.parentTgid()); yield PROC_EVENT_COREDUMP; }
            case ProcEvent.Exit x -> {
                four(d, x.pid(), x.tgid(), x.exitCode(), x.exitSignal());
                d.set(I32, EXIT_PARENT_PID, x.parentPid());
                d.set(I32, EXIT_PARENT_TGID, x.parentTgid());
                yield PROC_EVENT_EXIT;
            }
            case ProcEvent.Other o -> {
                byte[] raw = o.data();
                MemorySegment.copy(raw, 0, d, ValueLayout.JAVA_BYTE, 0, Math.min(raw.length, (int) d.byteSize()));
                yield o.what();
            }
        };
        s.set(I32, PROC_EVENT_WHAT, what);
        s.set(I32, PROC_EVENT_CPU, e.cpu());
        s.set(I64, PROC_EVENT_TIMESTAMP, e.timestampNanos());
        return b;
    }

    private static void four(MemorySegment d, int a, int b, int c, int e) {
        d.set(I32, EVENT_PID, a);
        d.set(I32, EVENT_TGID, b);
        d.set(I32, EVENT_THIRD, c);
        d.set(I32, EVENT_FOURTH, e);
    }
}
