package dev.ffsock.cli;

import java.io.PrintStream;

/**
 * A command's output streams, and whether it runs as the whole process ({@code ffsock} started from
 * a shell, so it may install shutdown hooks for SIGINT/SIGTERM) or inside another program (tests).
 *
 * @param out        normal output
 * @param err        diagnostics
 * @param standalone true when the command owns the JVM
 */
record Io(PrintStream out, PrintStream err, boolean standalone) {
}
