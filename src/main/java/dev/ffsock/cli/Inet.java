package dev.ffsock.cli;

import java.net.InetAddress;

/** Formats IP addresses as glibc's {@code inet_ntop} does (which is what {@code ip} prints). */
final class Inet {
    private Inet() {
    }

    /** {@return {@code a} as inet_ntop prints it: dotted quad, or RFC 5952 IPv6 with glibc's IPv4 tails} */
    static String format(InetAddress a) {
        return format(a.getAddress());
    }

    /** {@return 4 or 16 address bytes ({@code b}) as inet_ntop prints them} */
    static String format(byte[] b) {
        if (b.length == 4) return (b[0] & 0xff) + "." + (b[1] & 0xff) + "." + (b[2] & 0xff) + "." + (b[3] & 0xff);
        if (b.length != 16) throw new IllegalArgumentException("not an IPv4 or IPv6 address: " + b.length + " bytes");
        int[] w = new int[8];
        for (int i = 0; i < 8; i++) w[i] = (b[2 * i] & 0xff) << 8 | (b[2 * i + 1] & 0xff);
        int bestBase = -1, bestLen = 0;
        for (int i = 0; i < 8; ) {
            if (w[i] == 0) {
                int j = i;
                while (j < 8 && w[j] == 0) j++;
                if (j - i > bestLen) {
                    bestBase = i;
                    bestLen = j - i;
                }
                i = j;
            } else {
                i++;
            }
        }
        if (bestLen < 2) bestBase = -1;
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (bestBase >= 0 && i >= bestBase && i < bestBase + bestLen) {
                if (i == bestBase) sb.append(':');
                continue;
            }
            if (i != 0) sb.append(':');
            // IPv4-compatible and IPv4-mapped addresses end in dotted IPv4 (glibc 2.36's inet_ntop:
            // ::1.2.3.4 and ::ffff:1.2.3.4, but ::2, not the older ::0.0.0.2).
            if (i == 6 && bestBase == 0 && (bestLen == 6 || bestLen == 5 && w[5] == 0xffff)) {
                sb.append(b[12] & 0xff).append('.').append(b[13] & 0xff).append('.').append(b[14] & 0xff).append('.')
                        .append(b[15] & 0xff);
                break;
            }
            sb.append(Integer.toHexString(w[i]));
        }
        if (bestBase >= 0 && bestBase + bestLen == 8) sb.append(':');
        return sb.toString();
    }
}
