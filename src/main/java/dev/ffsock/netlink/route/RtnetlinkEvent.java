package dev.ffsock.netlink.route;

import java.util.Objects;

/**
 * One rtnetlink notification, decoded: an object appeared or changed ({@code RTM_NEW*}) or was
 * deleted ({@code RTM_DEL*}). Delivered by {@link RtnetlinkEvents}; pattern-match on the kind:
 * {@snippet :
 * switch (event) {
 *     case RtnetlinkEvent.LinkEvent(var deleted, Link l) -> …
 *     case RtnetlinkEvent.AddrEvent(var deleted, Addr a) -> …
 *     case RtnetlinkEvent.RouteEvent(var deleted, Route r) -> …
 *     case RtnetlinkEvent.NeighEvent(var deleted, Neigh n) -> …
 *     case RtnetlinkEvent.RuleEvent(var deleted, Rule r) -> …
 *     case RtnetlinkEvent.NexthopEvent(var deleted, Nexthop n) -> …
 *     case RtnetlinkEvent.FdbEvent(var deleted, Neigh entry) -> …
 *     case RtnetlinkEvent.NsidEvent(var deleted, NetnsId id) -> …
 * }
 * }
 * A link's {@code RTM_NEWLINK} is sent both when it is created and on every later change (flags,
 * carrier, MTU, master, …): "new" means "new state", not necessarily "new link".
 */
public sealed interface RtnetlinkEvent {
    /** {@return true for {@code RTM_DEL*}, false for {@code RTM_NEW*}} */
    boolean deleted();

    /** {@return the link, address, route, neighbour, rule or nexthop object} */
    Object object();

    /**
     * {@code RTM_NEWLINK} / {@code RTM_DELLINK} (group {@code RTNLGRP_LINK}).
     *
     * @param deleted true for RTM_DELLINK
     * @param link    the link's state
     */
    record LinkEvent(boolean deleted, Link link) implements RtnetlinkEvent {
        /** Requires the link. */
        public LinkEvent {
            Objects.requireNonNull(link, "link");
        }

        @Override
        public Object object() {
            return link;
        }
    }

    /**
     * {@code RTM_NEWADDR} / {@code RTM_DELADDR} (groups {@code RTNLGRP_IPV4_IFADDR}, {@code RTNLGRP_IPV6_IFADDR}).
     *
     * @param deleted true for RTM_DELADDR
     * @param addr    the address
     */
    record AddrEvent(boolean deleted, Addr addr) implements RtnetlinkEvent {
        /** Requires the address. */
        public AddrEvent {
            Objects.requireNonNull(addr, "addr");
        }

        @Override
        public Object object() {
            return addr;
        }
    }

    /**
     * {@code RTM_NEWROUTE} / {@code RTM_DELROUTE} (groups {@code RTNLGRP_IPV4_ROUTE}, {@code RTNLGRP_IPV6_ROUTE}).
     *
     * @param deleted true for RTM_DELROUTE
     * @param route   the route
     */
    record RouteEvent(boolean deleted, Route route) implements RtnetlinkEvent {
        /** Requires the route. */
        public RouteEvent {
            Objects.requireNonNull(route, "route");
        }

        @Override
        public Object object() {
            return route;
        }
    }

    /**
     * {@code RTM_NEWNEIGH} / {@code RTM_DELNEIGH} (group {@code RTNLGRP_NEIGH}).
     *
     * @param deleted true for RTM_DELNEIGH
     * @param neigh   the neighbour entry
     */
    record NeighEvent(boolean deleted, Neigh neigh) implements RtnetlinkEvent {
        /** Requires the entry. */
        public NeighEvent {
            Objects.requireNonNull(neigh, "neigh");
        }

        @Override
        public Object object() {
            return neigh;
        }
    }

    // ---- rules and nexthop objects (issue 10)

    /**
     * {@code RTM_NEWRULE} / {@code RTM_DELRULE} (groups {@code RTNLGRP_IPV4_RULE}, {@code RTNLGRP_IPV6_RULE}).
     *
     * @param deleted true for RTM_DELRULE
     * @param rule    the rule
     */
    record RuleEvent(boolean deleted, Rule rule) implements RtnetlinkEvent {
        /** Requires the rule. */
        public RuleEvent {
            Objects.requireNonNull(rule, "rule");
        }

        @Override
        public Object object() {
            return rule;
        }
    }

    /**
     * {@code RTM_NEWNEXTHOP} / {@code RTM_DELNEXTHOP} (group {@code RTNLGRP_NEXTHOP}).
     *
     * @param deleted true for RTM_DELNEXTHOP
     * @param nexthop the nexthop object
     */
    record NexthopEvent(boolean deleted, Nexthop nexthop) implements RtnetlinkEvent {
        /** Requires the nexthop object. */
        public NexthopEvent {
            Objects.requireNonNull(nexthop, "nexthop");
        }

        @Override
        public Object object() {
            return nexthop;
        }
    }

    // ---- tc: qdiscs, classes, filters (group RTNLGRP_TC)

    /**
     * {@code RTM_NEWQDISC} / {@code RTM_DELQDISC} (group {@code RTNLGRP_TC}; {@code tc monitor}).
     *
     * @param deleted true for RTM_DELQDISC
     * @param qdisc   the qdisc
     */
    record QdiscEvent(boolean deleted, dev.ffsock.netlink.tc.Qdisc qdisc) implements RtnetlinkEvent {
        /** Requires the qdisc. */
        public QdiscEvent {
            Objects.requireNonNull(qdisc, "qdisc");
        }

        @Override
        public Object object() {
            return qdisc;
        }
    }

    /**
     * {@code RTM_NEWTCLASS} / {@code RTM_DELTCLASS} (group {@code RTNLGRP_TC}).
     *
     * @param deleted true for RTM_DELTCLASS
     * @param tcClass the class
     */
    record TcClassEvent(boolean deleted, dev.ffsock.netlink.tc.TcClass tcClass) implements RtnetlinkEvent {
        /** Requires the class. */
        public TcClassEvent {
            Objects.requireNonNull(tcClass, "tcClass");
        }

        @Override
        public Object object() {
            return tcClass;
        }
    }

    /**
     * {@code RTM_NEWTFILTER} / {@code RTM_DELTFILTER} (group {@code RTNLGRP_TC}).
     *
     * @param deleted true for RTM_DELTFILTER
     * @param filter  the filter
     */
    record TcFilterEvent(boolean deleted, dev.ffsock.netlink.tc.TcFilter filter) implements RtnetlinkEvent {
        /** Requires the filter. */
        public TcFilterEvent {
            Objects.requireNonNull(filter, "filter");
        }

        @Override
        public Object object() {
            return filter;
        }
    }

    // ---- issue 10: fdb and nsid events


    /**
     * {@code RTM_NEWNEIGH} / {@code RTM_DELNEIGH} of family AF_BRIDGE: a forwarding-database entry
     * ({@code bridge monitor fdb}; group {@code RTNLGRP_NEIGH}, topic {@link RtnetlinkEvents.Topic#FDB}).
     *
     * @param deleted true for RTM_DELNEIGH
     * @param entry   the fdb entry ({@link Neigh#family()} is AF_BRIDGE)
     */
    record FdbEvent(boolean deleted, Neigh entry) implements RtnetlinkEvent {
        /** Requires the entry. */
        public FdbEvent {
            Objects.requireNonNull(entry, "entry");
        }

        @Override
        public Object object() {
            return entry;
        }
    }

    /**
     * {@code RTM_NEWNSID} / {@code RTM_DELNSID}: a peer namespace got or lost an id here ({@code ip
     * monitor nsid}; group {@code RTNLGRP_NSID}).
     *
     * @param deleted true for RTM_DELNSID
     * @param nsid    the id
     */
    record NsidEvent(boolean deleted, NetnsId nsid) implements RtnetlinkEvent {
        /** Requires the id. */
        public NsidEvent {
            Objects.requireNonNull(nsid, "nsid");
        }

        @Override
        public Object object() {
            return nsid;
        }
    }
}
