package dev.ffsock;

/**
 * An MPTCP socket's state ({@code struct mptcp_info}, {@link SockOpt#MPTCP_INFO}), as {@code ss -M -i}
 * shows it. Unsigned C values are returned as their bit patterns where Java's type is signed
 * (token, the 64-bit sequence numbers).
 *
 * @param subflows           subflows in use beyond the first (mptcpi_subflows)
 * @param addAddrSignal      addresses announced (mptcpi_add_addr_signal)
 * @param addAddrAccepted    announcements accepted (mptcpi_add_addr_accepted)
 * @param subflowsMax        the subflows limit (mptcpi_subflows_max)
 * @param addAddrSignalMax   the announce limit (mptcpi_add_addr_signal_max)
 * @param addAddrAcceptedMax the add_addr_accepted limit (mptcpi_add_addr_accepted_max)
 * @param flags              {@link #FLAG_FALLBACK}, {@link #FLAG_REMOTE_KEY_RECEIVED} (mptcpi_flags)
 * @param token              the connection's local token (mptcpi_token)
 * @param writeSeq           the next data sequence number to send (mptcpi_write_seq)
 * @param sndUna             the oldest unacknowledged data sequence number (mptcpi_snd_una)
 * @param rcvNxt             the next data sequence number expected (mptcpi_rcv_nxt)
 * @param localAddrUsed      local endpoints in use (mptcpi_local_addr_used)
 * @param localAddrMax       the local endpoint limit (mptcpi_local_addr_max)
 * @param csumEnabled        whether DSS checksums are on (mptcpi_csum_enabled)
 */
public record MptcpInfo(int subflows, int addAddrSignal, int addAddrAccepted, int subflowsMax, int addAddrSignalMax,
                        int addAddrAcceptedMax, int flags, int token, long writeSeq, long sndUna, long rcvNxt,
                        int localAddrUsed, int localAddrMax, boolean csumEnabled) {
    /** The connection fell back to plain TCP (MPTCP_INFO_FLAG_FALLBACK). */
    public static final int FLAG_FALLBACK = 1;
    /** The peer's key was received (MPTCP_INFO_FLAG_REMOTE_KEY_RECEIVED). */
    public static final int FLAG_REMOTE_KEY_RECEIVED = 2;
}
