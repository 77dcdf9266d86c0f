package dev.ffsock.netlink.tc;

/**
 * A pfifo/bfifo qdisc's options ({@code struct tc_fifo_qopt}).
 *
 * @param limit packets (pfifo) or bytes (bfifo)
 */
public record FifoOptions(long limit) implements TcOptions {
}
