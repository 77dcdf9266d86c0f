package dev.ffsock.internal;

import dev.ffsock.internal.bindings.LinuxC;
import dev.ffsock.internal.bindings.__kernel_timespec;
import dev.ffsock.internal.bindings.io_cqring_offsets;
import dev.ffsock.internal.bindings.io_sqring_offsets;
import dev.ffsock.internal.bindings.io_uring_buf;
import dev.ffsock.internal.bindings.io_uring_buf_reg;
import dev.ffsock.internal.bindings.io_uring_cqe;
import dev.ffsock.internal.bindings.io_uring_getevents_arg;
import dev.ffsock.internal.bindings.io_uring_params;
import dev.ffsock.internal.bindings.io_uring_probe;
import dev.ffsock.internal.bindings.io_uring_probe_op;
import dev.ffsock.internal.bindings.io_uring_sqe;

import java.lang.foreign.GroupLayout;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemoryLayout.PathElement;

/**
 * Sizes, offsets and constants of {@code <linux/io_uring.h>}, read from the generated bindings so
 * that dev.ffsock.uring never imports them (as {@link Structs} does for the socket structs).
 */
public final class UringStructs {
    private UringStructs() {
    }

    private static long off(GroupLayout l, String field) {
        return l.byteOffset(PathElement.groupElement(field));
    }

    /** The offset of {@code field} in one of {@code l}'s anonymous unions (whose generated names carry header line numbers). */
    private static long inUnion(GroupLayout l, String field) {
        long at = 0;
        for (MemoryLayout m : l.memberLayouts()) {
            if (m instanceof GroupLayout g && m.name().orElse("").startsWith("$anon")) {
                for (MemoryLayout inner : g.memberLayouts()) {
                    if (inner.name().orElse("").equals(field)) return at;
                }
            }
            at += m.byteSize();
        }
        throw new ExceptionInInitializerError("no field " + field + " in " + l);
    }

    /** struct io_uring_params and the two offset structs inside it. */
    public static final class Params {
        private Params() {
        }

        private static final GroupLayout L = io_uring_params.layout();
        public static final long SIZE = L.byteSize();
        public static final long SQ_ENTRIES = off(L, "sq_entries");
        public static final long CQ_ENTRIES = off(L, "cq_entries");
        public static final long FLAGS = off(L, "flags");
        public static final long FEATURES = off(L, "features");
        public static final long SQ_OFF = off(L, "sq_off");
        public static final long CQ_OFF = off(L, "cq_off");

        private static final GroupLayout SQ = io_sqring_offsets.layout();
        public static final long SQ_HEAD = SQ_OFF + off(SQ, "head");
        public static final long SQ_TAIL = SQ_OFF + off(SQ, "tail");
        public static final long SQ_RING_MASK = SQ_OFF + off(SQ, "ring_mask");
        public static final long SQ_RING_ENTRIES = SQ_OFF + off(SQ, "ring_entries");
        public static final long SQ_FLAGS = SQ_OFF + off(SQ, "flags");
        public static final long SQ_DROPPED = SQ_OFF + off(SQ, "dropped");
        public static final long SQ_ARRAY = SQ_OFF + off(SQ, "array");

        private static final GroupLayout CQ = io_cqring_offsets.layout();
        public static final long CQ_HEAD = CQ_OFF + off(CQ, "head");
        public static final long CQ_TAIL = CQ_OFF + off(CQ, "tail");
        public static final long CQ_RING_MASK = CQ_OFF + off(CQ, "ring_mask");
        public static final long CQ_RING_ENTRIES = CQ_OFF + off(CQ, "ring_entries");
        public static final long CQ_OVERFLOW = CQ_OFF + off(CQ, "overflow");
        public static final long CQ_CQES = CQ_OFF + off(CQ, "cqes");
    }

    /** struct io_uring_sqe: the fields the operations fill in (the unions' members share an offset). */
    public static final class Sqe {
        private Sqe() {
        }

        private static final GroupLayout L = io_uring_sqe.layout();
        public static final long SIZE = L.byteSize();
        public static final long OPCODE = off(L, "opcode");
        public static final long FLAGS = off(L, "flags");
        public static final long IOPRIO = off(L, "ioprio");
        public static final long FD = off(L, "fd");
        /** off / addr2. */
        public static final long OFF = inUnion(L, "off");
        public static final long ADDR = inUnion(L, "addr");
        public static final long LEN = off(L, "len");
        /** rw_flags / msg_flags / poll32_events / timeout_flags / accept_flags / cancel_flags. */
        public static final long OP_FLAGS = inUnion(L, "rw_flags");
        public static final long USER_DATA = off(L, "user_data");
        /** buf_index / buf_group. */
        public static final long BUF_INDEX = inUnion(L, "buf_index");
        /** splice_fd_in / file_index. */
        public static final long FILE_INDEX = inUnion(L, "file_index");
    }

    /** struct io_uring_cqe. */
    public static final class Cqe {
        private Cqe() {
        }

        private static final GroupLayout L = io_uring_cqe.layout();
        public static final long SIZE = L.byteSize();
        public static final long USER_DATA = off(L, "user_data");
        public static final long RES = off(L, "res");
        public static final long FLAGS = off(L, "flags");
    }

    /** struct io_uring_probe and its io_uring_probe_op entries. */
    public static final class Probe {
        private Probe() {
        }

        private static final GroupLayout L = io_uring_probe.layout();
        public static final long SIZE = L.byteSize();
        public static final long OPS_LEN = off(L, "ops_len");
        public static final long OPS = off(L, "ops");
        private static final GroupLayout OP = io_uring_probe_op.layout();
        public static final long OP_SIZE = OP.byteSize();
        public static final long OP_OP = off(OP, "op");
        public static final long OP_FLAGS = off(OP, "flags");
        public static final int SUPPORTED = LinuxC.IO_URING_OP_SUPPORTED();
    }

    /** struct io_uring_buf (a provided-buffer ring's entry; the ring's tail overlays entry 0's resv) and io_uring_buf_reg. */
    public static final class Buf {
        private Buf() {
        }

        private static final GroupLayout L = io_uring_buf.layout();
        public static final long SIZE = L.byteSize();
        public static final long ADDR = off(L, "addr");
        public static final long LEN = off(L, "len");
        public static final long BID = off(L, "bid");
        /** The ring's tail: io_uring_buf_ring's tail, which is entry 0's resv. */
        public static final long RING_TAIL = off(L, "resv");

        private static final GroupLayout REG = io_uring_buf_reg.layout();
        public static final long REG_SIZE = REG.byteSize();
        public static final long REG_RING_ADDR = off(REG, "ring_addr");
        public static final long REG_RING_ENTRIES = off(REG, "ring_entries");
        public static final long REG_BGID = off(REG, "bgid");
    }

    /** struct io_uring_getevents_arg and struct __kernel_timespec, for a bounded wait. */
    public static final class GeteventsArg {
        private GeteventsArg() {
        }

        private static final GroupLayout L = io_uring_getevents_arg.layout();
        public static final long SIZE = L.byteSize();
        public static final long TS = off(L, "ts");
        private static final GroupLayout TSL = __kernel_timespec.layout();
        public static final long TS_SIZE = TSL.byteSize();
        public static final long TV_SEC = off(TSL, "tv_sec");
        public static final long TV_NSEC = off(TSL, "tv_nsec");
    }
}
