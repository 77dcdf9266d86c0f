package dev.ffsock.netlink.route;

/**
 * A range of TCP/UDP ports, {@code struct fib_rule_port_range}: a rule's {@code sport 1000-2000}
 * or {@code dport 443} ({@code FRA_SPORT_RANGE}/{@code FRA_DPORT_RANGE}).
 *
 * @param start the first port
 * @param end   the last port (equal to {@code start} for a single port)
 */
public record PortRange(int start, int end) {
    /** Checks that both ends are 0..65535 (the decoded form is not checked further). */
    public PortRange {
        if (start < 0 || start > 0xffff || end < 0 || end > 0xffff) {
            throw new IllegalArgumentException("ports must be 0..65535: " + start + "-" + end);
        }
    }

    /**
     * A range the kernel accepts in a rule: 1..65534 at both ends, {@code start <= end}.
     *
     * @param start the first port
     * @param end   the last port
     * @return the range
     * @throws IllegalArgumentException if the kernel would refuse it
     */
    public static PortRange of(int start, int end) {
        if (start < 1 || end < 1 || start > 65534 || end > 65534) {
            throw new IllegalArgumentException("rule ports must be 1..65534: " + start + "-" + end);
        }
        if (start > end) throw new IllegalArgumentException("port range " + start + "-" + end + " has start > end");
        return new PortRange(start, end);
    }

    /** {@return {@code 443} or {@code 1000-2000}, as {@code ip rule} takes it} */
    @Override
    public String toString() {
        return start == end ? Integer.toString(start) : start + "-" + end;
    }
}
