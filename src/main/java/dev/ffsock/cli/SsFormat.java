package dev.ffsock.cli;

import dev.ffsock.InetText;

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
            host = any && !v6Only ? "*" : "[" + InetText.format(b) + "]";
        }
        return host + (ifname == null ? "" : "%" + ifname) + ":" + (port == 0 ? "*" : Integer.toString(port));
    }
}
