package dev.ffsock.netlink.route;

import dev.ffsock.netlink.Attributes;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/** Bounds-checked reads shared by the decoders: fixed headers and attribute values of checked length. */
final class Fields {
    private Fields() {
    }

    static int u8(MemorySegment s, long off) {
        return Byte.toUnsignedInt(s.get(ValueLayout.JAVA_BYTE, off));
    }

    static int u16(MemorySegment s, long off) {
        return Short.toUnsignedInt(s.get(ValueLayout.JAVA_SHORT_UNALIGNED, off));
    }

    static int s32(MemorySegment s, long off) {
        return s.get(ValueLayout.JAVA_INT_UNALIGNED, off);
    }

    /** An IPv4 or IPv6 address from exactly 4 or 16 bytes; null for any other length. */
    static InetAddress inet(byte[] b) {
        try {
            if (b.length == 4) return InetAddress.getByAddress(b);
            if (b.length == 16) return Inet6Address.getByAddress(null, b, -1);
            return null;
        } catch (UnknownHostException e) {
            throw new AssertionError(e);
        }
    }

    /** The current attribute as an address, or null if its length is not 4 or 16. */
    static InetAddress inet(Attributes a) {
        int n = a.length();
        return n == 4 || n == 16 ? a.inetAddress() : null;
    }

    /** The current attribute as an address of the family's length (4 for AF_INET, 16 for AF_INET6), else null. */
    static InetAddress inet(Attributes a, int family) {
        int n = a.length();
        if (family == 2 && n != 4 || family == 10 && n != 16) return null;
        return inet(a);
    }

    /** Adds the current attribute to {@code raw}. */
    static void keep(Attributes a, List<RawAttribute> raw) {
        raw.add(new RawAttribute(a.type(), a.bytes()));
    }

    /** A NUL-terminated (or unterminated) string attribute. */
    static String string(Attributes a) {
        return a.string();
    }
}
