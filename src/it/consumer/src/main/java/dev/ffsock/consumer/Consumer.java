package dev.ffsock.consumer;

import dev.ffsock.Domain;
import dev.ffsock.Socket;
import dev.ffsock.Type;
import dev.ffsock.netlink.route.Link;
import dev.ffsock.netlink.route.Rtnetlink;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * One socket call and one netlink call through ffsock, from outside the library: a socketpair(2)
 * exchange and an RTM_GETLINK request for the loopback link. Prints where ffsock was found (class
 * path or module path) and exits 1 if either call did not do what it should.
 */
public final class Consumer {
    private Consumer() {
    }

    public static void main(String[] args) throws Exception {
        String where = Socket.class.getModule().isNamed() ? "module path" : "class path";
        System.out.println("ffsock on the " + where + " (" + Socket.class.getModule() + ")");

        byte[] hello = "hello".getBytes(StandardCharsets.UTF_8);
        byte[] buf = new byte[16];
        int n;
        Socket[] pair = Socket.socketpair(Domain.AF_UNIX, Type.STREAM);
        try (Socket a = pair[0]; Socket b = pair[1]) {
            a.send(hello, 0, hello.length, 0);
            n = b.recv(buf, 0, buf.length, 0);
        }
        String got = new String(buf, 0, n, StandardCharsets.UTF_8);
        System.out.println("socketpair: got \"" + got + "\"");

        Optional<Link> lo;
        try (Rtnetlink rtnl = Rtnetlink.open()) {
            lo = rtnl.link("lo");
        }
        System.out.println("netlink: lo is " + lo.map(l -> "ifindex " + l.index()).orElse("missing"));

        if (!got.equals("hello") || lo.isEmpty()) System.exit(1);
    }
}
