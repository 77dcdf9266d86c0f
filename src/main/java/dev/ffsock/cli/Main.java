package dev.ffsock.cli;

import dev.ffsock.ErrnoException;

import java.io.IOException;
import java.io.PrintStream;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code ffsock} command line: {@code ffsock <command> [options]}. Subcommands are registered
 * in {@link #COMMANDS}, nowhere else.
 *
 * <p>Exit status: 0 success; 1 a system call or the exchange failed ({@code ffsock: connect:
 * ECONNREFUSED (Connection refused)}); 2 bad arguments ({@code ffsock: <reason>} and the usage);
 * 70 an internal error (with its stack trace).
 */
public final class Main {
    /** Exit status: bad arguments. */
    static final int USAGE = 2;
    /** Exit status: a bug in ffsock (sysexits.h EX_SOFTWARE). */
    static final int INTERNAL = 70;

    /** Every subcommand, by name, in the order the help lists them. */
    static final Map<String, Command> COMMANDS = register(
            new EchoCommand(),
            new PingCommand(),
            new LinkCommand(),
            new AddrCommand(),
            new RouteCommand(),
            new NeighCommand(),
            // issue 10: rules and nexthop objects
            new RuleCommand(),
            new NexthopCommand(),
            // tc: qdiscs, classes, filters
            new QdiscCommand(),
            new ClassCommand(),
            new FilterCommand(),
            new SocketsCommand(),
            new GenlCommand(),
            new MonitorCommand(),
            // issue 10: namespaces, bridge fdb/vlan/link
            new NetnsCommand(),
            new BridgeCommand(),
            new FdbCommand(),
            // issue 10, links
            new TuntapCommand(),
            // ethtool (issue 11)
            new EthtoolCommand(),
            // issue 11: conntrack
            new ConntrackCommand(),
            // issue 11: MPTCP path manager
            new MptcpCommand(),
            // issue 11: nftables
            new NftCommand());

    private Main() {
    }

    private static Map<String, Command> register(Command... commands) {
        Map<String, Command> m = new LinkedHashMap<>();
        for (Command c : commands) {
            if (m.put(c.name(), c) != null) throw new AssertionError("two commands named " + c.name());
        }
        return Collections.unmodifiableMap(m);
    }

    /** Runs {@code ffsock} with the process's arguments and exits with its status. */
    public static void main(String[] args) {
        int status = run(args, new Io(System.out, System.err, true));
        System.out.flush();
        System.exit(status);
    }

    /**
     * Runs {@code ffsock} inside this JVM, as tests do: no signal handling, output to the given streams.
     *
     * @return the exit status
     */
    static int run(String[] args, PrintStream out, PrintStream err) {
        return run(args, new Io(out, err, false));
    }

    private static final String HINT_ALL = " (see 'ffsock help')";

    static int run(String[] args, Io io) {
        if (args.length == 0) {
            io.err().println("ffsock: missing command" + HINT_ALL);
            return USAGE;
        }
        String name = args[0];
        if (name.equals("-h") || name.equals("--help")) {
            io.out().print(usage());
            return 0;
        }
        if (name.equals("help")) return help(args, io);
        Command c = COMMANDS.get(name);
        if (c == null) {
            io.err().println("ffsock: unknown command '" + name + "'" + HINT_ALL);
            return USAGE;
        }
        String[] rest = new String[args.length - 1];
        System.arraycopy(args, 1, rest, 0, rest.length);
        return execute(c, rest, io);
    }

    private static int help(String[] args, Io io) {
        if (args.length == 1) {
            io.out().print(usage());
            return 0;
        }
        Command c = COMMANDS.get(args[1]);
        if (c == null || args.length > 2) {
            io.err().println((c == null ? "ffsock: no such command '" + args[1] + "'" : "ffsock: help takes one command")
                    + HINT_ALL);
            return USAGE;
        }
        io.out().print(c.usage());
        return 0;
    }

    private static int execute(Command c, String[] args, Io io) {
        try {
            return c.run(args, io);
        } catch (UsageException e) {
            // One line, as iproute2 reports a mistake; the usage is one command away.
            io.err().println("ffsock: " + e.getMessage() + " (see 'ffsock help " + c.name() + "')");
            return USAGE;
        } catch (ErrnoException e) {
            io.err().println("ffsock: " + e.getMessage());
            return 1;
        } catch (IOException e) {
            io.err().println("ffsock: " + c.name() + ": " + e.getMessage());
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            io.err().println("ffsock: interrupted");
            return 1;
        } catch (Exception | Error e) {
            io.err().println("ffsock: internal error, please report it:");
            e.printStackTrace(io.err());
            return INTERNAL;
        }
    }

    /** {@return the top-level usage, listing the commands} */
    static String usage() {
        StringBuilder sb = new StringBuilder("""
                usage: ffsock <command> [options]
                       ffsock help [<command>]

                Linux sockets from the command line, through ffsock's Java FFM socket API.

                commands:
                """);
        for (Command c : COMMANDS.values()) sb.append(String.format("  %-8s %s%n", c.name(), c.summary()));
        sb.append(String.format("  %-8s %s%n", "help", "show this text, or a command's usage"));
        sb.append("""

                Run 'ffsock <command> --help' for a command's options.
                Exit status: 0 success, 1 a system call or the exchange failed, 2 bad arguments,
                70 internal error.
                """);
        return sb.toString();
    }
}
