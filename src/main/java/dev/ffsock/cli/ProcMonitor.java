package dev.ffsock.cli;

import dev.ffsock.Errno;
import dev.ffsock.netlink.NetlinkEvents;
import dev.ffsock.netlink.connector.ProcEvent;
import dev.ffsock.netlink.connector.ProcEvents;

import java.io.IOException;
import java.time.Duration;

/** {@code ffsock monitor proc}: process events from the proc connector, one line each. */
final class ProcMonitor {
    private ProcMonitor() {
    }

    static final String USAGE = """
            usage: ffsock monitor proc [--pid PID] [--count N] [--timeout SECONDS]

            Subscribes to the kernel's process events (the proc connector: needs root) and prints
            one line per event, processes as TGID/PID (process id / thread id):
              fork 100/100 child 101/101
              exec 101/101
              comm 101/101 worker
              uid 101/101 ruid 65534 euid 65534
              gid 101/101 rgid 65534 egid 65534
              sid 101/101
              ptrace 101/101 tracer 200/200
              coredump 101/101 parent 100/100
              exit 101/101 status 768 signal 17 parent 100/100
            A line 'ffsock: monitoring proc' on stderr says when the subscription is in place.

            options:
              --pid PID          only events of process PID (and its forks)
              --count N          exit with status 0 after N events (1 to 1000000000)
              --timeout SECONDS  give up (status 1) if the count is not reached in time
              -h, --help         show this help
            """;

    /** {@return the line of an event} */
    static String line(ProcEvent e) {
        return switch (e) {
            case ProcEvent.Fork f -> "fork " + f.parentTgid() + "/" + f.parentPid() + " child " + f.childTgid() + "/" + f.childPid();
            case ProcEvent.Exec x -> "exec " + x.tgid() + "/" + x.pid();
            case ProcEvent.Comm c -> "comm " + c.tgid() + "/" + c.pid() + " " + c.comm();
            case ProcEvent.Uid u -> "uid " + u.tgid() + "/" + u.pid() + " ruid " + u.realUid() + " euid " + u.effectiveUid();
            case ProcEvent.Gid g -> "gid " + g.tgid() + "/" + g.pid() + " rgid " + g.realGid() + " egid " + g.effectiveGid();
            case ProcEvent.Sid x -> "sid " + x.tgid() + "/" + x.pid();
            case ProcEvent.Ptrace p -> "ptrace " + p.tgid() + "/" + p.pid() + " tracer " + p.tracerTgid() + "/" + p.tracerPid();
            case ProcEvent.Coredump c -> "coredump " + c.tgid() + "/" + c.pid() + " parent " + c.parentTgid() + "/" + c.parentPid();
            case ProcEvent.Exit x -> "exit " + x.tgid() + "/" + x.pid() + " status " + x.exitCode() + " signal " + x.exitSignal()
                    + " parent " + x.parentTgid() + "/" + x.parentPid();
            case ProcEvent.Ack a -> "ack " + a.error();
            case ProcEvent.Other o -> "event 0x" + Integer.toHexString(o.what());
        };
    }

    /** Whether an event concerns process {@code pid}: its own, or a fork of it. */
    private static boolean concerns(ProcEvent e, int pid) {
        return e.tgid() == pid || e instanceof ProcEvent.Fork f && f.parentTgid() == pid;
    }

    static int run(String[] args, Io io) throws Exception {
        Options o = new Options(args);
        long count = -1;
        int pid = -1;
        Duration timeout = null;
        while (o.hasNext()) {
            switch (o.next()) {
                case "--count", "-c" -> count = o.intValue(1, 1_000_000_000);
                case "--timeout" -> timeout = o.secondsValue();
                case "--pid" -> pid = o.intValue(1, Integer.MAX_VALUE);
                case "-h", "--help" -> {
                    io.out().print(USAGE);
                    return 0;
                }
                default -> throw o.unknown();
            }
        }
        try (NetlinkEvents<ProcEvent> events = ProcEvents.open()) {
            io.err().println("ffsock: monitoring proc" + (pid > 0 ? " of " + pid : "") + (count > 0 ? ", " + count + " events" : ""));
            io.err().flush();
            int only = pid;
            return EventLoop.run(io, "monitor", count, timeout, events::next, e -> {
                if (e instanceof ProcEvent.Ack a) {
                    if (a.error() == 0) return false;
                    throw new IOException("the kernel refused the subscription: " + Errno.name(Math.abs(a.error()))
                            + " (" + Errno.description(Math.abs(a.error())) + ")");
                }
                if (only > 0 && !concerns(e, only)) return false;
                io.out().println(line(e));
                return true;
            });
        }
    }
}
