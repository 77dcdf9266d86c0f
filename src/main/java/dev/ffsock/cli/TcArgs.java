package dev.ffsock.cli;

import dev.ffsock.netlink.tc.TcHandle;
import dev.ffsock.netlink.tc.TcUnits;
import dev.ffsock.netlink.tc.Tca;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The arguments of {@code ffsock qdisc|class|filter}, read the way {@code tc} reads its own: the options
 * {@code --netns NAME} ({@code -n}), {@code --json} ({@code -j}), {@code -s} ({@code --stats}), {@code -d}
 * ({@code --details}) and {@code -h} anywhere, then keywords and their values in order
 * ({@code dev veth0 root handle 1: htb default 10}). Every mistake is a {@link UsageException}, raised
 * before anything is sent.
 */
final class TcArgs {
    final RtnlOptions common = new RtnlOptions();
    boolean stats;
    boolean details;
    private final List<String> words = new ArrayList<>();
    private int next;

    TcArgs(String[] args) throws UsageException {
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (!a.startsWith("-") || a.equals("-") || isNumber(a)) {
                words.add(a);
                continue;
            }
            switch (a) {
                case "-s", "--stats" -> stats = true;
                case "-d", "--details" -> details = true;
                default -> {
                    // the shared ones, through RtnlOptions: --netns NAME (-n), --json (-j), -h
                    boolean needsValue = a.equals("--netns") || a.equals("-n");
                    String[] pair = needsValue && i + 1 < args.length ? new String[] {a, args[++i]} : new String[] {a};
                    Options one = new Options(pair);
                    if (!common.accept(one.next(), one)) throw new UsageException("unknown option '" + a + "'");
                }
            }
        }
    }

    private static boolean isNumber(String a) {
        return a.length() > 1 && Character.isDigit(a.charAt(1));
    }

    /** {@return whether a keyword follows} */
    boolean hasNext() {
        return next < words.size();
    }

    /** {@return the next word, without consuming it, or null} */
    String peek() {
        return hasNext() ? words.get(next) : null;
    }

    /** {@return the next word} */
    String next() throws UsageException {
        if (!hasNext()) throw new UsageException("missing argument");
        return words.get(next++);
    }

    /** {@return the value of keyword {@code key}, the next word} */
    String value(String key) throws UsageException {
        if (!hasNext()) throw new UsageException("'" + key + "' needs a value");
        return words.get(next++);
    }

    /** Fails on the current word: it is not understood where it stands. */
    UsageException unexpected(String word) {
        return new UsageException("unexpected argument '" + word + "'");
    }

    long rate(String key) throws UsageException {
        return parse(key, TcUnits::parseRate);
    }

    long size(String key) throws UsageException {
        return parse(key, TcUnits::parseSize);
    }

    long time(String key) throws UsageException {
        return parse(key, TcUnits::parseTime);
    }

    int classId(String key) throws UsageException {
        return (int) parse(key, s -> Integer.toUnsignedLong(TcHandle.parseClassId(s)));
    }

    int qdiscHandle(String key) throws UsageException {
        return (int) parse(key, s -> Integer.toUnsignedLong(TcHandle.parseQdiscHandle(s)));
    }

    /** A decimal (or 0x hex) number in [min, max]. */
    long number(String key, long min, long max) throws UsageException {
        String v = value(key);
        long n;
        try {
            n = v.startsWith("0x") || v.startsWith("0X") ? Long.parseLong(v.substring(2), 16) : Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw new UsageException("bad number for " + key + ": '" + v + "'");
        }
        if (n < min || n > max) throw new UsageException(key + " must be " + min + " to " + max + ": " + v);
        return n;
    }

    /** A hex number in [0, max] (tc reads {@code default} and u32 values in hex). */
    long hex(String key, long max) throws UsageException {
        String v = value(key);
        String h = v.startsWith("0x") || v.startsWith("0X") ? v.substring(2) : v;
        long n;
        try {
            n = Long.parseLong(h, 16);
        } catch (NumberFormatException e) {
            throw new UsageException("bad hex number for " + key + ": '" + v + "'");
        }
        if (n < 0 || n > max) throw new UsageException(key + " must be 0 to 0x" + Long.toHexString(max) + ": " + v);
        return n;
    }

    /** An Ethernet protocol by name ({@code ip}, {@code ipv6}, {@code arp}, {@code all}, {@code 802.1Q}, …) or number. */
    int protocol(String key) throws UsageException {
        String v = value(key);
        for (int i = 0; i < PROTO_IDS.length; i++) {
            if (PROTO_NAMES[i].equalsIgnoreCase(v)) return PROTO_IDS[i];
        }
        try {
            long n = v.startsWith("0x") ? Long.parseLong(v.substring(2), 16) : Long.parseLong(v);
            if (n >= 0 && n <= 0xffff) return (int) n;
        } catch (NumberFormatException e) {
            // fall through
        }
        throw new UsageException("bad protocol '" + v + "' (ip, ipv6, arp, all, 802.1Q, 802.1ad or a number)");
    }

    private static final int[] PROTO_IDS = {Tca.ETH_P_IP, Tca.ETH_P_IPV6, Tca.ETH_P_ARP, Tca.ETH_P_ALL, Tca.ETH_P_8021Q,
        Tca.ETH_P_8021AD};
    private static final String[] PROTO_NAMES = {"ip", "ipv6", "arp", "all", "802.1Q", "802.1ad"};

    /** {@return a protocol as tc prints it: its name, or {@code [N]}} */
    static String protocolName(int id) {
        for (int i = 0; i < PROTO_IDS.length; i++) if (PROTO_IDS[i] == id) return PROTO_NAMES[i];
        return "[" + id + "]";
    }

    private interface Parser {
        long parse(String s);
    }

    private long parse(String key, Parser p) throws UsageException {
        String v = value(key);
        try {
            return p.parse(v);
        } catch (IllegalArgumentException e) {
            throw new UsageException(key + ": " + e.getMessage().toLowerCase(Locale.ROOT).charAt(0) + e.getMessage().substring(1));
        }
    }
}
