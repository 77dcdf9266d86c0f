package dev.ffsock.netlink.tc;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * tc's units: rates, sizes and times parsed and printed as {@code tc} does, and the kernel's packet
 * scheduler clock ({@code /proc/net/psched}) that turns a burst in bytes into the ticks the kernel keeps.
 */
public final class TcUnits {
    private TcUnits() {
    }

    private static final String[] RATE_NAMES = {"bit", "kibit", "kbit", "mibit", "mbit", "gibit", "gbit", "tibit",
        "tbit", "bps", "kibps", "kbps", "mibps", "mbps", "gibps", "gbps", "tibps", "tbps"};
    private static final double[] RATE_SCALES = {1, 1024., 1000., 1024. * 1024, 1e6, 1024. * 1024 * 1024, 1e9,
        1024. * 1024 * 1024 * 1024, 1e12, 8, 8 * 1024., 8000., 8 * 1024. * 1024, 8e6, 8 * 1024. * 1024 * 1024, 8e9,
        8 * 1024. * 1024 * 1024 * 1024, 8e12};

    /** Microseconds per second: tc's TIME_UNITS_PER_SEC. */
    public static final double USEC_PER_SEC = 1_000_000;

    /**
     * Parses a rate as {@code tc} does: a number and a unit, {@code bit} (the default), {@code kbit},
     * {@code mbit}, {@code gbit}, {@code tbit}, their IEC forms ({@code kibit}, …), or bytes per second
     * ({@code bps}, {@code kbps}, {@code mbps}, …, {@code kibps}, …); case is ignored.
     *
     * @param s the text, e.g. {@code 1mbit}
     * @return bytes per second
     * @throws IllegalArgumentException for no number, an unknown unit, or a rate below 1 byte/s or
     *     beyond 64 bits
     */
    public static long parseRate(String s) {
        int end = numberEnd(s);
        double v = number(s, end, "rate");
        String unit = s.substring(end).toLowerCase(Locale.ROOT);
        double scale = 1;
        if (!unit.isEmpty()) {
            int i = java.util.Arrays.asList(RATE_NAMES).indexOf(unit);
            if (i < 0) throw new IllegalArgumentException("unknown rate unit '" + s.substring(end) + "' in '" + s
                    + "' (bit, kbit, mbit, gbit, tbit, bps, kbps, mbps, …)");
            scale = RATE_SCALES[i];
        }
        double bytes = v * scale / 8;
        if (!(bytes >= 1) || bytes >= 0x1p63) throw new IllegalArgumentException("rate '" + s + "' must be at least 8bit");
        return (long) bytes;
    }

    /**
     * Parses a size as {@code tc} does: bytes, or with {@code b}, {@code k}/{@code kb}, {@code m}/{@code mb},
     * {@code g}/{@code gb} (powers of 1024) or {@code kbit}, {@code mbit}, {@code gbit}; case is ignored.
     *
     * @param s the text, e.g. {@code 10k}
     * @return bytes, 0..2^32-1
     * @throws IllegalArgumentException for no number, an unknown unit or more than 32 bits
     */
    public static long parseSize(String s) {
        int end = numberEnd(s);
        double v = number(s, end, "size");
        double scale = switch (s.substring(end).toLowerCase(Locale.ROOT)) {
            case "", "b" -> 1;
            case "k", "kb" -> 1024;
            case "m", "mb" -> 1024 * 1024;
            case "g", "gb" -> 1024. * 1024 * 1024;
            case "kbit" -> 1024 / 8;
            case "mbit" -> 1024 * 1024 / 8;
            case "gbit" -> 1024. * 1024 * 1024 / 8;
            default -> throw new IllegalArgumentException("unknown size unit '" + s.substring(end) + "' in '" + s
                    + "' (b, k, kb, m, mb, g, gb, kbit, mbit, gbit)");
        };
        double bytes = v * scale;
        if (bytes != Math.floor(bytes) || bytes > 0xffffffffL) {
            throw new IllegalArgumentException("size '" + s + "' is not a whole number of bytes below 4 GiB");
        }
        return (long) bytes;
    }

    /**
     * Parses a time as {@code tc} does: microseconds, or with {@code s}/{@code sec}/{@code secs},
     * {@code ms}/{@code msec}/{@code msecs}, {@code us}/{@code usec}/{@code usecs}.
     *
     * @param s the text, e.g. {@code 50ms}
     * @return microseconds, 0..2^32-1
     * @throws IllegalArgumentException for no number, an unknown unit or more than 32 bits
     */
    public static long parseTime(String s) {
        int end = numberEnd(s);
        double v = number(s, end, "time");
        double scale = switch (s.substring(end).toLowerCase(Locale.ROOT)) {
            case "", "us", "usec", "usecs" -> 1;
            case "ms", "msec", "msecs" -> 1000;
            case "s", "sec", "secs" -> 1_000_000;
            default -> throw new IllegalArgumentException("unknown time unit '" + s.substring(end) + "' in '" + s
                    + "' (s, ms, us)");
        };
        double us = v * scale;
        if (us > 0xffffffffL) throw new IllegalArgumentException("time '" + s + "' too long");
        return (long) us;
    }

    private static int numberEnd(String s) {
        int i = 0;
        while (i < s.length() && (Character.isDigit(s.charAt(i)) || s.charAt(i) == '.')) i++;
        return i;
    }

    private static double number(String s, int end, String what) {
        try {
            if (end == 0) throw new NumberFormatException();
            return Double.parseDouble(s.substring(0, end));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("invalid " + what + " '" + s + "'");
        }
    }

    /**
     * {@return a rate as {@code tc} prints it: bits per second with a decimal unit, e.g. {@code 1Mbit},
     * {@code 1500Kbit}, {@code 800bit}}
     *
     * @param bytesPerSecond the rate
     */
    public static String formatRate(long bytesPerSecond) {
        long rate = bytesPerSecond << 3;
        String[] units = {"", "K", "M", "G", "T"};
        int i = 0;
        for (; i < units.length - 1; i++) {
            if (Long.compareUnsigned(rate, 1000) < 0) break;
            if (rate % 1000 != 0 && Long.compareUnsigned(rate, 1000 * 1000) < 0) break;
            rate = Long.divideUnsigned(rate, 1000);
        }
        return Long.toUnsignedString(rate) + units[i] + "bit";
    }

    /**
     * {@return a size as {@code tc} prints it ({@code sprint_size}): {@code 1600b}, {@code 10Kb}, {@code 1Mb}}
     *
     * @param bytes the size, 0..2^32-1
     */
    public static String formatSize(long bytes) {
        long kilo = 1024;
        long mega = kilo * kilo;
        double tmp = bytes;
        if (bytes >= mega && Math.abs(mega * Math.rint(tmp / mega) - bytes) < 1024) {
            return (long) Math.rint(tmp / mega) + "Mb";
        }
        if (bytes >= kilo && Math.abs(kilo * Math.rint(tmp / kilo) - bytes) < 16) {
            return (long) Math.rint(tmp / kilo) + "Kb";
        }
        return bytes + "b";
    }

    // ---- the packet scheduler clock

    private static final class Clock {
        /** Scheduler ticks per microsecond and the timer frequency, from /proc/net/psched. */
        static final double TICK_IN_USEC;
        static final long HZ;

        static {
            double tick = 15.625;
            long hz = 1_000_000_000L;
            try {
                String[] f = Files.readString(Path.of("/proc/net/psched")).trim().split("\\s+");
                long t2us = Long.parseLong(f[0], 16);
                long us2t = Long.parseLong(f[1], 16);
                long clockRes = Long.parseLong(f[2], 16);
                if (clockRes == 1_000_000_000L) t2us = us2t;
                tick = (double) t2us / us2t * (clockRes / USEC_PER_SEC);
                if (clockRes == 1_000_000L) hz = Long.parseLong(f[3], 16);
            } catch (IOException | RuntimeException e) {
                // No /proc/net/psched (another kernel): the values every kernel since 2.6.31 reports.
            }
            TICK_IN_USEC = tick;
            HZ = hz;
        }
    }

    /** {@return the packet scheduler's ticks per microsecond ({@code /proc/net/psched}; 15.625 on current kernels)} */
    public static double ticksPerMicrosecond() {
        return Clock.TICK_IN_USEC;
    }

    /** {@return the timer frequency tc divides a rate by for the default burst ({@code get_hz()})} */
    public static long hz() {
        return Clock.HZ;
    }

    /**
     * {@return the ticks it takes to send {@code size} bytes at {@code rate} ({@code tc_calc_xmittime}),
     * at most 2^32-1}
     *
     * @param rate bytes per second, positive
     * @param size bytes
     */
    public static long xmitTime(long rate, long size) {
        double v = Math.ceil(USEC_PER_SEC * ((double) size / (double) rate) * Clock.TICK_IN_USEC);
        return v > 0xffffffffL ? 0xffffffffL : (long) v;
    }

    /**
     * {@return the bytes sent in {@code ticks} at {@code rate} ({@code tc_calc_xmitsize})}
     *
     * @param rate  bytes per second
     * @param ticks scheduler ticks
     */
    public static double xmitSize(long rate, long ticks) {
        return (double) rate * (ticks / Clock.TICK_IN_USEC) / USEC_PER_SEC;
    }

    /**
     * {@return scheduler ticks as microseconds ({@code tc_core_tick2time})}
     *
     * @param ticks scheduler ticks
     */
    public static double ticksToMicroseconds(long ticks) {
        return ticks / Clock.TICK_IN_USEC;
    }
}
