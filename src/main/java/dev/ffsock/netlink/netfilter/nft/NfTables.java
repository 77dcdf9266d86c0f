package dev.ffsock.netlink.netfilter.nft;

import static dev.ffsock.netlink.netfilter.nft.Nft.*;

import dev.ffsock.netlink.DumpInterruptedException;
import dev.ffsock.netlink.Netlink;
import dev.ffsock.netlink.NetlinkConnection;
import dev.ffsock.netlink.NetlinkEvents;
import dev.ffsock.netlink.NetlinkException;
import dev.ffsock.netlink.NetlinkMessage;
import dev.ffsock.netlink.netfilter.Nfnetlink;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The nf_tables ruleset of one network namespace (NETLINK_NETFILTER, subsystem
 * NFNL_SUBSYS_NFTABLES): what {@code nft list ruleset} reads, {@code nft -f} changes (in one
 * all-or-nothing {@linkplain #batch() batch}) and {@code nft monitor} watches. Needs CAP_NET_ADMIN
 * in the namespace; the kernel's refusals come as {@link NetlinkException} with errno and ext-ack
 * text. Thread-safe as its {@link NetlinkConnection} is.
 */
public final class NfTables implements AutoCloseable {
    /** NFPROTO_UNSPEC: every family. */
    public static final int ALL_FAMILIES = NFPROTO_UNSPEC;
    private static final int CONSISTENT_ATTEMPTS = 5;

    private final NetlinkConnection conn;

    private NfTables(NetlinkConnection conn) {
        this.conn = conn.typeNames(NfTables::typeName);
    }

    /**
     * Opens the ruleset of this process's network namespace (socket(2) AF_NETLINK, NETLINK_NETFILTER).
     *
     * @return the ruleset
     * @throws IOException if the socket cannot be made ({@link dev.ffsock.ErrnoException})
     */
    public static NfTables open() throws IOException {
        return new NfTables(NetlinkConnection.open(Netlink.NETLINK_NETFILTER));
    }

    /**
     * Opens the ruleset of a named network namespace ({@code ip netns exec NAME nft …}).
     *
     * @param namespace the name {@code ip netns add} gave it; null for this process's own
     * @return the ruleset
     * @throws IOException if the namespace cannot be entered or the socket made ({@link dev.ffsock.ErrnoException})
     */
    public static NfTables open(String namespace) throws IOException {
        return new NfTables(NetlinkConnection.open(Netlink.NETLINK_NETFILTER, namespace));
    }

    /** {@return the underlying connection} */
    public NetlinkConnection connection() {
        return conn;
    }

    /**
     * {@return the ruleset's generation id (NFT_MSG_GETGEN): it changes with every committed batch}
     *
     * @throws NetlinkException when the kernel refuses
     * @throws IOException if sending or receiving fails
     */
    public long generation() throws IOException {
        List<Long> g = conn.query(type(NFT_MSG_GETGEN), 0, w -> Nfnetlink.writeHeader(w, ALL_FAMILIES, 0),
                m -> Nfnetlink.message(m.type()) == NFT_MSG_NEWGEN ? NftCodec.decodeGeneration(m) : null);
        if (g.isEmpty()) throw new IOException("NFT_MSG_GETGEN: no NFT_MSG_NEWGEN in the answer");
        return g.get(0);
    }

    /**
     * Lists the tables: {@code nft list tables [FAMILY]}. One NFT_MSG_GETTABLE dump.
     *
     * @param family an NFPROTO_* family, or {@link #ALL_FAMILIES}
     * @return the tables in the kernel's order
     * @throws IllegalArgumentException if {@code family} is outside 0..255
     * @throws NetlinkException when the kernel refuses
     * @throws IOException if sending or receiving fails
     */
    public List<NftTable> tables(int family) throws IOException {
        return dump(NFT_MSG_GETTABLE, family, NFT_MSG_NEWTABLE, NftCodec::decodeTable);
    }

    /**
     * Lists the chains: {@code nft list chains [FAMILY]}. One NFT_MSG_GETCHAIN dump.
     *
     * @param family an NFPROTO_* family, or {@link #ALL_FAMILIES}
     * @return the chains in the kernel's order
     * @throws IllegalArgumentException if {@code family} is outside 0..255
     * @throws NetlinkException when the kernel refuses
     * @throws IOException if sending or receiving fails
     */
    public List<NftChain> chains(int family) throws IOException {
        return dump(NFT_MSG_GETCHAIN, family, NFT_MSG_NEWCHAIN, NftCodec::decodeChain);
    }

    /**
     * Lists the sets and maps, anonymous ones included, without their elements:
     * {@code nft list sets [FAMILY]}. One NFT_MSG_GETSET dump.
     *
     * @param family an NFPROTO_* family, or {@link #ALL_FAMILIES}
     * @return the sets in the kernel's order
     * @throws IllegalArgumentException if {@code family} is outside 0..255
     * @throws NetlinkException when the kernel refuses
     * @throws IOException if sending or receiving fails
     */
    public List<NftSet> sets(int family) throws IOException {
        return dump(NFT_MSG_GETSET, family, NFT_MSG_NEWSET, NftCodec::decodeSet);
    }

    /**
     * Lists the elements of a set or map: {@code nft list set FAMILY TABLE NAME}. One
     * NFT_MSG_GETSETELEM dump.
     *
     * @param family the table's NFPROTO_* family
     * @param table  the table's name
     * @param set    the set's name
     * @return the elements in the kernel's order
     * @throws IllegalArgumentException for a family outside 0..255 or a name of 0 or more than 255 bytes
     * @throws NetlinkException ENOENT when there is no such set, or another refusal
     * @throws IOException if sending or receiving fails
     */
    public List<NftSetElement> elements(int family, String table, String set) throws IOException {
        NftBatch.name(table, "table");
        NftBatch.name(set, "set");
        checkFamily(family);
        List<NftSetElement> out = new ArrayList<>();
        conn.dump(type(NFT_MSG_GETSETELEM), w -> {
            Nfnetlink.writeHeader(w, family, 0);
            w.attrString(NFTA_SET_ELEM_LIST_TABLE, table);
            w.attrString(NFTA_SET_ELEM_LIST_SET, set);
        }, m -> {
            if (Nfnetlink.message(m.type()) == NFT_MSG_NEWSETELEM) out.addAll(NftCodec.decodeElements(m));
        });
        return out;
    }

    /**
     * Lists the flowtables: {@code nft list flowtables}. One NFT_MSG_GETFLOWTABLE dump.
     *
     * @param family an NFPROTO_* family, or {@link #ALL_FAMILIES}
     * @return the flowtables in the kernel's order
     * @throws IllegalArgumentException if {@code family} is outside 0..255
     * @throws NetlinkException when the kernel refuses
     * @throws IOException if sending or receiving fails
     */
    public List<NftFlowtable> flowtables(int family) throws IOException {
        return dump(NFT_MSG_GETFLOWTABLE, family, NFT_MSG_NEWFLOWTABLE, NftCodec::decodeFlowtable);
    }

    /**
     * Lists the rules with their expressions. One NFT_MSG_GETRULE dump.
     *
     * @param family an NFPROTO_* family, or {@link #ALL_FAMILIES}
     * @return the rules, chain by chain in the kernel's order
     * @throws IllegalArgumentException if {@code family} is outside 0..255
     * @throws NetlinkException when the kernel refuses
     * @throws IOException if sending or receiving fails
     */
    public List<NftRule> rules(int family) throws IOException {
        return dump(NFT_MSG_GETRULE, family, NFT_MSG_NEWRULE, NftCodec::decodeRule);
    }

    /**
     * Reads the whole ruleset: {@code nft list ruleset}. The generation is read before and after;
     * when a change came between (or a dump was interrupted), it reads again, up to five times.
     *
     * @return the ruleset, sets with their elements
     * @throws DumpInterruptedException if the ruleset kept changing
     * @throws NetlinkException when the kernel refuses
     * @throws IOException if sending or receiving fails
     */
    public NftRuleset ruleset() throws IOException {
        for (int attempt = 1; ; attempt++) {
            try {
                long gen = generation();
                List<NftTable> tables = tables(ALL_FAMILIES);
                List<NftChain> chains = chains(ALL_FAMILIES);
                List<NftSet> sets = new ArrayList<>();
                for (NftSet s : sets(ALL_FAMILIES)) sets.add(s.withElements(elements(s.family(), s.table(), s.name())));
                List<NftFlowtable> flowtables = flowtables(ALL_FAMILIES);
                List<NftRule> rules = rules(ALL_FAMILIES);
                if (generation() == gen) return new NftRuleset(gen, tables, chains, sets, flowtables, rules);
                if (attempt >= CONSISTENT_ATTEMPTS) throw new DumpInterruptedException("nf_tables ruleset", List.of());
            } catch (DumpInterruptedException e) {
                if (attempt >= CONSISTENT_ATTEMPTS) throw e;
            } catch (NetlinkException e) {
                // A set deleted between the set dump and its element dump: read again.
                if (e.errno() != dev.ffsock.Errno.ENOENT || attempt >= CONSISTENT_ATTEMPTS) throw e;
            }
        }
    }

    /** {@return a new, empty batch transaction on this ruleset} */
    public NftBatch batch() {
        return new NftBatch(conn);
    }

    /**
     * Subscribes to ruleset changes in a namespace (group NFNLGRP_NFTABLES): {@code nft monitor}.
     *
     * @param namespace the name {@code ip netns add} gave it; null for this process's own
     * @return the subscription (it owns its own socket)
     * @throws IOException if the socket cannot be made or the group joined ({@link dev.ffsock.ErrnoException})
     */
    public static NetlinkEvents<NftEvent> events(String namespace) throws IOException {
        NetlinkConnection c = NetlinkConnection.open(Netlink.NETLINK_NETFILTER, namespace);
        try {
            c.subscribe(Nfnetlink.NFNLGRP_NFTABLES);
        } catch (IOException | RuntimeException e) {
            c.close();
            throw e;
        }
        return NetlinkEvents.over(c, NfTables::decodeEvent);
    }

    /**
     * Decodes a notification of NFNL_SUBSYS_NFTABLES.
     *
     * @param m the message
     * @return the event, or null for a message of another subsystem or kind (objects, traces)
     * @throws dev.ffsock.netlink.NetlinkFormatException if it is malformed
     */
    public static NftEvent decodeEvent(NetlinkMessage m) {
        if (Nfnetlink.subsystem(m.type()) != Nfnetlink.NFNL_SUBSYS_NFTABLES) return null;
        return switch (Nfnetlink.message(m.type())) {
            case NFT_MSG_NEWTABLE -> new NftEvent.Table(true, NftCodec.decodeTable(m));
            case NFT_MSG_DELTABLE -> new NftEvent.Table(false, NftCodec.decodeTable(m));
            case NFT_MSG_NEWCHAIN -> new NftEvent.Chain(true, NftCodec.decodeChain(m));
            case NFT_MSG_DELCHAIN -> new NftEvent.Chain(false, NftCodec.decodeChain(m));
            case NFT_MSG_NEWRULE -> new NftEvent.Rule(true, NftCodec.decodeRule(m));
            case NFT_MSG_DELRULE -> new NftEvent.Rule(false, NftCodec.decodeRule(m));
            case NFT_MSG_NEWSET -> new NftEvent.Set(true, NftCodec.decodeSet(m));
            case NFT_MSG_DELSET -> new NftEvent.Set(false, NftCodec.decodeSet(m));
            case NFT_MSG_NEWSETELEM, NFT_MSG_DELSETELEM -> {
                String[] owner = NftCodec.elementOwner(m);
                yield new NftEvent.Elements(Nfnetlink.message(m.type()) == NFT_MSG_NEWSETELEM, Nfnetlink.family(m),
                        owner[0], owner[1], NftCodec.decodeElements(m));
            }
            case NFT_MSG_NEWFLOWTABLE -> new NftEvent.Flowtable(true, NftCodec.decodeFlowtable(m));
            case NFT_MSG_DELFLOWTABLE -> new NftEvent.Flowtable(false, NftCodec.decodeFlowtable(m));
            case NFT_MSG_NEWGEN -> NftCodec.decodeGenerationEvent(m);
            default -> null;
        };
    }

    private <T> List<T> dump(int msg, int family, int answer, java.util.function.Function<NetlinkMessage, T> decode)
            throws IOException {
        checkFamily(family);
        return conn.dumpConsistent(type(msg), w -> Nfnetlink.writeHeader(w, family, 0),
                m -> Nfnetlink.message(m.type()) == answer ? decode.apply(m) : null, CONSISTENT_ATTEMPTS);
    }

    static int type(int msg) {
        return Nfnetlink.messageType(Nfnetlink.NFNL_SUBSYS_NFTABLES, msg);
    }

    static void checkFamily(int family) {
        if (family < 0 || family > 0xff) throw new IllegalArgumentException("family must be 0..255: " + family);
    }

    /** {@return the C name of an nf_tables message type, e.g. "NFT_MSG_NEWRULE"} */
    static String typeName(int type) {
        if (Nfnetlink.subsystem(type) != Nfnetlink.NFNL_SUBSYS_NFTABLES) {
            if (type == Nfnetlink.NFNL_MSG_BATCH_BEGIN) return "NFNL_MSG_BATCH_BEGIN";
            if (type == Nfnetlink.NFNL_MSG_BATCH_END) return "NFNL_MSG_BATCH_END";
            return "nfnetlink subsystem " + Nfnetlink.subsystem(type) + " message " + Nfnetlink.message(type);
        }
        String[] names = {"NEWTABLE", "GETTABLE", "DELTABLE", "NEWCHAIN", "GETCHAIN", "DELCHAIN", "NEWRULE", "GETRULE",
            "DELRULE", "NEWSET", "GETSET", "DELSET", "NEWSETELEM", "GETSETELEM", "DELSETELEM", "NEWGEN", "GETGEN", "TRACE",
            "NEWOBJ", "GETOBJ", "DELOBJ", "GETOBJ_RESET", "NEWFLOWTABLE", "GETFLOWTABLE", "DELFLOWTABLE"};
        int msg = Nfnetlink.message(type);
        return msg < names.length ? "NFT_MSG_" + names[msg] : "nf_tables message " + msg;
    }

    /** Closes the socket. Idempotent. */
    @Override
    public void close() {
        conn.close();
    }
}
