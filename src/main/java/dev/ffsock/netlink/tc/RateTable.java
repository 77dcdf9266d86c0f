package dev.ffsock.netlink.tc;

/**
 * The rate table tc sends with a rate ({@code TCA_HTB_RTAB}, {@code TCA_TBF_RTAB}, …: {@code tc_calc_rtable}):
 * 256 transmit times in scheduler ticks, one per cell of {@code 1 << cellLog} bytes, Ethernet link layer.
 */
final class RateTable {
    /** Entries in a rate table. */
    static final int ENTRIES = 256;

    private RateTable() {
    }

    /** {@return tc's cell_log for {@code mtu} (0 meaning 2047): the least with {@code mtu >> cellLog <= 255}} */
    static int cellLog(int mtu) {
        int m = mtu == 0 ? 2047 : mtu;
        int cellLog = 0;
        while ((m >> cellLog) > 255) cellLog++;
        return cellLog;
    }

    /** {@return the table for {@code rate} bytes/s and {@code mpu}: entry i is the time of {@code (i+1) << cellLog} bytes} */
    static int[] compute(long rate, int mpu, int cellLog) {
        int[] t = new int[ENTRIES];
        for (int i = 0; i < ENTRIES; i++) {
            long size = Math.max((long) (i + 1) << cellLog, mpu);
            t[i] = (int) TcUnits.xmitTime(rate, size);
        }
        return t;
    }
}
