package dev.ffsock.cli;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertNotNull;

/** Runs {@link Main} in this JVM and captures what it prints. */
final class Cli {
    private Cli() {
    }

    /** The outcome of one run. */
    record Result(int status, String out, String err) {
        @Override
        public String toString() {
            return "status " + status + "\n--- stdout:\n" + out + "--- stderr:\n" + err;
        }
    }

    /** Runs {@code ffsock args...} to completion. */
    static Result run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8);
        int status = Main.run(args, o, e);
        o.flush();
        e.flush();
        return new Result(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** An output stream that hands over each complete line as it is printed. */
    static final class Lines extends OutputStream {
        private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        private final ByteArrayOutputStream current = new ByteArrayOutputStream();
        private final StringBuilder all = new StringBuilder();

        @Override
        public synchronized void write(int b) {
            if (b == '\n') {
                String line = current.toString(StandardCharsets.UTF_8);
                current.reset();
                all.append(line).append('\n');
                lines.add(line);
            } else {
                current.write(b);
            }
        }

        /** {@return the next line, waiting up to {@code timeout}} */
        String next(Duration timeout) throws InterruptedException {
            String l = lines.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
            assertNotNull(l, "no line printed within " + timeout);
            return l;
        }

        synchronized String all() {
            return all.toString() + current.toString(StandardCharsets.UTF_8);
        }
    }
}
