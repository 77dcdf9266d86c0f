package dev.ffsock.netlink.route;

/** Helpers for the name types: number parsing. */
final class Names {
    private Names() {
    }

    static int parseByte(String s, String what) {
        return parse(s, what, 255);
    }

    static int parse(String s, String what, long max) {
        long v;
        try {
            v = s.startsWith("0x") || s.startsWith("0X") ? Long.parseLong(s.substring(2), 16) : Long.parseLong(s);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("unknown " + what + " '" + s + "'");
        }
        if (v < 0 || v > max) throw new IllegalArgumentException(what + " out of range (0-" + max + "): " + s);
        return (int) v;
    }
}
