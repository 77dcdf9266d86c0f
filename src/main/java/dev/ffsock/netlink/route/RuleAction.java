package dev.ffsock.netlink.route;

/**
 * A rule's action ({@code fib_rule_hdr.action}, {@code FR_ACT_*}), named as {@code ip rule} prints
 * it: {@code to_tbl} ({@code lookup TABLE}), {@code goto}, {@code nop}, {@code blackhole},
 * {@code unreachable}, {@code prohibit}.
 *
 * @param value the action number, 0 to 255
 */
public record RuleAction(int value) {
    /** {@code lookup TABLE}: look the packet up in a routing table. */
    public static final RuleAction TO_TBL = new RuleAction(FibRules.FR_ACT_TO_TBL);
    /** {@code goto PRIORITY}: jump to another rule. */
    public static final RuleAction GOTO = new RuleAction(FibRules.FR_ACT_GOTO);
    /** {@code nop}: do nothing. */
    public static final RuleAction NOP = new RuleAction(FibRules.FR_ACT_NOP);
    /** {@code blackhole}: drop silently. */
    public static final RuleAction BLACKHOLE = new RuleAction(FibRules.FR_ACT_BLACKHOLE);
    /** {@code unreachable}: drop with ENETUNREACH. */
    public static final RuleAction UNREACHABLE = new RuleAction(FibRules.FR_ACT_UNREACHABLE);
    /** {@code prohibit}: drop with EACCES. */
    public static final RuleAction PROHIBIT = new RuleAction(FibRules.FR_ACT_PROHIBIT);

    /** Checks the range. */
    public RuleAction {
        ChangeChecks.u8("rule action", value);
    }

    /**
     * {@return the name: {@code to_tbl}, {@code goto}, {@code nop}, {@code blackhole},
     * {@code unreachable}, {@code prohibit}, else the route-type name {@code ip} prints for the number}
     */
    public String name() {
        return switch (value) {
            case FibRules.FR_ACT_TO_TBL -> "to_tbl";
            case FibRules.FR_ACT_GOTO -> "goto";
            case FibRules.FR_ACT_NOP -> "nop";
            default -> new RouteType(value).name();
        };
    }

    /**
     * Parses {@code lookup}/{@code table}/{@code to_tbl}, {@code goto}, {@code nop}, {@code blackhole},
     * {@code unreachable}, {@code prohibit}.
     *
     * @param s the name
     * @return the action
     * @throws IllegalArgumentException for another word
     */
    public static RuleAction parse(String s) {
        return switch (s) {
            case "lookup", "table", "to_tbl" -> TO_TBL;
            case "goto" -> GOTO;
            case "nop" -> NOP;
            case "blackhole" -> BLACKHOLE;
            case "unreachable" -> UNREACHABLE;
            case "prohibit" -> PROHIBIT;
            default -> throw new IllegalArgumentException("unknown rule action '" + s + "'");
        };
    }

    /** {@return {@link #name()}} */
    @Override
    public String toString() {
        return name();
    }
}
