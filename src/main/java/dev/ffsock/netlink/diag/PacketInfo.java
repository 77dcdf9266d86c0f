package dev.ffsock.netlink.diag;

/**
 * PACKET_DIAG_INFO ({@code struct packet_diag_info}): how an AF_PACKET socket is set up; unsigned
 * 32-bit fields widened to {@code long}.
 *
 * @param interfaceIndex the bound interface, 0 for all
 * @param version        PACKET_VERSION (TPACKET_V1 = 0, …)
 * @param reserve        PACKET_RESERVE
 * @param copyThreshold  PACKET_COPY_THRESH
 * @param timestamp      PACKET_TIMESTAMP flags
 * @param flags          {@code PDI_*} bits: running, auxdata, origdev, vnethdr, loss ({@link SockDiag#PDI_RUNNING}, …)
 */
public record PacketInfo(long interfaceIndex, long version, long reserve, long copyThreshold, long timestamp, long flags) {
}
