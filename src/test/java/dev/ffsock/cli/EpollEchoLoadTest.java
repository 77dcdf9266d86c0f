package dev.ffsock.cli;

import dev.ffsock.Domain;
import dev.ffsock.SockAddr;
import dev.ffsock.SockAddrIn;
import dev.ffsock.Socket;
import dev.ffsock.Type;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Load test for {@link EpollEcho}: N loopback TCP clients and N AF_UNIX clients at once against one
 * server thread, each client a virtual thread with a blocking ffsock socket exchanging M messages of
 * random size (1 byte .. 64 KiB, log-uniform so that every size range is exercised while the total
 * stays near 1.2 GB for the defaults, about 20 s on 2 cores; uniform sizes would move 6.5 GB and
 * take over two minutes), every echoed byte checked. Defaults N=1000, M=100; override with
 * -Dffsock.echo.clients / -Dffsock.echo.messages. N is scaled down (with a printed reason) when
 * RLIMIT_NOFILE cannot hold 4N descriptors plus a margin.
 */
class EpollEchoLoadTest {

    private static int openFds() throws IOException {
        try (Stream<Path> s = Files.list(Path.of("/proc/self/fd"))) {
            return (int) s.count() - 1;
        }
    }

    private static long fdLimit() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/limits"))) {
            if (line.startsWith("Max open files")) {
                String soft = line.substring("Max open files".length()).trim().split("\\s+")[0];
                return soft.equals("unlimited") ? Long.MAX_VALUE : Long.parseLong(soft);
            }
        }
        return Long.MAX_VALUE;
    }

    @Test
    void thousandsOfTcpAndUnixClientsOnOneThread() throws Exception {
        int clients = Integer.getInteger("ffsock.echo.clients", 1000);
        int messages = Integer.getInteger("ffsock.echo.messages", 100);
        long limit = fdLimit();
        long room = (limit - openFds() - 256) / 4; // client + server side, TCP + AF_UNIX
        if (room < clients) {
            System.out.println("EpollEchoLoadTest: RLIMIT_NOFILE " + limit + " holds " + room
                    + " clients per family, not " + clients + "; scaling down");
            clients = (int) Math.max(1, room);
        }
        // Make the descriptors the process keeps for good before counting: the virtual-thread
        // poller's epoll descriptor (a virtual thread's first wait) and close's dead socket (the
        // first close of a platform thread's blocked call; the server thread blocks in epoll_wait).
        Socket[] warm = Socket.socketpair(Domain.AF_UNIX, Type.STREAM);
        Thread.ofVirtual().start(() -> {
            try {
                warm[1].poll(dev.ffsock.Poll.POLLIN, 200); // long enough to park even on a loaded machine
            } catch (IOException e) {
                throw new RuntimeException(e);
            }
        }).join();
        Thread blocked = Thread.ofPlatform().start(() -> {
            try {
                warm[1].recv(new byte[1], 0, 1, 0);
            } catch (IOException e) {
                // closed under it: expected
            }
        });
        Thread.sleep(200);
        warm[1].close();
        blocked.join(30_000);
        warm[0].close();
        int before = openFds();
        long t0 = System.nanoTime();
        long bytes;
        try (Socket tcp = Socket.open(Domain.AF_INET, Type.STREAM);
             Socket unix = Socket.open(Domain.AF_UNIX, Type.STREAM)) {
            tcp.bind(SockAddrIn.loopback(0));
            tcp.listen(4096);
            SockAddr unixName = SockAddr.parse("@ffsock-echo-" + ProcessHandle.current().pid() + "-" + System.nanoTime());
            unix.bind(unixName);
            unix.listen(4096);
            try (EpollEcho echo = new EpollEcho(tcp, unix)) {
                bytes = EchoLoad.run("echo-server", echo::run, echo::accepted, echo::bytesEchoed,
                        tcp.getsockname(), unixName, clients, messages, 150);
            }
        }
        long ms = (System.nanoTime() - t0) / 1_000_000;
        System.out.println("EpollEchoLoadTest: " + clients + " TCP + " + clients + " AF_UNIX clients x " + messages
                + " messages, " + bytes + " bytes echoed and checked in " + ms + " ms");
        int after = openFds();
        assertEquals(before, after, "descriptors left open");
    }
}
