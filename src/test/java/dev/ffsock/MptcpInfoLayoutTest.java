package dev.ffsock;

import dev.ffsock.internal.bindings.mptcp_info;
import org.junit.jupiter.api.Test;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * {@link MptcpInfo#parse}'s offsets (written for Linux 6.18's struct) against the generated binding of
 * the installed headers' {@code struct mptcp_info} (checked against gcc by BindingsProbeTest), field by
 * field: each set to a distinct value through the binding and read back through the parser. Fields
 * newer than the headers are checked by the socket test against ss.
 */
class MptcpInfoLayoutTest {
    @Test
    void parserReadsEachFieldWhereTheHeadersPutIt() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment s = arena.allocate(Math.max(MptcpInfo.SIZE, mptcp_info.layout().byteSize()));
            mptcp_info.mptcpi_subflows(s, (byte) 1);
            mptcp_info.mptcpi_add_addr_signal(s, (byte) 2);
            mptcp_info.mptcpi_add_addr_accepted(s, (byte) 3);
            mptcp_info.mptcpi_subflows_max(s, (byte) 4);
            mptcp_info.mptcpi_add_addr_signal_max(s, (byte) 5);
            mptcp_info.mptcpi_add_addr_accepted_max(s, (byte) 6);
            mptcp_info.mptcpi_flags(s, 7);
            mptcp_info.mptcpi_token(s, 0x8000_0008);
            mptcp_info.mptcpi_write_seq(s, 9);
            mptcp_info.mptcpi_snd_una(s, 10);
            mptcp_info.mptcpi_rcv_nxt(s, 11);
            mptcp_info.mptcpi_local_addr_used(s, (byte) 12);
            mptcp_info.mptcpi_local_addr_max(s, (byte) 13);
            mptcp_info.mptcpi_csum_enabled(s, (byte) 14);
            MptcpInfo m = MptcpInfo.parse(s);
            assertEquals(new MptcpInfo(1, 2, 3, 4, 5, 6, 7, 0x8000_0008L, 9, 10, 11, 12, 13, 14,
                    0, 0, 0, 0, 0, 0, 0, 0, 0, (int) s.byteSize()), m);
        }
    }
}
