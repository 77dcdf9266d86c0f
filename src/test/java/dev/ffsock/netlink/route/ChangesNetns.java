package dev.ffsock.netlink.route;

import dev.ffsock.netlink.NetlinkConnection;

/**
 * A {@link TestNetns} with what the change tests use in it: a connection, {@link RtnetlinkChanges}
 * over it, an {@link Rtnetlink} reader and, with {@link #withVeth}, a veth pair {@code v0}/{@code v1}
 * up, with 192.0.2.1/24 and 2001:db8::1/64 on {@code v0}. {@link #close()} closes them and deletes
 * the namespace.
 */
final class ChangesNetns implements AutoCloseable {
    final TestNetns ns;
    final NetlinkConnection conn;
    final RtnetlinkChanges ch;
    final Rtnetlink rt;

    private ChangesNetns(TestNetns ns) throws Exception {
        this.ns = ns;
        this.conn = ns.connect();
        this.ch = new RtnetlinkChanges(conn);
        this.rt = Rtnetlink.open(ns.name);
    }

    /** Creates the namespace ({@code ffsock-PREFIX-<random>}) and opens the connections. */
    static ChangesNetns create(String prefix) throws Exception {
        TestNetns ns = TestNetns.create(prefix);
        try {
            return new ChangesNetns(ns);
        } catch (Exception | Error e) {
            ns.close();
            throw e;
        }
    }

    /** Adds the veth pair with its addresses; {@return this} */
    ChangesNetns withVeth() throws Exception {
        ch.addVeth("v0", "v1");
        ch.setUp("v0");
        ch.setUp("v1");
        ch.addAddress("v0", "192.0.2.1/24");
        ns.ip("addr", "add", "2001:db8::1/64", "dev", "v0", "nodad");
        return this;
    }

    @Override
    public void close() throws Exception {
        try {
            rt.close();
            conn.close();
        } finally {
            ns.close();
        }
    }
}
