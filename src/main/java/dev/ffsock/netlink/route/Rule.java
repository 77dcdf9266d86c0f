package dev.ffsock.netlink.route;

import java.net.InetAddress;
import java.util.List;

/**
 * A policy-routing rule as {@code RTM_NEWRULE} describes it: one line of {@code ip rule show}.
 *
 * <p>Absent attributes: addresses, names and ranges are null; {@code priority} is 0 (the kernel
 * leaves it out for priority 0); {@code fwmark}, {@code fwmask}, {@code gotoTarget}, {@code protocol}
 * and {@code ipProto} are -1;
 * {@code suppressPrefixLen} and {@code suppressIfgroup} are -1 when absent or unset (the kernel
 * sends -1 for "not set").
 *
 * @param family            {@code family}: AF_INET (2) or AF_INET6 (10)
 * @param dstLen            {@code dst_len} ({@code to PREFIX/LEN})
 * @param srcLen            {@code src_len} ({@code from PREFIX/LEN})
 * @param tos               {@code tos}
 * @param table             {@code FRA_TABLE} if present, else the header's {@code table} ({@code lookup T}); 0 none
 * @param action            {@code action} ({@code FR_ACT_*})
 * @param flags             {@code flags}: {@code FIB_RULE_*} ({@code FIB_RULE_INVERT} is {@code not})
 * @param dst               {@code FRA_DST} ({@code to})
 * @param src               {@code FRA_SRC} ({@code from})
 * @param iifName           {@code FRA_IIFNAME} ({@code iif})
 * @param oifName           {@code FRA_OIFNAME} ({@code oif})
 * @param priority          {@code FRA_PRIORITY} ({@code pref}), unsigned, 0 if absent
 * @param fwmark            {@code FRA_FWMARK} ({@code fwmark}), unsigned
 * @param fwmask            {@code FRA_FWMASK} ({@code fwmark M/MASK}), unsigned
 * @param flow              {@code FRA_FLOW} (realms), 0 if absent
 * @param gotoTarget        {@code FRA_GOTO} ({@code goto PRIORITY}), unsigned
 * @param suppressPrefixLen {@code FRA_SUPPRESS_PREFIXLEN} ({@code suppress_prefixlength})
 * @param suppressIfgroup   {@code FRA_SUPPRESS_IFGROUP} ({@code suppress_ifgroup})
 * @param l3mdev            {@code FRA_L3MDEV} set to 1 ({@code l3mdev})
 * @param uidRange          {@code FRA_UID_RANGE} ({@code uidrange})
 * @param protocol          {@code FRA_PROTOCOL} ({@code protocol}, an {@code RTPROT_*})
 * @param ipProto           {@code FRA_IP_PROTO} ({@code ipproto})
 * @param sportRange        {@code FRA_SPORT_RANGE} ({@code sport})
 * @param dportRange        {@code FRA_DPORT_RANGE} ({@code dport})
 * @param raw               attributes not interpreted, in message order
 */
public record Rule(int family, int dstLen, int srcLen, int tos, long table, RuleAction action, int flags,
        InetAddress dst, InetAddress src, String iifName, String oifName, long priority, long fwmark, long fwmask,
        int flow, long gotoTarget, int suppressPrefixLen, int suppressIfgroup, boolean l3mdev, UidRange uidRange,
        int protocol, int ipProto, PortRange sportRange, PortRange dportRange, List<RawAttribute> raw) {
    /** Defensive copy of {@code raw}. */
    public Rule {
        raw = raw == null ? List.of() : List.copyOf(raw);
    }

    /** {@return whether the rule is inverted ({@code not}: {@code FIB_RULE_INVERT})} */
    public boolean inverted() {
        return (flags & FibRules.FIB_RULE_INVERT) != 0;
    }

    /** {@return the table's name as {@code ip rule} prints it: {@code main}, {@code local}, or the number} */
    public String tableName() {
        return Route.tableName((int) table);
    }
}
