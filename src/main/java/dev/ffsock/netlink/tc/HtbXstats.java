package dev.ffsock.netlink.tc;

/**
 * An htb class's extended statistics ({@code struct tc_htb_xstats}, {@code tc -s class show}).
 *
 * @param lends   {@code lends} ({@code lended})
 * @param borrows {@code borrows} ({@code borrowed})
 * @param giants  {@code giants}
 * @param tokens  {@code tokens}
 * @param ctokens {@code ctokens}
 */
public record HtbXstats(long lends, long borrows, long giants, int tokens, int ctokens) {
}
