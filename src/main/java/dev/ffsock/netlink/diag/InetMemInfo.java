package dev.ffsock.netlink.diag;

/**
 * {@code struct inet_diag_meminfo} (the INET_DIAG_MEMINFO extension), unsigned 32-bit byte counts.
 *
 * @param rmem receive queue memory allocated
 * @param wmem queued for sending
 * @param fmem forward-allocated memory
 * @param tmem transmit memory allocated
 */
public record InetMemInfo(long rmem, long wmem, long fmem, long tmem) {
}
