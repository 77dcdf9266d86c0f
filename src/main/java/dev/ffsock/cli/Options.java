package dev.ffsock.cli;

import java.time.Duration;

/**
 * Walks a command's arguments: options as {@code --name VALUE}, {@code --name=VALUE} or
 * {@code -n VALUE}; no positional arguments. Every mistake is a {@link UsageException}.
 */
final class Options {
    private final String[] args;
    private int next;
    private String option;
    private String inlineValue;

    Options(String[] args) {
        this.args = args;
    }

    /** {@return whether another option follows} */
    boolean hasNext() {
        return next < args.length;
    }

    /** {@return the next option's name (without any {@code =VALUE})} */
    String next() throws UsageException {
        String a = args[next++];
        inlineValue = null;
        if (!a.startsWith("-") || a.equals("-") || a.equals("--")) {
            throw new UsageException("unexpected argument '" + a + "'");
        }
        int eq = a.startsWith("--") ? a.indexOf('=') : -1;
        if (eq > 0) {
            inlineValue = a.substring(eq + 1);
            a = a.substring(0, eq);
        }
        option = a;
        return a;
    }

    /** Fails with "unknown option" for the current option. */
    UsageException unknown() {
        return new UsageException("unknown option '" + option + "'");
    }

    /** Checks that the current option, a flag, was not given a value. */
    void flag() throws UsageException {
        if (inlineValue != null) throw new UsageException("option " + option + " takes no value");
    }

    /** {@return the current option's value} */
    String value() throws UsageException {
        if (inlineValue != null) {
            String v = inlineValue;
            inlineValue = null;
            return v;
        }
        if (next >= args.length) throw new UsageException("option " + option + " needs a value");
        return args[next++];
    }

    /** {@return the current option's value as an int in [min, max]} */
    int intValue(int min, int max) throws UsageException {
        String v = value();
        long n;
        try {
            n = Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw new UsageException("bad number for " + option + ": '" + v + "'");
        }
        if (n < min || n > max) throw new UsageException(option + " must be " + min + " to " + max + ": " + v);
        return (int) n;
    }

    /** {@return the current option's value as a positive number of seconds, at most a day} */
    Duration secondsValue() throws UsageException {
        String v = value();
        double s;
        try {
            s = Double.parseDouble(v);
        } catch (NumberFormatException e) {
            throw new UsageException("bad number of seconds for " + option + ": '" + v + "'");
        }
        if (!(s >= 0.001 && s <= 86400)) throw new UsageException(option + " must be 0.001 to 86400 seconds: " + v);
        return Duration.ofNanos(Math.round(s * 1e9));
    }

    /** {@return the current option's name, for messages} */
    String option() {
        return option;
    }
}
