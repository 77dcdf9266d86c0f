package dev.ffsock.cli;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every user mistake: exit status 2, one {@code ffsock: <reason>} line, then the usage; no stack trace. */
class BadArgumentsTest {
    static Stream<Arguments> mistakes() {
        String longPath = "/tmp/" + "x".repeat(103); // 108 bytes
        return Stream.of(
                Arguments.of("ffsock: missing command", "usage: ffsock <command>", new String[] {}),
                Arguments.of("ffsock: unknown command 'frobnicate'", "usage: ffsock <command>", new String[] {"frobnicate"}),
                Arguments.of("ffsock: no such command 'nope'", "usage: ffsock <command>", new String[] {"help", "nope"}),
                Arguments.of("ffsock: unknown option '--bogus'", "usage: ffsock echo", new String[] {"echo", "--bogus"}),
                Arguments.of("ffsock: unexpected argument 'x'", "usage: ffsock ping", new String[] {"ping", "x"}),
                Arguments.of("ffsock: option --tcp needs a value", "usage: ffsock echo", new String[] {"echo", "--tcp"}),
                Arguments.of("ffsock: option -n needs a value", "usage: ffsock ping", new String[] {"ping", "--tcp", "127.0.0.1:7", "-n"}),
                Arguments.of("ffsock: --tcp: port out of range (0-65535): 65536", "usage: ffsock echo",
                        new String[] {"echo", "--tcp", "127.0.0.1:65536"}),
                Arguments.of("ffsock: --udp: bad port 'x' in 127.0.0.1:x", "usage: ffsock ping",
                        new String[] {"ping", "--udp", "127.0.0.1:x"}),
                Arguments.of("ffsock: --unix: AF_UNIX path is 108 bytes, the limit is 107: " + longPath, "usage: ffsock echo",
                        new String[] {"echo", "--unix", longPath}),
                Arguments.of("ffsock: --unix: AF_UNIX abstract name is 108 bytes, the limit is 107", "usage: ffsock ping",
                        new String[] {"ping", "--unix", "@" + "n".repeat(108)}),
                Arguments.of("ffsock: --tcp: not an IP address: 'example.com' in example.com:80", "usage: ffsock ping",
                        new String[] {"ping", "--tcp", "example.com:80"}),
                Arguments.of("ffsock: --tcp: expected HOST:PORT, [IPv6]:PORT, a path or @name: 7000", "usage: ffsock echo",
                        new String[] {"echo", "--tcp", "7000"}),
                Arguments.of("ffsock: --tcp: IPv6 addresses need brackets: [::1]:7000", "usage: ffsock echo",
                        new String[] {"echo", "--tcp", "::1:7000"}),
                Arguments.of("ffsock: --tcp needs HOST:PORT, not '/tmp/s' (use --unix for AF_UNIX)", "usage: ffsock echo",
                        new String[] {"echo", "--tcp", "/tmp/s"}),
                Arguments.of("ffsock: bad number for --count: 'ten'", "usage: ffsock echo",
                        new String[] {"echo", "--tcp", "127.0.0.1:0", "--count", "ten"}),
                Arguments.of("ffsock: --count must be 1 to 2147483647: 0", "usage: ffsock echo",
                        new String[] {"echo", "--tcp", "127.0.0.1:0", "--count=0"}),
                Arguments.of("ffsock: bad number for -s: '1k'", "usage: ffsock ping",
                        new String[] {"ping", "--tcp", "127.0.0.1:7", "-s", "1k"}),
                Arguments.of("ffsock: -s must be 0 to 1048576: 1048577", "usage: ffsock ping",
                        new String[] {"ping", "--tcp", "127.0.0.1:7", "-s", "1048577"}),
                Arguments.of("ffsock: -s must be 0 to 65507 here: 65508", "usage: ffsock ping",
                        new String[] {"ping", "--udp", "127.0.0.1:7", "-s", "65508"}),
                Arguments.of("ffsock: -s must be 1 to 1048576 here: 0", "usage: ffsock ping",
                        new String[] {"ping", "--unix", "@x", "--seqpacket", "-s", "0"}),
                Arguments.of("ffsock: bad number of seconds for --timeout: 'soon'", "usage: ffsock ping",
                        new String[] {"ping", "--tcp", "127.0.0.1:7", "--timeout", "soon"}),
                Arguments.of("ffsock: port 0 is not a destination: 127.0.0.1:0", "usage: ffsock ping",
                        new String[] {"ping", "--tcp", "127.0.0.1:0"}),
                Arguments.of("ffsock: missing address: give --tcp, --udp or --unix", "usage: ffsock echo",
                        new String[] {"echo", "--count", "1"}),
                Arguments.of("ffsock: give one address: --tcp and --unix", "usage: ffsock echo",
                        new String[] {"echo", "--tcp", "127.0.0.1:0", "--unix", "@x"}),
                Arguments.of("ffsock: --seqpacket needs --unix", "usage: ffsock echo",
                        new String[] {"echo", "--tcp", "127.0.0.1:0", "--seqpacket"}),
                Arguments.of("ffsock: --seqpacket and --dgram exclude each other", "usage: ffsock echo",
                        new String[] {"echo", "--unix", "@x", "--seqpacket", "--dgram"}),
                Arguments.of("ffsock: option --dgram takes no value", "usage: ffsock echo",
                        new String[] {"echo", "--unix", "@x", "--dgram=yes"}),
                Arguments.of("ffsock: --unix: empty abstract name '@'", "usage: ffsock echo",
                        new String[] {"echo", "--unix", "@"}),
                Arguments.of("ffsock: --unix: empty AF_UNIX path", "usage: ffsock echo",
                        new String[] {"echo", "--unix", ""}));
    }

    @ParameterizedTest
    @MethodSource("mistakes")
    void exitsWithStatus2AndTheReason(String reason, String usage, String[] args) {
        Cli.Result r = Cli.run(args);
        assertEquals(2, r.status(), r::toString);
        assertEquals("", r.out(), r::toString);
        String command = usage.substring("usage: ffsock ".length());
        String hint = command.equals("<command>") ? "ffsock help" : "ffsock help " + command;
        assertEquals(reason + " (see '" + hint + "')\n", r.err(), "one line: the reason and where the usage is");
        assertFalse(r.err().contains("Exception") || r.err().contains("\tat "), r::toString);
    }
}
