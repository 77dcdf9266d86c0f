package dev.ffsock.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HelpTest {
    @ParameterizedTest
    @ValueSource(strings = {"--help", "-h", "help"})
    void topLevelHelpListsTheCommands(String arg) {
        Cli.Result r = Cli.run(arg);
        assertEquals(0, r.status(), r::toString);
        assertEquals("", r.err());
        assertTrue(r.out().startsWith("usage: ffsock <command> [options]\n"), r::toString);
        for (String c : Main.COMMANDS.keySet()) assertTrue(r.out().contains("\n  " + c + " "), c);
        assertTrue(r.out().contains("ffsock <command> --help"), r::toString);
    }

    @Test
    void echoHelpDocumentsEveryOption() {
        for (String[] args : new String[][] {{"echo", "--help"}, {"echo", "-h"}, {"help", "echo"}}) {
            Cli.Result r = Cli.run(args);
            assertEquals(0, r.status(), r::toString);
            assertEquals("", r.err());
            assertTrue(r.out().startsWith("usage: ffsock echo "), r::toString);
            for (String opt : new String[] {"--tcp HOST:PORT", "--udp HOST:PORT", "--unix PATH", "--unix @NAME",
                    "--seqpacket", "--dgram", "--count N", "-h, --help", "listening on ADDRESS", "SIGTERM"}) {
                assertTrue(r.out().contains(opt), opt);
            }
        }
    }

    @Test
    void pingHelpDocumentsEveryOption() {
        for (String[] args : new String[][] {{"ping", "--help"}, {"help", "ping"}}) {
            Cli.Result r = Cli.run(args);
            assertEquals(0, r.status(), r::toString);
            assertTrue(r.out().startsWith("usage: ffsock ping "), r::toString);
            for (String opt : new String[] {"--tcp HOST:PORT", "--udp HOST:PORT", "--unix PATH", "--unix @NAME",
                    "--seqpacket", "--dgram", "-n COUNT", "-s SIZE", "--timeout SECONDS", "-h, --help",
                    "min 41.2 us, median 45.0 us, p99 80.1 us"}) {
                assertTrue(r.out().contains(opt), opt);
            }
        }
    }

    @Test
    void helpComesBeforeOtherChecks() {
        // No address needed to ask for help.
        assertEquals(0, Cli.run("ping", "-h").status());
    }
}
