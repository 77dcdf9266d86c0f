package dev.ffsock.bench;

import dev.ffsock.Domain;
import dev.ffsock.SockAddrIn;
import dev.ffsock.Socket;
import dev.ffsock.Type;

/**
 * Case startup.first_socket, contender ffsock: a fresh JVM's first socket — {@code Socket.open(AF_INET,
 * STREAM)}, bind to 127.0.0.1:0, close — timed from main's first line. Not a JMH benchmark:
 * benchmarks/startup.py starts one JVM per sample and reads the line {@link StartupFfm#report} prints.
 */
public final class StartupFfsock {
    private StartupFfsock() {}

    public static void main(String[] args) throws Exception {
        long t0 = System.nanoTime();
        Socket s = Socket.open(Domain.AF_INET, Type.STREAM);
        long t1 = System.nanoTime();
        s.bind(SockAddrIn.of("127.0.0.1", 0));
        long t2 = System.nanoTime();
        s.close();
        long t3 = System.nanoTime();
        StartupFfm.report(t0, t1, t2, t3);
    }
}
