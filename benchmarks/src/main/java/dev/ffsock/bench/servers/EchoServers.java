package dev.ffsock.bench.servers;

import java.io.IOException;

/**
 * Starts one echo server model of the many-connection benchmark (benchmarks/servers.py) in this JVM.
 *
 * <p>Usage: {@code EchoServers MODEL HOST:PORT} (PORT 0 picks a free port). Models:
 * <ul>
 *   <li>{@code nio}: NIO {@code Selector} of the JDK's provider, one thread;</li>
 *   <li>{@code nio-ffsock}: the same on ffsock's {@code SelectorProvider}
 *       ({@code dev.ffsock.nio.FfsockSelectorProvider}, looked up at run time);</li>
 *   <li>{@code vt-net}: java.net {@code ServerSocket}/{@code Socket}, one virtual thread per connection;</li>
 *   <li>{@code vt-ffsock}: ffsock {@code Socket} blocking calls, one virtual thread per connection;</li>
 *   <li>{@code netty-epoll}, {@code netty-iouring}, {@code netty-nio}: Netty, one event-loop thread;</li>
 *   <li>{@code ffsock-epoll}, {@code ffsock-uring}: ffsock's own CLI server in this JVM
 *       ({@code ffsock echo --epoll} / {@code --uring}).</li>
 * </ul>
 *
 * <p>Once it serves, the process prints {@code listening on HOST:PORT}; then it reads its standard
 * input for the measurement window's {@code start} and {@code end} lines ({@link AllocationWindow})
 * and exits at end of input. A model that cannot start prints {@code unavailable: REASON} on standard
 * error and exits with status 3.
 */
public final class EchoServers {
    /** Exit status of a model that cannot run here. */
    static final int UNAVAILABLE = 3;

    private EchoServers() {
    }

    /**
     * Runs the server named by {@code args[0]} on {@code args[1]}.
     *
     * @param args MODEL HOST:PORT
     */
    public static void main(String[] args) throws Exception {
        if (args.length != 2 || args[1].lastIndexOf(':') < 0) {
            System.err.println("usage: EchoServers MODEL HOST:PORT");
            System.exit(2);
        }
        String model = args[0];
        String host = args[1].substring(0, args[1].lastIndexOf(':'));
        int port = Integer.parseInt(args[1].substring(args[1].lastIndexOf(':') + 1));
        String listening;
        try {
            listening = start(model, host, port);
        } catch (Unavailable | LinkageError e) {
            System.err.println("unavailable: " + e.getMessage());
            System.exit(UNAVAILABLE);
            return;
        }
        if (listening != null) {
            System.out.println("listening on " + listening);
            System.out.flush();
        }
        AllocationWindow.serve(System.in, System.out);
        System.exit(0);
    }

    /** Starts a model; {@return HOST:PORT it listens on, or null when it prints its own line} */
    private static String start(String model, String host, int port) throws Exception {
        return switch (model) {
            case "nio" -> NioEcho.start(java.nio.channels.spi.SelectorProvider.provider(), host, port);
            case "nio-ffsock" -> NioEcho.start(FfsockProvider.lookUp(), host, port);
            case "vt-net" -> VirtualThreadNetEcho.start(host, port);
            case "vt-ffsock" -> VirtualThreadFfsockEcho.start(host, port);
            case "netty-epoll", "netty-iouring", "netty-nio" -> NettyEcho.start(model.substring(6), host, port);
            case "ffsock-epoll" -> FfsockCliEcho.start("--epoll", host + ":" + port);
            case "ffsock-uring" -> FfsockCliEcho.start("--uring", host + ":" + port);
            default -> throw new Unavailable("no model named " + model);
        };
    }

    /** A model that cannot run in this JVM or on this kernel; the message says why. */
    static final class Unavailable extends IOException {
        private static final long serialVersionUID = 1L;

        Unavailable(String reason) {
            super(reason);
        }

        Unavailable(String reason, Throwable cause) {
            super(reason, cause);
        }
    }
}
