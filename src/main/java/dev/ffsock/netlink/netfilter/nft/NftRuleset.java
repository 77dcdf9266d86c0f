package dev.ffsock.netlink.netfilter.nft;

import java.util.List;

/**
 * A whole nf_tables ruleset of one network namespace, as {@code nft list ruleset} reads it: each
 * list in the kernel's order, sets with their elements.
 *
 * @param generation the ruleset generation the listing started at (NFT_MSG_GETGEN)
 * @param tables     the tables
 * @param chains     the chains
 * @param sets       the sets and maps, anonymous ones included
 * @param flowtables the flowtables
 * @param rules      the rules
 */
public record NftRuleset(long generation, List<NftTable> tables, List<NftChain> chains, List<NftSet> sets,
                         List<NftFlowtable> flowtables, List<NftRule> rules) {
    /** Copies the lists. */
    public NftRuleset {
        tables = List.copyOf(tables);
        chains = List.copyOf(chains);
        sets = List.copyOf(sets);
        flowtables = List.copyOf(flowtables);
        rules = List.copyOf(rules);
    }
}
