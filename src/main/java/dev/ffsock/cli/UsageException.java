package dev.ffsock.cli;

/**
 * A user mistake in the arguments: printed as {@code ffsock: <reason>} followed by the usage, exit
 * status 2, never a stack trace.
 */
final class UsageException extends Exception {
    private static final long serialVersionUID = 1L;

    /** @param reason what was wrong, one line */
    UsageException(String reason) {
        super(reason, null, false, false);
    }
}
