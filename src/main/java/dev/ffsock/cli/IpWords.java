package dev.ffsock.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * Walks the words of an iproute2-style command ({@code add from 10.0.0.0/8 table 100 pref 5}):
 * keywords followed by their values. The shared options ({@code --json}, {@code --netns NAME},
 * {@code -4}, {@code -6}, {@code -h}) may stand anywhere and are taken out first. Every mistake
 * is a {@link UsageException}.
 */
final class IpWords {
    private final List<String> words = new ArrayList<>();
    private int next;
    /** The shared options found. */
    final RtnlOptions common = new RtnlOptions();
    /** 4 or 6 when {@code -4}/{@code -6} was given, else 0. */
    int family;

    IpWords(String[] args) throws UsageException {
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--json", "-j" -> common.json = true;
                case "-h", "--help" -> common.help = true;
                case "-4" -> family = 4;
                case "-6" -> family = 6;
                case "--netns", "-n" -> {
                    if (i + 1 >= args.length) throw new UsageException("option " + a + " needs a value");
                    String ns = args[++i];
                    if (ns.isEmpty() || ns.contains("/") || ns.equals(".") || ns.equals("..")) {
                        throw new UsageException("bad namespace name for " + a + ": '" + ns + "'");
                    }
                    common.netns = ns;
                }
                default -> {
                    if (a.startsWith("--")) throw new UsageException("unknown option '" + a + "'");
                    words.add(a);
                }
            }
        }
    }

    /** {@return whether another word follows} */
    boolean hasNext() {
        return next < words.size();
    }

    /** {@return the next word, without taking it; null at the end} */
    String peek() {
        return hasNext() ? words.get(next) : null;
    }

    /** {@return the next word} */
    String next() throws UsageException {
        if (!hasNext()) throw new UsageException("missing argument");
        return words.get(next++);
    }

    /** {@return the value after keyword {@code key}} */
    String value(String key) throws UsageException {
        if (!hasNext()) throw new UsageException("'" + key + "' needs a value");
        return words.get(next++);
    }

    /** {@return the value after {@code key} as a number in [min, max] (decimal, or hex with 0x)} */
    long number(String key, long min, long max) throws UsageException {
        return parse(key, value(key), min, max);
    }

    /** {@return {@code v} as a number in [min, max] (decimal, or hex with 0x)} */
    static long parse(String key, String v, long min, long max) throws UsageException {
        long n;
        try {
            n = v.startsWith("0x") || v.startsWith("0X") ? Long.parseLong(v.substring(2), 16) : Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw new UsageException("bad number for '" + key + "': '" + v + "'");
        }
        if (n < min || n > max) throw new UsageException("'" + key + "' must be " + min + " to " + max + ": " + v);
        return n;
    }

    /** {@return whether any word contains a colon (an IPv6 address)} */
    boolean anyIpv6() {
        for (String w : words) if (w.indexOf(':') >= 0) return true;
        return false;
    }

    /** Fails for an unexpected word. */
    static UsageException unknown(String w) {
        return new UsageException("unexpected argument '" + w + "'");
    }
}
