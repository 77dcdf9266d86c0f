package dev.ffsock.netlink.netfilter.nft;

import static dev.ffsock.netlink.netfilter.nft.Nft.*;

import dev.ffsock.netlink.BatchException;
import dev.ffsock.netlink.BatchMessage;
import dev.ffsock.netlink.Netlink;
import dev.ffsock.netlink.NetlinkConnection;
import dev.ffsock.netlink.PayloadWriter;
import dev.ffsock.netlink.netfilter.Nfnetlink;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * A transaction on the ruleset, as {@code nft -f FILE} makes one: changes gathered here go to the
 * kernel between NFNL_MSG_BATCH_BEGIN and NFNL_MSG_BATCH_END (res_id NFNL_SUBSYS_NFTABLES) in one
 * datagram at {@link #commit()}, and take effect all together or not at all. Each change asks for
 * an acknowledgement; a refusal names the change ({@link BatchException#index()} counts the
 * changes from 0, in the order they were added here, and its description reads like the nft
 * command). Not thread-safe; use once.
 */
public final class NftBatch {
    private final NetlinkConnection conn;
    private final List<BatchMessage> changes = new ArrayList<>();
    private int nextSetId = 1;
    private boolean committed;

    NftBatch(NetlinkConnection conn) {
        this.conn = conn;
    }

    /** {@return how many changes the batch holds} */
    public int size() {
        return changes.size();
    }

    /**
     * Adds a table ({@code nft add table FAMILY NAME [{ flags dormant; }]}); an existing one is kept.
     *
     * @param family NFPROTO_* family
     * @param name   the name, 1..255 bytes
     * @param flags  NFT_TABLE_F_* flags, or 0
     * @return this batch
     * @throws IllegalArgumentException for a family outside 0..255 or a bad name
     */
    public NftBatch addTable(int family, String name, int flags) {
        name(name, "table");
        return add(NFT_MSG_NEWTABLE, Netlink.NLM_F_CREATE, family, "add table " + fam(family) + " " + name,
                w -> NftCodec.encodeTable(w, name, flags));
    }

    /**
     * Deletes a table and everything in it ({@code nft delete table FAMILY NAME}).
     *
     * @param family NFPROTO_* family
     * @param name   the name
     * @return this batch
     * @throws IllegalArgumentException for a family outside 0..255 or a bad name
     */
    public NftBatch deleteTable(int family, String name) {
        name(name, "table");
        return add(NFT_MSG_DELTABLE, 0, family, "delete table " + fam(family) + " " + name, w -> NftCodec.encodeTable(w, name, -1));
    }

    /**
     * Deletes every table of a family, or of all families ({@code nft flush ruleset}): NFT_MSG_DELTABLE
     * without a name.
     *
     * @param family an NFPROTO_* family, or {@link NfTables#ALL_FAMILIES}
     * @return this batch
     * @throws IllegalArgumentException for a family outside 0..255
     */
    public NftBatch flushRuleset(int family) {
        return add(NFT_MSG_DELTABLE, 0, family, "flush ruleset" + (family == NfTables.ALL_FAMILIES ? "" : " " + fam(family)), w -> { });
    }

    /**
     * Adds a chain: a regular one ({@code nft add chain FAMILY TABLE NAME}) when {@code chain} has no
     * hook, else a base chain ({@code { type T hook H priority P ; policy P ; }}).
     *
     * @param chain the chain (its handle and use are ignored)
     * @return this batch
     * @throws IllegalArgumentException for a family outside 0..255, bad names or a device name
     *         longer than 15 bytes
     */
    public NftBatch addChain(NftChain chain) {
        name(chain.table(), "table");
        name(chain.name(), "chain");
        for (String dev : chain.devices()) {
            int len = dev.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
            if (len == 0 || len > 15 || dev.indexOf('\0') >= 0) throw new IllegalArgumentException("a device name is 1..15 bytes: \"" + dev + "\"");
        }
        if (chain.type() != null) name(chain.type(), "chain type");
        return add(NFT_MSG_NEWCHAIN, Netlink.NLM_F_CREATE, chain.family(),
                "add chain " + fam(chain.family()) + " " + chain.table() + " " + chain.name(), w -> NftCodec.encodeChain(w, chain));
    }

    /**
     * Deletes a chain, which must hold no rules and be no jump target ({@code nft delete chain FAMILY TABLE NAME}).
     *
     * @param family NFPROTO_* family
     * @param table  the table
     * @param name   the chain
     * @return this batch
     * @throws IllegalArgumentException for a family outside 0..255 or bad names
     */
    public NftBatch deleteChain(int family, String table, String name) {
        name(table, "table");
        name(name, "chain");
        NftChain c = new NftChain(family, table, name, 0, 0, null, NftExpr.ABSENT, 0, NftExpr.ABSENT, List.of(), 0);
        return add(NFT_MSG_DELCHAIN, 0, family, "delete chain " + fam(family) + " " + table + " " + name,
                w -> NftCodec.encodeChain(w, c));
    }

    /**
     * Adds a set or map ({@code nft add set|map …}), and its elements when it has some.
     *
     * @param set the set (its handle is ignored)
     * @return this batch
     * @throws IllegalArgumentException for a family outside 0..255, bad names or a key length outside 1..64
     */
    public NftBatch addSet(NftSet set) {
        name(set.table(), "table");
        name(set.name(), "set");
        if (set.keyLen() < 1 || set.keyLen() > NftData.MAX_VALUE_LENGTH) {
            throw new IllegalArgumentException("key length must be 1.." + NftData.MAX_VALUE_LENGTH + ": " + set.keyLen());
        }
        userdata(set.userdata());
        int id = nextSetId++;
        add(NFT_MSG_NEWSET, Netlink.NLM_F_CREATE, set.family(),
                "add " + (set.isMap() ? "map " : "set ") + fam(set.family()) + " " + set.table() + " " + set.name(),
                w -> NftCodec.encodeSet(w, set, id));
        if (!set.elements().isEmpty()) {
            elements(NFT_MSG_NEWSETELEM, Netlink.NLM_F_CREATE, "add element", set.family(), set.table(), set.name(), id, set.elements());
        }
        return this;
    }

    /**
     * Adds an anonymous set with its elements, as nft makes one for {@code tcp dport { 80, 443 }}:
     * its name is a pattern the kernel fills in ({@code __set%d}), so rules of the same batch refer
     * to it by the returned transaction id ({@link NftExpr.Lookup#setId()}).
     *
     * @param set the set: a name containing {@code %d}, flags with {@link Nft#NFT_SET_ANONYMOUS}
     * @return its transaction id (NFTA_SET_ID)
     * @throws IllegalArgumentException if the name has no {@code %d} or the flags lack NFT_SET_ANONYMOUS,
     *         or as {@link #addSet}
     */
    public int addAnonymousSet(NftSet set) {
        if (!set.name().contains("%d") || !set.isAnonymous()) {
            throw new IllegalArgumentException("an anonymous set has a name with %d and NFT_SET_ANONYMOUS: " + set.name());
        }
        int id = nextSetId;
        addSet(set);
        return id;
    }

    /**
     * Deletes a set or map ({@code nft delete set FAMILY TABLE NAME}).
     *
     * @param family NFPROTO_* family
     * @param table  the table
     * @param name   the set
     * @return this batch
     * @throws IllegalArgumentException for a family outside 0..255 or bad names
     */
    public NftBatch deleteSet(int family, String table, String name) {
        name(table, "table");
        name(name, "set");
        return add(NFT_MSG_DELSET, 0, family, "delete set " + fam(family) + " " + table + " " + name, w -> {
            w.attrString(NFTA_SET_TABLE, table);
            w.attrString(NFTA_SET_NAME, name);
        });
    }

    /**
     * Adds elements to a set or map ({@code nft add element FAMILY TABLE SET { … }}). An interval
     * set takes each interval as its start and its end ({@link Nft#NFT_SET_ELEM_INTERVAL_END}).
     *
     * @param family   NFPROTO_* family
     * @param table    the table
     * @param set      the set
     * @param elements the elements, at least one
     * @return this batch
     * @throws IllegalArgumentException for a family outside 0..255, bad names or no elements
     */
    public NftBatch addElements(int family, String table, String set, List<NftSetElement> elements) {
        return elements(NFT_MSG_NEWSETELEM, Netlink.NLM_F_CREATE, "add element", family, table, set, 0, elements);
    }

    /**
     * Deletes elements of a set or map by key ({@code nft delete element FAMILY TABLE SET { … }}).
     *
     * @param family   NFPROTO_* family
     * @param table    the table
     * @param set      the set
     * @param elements the elements (their keys, and interval ends, count)
     * @return this batch
     * @throws IllegalArgumentException for a family outside 0..255, bad names or no elements
     */
    public NftBatch deleteElements(int family, String table, String set, List<NftSetElement> elements) {
        return elements(NFT_MSG_DELSETELEM, 0, "delete element", family, table, set, 0, elements);
    }

    private NftBatch elements(int msg, int flags, String what, int family, String table, String set, int setId,
                              List<NftSetElement> elements) {
        name(table, "table");
        name(set, "set");
        List<NftSetElement> copy = List.copyOf(elements);
        if (copy.isEmpty()) throw new IllegalArgumentException("no elements");
        for (NftSetElement e : copy) userdata(e.userdata());
        String description = what + " " + fam(family) + " " + table + " " + set;
        // A nested attribute holds at most 64 KiB: large lists go in several messages, as nft sends them.
        for (int from = 0; from < copy.size(); from += ELEMENTS_PER_MESSAGE) {
            List<NftSetElement> part = copy.subList(from, Math.min(copy.size(), from + ELEMENTS_PER_MESSAGE));
            String d = copy.size() <= ELEMENTS_PER_MESSAGE ? description
                    : description + " (elements " + from + ".." + (from + part.size() - 1) + ")";
            add(msg, flags, family, d, w -> NftCodec.encodeElements(w, table, set, setId, part));
        }
        return this;
    }

    /** Elements per message: each takes at most ~500 bytes (key, interval end and data of 64 bytes, 255 of user data). */
    private static final int ELEMENTS_PER_MESSAGE = 100;

    /**
     * Appends a rule to its chain ({@code nft add rule FAMILY TABLE CHAIN …}), or places it after
     * the rule whose handle is its {@link NftRule#position()} ({@code nft add rule … position N}).
     *
     * @param rule the rule (its handle is ignored)
     * @return this batch
     * @throws IllegalArgumentException for a family outside 0..255 or bad names
     */
    public NftBatch addRule(NftRule rule) {
        name(rule.table(), "table");
        name(rule.chain(), "chain");
        userdata(rule.userdata());
        NftRule r = new NftRule(rule.family(), rule.table(), rule.chain(), 0, rule.position(), rule.exprs(), rule.userdata());
        return add(NFT_MSG_NEWRULE, Netlink.NLM_F_CREATE | Netlink.NLM_F_APPEND, rule.family(),
                "add rule " + fam(rule.family()) + " " + rule.table() + " " + rule.chain(), w -> NftCodec.encodeRule(w, r));
    }

    /**
     * Inserts a rule at the head of its chain ({@code nft insert rule FAMILY TABLE CHAIN …}), or
     * before the rule whose handle is its {@link NftRule#position()} ({@code … position N}).
     *
     * @param rule the rule (its handle is ignored)
     * @return this batch
     * @throws IllegalArgumentException for a family outside 0..255 or bad names
     */
    public NftBatch insertRule(NftRule rule) {
        name(rule.table(), "table");
        name(rule.chain(), "chain");
        userdata(rule.userdata());
        NftRule r = new NftRule(rule.family(), rule.table(), rule.chain(), 0, rule.position(), rule.exprs(), rule.userdata());
        return add(NFT_MSG_NEWRULE, Netlink.NLM_F_CREATE, rule.family(),
                "insert rule " + fam(rule.family()) + " " + rule.table() + " " + rule.chain(), w -> NftCodec.encodeRule(w, r));
    }

    /**
     * Deletes a rule by handle ({@code nft delete rule FAMILY TABLE CHAIN handle N}).
     *
     * @param family NFPROTO_* family
     * @param table  the table
     * @param chain  the chain
     * @param handle the rule's handle
     * @return this batch
     * @throws IllegalArgumentException for a family outside 0..255, bad names or a handle of 0
     */
    public NftBatch deleteRule(int family, String table, String chain, long handle) {
        name(table, "table");
        name(chain, "chain");
        if (handle == 0) throw new IllegalArgumentException("a rule handle is never 0");
        return add(NFT_MSG_DELRULE, 0, family, "delete rule " + fam(family) + " " + table + " " + chain + " handle "
                + Long.toUnsignedString(handle), w -> {
                    w.attrString(NFTA_RULE_TABLE, table);
                    w.attrString(NFTA_RULE_CHAIN, chain);
                    ExprCodec.be64(w, NFTA_RULE_HANDLE, handle);
                });
    }

    /**
     * Sends the batch and waits for the kernel's answer to every change: all of them take effect,
     * or none.
     *
     * @throws IllegalStateException if the batch is empty or was committed already
     * @throws BatchException when the kernel refused a change: its index among the changes, its
     *         description, errno and ext-ack text (the whole batch was then undone)
     * @throws IOException if sending or receiving fails
     */
    public void commit() throws IOException {
        if (committed) throw new IllegalStateException("the batch was committed already");
        if (changes.isEmpty()) throw new IllegalStateException("the batch is empty");
        committed = true;
        List<BatchMessage> all = new ArrayList<>(changes.size() + 2);
        Consumer<PayloadWriter> batchHeader = w -> Nfnetlink.writeHeader(w, NFPROTO_UNSPEC, Nfnetlink.NFNL_SUBSYS_NFTABLES);
        all.add(new BatchMessage(Nfnetlink.NFNL_MSG_BATCH_BEGIN, 0, batchHeader::accept, "batch begin"));
        all.addAll(changes);
        all.add(new BatchMessage(Nfnetlink.NFNL_MSG_BATCH_END, 0, batchHeader::accept, "batch end"));
        try {
            conn.batch(all);
        } catch (BatchException e) {
            // Count the changes, not the framing: the begin message is -1, the end message size().
            BatchException top = new BatchException(e.index() - 1, e.description(), e.errno(), e.extAck());
            for (Throwable s : e.getSuppressed()) {
                if (s instanceof BatchException b) {
                    top.addSuppressed(new BatchException(b.index() - 1, b.description(), b.errno(), b.extAck()));
                }
            }
            throw top;
        }
    }

    private NftBatch add(int msg, int flags, int family, String description, Consumer<PayloadWriter> attrs) {
        NfTables.checkFamily(family);
        if (committed) throw new IllegalStateException("the batch was committed already");
        changes.add(new BatchMessage(NfTables.type(msg), flags | Netlink.NLM_F_ACK, w -> {
            Nfnetlink.writeHeader(w, family, 0);
            attrs.accept(w);
        }, description));
        return this;
    }

    private static String fam(int family) {
        return NftNetlinkText.familyName(family);
    }

    /** User data is at most NFT_USERDATA_MAXLEN bytes (the kernel's policy). */
    private static void userdata(byte[] u) {
        if (u != null && u.length > NFT_USERDATA_MAXLEN) {
            throw new IllegalArgumentException("user data is at most " + NFT_USERDATA_MAXLEN + " bytes: " + u.length);
        }
    }

    /** Names are NUL-terminated strings of at most NFT_NAME_MAXLEN - 1 bytes (the kernel's policy). */
    static void name(String name, String what) {
        Objects.requireNonNull(name, what);
        int len = name.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
        if (len == 0 || len >= NFT_NAME_MAXLEN || name.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("a " + what + " name is 1.." + (NFT_NAME_MAXLEN - 1) + " bytes without NUL: \"" + name + "\"");
        }
    }
}
