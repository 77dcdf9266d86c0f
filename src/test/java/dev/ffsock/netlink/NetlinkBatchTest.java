package dev.ffsock.netlink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.ffsock.Errno;
import dev.ffsock.netlink.netfilter.Nfnetlink;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

/**
 * {@link NetlinkConnection#batch}, against nfnetlink in a test namespace: every message asking for an
 * acknowledgement gets one; a refusal of a message that did not ask (the batch header) is still
 * reported, by its index, without waiting for acknowledgements that will never come.
 */
class NetlinkBatchTest {
    private static final int NFT_MSG_NEWTABLE = 0, NFT_MSG_GETTABLE = 1, NFT_MSG_DELTABLE = 2;
    private static final int NFTA_TABLE_NAME = 1;
    private NetlinkTestNamespace netns;
    private String ns;

    @BeforeEach
    void setUp() throws Exception {
        netns = NetlinkTestNamespace.create();
        ns = netns.name;
    }

    @AfterEach
    void tearDown() throws Exception {
        if (netns != null) netns.close();
    }

    private static BatchMessage header(int type, int resId) {
        return new BatchMessage(type, 0, w -> Nfnetlink.writeHeader(w, 0, resId), "batch " + type);
    }

    private static BatchMessage table(int msg, String name) {
        return new BatchMessage(Nfnetlink.messageType(Nfnetlink.NFNL_SUBSYS_NFTABLES, msg), Netlink.NLM_F_ACK | Netlink.NLM_F_CREATE,
                w -> {
                    Nfnetlink.writeHeader(w, 2, 0);
                    w.attrString(NFTA_TABLE_NAME, name);
                }, "table " + name);
    }

    private static int tables(NetlinkConnection c) throws Exception {
        return c.dumpAll(Nfnetlink.messageType(Nfnetlink.NFNL_SUBSYS_NFTABLES, NFT_MSG_GETTABLE),
                w -> Nfnetlink.writeHeader(w, 0, 0), m -> m.type() == Nfnetlink.messageType(Nfnetlink.NFNL_SUBSYS_NFTABLES, NFT_MSG_NEWTABLE) ? m : null)
                .size();
    }

    @Test
    void everyAcknowledgementIsRead() throws Exception {
        try (NetlinkConnection c = NetlinkConnection.open(Netlink.NETLINK_NETFILTER, ns)) {
            c.batch(List.of(header(Nfnetlink.NFNL_MSG_BATCH_BEGIN, Nfnetlink.NFNL_SUBSYS_NFTABLES), table(NFT_MSG_NEWTABLE, "a"),
                    table(NFT_MSG_NEWTABLE, "b"), header(Nfnetlink.NFNL_MSG_BATCH_END, Nfnetlink.NFNL_SUBSYS_NFTABLES)));
            // nothing of the batch is left unread: the next request's answer is its own
            assertEquals(2, tables(c));
            BatchException e = assertThrows(BatchException.class, () -> c.batch(List.of(
                    header(Nfnetlink.NFNL_MSG_BATCH_BEGIN, Nfnetlink.NFNL_SUBSYS_NFTABLES), table(NFT_MSG_DELTABLE, "a"),
                    table(NFT_MSG_DELTABLE, "missing"), header(Nfnetlink.NFNL_MSG_BATCH_END, Nfnetlink.NFNL_SUBSYS_NFTABLES))));
            assertEquals(2, e.index());
            assertEquals("table missing", e.description());
            assertEquals(Errno.ENOENT, e.errno());
            assertEquals(2, tables(c), "the refused batch was undone");
        }
    }

    @Test
    void aRefusedHeaderIsReportedWithoutWaiting() throws Exception {
        try (NetlinkConnection c = NetlinkConnection.open(Netlink.NETLINK_NETFILTER, ns)) {
            long t0 = System.nanoTime();
            // res_id names no subsystem: the kernel refuses the batch at its first message, which asked for no ACK
            BatchException e = assertThrows(BatchException.class, () -> c.batch(List.of(header(Nfnetlink.NFNL_MSG_BATCH_BEGIN, 200),
                    table(NFT_MSG_NEWTABLE, "a"), header(Nfnetlink.NFNL_MSG_BATCH_END, 200))));
            assertEquals(0, e.index());
            assertEquals(Errno.EINVAL, e.errno());
            assertEquals(true, System.nanoTime() - t0 < 5_000_000_000L, "returned at once");
            assertEquals(0, tables(c));
        }
        assertThrows(IllegalArgumentException.class, () -> {
            try (NetlinkConnection c = NetlinkConnection.open(Netlink.NETLINK_NETFILTER, ns)) {
                c.batch(List.of());
            }
        });
    }
}
