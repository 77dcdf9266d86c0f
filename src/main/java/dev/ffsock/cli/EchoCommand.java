package dev.ffsock.cli;

/** {@code ffsock echo}: an echo server on a TCP, UDP or AF_UNIX address. */
final class EchoCommand implements Command {
    @Override
    public String name() {
        return "echo";
    }

    @Override
    public String summary() {
        return "run an echo server on a TCP, UDP or AF_UNIX address";
    }

    @Override
    public String usage() {
        return """
                usage: ffsock echo (--tcp HOST:PORT | --udp HOST:PORT | --unix PATH | --unix @NAME
                                    [--seqpacket | --dgram]) [--count N] [--epoll | --uring]

                Echo server: sends back every byte (stream) or message (seqpacket, datagram) it
                receives. Once bound it prints one line, 'listening on ADDRESS', with the real
                port when PORT was 0. It runs until SIGINT or SIGTERM (exit status 0; a socket
                file it created is removed), or until --count is reached.

                options:
                  --tcp HOST:PORT  TCP; HOST is an IPv4 literal, an IPv6 literal in brackets
                                   ([::1]:7000) or localhost; PORT 0 picks a free port
                  --udp HOST:PORT  UDP; each datagram goes back to its sender
                  --unix PATH      AF_UNIX socket bound to a file (at most 107 bytes; the file
                                   must not exist yet, and is removed on exit)
                  --unix @NAME     AF_UNIX socket bound to an abstract name (no file)
                  --seqpacket      with --unix: SOCK_SEQPACKET instead of SOCK_STREAM
                  --dgram          with --unix: SOCK_DGRAM; replies go to the sender's address,
                                   so a client must bind its own socket (ffsock ping does)
                  --count N        serve N connections (each until EOF, all at the same time)
                                   or N datagrams, then exit 0
                  --epoll          serve every connection from one thread with edge-triggered
                                   epoll and non-blocking sockets (TCP and AF_UNIX stream only)
                  --uring          serve every connection from one thread with io_uring:
                                   multishot accept, multishot receive into a provided-buffer
                                   ring, send back (TCP and AF_UNIX stream only)
                  -h, --help       show this help
                """;
    }

    @Override
    public int run(String[] args, Io io) throws Exception {
        Options o = new Options(args);
        Endpoint.Builder where = new Endpoint.Builder();
        int count = -1;
        boolean epoll = false;
        boolean uring = false;
        while (o.hasNext()) {
            String opt = o.next();
            if (where.accept(o)) continue;
            switch (opt) {
                case "--count" -> count = o.intValue(1, Integer.MAX_VALUE);
                case "--epoll" -> epoll = true;
                case "--uring" -> uring = true;
                case "-h", "--help" -> {
                    io.out().print(usage());
                    return 0;
                }
                default -> throw o.unknown();
            }
        }
        Endpoint endpoint = where.build();
        if (epoll && (endpoint.dgram() || endpoint.seqpacket())) {
            throw new UsageException("--epoll serves stream sockets only (--tcp, or --unix without --dgram/--seqpacket)");
        }
        if (uring && epoll) throw new UsageException("--epoll and --uring cannot be combined");
        if (uring && (endpoint.dgram() || endpoint.seqpacket())) {
            throw new UsageException("--uring serves stream sockets only (--tcp, or --unix without --dgram/--seqpacket)");
        }
        return new EchoServer(endpoint, count, epoll, uring, io).run();
    }
}
