package dev.ffsock.cli;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * The training run behind {@code bin/ffsock}'s start-up cache: runs the one-shot query commands once
 * each, output discarded, so that the JVM records the classes (and, on JDK 24+, the linked call
 * sites) they load. The launcher starts it in the background; it is not a user command.
 */
public final class Training {
    private static final String[][] COMMANDS = {
            {"help"},
            {"link"}, {"link", "--json"},
            {"addr"}, {"addr", "--json"},
            {"route"}, {"route", "--json"},
            {"neigh"}, {"neigh", "--json"},
            // issue 10: rules, nexthop objects, route get
            {"rule"}, {"rule", "--json"},
            {"nexthop"}, {"nexthop", "--json"},
            {"route", "get", "127.0.0.1", "--json"},
            {"sockets", "-a"},
            {"genl"},
    };

    private Training() {
    }

    /**
     * Runs the commands; exits 0 even when one fails (a missing kernel feature must not stop the
     * cache from being made for the rest).
     *
     * @param args ignored
     */
    public static void main(String[] args) {
        PrintStream none = new PrintStream(OutputStream.nullOutputStream(), false, StandardCharsets.UTF_8);
        for (String[] c : COMMANDS) Main.run(c, none, none);
    }
}
