package dev.ffsock.netlink.tc;

/**
 * The kind-specific part of a qdisc, class or filter ({@code TCA_OPTIONS}), decoded for the kinds
 * ffsock knows and kept raw for the others.
 */
public sealed interface TcOptions permits HtbQdiscOptions, HtbClassOptions, TbfOptions, FifoOptions, PrioOptions,
        U32Options, RawOptions {
}
