package dev.ffsock;

/**
 * A packet socket's counters ({@code struct tpacket_stats}, {@link SockOpt#PACKET_STATISTICS}) since
 * the last read: the kernel resets them on every read.
 *
 * @param packets frames queued to the socket, including those dropped (tp_packets; unsigned 32-bit)
 * @param drops   frames dropped because the receive queue was full (tp_drops; unsigned 32-bit)
 */
public record PacketStats(long packets, long drops) {
}
