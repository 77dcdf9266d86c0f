package dev.ffsock.cli;

/**
 * One socket as {@code ss} prints it: the columns, the text after them on the same line, and the
 * indented second line ({@code -i}/{@code -m}), empty if none.
 *
 * @param cells netid, state, Recv-Q, Send-Q, local, peer (netid and state may be left out later)
 * @param tail  what follows the peer column on the same line, each item with a leading space
 * @param info  the second line's text (printed after a tab), or empty
 */
record SsLine(String[] cells, String tail, String info) {
}
