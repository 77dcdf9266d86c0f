package dev.ffsock.bench.servers;

/**
 * ffsock's own echo server, {@code ffsock echo MODE --tcp HOST:PORT} (MODE {@code --epoll} or
 * {@code --uring}), run in this JVM through the CLI's {@code main} on a thread of its own. It prints
 * its own {@code listening on} line; when it cannot start (an unknown option, say), the CLI exits the
 * JVM with its usage status and message, which the harness reports as the model's reason.
 */
final class FfsockCliEcho {
    private FfsockCliEcho() {
    }

    /** {@return null: the CLI prints the listening line itself} */
    static String start(String mode, String hostPort) {
        Thread.ofPlatform().name("ffsock-echo-" + mode.substring(2))
                .start(() -> dev.ffsock.cli.Main.main(new String[] {"echo", mode, "--tcp", hostPort}));
        return null;
    }
}
