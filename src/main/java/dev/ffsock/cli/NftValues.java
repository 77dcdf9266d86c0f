package dev.ffsock.cli;

import dev.ffsock.InetText;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;

/**
 * Values of nft's datatypes as {@code nft} writes and reads them: {@code ipv4_addr} 10.0.0.1,
 * {@code ipv6_addr} 2001:db8::1, {@code inet_service} 22, {@code inet_proto} tcp, {@code mark} 16,
 * {@code ifname} "lo", {@code ether_addr} 02:00:00:00:00:01. Bytes are the register's: network
 * order for addresses and ports, host order for marks.
 */
final class NftValues {
    private NftValues() {
    }

    private static final Map<Integer, String> PROTOCOLS = Map.ofEntries(Map.entry(1, "icmp"), Map.entry(2, "igmp"),
            Map.entry(6, "tcp"), Map.entry(17, "udp"), Map.entry(33, "dccp"), Map.entry(41, "ipv6"), Map.entry(47, "gre"),
            Map.entry(50, "esp"), Map.entry(51, "ah"), Map.entry(58, "ipv6-icmp"), Map.entry(132, "sctp"),
            Map.entry(136, "udplite"));

    /** {@return the JSON value nft -j prints for {@code bytes} of datatype {@code type}: a String or a Long} */
    static Object json(String type, byte[] b) {
        switch (type) {
            case "ipv4_addr", "ipv6_addr" -> {
                return address(b);
            }
            case "inet_service" -> {
                return b.length == 2 ? (long) ((b[0] & 0xff) << 8 | (b[1] & 0xff)) : unsignedBig(b);
            }
            case "inet_proto" -> {
                int p = b[0] & 0xff;
                return PROTOCOLS.containsKey(p) ? PROTOCOLS.get(p) : (Object) (long) p;
            }
            case "ifname", "string" -> {
                int n = 0;
                while (n < b.length && b[n] != 0) n++;
                return new String(b, 0, n, StandardCharsets.UTF_8);
            }
            case "ether_addr" -> {
                StringBuilder s = new StringBuilder();
                for (byte x : b) s.append(s.isEmpty() ? "" : ":").append(String.format("%02x", x & 0xff));
                return s.toString();
            }
            default -> {
                return unsignedLittle(b);
            }
        }
    }

    private static Object unsignedBig(byte[] b) {
        return new BigInteger(1, b).longValue();
    }

    private static Object unsignedLittle(byte[] b) {
        byte[] r = b.clone();
        for (int i = 0; i < r.length / 2; i++) {
            byte t = r[i];
            r[i] = r[r.length - 1 - i];
            r[r.length - 1 - i] = t;
        }
        return new BigInteger(1, r).longValue();
    }

    /** nft's address text: inet_ntop's (dotted IPv4; RFC 5952 IPv6 with glibc's IPv4 tails), as nft prints it. */
    static String address(byte[] b) {
        return b.length == 4 || b.length == 16 ? InetText.format(b) : Arrays.toString(b);
    }

    /**
     * {@return the register bytes of {@code text} as datatype {@code type}}
     *
     * @throws UsageException if the text is no such value
     */
    static byte[] parse(String type, String text) throws UsageException {
        switch (type) {
            case "ipv4_addr", "ipv6_addr" -> {
                byte[] a = inet(text);
                if (a.length != (type.equals("ipv4_addr") ? 4 : 16)) throw new UsageException("not an " + type + ": " + text);
                return a;
            }
            case "inet_service" -> {
                int p = Words.number(text, 0, 65535, "port");
                return new byte[] {(byte) (p >> 8), (byte) p};
            }
            case "inet_proto" -> {
                for (var e : PROTOCOLS.entrySet()) if (e.getValue().equals(text)) return new byte[] {(byte) (int) e.getKey()};
                return new byte[] {(byte) Words.number(text, 0, 255, "protocol")};
            }
            case "mark" -> {
                long v = text.startsWith("0x") ? parseHex(text) : Words.number(text, 0, Integer.MAX_VALUE, "mark");
                return java.nio.ByteBuffer.allocate(4).order(java.nio.ByteOrder.nativeOrder()).putInt((int) v).array();
            }
            case "ifname" -> {
                String s = unquote(text);
                byte[] n = s.getBytes(StandardCharsets.UTF_8);
                if (n.length == 0 || n.length > 15) throw new UsageException("an interface name is 1..15 bytes: " + text);
                return Arrays.copyOf(n, 16);
            }
            case "ether_addr" -> {
                String[] p = text.split(":");
                if (p.length != 6) throw new UsageException("not an ether_addr: " + text);
                byte[] out = new byte[6];
                for (int i = 0; i < 6; i++) out[i] = (byte) Integer.parseInt(hexOk(p[i], text), 16);
                return out;
            }
            default -> throw new UsageException("values of type " + type + " are not supported");
        }
    }

    private static String hexOk(String s, String whole) throws UsageException {
        if (s.isEmpty() || s.length() > 2 || !s.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
            throw new UsageException("not an ether_addr: " + whole);
        }
        return s;
    }

    private static long parseHex(String text) throws UsageException {
        try {
            return Long.parseUnsignedLong(text.substring(2), 16) & 0xffffffffL;
        } catch (NumberFormatException e) {
            throw new UsageException("not a number: " + text);
        }
    }

    /** An IPv4 or IPv6 address literal (never a host name); an IPv4-mapped IPv6 literal keeps its 16 bytes. */
    static byte[] inet(String text) throws UsageException {
        byte[] a = Words.address(text).getAddress();
        if (a.length == 4 && text.contains(":")) {
            byte[] m = new byte[16];
            m[10] = (byte) 0xff;
            m[11] = (byte) 0xff;
            System.arraycopy(a, 0, m, 12, 4);
            return m;
        }
        return a;
    }

    /** A string without its surrounding double quotes, if it has them. */
    static String unquote(String s) {
        return s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"") ? s.substring(1, s.length() - 1) : s;
    }
}
