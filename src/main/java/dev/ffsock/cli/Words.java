package dev.ffsock.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * The arguments of a command that reads like iproute2's ({@code neigh add 192.0.2.1 lladdr … dev
 * eth0}): the shared options ({@code --netns NAME}, {@code --json}, {@code -h}, and {@code -4}/{@code
 * -6}) taken out wherever they stand, the rest walked as words. Every mistake is a {@link UsageException}.
 */
final class Words {
    final RtnlOptions common = new RtnlOptions();
    /** 2 for -4, 10 for -6, else 0. */
    int family;
    /** -d, --details. */
    boolean details;
    /** issue 10, links: how many -s (--stats) were given. */
    int stats;
    private final List<String> words = new ArrayList<>();
    private int next;

    Words(String[] args) throws UsageException {
        int i = 0;
        while (i < args.length) {
            String a = args[i];
            if (a.startsWith("-") && a.length() > 1 && !isNumber(a)) {
                int end = i + 1;
                // one option (and its value, for --netns/-n) through the shared parser
                if ((a.equals("--netns") || a.equals("-n")) && end < args.length) end++;
                Options o = new Options(java.util.Arrays.copyOfRange(args, i, end));
                String opt = o.next();
                if (opt.equals("-4") || opt.equals("-6")) {
                    o.flag();
                    family = opt.equals("-4") ? 2 : 10;
                } else if (opt.equals("-d") || opt.equals("--details")) {
                    o.flag();
                    details = true;
                } else if (opt.equals("-s") || opt.equals("--stats")) {
                    o.flag();
                    stats++;
                } else if (!common.accept(opt, o)) {
                    throw o.unknown();
                }
                i = end;
            } else {
                words.add(a);
                i++;
            }
        }
    }

    /** A negative number is a word (an nsid of -5 is reported as bad, not as an unknown option); -4 and -6 are options. */
    private static boolean isNumber(String s) {
        return !s.equals("-4") && !s.equals("-6") && s.length() > 1 && s.substring(1).chars().allMatch(Character::isDigit);
    }

    boolean hasNext() {
        return next < words.size();
    }

    /** {@return the next word, or null if none is left} */
    String peek() {
        return hasNext() ? words.get(next) : null;
    }

    /** {@return the next word} */
    String next(String what) throws UsageException {
        if (!hasNext()) throw new UsageException("missing " + what);
        return words.get(next++);
    }

    /** {@return the value after keyword {@code key}} */
    String value(String key) throws UsageException {
        if (!hasNext()) throw new UsageException("'" + key + "' needs a value");
        return words.get(next++);
    }

    /** {@return the value after {@code key} as an int in [min, max]} */
    int intValue(String key, int min, int max) throws UsageException {
        return number(value(key), min, max, key);
    }

    /** {@return {@code s} as an int in [min, max]; else a usage error naming {@code what}} */
    static int number(String s, int min, int max, String what) throws UsageException {
        long n;
        try {
            n = Long.parseLong(s);
        } catch (NumberFormatException e) {
            throw new UsageException("bad " + what + " '" + s + "' (" + min + " to " + max + ")");
        }
        if (n < min || n > max) throw new UsageException("bad " + what + " '" + s + "' (" + min + " to " + max + ")");
        return (int) n;
    }

    /** {@return {@code s} as an IP address literal (no name lookup)} */
    static java.net.InetAddress address(String s) throws UsageException {
        try {
            return java.net.InetAddress.ofLiteral(s);
        } catch (IllegalArgumentException e) {
            throw new UsageException("bad IP address '" + s + "'");
        }
    }

    /** Fails unless every word was used. */
    void end() throws UsageException {
        if (hasNext()) throw new UsageException("unexpected argument '" + peek() + "'");
    }

    /** {@return a usage error for an unknown word} */
    UsageException unknown(String word) {
        return new UsageException("unknown argument '" + word + "'");
    }
}
