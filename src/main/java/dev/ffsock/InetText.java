package dev.ffsock;

import java.net.InetAddress;

/**
 * IP addresses as glibc's {@code inet_ntop} writes them — and so as {@code ip}, {@code ss} and
 * {@code nft} print them: dotted-quad IPv4; IPv6 per RFC 5952 (lower-case hex, the longest run of two
 * or more zero groups, the first of equal runs, written {@code ::}), with IPv4-mapped and
 * IPv4-compatible addresses ending in dotted IPv4 ({@code ::ffff:127.0.0.1}, {@code ::1.2.3.4}; but
 * {@code ::1} and {@code ::2}, as glibc 2.36 writes them). java.net's texts differ: it writes IPv6
 * in full ({@code 0:0:0:0:0:0:0:1}) and turns a mapped address into IPv4.
 */
public final class InetText {
    private InetText() {
    }

    /**
     * {@return the text of {@code address}: an Inet6Address keeps its 16 bytes, so an IPv4-mapped
     * one prints as {@code ::ffff:a.b.c.d}}
     *
     * @param address the address
     */
    public static String format(InetAddress address) {
        return format(address.getAddress());
    }

    /**
     * {@return the text of a 4-byte (IPv4) or 16-byte (IPv6) address}
     *
     * @param b the address bytes, in network order
     *
     * @throws IllegalArgumentException if {@code b} is neither 4 nor 16 bytes long
     */
    public static String format(byte[] b) {
        if (b.length == 4) return dotted(b, 0);
        if (b.length != 16) throw new IllegalArgumentException("not an IPv4 or IPv6 address: " + b.length + " bytes");
        int[] group = new int[8];
        for (int i = 0; i < 8; i++) group[i] = (b[2 * i] & 0xff) << 8 | (b[2 * i + 1] & 0xff);
        int runStart = -1, runLength = 0;
        for (int i = 0; i < 8; ) {
            if (group[i] != 0) {
                i++;
                continue;
            }
            int j = i;
            while (j < 8 && group[j] == 0) j++;
            if (j - i > runLength) {
                runStart = i;
                runLength = j - i;
            }
            i = j;
        }
        if (runLength < 2) runStart = -1;
        // ::a.b.c.d (compatible: six zero groups, not ::1 or ::2-style ::0.0.0.x) and ::ffff:a.b.c.d (mapped).
        boolean ipv4Tail = runStart == 0 && (runLength == 6 || runLength == 5 && group[5] == 0xffff);
        StringBuilder sb = new StringBuilder(39);
        for (int i = 0; i < 8; i++) {
            if (i == runStart) {
                sb.append("::");
                i += runLength - 1;
                continue;
            }
            if (i > 0 && i != runStart + runLength) sb.append(':');
            if (ipv4Tail && i == 6) {
                sb.append(dotted(b, 12));
                break;
            }
            sb.append(Integer.toHexString(group[i]));
        }
        return sb.toString();
    }

    private static String dotted(byte[] b, int at) {
        return (b[at] & 0xff) + "." + (b[at + 1] & 0xff) + "." + (b[at + 2] & 0xff) + "." + (b[at + 3] & 0xff);
    }
}
