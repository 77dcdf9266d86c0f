package dev.ffsock.netlink.tc;

import java.util.Locale;

/**
 * tc handles and class ids: a 32-bit {@code major:minor} pair, written in hex as {@code tc} writes
 * them ({@code 1:}, {@code 1:10}, {@code ffff:fff1}, {@code root}, {@code none}).
 */
public final class TcHandle {
    private TcHandle() {
    }

    /**
     * {@return {@code TC_H_MAKE(major << 16, minor)}}
     *
     * @param major 0..0xffff
     * @param minor 0..0xffff
     * @throws IllegalArgumentException if either is out of range
     */
    public static int make(int major, int minor) {
        if (major < 0 || major > 0xffff) throw new IllegalArgumentException("handle major " + major + " outside 0..ffff");
        if (minor < 0 || minor > 0xffff) throw new IllegalArgumentException("handle minor " + minor + " outside 0..ffff");
        return major << 16 | minor;
    }

    /**
     * {@return the major half ({@code TC_H_MAJ(h) >> 16})}
     *
     * @param handle a handle
     */
    public static int major(int handle) {
        return handle >>> 16;
    }

    /**
     * {@return the minor half ({@code TC_H_MIN(h)})}
     *
     * @param handle a handle
     */
    public static int minor(int handle) {
        return handle & Tca.TC_H_MIN_MASK;
    }

    /**
     * Parses a qdisc handle as {@code tc qdisc add ... handle H} does: {@code 1:}, {@code 1} or
     * {@code none} (0); hex, at most {@code ffff}.
     *
     * @param s the text
     * @return the handle ({@code major << 16})
     * @throws IllegalArgumentException if it is not a qdisc handle
     */
    public static int parseQdiscHandle(String s) {
        if (s.equals("none")) return 0;
        String t = s.endsWith(":") ? s.substring(0, s.length() - 1) : s;
        return parseHex(t, s, "qdisc handle") << 16;
    }

    /**
     * Parses a class id or parent as {@code tc} does ({@code get_tc_classid}): {@code root},
     * {@code none}, {@code MAJ:MIN}, {@code MAJ:}, {@code :MIN} or a bare 32-bit hex number; hex halves of
     * at most {@code ffff}.
     *
     * @param s the text
     * @return the 32-bit id
     * @throws IllegalArgumentException if it is not a class id
     */
    public static int parseClassId(String s) {
        if (s.equals("root")) return Tca.TC_H_ROOT;
        if (s.equals("none")) return Tca.TC_H_UNSPEC;
        int colon = s.indexOf(':');
        if (colon < 0) {
            if (s.isEmpty() || s.length() > 8 || !isHex(s)) throw bad(s, "class id");
            return Integer.parseUnsignedInt(s, 16);
        }
        String maj = s.substring(0, colon);
        String min = s.substring(colon + 1);
        int major = maj.isEmpty() ? 0 : parseHex(maj, s, "class id");
        int minor = min.isEmpty() ? 0 : parseHex(min, s, "class id");
        return major << 16 | minor;
    }

    private static int parseHex(String t, String whole, String what) {
        if (t.isEmpty() || t.length() > 4 || !isHex(t)) throw bad(whole, what);
        return Integer.parseInt(t, 16);
    }

    private static boolean isHex(String t) {
        for (int i = 0; i < t.length(); i++) {
            if (Character.digit(t.charAt(i), 16) < 0) return false;
        }
        return true;
    }

    private static IllegalArgumentException bad(String s, String what) {
        return new IllegalArgumentException("invalid " + what + " '" + s + "' (hex MAJ:MIN, each at most ffff)");
    }

    /**
     * {@return a qdisc handle as {@code tc qdisc show} prints it: {@code "%x:"} of the major half}
     *
     * @param handle the handle
     */
    public static String qdiscHandle(int handle) {
        return Integer.toHexString(handle >>> 16) + ":";
    }

    /**
     * {@return a class id as {@code tc} prints it ({@code print_tc_classid}): {@code root}, {@code none},
     * {@code :MIN}, {@code MAJ:} or {@code MAJ:MIN}, in hex}
     *
     * @param id the class id or parent
     */
    public static String classId(int id) {
        if (id == Tca.TC_H_ROOT) return "root";
        if (id == Tca.TC_H_UNSPEC) return "none";
        int maj = id >>> 16;
        int min = id & 0xffff;
        if (maj == 0) return ":" + Integer.toHexString(min);
        if (min == 0) return Integer.toHexString(maj) + ":";
        return String.format(Locale.ROOT, "%x:%x", maj, min);
    }

    /**
     * Parses a u32 filter handle as {@code tc filter ... handle H u32} does: {@code HT:BKT:NODE} in hex,
     * parts may be empty ({@code 800:}, {@code 800::800}, {@code ::1}); hash table at most {@code fff},
     * bucket at most {@code ff}, node at most {@code fff}.
     *
     * @param s the text
     * @return the handle ({@code HT << 20 | BKT << 12 | NODE})
     * @throws IllegalArgumentException if it is not a u32 handle
     */
    public static int parseU32Handle(String s) {
        String[] p = s.split(":", -1);
        if (p.length > 3) throw bad(s, "u32 handle");
        int[] max = {0xfff, 0xff, 0xfff};
        int[] v = new int[3];
        for (int i = 0; i < p.length; i++) {
            if (p[i].isEmpty()) continue;
            if (p[i].length() > 3 || !isHex(p[i])) throw bad(s, "u32 handle");
            v[i] = Integer.parseInt(p[i], 16);
            if (v[i] > max[i]) throw new IllegalArgumentException("invalid u32 handle '" + s + "' (HT:BKT:NODE, at most fff:ff:fff)");
        }
        return v[0] << 20 | v[1] << 12 | v[2];
    }

    /**
     * {@return a u32 filter handle as {@code tc} prints it: {@code HT:BKT:NODE} in hex, empty parts left out
     * ({@code 800:}, {@code 800::800}, {@code none} for 0)}
     *
     * @param handle the filter handle
     */
    public static String u32Handle(int handle) {
        if (handle == 0) return "none";
        int ht = handle >>> 20;
        int bkt = (handle >>> 12) & 0xff;
        int node = handle & 0xfff;
        StringBuilder b = new StringBuilder();
        if (ht != 0) b.append(Integer.toHexString(ht)).append(':');
        if (bkt != 0) b.append(Integer.toHexString(bkt));
        if (node != 0) b.append(':').append(Integer.toHexString(node));
        return b.toString();
    }
}
