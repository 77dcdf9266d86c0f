package dev.ffsock.internal;

import dev.ffsock.Errno;
import dev.ffsock.ErrnoException;
import dev.ffsock.EthtoolDriverInfo;
import dev.ffsock.EthtoolStat;
import dev.ffsock.internal.bindings.LinuxC;
import dev.ffsock.internal.bindings.ethtool_drvinfo;
import dev.ffsock.internal.bindings.ethtool_gstrings;
import dev.ffsock.internal.bindings.ethtool_sset_info;
import dev.ffsock.internal.bindings.ethtool_stats;
import dev.ffsock.internal.bindings.ifreq;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code SIOCETHTOOL} ioctl requests the ethtool netlink family has no twin for on every kernel:
 * {@code ETHTOOL_GDRVINFO} ({@code ethtool -i}) and {@code ETHTOOL_GSSET_INFO}/{@code GSTRINGS}/{@code GSTATS}
 * ({@code ethtool -S}). Each call fills a {@code struct ifreq} whose {@code ifr_data} points at the
 * command's struct; layouts and numbers come from the bindings.
 */
public final class EthtoolRequests {
    /** C SIOCETHTOOL. */
    private static final long SIOCETHTOOL = LinuxC.SIOCETHTOOL();
    private static final int GSTRING_LEN = LinuxC.ETH_GSTRING_LEN();
    /** A string set's count beyond this is not believed (the kernel's own limit is far below). */
    private static final int MAX_COUNT = 1 << 16;

    private EthtoolRequests() {
    }

    /**
     * ETHTOOL_GDRVINFO on {@code fd} for interface {@code ifname}.
     *
     * @param fd an AF_INET (or any) socket in the interface's network namespace
     * @param ifname the interface's name (checked by the caller)
     * @return the driver's answer
     * @throws ErrnoException as the ioctl fails (ENODEV for no such interface, EOPNOTSUPP)
     */
    public static EthtoolDriverInfo driverInfo(int fd, String ifname) throws ErrnoException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment d = arena.allocate(ethtool_drvinfo.layout());
            d.set(ValueLayout.JAVA_INT, ethtool_drvinfo.cmd$offset(), LinuxC.ETHTOOL_GDRVINFO());
            call(fd, ifname, d, arena, "ETHTOOL_GDRVINFO");
            return new EthtoolDriverInfo(
                    cString(d, ethtool_drvinfo.driver$offset(), 32),
                    cString(d, ethtool_drvinfo.version$offset(), 32),
                    cString(d, ethtool_drvinfo.fw_version$offset(), 32),
                    cString(d, ethtool_drvinfo.erom_version$offset(), 32),
                    cString(d, ethtool_drvinfo.bus_info$offset(), 32),
                    d.get(ValueLayout.JAVA_INT, ethtool_drvinfo.n_priv_flags$offset()),
                    d.get(ValueLayout.JAVA_INT, ethtool_drvinfo.n_stats$offset()),
                    d.get(ValueLayout.JAVA_INT, ethtool_drvinfo.testinfo_len$offset()),
                    d.get(ValueLayout.JAVA_INT, ethtool_drvinfo.eedump_len$offset()),
                    d.get(ValueLayout.JAVA_INT, ethtool_drvinfo.regdump_len$offset()));
        }
    }

    /**
     * The driver's statistics: the names of string set ETH_SS_STATS ({@code ETHTOOL_GSTRINGS}) with the
     * values of {@code ETHTOOL_GSTATS}, in the driver's order; empty when the driver has none.
     *
     * @param fd an AF_INET (or any) socket in the interface's network namespace
     * @param ifname the interface's name (checked by the caller)
     * @return the statistics
     * @throws ErrnoException as an ioctl fails
     */
    public static List<EthtoolStat> statistics(int fd, String ifname) throws ErrnoException {
        try (Arena arena = Arena.ofConfined()) {
            int n = statsCount(fd, ifname, arena);
            if (n <= 0) return List.of();
            if (n > MAX_COUNT) throw new ErrnoException("ioctl SIOCETHTOOL ETHTOOL_GSSET_INFO", Errno.EPROTO, n + " stats for " + ifname);
            MemorySegment s = arena.allocate(ethtool_gstrings.sizeof() + (long) n * GSTRING_LEN, 8);
            s.set(ValueLayout.JAVA_INT, ethtool_gstrings.cmd$offset(), LinuxC.ETHTOOL_GSTRINGS());
            s.set(ValueLayout.JAVA_INT, ethtool_gstrings.string_set$offset(), LinuxC.ETH_SS_STATS());
            s.set(ValueLayout.JAVA_INT, ethtool_gstrings.len$offset(), n);
            call(fd, ifname, s, arena, "ETHTOOL_GSTRINGS");
            MemorySegment v = arena.allocate(ethtool_stats.sizeof() + (long) n * Long.BYTES, 8);
            v.set(ValueLayout.JAVA_INT, ethtool_stats.cmd$offset(), LinuxC.ETHTOOL_GSTATS());
            v.set(ValueLayout.JAVA_INT, ethtool_stats.n_stats$offset(), n);
            call(fd, ifname, v, arena, "ETHTOOL_GSTATS");
            // the kernel reports how many it filled; never read past what was asked for
            int names = Math.min(n, s.get(ValueLayout.JAVA_INT, ethtool_gstrings.len$offset()));
            int values = Math.min(n, v.get(ValueLayout.JAVA_INT, ethtool_stats.n_stats$offset()));
            int count = Math.min(names, values);
            List<EthtoolStat> out = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                String name = cString(s, ethtool_gstrings.data$offset() + (long) i * GSTRING_LEN, GSTRING_LEN);
                long value = v.get(ValueLayout.JAVA_LONG, ethtool_stats.data$offset() + (long) i * Long.BYTES);
                out.add(new EthtoolStat(name, value));
            }
            return out;
        }
    }

    /** ETHTOOL_GSSET_INFO for ETH_SS_STATS: the count, or 0 when the driver reports none. */
    private static int statsCount(int fd, String ifname, Arena arena) throws ErrnoException {
        MemorySegment info = arena.allocate(ethtool_sset_info.sizeof() + Integer.BYTES, 8);
        info.set(ValueLayout.JAVA_INT, ethtool_sset_info.cmd$offset(), LinuxC.ETHTOOL_GSSET_INFO());
        info.set(ValueLayout.JAVA_LONG, ethtool_sset_info.sset_mask$offset(), 1L << LinuxC.ETH_SS_STATS());
        call(fd, ifname, info, arena, "ETHTOOL_GSSET_INFO");
        long mask = info.get(ValueLayout.JAVA_LONG, ethtool_sset_info.sset_mask$offset());
        if ((mask & (1L << LinuxC.ETH_SS_STATS())) == 0) return 0;
        return info.get(ValueLayout.JAVA_INT, ethtool_sset_info.data$offset());
    }

    /** ioctl(fd, SIOCETHTOOL, ifreq{ifname, data}); a failure names the command and the device. */
    private static void call(int fd, String ifname, MemorySegment data, Arena arena, String cmd) throws ErrnoException {
        MemorySegment ifr = arena.allocate(ifreq.layout());
        byte[] name = ifname.getBytes(StandardCharsets.UTF_8);
        MemorySegment.copy(name, 0, ifr, ValueLayout.JAVA_BYTE, ifreq.ifr_ifrn$offset(), name.length);
        ifr.set(ValueLayout.ADDRESS, ifreq.ifr_ifru$offset(), data);
        try {
            Sys.ioctl(fd, SIOCETHTOOL, ifr);
        } catch (ErrnoException e) {
            ErrnoException named = new ErrnoException("ioctl SIOCETHTOOL " + cmd, e.errno(), ifname);
            named.initCause(e);
            throw named;
        }
    }

    private static String cString(MemorySegment m, long offset, int max) {
        int n = 0;
        while (n < max && m.get(ValueLayout.JAVA_BYTE, offset + n) != 0) n++;
        byte[] b = new byte[n];
        MemorySegment.copy(m, ValueLayout.JAVA_BYTE, offset, b, 0, n);
        return new String(b, StandardCharsets.UTF_8);
    }
}
