package dev.ffsock.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** ffsock link/addr/route/neigh: help, bad arguments (exit 2), errno failures (exit 1), text output. */
class RtnlCommandsTest {
    @ParameterizedTest
    @ValueSource(strings = {"link", "addr", "route", "neigh"})
    void helpDocumentsTheOptions(String cmd) {
        for (String[] args : new String[][] {{cmd, "--help"}, {"help", cmd}}) {
            Cli.Result r = Cli.run(args);
            assertEquals(0, r.status(), r::toString);
            assertTrue(r.out().startsWith("usage: ffsock " + cmd), r::toString);
            for (String opt : new String[] {"--netns NAME", "--json", "-h, --help"}) assertTrue(r.out().contains(opt), opt);
        }
        assertTrue(Cli.run("route", "-h").out().contains("--table T"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"link", "addr", "route", "neigh"})
    void textOutputHasOneLinePerObject(String cmd) {
        Cli.Result r = Cli.run(cmd);
        assertEquals(0, r.status(), r::toString);
        assertTrue(cmd.equals("neigh") || r.out().lines().count() > 0, r::toString);
    }

    @Test
    void badArguments() {
        check("ffsock: unknown option '--bogus'", "link", "--bogus");
        check("ffsock: option --netns needs a value", "addr", "--netns");
        check("ffsock: bad table for --table: 'nope' (all, main, local, default or 1 to 4294967295)", "route", "--table", "nope");
        check("ffsock: bad table for --table: '4294967296' (all, main, local, default or 1 to 4294967295)", "route", "--table", "4294967296");
        check("ffsock: option --json takes no value", "neigh", "--json=yes");
        check("ffsock: unknown link command 'eth0' (show, add, set, del)", "link", "eth0"); // link takes subcommands since issue 10
        check("ffsock: bad namespace name for --netns: '../x'", "route", "--netns", "../x");
    }

    private static void check(String message, String... args) {
        Cli.Result r = Cli.run(args);
        assertEquals(2, r.status(), r::toString);
        assertEquals(message + " (see 'ffsock help " + args[0] + "')\n", r.err(), r::toString);
    }

    @Test
    void missingNamespaceIsAnErrnoFailure() {
        Cli.Result r = Cli.run("link", "--netns", "ffsock-no-such-namespace-x");
        assertEquals(1, r.status(), r::toString);
        assertTrue(r.err().startsWith("ffsock: "), r::toString);
    }
}
