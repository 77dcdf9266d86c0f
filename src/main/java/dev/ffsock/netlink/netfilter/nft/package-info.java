/**
 * nf_tables over nfnetlink (subsystem NFNL_SUBSYS_NFTABLES): what {@code nft} reads and changes.
 * {@link dev.ffsock.netlink.netfilter.nft.NfTables} reads the whole ruleset typed (tables, chains,
 * sets and maps with their elements, flowtables, rules with their expressions), changes it in
 * all-or-nothing batch transactions and subscribes to its changes;
 * {@link dev.ffsock.netlink.netfilter.nft.NftNetlinkText} prints rules as
 * {@code nft --debug=netlink list ruleset} prints them.
 */
package dev.ffsock.netlink.netfilter.nft;
