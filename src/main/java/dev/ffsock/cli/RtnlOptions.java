package dev.ffsock.cli;

/**
 * The options shared by the rtnetlink commands ({@code link}, {@code addr}, {@code route},
 * {@code neigh}): {@code --netns NAME}, {@code --json}, {@code -h}. Commands handle their own
 * options first and pass the rest here.
 */
final class RtnlOptions {
    String netns;
    boolean json;
    boolean help;

    /** Consumes the current option if it is a shared one; {@return whether it was} */
    boolean accept(String opt, Options o) throws UsageException {
        switch (opt) {
            case "--netns", "-n" -> {
                netns = o.value();
                if (netns.isEmpty() || netns.contains("/") || netns.equals(".") || netns.equals("..")) {
                    throw new UsageException("bad namespace name for " + opt + ": '" + netns + "'");
                }
            }
            case "--json", "-j" -> {
                o.flag();
                json = true;
            }
            case "-h", "--help" -> help = true;
            default -> {
                return false;
            }
        }
        return true;
    }

    /** The usage lines of the shared options. */
    static final String USAGE = """
              --netns NAME   query inside network namespace NAME (/run/netns/NAME, as ip -n NAME)
              --json         print a JSON array like 'ip -j' (same keys and values)
              -h, --help     show this help
            """;
}
