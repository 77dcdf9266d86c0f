package dev.ffsock.netlink.tc;

/**
 * A {@code struct tc_ratespec}: a rate and how the kernel's rate table was computed.
 *
 * @param cellLog   {@code cell_log}: log2 of the rate table's cell size
 * @param linkLayer {@code linklayer}: {@link Tca#TC_LINKLAYER_ETHERNET} (1) or {@link Tca#TC_LINKLAYER_ATM} (2), 0 unaware
 * @param overhead  {@code overhead} bytes added per packet
 * @param cellAlign {@code cell_align}
 * @param mpu       {@code mpu}: minimum packet unit
 * @param rate      {@code rate} in bytes per second (saturated at 2^32-1; the 64-bit rate is an attribute)
 */
public record RateSpec(int cellLog, int linkLayer, int overhead, int cellAlign, int mpu, long rate) {
}
