package dev.ffsock.cli;

import dev.ffsock.netlink.route.Rtnetlink;
import dev.ffsock.netlink.tc.Tc;

import java.io.IOException;
import java.util.List;
import java.util.function.Function;

/** What {@code ffsock qdisc|class|filter} share: the usage of the common options, link names, printing. */
final class TcCli {
    private TcCli() {
    }

    /** The usage lines of the options every tc command takes. */
    static final String OPTIONS = """
              -s, --stats    show statistics (tc -s)
              -d, --details  show details (tc -d)
              --netns NAME   work inside network namespace NAME (/run/netns/NAME, as tc -n NAME)
              --json         print a JSON array like 'tc -j' (same keys and values)
              -h, --help     show this help
            """;

    /** A library check that failed on a user's argument, as a usage error. */
    interface Check<T> {
        T get();
    }

    /** {@return {@code c.get()}, with an {@link IllegalArgumentException} turned into a usage error} */
    static <T> T checked(Check<T> c) throws UsageException {
        try {
            return c.get();
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    /** {@return every link of the namespace, for names} */
    static IpJson.Links links(String netns) throws IOException {
        try (Rtnetlink rt = Rtnetlink.open(netns)) {
            return IpJson.Links.of(rt.links());
        }
    }

    /** Prints {@code objects} as a JSON array or as text, one {@code text} block each. */
    static <T> void print(Io io, boolean json, List<T> objects, Function<T, Object> toJson, Function<T, String> text) {
        if (json) {
            io.out().println(Json.write(objects.stream().map(toJson).toList()));
        } else {
            for (T t : objects) io.out().print(text.apply(t));
        }
    }

    /** {@return the link index of {@code dev}, or a usage error when no {@code dev} was given} */
    static int dev(Tc tc, String dev, String what) throws UsageException, IOException {
        if (dev == null) throw new UsageException(what + " needs 'dev DEV'");
        return checkedIo(() -> tc.ifindex(dev));
    }

    /** An I/O step whose argument checks are usage errors. */
    interface IoCheck<T> {
        T get() throws IOException;
    }

    static <T> T checkedIo(IoCheck<T> c) throws UsageException, IOException {
        try {
            return c.get();
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }
}
