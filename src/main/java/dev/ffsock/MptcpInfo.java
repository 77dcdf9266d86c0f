package dev.ffsock;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * An MPTCP connection's state ({@code struct mptcp_info} as Linux 6.18 defines it: the socket option
 * {@link SockOpt#MPTCP_INFO}, and INET_DIAG_INFO of an IPPROTO_MPTCP socket in sock_diag; {@code ss -M -i}). Unsigned 32-bit fields widened to {@code long}; fields an
 * older kernel does not send are 0 ({@link #length()} says how many bytes came).
 *
 * @param subflows            current subflows
 * @param addAddrSignal       ADD_ADDRs sent
 * @param addAddrAccepted     ADD_ADDRs accepted
 * @param subflowsMax         the path manager's subflow limit
 * @param addAddrSignalMax    the limit of ADD_ADDRs sent
 * @param addAddrAcceptedMax  the limit of ADD_ADDRs accepted
 * @param flags               MPTCP_INFO_FLAG_* (1 fallback, 2 remote key received)
 * @param token               the connection token
 * @param writeSeq            next data sequence number to write
 * @param sndUna              oldest unacknowledged data sequence number
 * @param rcvNxt              next data sequence number expected
 * @param localAddrUsed       local addresses in use
 * @param localAddrMax        the limit of local addresses
 * @param csumEnabled         1 if DSS checksums are on
 * @param retransmits         retransmissions (Linux 6.5)
 * @param bytesRetrans        bytes retransmitted (Linux 6.5)
 * @param bytesSent           bytes sent (Linux 6.5)
 * @param bytesReceived       bytes received (Linux 6.5)
 * @param bytesAcked          bytes acknowledged (Linux 6.5)
 * @param subflowsTotal       subflows including the initial one (Linux 6.10)
 * @param lastDataSentMillis  ms since data was last sent (Linux 6.10)
 * @param lastDataRecvMillis  ms since data was last received (Linux 6.10)
 * @param lastAckRecvMillis   ms since an ACK was last received (Linux 6.10)
 * @param length              the bytes the kernel sent
 */
public record MptcpInfo(int subflows, int addAddrSignal, int addAddrAccepted, int subflowsMax, int addAddrSignalMax,
                        int addAddrAcceptedMax, long flags, long token, long writeSeq, long sndUna, long rcvNxt,
                        int localAddrUsed, int localAddrMax, int csumEnabled, long retransmits, long bytesRetrans,
                        long bytesSent, long bytesReceived, long bytesAcked, int subflowsTotal, long lastDataSentMillis,
                        long lastDataRecvMillis, long lastAckRecvMillis, int length) {
    /** {@code sizeof(struct mptcp_info)} on Linux 6.18. */
    public static final int SIZE = 96;
    /** MPTCP_INFO_FLAG_FALLBACK: the connection fell back to plain TCP. */
    public static final int FLAG_FALLBACK = 1;
    /** MPTCP_INFO_FLAG_REMOTE_KEY_RECEIVED. */
    public static final int FLAG_REMOTE_KEY_RECEIVED = 2;

    /**
     * {@return the fields in {@code value}} Never fails: missing fields are 0, extra bytes ignored.
     *
     * @param value the attribute's value
     */
    public static MptcpInfo parse(MemorySegment value) {
        MemorySegment s = MemorySegment.ofArray(new byte[SIZE]);
        MemorySegment.copy(value, 0, s, 0, Math.min(value.byteSize(), SIZE));
        return new MptcpInfo(u8(s, 0), u8(s, 1), u8(s, 2), u8(s, 3), u8(s, 4), u8(s, 5), u32(s, 8), u32(s, 12),
                u64(s, 16), u64(s, 24), u64(s, 32), u8(s, 40), u8(s, 41), u8(s, 42), u32(s, 44), u64(s, 48),
                u64(s, 56), u64(s, 64), u64(s, 72), u8(s, 80), u32(s, 84), u32(s, 88), u32(s, 92),
                (int) Math.min(value.byteSize(), Integer.MAX_VALUE));
    }

    private static int u8(MemorySegment s, long off) {
        return Byte.toUnsignedInt(s.get(ValueLayout.JAVA_BYTE, off));
    }

    private static long u32(MemorySegment s, long off) {
        return Integer.toUnsignedLong(s.get(ValueLayout.JAVA_INT_UNALIGNED, off));
    }

    private static long u64(MemorySegment s, long off) {
        return s.get(ValueLayout.JAVA_LONG_UNALIGNED, off);
    }
}
