package dev.ffsock.netlink.connector;

import dev.ffsock.SockAddrNl;
import dev.ffsock.netlink.MessageBuilder;
import dev.ffsock.netlink.Netlink;
import dev.ffsock.netlink.NetlinkConnection;
import dev.ffsock.netlink.NetlinkEvents;

import java.io.IOException;

/**
 * Process events (fork, exec, exit, uid/gid and comm changes, …) from the kernel's proc connector
 * (NETLINK_CONNECTOR, CN_IDX_PROC): what {@code ffsock monitor proc} (and {@code forkstat}) show.
 * Needs CAP_NET_ADMIN, and the initial user and pid namespaces (the kernel ignores subscriptions
 * from others); events are system-wide.
 */
public final class ProcEvents {
    private ProcEvents() {
    }

    /**
     * Subscribes: socket(2) AF_NETLINK/NETLINK_CONNECTOR, joins group CN_IDX_PROC, and sends
     * PROC_CN_MCAST_LISTEN. The kernel answers with an {@link ProcEvent.Ack} (error EPERM without
     * CAP_NET_ADMIN), delivered as the first event. Closing the subscription sends
     * PROC_CN_MCAST_IGNORE, then closes the socket.
     *
     * @return the subscription
     * @throws IOException if the socket cannot be made, the group joined or the request sent
     *     ({@link dev.ffsock.ErrnoException}: EPERM to join without privilege)
     */
    public static NetlinkEvents<ProcEvent> open() throws IOException {
        NetlinkConnection c = NetlinkConnection.open(Netlink.NETLINK_CONNECTOR);
        try {
            c.subscribe(ProcConnector.CN_IDX_PROC);
            send(c, true);
        } catch (IOException | RuntimeException e) {
            c.close();
            throw e;
        }
        return NetlinkEvents.over(c, ProcEventCodec::decode, () -> {
            try {
                send(c, false);
            } catch (IOException | RuntimeException e) {
                // closing anyway: the kernel drops the listener count with the socket on recent kernels
            }
        });
    }

    private static void send(NetlinkConnection c, boolean listen) throws IOException {
        try (MessageBuilder b = new MessageBuilder(64, false)) {
            b.begin(Netlink.NLMSG_DONE, 0);
            b.setPid(c.portId());
            ProcEventCodec.writeSubscription(b, listen);
            b.end();
            c.socket().sendto(b.segment(), 0, SockAddrNl.kernel());
        }
    }
}
