package dev.ffsock.netlink.route;

import java.net.InetAddress;
import java.util.List;

/**
 * A nexthop object as {@code RTM_NEWNEXTHOP} describes it: one line of {@code ip nexthop show}.
 * Not to be confused with {@link NextHop}, one path of a multipath route ({@code RTA_MULTIPATH}):
 * a nexthop object lives on its own, has an id, and routes refer to it with {@code nhid}.
 *
 * @param id         {@code NHA_ID}
 * @param family     {@code nh_family}: AF_INET, AF_INET6, or AF_UNSPEC for a group
 * @param scope      {@code nh_scope}
 * @param protocol   {@code nh_protocol} ({@code RTPROT_*})
 * @param flags      {@code nh_flags}: {@code RTNH_F_*} ({@code onlink}, {@code dead}, {@code linkdown}, …)
 * @param gateway    {@code NHA_GATEWAY} ({@code via}), or null
 * @param oif        {@code NHA_OIF} ({@code dev}), 0 if absent
 * @param blackhole  {@code NHA_BLACKHOLE} ({@code blackhole})
 * @param fdb        {@code NHA_FDB} ({@code fdb})
 * @param group      {@code NHA_GROUP} members ({@code group 1,2/3}); empty if not a group
 * @param groupType  {@code NHA_GROUP_TYPE} ({@code NEXTHOP_GRP_TYPE_MPATH} 0 or {@code _RES} 1), 0 if absent
 * @param resilience {@code NHA_RES_GROUP} of a resilient group, or null
 * @param raw        attributes not interpreted, in message order
 */
public record Nexthop(int id, int family, Scope scope, RouteProtocol protocol, int flags, InetAddress gateway, int oif,
        boolean blackhole, boolean fdb, List<NexthopGroupMember> group, int groupType, NexthopResilience resilience,
        List<RawAttribute> raw) {
    /** Defensive copies. */
    public Nexthop {
        group = group == null ? List.of() : List.copyOf(group);
        raw = raw == null ? List.of() : List.copyOf(raw);
    }

    /** {@return whether this is a group ({@code NHA_GROUP})} */
    public boolean isGroup() {
        return !group.isEmpty();
    }

    /** {@return the group type's name: {@code mpath} or {@code resilient}, else the number} */
    public String groupTypeName() {
        return switch (groupType) {
            case NexthopConstants.NEXTHOP_GRP_TYPE_MPATH -> "mpath";
            case NexthopConstants.NEXTHOP_GRP_TYPE_RES -> "resilient";
            default -> Integer.toString(groupType);
        };
    }
}
