package dev.ffsock.cli;

import dev.ffsock.SockAddrIn;

import java.time.Duration;

/** {@code ffsock ping}: round trips to an echo server, checked byte for byte and timed. */
final class PingCommand implements Command {
    /** The largest UDP payload over IPv4: 65535 less the IPv4 and UDP headers. */
    static final int MAX_UDP4 = 65507;
    /** The largest UDP payload over IPv6 without jumbograms: 65535 less the UDP header. */
    static final int MAX_UDP6 = 65527;

    @Override
    public String name() {
        return "ping";
    }

    @Override
    public String summary() {
        return "time round trips to an echo server, checking every byte";
    }

    @Override
    public String usage() {
        return """
                usage: ffsock ping (--tcp HOST:PORT | --udp HOST:PORT | --unix PATH | --unix @NAME
                                    [--seqpacket | --dgram]) [-n COUNT] [-s SIZE] [--timeout SECONDS]

                Sends COUNT messages of SIZE random bytes to an echo server (such as 'ffsock echo'),
                one at a time, reads each echo back in full, checks it byte for byte and times the
                round trip. Prints one summary line:
                  64 bytes x 10 to 127.0.0.1:7000: min 41.2 us, median 45.0 us, p99 80.1 us
                A wrong or short echo, a timeout or a failed call ends it with exit status 1.

                options:
                  --tcp HOST:PORT    TCP; HOST is an IPv4 literal, an IPv6 literal in brackets
                                     ([::1]:7000) or localhost
                  --udp HOST:PORT    UDP (a lost datagram ends the run with a timeout)
                  --unix PATH        AF_UNIX socket file
                  --unix @NAME       AF_UNIX abstract name
                  --seqpacket        with --unix: SOCK_SEQPACKET
                  --dgram            with --unix: SOCK_DGRAM; the client binds an autobind
                                     abstract address so the server can reply
                  -n COUNT           messages to send, 1 to 1000000 (default 10)
                  -s SIZE            bytes per message (default 64): 0 to 1048576 on a stream,
                                     1 to 1048576 with --seqpacket, 0 to 65507 over UDP/IPv4,
                                     0 to 65527 over UDP/IPv6, 0 to 1048576 with --dgram;
                                     AF_UNIX messages over the socket buffer size (about 200 KiB
                                     by default) fail with EMSGSIZE
                  --timeout SECONDS  limit for connecting and for each echo (default 5)
                  -h, --help         show this help
                """;
    }

    @Override
    public int run(String[] args, Io io) throws Exception {
        Options o = new Options(args);
        Endpoint.Builder where = new Endpoint.Builder();
        int count = 10;
        int size = 64;
        Duration timeout = Duration.ofSeconds(5);
        while (o.hasNext()) {
            String opt = o.next();
            if (where.accept(o)) continue;
            switch (opt) {
                case "-n", "--count" -> count = o.intValue(1, 1_000_000);
                case "-s", "--size" -> size = o.intValue(0, Endpoint.MAX_MESSAGE);
                case "--timeout" -> timeout = o.secondsValue();
                case "-h", "--help" -> {
                    io.out().print(usage());
                    return 0;
                }
                default -> throw o.unknown();
            }
        }
        Endpoint to = where.build();
        if (to.port() == 0) throw new UsageException("port 0 is not a destination: " + to.address());
        int max = !to.dgram() || to.unix() ? Endpoint.MAX_MESSAGE
                : to.address() instanceof SockAddrIn ? MAX_UDP4 : MAX_UDP6;
        int min = to.seqpacket() ? 1 : 0;
        if (size < min || size > max) {
            throw new UsageException("-s must be " + min + " to " + max + " here: " + size);
        }
        RoundTrips times = new Pinger(to, size, timeout).run(count);
        io.out().println(size + " bytes x " + count + " to " + to.address() + ": " + times.summary());
        return 0;
    }
}
