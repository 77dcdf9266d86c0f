package dev.ffsock.netlink.route;

import java.net.InetAddress;
import java.util.Objects;

/**
 * A rule to add or delete with {@link RtnetlinkChanges}: the arguments of {@code ip rule add|del}.
 * Built fluently and checked as it is built:
 * {@snippet :
 * RuleSpec r = RuleSpec.ipv4().from("198.51.100.0/24").fwmark(0x10, 0xff).priority(100).table(1000);
 * }
 *
 * <p>For an add, unset fields get {@code ip}'s defaults: action {@code lookup}, table main. For a
 * delete, only what was set is matched (the action defaults to "any"). Not thread-safe.
 */
public final class RuleSpec {
    private final int family;
    private InetAddress src, dst;
    private int srcLen, dstLen, tos;
    private long priority = -1, table = -1, fwmark = -1, fwmask = -1, gotoTarget = -1;
    private String iif, oif;
    private UidRange uidRange;
    private PortRange sport, dport;
    private int ipProto = -1, protocol = -1, suppressPrefixLen = -1, suppressIfgroup = -1;
    private boolean l3mdev, invert;
    private RuleAction action;

    private RuleSpec(int family) {
        this.family = family;
    }

    /** {@return an IPv4 rule ({@code ip -4 rule})} */
    public static RuleSpec ipv4() {
        return new RuleSpec(ChangeChecks.AF_INET);
    }

    /** {@return an IPv6 rule ({@code ip -6 rule})} */
    public static RuleSpec ipv6() {
        return new RuleSpec(ChangeChecks.AF_INET6);
    }

    private ChangeChecks.Cidr prefix(String what, String cidr) {
        ChangeChecks.Cidr c = ChangeChecks.cidr(cidr);
        if (ChangeChecks.family(c.address()) != family) {
            throw new IllegalArgumentException(what + " " + cidr + " is not of the rule's family (" + (family == 2 ? "IPv4" : "IPv6") + ")");
        }
        return c;
    }

    /**
     * {@code from PREFIX}: the source ({@code FRA_SRC}); {@code all} means any.
     *
     * @param cidr {@code 198.51.100.0/24}, an address, or {@code all}
     * @return this spec, for chaining
     */
    public RuleSpec from(String cidr) {
        if (Objects.requireNonNull(cidr, "from").equals("all")) {
            src = null;
            srcLen = 0;
            return this;
        }
        ChangeChecks.Cidr c = prefix("from", cidr);
        src = c.address();
        srcLen = c.prefix();
        return this;
    }

    /**
     * {@code to PREFIX}: the destination ({@code FRA_DST}); {@code all} means any.
     *
     * @param cidr {@code 198.51.100.0/24}, an address, or {@code all}
     * @return this spec, for chaining
     */
    public RuleSpec to(String cidr) {
        if (Objects.requireNonNull(cidr, "to").equals("all")) {
            dst = null;
            dstLen = 0;
            return this;
        }
        ChangeChecks.Cidr c = prefix("to", cidr);
        dst = c.address();
        dstLen = c.prefix();
        return this;
    }

    /**
     * {@code not}: the rule matches what its selectors do not ({@code FIB_RULE_INVERT}).
     *
     * @return this spec, for chaining
     */
    public RuleSpec not() {
        invert = true;
        return this;
    }

    /**
     * {@code pref N}: the rule's priority ({@code FRA_PRIORITY}), 0..4294967295.
     *
     * @param p the priority ({@code pref N})
     * @return this spec, for chaining
     */
    public RuleSpec priority(long p) {
        priority = ChangeChecks.u32("rule priority", p, 0);
        return this;
    }

    /**
     * {@code lookup TABLE}: the table to look up ({@code FRA_TABLE} above 255), 1..4294967295; sets the action to {@code lookup}.
     *
     * @param t the table id ({@code table T})
     * @return this spec, for chaining
     */
    public RuleSpec table(long t) {
        ChangeChecks.u32("table", t, 1);
        if (l3mdev) throw new IllegalArgumentException("l3mdev and table exclude each other");
        table = t;
        action = RuleAction.TO_TBL;
        return this;
    }

    /**
     * {@code tos TOS} (the header's {@code tos}), 0..255.
     *
     * @param t the type-of-service byte ({@code tos T})
     * @return this spec, for chaining
     */
    public RuleSpec tos(int t) {
        tos = ChangeChecks.u8("tos", t);
        return this;
    }

    /**
     * {@code fwmark MARK/MASK} ({@code FRA_FWMARK}, {@code FRA_FWMASK}).
     *
     * @param mark the mark, 0..4294967295
     * @param mask the mask, 0..4294967295, or -1 for none (all bits)
     * @return this spec, for chaining
     */
    public RuleSpec fwmark(long mark, long mask) {
        ChangeChecks.u32("fwmark", mark, 0);
        if (mask < -1 || mask > 0xffff_ffffL) throw new IllegalArgumentException("fwmark mask must be 0..4294967295: " + mask);
        fwmark = mark;
        fwmask = mask;
        return this;
    }

    /**
     * {@code iif NAME}: the input interface ({@code FRA_IIFNAME}; it need not exist).
     *
     * @param name the interface's name
     * @return this spec, for chaining
     */
    public RuleSpec iif(String name) {
        iif = ChangeChecks.ifname(name);
        return this;
    }

    /**
     * {@code oif NAME}: the output interface ({@code FRA_OIFNAME}; it need not exist).
     *
     * @param name the interface's name
     * @return this spec, for chaining
     */
    public RuleSpec oif(String name) {
        oif = ChangeChecks.ifname(name);
        return this;
    }

    /**
     * {@code uidrange START-END} ({@code FRA_UID_RANGE}).
     *
     * @param r the range ({@link UidRange#of})
     * @return this spec, for chaining
     */
    public RuleSpec uidRange(UidRange r) {
        uidRange = Objects.requireNonNull(r, "uid range");
        if (r.start() > r.end()) throw new IllegalArgumentException("uid range " + r + " has start > end");
        return this;
    }

    /**
     * {@code sport START[-END]} ({@code FRA_SPORT_RANGE}).
     *
     * @param r the range ({@link PortRange#of})
     * @return this spec, for chaining
     */
    public RuleSpec sport(PortRange r) {
        sport = PortRange.of(r.start(), r.end());
        return this;
    }

    /**
     * {@code dport START[-END]} ({@code FRA_DPORT_RANGE}).
     *
     * @param r the range ({@link PortRange#of})
     * @return this spec, for chaining
     */
    public RuleSpec dport(PortRange r) {
        dport = PortRange.of(r.start(), r.end());
        return this;
    }

    /**
     * {@code ipproto P} ({@code FRA_IP_PROTO}), 0..255 ({@code 6} tcp, {@code 17} udp, …).
     *
     * @param p the IP protocol number
     * @return this spec, for chaining
     */
    public RuleSpec ipProto(int p) {
        ipProto = ChangeChecks.u8("ipproto", p);
        return this;
    }

    /**
     * {@code protocol P}: who installed the rule ({@code FRA_PROTOCOL}, an {@code RTPROT_*}, 0..255).
     *
     * @param p the protocol number
     * @return this spec, for chaining
     */
    public RuleSpec protocol(int p) {
        protocol = ChangeChecks.u8("protocol", p);
        return this;
    }

    /**
     * {@code suppress_prefixlength N}: reject routes of this prefix length or shorter ({@code FRA_SUPPRESS_PREFIXLEN}).
     *
     * @param len 0..32 (IPv4) or 0..128 (IPv6)
     * @return this spec, for chaining
     */
    public RuleSpec suppressPrefixLength(int len) {
        int max = ChangeChecks.maxPrefix(family);
        if (len < 0 || len > max) throw new IllegalArgumentException("suppress_prefixlength must be 0.." + max + ": " + len);
        suppressPrefixLen = len;
        return this;
    }

    /**
     * {@code suppress_ifgroup G}: reject routes through interfaces of this group ({@code FRA_SUPPRESS_IFGROUP}).
     *
     * @param group the interface group, 0..2147483647
     * @return this spec, for chaining
     */
    public RuleSpec suppressIfgroup(int group) {
        if (group < 0) throw new IllegalArgumentException("suppress_ifgroup must be 0..2147483647: " + group);
        suppressIfgroup = group;
        return this;
    }

    /**
     * {@code goto PRIORITY}: jump to the rule of that priority ({@code FR_ACT_GOTO}, {@code FRA_GOTO}).
     *
     * @param target the target rule's priority, 0..4294967295
     * @return this spec, for chaining
     */
    public RuleSpec goTo(long target) {
        gotoTarget = ChangeChecks.u32("goto target", target, 0);
        action = RuleAction.GOTO;
        table = -1;
        return this;
    }

    /**
     * {@code l3mdev}: look up the table of the packet's L3 master device ({@code FRA_L3MDEV}).
     *
     * @return this spec, for chaining
     */
    public RuleSpec l3mdev() {
        if (table > 0) throw new IllegalArgumentException("l3mdev and table exclude each other");
        l3mdev = true;
        action = RuleAction.TO_TBL;
        return this;
    }

    /**
     * The action: {@code nop}, {@code blackhole}, {@code unreachable} or {@code prohibit}
     * ({@link #table} and {@link #goTo} set theirs).
     *
     * @param a the action
     * @return this spec, for chaining
     */
    public RuleSpec action(RuleAction a) {
        Objects.requireNonNull(a, "action");
        switch (a.value()) {
            case FibRules.FR_ACT_NOP, FibRules.FR_ACT_BLACKHOLE, FibRules.FR_ACT_UNREACHABLE, FibRules.FR_ACT_PROHIBIT -> { }
            case FibRules.FR_ACT_TO_TBL, FibRules.FR_ACT_GOTO -> throw new IllegalArgumentException(
                    "set the " + a.name() + " action with table(…) or goTo(…)");
            default -> throw new IllegalArgumentException("rule action " + a.value() + " is not nop, blackhole, unreachable or prohibit");
        }
        action = a;
        table = -1;
        gotoTarget = -1;
        return this;
    }

    /** {@return AF_INET (2) or AF_INET6 (10)} */
    public int family() {
        return family;
    }

    /** Checks the whole rule before it is added. */
    void checkForAdd() {
        if (gotoTarget >= 0 && priority >= 0 && gotoTarget <= priority) {
            throw new IllegalArgumentException("goto " + gotoTarget + " must jump forward, past the rule's own priority " + priority);
        }
    }

    /** {@return the action for an add: the one set, else lookup} */
    RuleAction actionForAdd() {
        return action != null ? action : RuleAction.TO_TBL;
    }

    /** {@return the table for an add: the one set, else main for a lookup rule (not l3mdev), else 0} */
    long tableForAdd() {
        if (table > 0) return table;
        return actionForAdd().value() == FibRules.FR_ACT_TO_TBL && !l3mdev ? Rtnl.RT_TABLE_MAIN : 0;
    }

    RuleAction action() {
        return action;
    }

    long table() {
        return table;
    }

    InetAddress src() {
        return src;
    }

    InetAddress dst() {
        return dst;
    }

    int srcLen() {
        return srcLen;
    }

    int dstLen() {
        return dstLen;
    }

    int tos() {
        return tos;
    }

    long priority() {
        return priority;
    }

    long fwmark() {
        return fwmark;
    }

    long fwmask() {
        return fwmask;
    }

    long gotoTarget() {
        return gotoTarget;
    }

    String iif() {
        return iif;
    }

    String oif() {
        return oif;
    }

    UidRange uidRange() {
        return uidRange;
    }

    PortRange sport() {
        return sport;
    }

    PortRange dport() {
        return dport;
    }

    int ipProto() {
        return ipProto;
    }

    int protocol() {
        return protocol;
    }

    int suppressPrefixLen() {
        return suppressPrefixLen;
    }

    int suppressIfgroup() {
        return suppressIfgroup;
    }

    boolean isL3mdev() {
        return l3mdev;
    }

    boolean inverted() {
        return invert;
    }
}
