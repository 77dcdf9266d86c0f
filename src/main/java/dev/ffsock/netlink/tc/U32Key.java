package dev.ffsock.netlink.tc;

/**
 * One {@code struct tc_u32_key}: the 32-bit word at {@code off} (plus the next header's offset when
 * {@code offmask} is set), masked, must equal {@code value}. {@code value} and {@code mask} are the
 * word as read in network byte order (tc prints them so: {@code match 0a000001/ffffffff at 16}).
 *
 * @param mask    the mask
 * @param value   the value (already masked)
 * @param off     byte offset, a multiple of 4
 * @param offmask {@code offmask}: non-zero for an offset relative to the next header
 */
public record U32Key(int mask, int value, int off, int offmask) {
}
