package dev.ffsock.netlink.tc;

/** Argument checks shared by the tc specs: each throws {@link IllegalArgumentException} naming the value. */
final class TcChecks {
    private TcChecks() {
    }

    static void u32(long v, String what) {
        if (v < 0 || v > 0xffffffffL) throw new IllegalArgumentException(what + " must be 0..2^32-1: " + v);
    }

    static void u16(long v, String what) {
        if (v < 0 || v > 0xffff) throw new IllegalArgumentException(what + " must be 0..65535: " + v);
    }

    /** A kind name as TCA_KIND carries it: 1..15 bytes (IFNAMSIZ with its NUL), printable ASCII. */
    static void kind(String kind) {
        if (kind.isEmpty() || kind.length() > 15) {
            throw new IllegalArgumentException("kind '" + kind + "' must be 1 to 15 characters");
        }
        for (int i = 0; i < kind.length(); i++) {
            char c = kind.charAt(i);
            if (c <= ' ' || c > '~') throw new IllegalArgumentException("kind '" + kind + "' has a character outside ASCII");
        }
    }
}
