package dev.ffsock.netlink.diag;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * A socket's memory counters, {@code SK_MEMINFO_*} (INET_DIAG_SKMEMINFO, UNIX_DIAG_MEMINFO,
 * PACKET_DIAG_MEMINFO; {@code ss -m} prints them as {@code skmem:(r0,rb131072,t0,tb16384,f0,w0,o0,bl0,d0)}).
 * Unsigned 32-bit counts widened to {@code long}; a counter the kernel did not send is -1.
 *
 * @param rmemAlloc  SK_MEMINFO_RMEM_ALLOC: receive memory in use ({@code r})
 * @param rcvbuf     SK_MEMINFO_RCVBUF: SO_RCVBUF ({@code rb})
 * @param wmemAlloc  SK_MEMINFO_WMEM_ALLOC: transmit memory in use ({@code t})
 * @param sndbuf     SK_MEMINFO_SNDBUF: SO_SNDBUF ({@code tb})
 * @param fwdAlloc   SK_MEMINFO_FWD_ALLOC: forward-allocated memory ({@code f})
 * @param wmemQueued SK_MEMINFO_WMEM_QUEUED: memory queued for sending ({@code w})
 * @param optmem     SK_MEMINFO_OPTMEM: option memory ({@code o})
 * @param backlog    SK_MEMINFO_BACKLOG: backlog queue memory ({@code bl}), or -1
 * @param drops      SK_MEMINFO_DROPS: packets dropped ({@code d}), or -1
 * @param count      how many counters the kernel sent (9 since Linux 4.6)
 */
public record SkMemInfo(long rmemAlloc, long rcvbuf, long wmemAlloc, long sndbuf, long fwdAlloc, long wmemQueued,
                        long optmem, long backlog, long drops, int count) {
    /** SK_MEMINFO_VARS: the counters this record has. */
    public static final int VARS = 9;

    /**
     * {@return the counters in {@code value} (host-order u32s), or null if it holds fewer than the
     * seven every kernel with the attribute sends}
     *
     * @param value the attribute's value
     */
    public static SkMemInfo parse(MemorySegment value) {
        int n = (int) Math.min(value.byteSize() / 4, VARS);
        if (n < 7) return null;
        long[] v = new long[VARS];
        for (int i = 0; i < VARS; i++) {
            v[i] = i < n ? Integer.toUnsignedLong(value.get(ValueLayout.JAVA_INT_UNALIGNED, 4L * i)) : -1;
        }
        return new SkMemInfo(v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8], (int) (value.byteSize() / 4));
    }

    /** {@return the counters as {@code ss -m} prints them: {@code skmem:(r0,rb212992,t0,tb212992,f0,w0,o0,bl0,d0)}} */
    public String ssText() {
        StringBuilder sb = new StringBuilder("skmem:(r").append(rmemAlloc).append(",rb").append(rcvbuf)
                .append(",t").append(wmemAlloc).append(",tb").append(sndbuf).append(",f").append(fwdAlloc)
                .append(",w").append(wmemQueued).append(",o").append(optmem);
        if (backlog >= 0) sb.append(",bl").append(backlog);
        if (drops >= 0) sb.append(",d").append(drops);
        return sb.append(')').toString();
    }
}
