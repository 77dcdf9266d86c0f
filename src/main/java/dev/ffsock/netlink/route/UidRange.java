package dev.ffsock.netlink.route;

/**
 * A range of user ids, {@code struct fib_rule_uid_range}: a rule's {@code uidrange 1000-1999}
 * ({@code FRA_UID_RANGE}).
 *
 * @param start the first uid, 0..4294967295
 * @param end   the last uid, 0..4294967295
 */
public record UidRange(long start, long end) {
    /** Checks that both ends are unsigned 32-bit values. */
    public UidRange {
        if (start < 0 || start > 0xffff_ffffL || end < 0 || end > 0xffff_ffffL) {
            throw new IllegalArgumentException("uids must be 0..4294967295: " + start + "-" + end);
        }
    }

    /**
     * A range the kernel accepts: {@code start <= end}.
     *
     * @param start the first uid
     * @param end   the last uid
     * @return the range
     * @throws IllegalArgumentException if {@code start > end} or either is outside 0..4294967295
     */
    public static UidRange of(long start, long end) {
        UidRange r = new UidRange(start, end);
        if (start > end) throw new IllegalArgumentException("uid range " + start + "-" + end + " has start > end");
        return r;
    }

    /** {@return {@code 1000-1999}, as {@code ip rule} takes it} */
    @Override
    public String toString() {
        return start + "-" + end;
    }
}
