package dev.ffsock.netlink.netfilter.nft;

import java.util.List;
import java.util.Objects;

/**
 * A change of the ruleset, as {@code nft monitor} reports it (multicast group NFNLGRP_NFTABLES):
 * an object added or deleted, or the end of a transaction (a new generation).
 */
public sealed interface NftEvent {
    /** {@return true for an addition (NFT_MSG_NEW*), false for a deletion (NFT_MSG_DEL*)} */
    boolean added();

    /**
     * A table added or deleted.
     *
     * @param added true for NFT_MSG_NEWTABLE
     * @param table the table
     */
    record Table(boolean added, NftTable table) implements NftEvent {
    }

    /**
     * A chain added or deleted.
     *
     * @param added true for NFT_MSG_NEWCHAIN
     * @param chain the chain
     */
    record Chain(boolean added, NftChain chain) implements NftEvent {
    }

    /**
     * A rule added or deleted.
     *
     * @param added true for NFT_MSG_NEWRULE
     * @param rule  the rule
     */
    record Rule(boolean added, NftRule rule) implements NftEvent {
    }

    /**
     * A set added or deleted (without its elements: those come as {@link Elements}).
     *
     * @param added true for NFT_MSG_NEWSET
     * @param set   the set
     */
    record Set(boolean added, NftSet set) implements NftEvent {
    }

    /**
     * Set elements added or deleted.
     *
     * @param added    true for NFT_MSG_NEWSETELEM
     * @param family   NFPROTO_* of the table
     * @param table    the table's name
     * @param set      the set's name
     * @param elements the elements
     */
    record Elements(boolean added, int family, String table, String set, List<NftSetElement> elements) implements NftEvent {
        /** Copies the list. */
        public Elements {
            Objects.requireNonNull(table, "table");
            Objects.requireNonNull(set, "set");
            elements = List.copyOf(elements);
        }
    }

    /**
     * A flowtable added or deleted.
     *
     * @param added     true for NFT_MSG_NEWFLOWTABLE
     * @param flowtable the flowtable
     */
    record Flowtable(boolean added, NftFlowtable flowtable) implements NftEvent {
    }

    /**
     * The end of a committed transaction (NFT_MSG_NEWGEN): the ruleset's new generation, and the
     * process that made it.
     *
     * @param id      the generation id
     * @param pid     the committing process's id (NFTA_GEN_PROC_PID), or -1
     * @param process its name (NFTA_GEN_PROC_NAME), or null
     */
    record Generation(long id, int pid, String process) implements NftEvent {
        /** {@return true} */
        public boolean added() {
            return true;
        }
    }
}
