package dev.ffsock.netlink.route;

import dev.ffsock.InetText;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * Argument checks shared by the rtnetlink changes: everything the kernel would refuse with EINVAL
 * that Java can see beforehand is refused here with {@link IllegalArgumentException}.
 */
final class ChangeChecks {
    /** IFNAMSIZ less the terminating NUL. */
    static final int IFNAME_MAX = 15;

    private ChangeChecks() {
    }

    /** Checks an interface name as the kernel's dev_valid_name does: 1..15 bytes, no '/', ':', whitespace, not "." or "..". */
    static String ifname(String name) {
        Objects.requireNonNull(name, "interface name");
        int len = name.getBytes(StandardCharsets.UTF_8).length;
        if (len == 0 || len > IFNAME_MAX) {
            throw new IllegalArgumentException("interface name '" + name + "' must be 1 to " + IFNAME_MAX + " bytes, is " + len);
        }
        if (name.equals(".") || name.equals("..")) throw new IllegalArgumentException("interface name cannot be '" + name + "'");
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == '/' || c == ':' || c == '\0' || Character.isWhitespace(c)) {
                throw new IllegalArgumentException("interface name '" + name + "' contains '" + (c == '\0' ? "\\0" : String.valueOf(c)) + "'");
            }
        }
        return name;
    }

    /** {@return AF_INET or AF_INET6 for the address} */
    static int family(InetAddress a) {
        Objects.requireNonNull(a, "address");
        return a instanceof Inet4Address ? AF_INET : AF_INET6;
    }

    /** {@return the longest prefix of the family: 32 or 128} */
    static int maxPrefix(int family) {
        return family == AF_INET ? 32 : 128;
    }

    /** Checks a prefix length against the address's family. */
    static int prefix(InetAddress a, int prefix) {
        int max = maxPrefix(family(a));
        if (prefix < 0 || prefix > max) {
            throw new IllegalArgumentException("prefix length " + prefix + " outside 0.." + max + " for " + InetText.format(a));
        }
        return prefix;
    }

    /**
     * Checks that the address has no bits set past the prefix (a network, as route destinations
     * must be). The message names the network in the address's own family and in ip's notation (an
     * IPv4-mapped IPv6 address stays {@code ::ffff:a.b.c.d}).
     */
    static void network(InetAddress a, int prefix) {
        byte[] b = a.getAddress();
        byte[] net = b.clone();
        for (int bit = prefix; bit < net.length * 8; bit++) net[bit / 8] &= (byte) ~(0x80 >>> (bit % 8));
        if (!Arrays.equals(b, net)) {
            throw new IllegalArgumentException(InetText.format(b) + "/" + prefix + " has host bits set: the network is "
                    + InetText.format(net) + "/" + prefix);
        }
    }

    /** Checks that two addresses are of the same family. */
    static void sameFamily(String what, InetAddress expected, InetAddress a) {
        if (family(expected) != family(a)) {
            throw new IllegalArgumentException(what + " " + InetText.format(a) + " is not of the same family as " + InetText.format(expected));
        }
    }

    /** Checks that an int fits in an unsigned byte. */
    static int u8(String what, int v) {
        if (v < 0 || v > 255) throw new IllegalArgumentException(what + " must be 0..255: " + v);
        return v;
    }

    /** Checks that a long is in {@code min..4294967295} (an unsigned 32-bit value; issue 10). {@return it} */
    static long u32(String what, long v, long min) {
        if (v < min || v > 0xffff_ffffL) throw new IllegalArgumentException(what + " must be " + min + "..4294967295: " + v);
        return v;
    }

    /**
     * Parses {@code ADDRESS/PREFIX} (a literal, never a host name); without a slash the prefix is the
     * full length. IPv6 scope ids are refused.
     *
     * @return the address and prefix
     */
    static Cidr cidr(String s) {
        Objects.requireNonNull(s, "address");
        int slash = s.indexOf('/');
        String addr = slash < 0 ? s : s.substring(0, slash);
        InetAddress a = literal(addr);
        int prefix = maxPrefix(family(a));
        if (slash >= 0) {
            String p = s.substring(slash + 1);
            if (p.isEmpty() || p.length() > 3 || !p.chars().allMatch(Character::isDigit)) {
                throw new IllegalArgumentException("bad prefix length in '" + s + "'");
            }
            prefix = prefix(a, Integer.parseInt(p));
        }
        return new Cidr(a, prefix);
    }

    /** Parses an IPv4 or IPv6 literal without any name lookup. */
    static InetAddress literal(String s) {
        Objects.requireNonNull(s, "address");
        boolean v4 = !s.isEmpty() && s.chars().allMatch(c -> c == '.' || (c >= '0' && c <= '9'));
        boolean v6 = s.indexOf(':') >= 0 && s.chars().allMatch(c -> c == ':' || c == '.' || Character.digit(c, 16) >= 0);
        if (v4) {
            String[] parts = s.split("\\.", -1);
            if (parts.length != 4) throw new IllegalArgumentException("not an IP address: '" + s + "'");
            byte[] b = new byte[4];
            for (int i = 0; i < 4; i++) {
                if (parts[i].isEmpty() || parts[i].length() > 3) throw new IllegalArgumentException("not an IP address: '" + s + "'");
                int v = Integer.parseInt(parts[i]);
                if (v > 255) throw new IllegalArgumentException("not an IP address: '" + s + "'");
                b[i] = (byte) v;
            }
            return byAddress(b);
        }
        if (!v6) throw new IllegalArgumentException("not an IP address literal: '" + s + "'");
        try {
            InetAddress a = InetAddress.ofLiteral(s);
            if (a instanceof Inet6Address) return Inet6Address.getByAddress(null, a.getAddress(), -1);
            return a;
        } catch (IllegalArgumentException | UnknownHostException e) {
            throw new IllegalArgumentException("not an IP address: '" + s + "'");
        }
    }

    static InetAddress byAddress(byte[] b) {
        try {
            return b.length == 16 ? Inet6Address.getByAddress(null, b, -1) : InetAddress.getByAddress(b);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("address of " + b.length + " bytes");
        }
    }

    /** An address and a prefix length. */
    record Cidr(InetAddress address, int prefix) {
    }

    // ---- issue 10, links

    /** Checks a link-layer address against the device's address length. */
    static void lladdr(byte[] a, int expected, String dev) {
        if (a.length != expected) {
            throw new IllegalArgumentException("link-layer address " + java.util.HexFormat.ofDelimiter(":").formatHex(a) + " of "
                    + a.length + " bytes; " + dev + " needs " + expected);
        }
    }

    static final int AF_INET = 2;
    static final int AF_INET6 = 10;
}
