package dev.ffsock.netlink.route;

import dev.ffsock.NamespaceFd;
import dev.ffsock.NetworkNamespace;

import java.io.IOException;

/**
 * A {@link NetnsRef} made ready to send: a named namespace opened ({@code /run/netns/NAME}) for as
 * long as the request takes, a pid or a caller's descriptor passed through. -1 where unset.
 */
final class NetnsArg implements AutoCloseable {
    static final NetnsArg NONE = new NetnsArg(null, -1, -1);

    private final NamespaceFd opened;
    final int fd;
    final int pid;

    private NetnsArg(NamespaceFd opened, int fd, int pid) {
        this.opened = opened;
        this.fd = fd;
        this.pid = pid;
    }

    /** Opens a named namespace; {@return the argument, {@link #NONE} for null} */
    static NetnsArg open(NetnsRef ns) throws IOException {
        if (ns == null) return NONE;
        if (ns.name() == null) return new NetnsArg(null, ns.fd(), ns.pid());
        NamespaceFd f = NamespaceFd.open(NetworkNamespace.path(ns.name()));
        return new NetnsArg(f, f.fd(), -1);
    }

    @Override
    public void close() {
        if (opened != null) opened.close();
    }
}
