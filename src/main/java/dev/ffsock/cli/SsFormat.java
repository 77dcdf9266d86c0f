package dev.ffsock.cli;

import java.net.Inet4Address;
import java.net.InetAddress;

/**
 * Addresses printed as {@code ss -n} prints them: {@code 127.0.0.1:8080}, {@code [::1]:8080},
 * {@code *:22} for the IPv6 wildcard of a dual-stack socket, {@code [::]:22} for a v6-only one,
 * {@code 0.0.0.0:22} for IPv4's, {@code *} for port 0, IPv6 text as inet_ntop writes it.
 */
final class SsFormat {
    private SsFormat() {
    }

    /**
     * {@return {@code ADDRESS[%IFNAME]:PORT}}
     *
     * @param v6Only whether the socket is IPV6_V6ONLY (then the wildcard prints as {@code [::]})
     * @param ifname the bound interface's name, or null
     */
    static String endpoint(InetAddress a, int port, boolean v6Only, String ifname) {
        String host;
        if (a instanceof Inet4Address) {
            host = a.getHostAddress();
        } else {
            byte[] b = a.getAddress();
            boolean any = true;
            for (byte x : b) any &= x == 0;
            host = any && !v6Only ? "*" : "[" + ipv6(b) + "]";
        }
        return host + (ifname == null ? "" : "%" + ifname) + ":" + (port == 0 ? "*" : Integer.toString(port));
    }

    /** {@return the text inet_ntop(3) writes for 16 bytes: the longest run of two or more zero groups as ::, dotted IPv4 for mapped and compatible addresses} */
    static String ipv6(byte[] b) {
        int[] w = new int[8];
        for (int i = 0; i < 8; i++) w[i] = (b[2 * i] & 0xff) << 8 | (b[2 * i + 1] & 0xff);
        int best = -1, bestLen = 0;
        for (int i = 0; i < 8; ) {
            if (w[i] != 0) {
                i++;
                continue;
            }
            int j = i;
            while (j < 8 && w[j] == 0) j++;
            if (j - i > bestLen) {
                best = i;
                bestLen = j - i;
            }
            i = j;
        }
        if (bestLen < 2) best = -1;
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (best >= 0 && i >= best && i < best + bestLen) {
                if (i == best) sb.append(':');
                continue;
            }
            if (i > 0) sb.append(':');
            if (i == 6 && best == 0 && (bestLen == 6 || (bestLen == 5 && w[5] == 0xffff))) {
                sb.append(b[12] & 0xff).append('.').append(b[13] & 0xff).append('.')
                        .append(b[14] & 0xff).append('.').append(b[15] & 0xff);
                return sb.toString();
            }
            sb.append(Integer.toHexString(w[i]));
        }
        if (best >= 0 && best + bestLen == 8) sb.append(':');
        return sb.toString();
    }
}
