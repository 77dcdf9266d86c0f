/**
 * ffsock: Linux sockets for Java through the Foreign Function and Memory API.
 *
 * <p>{@code dev.ffsock} holds the socket API (families, types, addresses, options, poll);
 * {@code dev.ffsock.netlink} is the netlink message codec and connection, with the families
 * {@code .route}, {@code .diag} (sock_diag), {@code .genl} (generic netlink), {@code .uevent}
 * (kernel uevents), {@code .tc} (traffic control), {@code .ethtool} (the ethtool family), {@code .netfilter}
 * (nfnetlink: conntrack), {@code .netfilter.nft} (nf_tables),
 * {@code .connector} (process events) and {@code .mptcp} (the MPTCP path manager);
 * {@code dev.ffsock.nio} is java.nio.channels over ffsock sockets and epoll (a SelectorProvider);
 * {@code dev.ffsock.uring} drives io_uring;
 * {@code dev.ffsock.internal} (the generated bindings and the syscall layer) is not exported.
 */
module dev.ffsock {
    exports dev.ffsock;
    exports dev.ffsock.netlink;
    exports dev.ffsock.netlink.route;
    exports dev.ffsock.netlink.diag;
    exports dev.ffsock.netlink.genl;
    exports dev.ffsock.netlink.ethtool;
    exports dev.ffsock.netlink.uevent;
    // tc: qdiscs, classes, filters
    exports dev.ffsock.netlink.tc;
    exports dev.ffsock.netlink.netfilter;
    // nf_tables: rulesets, batches, events
    exports dev.ffsock.netlink.netfilter.nft;
    exports dev.ffsock.netlink.connector;
    exports dev.ffsock.netlink.mptcp;
    // java.nio.channels over ffsock sockets and epoll
    exports dev.ffsock.nio;
    // io_uring (issue 12)
    exports dev.ffsock.uring;
}
