package dev.ffsock.cli;

/**
 * One {@code ffsock} subcommand. Commands are registered in {@link Main#COMMANDS}; each parses its
 * own arguments and reports bad ones with {@link UsageException}, failed system calls with
 * {@link dev.ffsock.ErrnoException} and other failures with {@link java.io.IOException}.
 */
interface Command {
    /** {@return the subcommand's name, as typed after {@code ffsock}} */
    String name();

    /** {@return a one-line description for the command list} */
    String summary();

    /** {@return the full usage text, ending with a newline} */
    String usage();

    /**
     * Runs the command.
     *
     * @param args the arguments after the subcommand's name
     * @param io   where to print, and whether this is a whole process (signals, exit)
     * @return the exit status
     */
    int run(String[] args, Io io) throws Exception;
}
