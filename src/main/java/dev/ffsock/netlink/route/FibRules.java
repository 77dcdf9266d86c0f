package dev.ffsock.netlink.route;

/**
 * Policy-routing rule constants of {@code linux/fib_rules.h} with their C names: {@code FRA_*}
 * attributes, {@code FR_ACT_*} actions and {@code FIB_RULE_*} flags (what {@code ip rule} sends).
 * The project's probe test checks each against gcc.
 */
public final class FibRules {
    private FibRules() {
    }

    /** C FIB_RULE_DEV_DETACHED. */
    public static final int FIB_RULE_DEV_DETACHED = 8;
    /** C FIB_RULE_FIND_SADDR. */
    public static final int FIB_RULE_FIND_SADDR = 65536;
    /** C FIB_RULE_IIF_DETACHED. */
    public static final int FIB_RULE_IIF_DETACHED = 8;
    /** C FIB_RULE_INVERT. */
    public static final int FIB_RULE_INVERT = 2;
    /** C FIB_RULE_OIF_DETACHED. */
    public static final int FIB_RULE_OIF_DETACHED = 16;
    /** C FIB_RULE_PERMANENT. */
    public static final int FIB_RULE_PERMANENT = 1;
    /** C FIB_RULE_UNRESOLVED. */
    public static final int FIB_RULE_UNRESOLVED = 4;
    /** C FRA_DPORT_RANGE. */
    public static final int FRA_DPORT_RANGE = 24;
    /** C FRA_DST. */
    public static final int FRA_DST = 1;
    /** C FRA_FLOW. */
    public static final int FRA_FLOW = 11;
    /** C FRA_FWMARK. */
    public static final int FRA_FWMARK = 10;
    /** C FRA_FWMASK. */
    public static final int FRA_FWMASK = 16;
    /** C FRA_GOTO. */
    public static final int FRA_GOTO = 4;
    /** C FRA_IFNAME. */
    public static final int FRA_IFNAME = 3;
    /** C FRA_IIFNAME. */
    public static final int FRA_IIFNAME = 3;
    /** C FRA_IP_PROTO. */
    public static final int FRA_IP_PROTO = 22;
    /** C FRA_L3MDEV. */
    public static final int FRA_L3MDEV = 19;
    /** C FRA_MAX. */
    public static final int FRA_MAX = 24;
    /** C FRA_OIFNAME. */
    public static final int FRA_OIFNAME = 17;
    /** C FRA_PAD. */
    public static final int FRA_PAD = 18;
    /** C FRA_PRIORITY. */
    public static final int FRA_PRIORITY = 6;
    /** C FRA_PROTOCOL. */
    public static final int FRA_PROTOCOL = 21;
    /** C FRA_SPORT_RANGE. */
    public static final int FRA_SPORT_RANGE = 23;
    /** C FRA_SRC. */
    public static final int FRA_SRC = 2;
    /** C FRA_SUPPRESS_IFGROUP. */
    public static final int FRA_SUPPRESS_IFGROUP = 13;
    /** C FRA_SUPPRESS_PREFIXLEN. */
    public static final int FRA_SUPPRESS_PREFIXLEN = 14;
    /** C FRA_TABLE. */
    public static final int FRA_TABLE = 15;
    /** C FRA_TUN_ID. */
    public static final int FRA_TUN_ID = 12;
    /** C FRA_UID_RANGE. */
    public static final int FRA_UID_RANGE = 20;
    /** C FRA_UNSPEC. */
    public static final int FRA_UNSPEC = 0;
    /** C FRA_UNUSED2. */
    public static final int FRA_UNUSED2 = 5;
    /** C FRA_UNUSED3. */
    public static final int FRA_UNUSED3 = 7;
    /** C FRA_UNUSED4. */
    public static final int FRA_UNUSED4 = 8;
    /** C FRA_UNUSED5. */
    public static final int FRA_UNUSED5 = 9;
    /** C FR_ACT_BLACKHOLE. */
    public static final int FR_ACT_BLACKHOLE = 6;
    /** C FR_ACT_GOTO. */
    public static final int FR_ACT_GOTO = 2;
    /** C FR_ACT_MAX. */
    public static final int FR_ACT_MAX = 8;
    /** C FR_ACT_NOP. */
    public static final int FR_ACT_NOP = 3;
    /** C FR_ACT_PROHIBIT. */
    public static final int FR_ACT_PROHIBIT = 8;
    /** C FR_ACT_RES3. */
    public static final int FR_ACT_RES3 = 4;
    /** C FR_ACT_RES4. */
    public static final int FR_ACT_RES4 = 5;
    /** C FR_ACT_TO_TBL. */
    public static final int FR_ACT_TO_TBL = 1;
    /** C FR_ACT_UNREACHABLE. */
    public static final int FR_ACT_UNREACHABLE = 7;
    /** C FR_ACT_UNSPEC. */
    public static final int FR_ACT_UNSPEC = 0;
}
