package dev.ffsock.netlink.diag;

/**
 * PACKET_DIAG_RX_RING / TX_RING ({@code struct packet_diag_ring}): a PACKET_MMAP ring's shape;
 * unsigned 32-bit fields widened to {@code long}.
 *
 * @param blockSize  tp_block_size
 * @param blockCount tp_block_nr
 * @param frameSize  tp_frame_size
 * @param frameCount tp_frame_nr
 * @param retireTimeout tp_retire_blk_tov (TPACKET_V3)
 * @param privateSize tp_sizeof_priv (TPACKET_V3)
 * @param features   tp_feature_req_word (TPACKET_V3)
 */
public record PacketRing(long blockSize, long blockCount, long frameSize, long frameCount, long retireTimeout,
                         long privateSize, long features) {
}
